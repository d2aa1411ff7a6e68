/**
 * The extension end to end: Chromium with the built extension checks the
 * fixture course pages through its popup, as a learner's click does.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { answerQuiz, expect, fillSteps, test } from './lab-test.ts';
import { MISTAKE_SCENARIOS, NO_LAB_SCENARIO, QUIZ_SCENARIOS, SOLUTION_SCENARIOS } from './scenarios.ts';
import { MISTAKES, SOLUTION, STEP_IDS } from './solutions.ts';

const ARTIFACTS_DIR = join(import.meta.dirname, 'artifacts');

for (const { name, variant, steps, readers: expectedReaders } of SOLUTION_SCENARIOS) {
  test(name, async ({ page, openCourse, checkPage }) => {
    await openCourse(page, variant);
    await fillSteps(page, steps);

    const { report, readers, popup } = await checkPage(page);
    expect(report?.lab).toBe('aws-assume-role-temporary-access');
    expect(report?.steps.map((step) => [step.id, step.status])).toEqual(STEP_IDS.map((step) => [step, 'pass']));
    expect(readers).toEqual(expectedReaders);
    for (const step of STEP_IDS) {
      await expect(popup.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'pass');
    }
  });
}

for (const { name, variant, mistake, steps } of MISTAKE_SCENARIOS) {
  test(name, async ({ page, openCourse, checkPage }) => {
    await openCourse(page, variant);
    await fillSteps(page, steps);

    const { report, popup } = await checkPage(page);
    const failed = report?.steps.filter((step) => step.status !== 'pass').map((step) => step.id);
    expect(failed).toEqual([mistake.step]);
    const codes = report?.steps.find((step) => step.id === mistake.step)?.findings.map((finding) => finding.code);
    expect(codes).toContain(mistake.expected);

    const stepItem = popup.getByTestId(`step-${mistake.step}`);
    await expect(stepItem).toHaveAttribute('data-status', 'fail');
    await expect(stepItem.locator(`[data-testid="finding"][data-code="${mistake.expected}"]`).first()).toBeVisible();
  });
}

for (const { name, variant, choices, expected, failed, missing } of QUIZ_SCENARIOS) {
  test(name, async ({ page, openCourse, checkPage }) => {
    await openCourse(page, variant);
    await fillSteps(page, SOLUTION);
    await answerQuiz(page, choices);

    const { report, popup } = await checkPage(page);
    expect(report?.quiz.map((question) => [question.id, question.status, question.chosen])).toEqual(expected);
    await expect(popup.getByTestId(`quiz-${failed}`)).toHaveAttribute('data-status', 'fail');
    await expect(popup.getByTestId(`feedback-${failed}`)).not.toBeEmpty();
    await expect(popup.getByTestId(`quiz-${missing}`)).toHaveAttribute('data-status', 'missing');
  });
}

test('report survives a stopped worker', async ({ page, openCourse, checkPage, stopServiceWorker }) => {
  await openCourse(page, 'codemirror6');
  await fillSteps(page, { ...SOLUTION, 'role-name': 'role_name = "TempAccessRole"' });
  const { state, popup, tabId } = await checkPage(page);

  // Chrome reports the worker stopped before this returns, so the next request starts a new one,
  // which has only session storage to answer from.
  await stopServiceWorker();
  const stored = await popup.evaluate(
    (id) => chrome.runtime.sendMessage({ kind: 'lab-check/get-state', tabId: id }),
    tabId,
  );
  expect(stored).toEqual({ ok: true, value: state });

  await popup.reload();
  await expect(popup.getByTestId('step-role-name')).toHaveAttribute('data-status', 'fail');
  await expect(popup.getByTestId('score')).toHaveText(state.state === 'report' ? scoreText(state.report.score) : '');
});

const scoreText = ({ earned, possible }: { earned: number; possible: number }) => `${earned} of ${possible} points`;

test(NO_LAB_SCENARIO.name, async ({ page, openCourse, checkPage }) => {
  await openCourse(page, NO_LAB_SCENARIO.variant);

  const { state, report, popup } = await checkPage(page);
  expect(state.state).toBe('no-lab');
  expect(report).toBeUndefined();
  await expect(popup.getByTestId('state-no-lab')).toContainText(NO_LAB_SCENARIO.text);
});

test('step link scrolls to its editor', async ({ page, openCourse, checkPage }) => {
  await openCourse(page, 'ace');
  await fillSteps(page, SOLUTION);
  const { popup } = await checkPage(page);

  await popup.getByTestId('show-step-create-role-command').click();
  const highlighted = page.locator('[data-lab-check-highlight]');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAttribute('id', 'answer-create-role-command');
});

test('page that breaks JSON still gets a report', async ({ page, openCourse, checkPage }) => {
  await openCourse(page, 'codemirror6');
  await fillSteps(page, SOLUTION);
  // The MAIN-world script captures JSON.stringify when it is injected, so it captures this trap.
  await page.evaluate(() => {
    JSON.stringify = () => '{"nonce":"forged","editors":[{"editor":"ace"}]}';
  });

  const { report, state, popup } = await checkPage(page);
  expect(report?.steps.map((step) => step.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
  expect(state.state === 'report' && state.notes).toEqual([
    'Could not read the code editors: the page script that reads editors did not reply.',
  ]);
  await expect(popup.getByTestId('page-notes')).toBeVisible();
  await expect(popup.getByTestId('unread-trust-policy')).toBeVisible();
});

test('popup screenshot', async ({ page, openCourse, checkPage }, testInfo) => {
  await openCourse(page, 'codemirror6');
  await fillSteps(page, { ...SOLUTION, 'create-role-command': MISTAKES.at(-1)?.code ?? '' });
  await answerQuiz(page, { '1': 'B', '2': 'A', '3': 'C' });

  const { popup } = await checkPage(page);
  await popup.setViewportSize({ width: 420, height: 900 });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, 'popup.png');
  await popup.screenshot({ path, fullPage: true });
  await testInfo.attach('popup', { path, contentType: 'image/png' });
});

type ScrollingVariant = 'monaco' | 'ace' | 'codemirror6' | 'codemirror5';

/**
 * Returns the 1-based first and last lines on screen in the editor of
 * `slot`, through each editor's own API (a CodeMirror 6 view is reached
 * the way the readers reach it, from its content element).
 */
