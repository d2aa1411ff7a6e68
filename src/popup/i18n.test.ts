import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const messages = JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8'));
const popupDir = new URL('./', import.meta.url);
const sources = readdirSync(popupDir)
  .filter((name) => name.endsWith('.tsx') && !name.endsWith('.test.tsx'))
  .map((name) => readFileSync(new URL(name, popupDir), 'utf8'));

test('popup strings all in locale', () => {
  const keys = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/\bt\('(\w+)'/g)) keys.add(match[1]!);
    for (const match of source.matchAll(/'(popup\w+)'/g)) keys.add(match[1]!);
  }
  assert.ok(keys.size >= 20, `found only ${keys.size} keys`);
  for (const key of keys) assert.ok(messages[key]?.message, `messages.json lacks ${key}`);
});

test('placeholders declared', () => {
  for (const [key, entry] of Object.entries<{ message: string; placeholders?: Record<string, unknown> }>(messages)) {
    const used = [...entry.message.matchAll(/\$(\w+)\$/g)].map((match) => match[1]!.toLowerCase());
    for (const name of used) assert.ok(entry.placeholders?.[name], `${key} uses $${name}$ without a placeholder`);
  }
});
