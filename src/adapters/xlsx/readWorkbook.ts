// The Node side of the xlsx reader: a file path in, sparse grids out. Everything past reading the
// bytes is ./read, which runs in the browser too.
import * as fs from "fs";
import * as path from "path";
import type { SheetGrid } from "../../core/model";
import { WorkbookReadError, type UnreadableReason } from "./read/errors";
import { readWorkbookBytesSync, type ReadOptions } from "./read/readWorkbook";
import { nodeInflateRaw } from "./nodeInflate";

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
  let fd: number | null = null;
  try {
    // One open, then its size: no window between checking a file and reading it. Synchronous calls:
    // the CLI reads one file at a time, and four promise round trips cost more than reading a
    // returned workbook of a few dozen kilobytes.
    fd = fs.openSync(filePath, "r");
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new WorkbookReadError("is-directory", { file });
    if (stat.size > MAX_FILE_BYTES)
      throw new WorkbookReadError("file-too-large", { file, limit: MAX_FILE_BYTES });
    buf = fs.readFileSync(fd);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const reason = FS_REASONS[(err as { code?: string }).code ?? ""] ?? "io-error";
    throw new WorkbookReadError(reason, { file }, { cause: err });
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  return readWorkbookBytesSync(buf, { inflateRaw: nodeInflateRaw, ...options, name: file });
}

export async function readWorkbookBuffer(
  buf: Uint8Array,
  name = "",
  options: Omit<ReadOptions, "name"> = {},
): Promise<SheetGrid[]> {
  return readWorkbookBytesSync(buf, { ...options, name, inflateRaw: nodeInflateRaw });
}
