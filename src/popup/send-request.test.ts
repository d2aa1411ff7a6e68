import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendRequest, type SendMessage } from './send-request.ts';

const MESSAGE = { kind: 'lab-check/check-tab', tabId: 7 };
const STOPPED = new Error('Could not establish connection. Receiving end does not exist.');

/** A send function that plays `outcomes` in order, an Error as a rejection, and records each message sent. */
function scripted(outcomes: unknown[]): { send: SendMessage; sent: unknown[] } {
  const sent: unknown[] = [];
  const send: SendMessage = async (message) => {
    sent.push(message);
    const outcome = outcomes.shift();
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { send, sent };
}

test('reply value returned', async () => {
  const { send, sent } = scripted([{ ok: true, value: 42 }]);
  assert.equal(await sendRequest<number>(send, MESSAGE), 42);
  assert.deepEqual(sent, [MESSAGE]);
});

test('stopped worker retried once', async () => {
  const { send, sent } = scripted([STOPPED, { ok: true, value: 'whole report' }]);
  const retried: unknown[] = [];
  assert.equal(await sendRequest<string>(send, MESSAGE, (error) => retried.push(error)), 'whole report');
  assert.deepEqual(sent, [MESSAGE, MESSAGE]);
  assert.deepEqual(retried, [STOPPED]);
});

test('second rejection thrown', async () => {
  const again = new Error('The message port closed before a response was received.');
  const { send, sent } = scripted([STOPPED, again, { ok: true, value: 1 }]);
  await assert.rejects(sendRequest(send, MESSAGE), again);
  assert.equal(sent.length, 2);
});

test('error reply not retried', async () => {
  const { send, sent } = scripted([{ ok: false, error: 'Invalid lab-check/check-tab message' }, { ok: true, value: 1 }]);
  await assert.rejects(sendRequest(send, MESSAGE), /^Error: Invalid lab-check\/check-tab message$/);
  assert.equal(sent.length, 1);
});

test('missing reply thrown', async () => {
  const { send, sent } = scripted([undefined]);
  await assert.rejects(sendRequest(send, MESSAGE), /did not reply to lab-check\/check-tab/);
  assert.equal(sent.length, 1);
});
