import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXTRACT_MESSAGES } from './messages.ts';
import { NOT_STATIC_REASONS } from './values.ts';

const SAMPLE_DATA = {
  language: 'python',
  variable: 'trust_policy',
  name: 'account_id',
  callee: 'open()',
  operator: '*',
  text: 'x if y else z',
  option: 'default',
  error: 'TypeError',
  detail: 'concatenate',
  left: 'str',
  right: 'int',
  limit: 'nesting',
  maximum: 100,
  count: 2,
  firstLine: 1,
  lastLine: 3,
  module: 'json',
};

function checkText(text: string, label: string): void {
  assert.ok(text.length > 0, `${label} is empty`);
  assert.doesNotMatch(text, /undefined|\[object Object\]/, label);
  assert.doesNotMatch(text, /!(\s|$)/, `${label} has an exclamation mark`);
  assert.match(text, /[.]$/, `${label} ends with a full stop`);
}

test('every extraction code renders a message and a hint', () => {
  for (const [code, entry] of Object.entries(EXTRACT_MESSAGES)) {
    checkText(entry.message(SAMPLE_DATA), `${code} message`);
    checkText(entry.hint(SAMPLE_DATA), `${code} hint`);
  }
});

test('every NOT_STATIC reason renders its own message', () => {
  const seen = new Set<string>();
  for (const reason of NOT_STATIC_REASONS) {
    const message = EXTRACT_MESSAGES.NOT_STATIC?.message({ ...SAMPLE_DATA, reason }) ?? '';
    checkText(message, reason);
    assert.doesNotMatch(message, /needs the code to run/, `${reason} has a phrase`);
    assert.ok(!seen.has(message), `${reason} repeats another reason's message`);
    seen.add(message);
  }
});

test('messages name the variable and hints name the serializer', () => {
  const python = EXTRACT_MESSAGES.NOT_STATIC;
  assert.match(python?.message({ ...SAMPLE_DATA, reason: 'call' }) ?? '', /trust_policy/);
  assert.match(python?.hint({ ...SAMPLE_DATA, reason: 'call' }) ?? '', /json\.dumps/);
  assert.match(python?.hint({ ...SAMPLE_DATA, language: 'javascript', reason: 'call' }) ?? '', /JSON\.stringify/);
});
