/**
 * Finds the Chromium binary and prepares the unpacked extension that the
 * Playwright fixture loads.
 */
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Environment variable naming the Chromium binary to use. */
export const BROWSER_ENV = 'LAB_CHECK_CHROMIUM';
/** Environment variable naming the unpacked extension folder to load. */
export const EXTENSION_ENV = 'LAB_CHECK_EXTENSION';

/**
 * Binaries tried in order when none is named. Google Chrome is not among
 * them: its branded builds ignore `--load-extension` since Chrome 137.
 */
export const DEFAULT_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Chromium flags that load one unpacked extension; Playwright adds `--disable-extensions`, which these override. */
export function extensionArgs(extensionPath: string): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Returns the Chromium binary to launch: `requested`, else `$LAB_CHECK_CHROMIUM`, else the first installed default. */
export function findChromium(
  requested?: string,
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = DEFAULT_BROWSERS,
): string {
  const named = requested ?? env[BROWSER_ENV];
  if (named) {
    if (isExecutable(named)) return named;
    throw new Error(`The Chromium binary ${named} does not exist or is not executable. Set ${BROWSER_ENV} to a Chromium build.`);
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new Error(
    `No Chromium found (looked for ${candidates.join(', ')}). ` +
      `Install one with "sudo apt-get install -y chromium" on Debian or Ubuntu, ` +
      `or set ${BROWSER_ENV} to the path of any Chromium build.`,
  );
}

/** Returns the root folder of the lab-check package this module belongs to. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'lab-check') return dir;
    if (dirname(dir) === dir) throw new Error(`No lab-check package.json above ${from}.`);
  }
}

/** Returns the built Chrome extension folder: `requested`, else `$LAB_CHECK_EXTENSION`, else the package's dist/chrome. */
export function findExtension(requested?: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = requested ?? env[EXTENSION_ENV] ?? join(packageRoot(), 'dist', 'chrome');
  const build = `Run "npm run build" in the lab-check folder first.`;
  if (!existsSync(join(path, 'manifest.json'))) throw new Error(`No built extension at ${path}: manifest.json is missing. ${build}`);

  const worker: unknown = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')).background?.service_worker;
  if (typeof worker !== 'string' || !existsSync(join(path, worker))) {
    throw new Error(`The extension at ${path} has no service worker script (${String(worker)}). ${build}`);
  }
  return path;
}

/**
 * A blank page added to the test copy of the extension. Being an extension
 * page, it can call the extension APIs (to find a tab's id) and open a CDP
 * session that sees the extension's service worker.
 */
export const HELPER_PAGE = 'lab-check-test-helper.html';

/**
 * Copies the extension to a temporary folder with `host_permissions` set to
 * `hosts`, plus `HELPER_PAGE`. A test cannot click the toolbar button, which
 * is what grants `activeTab` to a learner, so the copy is granted the test
 * sites instead. Everything else is the built extension unchanged.
 */
export function prepareExtension(extensionPath: string, hosts: readonly string[]): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'lab-check-extension-')), 'extension');
  cpSync(extensionPath, copy, { recursive: true });
  writeFileSync(join(copy, HELPER_PAGE), '<!doctype html>\n<title>Lab Check test helper</title>\n');
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...hosts];
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return copy;
}
