import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { crc32 } from './crc32.ts';
import { readZipEntries, type ByteSource, type ZipEntry, type ZipLimits } from './read-zip.ts';

const TESTDATA = join(import.meta.dirname, 'testdata');
const CODE = 'role_name = "TemporaryAccessRole"\n';

function source(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

async function entries(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<ZipEntry[]> {
  const found: ZipEntry[] = [];
  for await (const entry of readZipEntries(source(bytes), { maxEntryBytes: 10 * 1024 * 1024, ...limits })) found.push(entry);
  return found;
}

/** One line per entry: `name ok LENGTH` or `name CODE`. */
const summary = (found: ZipEntry[]): string[] =>
  found.map((entry) => `${entry.name} ${'error' in entry ? entry.error.code : `ok ${entry.bytes.length}`}`);

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(TESTDATA, name)));

/** Offsets of every occurrence of a 4-byte signature. */
function signatures(bytes: Uint8Array, signature: number): number[] {
  const found: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i += 1) if (view.getUint32(i, true) === signature) found.push(i);
  return found;
}
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

test('zip made by Info-ZIP reads every file', async () => {
  const found = await entries(fixture('info-zip.zip'));
  assert.deepEqual(summary(found), ['alice.py ok 34', 'sub/bob.sh ok 6000', 'carol.json ok 30']);
  const alice = found[0];
  assert.ok(alice && 'bytes' in alice);
  assert.equal(strFromU8(alice.bytes), CODE);
});

test('zip with data descriptors reads every file', async () => {
  assert.deepEqual(summary(await entries(fixture('descriptors.zip'))), ['dan.py ok 1700', 'eve.py ok 34', 'stored.py ok 34']);
});

test('zip with ZIP64 extra fields reads every file', async () => {
  assert.deepEqual(summary(await entries(fixture('zip64.zip'))), ['frank.py ok 34', 'grace.py ok 34']);
});

test('zip with bzip2 and LZMA entries names the method', async () => {
  const found = await entries(fixture('methods.zip'));
  assert.deepEqual(summary(found), [
    'bzip2.py ZIP_ENTRY_METHOD_UNSUPPORTED',
    'lzma.py ZIP_ENTRY_METHOD_UNSUPPORTED',
    'plain.py ok 34',
  ]);
  const bzip2 = found[0];
  assert.ok(bzip2 && 'error' in bzip2);
  assert.deepEqual(bzip2.error.data, { method: 12, methodName: 'bzip2' });
  assert.match(bzip2.error.message, /method 12 \(bzip2\); expected Deflate or no compression/);
});

test('zip with a password is reported', async () => {
  assert.deepEqual(summary(await entries(fixture('encrypted.zip'))), ['alice.py ZIP_ENTRY_ENCRYPTED']);
});

test('zip entry names that escape or hide', async () => {
  const found = await entries(fixture('names.zip'));
  assert.deepEqual(summary(found), [
    '../up.py ZIP_ENTRY_NAME_INVALID',
    '/etc/abs.py ZIP_ENTRY_NAME_INVALID',
    'C:/drive.py ZIP_ENTRY_NAME_INVALID',
    'a\\u001B[2Jb.py ZIP_ENTRY_NAME_INVALID',
    'rtl\\u202Egnp.py ZIP_ENTRY_NAME_INVALID',
    'ok.py ok 34',
  ]);
  const reasons = found.map((entry) => ('error' in entry ? entry.error.data.reason : undefined));
  assert.deepEqual(reasons, [
    'it has a ".." segment that points outside the archive',
    'it is an absolute path',
    'it starts with a drive letter',
    'it contains the control character U+001B',
    'it contains the invisible formatting character U+202E',
    undefined,
  ]);
  for (const entry of found) assert.doesNotMatch(entry.name, /[\u0000-\u001f\u202e]/);
});

test('zip entry name with a NUL byte', async () => {
  const found = await entries(zipSync({ 'a\u0000.py': strToU8(CODE), 'b.py': strToU8(CODE) }));
  assert.deepEqual(summary(found), ['a\\u0000.py ZIP_ENTRY_NAME_INVALID', 'b.py ok 34']);
});

test('zip duplicate entry keeps the first', async () => {
  const found = await entries(fixture('duplicates.zip'));
  assert.deepEqual(summary(found), ['same.py ok 34', 'same.py ZIP_ENTRY_DUPLICATE']);
  const first = found[0];
  assert.ok(first && 'bytes' in first);
  assert.equal(strFromU8(first.bytes), CODE);
});

