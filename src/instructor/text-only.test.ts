import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// Preact renders strings as text nodes; learner code and file names reach the DOM only through them.
const HTML_SINKS = /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/;

test('instructor page never renders HTML', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'));
  assert.ok(sources.includes('DetailPanel.tsx'));
  for (const name of sources) assert.doesNotMatch(readFileSync(new URL(name, dir), 'utf8'), HTML_SINKS, name);
});
