#!/usr/bin/env node
// Draws the add-in's icons (assets/*.png) from simple shapes, so they are reproducible without an
// image editor: `node scripts/make-icons.mjs`. PNGs are encoded here with node:zlib.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(out, { recursive: true });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Signed distance helpers in unit coordinates (0..1).
const segment = (px, py, ax, ay, bx, by) => {
  const [dx, dy, ex, ey] = [px - ax, py - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (dx * ex + dy * ey) / (ex * ex + ey * ey)));
  return Math.hypot(dx - ex * t, dy - ey * t);
};
const roundedBox = (px, py, cx, cy, hw, hh, r) => {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

const RED = [196, 43, 28];
const WHITE = [255, 255, 255];

/** A glyph is a function (x, y, stroke) → distance to its strokes (≤ 0 inside). */
const glyphs = {
  check: (x, y, w) => Math.min(segment(x, y, 0.27, 0.52, 0.44, 0.69), segment(x, y, 0.44, 0.69, 0.74, 0.33)) - w,
  table: (x, y, w) =>
    Math.min(
      Math.abs(roundedBox(x, y, 0.5, 0.5, 0.25, 0.22, 0.02)) - w * 0.7,
      segment(x, y, 0.25, 0.42, 0.75, 0.42) - w * 0.6,
      segment(x, y, 0.25, 0.58, 0.75, 0.58) - w * 0.6,
      segment(x, y, 0.43, 0.28, 0.43, 0.72) - w * 0.6,
    ),
  sum: (x, y, w) =>
    Math.min(
      segment(x, y, 0.7, 0.27, 0.3, 0.27),
      segment(x, y, 0.3, 0.27, 0.52, 0.5),
      segment(x, y, 0.52, 0.5, 0.3, 0.73),
      segment(x, y, 0.3, 0.73, 0.7, 0.73),
    ) - w,
  notice: (x, y, w) =>
    Math.min(
      Math.abs(roundedBox(x, y, 0.5, 0.5, 0.22, 0.27, 0.03)) - w * 0.7,
      segment(x, y, 0.36, 0.4, 0.64, 0.4) - w * 0.6,
      segment(x, y, 0.36, 0.52, 0.64, 0.52) - w * 0.6,
      segment(x, y, 0.36, 0.64, 0.54, 0.64) - w * 0.6,
    ),
  form: (x, y, w) =>
    Math.min(
      Math.abs(roundedBox(x, y, 0.5, 0.5, 0.22, 0.27, 0.03)) - w * 0.7,
      Math.hypot(x - 0.5, y - 0.42) - 0.08,
      segment(x, y, 0.38, 0.64, 0.62, 0.64) - w * 0.8,
    ),
  /** A play triangle over three steps: run the recipe. */
  recipe: (x, y, w) =>
    Math.min(
      segment(x, y, 0.26, 0.32, 0.46, 0.32) - w * 0.7,
      segment(x, y, 0.26, 0.5, 0.46, 0.5) - w * 0.7,
      segment(x, y, 0.26, 0.68, 0.46, 0.68) - w * 0.7,
      Math.max(0.56 - x, Math.abs(y - 0.5) - (0.8 - x) * 0.85) * 0.8 - w * 0.2,
    ),
  seal: (x, y, w) =>
    Math.min(
      Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.25) - w * 0.7,
      Math.min(segment(x, y, 0.38, 0.51, 0.47, 0.6), segment(x, y, 0.47, 0.6, 0.63, 0.41)) - w * 0.8,
    ),
};

function draw(size, glyph) {
  const buf = Buffer.alloc(size * size * 4);
  const aa = 1 / size; // one pixel of anti-aliasing
  const stroke = Math.max(0.055, 1.1 / size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const tile = roundedBox(x, y, 0.5, 0.5, 0.47, 0.47, 0.14);
      const tileA = Math.max(0, Math.min(1, 0.5 - tile / aa));
      const g = glyph(x, y, stroke);
      const gA = Math.max(0, Math.min(1, 0.5 - g / aa));
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) buf[i + c] = Math.round(RED[c] * (1 - gA) + WHITE[c] * gA);
      buf[i + 3] = Math.round(255 * tileA);
    }
  }
  return png(size, buf);
}

const sets = {
  icon: glyphs.check,
  validate: glyphs.check,
  roster: glyphs.table,
  summary: glyphs.sum,
  notice: glyphs.notice,
  forms: glyphs.form,
  seal: glyphs.seal,
  recipe: glyphs.recipe,
};
for (const [name, glyph] of Object.entries(sets)) {
  const sizes = name === "icon" ? [16, 32, 64, 80, 128] : [16, 32, 80];
  for (const size of sizes) writeFileSync(join(out, `${name}-${size}.png`), draw(size, glyph));
}
