// Pure planning of a flag rewrite: given the recorded state, the new flags and what the cells look
// like now, decide what to restore, paint, attach and record. No Office calls here, so the rules
// (never record kensho's own fill as an original, never touch people's notes) are easy to test.
import type { Severity } from "../../core/model";
import type { CellFlag } from "./workbookHost";
import { MESSAGE_PREFIX, type FlagRecord, type MessageKind } from "./stateStore";

export const SEVERITY_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What a cell looks like right now, as loaded in the read sync. */
export interface ObservedCell {
  fill: string | null;
  pattern: string | null;
  note: "none" | "user" | "kensho";
  /** A threaded comment on the cell, if any. */
  comment: { id: string; kensho: boolean } | null;
}

export interface FillSpec {
  fill: string | null;
  pattern: string | null;
}

export interface PlannedMessageDelete {
  sheet: string;
  address: string;
  kind: "note" | "comment";
  commentId?: string;
}

export interface PlannedFlag {
  sheet: string;
  address: string;
  color: string;
  /** add: new note/comment; update: rewrite kensho's existing one; none: fill only. */
  message: { op: "add" | "update" | "none"; kind: MessageKind; text: string; commentId?: string };
}

export interface FlagPlan {
  restore: Array<{ sheet: string; address: string } & FillSpec>;
  deleteMessages: PlannedMessageDelete[];
  apply: PlannedFlag[];
  records: FlagRecord[];
}

export function normalizeAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").toUpperCase();
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${normalizeAddress(address)}`;
}

export function messageText(message: string): string {
  return `${MESSAGE_PREFIX}${message}`;
}

export function isKenshoMessage(content: string | null | undefined): boolean {
  return typeof content === "string" && content.startsWith(MESSAGE_PREFIX);
}

/** Office reports "no fill" as white; with the 1.9 pattern we can tell white fill from none. */
export function observedFill(color: string | null, pattern: string | null): FillSpec {
  if (pattern === "None") return { fill: null, pattern: null };
  if (pattern === null && (color === null || color.toUpperCase() === "#FFFFFF"))
    return { fill: null, pattern: null };
  return { fill: color, pattern: pattern === "Solid" ? null : pattern };
}

/** Several findings on one cell become one flag: the most severe colour, all messages. */
export function mergeFlags(flags: CellFlag[]): CellFlag[] {
  const byCell = new Map<string, CellFlag>();
  for (const f of flags) {
    const key = cellKey(f.sheet, f.address);
    const prev = byCell.get(key);
    if (!prev) {
      byCell.set(key, { ...f, address: normalizeAddress(f.address) });
    } else {
      const severity = SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity] ? f.severity : prev.severity;
      byCell.set(key, { ...prev, severity, message: `${prev.message}\n${f.message}` });
    }
  }
  return [...byCell.values()];
}

export function planFlags(
  previous: FlagRecord[],
  flags: CellFlag[],
  observed: Map<string, ObservedCell>,
  mode: MessageKind,
): FlagPlan {
  const plan: FlagPlan = { restore: [], deleteMessages: [], apply: [], records: [] };
  const merged = mergeFlags(flags);
  const wanted = new Set(merged.map((f) => cellKey(f.sheet, f.address)));
  const prevByKey = new Map(previous.map((r) => [cellKey(r.sheet, r.address), r]));
  const none: ObservedCell = { fill: null, pattern: null, note: "none", comment: null };

  const deleteKensho = (sheet: string, address: string, obs: ObservedCell) => {
    if (obs.note === "kensho") plan.deleteMessages.push({ sheet, address, kind: "note" });
    if (obs.comment?.kensho)
      plan.deleteMessages.push({ sheet, address, kind: "comment", commentId: obs.comment.id });
  };

  for (const rec of previous) {
    const key = cellKey(rec.sheet, rec.address);
    if (wanted.has(key)) continue;
    plan.restore.push({ sheet: rec.sheet, address: rec.address, fill: rec.fill, pattern: rec.pattern });
    deleteKensho(rec.sheet, rec.address, observed.get(key) ?? none);
  }

  for (const flag of merged) {
    const key = cellKey(flag.sheet, flag.address);
    const obs = observed.get(key) ?? none;
    const prev = prevByKey.get(key);
    // A cell kensho already painted keeps its recorded original; its current fill is kensho's.
    const original: FillSpec = prev
      ? { fill: prev.fill, pattern: prev.pattern }
      : observedFill(obs.fill, obs.pattern);
    const existing: MessageKind = obs.note === "kensho" ? "note" : obs.comment?.kensho ? "comment" : "none";
    const userMessage = obs.note === "user" || (obs.comment !== null && !obs.comment.kensho);
    const text = messageText(flag.message);
    let message: PlannedFlag["message"];
    if (mode !== "none" && !userMessage) {
      if (existing === mode) {
        message = { op: "update", kind: mode, text, commentId: obs.comment?.id };
      } else {
        deleteKensho(flag.sheet, flag.address, obs);
        message = { op: "add", kind: mode, text };
      }
    } else {
      // People's notes are theirs: fill only, the pane still lists the message.
      deleteKensho(flag.sheet, flag.address, obs);
      message = { op: "none", kind: "none", text };
    }
    plan.apply.push({
      sheet: flag.sheet,
      address: flag.address,
      color: SEVERITY_FILL[flag.severity],
      message,
    });
    plan.records.push({
      t: "flag",
      sheet: flag.sheet,
      address: flag.address,
      ...original,
      msg: message.kind,
    });
  }
  return plan;
}
