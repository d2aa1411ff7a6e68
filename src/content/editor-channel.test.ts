import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEditorsReply } from './editor-channel.ts';
import { MAX_REPLY_CHARS } from './main-world-wire.ts';
import { SNAPSHOT_LIMITS } from './page-snapshot.ts';

const NONCE = '0123456789abcdef';
const reading = { editor: 'monaco', mark: `${NONCE}:0`, language: 'python', text: 'role_name = "x"', length: 15 };
const reply = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ nonce: NONCE, editors: [reading], unreadable: [], ...overrides });

test('editors reply accepted with its nonce', () => {
  assert.deepEqual(parseEditorsReply(reply(), NONCE), { nonce: NONCE, editors: [reading], unreadable: [] });
});

test('editors reply with reason codes accepted', () => {
  const unreadable = [
    { editor: 'ace', reason: 'no-editor-object' },
    { editor: 'monaco', reason: 'not-listed' },
  ];
  assert.deepEqual(parseEditorsReply(reply({ unreadable }), NONCE)?.unreadable, unreadable);
});

test('editors reply without text accepted', () => {
  const tooLarge = { editor: 'ace', mark: `${NONCE}:1`, length: 10_000_000 };
  assert.deepEqual(parseEditorsReply(reply({ editors: [tooLarge] }), NONCE)?.editors, [tooLarge]);
});

const REJECTED: Array<[string, unknown]> = [
  ['another nonce', reply({ nonce: 'guess' })],
  ['an object instead of JSON text', { nonce: NONCE, editors: [], unreadable: [] }],
  ['text that is not JSON', '{"nonce":'],
  ['an unknown editor', reply({ editors: [{ ...reading, editor: 'vim' }] })],
  ['a negative length', reply({ editors: [{ ...reading, length: -1 }] })],
  ['a text over the answer limit', reply({ editors: [{ ...reading, text: 'x'.repeat(SNAPSHOT_LIMITS.answerChars + 1) }] })],
  ['editors that are not a list', reply({ editors: 'all of them' })],
  ['a missing unreadable list', JSON.stringify({ nonce: NONCE, editors: [] })],
  [
    'an unreadable reason in the page\'s words',
    reply({ unreadable: [{ editor: 'monaco', reason: 'Lab Check: your session expired. Sign in again at http://127.0.0.1:9/login' }] }),
  ],
  ['an unreadable reason that is no code', reply({ unreadable: [{ editor: 'ace', reason: 'no-editor-object\u202e' }] })],
  ['a reply over the size limit', `${reply()}${' '.repeat(MAX_REPLY_CHARS)}`],
];

for (const [name, detail] of REJECTED) {
  test(`editors reply rejected: ${name}`, () => {
    assert.equal(parseEditorsReply(detail, NONCE), undefined);
  });
}
