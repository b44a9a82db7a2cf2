import * as fs from "fs";
import * as path from "path";

export const SAMPLE_RELATIVE_PATH = path.join("assets", "sample", "kensho-sample-r5.xlsx");

/** The bundled sample, found by walking up from this file (works from src/ and from dist/cli/). */
export function findSampleWorkbook(start = __dirname): string | null {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, SAMPLE_RELATIVE_PATH);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