test('zip bomb entry over the limit is not inflated', async () => {
  const started = performance.now();
  const found = await entries(fixture('bomb.zip'));
  assert.deepEqual(summary(found), ['zeros.py FILE_TOO_LARGE', 'after.py ok 34']);
  const bomb = found[0];
  assert.ok(bomb && 'error' in bomb);
  assert.deepEqual(bomb.error.data, { size: 20 * 1024 * 1024, limit: 10 * 1024 * 1024 });
  assert.ok(performance.now() - started < 2000);
});

test('zip bomb that understates its size stops early', async () => {
  const bytes = fixture('bomb.zip');
  const view = new DataView(bytes.buffer);
  const [local] = signatures(bytes, LOCAL);
  const [central] = signatures(bytes, CENTRAL);
  view.setUint32(local! + 22, 100, true);
  view.setUint32(central! + 24, 100, true);
  const found = await entries(bytes);
  assert.deepEqual(summary(found), ['zeros.py ZIP_ENTRY_CORRUPT', 'after.py ok 34']);
  const bomb = found[0];
  assert.ok(bomb && 'error' in bomb);
  assert.match(String(bomb.error.data.reason), /compressed bytes are more than Deflate makes of 100 bytes/);
});

test('zip bomb inflating past its size', async () => {
  // A stored-size check cannot catch this one: the compressed size is plausible, the output is not.
  const archive = zipSync({ 'z.py': new Uint8Array(1_000_000) });
  const view = new DataView(archive.buffer);
  const [local] = signatures(archive, LOCAL);
  const [central] = signatures(archive, CENTRAL);
  const compressed = view.getUint32(central! + 20, true);
  view.setUint32(local! + 22, compressed * 2, true);
  view.setUint32(central! + 24, compressed * 2, true);
  const [entry] = await entries(archive);
  assert.ok(entry && 'error' in entry);
  assert.equal(entry.error.code, 'ZIP_ENTRY_CORRUPT');
  assert.match(String(entry.error.data.reason), /inflates to more than the \d+ bytes the archive records/);
});

test('zip total uncompressed size is bounded', async () => {
  const archive = zipSync({ 'a.py': new Uint8Array(600), 'b.py': new Uint8Array(600), 'c.py': new Uint8Array(10) });
  const found = await entries(archive, { maxTotalBytes: 1000 });
  assert.deepEqual(summary(found), ['a.py ok 600', ' ZIP_TOO_LARGE']);
  const stop = found[1];
  assert.ok(stop && 'error' in stop);
  assert.match(stop.error.message, /more than 1000 bytes uncompressed, so reading stopped at the entry "b\.py"/);
});

test('zip entry count is bounded', async () => {
  const files: Zippable = {};
  for (let i = 0; i < 8; i += 1) files[`s${i}.py`] = strToU8(CODE);
  const found = await entries(zipSync(files), { maxEntries: 3 });
  assert.deepEqual(summary(found), [' ZIP_TOO_LARGE', 's0.py ok 34', 's1.py ok 34', 's2.py ok 34']);
});

test('zip cut at every byte keeps the whole entries', async () => {
  const files = { 'a.py': strToU8(CODE), 'b.py': strToU8(CODE.repeat(20)), 'c.py': strToU8('x = 1\n') };
  for (const level of [0, 6] as const) {
    const archive = zipSync(files, { level });
    const locals = signatures(archive, LOCAL);
    const directory = signatures(archive, CENTRAL)[0]!;
    const names = Object.keys(files);
    for (let cut = 1; cut < archive.length; cut += 1) {
      const found = await entries(archive.subarray(0, cut));
      const whole = locals.filter((_, i) => (locals[i + 1] ?? directory) <= cut).length;
      const expected = names.slice(0, whole).map((name) => `${name} ok ${files[name as keyof typeof files].length}`);
      const last = found.at(-1);
      assert.ok(last && 'error' in last, `level ${level}, cut ${cut}`);
      assert.equal(last.error.code, 'ZIP_TRUNCATED', `level ${level}, cut ${cut}`);
      assert.deepEqual(summary(found.slice(0, -1)), expected, `level ${level}, cut ${cut}`);
      const cutEntry = names[whole];
      const nameRead = cutEntry !== undefined && cut >= (locals[whole] ?? 0) + 30 + cutEntry.length;
      assert.equal(last.name, nameRead ? cutEntry : '', `level ${level}, cut ${cut}`);
    }
  }
});

