import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLab, gradeSubmission } from '../core/engine/index.ts';
import { codeTexts, MAX_SHOWN_LINES } from './code-view.ts';

const lab = findLab('aws-assume-role-temporary-access')!;

test('code view marks the faulty line', () => {
  const input = { code: '# note\nrole_name = "temporaryaccessrole"\n' };
  const [text] = codeTexts(input, gradeSubmission(lab, input));
  assert.equal(text?.name, 'code');
  assert.deepEqual([...(text?.marks.keys() ?? [])], [2]);
  assert.equal(text?.marks.get(2)?.[0]?.code, 'STRING_CASE_MISMATCH');
});

test('code view keeps step texts apart', () => {
  const input = { steps: { 'role-name': 'role_name = "x"', 'trust-policy': 'trust_policy = "{}"' } };
  const texts = codeTexts(input, gradeSubmission(lab, input));
  assert.deepEqual(texts.map((text) => text.name), ['role-name', 'trust-policy']);
  assert.deepEqual(texts.map((text) => [...text.marks.keys()]), [[1], [1]]);
  assert.notEqual(texts[0]?.marks.get(1)?.[0]?.code, texts[1]?.marks.get(1)?.[0]?.code);
});

test('code view cuts long texts', () => {
  const code = 'x = 1\n'.repeat(MAX_SHOWN_LINES + 10);
  const [text] = codeTexts({ code }, undefined);
  assert.equal(text?.lines.length, MAX_SHOWN_LINES);
  assert.equal(text?.hiddenLines, 11);
});
