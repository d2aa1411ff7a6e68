import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// Preact renders strings as text nodes; only these props or DOM calls would parse page data as HTML.
const HTML_SINKS = /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/;

test('popup never renders HTML', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'));
  assert.ok(sources.length >= 5);
  for (const name of sources) {
    const source = readFileSync(new URL(name, dir), 'utf8');
    assert.doesNotMatch(source, HTML_SINKS, name);
  }
});
