import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatePolicy } from './index.ts';

// Each input must return findings without throwing. The time bound is loose
// because test machines are shared and loaded; it catches quadratic
// behaviour, not slowness. scripts/bench-policy.ts measures the real times.
const LIMIT_MS = 3000;

function validateTimed(text: string) {
  const started = performance.now();
  const result = validatePolicy(text);
  return { result, elapsed: performance.now() - started };
}

function codesOf(text: string): string[] {
  return validateTimed(text).result.findings.map((finding) => finding.code);
}

test('bad input 1 MB string', () => {
  const { result, elapsed } = validateTimed(`{"Version": "2012-10-17", "Id": "${'a'.repeat(1_000_000)}"}`);
  assert.ok(elapsed < LIMIT_MS, `took ${elapsed} ms`);
  assert.deepEqual(result.findings.map((f) => f.code), ['POLICY_DOCUMENT_TOO_LONG', 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA']);
  assert.equal(result.valid, false);
});

test('bad input deep nesting', () => {
  for (const text of ['['.repeat(10_000), `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, `${'['.repeat(10_000)}${']'.repeat(10_000)}`]) {
    const { result, elapsed } = validateTimed(text);
    assert.ok(elapsed < LIMIT_MS, `took ${elapsed} ms`);
    assert.ok(result.findings.some((finding) => finding.code === 'NESTING_TOO_DEEP'));
  }
});

test('bad input binary bytes', () => {
  let bytes = '';
  for (let i = 0; i < 4096; i++) bytes += String.fromCharCode((i * 7919) % 256);
  const codes = codesOf(bytes);
  assert.ok(codes.includes('UNSUPPORTED_CHARACTER'));
  assert.ok(codes.includes('JSON_SYNTAX_ERROR'));
});

test('bad input ten thousand statements', () => {
  const statement = '{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}';
  const text = `{"Version":"2012-10-17","Statement":[${Array(10_000).fill(statement).join(',')}]}`;
  const { result, elapsed } = validateTimed(text);
  assert.ok(elapsed < LIMIT_MS, `took ${elapsed} ms`);
  assert.ok(result.findings.some((finding) => finding.code === 'POLICY_DOCUMENT_TOO_LONG'));
});

test('bad input ten thousand small statements', () => {
  const text = `{"Version":"2012-10-17","Statement":[${Array(10_000).fill('{}').join(',')}]}`;
  const { result, elapsed } = validateTimed(text);
  assert.ok(elapsed < LIMIT_MS, `took ${elapsed} ms`);
  const missingEffect = result.findings.filter((finding) => finding.code === 'MISSING_EFFECT');
  assert.equal(missingEffect.length, 100);
  assert.equal(missingEffect.at(-1)?.data?.omitted, 9_900);
  assert.ok(result.findings.some((finding) => finding.code === 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'));
});

test('bad input non-string values', () => {
  for (const value of [undefined, null, 42, {}, []]) {
    const result = validatePolicy(value as unknown as string);
    assert.equal(result.findings[0]?.code, 'JSON_SYNTAX_ERROR');
  }
});

test('bad input never reports internal errors', () => {
  const samples = ['{', '}', '"', '\\', '{"Statement": [null, 1, "x", [], {}]}', '{"Statement": {"Condition": {"": {"": [[]]}}}}',
    '{"Statement": {"Principal": {"AWS": [null, {}, "*"]}, "Action": [{}]}}', '{"Version": {}, "Statement": {"Effect": []}}',
    '{"Statement": {"Action": ["sts:*", "*:*", "?:?", "sts:", ":"]}}', '\u0000\u0001\ud800', '{"__proto__": {"x": 1}, "constructor": 1}'];
  for (const text of samples) {
    assert.ok(!codesOf(text).includes('INTERNAL_ERROR'), text);
  }
});

test('size quota counts escapes, not whitespace', () => {
  // 2,048 characters excluding whitespace; an escaped quote counts as the two characters written.
  const base = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole","Sid":"A"}]}';
  const padding = 2048 - base.length;
  const atQuota = base.replace('"Sid":"A"', `"Sid":"${'A'.repeat(padding + 1)}"`);
  const codes = (text: string) => validatePolicy(text).findings.map((finding) => finding.code);
  assert.ok(!codes(atQuota).includes('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'));
  assert.ok(!codes(atQuota.replace(/,/g, ',\n   ')).includes('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'));
  assert.ok(codes(atQuota.replace('"Sid":"A', '"Sid":"AA')).includes('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'));
  assert.ok(!codes(atQuota.replace('"Sid":"AA', '"Sid":"\\"')).includes('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'));
  assert.ok(codes(atQuota.replace('"Sid":"A', '"Sid":"\\"')).includes('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'));
});
