import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { LABS } from '../../labs/index.ts';
import type { SubmissionItem } from './items.ts';
import { readInputFile, type InputFile } from './read-files.ts';

function memoryFile(name: string, bytes: Uint8Array | string, chunkSize = 1000): InputFile {
  const data = typeof bytes === 'string' ? strToU8(bytes) : bytes;
  return {
    name,
    size: data.length,
    async *chunks() {
      for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    },
    read: async (start, end) => data.slice(start, end),
  };
}

async function readAll(file: InputFile, maxFileBytes?: number): Promise<SubmissionItem[]> {
  const items: SubmissionItem[] = [];
  for await (const item of readInputFile(file, { labs: LABS, ...(maxFileBytes ? { maxFileBytes } : {}) })) items.push(item);
  return items;
}

const summary = (items: SubmissionItem[]): string[] =>
  items.map((item) => `${item.source} ${item.ok ? `ok ${item.learner}` : item.error.code}`);

test('code file is one submission', async () => {
  const items = await readAll(memoryFile('exports/alice.py', 'role_name = "x"\n'));
  assert.deepEqual(summary(items), ['exports/alice.py ok alice']);
  const [item] = items;
  assert.ok(item?.ok);
  assert.equal(item.input.language, 'python');
  assert.equal(item.input.code, 'role_name = "x"\n');
});

test('plain json submission names its lab', async () => {
  const items = await readAll(memoryFile('bob.json', '{"lab": "aws-ec2-instance-profile-role", "code": "x = 1", "learner": "b-17"}'));
  const [item] = items;
  assert.ok(item?.ok);
  assert.equal(item.lab, 'aws-ec2-instance-profile-role');
  assert.equal(item.learner, 'b-17');
});

test('bad files become error items', async () => {
  const cases: Array<[InputFile, string]> = [
    [memoryFile('a.json', '{"code": '), 'JSON_INVALID'],
    [memoryFile('b.json', '{"code": 5}'), 'SUBMISSION_INVALID'],
    [memoryFile('c.json', '{"quiz": {}}'), 'SUBMISSION_EMPTY'],
    [memoryFile('d.json', '{"format": "lab-check-submission", "formatVersion": 9}'), 'EXPORT_VERSION_UNKNOWN'],
    [memoryFile('e.json', '{"format": "lab-check-submission", "formatVersion": 1, "lab": {}}'), 'EXPORT_INVALID'],
    [memoryFile('f.py', new Uint8Array([0x72, 0xff, 0xfe])), 'FILE_NOT_UTF8'],
    [memoryFile('g.docx', 'x'), 'FILE_TYPE_UNSUPPORTED'],
    [memoryFile('h.zip', 'not a zip'), 'ZIP_INVALID'],
    [memoryFile('empty.zip', new Uint8Array(0)), 'ZIP_INVALID'],
    [memoryFile('i.json', `{"code": "x", "quiz": {"1": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`), 'JSON_TOO_DEEP'],
  ];
  for (const [file, code] of cases) {
    const items = await readAll(file);
    assert.deepEqual(summary(items), [`${file.name} ${code}`], file.name);
  }
});

test('file over the limit is not read', async () => {
  let read = false;
  const file: InputFile = {
    name: 'huge.json',
    size: 50 * 1024 * 1024,
    async *chunks() {
      read = true;
      yield new Uint8Array(0);
    },
    read: async () => {
      read = true;
      return new Uint8Array(0);
    },
  };
  const [item] = await readAll(file);
  assert.ok(item && !item.ok);
  assert.equal(item.error.code, 'FILE_TOO_LARGE');
  assert.equal(item.error.message, 'The file is 50.0 MB; files larger than 10.0 MB are not read.');
  assert.equal(read, false);
});

test('file growing past its size is stopped', async () => {
  const file = { ...memoryFile('grow.py', 'x'.repeat(5000)), size: 10 };
  const items = await readAll(file, 4000);
  assert.deepEqual(summary(items), ['grow.py FILE_TOO_LARGE']);
});

test('csv file streams rows', async () => {
  const rows = Array.from({ length: 300 }, (_, i) => `learner${i},"role_name = ""r${i}"""`);
  const items = await readAll(memoryFile('class.csv', `learner,code\n${rows.join('\n')}\n`, 97));
  assert.equal(items.length, 300);
  assert.ok(items.every((item) => item.ok));
  const last = items[299];
  assert.ok(last?.ok);
  assert.equal(last.input.code, 'role_name = "r299"');
  assert.equal(last.source, 'class.csv:301');
});

