// Every file kensho writes is a new one: an existing file (an input, or anything staff saved) is
// never replaced. The data is written to a temporary file beside the target first and then put in
// place with an exclusive step, so a failed write never leaves half a workbook under the real name.
import { constants, promises as fs } from "fs";
import * as path from "path";

export type WriteOutcome = { ok: true } | { ok: false; reason: "exists" | "failed"; detail: string };

const codeOf = (err: unknown) => (err as { code?: string }).code ?? String(err);

export async function writeNewFile(file: string, data: string | Uint8Array): Promise<WriteOutcome> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.kensho-tmp`);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(tmp, data, { flag: "wx" });
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return { ok: false, reason: "failed", detail: codeOf(err) };
  }
  try {
    try {
      await fs.link(tmp, file); // fails with EEXIST, never replaces
    } catch (err) {
      if (codeOf(err) === "EEXIST") throw err;
      // Some shares cannot hard-link: an exclusive copy keeps the same guarantee.
      await fs.copyFile(tmp, file, constants.COPYFILE_EXCL);
    }
    return { ok: true };
  } catch (err) {
    const code = codeOf(err);
    return { ok: false, reason: code === "EEXIST" ? "exists" : "failed", detail: code };
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}
