import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLab, LABS } from '../../labs/index.ts';
import { parseCsv } from './csv-parse.ts';
import { inputError } from './input-errors.ts';
import { regradeAll, type RegradeRow } from './regrade.ts';
import { writeCsv } from './write-csv.ts';
import { gradescopeResults } from './write-gradescope.ts';
import { writeJson } from './write-json.ts';
import { writeJunit, xml } from './write-junit.ts';

const lab = findLab('aws-assume-role-temporary-access')!;

const CODE = [
  `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}'`,
  `role_name = "temporaryaccessrole"`,
  `assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"`,
].join('\n');

async function sampleRows(): Promise<RegradeRow[]> {
  return regradeAll(
    [
      { ok: false, source: 'broken.zip', error: inputError('ZIP_INVALID', { reason: 'no entries found' }) },
      { ok: true, source: 'a.py', learner: '=HYPERLINK("x")', input: { code: CODE, quiz: { '1': 'B', '2': 'C' } } },
      { ok: true, source: 'b.py', learner: 'bob <b&o>', input: { code: CODE } },
      { ok: true, source: 'c.py', learner: 'bob <b&o>', input: { code: 'role_name = "TemporaryAccessRole"' } },
    ],
    { labs: LABS, oneLab: true },
  );
}

test('csv output has a column per step', async () => {
  const rows = await sampleRows();
  const records = parseCsv(writeCsv(rows, [lab])).map((record) => (record.ok ? record.fields : []));
  assert.deepEqual(records[0], [
    'learner', 'source', 'lab', 'outcome',
    'trust-policy', 'role-name', 'assume-role-command', 'create-role-command',
    'quiz', 'total', 'possible', 'flags', 'message',
  ]);
  assert.deepEqual(records[1], [
    '', 'broken.zip', '', 'error', '', '', '', '', '', '', '', 'ZIP_INVALID',
    'The archive is not a valid ZIP file: no entries found.',
  ]);
  assert.deepEqual(records[2]?.slice(0, 12), [
    `'=HYPERLINK("x")`, 'a.py', lab.id, 'graded', 'pass', 'fail', 'pass', 'missing', '1', '3', '9', '',
  ]);
  assert.deepEqual(records[4]?.slice(0, 12), [
    'bob <b&o>', 'c.py', lab.id, 'flagged', 'missing', 'pass', 'missing', 'missing', '0', '1', '9', 'DUPLICATE_LEARNER',
  ]);
  assert.equal(records.length, 5);
});

test('csv output of two labs', async () => {
  const ec2 = findLab('aws-ec2-instance-profile-role')!;
  const rows = await regradeAll(
    [
      { ok: true, source: 'e.json', learner: 'eve', lab: ec2.id, input: { code: 'x = 1' } },
      { ok: true, source: 'b.py', learner: 'bob', input: { code: CODE } },
    ],
    { labs: LABS, oneLab: true },
  );
  const records = parseCsv(writeCsv(rows, LABS)).map((record) => (record.ok ? record.fields : []));
  assert.deepEqual(records[0]?.slice(2, 12), [
    'lab', 'outcome',
    'trust-policy', 'role-name', 'assume-role-command', 'create-role-command',
    'ec2-trust-policy', 'create-role', 'create-instance-profile', 'add-role-to-profile',
  ]);
  assert.deepEqual(records[1]?.slice(2, 12), [ec2.id, 'graded', '', '', '', '', 'missing', 'missing', 'missing', 'missing']);
  assert.deepEqual(records[2]?.slice(2, 12), [lab.id, 'graded', 'pass', 'fail', 'pass', 'missing', '', '', '', '']);
  for (const record of records) assert.equal(record.length, records[0]?.length);
});

test('csv output ends lines with CRLF', async () => {
  const text = writeCsv(await sampleRows(), [lab]);
  assert.equal(text.split('\r\n').length, 6);
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n(?!")/);
});

test('junit output counts failures', async () => {
  const text = writeJunit(await sampleRows());
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="lab-check">\n/);
  assert.match(text, /<testsuite name="broken.zip" tests="1" failures="0" errors="1" skipped="0">/);
  assert.match(text, /<testsuite name="=HYPERLINK\(&quot;x&quot;\)" tests="9" failures="6" errors="0" skipped="0">/);
  assert.match(text, /<testsuite name="bob &lt;b&amp;o&gt;" tests="10" failures="9" errors="0"/);
  assert.match(text, /name="verification"><failure type="flagged"/);
  assert.match(text, /<failure type="fail" message="[^"]*temporaryaccessrole/);
  assert.ok(text.endsWith('</testsuites>\n'));
});

test('xml escaping removes invalid characters', () => {
  assert.equal(xml('a\u0000b\uD800c<&>"\'\n'), 'a\uFFFDb\uFFFDc&lt;&amp;&gt;&quot;&apos;&#10;');
  assert.equal(xml('😀'), '😀');
});

