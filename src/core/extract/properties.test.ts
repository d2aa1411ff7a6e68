// Property tests of answer extraction: every reported position lies inside
// the code, each input returns within the time bound, and blank lines
// between statements change no value. fast-check prints the seed and path
// of a failing run; keep such a case as a literal test in hostile.test.ts
// and fix the extractor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { codeLineLengths, findingSpanProblem, offsetProblem, positionProblem, withinTimeLimit, randomText } from '../property-testing.ts';
import { extractAssignments, type Extraction, type Language } from './index.ts';

const RUNS = 150;
const LANGUAGES: Language[] = ['python', 'javascript', 'typescript', 'shell'];

// The first extraction of each language builds its parser; that one-time cost is not timed.
for (const language of LANGUAGES) extractAssignments('x = 1', language);

function extract(code: string, language: Language): Extraction {
  return withinTimeLimit(() => extractAssignments(code, language), `${language} extraction of ${code.length} characters`);
}

/** Returns every position of `extraction` that lies outside `code`. */
function positionProblems(code: string, extraction: Extraction): string[] {
  const lines = codeLineLengths(code);
  const problems: string[] = [];
  for (const finding of extraction.findings) {
    const problem = findingSpanProblem(code, finding, lines);
    if (problem) problems.push(problem);
    if (finding.code === 'EXTRACTION_FAILED') problems.push(`the extractor threw: ${String(finding.data?.['error'])}`);
  }
  for (const [name, assignment] of extraction.assignments) {
    const position = positionProblem(lines, assignment.line, assignment.column);
    const span = offsetProblem(code.length, assignment.start, assignment.end);
    const value = offsetProblem(code.length, assignment.value.start, assignment.value.end);
    for (const problem of [position, span && `span ${span}`, value && `value ${value}`]) {
      if (problem) problems.push(`${name}: ${problem}`);
    }
    const offsets = assignment.value.offsets;
    if (offsets && offsets.some((offset) => offset < 0 || offset > code.length)) problems.push(`${name}: value offsets outside the code`);
  }
  return problems;
}

/** Pieces of Python, JavaScript and shell syntax, so that random sequences reach the value readers. */
const CODE_TOKENS = [
  'trust_policy', 'role_name', ' = ', '=', '"', "'", '`', '"""', "f'", 'rb"', '${', '{', '}', '[', ']', '(', ')',
  ',', ':', ';', '\n', '\r\n', '    ', '\t', '\\', '\\n', '\\u00e9', '\\x41', 'json.dumps(', 'JSON.stringify(',
  '+', '*', '$role_name', '$(', '<<EOF\n', 'EOF\n', 'if x:\n    ', 'def f():\n    ', 'const ', 'let ', 'export ',
  '1', 'True', 'null', 'undefined', 'None', '#', '//', '/*', '*/', '{"Version": "2012-10-17"}', 'aws sts assume-role',
  '\u2028', '\u00a0', '\ud800', '\u0000', '\r',
];
const codeSoup = fc.array(fc.constantFrom(...CODE_TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));

/** Inputs that fast-check once found out of bounds, kept as literal cases. */
const FOUND_CASES = ['\u{10000}\u{10000}\r\u{10000}\u{10000}\u000e', '\rtrust_policy = '];

test('found cases stay in bounds', () => {
  for (const language of LANGUAGES) {
    for (const code of FOUND_CASES) {
      assert.deepEqual(positionProblems(code, extract(code, language)), [], `${language} ${JSON.stringify(code)}`);
    }
  }
});

for (const language of LANGUAGES) {
  test(`${language}: random text stays in bounds`, () => {
    fc.assert(
      fc.property(randomText, (code) => {
        assert.deepEqual(positionProblems(code, extract(code, language)), [], JSON.stringify(code.slice(0, 200)));
      }),
      { numRuns: RUNS },
    );
  });

  test(`${language}: code soup stays in bounds`, () => {
    fc.assert(
      fc.property(codeSoup, (code) => {
        assert.deepEqual(positionProblems(code, extract(code, language)), [], JSON.stringify(code));
      }),
      { numRuns: RUNS * 3 },
    );
  });
}

const POLICY = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"}]}';

/** Correct answers as top-level statements, some spanning several lines. */
const STATEMENTS: Record<Language, string[]> = {
  python: [
    'import json',
    'trust_policy = json.dumps({\n    "Version": "2012-10-17",\n    "Statement": [],\n})',
    'role_name = "TemporaryAccessRole"',
    'assume_role_command = (\n    "aws sts assume-role "\n    "--role-session-name TempSession"\n)',
    'create_role_command = f"aws iam create-role --role-name {role_name}"',
  ],
  javascript: [
    `const trust_policy = '${POLICY}';`,
    "const role_name = 'TemporaryAccessRole';",
    "const assume_role_command =\n  'aws sts assume-role ' +\n  '--role-name ' + role_name;",
    'const create_role_command = `aws iam create-role --role-name ${role_name}`;',
  ],
  typescript: [
    `const trust_policy: string = JSON.stringify({ Version: '2012-10-17', Statement: [] });`,
    "const role_name: string = 'TemporaryAccessRole';",
    'const create_role_command = `aws iam create-role --role-name ${role_name}`;',
  ],
  shell: [
    `trust_policy='${POLICY}'`,
    'role_name=TemporaryAccessRole',
    'assume_role_command="aws sts assume-role \\\n  --role-arn arn:aws:iam::123456789012:role/$role_name"',
    'create_role_command="aws iam create-role --role-name $role_name"',
  ],
};

const blankLines = fc.array(fc.constantFrom('\n', '\n\n', '\n    \n', '\n\t\n', '\n\n\n'), { minLength: 1 });

const values = (extraction: Extraction) =>
  Object.fromEntries([...extraction.assignments].map(([name, { value }]) => [name, [value.kind, value.value]]));

for (const language of LANGUAGES) {
  test(`${language}: blank lines change no value`, () => {
    const statements = STATEMENTS[language];
    const plain = extract(statements.join('\n'), language);
    assert.deepEqual(plain.findings.map((finding) => finding.code), []);
    fc.assert(
      fc.property(blankLines, fc.constantFrom('', '\n', '\n\n  \n'), (gaps, edge) => {
        const spaced = edge + statements.map((statement, i) => (i === 0 ? statement : `${gaps[i % gaps.length]}${statement}`)).join('') + edge;
        const extraction = extract(spaced, language);
        assert.deepEqual(values(extraction), values(plain), JSON.stringify(spaced));
        assert.deepEqual(extraction.findings.map((finding) => finding.code), []);
        assert.deepEqual(positionProblems(spaced, extraction), []);
      }),
      { numRuns: RUNS },
    );
  });
}

test('unknown language falls back to detection', () => {
  for (const language of ['constructor', '__proto__', 'ruby']) {
    const extraction = extractAssignments('role_name = "TemporaryAccessRole"', language as Language);
    assert.equal(extraction.language, 'python', language);
    assert.equal(extraction.assignments.get('role_name')?.value.value, 'TemporaryAccessRole', language);
  }
});
