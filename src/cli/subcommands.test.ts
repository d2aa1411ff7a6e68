import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runInMemory } from './run-in-memory.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

test('--version prints the grader version', async () => {
  for (const flag of ['--version', '-V']) {
    const { code, stdout, stderr } = await runInMemory([flag]);
    assert.equal(code, 0);
    assert.equal(stdout, `lab-check@${version}\n`);
    assert.equal(stderr, '');
  }
});

test('usage names --version', async () => {
  const { stdout } = await runInMemory(['--help']);
  assert.match(stdout, /--version/);
});
