// Draws the toolbar icons (a white check mark on a rounded green square)
// into assets/icons/icon-SIZE.png. The PNGs are committed, so the build
// does not run this; rerun it after changing the drawing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SUPERSAMPLING = 4;
const BACKGROUND = [0x1a, 0x7f, 0x37];
const MARK = [0xff, 0xff, 0xff];

/** Returns the distance from point p to the segment a-b, all in unit coordinates. */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y) {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function onCheckMark(x, y) {
  const stroke = 0.085;
  return (
    distanceToSegment(x, y, 0.24, 0.52, 0.42, 0.7) <= stroke ||
    distanceToSegment(x, y, 0.42, 0.7, 0.77, 0.3) <= stroke
  );
}

/** Returns RGBA rows, each prefixed with PNG filter byte 0. */
function drawIcon(size) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let marked = 0;
      for (let s = 0; s < samples; s++) {
        const x = (px + ((s % SUPERSAMPLING) + 0.5) / SUPERSAMPLING) / size;
        const y = (py + (Math.floor(s / SUPERSAMPLING) + 0.5) / SUPERSAMPLING) / size;
        if (!insideRoundedSquare(x, y)) continue;
        covered++;
        if (onCheckMark(x, y)) marked++;
      }
      const share = covered ? marked / covered : 0;
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) {
        rows[offset + c] = Math.round(BACKGROUND[c] * (1 - share) + MARK[c] * share);
      }
      rows[offset + 3] = Math.round((covered / samples) * 255);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function encodePng(size, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const path = new URL(`../assets/icons/icon-${size}.png`, import.meta.url);
  writeFileSync(path, encodePng(size, drawIcon(size)));
  console.log(`wrote assets/icons/icon-${size}.png`);
}
