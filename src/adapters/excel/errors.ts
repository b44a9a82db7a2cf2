// Maps Office.js errors (OfficeExtension.Error carries a string `code`) to kensho's HostError.
// Codes from Excel.ErrorCodes and the table in
// https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
import { HostError } from "./workbookHost";

/** The payload limit's own codes (performance.md: requests and responses of 5 MB; 5,000,000 cells per get). */
const PAYLOAD_CODES = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/**
 * Excel is in cell-edit mode: Excel.ErrorCodes' InvalidOperationInCellEditMode ("The operation isn't
 * available while Excel is in Edit cell mode"). The delay-for-cell-edit article names InvalidOperation
 * for the same case ("Batch fails (`InvalidOperation` error)"); that code is also Excel's generic
 * "invalid on the object", so it gets words that cover both.
 */
const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";

export function officeErrorCode(err: unknown): string | null {
  if (
    err &&
    typeof err === "object" &&
    "code" in err &&
    typeof (err as { code: unknown }).code === "string"
  ) {
    return (err as { code: string }).code;
  }
  return null;
}

/**
 * Whether a failed read may have hit the payload limit. "The API returns a RichAPI.Error error if
 * this limit is exceeded" (performance.md): besides its own codes that can be a GeneralException, so
 * a read that fails with one is retried in smaller bands (`general`).
 */
export function isPayloadError(err: unknown, general = false): boolean {
  const code = officeErrorCode(err) ?? "";
  return PAYLOAD_CODES.has(code) || (general && code === "GeneralException");
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
}

/**
 * AccessDenied ("You cannot perform the requested operation") is what a protected sheet gives.
 * InvalidOperation is never read as protection: kensho checks protection itself before writing and
 * says so by name. ActivityLimitReached ("Activity limit has been reached") is its own case, not a
 * person editing a cell.
 */
export function toHostError(err: unknown): HostError {
  if (err instanceof HostError) return err;
  const code = officeErrorCode(err);
  const message = messageOf(err);
  if (code === "AccessDenied") return new HostError("sheet-protected", message);
  if (code === CELL_EDIT_CODE) return new HostError("excel-busy", message);
  if (code === "InvalidOperation") return new HostError("invalid-operation", message);
  if (code === "ActivityLimitReached") return new HostError("activity-limit", message);
  if (code && PAYLOAD_CODES.has(code)) return new HostError("payload-too-large", message);
  if (code === "ApiNotFound") return new HostError("api-unsupported", message);
  return new HostError("unknown", code ? `${code}: ${message}` : message);
}
