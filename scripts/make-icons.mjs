// Draws the Provider Desk icon (a shield over a client list on a rounded tile) and writes resources/icons:
// PNGs at every size the platforms ask for, a Windows .ico and a macOS .icns (both holding PNG images).
// Run: node scripts/make-icons.mjs. Pure Node: anti-aliased by 4×4 supersampling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const out = join(import.meta.dirname, '..', 'resources', 'icons');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function insideShield(x, y) {
  // A shield: straight top, sides curving to a point at the bottom (unit square coordinates).
  if (y < 0.2 || y > 0.84 || x < 0.26 || x > 0.74) return false;
  if (y < 0.5) return true;
  const t = (y - 0.5) / 0.34;
  const half = 0.24 * Math.sqrt(Math.max(0, 1 - t * t));
  return Math.abs(x - 0.5) <= half;
}

/** Colour at a point of the unit square, as [r, g, b, a]. */
function shade(x, y) {
  if (!insideRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) return [0, 0, 0, 0];
  const t = (x + y) / 2;
  const tile = [Math.round(23 + 20 * t), Math.round(92 + 40 * t), Math.round(140 + 60 * t), 255];
  if (!insideShield(x, y)) return tile;
  const bar = [0.36, 0.48, 0.6].some((row) => y >= row && y <= row + 0.06 && x >= 0.36 && x <= 0.64);
  return bar ? [23, 92, 150, 255] : [245, 248, 252, 255];
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      pixels[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      pixels[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      pixels[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size) {
  const pixels = render(size);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

function icns(images) {
  const parts = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, p) => sum + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

mkdirSync(out, { recursive: true });
const pngs = new Map(sizes.map((size) => [size, png(size)]));
for (const [size, data] of pngs) writeFileSync(join(out, `${size}x${size}.png`), data);
writeFileSync(join(out, 'icon.png'), pngs.get(512));
writeFileSync(join(out, 'icon.ico'), ico([16, 24, 32, 48, 64, 256].map((size) => ({ size, data: pngs.get(size) }))));
writeFileSync(
  join(out, 'icon.icns'),
  icns([
    { type: 'icp4', data: pngs.get(16) },
    { type: 'icp5', data: pngs.get(32) },
    { type: 'icp6', data: pngs.get(64) },
    { type: 'ic07', data: pngs.get(128) },
    { type: 'ic08', data: pngs.get(256) },
    { type: 'ic09', data: pngs.get(512) },
    { type: 'ic10', data: pngs.get(1024) },
  ]),
);
console.log(`Wrote ${sizes.length} PNGs, icon.ico and icon.icns to ${out}`);
