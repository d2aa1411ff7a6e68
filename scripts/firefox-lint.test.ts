import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownWarnings, lintProblems, type LintMessage } from './firefox-lint.ts';

const README = `# Lab Check
| \`NOT_IN_SECTION\` | \`other.js\` | outside the Firefox section |
<!-- section:firefox -->
| Code | File | Why it is safe |
| --- | --- | --- |
| \`UNSAFE_VAR_ASSIGNMENT\` | \`popup.js\` | Preact's own code path |
| \`MISSING_ICON\` | \`manifest.json\` | a reason |
| no code here | \`x.js\` | ignored |
<!-- /section:firefox -->
`;

const innerHtml: LintMessage = { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'popup.js', message: 'Unsafe assignment to innerHTML' };

test('known warnings read from the section', () => {
  assert.deepEqual(knownWarnings(README), [
    { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'popup.js' },
    { code: 'MISSING_ICON', file: 'manifest.json' },
  ]);
  assert.deepEqual(knownWarnings('# no section'), []);
});

test('listed warnings pass', () => {
  const known = [{ code: 'UNSAFE_VAR_ASSIGNMENT', file: 'popup.js' }];
  assert.deepEqual(lintProblems({ errors: [], warnings: [innerHtml], notices: [] }, known), []);
});

test('errors and unlisted warnings fail', () => {
  const error: LintMessage = { code: 'JSON_INVALID', file: 'manifest.json', line: 3, message: 'Invalid JSON' };
  const elsewhere = { ...innerHtml, file: 'content.js' };
  const problems = lintProblems({ errors: [error], warnings: [innerHtml, elsewhere], notices: [] }, [
    { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'popup.js' },
  ]);
  assert.deepEqual(problems, [
    'error JSON_INVALID in manifest.json:3: Invalid JSON',
    'warning not listed in the README: UNSAFE_VAR_ASSIGNMENT in content.js: Unsafe assignment to innerHTML',
  ]);
});

test('listed warning no longer reported fails', () => {
  const problems = lintProblems({ errors: [], warnings: [], notices: [] }, [{ code: 'MISSING_ICON', file: 'manifest.json' }]);
  assert.deepEqual(problems, ['the README lists MISSING_ICON in manifest.json, which the linter no longer reports']);
});
