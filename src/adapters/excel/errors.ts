// Maps Office.js errors (OfficeExtension.Error carries a string `code`) to kensho's HostError.
import { HostError } from "./workbookHost";

const PAYLOAD_CODES = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

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

export function isPayloadError(err: unknown): boolean {
  return PAYLOAD_CODES.has(officeErrorCode(err) ?? "");
}

/**
 * `protectedInvolved`: whether a sheet touched by the batch is protected. InvalidOperation is a
 * generic code, so it only means "protected" when we know protection is in play.
 */
export function toHostError(err: unknown, protectedInvolved = false): HostError {
  if (err instanceof HostError) return err;
  const code = officeErrorCode(err);
  const message = err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
  if (code === "AccessDenied" || (code === "InvalidOperation" && protectedInvolved)) {
    return new HostError("sheet-protected", message);
  }
  if (code && PAYLOAD_CODES.has(code)) return new HostError("payload-too-large", message);
  if (code === "ApiNotFound") return new HostError("api-unsupported", message);
  return new HostError("unknown", message);
}
