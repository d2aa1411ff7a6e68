import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { findLab, gradeSubmission } from '../core/engine/index.ts';
import { buildSubmissionExport } from '../core/submissions/index.ts';
import { parseCsv } from '../core/submissions/csv-parse.ts';
import { runInMemory } from './run-in-memory.ts';

const LAB = 'aws-assume-role-temporary-access';
const ROLE = 'role_name = "TemporaryAccessRole"\n';
/** Raw characters that must never reach a terminal or a report from learner text. */
const RAW_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Returns a class archive cut inside its central directory, after every entry. */
function cutArchive(files: Record<string, Uint8Array>): Uint8Array {
  const archive = zipSync(files);
  const view = new DataView(archive.buffer);
  let directory = archive.length - 22;
  while (view.getUint32(directory, true) !== 0x02014b50) directory -= 1;
  return archive.subarray(0, directory + 10);
}

async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-inputs-'));
  for (const [name, data] of Object.entries(files)) await writeFile(join(folder, name), data);
  return folder;
}

test('grade exits 2 on a cut archive', async () => {
  const folder = await folderWith({ 'class.zip': cutArchive({ 'ann.py': strToU8(ROLE), 'ben.py': strToU8(ROLE) }) });
  for (const format of ['text', 'json']) {
    const result = await runInMemory(['grade', 'class.zip', '--lab', LAB, '--format', format], folder);
    assert.equal(result.code, 2, format);
    assert.match(result.stderr, /^lab-check grade: class\.zip: The archive is cut short: it ends after \d+ bytes, before the end of its central directory/, format);
    assert.match(result.stdout, /class\.zip\/ann\.py/, format);
    assert.match(result.stdout, /class\.zip\/ben\.py/, format);
  }
});

test('grade csv has a row for the cut entry', async () => {
  const archive = zipSync({ 'ann.py': strToU8(ROLE), 'ben.py': strToU8(ROLE.repeat(50)) }, { level: 0 });
  const folder = await folderWith({ 'class.zip': archive.subarray(0, 200) });
  const result = await runInMemory(['grade', 'class.zip', '--lab', LAB, '--format', 'csv'], folder);
  assert.equal(result.code, 2);
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  assert.deepEqual(
    rows.slice(1).map((row) => [row[0], row[1], row[3], row[12]?.slice(0, 40)]),
    [
      ['ann', 'class.zip/ann.py', 'graded', ''],
      ['ben', 'class.zip/ben.py', 'error', 'The archive is cut short: it ends after '],
    ],
  );
  assert.equal(rows[2]?.[11], 'ZIP_TRUNCATED');
});

test('grade csv has one row for a lying entry', async () => {
  // The headers claim 100 bytes for an entry that inflates to 4 MB.
  const archive = zipSync({ 'liar.py': new Uint8Array(4 * 1024 * 1024), 'after.py': strToU8(ROLE) });
  const view = new DataView(archive.buffer);
  for (let at = 0; at + 4 <= archive.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === 7) view.setUint32(at + 22, 100, true);
    if (signature === 0x02014b50 && view.getUint16(at + 28, true) === 7) view.setUint32(at + 24, 100, true);
  }
  const folder = await folderWith({ 'class.zip': archive });
  const result = await runInMemory(['grade', 'class.zip', '--lab', LAB, '--format', 'csv'], folder);
  assert.equal(result.code, 2);
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  assert.deepEqual(
    rows.slice(1).map((row) => [row[0], row[1], row[3], row[11]]),
    [
      ['liar', 'class.zip/liar.py', 'error', 'ZIP_ENTRY_CORRUPT'],
      ['after', 'class.zip/after.py', 'graded', ''],
    ],
  );
});

test('verify exits 2 on a cut archive of exports', async () => {
  const lab = findLab(LAB)!;
  const input = { code: ROLE, quiz: {} };
  const claim = await buildSubmissionExport({ input, report: gradeSubmission(lab, input), exportedAt: new Date('2026-12-01T09:30:00Z') });
  const text = strToU8(JSON.stringify(claim));
  const folder = await folderWith({ 'exports.zip': cutArchive({ 'ann.json': text, 'ben.json': text }) });
  const result = await runInMemory(['verify', 'exports.zip'], folder);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /^exports\.zip\/ann\.json: match/m);
  assert.match(result.stdout, /^exports\.zip: error: The archive is cut short/m);
  assert.match(result.stdout, /^2 match, 0 flagged, 1 unreadable$/m);
});

test('lab-check process exits 2 on a cut archive', async () => {
  const folder = await folderWith({ 'class.zip': cutArchive({ 'ann.py': strToU8(ROLE), 'ben.py': strToU8(ROLE) }) });
  const cli = join(import.meta.dirname, 'lab-check.ts');
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'grade', 'class.zip', '--lab', LAB], {
    cwd: folder,
    encoding: 'utf8',
  });
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /class\.zip: The archive is cut short/);
});

test('grade text output escapes learner controls', async () => {
  const learner = 'eve\u001b[2J\r\nann.py: aws-assume-role-temporary-access 9/9 points\u202E';
  const roster = `learner,code\n"${learner}","${ROLE.replace(/"/g, '""')}"\n`;
  const folder = await folderWith({ 'roster.csv': roster, 'bad\u001b]0;title\u0007.json': '{"code": ' });
  const result = await runInMemory(['grade', folder, '--lab', LAB], folder);
  assert.equal(result.code, 2);
  assert.doesNotMatch(result.stdout, RAW_UNSAFE);
  assert.doesNotMatch(result.stderr, RAW_UNSAFE);
  assert.match(result.stderr, /bad\\u001B\]0;title\\u0007\.json/);
  // The roster row's lines: the report's own first line, then step lines; no line is a forged report header.
  assert.deepEqual(
    result.stdout.split('\n').filter((line) => line.endsWith('points')),
    ['roster.csv:2: aws-assume-role-temporary-access 1/9 points'],
  );
});

test('grade csv and junit escape learner controls', async () => {
  const learner = '=cmd|\u001b[2J\u202Eevil';
  const folder = await folderWith({ 'roster.csv': `learner,code\n"${learner}","${ROLE.replace(/"/g, '""')}"\n` });
  for (const format of ['csv', 'junit', 'gradescope']) {
    const result = await runInMemory(['grade', 'roster.csv', '--lab', LAB, '--format', format], folder);
    assert.doesNotMatch(result.stdout, RAW_UNSAFE, format);
  }
  const csv = await runInMemory(['grade', 'roster.csv', '--lab', LAB, '--format', 'csv'], folder);
  const rows = parseCsv(csv.stdout).map((record) => (record.ok ? record.fields : []));
  assert.equal(rows[1]?.[0], "'=cmd|\\u001B[2J\\u202Eevil");
});

test('grade names the bad field of a json file', async () => {
  const folder = await folderWith({ 'ann.json': '{"code": "x = 1", "quiz": {"1": 2}}' });
  const result = await runInMemory(['grade', 'ann.json', '--lab', LAB], folder);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /ann\.json is not a submission: quiz\.1: expected a string or an array, but it is the number 2\n/);
  assert.doesNotMatch(result.stderr, /Invalid input/);
});
