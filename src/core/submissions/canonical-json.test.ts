import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson } from './canonical-json.ts';
import { sha256Hex } from './digest.ts';

test('canonical json sorts members', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, 'x'], c: null } }), '{"a":{"c":null,"d":[3,"x"]},"b":1}');
});

test('canonical json sorts by UTF-16 code units', () => {
  // U+FF01 sorts after U+1F600 (surrogates D83D DE00) by code units, though before it by code points.
  assert.equal(canonicalJson({ '\uFF01': 1, '😀': 2, a: 3 }), '{"a":3,"😀":2,"\uFF01":1}');
});

test('canonical json drops undefined members', () => {
  assert.equal(canonicalJson({ a: undefined, b: [undefined] }), '{"b":[null]}');
});

test('canonical json writes numbers as ECMAScript does', () => {
  assert.equal(canonicalJson([1e21, 0.1, -0, 1.5e-7]), '[1e+21,0.1,0,1.5e-7]');
});

test('canonical json rejects values without a JSON form', () => {
  assert.throws(() => canonicalJson(Number.NaN), TypeError);
  assert.throws(() => canonicalJson({ f: () => 1 }), TypeError);
});

test('sha256 of known text', async () => {
  assert.equal(await sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
