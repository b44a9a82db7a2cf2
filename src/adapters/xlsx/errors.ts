import type { FileErrorCode } from "../../core/model";
import { unreadableMessages, type UnreadableReason } from "./messages";

/**
 * A workbook that cannot be read at all. `code` is the file-level error code of the JSON contract;
 * `reason` says which check failed, for tests and logs; `message` is Japanese, for staff.
 */
export class WorkbookReadError extends Error {
  readonly code: FileErrorCode = "unreadable-file";
  readonly reason: UnreadableReason;
  readonly fileName: string;

  constructor(reason: UnreadableReason, fileName = "", options?: { cause?: unknown }) {
    super(unreadableMessages[reason](fileName), options);
    this.name = "WorkbookReadError";
    this.reason = reason;
    this.fileName = fileName;
  }
}
