/**
 * The extension against a page that attacks it (fixtures/hostile/), and
 * what the extension sends over the network: nothing. Runs the e2e build
 * (dist/chrome-e2e), whose worker counts each check in session storage.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Dialog, Page, Request } from '@playwright/test';
import type { TabState } from '../src/background/messages.ts';
import { checkCountKey } from '../src/extension/storage-schema.ts';
import { packageRoot } from '../src/playwright/browser.ts';
import {
  HOSTILE_CHECK_MS,
  HOSTILE_PAGE,
  HOSTILE_PAYLOADS,
  HUGE_CODE_NOTES,
  inspectRendered,
  partialReportIn,
  type HostileState,
} from './hostile-scenario.ts';
import { writeHostileSubmission } from './hostile-submission.ts';
import { expect, test } from './lab-test.ts';
import { LAB_ID } from './scenarios.ts';
import { STEP_IDS } from './solutions.ts';

test.use({ labCheckExtension: join(packageRoot(), 'dist', 'chrome-e2e') });

const hostileState = (page: Page) => page.evaluate(() => (window as unknown as { hostile: HostileState }).hostile);

async function openHostile(page: Page, courseUrl: string): Promise<void> {
  await page.goto(`${courseUrl}${HOSTILE_PAGE}`);
  await page.waitForFunction(() => (window as unknown as { hostile?: HostileState }).hostile?.ready === true);
}

/** Opens the hostile page and turns on the attacks in `attacks` for the next reads. */
async function openHostileWith(page: Page, url: string, attacks: Partial<HostileState>): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { hostile?: HostileState }).hostile?.ready === true);
  await page.evaluate((values) => {
    Object.assign((window as unknown as { hostile: HostileState }).hostile, values);
  }, attacks);
}

/** Records every dialog that any page of the context opens. */
function collectDialogs(context: BrowserContext): string[] {
  const dialogs: string[] = [];
  context.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

async function storedChecks(popup: Page, tabId: number): Promise<number> {
  const key = checkCountKey(tabId);
  const items = await popup.evaluate((name) => chrome.storage.session.get(name), key);
  return Number(items[key] ?? 0);
}

test('hostile page gets a text-only report', async ({ page, context, courseUrl, checkPage }) => {
  test.setTimeout(60_000);
  const dialogs = collectDialogs(context);
  await openHostile(page, courseUrl);
  const before = await hostileState(page);

  const started = Date.now();
  const { state, report, popup } = await checkPage(page);
  const elapsed = Date.now() - started;
  expect(elapsed).toBeLessThan(HOSTILE_CHECK_MS);

  // Only the lab's own steps, each failing on the payload code. The page's claim that the role name is
  // correct, sent with the request's stolen nonce from an element that is no editor, is ignored.
  expect(report?.lab).toBe(LAB_ID);
  expect(report?.steps.map((step) => [step.id, step.status])).toEqual(STEP_IDS.map((step) => [step, 'fail']));
  const roleName = report?.steps.find((step) => step.id === 'role-name');
  expect(roleName?.findings.map((finding) => finding.code)).toContain('STRING_MISMATCH');

  // 10 MB of code, in a textarea and in an editor model, is skipped with a note that says why.
  expect(state.state === 'report' ? state.notes : []).toEqual(expect.arrayContaining(HUGE_CODE_NOTES));
  for (const note of HUGE_CODE_NOTES) await expect(popup.getByTestId('page-notes')).toContainText(note);

  // The payloads are shown as text, and none of them ran or made an element.
  const rendered = await popup.evaluate(inspectRendered);
  expect(rendered.injected).toEqual([]);
  expect(rendered.pwned).toEqual([]);
  for (const payload of HOSTILE_PAYLOADS.shownAsText) expect(rendered.text).toContain(payload);
  expect(dialogs).toEqual([]);

  // The page attacked: it stole nonces, forged replies, and its traps ran in the reader, but saw no extension data.
  const after = await hostileState(page);
  expect(after.stolenNonces).toBeGreaterThan(before.stolenNonces);
  expect(after.forgedReplies).toBeGreaterThan(before.forgedReplies);
  expect(after.trapCalls['JSON.stringify'] ?? 0).toBeGreaterThan(before.trapCalls['JSON.stringify'] ?? 0);
  expect(after.leaks).toEqual([]);
  expect(after.runtimeReachable).toBe(false);
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['__labCheckPwned'])).toBeUndefined();
  // It kept mutating its DOM about 1,000 times a second while the check ran.
  expect(after.mutations - before.mutations).toBeGreaterThan(elapsed / 4);
});

