#!/usr/bin/env node
// Draws mcpb/icon.png, the bundle's icon: a white envelope on a green rounded square, 512x512,
// anti-aliased by 4x4 supersampling, written as a PNG with node:zlib (no image library needed).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const GREEN = [11, 153, 110];
const WHITE = [255, 255, 255];

/** Distance from (x, y) to the segment a-b. */
function toSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** The colour at one sample point, or null outside the rounded square. */
function sample(x, y) {
  const r = 104;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const [left, top, right, bottom] = [112, 152, 400, 360];
  const stroke = 13;
  const corners = [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];
  const edges = corners.map((c, i) => [c, corners[(i + 1) % 4]]);
  const flap = [
    [
      [left, top],
      [256, 268],
    ],
    [
      [256, 268],
      [right, top],
    ],
  ];
  const near = [...edges, ...flap].some(([a, b]) => toSegment(x, y, a, b) <= stroke);
  return near ? WHITE : GREEN;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const colour = sample(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        if (!colour) continue;
        for (let c = 0; c < 3; c++) sum[c] += colour[c];
        sum[3] += 1;
      }
    const covered = sum[3];
    const pixel = covered ? [sum[0] / covered, sum[1] / covered, sum[2] / covered, (255 * covered) / 16] : [0, 0, 0, 0];
    for (let c = 0; c < 4; c++) row[1 + x * 4 + c] = Math.round(pixel[c]);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../mcpb/icon.png', import.meta.url), png);
console.log(`wrote mcpb/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