test('zip cut message names the entry', async () => {
  const archive = zipSync({ 'a.py': strToU8(CODE), 'b.py': strToU8(CODE.repeat(20)) }, { level: 0 });
  const found = await entries(archive.subarray(0, 200));
  assert.deepEqual(summary(found), ['a.py ok 34', 'b.py ZIP_TRUNCATED']);
  const cut = found[1];
  assert.ok(cut && 'error' in cut);
  assert.equal(
    cut.error.message,
    'The archive is cut short: it ends after 200 bytes, inside the entry "b.py", so that entry and any after it are missing; 1 entry before it was read.',
  );
});

test('zip cut in the central directory', async () => {
  const archive = zipSync({ 'a.py': strToU8(CODE), 'b.py': strToU8(CODE) });
  const directory = signatures(archive, CENTRAL)[1]!;
  const found = await entries(archive.subarray(0, directory + 10));
  assert.deepEqual(summary(found), ['a.py ok 34', 'b.py ok 34', ' ZIP_TRUNCATED']);
  const cut = found[2];
  assert.ok(cut && 'error' in cut);
  assert.match(cut.error.message, /before the end of its central directory/);
});

test('zip with data descriptors cut at every byte', async () => {
  const archive = fixture('descriptors.zip');
  const locals = signatures(archive, LOCAL);
  const directory = signatures(archive, CENTRAL)[0]!;
  for (let cut = 1; cut < archive.length; cut += 1) {
    const found = await entries(archive.subarray(0, cut));
    const whole = locals.filter((_, i) => (locals[i + 1] ?? directory) <= cut).length;
    assert.equal(found.filter((entry) => 'bytes' in entry).length, whole, `cut ${cut}`);
    const last = found.at(-1);
    assert.ok(last && 'error' in last, `cut ${cut}`);
    assert.equal(last.error.code, 'ZIP_TRUNCATED', `cut ${cut}`);
  }
});

test('zip stored entry with a flipped byte fails its CRC-32', async () => {
  const archive = zipSync({ 'a.py': strToU8(CODE), 'b.py': strToU8(CODE) }, { level: 0 });
  archive[30 + 4 + 5] = archive[30 + 4 + 5]! ^ 0x20;
  const found = await entries(archive);
  assert.deepEqual(summary(found), ['a.py ZIP_ENTRY_CORRUPT', 'b.py ok 34']);
  const corrupt = found[0];
  assert.ok(corrupt && 'error' in corrupt);
  assert.match(String(corrupt.error.data.reason), /^its CRC-32 is [0-9a-f]{8} where the archive records [0-9a-f]{8}$/);
});

test('zip deflated entry with flipped bytes is reported', async () => {
  const archive = zipSync({ 'a.py': strToU8(CODE.repeat(100)), 'b.py': strToU8('b = 1') });
  archive[40] = archive[40]! ^ 0xff;
  archive[45] = archive[45]! ^ 0x55;
  assert.deepEqual(summary(await entries(archive)), ['a.py ZIP_ENTRY_CORRUPT', 'b.py ok 5']);
});

test('zip local header naming another entry', async () => {
  const archive = zipSync({ 'a.py': strToU8('a = 1'), 'b.py': strToU8('b = 2') }, { level: 0 });
  archive[30] = 'b'.charCodeAt(0);
  const found = await entries(archive);
  assert.deepEqual(summary(found), ['a.py ZIP_ENTRY_CORRUPT', 'b.py ok 5']);
  const spoofed = found[0];
  assert.ok(spoofed && 'error' in spoofed);
  assert.equal(spoofed.error.data.reason, 'its local header names "b.py", not "a.py"');
  const b = found[1];
  assert.ok(b && 'bytes' in b);
  assert.equal(strFromU8(b.bytes), 'b = 2');
});

test('zip entries sharing their data', async () => {
  const archive = zipSync({ 'a.py': strToU8('a = 1'), 'b.py': strToU8('b = 2') }, { level: 0 });
  const second = signatures(archive, CENTRAL)[1]!;
  new DataView(archive.buffer).setUint32(second + 42, 0, true);
  const found = await entries(archive);
  assert.deepEqual(summary(found), ['a.py ok 5', 'b.py ZIP_ENTRY_CORRUPT']);
  const overlap = found[1];
  assert.ok(overlap && 'error' in overlap);
  assert.equal(overlap.error.data.reason, 'its data starts inside the entry "a.py"');
});

