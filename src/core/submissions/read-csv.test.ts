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
  assert.match(fieldCount.error.message, /line 4 has 1 fields; the header has 2/);
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