test('gradescope results per submission', async () => {
  const [error, graded, , flagged] = await sampleRows();
  const failed = gradescopeResults(error!);
  assert.equal(failed.score, 0);
  assert.deepEqual(failed.tests, []);
  assert.match(failed.output, /broken\.zip: The archive is not a valid ZIP file/);

  const results = gradescopeResults(graded!);
  assert.equal(results.score, 3);
  assert.equal(results.tests.length, 9);
  assert.deepEqual(results.tests[1], {
    name: 'role-name: Define the role name',
    score: 0,
    max_score: 1,
    status: 'failed',
    output: results.tests[1]!.output,
    visibility: 'visible',
  });
  assert.match(results.tests[1]!.output, /^2:13 error STRING_CASE_MISMATCH: /);
  assert.equal(results.tests[4]?.status, 'passed');
  assert.equal(results.tests[4]?.output.startsWith('Chose B.'), true);

  const hidden = gradescopeResults(flagged!).tests.at(-1);
  assert.equal(hidden?.visibility, 'hidden');
  assert.match(hidden?.output ?? '', /^DUPLICATE_LEARNER: /);
});

test('json output round-trips rows', async () => {
  const rows = await sampleRows();
  const parsed = JSON.parse(writeJson(rows, 'lab-check@0.1.0', lab.id));
  assert.equal(parsed.format, 'lab-check-regrade');
  assert.equal(parsed.lab, lab.id);
  assert.deepEqual(parsed.rows, JSON.parse(JSON.stringify(rows)));
});

/** A learner id that tries to clear the terminal, start a new CSV row, run a formula and reverse the text after it. */
const HOSTILE = 'eve\u001b[2J\r\n=1+1,"x"\u202Egnp.exe\u0000\uD800\u0085';
const HOSTILE_VISIBLE = 'eve\\u001B[2J\\u000D\\u000A=1+1,"x"\\u202Egnp.exe\\u0000\\uD800\\u0085';
/** Characters that no output may contain raw: C0 controls but tab, CR and LF, DEL, C1, bidi controls, lone surrogates. */
const RAW_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function hostileRows(): Promise<RegradeRow[]> {
  return regradeAll(
    [
      { ok: true, source: `class.zip/${HOSTILE}.py`, learner: HOSTILE, input: { code: CODE, quiz: { '1': 'B\u202E' } } },
      { ok: true, source: 'b.py', learner: '\t=cmd', input: { code: `role_name = "\u001b[31mred"` } },
      { ok: false, source: `${HOSTILE}.json`, learner: HOSTILE, error: inputError('JSON_INVALID', { reason: HOSTILE }) },
    ],
    { labs: LABS, oneLab: true },
  );
}

test('csv output shows learner controls as escapes', async () => {
  const text = writeCsv(await hostileRows(), [lab]);
  assert.doesNotMatch(text, RAW_UNSAFE);
  assert.equal(text.split('\r\n').length, 5);
  const records = parseCsv(text).map((record) => (record.ok ? record.fields : []));
  assert.equal(records.length, 4);
  assert.equal(records[1]?.[0], HOSTILE_VISIBLE);
  assert.equal(records[1]?.[1], `class.zip/${HOSTILE_VISIBLE}.py`);
  assert.equal(records[2]?.[0], '\\u0009=cmd');
  assert.equal(records[3]?.[0], HOSTILE_VISIBLE);
  assert.match(records[3]?.[12] ?? '', /^The file is not valid JSON: eve\\u001B\[2J/);
});

test('junit output stays XML for any learner text', async () => {
  const text = writeJunit(await hostileRows());
  assert.doesNotMatch(text, RAW_UNSAFE);
  assert.doesNotMatch(text, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  assert.equal(text.match(/<testsuite /g)?.length, 3);
  assert.ok(text.includes(`<testsuite name="${HOSTILE_VISIBLE.replace(/"/g, '&quot;')}"`));
  assert.match(text, /STRING_MISMATCH: role_name is &quot;\\u001b\[31mred&quot;/i);
});

test('gradescope output shows learner controls as escapes', async () => {
  const [graded, , failed] = await hostileRows();
  for (const row of [graded!, failed!]) {
    const results = gradescopeResults(row);
    const strings = [results.output, ...results.tests.flatMap((t) => [t.name, t.output])];
    for (const value of strings) assert.doesNotMatch(value, RAW_UNSAFE, value);
  }
  assert.match(gradescopeResults(failed!).output, /^\S+: The file is not valid JSON/);
  assert.ok(gradescopeResults(graded!).tests.some((t) => t.output.startsWith('Chose B\\u202E.')));
});

test('json output escapes bidi controls and keeps the data', async () => {
  const rows = await hostileRows();
  const text = writeJson(rows, 'lab-check@0.1.0', lab.id);
  assert.doesNotMatch(text, RAW_UNSAFE);
  assert.equal(JSON.parse(text).rows[0].learner, HOSTILE);
});
