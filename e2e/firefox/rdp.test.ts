/** The Remote Debugging Protocol's packet framing, without a browser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodePacket, parsePackets } from './rdp.ts';

const frame = (text: string) => Buffer.from(text, 'utf8');

test('packets split at byte lengths', () => {
  const { packets, rest } = parsePackets(frame('15:{"from":"root"}18:{"from":"a","n":1}'));
  assert.deepEqual(packets, [{ from: 'root' }, { from: 'a', n: 1 }]);
  assert.equal(rest.length, 0);
});

test('partial packet kept for later', () => {
  const whole = encodePacket({ from: 'a', text: 'x'.repeat(100) });
  const first = parsePackets(whole.subarray(0, 50));
  assert.deepEqual(first.packets, []);
  assert.equal(first.rest.length, 50);

  const second = parsePackets(Buffer.concat([first.rest, whole.subarray(50)]));
  assert.deepEqual(second.packets, [{ from: 'a', text: 'x'.repeat(100) }]);
  assert.equal(second.rest.length, 0);
});

test('length counts UTF-8 bytes', () => {
  const encoded = encodePacket({ from: 'a', text: 'é€😀' });
  assert.equal(encoded.toString('latin1').split(':')[0], String(Buffer.byteLength('{"from":"a","text":"é€😀"}')));
  const cut = parsePackets(encoded.subarray(0, encoded.length - 1));
  assert.deepEqual(cut.packets, []);
  assert.deepEqual(parsePackets(encoded).packets, [{ from: 'a', text: 'é€😀' }]);
});

test('header without colon waits', () => {
  const { packets, rest } = parsePackets(frame('123'));
  assert.deepEqual(packets, []);
  assert.equal(rest.toString(), '123');
});

test('invalid header rejected', () => {
  assert.throws(() => parsePackets(frame('bulk a b 3:abc')), /Invalid RDP packet header "bulk a b 3"/);
  assert.throws(() => parsePackets(frame(':{}')), /Invalid RDP packet header ""/);
});