test('hostile page stays responsive', async ({ page, courseUrl, checkPage }) => {
  test.setTimeout(60_000);
  await openHostile(page, courseUrl);
  const { popup } = await checkPage(page);

  // The page answers at once while it churns, and "Check again" finishes.
  for (let i = 0; i < 5; i += 1) {
    const started = Date.now();
    await page.evaluate(() => document.getElementById('churn')?.textContent);
    expect(Date.now() - started).toBeLessThan(1000);
  }
  const started = Date.now();
  await popup.getByTestId('check-again').click();
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-view', 'state', { timeout: HOSTILE_CHECK_MS });
  expect(Date.now() - started).toBeLessThan(HOSTILE_CHECK_MS);
  await expect(popup.getByTestId('step-role-name')).toHaveAttribute('data-status', 'fail');
});

test('edit flood re-checks debounced', async ({ page, courseUrl, checkPage }) => {
  test.setTimeout(60_000);
  await openHostile(page, courseUrl);
  const { popup, tabId } = await checkPage(page);
  await popup.getByTestId('auto-check-toggle').check();
  await expect(popup.getByTestId('auto-check-toggle')).toBeChecked();

  // 1,000 input events a second for three seconds: the content script reports at most one edit a
  // second and the worker waits for a quiet moment, so at most one check per second follows.
  const before = await storedChecks(popup, tabId);
  await page.evaluate(() => {
    (window as unknown as { hostile: HostileState }).hostile.firingInputs = true;
  });
  await page.waitForTimeout(3000);
  await page.evaluate(() => {
    (window as unknown as { hostile: HostileState }).hostile.firingInputs = false;
  });
  const { inputEvents } = await hostileState(page);
  expect(inputEvents).toBeGreaterThan(1000);
  await page.waitForTimeout(2500);
  const during = (await storedChecks(popup, tabId)) - before;
  expect(during).toBeGreaterThanOrEqual(1);
  expect(during).toBeLessThanOrEqual(4);

  // Once the events stop, so do the checks.
  await page.waitForTimeout(2000);
  expect((await storedChecks(popup, tabId)) - before).toBe(during);
  await popup.getByTestId('auto-check-toggle').uncheck();
});

