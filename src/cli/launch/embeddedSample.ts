import * as fs from "fs";
import * as path from "path";
import { SAMPLE_RELATIVE_PATH } from "../sampleWorkbook";

export interface MaterialisedSample {
  /** Working directory to run the CLI in, so the sample is named as in a checkout. */
  cwd: string;
  /** The sample's path relative to cwd: assets/sample/kensho-sample-r5.xlsx. */
  arg: string;
  dispose: () => void;
}

/**
 * The single executable carries the sample as an asset, not as a file. It is written to a fresh
 * temporary folder under the same relative path it has in the repository, and the CLI runs there,
 * so its report names the sample exactly as `npx kensho` does from a checkout.
 */
export function materialiseSample(bytes: Uint8Array, tmpRoot: string): MaterialisedSample {
  const dir = fs.mkdtempSync(path.join(tmpRoot, "kensho-sample-"));
  const file = path.join(dir, SAMPLE_RELATIVE_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return {
    cwd: dir,
    arg: SAMPLE_RELATIVE_PATH,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