test('zip archive of files, csv and bad entries', async () => {
  const archive = zipSync({
    'alice.py': strToU8('role_name = "a"'),
    'sub/bob.json': strToU8('{"code": "role_name = 1"}'),
    'roster.csv': strToU8('id,code\ncarol,x = 1\ndan,"broken\n'),
    'inner.zip': zipSync({ 'x.py': strToU8('') }),
    'notes.md': strToU8('ignored'),
    '.hidden.py': strToU8('ignored'),
    '__MACOSX/alice.py': strToU8('ignored'),
  });
  const items = await readAll(memoryFile('class.zip', archive, 64));
  assert.deepEqual(summary(items), [
    'class.zip/alice.py ok alice',
    'class.zip/sub/bob.json ok bob',
    'class.zip/roster.csv:2 ok carol',
    'class.zip/roster.csv:3 CSV_QUOTE_UNCLOSED',
    'class.zip/inner.zip ZIP_NESTED',
  ]);
});

test('truncated zip keeps the entries before the break', async () => {
  const archive = zipSync({ 'a.py': strToU8('a = 1'), 'b.py': strToU8('b = 2'.repeat(2000)) }, { level: 0 });
  const items = await readAll(memoryFile('cut.zip', archive.subarray(0, 200)));
  assert.deepEqual(summary(items), ['cut.zip/a.py ok a', 'cut.zip/b.py ZIP_TRUNCATED']);
  const [, cut] = items;
  assert.ok(cut && !cut.ok);
  assert.equal(cut.learner, 'b');
});

test('zip entry with a wrong length is rejected', async () => {
  const archive = zipSync({ 'a.py': strToU8('role_name = "x"\n'.repeat(100)), 'b.py': strToU8('b = 1') });
  const corrupt = archive.slice();
  corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
  corrupt[45] = (corrupt[45] ?? 0) ^ 0x55;
  const items = await readAll(memoryFile('flip.zip', corrupt));
  assert.deepEqual(summary(items), ['flip.zip/a.py ZIP_ENTRY_CORRUPT', 'flip.zip/b.py ok b']);
});

test('zip entry over the limit is not kept', async () => {
  const archive = zipSync({ 'big.py': new Uint8Array(5000), 'small.py': strToU8('x = 1') });
  const items = await readAll(memoryFile('big.zip', archive), 1000);
  assert.deepEqual(summary(items), ['big.zip/big.py FILE_TOO_LARGE', 'big.zip/small.py ok small']);
});

test('zip archive without submissions is reported', async () => {
  const cases: Array<[string, Uint8Array]> = [
    ['empty.zip', zipSync({})],
    ['notes.zip', zipSync({ 'readme.md': strToU8('x'), 'folder/': new Uint8Array(0), '.DS_Store': strToU8('x') })],
  ];
  for (const [name, archive] of cases) {
    assert.deepEqual(summary(await readAll(memoryFile(name, archive))), [`${name} ZIP_NO_SUBMISSIONS`], name);
  }
});

test('zip of many small entries in one chunk', async () => {
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < 5000; i += 1) entries[`s${i}.py`] = strToU8(`x = ${i}`);
  const archive = zipSync(entries);
  const items = await readAll(memoryFile('many.zip', archive, archive.length));
  assert.equal(items.length, 5000);
  assert.equal(items.filter((item) => item.ok).length, 5000);
});

test('bad json error names the field', async () => {
  const [plain] = await readAll(memoryFile('b.json', '{"code": 5, "language": "rust"}'));
  assert.ok(plain && !plain.ok);
  assert.equal(
    plain.error.message,
    'The JSON is not a submission: language: expected one of "python", "javascript", "typescript", "shell", but it is the string "rust"; code: expected a string, but it is the number 5.',
  );
  assert.equal(plain.error.data.path, 'language');

  const [exported] = await readAll(memoryFile('e.json', '{"format": "lab-check-submission", "formatVersion": 1, "lab": {}}'));
  assert.ok(exported && !exported.ok);
  assert.match(
    exported.error.message,
    /^The submission export is invalid: lab\.id: expected a string, but it is missing; lab\.version: expected a string, but it is missing; grader: expected a string, but it is missing; and 4 more problems\.$/,
  );
});
