// Pure planning of a flag rewrite: given the recorded state, the wanted flags and what the cells look
// like now, decide what to restore, paint, attach and record. The add-in executes the plan through
// Office.js; a file writer can execute the same plan on a package. Rules kept here, where they are
// easy to test: never record kensho's own fill as an original, never touch people's notes or
// comments, never paint a fill that cannot be put back.
import type { Severity } from "../model";
import { SEVERITY_RANK } from "../summary";
import { canRestore, severityFill, type Fill } from "./fills";
import { MESSAGE_PREFIX, type FlagRecord, type MessageKind } from "./record";

/** One cell to mark: the worst severity among its findings and their messages, already rendered. */
export interface CellFlag {
  sheet: string;
  /** A1 address on the sheet. */
  address: string;
  severity: Severity;
  /** The findings' messages in the user's language (the core renders none). */
  message: string;
}

/** What a cell looks like right now. */
export interface ObservedCell {
  /** Its fill, normalised (null: none). */
  fill: Fill | null;
  note: "none" | "user" | "kensho";
  /** A threaded comment on the cell, if any. */
  comment: { id: string; kensho: boolean } | null;
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
  /** The mark to paint, or null to leave the fill alone. */
  fill: Fill | null;
  /** add: new note/comment; update: rewrite kensho's existing one; none: fill only. */
  message: { op: "add" | "update" | "none"; kind: MessageKind; text: string; commentId?: string };
}

export interface PlannedRestore {
  sheet: string;
  address: string;
  fill: Fill | null;
}

export interface FlagPlan {
  restore: PlannedRestore[];
  deleteMessages: PlannedMessageDelete[];
  apply: PlannedFlag[];
  /** The record after the plan has run. */
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

/** Several findings on one cell become one flag: the most severe colour, every distinct message. */
export function mergeFlags(flags: CellFlag[], joiner = "\n"): CellFlag[] {
  const byCell = new Map<string, CellFlag & { messages: string[] }>();
  for (const f of flags) {
    const key = cellKey(f.sheet, f.address);
    const prev = byCell.get(key);
    if (!prev) {
      byCell.set(key, { ...f, address: normalizeAddress(f.address), messages: [f.message] });
      continue;
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) prev.severity = f.severity;
    if (!prev.messages.includes(f.message)) prev.messages.push(f.message);
  }
  return [...byCell.values()].map(({ messages, ...flag }) => ({ ...flag, message: messages.join(joiner) }));
}

const NONE: ObservedCell = { fill: null, note: "none", comment: null };

/**
 * @param previous the record as it stands (cells kensho marked, with their originals)
 * @param flags    the cells to mark now
 * @param observed what each involved cell looks like now, by cellKey
 * @param mode     where messages go on this host: notes (1.18), comments (1.10) or nowhere
 */
export function planFlags(
  previous: FlagRecord[],
  flags: CellFlag[],
  observed: Map<string, ObservedCell>,
  mode: MessageKind,
): FlagPlan {
  const plan: FlagPlan = { restore: [], deleteMessages: [], apply: [], records: [] };
  const merged = mergeFlags(flags);
  const wanted = new Set(merged.map((f) => cellKey(f.sheet, f.address)));
  const prevByKey = new Map(previous.map((r) => [cellKey(r.sheet, r.cell), r]));

  const deleteKensho = (sheet: string, address: string, obs: ObservedCell) => {
    if (obs.note === "kensho") plan.deleteMessages.push({ sheet, address, kind: "note" });
    if (obs.comment?.kensho)
      plan.deleteMessages.push({ sheet, address, kind: "comment", commentId: obs.comment.id });
  };

  for (const rec of previous) {
    const key = cellKey(rec.sheet, rec.cell);
    if (wanted.has(key)) continue;
    if (rec.painted) plan.restore.push({ sheet: rec.sheet, address: rec.cell, fill: rec.fill });
    deleteKensho(rec.sheet, rec.cell, observed.get(key) ?? NONE);
  }

  for (const flag of merged) {
    const key = cellKey(flag.sheet, flag.address);
    const obs = observed.get(key) ?? NONE;
    const prev = prevByKey.get(key);
    // A cell kensho already painted keeps its recorded original: its current fill is kensho's.
    const original: Fill | null = prev ? prev.fill : obs.fill;
    const painted = prev ? prev.painted : canRestore(original);
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
      fill: painted ? severityFill(flag.severity) : null,
      message,
    });
    plan.records.push({
      sheet: flag.sheet,
      cell: flag.address,
      fill: original,
      painted,
      message: message.kind,
    });
  }
  return plan;
}
