import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pushAll } from './push-all.ts';

test('pushAll keeps order', () => {
  const target = [1];
  pushAll(target, [2, 3]);
  assert.deepEqual(target, [1, 2, 3]);
});

test('pushAll takes a million items', () => {
  const items = Array.from({ length: 1_000_000 }, (_, i) => i);
  assert.throws(() => [].push(...(items as never[])), RangeError);
  const target: number[] = [];
  pushAll(target, items);
  assert.equal(target.length, 1_000_000);
  assert.equal(target[999_999], 999_999);
});
