// The Node side of the xlsx reader: a file path in, sparse grids out. Everything past reading the
// bytes is ./read, which runs in the browser too.
import { promises as fs } from "fs";
import * as path from "path";
import type { SheetGrid } from "../../core/model";
import { WorkbookReadError, type UnreadableReason } from "./read/errors";
import { readWorkbookBytesSync, type ReadOptions } from "./read/readWorkbook";

export { sniffWorkbookBytes } from "./read/sniff";

/** A file larger than this is not read into memory: 256 MiB, far beyond any real workbook. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const FS_REASONS: Record<string, UnreadableReason> = {
  ENOENT: "not-found",
  ENOTDIR: "not-found",
  EISDIR: "is-directory",
  EACCES: "permission-denied",
  EPERM: "permission-denied",
  ELOOP: "symlink-loop",
};

export async function readWorkbookFile(
  filePath: string,
  options: Omit<ReadOptions, "name"> = {},
): Promise<SheetGrid[]> {
  const file = path.basename(filePath);
  let buf: Buffer;
  try {
    // One open, then its size: no window between checking a file and reading it.
    const handle = await fs.open(filePath, "r");
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw new WorkbookReadError("is-directory", { file });
      if (stat.size > MAX_FILE_BYTES)
        throw new WorkbookReadError("file-too-large", { file, limit: MAX_FILE_BYTES });
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const reason = FS_REASONS[(err as { code?: string }).code ?? ""] ?? "io-error";
    throw new WorkbookReadError(reason, { file }, { cause: err });
  }
  return readWorkbookBytesSync(buf, { ...options, name: file });
}

export async function readWorkbookBuffer(buf: Uint8Array, name = ""): Promise<SheetGrid[]> {
  return readWorkbookBytesSync(buf, { name });
}
