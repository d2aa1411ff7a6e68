import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/** The course authors' contract is the README's "For course authors" part. */
const CONTRACT_FILES = ['README.md'];

function attributesReadBy(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir)) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
    const source = readFileSync(join(dir, entry), 'utf8');
    for (const match of source.matchAll(/data-lab-[a-z-]+/g)) {
      if (!match[0].startsWith('data-lab-check')) found.add(match[0]);
    }
  }
  return found;
}

test('every data-lab attribute is documented', () => {
  const contract = CONTRACT_FILES.filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const attributes = [...attributesReadBy('src/content')].sort();
  assert.ok(attributes.length >= 8, `the scan found only ${attributes.join(", ")}`);
  const undocumented = attributes.filter((attribute) => !contract.includes(`\`${attribute}`));
  assert.deepEqual(undocumented, []);
});