test('10 MB paste refused with a message', async ({ page, courseUrl, checkPage }) => {
  await openHostile(page, courseUrl);
  const { popup } = await checkPage(page);
  await popup.getByTestId('paste-open').click();
  await popup.getByTestId('paste-all').evaluate((textarea, length) => {
    (textarea as HTMLTextAreaElement).value = 'x = 1\n'.repeat(Math.ceil(length / 6));
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, HOSTILE_PAYLOADS.hugeCodeChars);

  // The box is emptied at once, which keeps the popup from laying out 10 MB, and nothing is sent.
  const message = popup.getByTestId('paste-too-long');
  await expect(message).toBeVisible();
  await expect(message).toContainText(String(Math.ceil(HOSTILE_PAYLOADS.hugeCodeChars / 6) * 6));
  await expect(message).toContainText('262144');
  await expect(popup.getByTestId('paste-all')).toHaveValue('');
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-view', 'state');
  await popup.getByTestId('paste-cancel').click();
  await popup.getByTestId('check-again').click();
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-view', 'state', { timeout: HOSTILE_CHECK_MS });
});

test('page-worded editor notes rejected', async ({ page, courseUrl, checkPage }) => {
  test.setTimeout(60_000);
  await openHostileWith(page, `${courseUrl}${HOSTILE_PAGE}`, { spoofUnreadable: 'page-text' });
  const { state, popup } = await checkPage(page);

  // The page's reply, with its own sentences as reasons, is rejected, and the extension's reply wins.
  const notes = state.state === 'report' ? state.notes : [];
  expect(notes.join('\n')).not.toContain(HOSTILE_PAYLOADS.spoofedReason);
  expect(notes).toEqual(expect.arrayContaining(HUGE_CODE_NOTES));
  expect(notes.length).toBeLessThanOrEqual(HUGE_CODE_NOTES.length + 1);
  const shown = (await popup.getByTestId('page-notes').textContent()) ?? '';
  expect(shown).not.toContain('session expired');
  expect(shown).not.toContain('\u202e');
  expect(shown).not.toContain('x'.repeat(200));
});

test('many unreadable editors in few notes', async ({ page, courseUrl, checkPage }) => {
  test.setTimeout(60_000);
  await openHostileWith(page, `${courseUrl}${HOSTILE_PAGE}`, { spoofUnreadable: 'codes' });
  const { state, popup } = await checkPage(page);

  // 993 unreadable editors of 4 kinds with 4 reasons are 16 notes, in the extension's words.
  const notes = state.state === 'report' ? state.notes : [];
  const unreadable = notes.filter((note) => note.startsWith('Could not read'));
  expect(unreadable).toHaveLength(16);
  expect(unreadable).toContain(
    'Could not read 62 Ace editors. For each: its editor object is not reachable from the page.',
  );

  // The popup lists three of them and hides the rest behind "and N more".
  const notesList = popup.getByTestId('page-notes');
  await expect(notesList.locator(':scope > ul > li')).toHaveCount(3);
  const more = popup.getByTestId('more-notes');
  await expect(more.locator('summary')).toHaveText(`and ${notes.length - 3} more`);
  await expect(more.locator('li').first()).toBeHidden();
  await more.locator('summary').click();
  await expect(more.locator('li')).toHaveCount(notes.length - 3);
  await expect(more.locator('li').first()).toBeVisible();
});

test('page that navigates mid-check', async ({ page, courseUrl, openPopup }) => {
  test.setTimeout(60_000);
  // A long query string: the popup shows the checked page's address, and a long address must wrap.
  const checkedUrl = `${courseUrl}${HOSTILE_PAGE}?${'q'.repeat(300)}`;
  const nextPage = `${courseUrl}no-lab.html`;
  await openHostileWith(page, checkedUrl, { navigateOnRead: nextPage });
  const popup = await openPopup(page);
  await expect(page).toHaveURL(nextPage);

  // The report read from the hostile page is shown as that page's, with its address, and not as the
  // result of the page now open. The badge shows no score, and the report cannot be exported.
  const notice = popup.getByTestId('previous-page');
  await expect(notice).toBeVisible({ timeout: HOSTILE_CHECK_MS });
  await expect(notice).toContainText(checkedUrl);
  await expect(popup.getByTestId('report')).toBeVisible();
  const widths = await popup.evaluate(() => ({ body: document.body.clientWidth, content: document.body.scrollWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.body);
  await expect(popup.getByTestId('export-submission')).toHaveCount(0);
  const tabId = Number(new URL(popup.url()).searchParams.get('tabId'));
  const stored = await storedState(popup, tabId);
  expect(stored.value).toMatchObject({ state: 'report', previousPage: true });
  await expect.poll(() => popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');

  // "Check again" checks the page that is open now.
  await popup.getByTestId('check-again').click();
  await expect(popup.getByTestId('state-no-lab')).toBeVisible({ timeout: HOSTILE_CHECK_MS });
  await expect(notice).toHaveCount(0);
});

test('search page quoting the title is no lab', async ({ page, courseUrl, checkPage }) => {
  const searchUrl = `${courseUrl}search.html`;
  const body = readFileSync(new URL('./fixtures/hostile/search.html', import.meta.url), 'utf8');
  await page.route(searchUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto(searchUrl);

  // The title alone does not make the search box and the notes field answers, so nothing is exported.
  const { state, popup } = await checkPage(page);
  expect(state.state).toBe('no-lab');
  expect(JSON.stringify(state)).not.toContain('hunter2');
  await expect(popup.getByTestId('state-no-lab')).toBeVisible();
  await expect(popup.getByTestId('export-submission')).toHaveCount(0);
});

test('long words wrap in the popup', async ({ page, courseUrl, checkPage }) => {
  await openHostile(page, courseUrl);
  await page.fill('#answer-role-name', `role_name = '${'x'.repeat(300)}'`);
  const { popup } = await checkPage(page);

  // A finding quotes the 300-letter name, and the popup stays 380 pixels wide.
  await expect(popup.getByTestId('step-role-name')).toContainText('x'.repeat(300));
  const widths = await popup.evaluate(() => ({ body: document.body.clientWidth, content: document.body.scrollWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.body);
});

/** Asks the worker, from an extension page, for the tab's stored result. */
async function storedState(popup: Page, tabId: number): Promise<{ ok: boolean; value: TabState }> {
  const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ kind: 'lab-check/get-state', tabId: id }), tabId);
  return reply as { ok: boolean; value: TabState };
}

/** Returns why the popup shows part of a report, or undefined when it shows a whole one or none. */
async function partialReport(popup: Page): Promise<string | undefined> {
  return popup.evaluate(partialReportIn, STEP_IDS);
}

test('worker stopped mid-check', async ({ page, courseUrl, checkPage, openPopup, stopServiceWorker }) => {
  test.setTimeout(60_000);
  await openHostile(page, courseUrl);
  const first = await checkPage(page);
  const complete = first.state;

  // The page takes two seconds to answer the next read; the worker is stopped while it waits.
  await page.evaluate(() => {
    (window as unknown as { hostile: HostileState }).hostile.slowReads = 1;
  });
  const slow = await openPopup(page);
  await expect(slow.getByTestId('popup')).toHaveAttribute('data-view', 'checking');
  await stopServiceWorker();

  // The next popup shows the last complete report or a check in progress, and never part of one.
  const next = await openPopup(page);
  const deadline = Date.now() + HOSTILE_CHECK_MS * 2;
  let view: string | null = null;
  while (Date.now() < deadline && view !== 'state') {
    view = await next.getByTestId('popup').getAttribute('data-view');
    expect(await partialReport(next)).toBeUndefined();
    await next.waitForTimeout(50);
  }
  expect(view).toBe('state');
  expect(await partialReport(next)).toBeUndefined();
  const stored = await storedState(next, first.tabId);
  expect(stored.ok).toBe(true);
  expect(stored.value.state).toBe('report');
  expect(stored.value.state === 'report' ? stored.value.report.steps.length : 0).toBe(STEP_IDS.length);
  expect(stored.value.checkedAt).toBeGreaterThan(complete.checkedAt);

  // Stopped again right after a check replies, while its result is being stored.
  await stopServiceWorker();
  const kept = await storedState(next, first.tabId);
  expect(kept.ok).toBe(true);
  expect(kept.value.state).toBe('report');
  expect(kept.value.state === 'report' ? kept.value.report.steps.length : 0).toBe(STEP_IDS.length);
});

test('instructor page shows payloads as text', async ({ page, context, extensionId }) => {
  const dialogs = collectDialogs(context);
  const { dir, path } = writeHostileSubmission();
  try {
    await page.goto(`chrome-extension://${extensionId}/instructor.html`);
    await page.getByTestId('lab').selectOption(LAB_ID);
    await page.getByTestId('pick-files').setInputFiles([path]);
    await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await page.getByTestId('row').first().click();
    await expect(page.getByTestId('detail')).toBeVisible();

    const rendered = await page.evaluate(inspectRendered);
    expect(rendered.injected).toEqual([]);
    expect(rendered.pwned).toEqual([]);
    expect(rendered.text).toContain(`onerror="window.__labCheckPwned='learner'"`);
    expect(rendered.text).toContain(HOSTILE_PAYLOADS.steps['role-name']);
    expect(dialogs).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extension makes no network request', async ({ page, context, courseUrl, extensionId, checkPage }) => {
  test.setTimeout(60_000);
  // Each request with where it came from, taken when it starts: a frame's URL changes as it navigates.
  const requests: Array<{ url: string; from: string; worker: boolean; navigation: boolean }> = [];
  context.on('request', (request: Request) => {
    const worker = request.serviceWorker();
    const from = worker ? worker.url() : request.frame().url();
    requests.push({ url: request.url(), from, worker: worker !== null, navigation: request.isNavigationRequest() });
  });

  await openHostile(page, courseUrl);
  const { popup } = await checkPage(page);
  await popup.getByTestId('check-again').click();
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-view', 'state', { timeout: HOSTILE_CHECK_MS });
  await popup.getByTestId('show-step-role-name').click();
  await page.goto(`chrome-extension://${extensionId}/instructor.html`);

  // A request the worker makes on purpose must be seen, or the observation proves nothing.
  const canary = `${courseUrl}canary-from-worker`;
  const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${extensionId}/`));
  expect(worker).toBeDefined();
  await worker?.evaluate((url) => fetch(url).then((response) => response.status), canary);
  await expect.poll(() => requests.some((request) => request.url === canary && request.worker)).toBe(true);

  // The worker requests nothing else. Extension pages load only the extension's own files, and the
  // course page only the fixture server's.
  const extension = `chrome-extension://${extensionId}/`;
  const fixtureFiles = new Set([HOSTILE_PAGE, 'hostile.js', 'favicon.ico'].map((file) => `${courseUrl}${file}`));
  const allowed = (request: (typeof requests)[number]): boolean => {
    if (request.worker) return request.url === canary;
    if (request.url.startsWith(extension)) return request.navigation || request.from.startsWith(extension);
    return fixtureFiles.has(request.url.split('#')[0] ?? request.url) && !request.from.startsWith(extension);
  };
  const unexpected = requests.filter((request) => !allowed(request)).map((request) => `${request.url} from ${request.from}`);
  expect(unexpected).toEqual([]);
});
