/**
 * The extension end to end in Firefox: the scenarios of the Chromium suite
 * (e2e/scenarios.ts), checked through the popup of the Firefox build.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { LAB_ID, MISTAKE_SCENARIOS, NO_LAB_SCENARIO, QUIZ_SCENARIOS, SOLUTION_SCENARIOS } from '../scenarios.ts';
import { SOLUTION, STEP_IDS } from '../solutions.ts';
import { answerQuiz, fillSteps, startCourseSite, type CourseSite } from './course.ts';
import { attributeOf, checkPage, launchFirefox, textOf, waitUntil, type CheckResult } from './firefox.ts';

const TEST_TIMEOUT_MS = 60_000;
const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'artifacts');

let browser: Browser;
let site: CourseSite;

before(async () => {
  [browser, site] = await Promise.all([launchFirefox(), startCourseSite()]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Runs `body` with a fresh tab and closes it, and the popups it opened, afterwards. */
function firefoxTest(name: string, body: (page: Page, opened: CheckResult[]) => Promise<void>): void {
  test(name, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await browser.newPage();
    const opened: CheckResult[] = [];
    try {
      await body(page, opened);
    } finally {
      await Promise.all([...opened.map(({ popup }) => popup.close()), page.close()]);
    }
  });
}

async function check(page: Page, opened: CheckResult[]): Promise<CheckResult> {
  const result = await checkPage(browser, page);
  opened.push(result);
  return result;
}

for (const { name, variant, steps, readers } of SOLUTION_SCENARIOS) {
  firefoxTest(name, async (page, opened) => {
    await site.open(page, variant);
    await fillSteps(page, steps);

    const { report, readers: actualReaders, popup } = await check(page, opened);
    assert.equal(report?.lab, LAB_ID);
    assert.deepEqual(
      report?.steps.map((step) => [step.id, step.status]),
      STEP_IDS.map((step) => [step, 'pass']),
    );
    assert.deepEqual(actualReaders, readers);
    for (const step of STEP_IDS) assert.equal(await attributeOf(popup, `step-${step}`, 'data-status'), 'pass', step);
  });
}

for (const { name, variant, mistake, steps } of MISTAKE_SCENARIOS) {
  firefoxTest(name, async (page, opened) => {
    await site.open(page, variant);
    await fillSteps(page, steps);

    const { report, popup } = await check(page, opened);
    const failed = report?.steps.filter((step) => step.status !== 'pass').map((step) => step.id);
    assert.deepEqual(failed, [mistake.step]);
    const codes = report?.steps.find((step) => step.id === mistake.step)?.findings.map((finding) => finding.code);
    assert.ok(codes?.includes(mistake.expected), `${mistake.step} has ${codes?.join(', ')}`);

    assert.equal(await attributeOf(popup, `step-${mistake.step}`, 'data-status'), 'fail');
    const finding = `[data-testid="step-${mistake.step}"] [data-testid="finding"][data-code="${mistake.expected}"]`;
    assert.ok(await textOf(popup, finding), `the popup shows ${mistake.expected}`);
  });
}

for (const { name, variant, choices, expected, failed, missing } of QUIZ_SCENARIOS) {
  firefoxTest(name, async (page, opened) => {
    await site.open(page, variant);
    await fillSteps(page, SOLUTION);
    await answerQuiz(page, choices);

    const { report, popup } = await check(page, opened);
    assert.deepEqual(
      report?.quiz.map((question) => [question.id, question.status, question.chosen]),
      expected,
    );
    assert.equal(await attributeOf(popup, `quiz-${failed}`, 'data-status'), 'fail');
    assert.notEqual((await textOf(popup, `[data-testid="feedback-${failed}"]`))?.trim() ?? '', '');
    assert.equal(await attributeOf(popup, `quiz-${missing}`, 'data-status'), 'missing');
  });
}

firefoxTest(NO_LAB_SCENARIO.name, async (page, opened) => {
  await site.open(page, NO_LAB_SCENARIO.variant);

  const { state, report, popup } = await check(page, opened);
  assert.equal(state.state, 'no-lab');
  assert.equal(report, undefined);
  assert.match((await textOf(popup, '[data-testid="state-no-lab"]')) ?? '', new RegExp(NO_LAB_SCENARIO.text));
});

firefoxTest('step link scrolls to its editor', async (page, opened) => {
  await site.open(page, 'ace');
  await fillSteps(page, SOLUTION);
  const { popup } = await check(page, opened);

  await popup.click('[data-testid="show-step-create-role-command"]');
  const highlighted = await waitUntil(
    () => page.evaluate(() => [...document.querySelectorAll('[data-lab-check-highlight]')].map((element) => element.id)),
    (ids) => ids.length > 0,
  );
  assert.deepEqual(highlighted, ['answer-create-role-command']);
});

firefoxTest('page that breaks JSON still gets a report', async (page, opened) => {
  await site.open(page, 'codemirror6');
  await fillSteps(page, SOLUTION);
  // The MAIN-world script captures JSON.stringify when it is injected, so it captures this trap.
  await page.evaluate(() => {
    JSON.stringify = () => '{"nonce":"forged","editors":[{"editor":"ace"}]}';
  });

  const { report, state, popup } = await check(page, opened);
  assert.deepEqual(
    report?.steps.map((step) => step.status),
    ['missing', 'missing', 'missing', 'missing'],
  );
  assert.deepEqual(state.state === 'report' && state.notes, [
    'Could not read the code editors: the page script that reads editors did not reply.',
  ]);
  assert.ok(await textOf(popup, '[data-testid="page-notes"]'));
  assert.notEqual(await textOf(popup, '[data-testid="unread-trust-policy"]'), null);
});

firefoxTest('popup screenshot', async (page, opened) => {
  const [scenario] = MISTAKE_SCENARIOS.filter(({ variant }) => variant === 'codemirror6');
  assert.ok(scenario);
  await site.open(page, scenario.variant);
  await fillSteps(page, scenario.steps);

  const { popup } = await check(page, opened);
  await popup.setViewport({ width: 420, height: 900 });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await popup.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-popup.png'), fullPage: true });
});
