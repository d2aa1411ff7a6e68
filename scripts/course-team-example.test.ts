// Runs the course team example (examples/course-team) as a team would. It
// installs this package into the example from the local path, offline from
// the npm cache, and runs the example's Playwright spec. That spec imports
// `lab-check/playwright` from the installed copy and checks the sample lab
// page in Chromium.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');
const example = join(root, 'examples', 'course-team');
const NOT_BUILT = 'dist/playwright has no build; run "npm run build" first (npm test does)';
const built = existsSync(join(root, 'dist', 'playwright', 'index.js')) && existsSync(join(root, 'dist', 'chrome'));

/** Returns this process's environment without the npm_* settings of an enclosing `npm run`, which the example's npm would apply. */
function exampleEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  return { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', CI: '1' };
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: example, env: exampleEnv(), encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error ?? ''}` };
}

const options = { skip: built ? false : NOT_BUILT, timeout: 300_000 };

test('course team example passes', options, () => {
  // Install a fresh copy each run, so that the spec loads the build just made.
  rmSync(join(example, 'node_modules', 'lab-check'), { recursive: true, force: true });
  rmSync(join(example, 'package-lock.json'), { force: true });

  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund']);
  assert.equal(install.status, 0, install.output);
  assert.ok(existsSync(join(example, 'node_modules', 'lab-check', 'dist', 'playwright', 'index.js')), install.output);
  assert.ok(existsSync(join(example, 'node_modules', 'lab-check', 'dist', 'chrome', 'manifest.json')), install.output);

  const spec = run('npx', ['--no', 'playwright', 'test']);
  assert.equal(spec.status, 0, spec.output);
  assert.match(spec.output, /1 passed/);
});

test('README shows the example spec', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split('<!-- section:playwright -->')[1]?.split('<!-- /section:playwright -->')[0] ?? '';
  const spec = readFileSync(join(example, 'tests', 'lab-page.spec.ts'), 'utf8');
  assert.ok(section.includes(`\`\`\`ts\n${spec}\`\`\``), 'the playwright section of README.md differs from the example spec');
  assert.ok(spec.trimEnd().split('\n').length < 20);
});
