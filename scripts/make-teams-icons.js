'use strict';
/* global console */
// Draws the two icons Teams requires into teams/: color.png (192x192, full color) and outline.png
// (32x32, white on transparent). Run again only to change them: `node scripts/make-teams-icons.js [folder]`.
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const TEAL = [15, 118, 110, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/** A ring with a check mark inside: the assistant that sees a dispute through. */
function badge(size, x, y) {
  const c = (size - 1) / 2;
  const r = Math.hypot(x - c, y - c) / size;
  const ring = r > 0.3 && r < 0.4;
  // The check: two strokes, from (0.33, 0.5) to (0.45, 0.62) and on to (0.68, 0.38), in size units.
  const u = x / size;
  const v = y / size;
  const near = (ax, ay, bx, by) => {
    const t = Math.max(
      0,
      Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) < 0.045;
  };
  return ring || near(0.33, 0.5, 0.45, 0.62) || near(0.45, 0.62, 0.68, 0.38);
}

/** An RGBA PNG of size x size; pixel(x, y) returns [r, g, b, a]. */
function png(size, pixel) {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) image.data.set(pixel(x, y), (y * size + x) * 4);
  return PNG.sync.write(image);
}

const folder = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..', 'teams');
fs.writeFileSync(
  path.join(folder, 'color.png'),
  png(192, (x, y) => (badge(192, x, y) ? WHITE : TEAL)),
);
fs.writeFileSync(
  path.join(folder, 'outline.png'),
  png(32, (x, y) => (badge(32, x, y) ? WHITE : CLEAR)),
);
console.log(`wrote color.png and outline.png in ${path.relative(process.cwd(), folder) || '.'}`);