test('zip with a damaged central directory is salvaged', async () => {
  const archive = zipSync({ 'a.py': strToU8('a = 1'), 'b.py': strToU8('b = 2') });
  archive[signatures(archive, CENTRAL)[0]!] = 0;
  const found = await entries(archive);
  assert.deepEqual(summary(found), [' ZIP_INVALID', 'a.py ok 5', 'b.py ok 5']);
});

test('zip data descriptor disagreeing with the directory', async () => {
  const archive = fixture('descriptors.zip');
  const descriptor = signatures(archive, 0x08074b50)[1]!;
  archive[descriptor + 4] = archive[descriptor + 4]! ^ 0xff;
  const found = await entries(archive);
  assert.deepEqual(summary(found), ['dan.py ok 1700', 'eve.py ZIP_ENTRY_CORRUPT', 'stored.py ok 34']);
});

test('zip empty and non-zip files', async () => {
  assert.deepEqual(summary(await entries(zipSync({}))), []);
  assert.deepEqual(summary(await entries(new Uint8Array(0))), [' ZIP_INVALID']);
  assert.deepEqual(summary(await entries(strToU8('not a zip'))), [' ZIP_INVALID']);
  assert.deepEqual(summary(await entries(new Uint8Array([0x50, 0x4b]))), [' ZIP_TRUNCATED']);
});

test('zip entries skipped by name are not read', async () => {
  const archive = zipSync({ 'notes.md': new Uint8Array(50_000), 'dir/': new Uint8Array(0), '.hidden.py': strToU8('x'), 'a.py': strToU8('a') });
  const found = await entries(archive, { skip: (name) => name.endsWith('.md'), maxTotalBytes: 10 });
  assert.deepEqual(summary(found), ['a.py ok 1']);
});

test('crc32 of known strings', () => {
  assert.equal(crc32(strToU8('')), 0);
  assert.equal(crc32(strToU8('123456789')), 0xcbf43926);
  assert.equal(crc32(strToU8(CODE)), 0x10aa662e);
});

test('zip with any byte flipped keeps names and bytes together', async () => {
  const archives: Array<[string, Uint8Array]> = [
    ['fflate', zipSync({ 'a.py': strToU8(CODE), 'b.py': strToU8(CODE.repeat(9)), 'c/d.py': strToU8('x = 1\n') })],
    ['fflate stored', zipSync({ 'a.py': strToU8(CODE), 'b.py': strToU8('b = 2\n') }, { level: 0 })],
    ['info-zip', fixture('info-zip.zip')],
    ['descriptors', fixture('descriptors.zip')],
    ['zip64', fixture('zip64.zip')],
  ];
  for (const [label, archive] of archives) {
    const original = new Map<string, string>();
    for (const entry of await entries(archive)) if ('bytes' in entry) original.set(entry.name, strFromU8(entry.bytes));
    for (let at = 0; at < archive.length; at += 1) {
      for (const mask of [0x01, 0x80]) {
        const damaged = archive.slice();
        damaged[at] = damaged[at]! ^ mask;
        for (const entry of await entries(damaged)) {
          if (!('bytes' in entry)) continue;
          assert.equal(strFromU8(entry.bytes), original.get(entry.name), `${label}: byte ${at} ^ ${mask}, entry ${entry.name}`);
        }
      }
    }
  }
});

test('zip entry with a wrong size loses only itself', async () => {
  const archive = zipSync({ 'a.py': strToU8('a = 1'), 'b.py': strToU8('b = 2'), 'c.py': strToU8('c = 3') }, { level: 0 });
  const first = signatures(archive, CENTRAL)[0]!;
  new DataView(archive.buffer).setUint32(first + 20, 0x7fffffff, true);
  const found = await entries(archive);
  assert.deepEqual(summary(found), ['a.py ZIP_ENTRY_CORRUPT', 'b.py ok 5', 'c.py ok 5']);
});

test('zip name message escapes once', async () => {
  const [entry] = await entries(zipSync({ 'a\u001b[2J.py': strToU8(CODE) }));
  assert.ok(entry && 'error' in entry);
  assert.equal(entry.name, 'a\\u001B[2J.py');
  assert.equal(
    entry.error.message,
    'The archive entry name "a\\u001b[2J.py" was not read because it contains the control character U+001B; expected a relative path such as "alice/solution.py".',
  );
});
