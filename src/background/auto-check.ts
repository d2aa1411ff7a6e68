/**
 * "Check this site automatically": for each site the learner opted into,
 * the content scripts are registered for its pages and the worker re-checks
 * them as the learner edits. The site's host permission is optional and may
 * be revoked at any time (Firefox users can do so from the add-on's page),
 * so every use checks that the permission is still granted.
 */
import { browser } from '../extension/browser.ts';
import { createLogger } from '../extension/logger.ts';
import type { AutoCheckState } from './messages.ts';
import { AUTO_CHECK_ORIGINS_KEY as ORIGINS_KEY } from './stored-state.ts';

const log = createLogger('auto-check');
const SCRIPT_PREFIX = 'auto-check ';

export const originPattern = (origin: string): string => `${origin}/*`;

async function storedOrigins(): Promise<string[]> {
  const items = await browser.storage.local.get(ORIGINS_KEY);
  const origins = items[ORIGINS_KEY];
  return Array.isArray(origins) ? origins.filter((origin) => typeof origin === 'string') : [];
}

async function storeOrigins(origins: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [ORIGINS_KEY]: [...new Set(origins)].sort() });
}

const hasPermission = (origin: string): Promise<boolean> =>
  browser.permissions.contains({ origins: [originPattern(origin)] });

export async function isAutoCheckOrigin(origin: string): Promise<boolean> {
  return (await storedOrigins()).includes(origin) && (await hasPermission(origin));
}

export async function autoCheckState(origin: string | undefined): Promise<AutoCheckState> {
  if (origin === undefined) return { enabled: false };
  return { origin, enabled: await isAutoCheckOrigin(origin) };
}

function scriptIds(origin: string): { main: string; isolated: string } {
  return { main: `${SCRIPT_PREFIX}main ${origin}`, isolated: `${SCRIPT_PREFIX}${origin}` };
}

async function registerScripts(origin: string): Promise<void> {
  const ids = scriptIds(origin);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ids.main, ids.isolated] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ids.main, ids.isolated] });

  const matches = [originPattern(origin)];
  await browser.scripting.registerContentScripts([
    { id: ids.main, matches, js: ['main-world.js'], world: 'MAIN', runAt: 'document_idle', persistAcrossSessions: true },
    { id: ids.isolated, matches, js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

async function unregisterScripts(origin: string): Promise<void> {
  const ids = scriptIds(origin);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ids.main, ids.isolated] });
  if (registered.length === 0) return;

  await browser.scripting.unregisterContentScripts({ ids: registered.map((script) => script.id) });
}

/** Turns automatic checks on for `origin`; the popup must have obtained the host permission. */
export async function enableAutoCheck(origin: string): Promise<AutoCheckState> {
  if (!(await hasPermission(origin))) return { origin, enabled: false };

  await registerScripts(origin);
  await storeOrigins([...(await storedOrigins()), origin]);
  return { origin, enabled: true };
}

/** Turns automatic checks off for `origin` and gives its host permission back. */
export async function disableAutoCheck(origin: string): Promise<AutoCheckState> {
  await unregisterScripts(origin);
  await storeOrigins((await storedOrigins()).filter((stored) => stored !== origin));
  try {
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch (error) {
    // A host the manifest grants outright (the e2e build's) cannot be removed.
    log.debug('kept the host permission', error);
  }
  return { origin, enabled: false };
}

/**
 * Drops the sites whose permission was revoked while the worker was not
 * running, and registers the scripts again for the others (a browser may
 * drop registered scripts on update).
 */
export async function reconcileAutoCheck(): Promise<void> {
  const stillGranted: string[] = [];
  for (const origin of await storedOrigins()) {
    try {
      if (await hasPermission(origin)) {
        await registerScripts(origin);
        stillGranted.push(origin);
      } else {
        await unregisterScripts(origin);
      }
    } catch (error) {
      log.error('could not restore an automatic check', error);
    }
  }
  await storeOrigins(stillGranted);
}

/**
 * Stops checking the sites whose host permission the learner revoked. The
 * removed patterns need not be the ones the popup asked for (taking back
 * access to every site removes patterns that cover them all), so each
 * stored site's permission is looked up again rather than matched.
 */
export async function onPermissionsRemoved(): Promise<void> {
  const stored = await storedOrigins();
  const revoked: string[] = [];
  for (const origin of stored) {
    if (!(await hasPermission(origin))) revoked.push(origin);
  }
  for (const origin of revoked) await unregisterScripts(origin);
  if (revoked.length > 0) await storeOrigins(stored.filter((origin) => !revoked.includes(origin)));
}
