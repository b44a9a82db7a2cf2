// Why a workbook could not be read: a reason code and its facts. The words are rendered at the
// edges (src/i18n/xlsx.ts), so the reader runs anywhere and says nothing itself.
import type { FileErrorCode, UnreadableParams, UnreadableReason } from "../../../core/model";

export type { UnreadableParams, UnreadableReason };

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
