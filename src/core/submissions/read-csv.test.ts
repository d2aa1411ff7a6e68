import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABS } from '../../labs/index.ts';
import type { SubmissionItem } from './items.ts';
import { CsvSubmissionReader } from './read-csv.ts';

function read(text: string): SubmissionItem[] {
  const reader = new CsvSubmissionReader('class.csv', LABS);
  return [...reader.push(text), ...reader.end()];
}

const errorCodes = (items: SubmissionItem[]): Array<string | undefined> =>
  items.map((item) => (item.ok ? undefined : item.error.code));

test('csv with id and code columns', () => {
  const items = read('learner,code,q1,quiz.2\nalice,"role_name = ""x""",b,\nbob,y = 1,,A\n');
  assert.equal(items.length, 2);
  const [alice, bob] = items;
  assert.ok(alice?.ok && bob?.ok);
  assert.equal(alice.learner, 'alice');
  assert.equal(alice.source, 'class.csv:2');
  assert.equal(alice.input.code, 'role_name = "x"');
  assert.deepEqual(alice.input.quiz, { '1': 'b' });
  assert.equal(alice.lab, undefined);
  assert.deepEqual(bob.input.quiz, { '2': 'A' });
});

test('csv with one column per step names its lab', () => {
  const items = read('Student_ID,trust-policy,role_name,language\ns1,{},"role_name = ""TemporaryAccessRole""",python\n');
  const [item] = items;
  assert.ok(item?.ok);
  assert.equal(item.learner, 's1');
  assert.equal(item.lab, 'aws-assume-role-temporary-access');
  assert.equal(item.input.language, 'python');
  assert.deepEqual(item.input.steps, { 'trust-policy': '{}', 'role-name': 'role_name = "TemporaryAccessRole"' });
});

test('csv lab column wins over the header', () => {
  const [item] = read('id,code,lab\n1,x = 1,aws-ec2-instance-profile-role\n');
  assert.ok(item?.ok);
  assert.equal(item.lab, 'aws-ec2-instance-profile-role');
});

test('csv broken rows become errors', () => {
  const items = read('learner,code\nalice,ok\nbob,"un"closed\ncarol\n,x\ndave,"fine"\n');
  assert.deepEqual(errorCodes(items), [undefined, 'CSV_QUOTE_STRAY', 'CSV_FIELD_COUNT', 'CSV_ID_EMPTY', undefined]);
  assert.deepEqual(
    items.map((item) => item.source),
    ['class.csv:2', 'class.csv:3', 'class.csv:4', 'class.csv:5', 'class.csv:6'],
  );
  const fieldCount = items[2];
  assert.ok(fieldCount && !fieldCount.ok);
  assert.equal(fieldCount.learner, 'carol');
  assert.deepEqual(fieldCount.error.data, { line: 4, actual: 1, expected: 2 });
  assert.match(fieldCount.error.message, /line 4 has 1 field; the header has 2/);
});

test('csv without an id column', () => {
  const items = read('name_of_thing,code\nx,y\n');
  assert.deepEqual(errorCodes(items), ['CSV_NO_ID_COLUMN']);
});

test('csv without code or step columns', () => {
  const items = read('learner,answer\nx,y\n');
  assert.deepEqual(errorCodes(items), ['CSV_NO_CODE_COLUMN']);
});

test('csv broken header stops the file', () => {
  const items = read('learner,"code\nx,y\n');
  assert.deepEqual(errorCodes(items), ['CSV_QUOTE_UNCLOSED']);
});

test('csv duplicate headers are rejected', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['learner,code,CODE\nann,x = 1,y = 2\n', { header: 'code', other: 'CODE', first: 2, second: 3 }],
    ['id,code,id\n1,x,2\n', { header: 'id', other: 'id', first: 1, second: 3 }],
    ['id,role_name,role-name\n1,a,b\n', { header: 'role_name', other: 'role-name', first: 2, second: 3, meaning: 'step role-name' }],
    ['id,code,q1,quiz1\n1,x,A,B\n', { header: 'q1', other: 'quiz1', first: 3, second: 4, meaning: 'question 1' }],
  ];
  for (const [text, data] of cases) {
    const items = read(text);
    assert.deepEqual(errorCodes(items), ['CSV_HEADER_DUPLICATE'], text);
    const [item] = items;
    assert.ok(item && !item.ok);
    assert.deepEqual(item.error.data, data, text);
    assert.equal(item.source, 'class.csv');
  }
  const [named] = read('learner,code,CODE\nann,x,y\n');
  assert.ok(named && !named.ok);
  assert.equal(
    named.error.message,
    'The CSV header names "code" in columns 2 and 3; each column name must appear once, so rename or remove one.',
  );
});

test('csv empty header cells may repeat', () => {
  const items = read('learner,code,,\nann,x = 1,,\n');
  assert.deepEqual(errorCodes(items), [undefined]);
});

test('csv header only or empty file', () => {
  assert.deepEqual(errorCodes(read('learner,code\n')), ['CSV_NO_ROWS']);
  assert.deepEqual(errorCodes(read('')), ['CSV_NO_ROWS']);
  assert.deepEqual(errorCodes(read('\uFEFF')), ['CSV_NO_ROWS']);
  const [empty] = read('');
  assert.ok(empty && !empty.ok);
  assert.equal(empty.error.message, 'The CSV file is empty; expected a header row and one row per learner.');
});

test('csv with a byte order mark', () => {
  const [item] = read('\uFEFFlearner,code\r\nann,x = 1\r\n');
  assert.ok(item?.ok);
  assert.equal(item.learner, 'ann');
});

test('csv unknown language is a row error', () => {
  const items = read('id,code,language\nann,x = 1,Rust\nben,y = 2,Python\ncat,z = 3,\n');
  assert.deepEqual(errorCodes(items), ['CSV_LANGUAGE_INVALID', undefined, undefined]);
  const [rust, python] = items;
  assert.ok(rust && !rust.ok);
  assert.equal(rust.learner, 'ann');
  assert.equal(
    rust.error.message,
    'Row on line 2 has the language "Rust" in column 3; expected python, javascript, typescript, shell, or an empty cell to detect it.',
  );
  assert.ok(python?.ok);
  assert.equal(python.input.language, 'python');
});

test('csv ragged rows and CR line ends', () => {
  const items = read('id,code\rann,x = 1,extra\rben\rcat,"a"b\rdan,ok\r');
  assert.deepEqual(errorCodes(items), ['CSV_FIELD_COUNT', 'CSV_FIELD_COUNT', 'CSV_QUOTE_STRAY', undefined]);
  assert.deepEqual(
    items.map((item) => item.source),
    ['class.csv:2', 'class.csv:3', 'class.csv:4', 'class.csv:5'],
  );
});

test('csv quote open at the end of the file', () => {
  const items = read('id,code\nann,x = 1\nben,"never closed\n');
  assert.deepEqual(errorCodes(items), [undefined, 'CSV_QUOTE_UNCLOSED']);
  assert.equal(items[1]?.source, 'class.csv:3');
});
