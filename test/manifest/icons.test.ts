import fs from "fs";
import os from "os";
import path from "path";
import { PNG } from "pngjs";
import { ICON_SIZES, drawIcon, writeIcons } from "../../scripts/build-icons";

const ROOT = path.resolve(__dirname, "..", "..");

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const offset = (y * png.width + x) * 4;
  return [png.data[offset], png.data[offset + 1], png.data[offset + 2], png.data[offset + 3]];
}

describe("icon drawer", () => {
  it.each(ICON_SIZES.map((size) => [size]))("draws a %i px square icon", (size) => {
    const png = drawIcon(size);
    expect(png.width).toBe(size);
    expect(png.height).toBe(size);
    expect(png.data.length).toBe(size * size * 4);

    // Transparent corner (rounded square), opaque coloured edge middle, white check stroke.
    expect(pixel(png, 0, 0)[3]).toBe(0);
    const edge = pixel(png, Math.floor(size / 2), Math.ceil(size / 16) + 1);
    expect(edge[3]).toBe(255);
    expect(edge[2]).toBeGreaterThan(edge[0]);
    // The check's corner point (0.43, 0.69) lies on the stroke.
    const check = pixel(png, Math.floor(size * 0.43), Math.floor(size * 0.69) - 1);
    expect(Math.min(check[0], check[1], check[2])).toBeGreaterThan(200);
    expect(check[3]).toBe(255);
  });

  it("rejects unusable sizes", () => {
    expect(() => drawIcon(0)).toThrow(RangeError);
    expect(() => drawIcon(16.5)).toThrow(RangeError);
  });

  it("covers every icon size the manifest references", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const referenced = [...manifest.matchAll(/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
    expect(referenced.length).toBeGreaterThan(0);
    for (const size of referenced) expect(ICON_SIZES).toContain(size);
  });

  it("writes icon-NN.png files that match the committed assets", () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-icons-"));
    try {
      const written = writeIcons(outDir);
      expect(written.map((f) => path.basename(f))).toEqual(ICON_SIZES.map((s) => `icon-${s}.png`));
      for (const file of written) {
        const fresh = PNG.sync.read(fs.readFileSync(file));
        const committed = PNG.sync.read(fs.readFileSync(path.join(ROOT, "assets", path.basename(file))));
        expect(committed.width).toBe(fresh.width);
        expect(committed.height).toBe(fresh.height);
        expect(Buffer.compare(committed.data, fresh.data)).toBe(0);
      }
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
