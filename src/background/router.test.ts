import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Runtime } from '../extension/browser.ts';
import { createRouter, type Handlers } from './router.ts';

const POPUP: Runtime.MessageSender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const CONTENT: Runtime.MessageSender = { id: 'ext', url: 'http://127.0.0.1/lab.html', tab: { id: 7 } as never, frameId: 0 };

const calls: string[] = [];
const handlers = {
  'lab-check/get-state': async ({ tabId }) => {
    calls.push(`get-state ${tabId}`);
    return null;
  },
  'lab-check/list-labs': async () => [],
  'lab-check/page-changed': async (_request, sender) => ({ scheduled: sender.tab?.id === 7 }),
  'lab-check/scroll-to': async () => {
    throw new Error('no content script');
  },
} as Partial<Handlers> as Handlers;

const router = createRouter(handlers, {
  isExtensionPage: (sender) => sender.url?.startsWith('chrome-extension://ext/') === true,
  isContentScript: async (sender) => sender.tab?.id === 7 && sender.frameId === 0,
});

test('unknown kinds left unanswered', () => {
  assert.equal(router({ kind: 'something-else' }, POPUP), undefined);
  assert.equal(router({ kind: '__proto__' }, POPUP), undefined);
  assert.equal(router({ kind: 'toString' }, POPUP), undefined);
  assert.equal(router(null, POPUP), undefined);
  assert.equal(router('lab-check/get-state', POPUP), undefined);
});

test('valid request reaches handler', async () => {
  calls.length = 0;
  assert.deepEqual(await router({ kind: 'lab-check/get-state', tabId: 3 }, POPUP), { ok: true, value: null });
  assert.deepEqual(calls, ['get-state 3']);
});

test('invalid request rejected before handler', async () => {
  calls.length = 0;
  for (const tabId of [-1, 1.5, '3', undefined]) {
    const reply = await router({ kind: 'lab-check/get-state', tabId }, POPUP);
    assert.equal(reply?.ok, false, `tabId ${String(tabId)}`);
  }
  assert.deepEqual(calls, []);
});

test('popup kinds rejected from content', async () => {
  calls.length = 0;
  const reply = await router({ kind: 'lab-check/get-state', tabId: 3 }, CONTENT);
  assert.equal(reply?.ok, false);
  assert.deepEqual(calls, []);
});

test('content kinds need injected tab', async () => {
  assert.deepEqual(await router({ kind: 'lab-check/page-changed' }, CONTENT), { ok: true, value: { scheduled: true } });

  const otherTab = { ...CONTENT, tab: { id: 8 } as never };
  assert.equal((await router({ kind: 'lab-check/page-changed' }, otherTab))?.ok, false);

  const subframe = { ...CONTENT, frameId: 3 };
  assert.equal((await router({ kind: 'lab-check/page-changed' }, subframe))?.ok, false);

  assert.equal((await router({ kind: 'lab-check/page-changed' }, POPUP))?.ok, false);
});

test('handler error becomes reply', async () => {
  const reply = await router({ kind: 'lab-check/scroll-to', tabId: 1, anchor: '#a' }, POPUP);
  assert.deepEqual(reply, { ok: false, error: 'no content script' });
});

test('oversized paste rejected', async () => {
  const reply = await router(
    { kind: 'lab-check/grade-pasted', labId: 'x', code: 'a'.repeat(256 * 1024 + 1) },
    POPUP,
  );
  assert.equal(reply?.ok, false);
});
