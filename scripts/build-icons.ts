/**
 * Draws the add-in icons (a rounded blue-green square with a white check mark) and writes
 * them to assets/icon-NN.png. The icons are drawn from simple signed-distance shapes with
 * supersampling, so they stay crisp at 16 px without any image tooling.
 *
 * Usage (from the repository root):
 *   npm run build:cli && node dist/cli/scripts/build-icons.js [outDir]
 * outDir defaults to ./assets (relative to the current directory).
 */
import fs from "fs";
import path from "path";
import { PNG } from "pngjs";

/** Every size referenced by manifest.xml, plus 128 for store listings and docs. */
export const ICON_SIZES: readonly number[] = [16, 20, 24, 32, 40, 48, 64, 80, 128];

type Rgb = readonly [number, number, number];

/** Gradient of the rounded square, top to bottom: a calm blue into a calm green. */
const TOP_COLOR: Rgb = [0x2b, 0x6f, 0xa8];
const BOTTOM_COLOR: Rgb = [0x23, 0x8f, 0x74];
const CHECK_COLOR: Rgb = [0xff, 0xff, 0xff];

/** Check mark polyline in unit coordinates (0..1 across the whole canvas). */
const CHECK_POINTS: readonly (readonly [number, number])[] = [
  [0.27, 0.53],
  [0.43, 0.69],
  [0.74, 0.35],
];

// Local aliases: global lookups are very slow inside vm contexts (e.g. under Jest), and the
// inner loop below runs about a million times for the 128 px icon.
const { abs, max, min, round, sqrt } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

/** Samples per pixel along each axis (SUPERSAMPLE² samples per pixel). */
const SUPERSAMPLE = 8;

/** Signed distance from (px, py) to a rounded rectangle centred at (cx, cy). */
function roundedRectDistance(
  px: number,
  py: number,
  cx: number,
  cy: number,
  halfSize: number,
  radius: number,
): number {
  const qx = abs(px - cx) - (halfSize - radius);
  const qy = abs(py - cy) - (halfSize - radius);
  const ox = max(qx, 0);
  const oy = max(qy, 0);
  const outside = sqrt(ox * ox + oy * oy);
  const inside = min(max(qx, qy), 0);
  return outside + inside - radius;
}

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return sqrt(ex * ex + ey * ey);
}

/** Composites `color` with coverage `alpha` over a straight (non-premultiplied) RGBA accumulator. */
function over(base: [number, number, number, number], color: Rgb, alpha: number): void {
  if (alpha <= 0) return;
  const outAlpha = alpha + base[3] * (1 - alpha);
  for (let c = 0; c < 3; c++) {
    base[c] = (color[c] * alpha + base[c] * base[3] * (1 - alpha)) / outAlpha;
  }
  base[3] = outAlpha;
}

/**
 * Draws one square icon of `size` pixels and returns it as a pngjs image (RGBA, transparent
 * outside the rounded square).
 */
export function drawIcon(size: number): PNG {
  if (!Number.isInteger(size) || size < 8 || size > 1024) {
    throw new RangeError(`Icon size must be an integer between 8 and 1024, got ${size}`);
  }
  const png = new PNG({ width: size, height: size });

  // Geometry in pixel units. A one-pixel margin at 16 px, scaling with the icon.
  const margin = size / 16;
  const halfSize = size / 2 - margin;
  const centre = size / 2;
  const radius = size * 0.2;
  // Keep the stroke at least ~2 px wide so the check reads at 16 px.
  const strokeHalf = max(size * 0.065, 1.05);
  // Flattened x0, y0, x1, y1, ... in pixels (plain indexing keeps the inner loop fast).
  const points = CHECK_POINTS.flatMap(([x, y]) => [x * size, y * size]);

  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    // Vertical gradient, evaluated at the pixel centre.
    const t = min(1, max(0, (y + 0.5 - margin) / (2 * halfSize)));
    const background: Rgb = [
      TOP_COLOR[0] + (BOTTOM_COLOR[0] - TOP_COLOR[0]) * t,
      TOP_COLOR[1] + (BOTTOM_COLOR[1] - TOP_COLOR[1]) * t,
      TOP_COLOR[2] + (BOTTOM_COLOR[2] - TOP_COLOR[2]) * t,
    ];
    for (let x = 0; x < size; x++) {
      let squareHits = 0;
      let checkHits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        const py = y + (sy + 0.5) / SUPERSAMPLE;
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const px = x + (sx + 0.5) / SUPERSAMPLE;
          if (roundedRectDistance(px, py, centre, centre, halfSize, radius) > 0) continue;
          squareHits++;
          let checkDistance = INFINITY;
          for (let i = 0; i + 3 < points.length; i += 2) {
            const d = segmentDistance(px, py, points[i], points[i + 1], points[i + 2], points[i + 3]);
            if (d < checkDistance) checkDistance = d;
          }
          if (checkDistance <= strokeHalf) checkHits++;
        }
      }

      const pixel: [number, number, number, number] = [0, 0, 0, 0];
      over(pixel, background, squareHits / samples);
      // The check only ever lies inside the square, so its coverage is relative to it.
      if (squareHits > 0) over(pixel, CHECK_COLOR, checkHits / squareHits);

      const offset = (y * size + x) * 4;
      png.data[offset] = round(pixel[0]);
      png.data[offset + 1] = round(pixel[1]);
      png.data[offset + 2] = round(pixel[2]);
      png.data[offset + 3] = round(pixel[3] * 255);
    }
  }
  return png;
}

/** Draws every icon in ICON_SIZES into `outDir` as icon-NN.png and returns the written paths. */
export function writeIcons(outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, PNG.sync.write(drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? "assets");
  for (const file of writeIcons(outDir)) {
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
