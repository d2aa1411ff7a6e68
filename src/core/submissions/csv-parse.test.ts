import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvParser, parseCsv, type CsvItem } from './csv-parse.ts';

const records = (items: CsvItem[]): unknown[] =>
  items.map((item) => (item.ok ? { line: item.line, fields: item.fields } : { line: item.line, code: item.code, column: item.column }));

const VALID: Array<[string, string, Array<{ line: number; fields: string[] }>]> = [
  ['plain', 'a,b\r\n1,2\r\n', [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]],
  ['LF line ends', 'a,b\n1,2', [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]],
  ['lone CR line ends', 'a\r1\r', [{ line: 1, fields: ['a'] }, { line: 2, fields: ['1'] }]],
  ['quoted comma', '"a,b",c\n', [{ line: 1, fields: ['a,b', 'c'] }]],
  ['doubled quote', '"say ""hi""",x\n', [{ line: 1, fields: ['say "hi"', 'x'] }]],
  ['newline in quotes', 'id,code\n7,"x = 1\ny = 2"\n8,z\n', [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, fields: ['7', 'x = 1\ny = 2'] },
    { line: 4, fields: ['8', 'z'] },
  ]],
  ['empty fields', ',,\n', [{ line: 1, fields: ['', '', ''] }]],
  ['empty quoted field kept', '""\n', [{ line: 1, fields: [''] }]],
  ['blank lines skipped', 'a\n\n\nb\n', [{ line: 1, fields: ['a'] }, { line: 4, fields: ['b'] }]],
  ['byte order mark dropped', '\uFEFFid\n1\n', [{ line: 1, fields: ['id'] }, { line: 2, fields: ['1'] }]],
];

for (const [name, text, expected] of VALID) {
  test(`csv parses ${name}`, () => {
    assert.deepEqual(records(parseCsv(text)), expected);
  });
}

const INVALID: Array<[string, string, unknown[]]> = [
  ['quote inside unquoted field', 'a,b"c\n1,2\n', [
    { line: 1, code: 'CSV_QUOTE_STRAY', column: 4 },
    { line: 2, fields: ['1', '2'] },
  ]],
  ['text after closing quote', 'x\n"a"b,c\n1\n', [
    { line: 1, fields: ['x'] },
    { line: 2, code: 'CSV_QUOTE_STRAY', column: 4 },
    { line: 3, fields: ['1'] },
  ]],
  ['unclosed quote at the end', 'id\n1\n"open\n2\n3\n', [
    { line: 1, fields: ['id'] },
    { line: 2, fields: ['1'] },
    { line: 3, code: 'CSV_QUOTE_UNCLOSED', column: 1 },
    { line: 4, fields: ['2'] },
    { line: 5, fields: ['3'] },
  ]],
];

for (const [name, text, expected] of INVALID) {
  test(`csv reports ${name}`, () => {
    assert.deepEqual(
      records(parseCsv(text)).map((item) => JSON.parse(JSON.stringify(item))),
      expected,
    );
  });
}

test('csv record over the limit is skipped', () => {
  const text = `id,code\n1,"${'x'.repeat(50)}\n2,short"\n3,after\n`;
  const items = parseCsv(text, { maxRecordChars: 20 });
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, code: 'CSV_RECORD_TOO_LONG' },
    { line: 4, fields: ['3', 'after'] },
  ]);
});

test('csv over-long record with an unclosed quote', () => {
  const text = `id,code\n1,"${'x'.repeat(50)}\n2,short\n`;
  const items = parseCsv(text, { maxRecordChars: 20 });
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, code: 'CSV_RECORD_TOO_LONG' },
    { line: 2, code: 'CSV_QUOTE_UNCLOSED' },
  ]);
});

test('csv 50 MB cell hides no rows', () => {
  // The cell contains lines that look like rows, and none of them may come out as one.
  const fake = 'mallory,"role_name = ""x"""\r\n'.replace(/"/g, '""');
  const cell = `${fake}${'y'.repeat(1024 * 1024 - 1)}\n`.repeat(50);
  const parser = new CsvParser();
  const items: CsvItem[] = [...parser.push('id,code\r\nann,"')];
  for (let at = 0; at < cell.length; at += 64 * 1024) items.push(...parser.push(cell.slice(at, at + 64 * 1024)));
  items.push(...parser.push('"\r\nbob,ok\r\n'), ...parser.end());
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, code: 'CSV_RECORD_TOO_LONG' },
    { line: 103, fields: ['bob', 'ok'] },
  ]);
});

test('csv broken row with CR line ends resumes', () => {
  assert.deepEqual(records(parseCsv('id,code\r1,"a"b\r2,ok\r')).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, code: 'CSV_QUOTE_STRAY', column: 6 },
    { line: 3, fields: ['2', 'ok'] },
  ]);
});

test('csv skipped record split after CR', () => {
  const parser = new CsvParser({ maxRecordChars: 10 });
  const items = [
    ...parser.push('id\r\n"'),
    ...parser.push('z'.repeat(30)),
    ...parser.push('"\r'),
    ...parser.push('\n2\r\n'),
    ...parser.end(),
  ];
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id'] },
    { line: 2, code: 'CSV_RECORD_TOO_LONG' },
    { line: 3, fields: ['2'] },
  ]);
});

test('csv over-long line spanning chunks is skipped', () => {
  const parser = new CsvParser({ maxRecordChars: 10 });
  const items = [
    ...parser.push('id\n'),
    ...parser.push('y'.repeat(30)),
    ...parser.push('y'.repeat(30)),
    ...parser.push('yyy\n2\n'),
    ...parser.end(),
  ];
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id'] },
    { line: 2, code: 'CSV_RECORD_TOO_LONG' },
    { line: 3, fields: ['2'] },
  ]);
});

test('csv chunking does not change the records', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é') });
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
  fc.assert(
    fc.property(table, fc.array(fc.nat(), { maxLength: 5 }), (rows, cuts) => {
      const text = rows
        .map((row) => row.map((field) => `"${field.replace(/"/g, '""')}"`).join(','))
        .join('\r\n');
      const whole = parseCsv(text);
      assert.deepEqual(whole.map((item) => (item.ok ? item.fields : item.code)), rows);

      const parser = new CsvParser();
      const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
      const pieces: CsvItem[] = [];
      let last = 0;
      for (const point of points) {
        pieces.push(...parser.push(text.slice(last, point)));
        last = point;
      }
      pieces.push(...parser.push(text.slice(last)), ...parser.end());
      assert.deepEqual(pieces, whole);
    }),
  );
});
