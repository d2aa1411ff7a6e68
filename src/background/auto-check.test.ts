import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';

/**
 * An in-memory stand-in for the three extension APIs that auto-check.ts
 * calls. A granted pattern covers a site when it is the site's own pattern
 * or one that covers every site of its scheme, as `*://*\/*` does.
 */
class FakeBrowser {
  runtime = { id: 'lab-check-test' };
  items = new Map<string, unknown>();
  granted = new Set<string>();
  scripts = new Map<string, { id: string; matches: string[]; world?: string }>();

  storage = {
    local: {
      get: async (key: string) => (this.items.has(key) ? { [key]: this.items.get(key) } : {}),
      set: async (values: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(values)) this.items.set(key, value);
      },
    },
  };

  permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((pattern) => this.covers(pattern)),
    remove: async ({ origins }: { origins: string[] }) => origins.map((pattern) => this.granted.delete(pattern)).every(Boolean),
  };

  scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => [...this.scripts.values()].filter((script) => ids.includes(script.id)),
    registerContentScripts: async (scripts: Array<{ id: string; matches: string[]; world?: string }>) => {
      for (const script of scripts) {
        if (this.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        this.scripts.set(script.id, script);
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) this.scripts.delete(id);
    },
  };

  private covers(pattern: string): boolean {
    const scheme = pattern.slice(0, pattern.indexOf('://'));
    return ['<all_urls>', '*://*/*', `${scheme}://*/*`, pattern].some((granted) => this.granted.has(granted));
  }
}

const fake = new FakeBrowser();
// webextension-polyfill exports the global `browser` as it is when `chrome.runtime.id` and `browser.runtime.id` are set.
Object.assign(globalThis, { chrome: { runtime: { id: fake.runtime.id } }, browser: fake });
const autoCheck = await import('./auto-check.ts');

const SITE = 'https://course.example.com';
const OTHER = 'http://127.0.0.1:8080';

beforeEach(() => {
  fake.items.clear();
  fake.granted.clear();
  fake.scripts.clear();
});

const scriptIds = () => [...fake.scripts.keys()].sort();
const storedOrigins = () => fake.items.get('autoCheckOrigins');

test('enable registers both scripts', async () => {
  fake.granted.add(`${SITE}/*`);

  assert.deepEqual(await autoCheck.enableAutoCheck(SITE), { origin: SITE, enabled: true });
  assert.deepEqual(scriptIds(), [`auto-check ${SITE}`, `auto-check main ${SITE}`]);
  assert.equal(fake.scripts.get(`auto-check main ${SITE}`)?.world, 'MAIN');
  assert.deepEqual(fake.scripts.get(`auto-check ${SITE}`)?.matches, [`${SITE}/*`]);
  assert.deepEqual(storedOrigins(), [SITE]);
  assert.equal(await autoCheck.isAutoCheckOrigin(SITE), true);
});

test('enable without permission does nothing', async () => {
  assert.deepEqual(await autoCheck.enableAutoCheck(SITE), { origin: SITE, enabled: false });
  assert.deepEqual(scriptIds(), []);
  assert.equal(storedOrigins(), undefined);
});

test('disable unregisters and gives permission back', async () => {
  fake.granted.add(`${SITE}/*`);
  await autoCheck.enableAutoCheck(SITE);

  assert.deepEqual(await autoCheck.disableAutoCheck(SITE), { origin: SITE, enabled: false });
  assert.deepEqual(scriptIds(), []);
  assert.deepEqual(storedOrigins(), []);
  assert.equal(fake.granted.has(`${SITE}/*`), false);
});

test('revoked site dropped, other kept', async () => {
  fake.granted.add(`${SITE}/*`).add(`${OTHER}/*`);
  await autoCheck.enableAutoCheck(SITE);
  await autoCheck.enableAutoCheck(OTHER);

  fake.granted.delete(`${SITE}/*`);
  await autoCheck.onPermissionsRemoved();

  assert.deepEqual(scriptIds(), [`auto-check ${OTHER}`, `auto-check main ${OTHER}`]);
  assert.deepEqual(storedOrigins(), [OTHER]);
  assert.equal(await autoCheck.isAutoCheckOrigin(SITE), false);
  assert.equal(await autoCheck.isAutoCheckOrigin(OTHER), true);
});

test('revoking every site drops each', async () => {
  // Access to every https site was granted, so the site's own pattern was never requested.
  fake.granted.add('https://*/*').add(`${OTHER}/*`);
  await autoCheck.enableAutoCheck(SITE);
  await autoCheck.enableAutoCheck(OTHER);

  fake.granted.delete('https://*/*');
  await autoCheck.onPermissionsRemoved();

  assert.deepEqual(storedOrigins(), [OTHER]);
  assert.deepEqual(scriptIds(), [`auto-check ${OTHER}`, `auto-check main ${OTHER}`]);
});

test('removal of unrelated permission keeps sites', async () => {
  fake.granted.add(`${SITE}/*`).add(`${OTHER}/*`);
  await autoCheck.enableAutoCheck(SITE);

  fake.granted.delete(`${OTHER}/*`);
  await autoCheck.onPermissionsRemoved();

  assert.deepEqual(storedOrigins(), [SITE]);
  assert.equal(scriptIds().length, 2);
});

test('reconcile re-registers granted sites only', async () => {
  fake.granted.add(`${SITE}/*`).add(`${OTHER}/*`);
  await autoCheck.enableAutoCheck(SITE);
  await autoCheck.enableAutoCheck(OTHER);
  fake.scripts.clear();
  fake.granted.delete(`${OTHER}/*`);

  await autoCheck.reconcileAutoCheck();

  assert.deepEqual(scriptIds(), [`auto-check ${SITE}`, `auto-check main ${SITE}`]);
  assert.deepEqual(storedOrigins(), [SITE]);
});