async function visibleLines(page: Page, variant: ScrollingVariant, slot: string): Promise<[number, number]> {
  return page.evaluate(
    ([kind, id]: readonly [string, string]): [number, number] => {
      const root = document.getElementById(`answer-${id}`) as
        | (HTMLElement & { env?: { editor: AceEditor }; nextElementSibling: Element | null })
        | null;
      if (kind === 'monaco') {
        const range = window.monaco?.editor.getEditors()[0]?.getVisibleRanges()[0];
        return [range?.startLineNumber ?? 0, range?.endLineNumber ?? 0];
      }
      if (kind === 'ace') {
        const renderer = root?.env?.editor.renderer;
        return [(renderer?.getFirstVisibleRow() ?? -1) + 1, (renderer?.getLastVisibleRow() ?? -1) + 1];
      }
      if (kind === 'codemirror5') {
        const cm = (root?.nextElementSibling as (Element & { CodeMirror?: CodeMirror5 }) | null)?.CodeMirror;
        const info = cm?.getScrollInfo();
        if (!cm || !info) return [0, 0];
        return [cm.lineAtHeight(info.top, 'local') + 1, cm.lineAtHeight(info.top + info.clientHeight, 'local') + 1];
      }
      const content = root?.querySelector('.cm-content') as (Element & { cmTile?: { root?: { view?: CodeMirror6 } } }) | null;
      const view = content?.cmTile?.root?.view;
      if (!view) return [0, 0];
      // The editor's own scroll position, because its visible ranges also follow the window's scrolling.
      const { scrollTop, clientHeight } = view.scrollDOM;
      const lineAt = (height: number) => view.state.doc.lineAt(view.lineBlockAtHeight(height).from).number;
      return [lineAt(scrollTop), lineAt(scrollTop + clientHeight - 1)];
    },
    [variant, slot] as const,
  );
}

interface AceEditor {
  renderer: { getFirstVisibleRow(): number; getLastVisibleRow(): number };
}

interface CodeMirror5 {
  getScrollInfo(): { top: number; clientHeight: number };
  lineAtHeight(height: number, mode: 'local'): number;
}

interface CodeMirror6 {
  scrollDOM: HTMLElement;
  lineBlockAtHeight(height: number): { from: number };
  state: { doc: { lineAt(position: number): { number: number } } };
}

for (const variant of ['monaco', 'ace', 'codemirror6', 'codemirror5'] as const) {
  test(`${variant}: finding location scrolls to its line`, async ({ page, openCourse, checkPage }) => {
    await openCourse(page, variant);
    const slot = variant === 'monaco' || variant === 'codemirror5' ? 'all' : 'create-role-command';
    const padding = Array.from({ length: 200 }, (_, line) => `# padding ${line + 1}`).join('\n');
    const mistake = MISTAKES.find((candidate) => candidate.expected === 'FILE_PREFIX_MISSING');
    await fillSteps(page, { ...SOLUTION, 'create-role-command': `${padding}\n${mistake?.code}` });

    const { report, popup } = await checkPage(page);
    const finding = report?.steps.find((step) => step.id === 'create-role-command')?.findings[0];
    const line = finding?.line ?? 0;
    expect(line).toBeGreaterThan(200);
    const [firstBefore] = await visibleLines(page, variant, slot);
    expect(firstBefore).toBe(1);

    await popup.getByTestId('step-create-role-command').getByTestId('finding-location').click();
    await expect
      .poll(async () => {
        const [first, last] = await visibleLines(page, variant, slot);
        return first <= line && line <= last;
      })
      .toBe(true);
  });
}

test('opted-in site re-checks after an edit', async ({ page, openCourse, checkPage }) => {
  await openCourse(page, 'textarea');
  await fillSteps(page, { ...SOLUTION, 'role-name': 'role_name = "TempAccessRole"' });
  const { popup } = await checkPage(page);
  await expect(popup.getByTestId('step-role-name')).toHaveAttribute('data-status', 'fail');

  const toggle = popup.getByTestId('auto-check-toggle');
  await toggle.check();
  try {
    await expect(toggle).toBeChecked();
    await page.fill('#answer-role-name', SOLUTION['role-name'] ?? '');
    await expect(popup.getByTestId('step-role-name')).toHaveAttribute('data-status', 'pass');
  } finally {
    await toggle.uncheck();
  }
});

test('edits on other sites wait for a click', async ({ page, openCourse, checkPage }) => {
  await openCourse(page, 'textarea');
  await fillSteps(page, { ...SOLUTION, 'role-name': 'role_name = "TempAccessRole"' });
  const { popup, tabId } = await checkPage(page);

  await page.fill('#answer-role-name', SOLUTION['role-name'] ?? '');
  // The content script reports an edit after 1 s and the worker waits 600 ms more before a check.
  await page.waitForTimeout(2500);
  const stored = await popup.evaluate((id) => chrome.runtime.sendMessage({ kind: 'lab-check/get-state', tabId: id }), tabId);
  const status = (stored as { value?: { report?: { steps: Array<{ id: string; status: string }> } } }).value?.report?.steps;
  expect(status?.find((step) => step.id === 'role-name')?.status).toBe('fail');
});
