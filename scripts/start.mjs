// `npm start`: builds both browser targets, serves the sample course page on
// 127.0.0.1 and opens Debian's Chromium with the extension loaded on it.
// With a display the browser stays open for you to use (click the Lab Check
// button); without one it runs headless, fills in a sample answer, opens the
// popup, prints the popup's report and saves a screenshot of it.
//
//   npm start [-- --variant codemirror6] [-- --headless]
//
// Runs under `node --import tsx` so that it can use the e2e fixture server.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures, VARIANTS } from '../e2e/build-fixtures.mjs';
import { startStaticServer } from '../e2e/static-server.ts';
import { launchWithExtension, openPopup, tabIdOf, waitForResult } from './chromium-extension.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const variant = option('--variant') ?? 'textarea';
const headless = args.includes('--headless') || !process.env.DISPLAY;
const SAMPLE = join(root, 'e2e/submissions/aws-assume-role-temporary-access/per-step.json');
const SCREENSHOT = join(root, 'e2e/artifacts/start-popup.png');

if (!VARIANTS.some((candidate) => candidate.variant === variant)) {
  console.error(`start: unknown variant "${variant}"; expected one of ${VARIANTS.map((v) => v.variant).join(', ')}`);
  process.exit(2);
}

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--e2e'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
// A folder of its own, because the e2e suite rebuilds e2e/.build while it runs.
const fixtures = await buildFixtures(mkdtempSync(join(tmpdir(), 'lab-check-fixtures-')));
const server = await startStaticServer(fixtures);
const pageUrl = `${server.url}${variant}.html`;
console.log(`Serving the sample course page at ${pageUrl}`);

if (headless) await runHeadless();
else await runHeaded();

async function runHeaded() {
  const { context, close } = await launchWithExtension(join(root, 'dist/chrome'), { headless: false });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl);
  console.log('Chromium is open with Lab Check loaded. Type an answer, then click the Lab Check button');
  console.log('(or press Alt+Shift+L). Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
  await close();
  await server.close();
  rmSync(fixtures, { recursive: true, force: true });
}

/** Fills in the sample answer through the page's own editor API and picks the sample quiz answers. */
async function fillSample(page) {
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  await page.waitForFunction(() => window.labFixture !== undefined);
  await page.evaluate((steps) => window.labFixture.fill(steps), sample.steps);
  for (const [question, option] of Object.entries(sample.quiz)) {
    const input = page.locator(`#q${question}-${option}`);
    if ((await input.count()) > 0) await input.check();
  }
}

async function runHeadless() {
  console.log('No display: running headless with the e2e build (host access to 127.0.0.1).');
  const session = await launchWithExtension(join(root, 'dist/chrome-e2e'), { headless: true });
  try {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(pageUrl);
    await fillSample(page);
    console.log(`Filled in the sample answer from ${SAMPLE}.`);
    const tabId = await tabIdOf(session.context, session.extensionId, pageUrl);

    const popup = await openPopup(session.context, session.extensionId, tabId);
    const state = await waitForResult(popup);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await popup.screenshot({ path: SCREENSHOT, fullPage: true });

    const badge = await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    console.log(`\nPopup (${state}), badge "${badge}":\n`);
    console.log((await popup.locator('[data-testid="popup"]').innerText()).replace(/\n{3,}/g, '\n\n'));
    console.log(`\nScreenshot: ${SCREENSHOT}`);
  } finally {
    await session.close();
    await server.close();
    rmSync(fixtures, { recursive: true, force: true });
  }
}
