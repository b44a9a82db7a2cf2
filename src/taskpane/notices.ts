// What the pane says after an action: outcomes, and failures in words staff can act on.
import type { HostNote } from "../adapters/excel/workbookHost";
import { t } from "../i18n/taskpane";

export type NoticeKind = "success" | "info" | "warning" | "error";

export interface Notice {
  kind: NoticeKind;
  title: string;
  body?: string;
}

/** Turns a failure (a HostError's code, usually) into words staff can act on. */
export function noticeFromError(err: unknown): Notice {
  const code = err && typeof err === "object" && "code" in err ? (err as { code: unknown }).code : null;
  const message = err instanceof Error ? err.message : String(err);
  const details = message ? t.errors.details(message) : undefined;
  switch (code) {
    case "sheet-protected":
      return { kind: "error", title: t.errors.sheetProtected, body: t.errors.sheetProtectedHint };
    case "excel-busy":
      return { kind: "warning", title: t.errors.excelBusy, body: t.errors.excelBusyHint };
    case "invalid-operation":
      return { kind: "warning", title: t.errors.invalidOperation, body: t.errors.invalidOperationHint };
    case "activity-limit":
      return { kind: "warning", title: t.errors.activityLimit, body: t.errors.activityLimitHint };
    case "api-unsupported":
      return { kind: "error", title: t.errors.apiUnsupported, body: details };
    case "payload-too-large":
      return { kind: "error", title: t.errors.payloadTooLarge };
    default:
      return { kind: "error", title: t.errors.unknown, body: details };
  }
}

/** A notice with what the host said about the action added below (an ungrouped retry). */
export function withHostNotes(notice: Notice | null, notes: readonly HostNote[]): Notice | null {
  if (!notice || notes.length === 0) return notice;
  const extra = [...new Set(notes)].map((n) => t.hostNotes[n]);
  return { ...notice, body: [notice.body, ...extra].filter(Boolean).join("\n") };
}
