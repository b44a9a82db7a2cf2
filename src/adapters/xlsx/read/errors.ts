// Why a workbook could not be read: a reason code and its facts. The words are rendered at the
// edges (src/i18n/xlsx.ts), so the reader runs anywhere and says nothing itself.
import type { FileErrorCode } from "../../../core/model";

export type UnreadableReason =
  | "not-found"
  | "is-directory"
  | "permission-denied"
  | "symlink-loop"
  | "io-error"
  | "file-too-large"
  | "lock-file"
  | "empty"
  | "not-zip"
  | "encrypted"
  | "legacy-xls"
  | "legacy-or-encrypted"
  | "corrupt"
  | "no-worksheets"
  | "parse-failed"
  | "part-too-large"
  | "string-too-long"
  | "too-many-cells"
  | "too-many-cells-total";

export interface UnreadableParams {
  /** The file's base name, for the message. */
  file?: string;
  /** The sheet concerned, for per-sheet limits. */
  sheet?: string;
  /** The package part concerned. */
  part?: string;
  /** The limit exceeded (bytes, characters or cells). */
  limit?: number;
}

/** A workbook that cannot be read at all; `code` is the file-level error code of the JSON contract. */
export class WorkbookReadError extends Error {
  readonly code: FileErrorCode = "unreadable-file";
  readonly reason: UnreadableReason;
  readonly params: UnreadableParams;

  constructor(reason: UnreadableReason, params: UnreadableParams = {}, options?: { cause?: unknown }) {
    super(`unreadable workbook: ${reason}${params.file ? ` (${params.file})` : ""}`, options);
    this.name = "WorkbookReadError";
    this.reason = reason;
    this.params = params;
  }

  /** The file's base name (kept for callers of the first version of this class). */
  get fileName(): string {
    return this.params.file ?? "";
  }
}
