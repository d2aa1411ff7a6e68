import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvParser, parseCsv, type CsvItem } from './csv-parse.ts';

const records = (items: CsvItem[]): unknown[] =>
  items.map((item) =>
    item.ok ? { line: item.line, fields: item.fields } : { line: item.line, lastLine: item.lastLine, code: item.code, column: item.column },
  );

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
    { line: 3, lastLine: 5, code: 'CSV_QUOTE_UNCLOSED', column: 1 },
  ]],
  ['unclosed quote on the last line', 'id\n1\n"open', [
    { line: 1, fields: ['id'] },
    { line: 2, fields: ['1'] },
    { line: 3, code: 'CSV_QUOTE_UNCLOSED', column: 1 },
  ]],
  ['row inside a broken quoted field', 'learner,code\nalice,"x = 1\nmallory,y = 2\nend" x\nbob,z\n', [
    { line: 1, fields: ['learner', 'code'] },
    { line: 2, lastLine: 4, code: 'CSV_QUOTE_STRAY' },
    { line: 5, fields: ['bob', 'z'] },
  ]],
  ['stray quote after CR line ends', 'id,code\r1,"a\rb"c\r2,ok\r', [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, lastLine: 3, code: 'CSV_QUOTE_STRAY' },
    { line: 4, fields: ['2', 'ok'] },
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
    { line: 2, lastLine: 3, code: 'CSV_RECORD_TOO_LONG' },
    { line: 4, fields: ['3', 'after'] },
  ]);
});

test('csv over-long record with an unclosed quote', () => {
  const text = `id,code\n1,"${'x'.repeat(50)}\n2,short\n`;
  const items = parseCsv(text, { maxRecordChars: 20 });
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, lastLine: 3, code: 'CSV_QUOTE_UNCLOSED' },
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
    { line: 2, lastLine: 102, code: 'CSV_RECORD_TOO_LONG' },
    { line: 103, fields: ['bob', 'ok'] },
  ]);
});

test('csv unclosed cell of 200,000 lines', () => {
  // One quote opens a cell over 200,000 short lines; the quote that opens bob's cell closes it, and a stray quote follows.
  const text = `learner,role_name\nalice,"${'a\n'.repeat(200_000)}\nbob,"role_name = ""TemporaryAccessRole"""\n`;
  const parser = new CsvParser();
  const items: CsvItem[] = [];
  for (let at = 0; at < text.length; at += 64 * 1024) items.push(...parser.push(text.slice(at, at + 64 * 1024)));
  items.push(...parser.end());
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['learner', 'role_name'] },
    { line: 2, lastLine: 200_003, code: 'CSV_QUOTE_STRAY' },
  ]);
});

test('csv unclosed quote over the limit', () => {
  const parser = new CsvParser({ maxRecordChars: 100 });
  const items = [...parser.push('id,code\n1,"'), ...parser.push('mallory,x\n'.repeat(50)), ...parser.end()];
  assert.deepEqual(records(items).map((item) => JSON.parse(JSON.stringify(item))), [
    { line: 1, fields: ['id', 'code'] },
    { line: 2, lastLine: 51, code: 'CSV_QUOTE_UNCLOSED' },
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

test('stray quote past the limit chunked', () => {
  const csv = '\r"aa"aa';
  const parser = new CsvParser({ maxRecordChars: 3 });
  const pieces = [...parser.push(csv.slice(0, 5)), ...parser.push(csv.slice(5)), ...parser.end()];
  assert.deepEqual(pieces, [{ ok: false, line: 2, code: 'CSV_RECORD_TOO_LONG' }]);
  assert.deepEqual(parseCsv(csv, { maxRecordChars: 3 }), pieces);
});

test('csv chunking does not change broken records', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r'), maxLength: 60 });
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), fc.integer({ min: 3, max: 12 }), (csv, cuts, maxRecordChars) => {
      const whole = parseCsv(csv, { maxRecordChars });
      const parser = new CsvParser({ maxRecordChars });
      const points = [...new Set(cuts.map((cut) => cut % (csv.length + 1)))].sort((a, b) => a - b);
      const pieces: CsvItem[] = [];
      let last = 0;
      for (const point of points) {
        pieces.push(...parser.push(csv.slice(last, point)));
        last = point;
      }
      pieces.push(...parser.push(csv.slice(last)), ...parser.end());
      assert.deepEqual(pieces, whole);

      // No record starts on a line that a broken record spans.
      for (const broken of whole) {
        if (broken.ok || broken.lastLine === undefined) continue;
        const inside = whole.filter((item) => item !== broken && item.line >= broken.line && item.line <= broken.lastLine!);
        assert.deepEqual(inside, []);
      }
    }),
  );
});
