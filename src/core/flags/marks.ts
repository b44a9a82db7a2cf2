// Marks that describe themselves (docs/flag-record.md). A kensho mark is a conditional format of
// kensho's own on one cell: a custom ("expression") rule whose formula always evaluates TRUE and
// carries a string literal naming kensho, the finding's severity and where kensho's message went.
// Excel moves and copies a conditional format with its cells (insert, sort, cut and paste, a copied
// sheet), so the workbook alone says which cells kensho marked, wherever they went: no record of
// addresses, and a cell's own fill is never touched. Messages are kensho's part of a note or comment,
// recognised by its 【kensho】 prefix. Pure: the add-in and `kensho --annotate` plan with this file.
import { a1 } from "../address";
import type { CellArea, Severity } from "../model";
import { SEVERITY_RANK } from "../summary";
import { cellKey, mergeFlags, normalizeAddress, type CellFlag } from "./plan";
import { MESSAGE_PREFIX } from "./record";

/** Where kensho's message for a marked cell is: a note, a threaded comment, or only in the pane. */
export type MarkMessage = "note" | "comment" | "none";

export interface MarkKind {
  severity: Severity;
  message: MarkMessage;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The rule's formula. ISTEXT of a string literal is TRUE in every Excel and in LibreOffice, so the
 * mark always shows; the literal is the marker. The message kind is in it so that an Excel that
 * cannot read notes (ExcelApi below 1.18) still knows kensho's note is on the cell.
 */
export function markFormula(kind: MarkKind): string {
  return `=ISTEXT("kensho:${kind.severity}:${kind.message}")`;
}

const MARKER = /"kensho:(error|warning|info)(?::(note|comment|none))?"/;

/** The mark a conditional format's formula describes, or null when it is not kensho's. */
export function parseMarkFormula(formula: string | null | undefined): MarkKind | null {
  if (typeof formula !== "string") return null;
  const m = MARKER.exec(formula);
  if (!m) return null;
  return { severity: m[1] as Severity, message: (m[2] as MarkMessage | undefined) ?? "none" };
}

export function sameKind(a: MarkKind, b: MarkKind): boolean {
  return a.severity === b.severity && a.message === b.message;
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

// --- messages -------------------------------------------------------------------------------------

/**
 * A note's (or threaded comment's) text split into the part its author wrote and kensho's part.
 * kensho's part starts with 【kensho】: the whole text when it starts with it, else from the first
 * line that starts with it (the marker line) to the end.
 */
export function splitMessage(content: string | null): { own: string | null; kensho: string | null } {
  if (content === null) return { own: null, kensho: null };
  if (content.startsWith(MESSAGE_PREFIX)) return { own: null, kensho: content };
  const i = content.indexOf(`\n${MESSAGE_PREFIX}`);
  if (i < 0) return { own: content, kensho: null };
  return { own: content.slice(0, i), kensho: content.slice(i + 1) };
}

/** The text with its author's part kept and kensho's part below it; null when nothing is left. */
export function composeMessage(own: string | null, kensho: string | null): string | null {
  if (own !== null && kensho !== null) return `${own}\n${kensho}`;
  return own ?? kensho;
}

export function kenshoText(message: string): string {
  return `${MESSAGE_PREFIX}${message}`;
}

// --- what the workbook holds ----------------------------------------------------------------------

/** A kensho conditional format found in the workbook. */
export interface PresentMark {
  /** The host's handle for it (the format's id; a file writer's own key). */
  id: string;
  sheet: string;
  /** The cells it is applied to, 0-based; null when the host cannot tell (several areas before ExcelApi 1.9). */
  areas: CellArea[] | null;
  kind: MarkKind;
  /**
   * Below a conditional format that is not kensho's in its sheet's priority order: a city's own
   * format could hide it, so it is drawn again on top.
   */
  buried?: boolean;
}

/** A note or threaded comment on a cell, as read. */
export interface PresentMessage {
  sheet: string;
  /** A1 of the cell. */
  address: string;
  kind: "note" | "comment";
  content: string;
  /** The threaded comment's id. */
  commentId?: string;
}

/** How many cells one mark may cover and still be kept as it is (a person may copy one down a column). */
export const MAX_KEPT_MARK_CELLS = 256;

export function hasKenshoPart(m: PresentMessage): boolean {
  return splitMessage(m.content).kensho !== null;
}

// --- the plan -------------------------------------------------------------------------------------

export interface PlannedMark {
  sheet: string;
  address: string;
  kind: MarkKind;
}

export type MessageOp =
  | { op: "add"; kind: "note" | "comment"; sheet: string; address: string; text: string }
  | { op: "set"; kind: "note" | "comment"; sheet: string; address: string; text: string; commentId?: string }
  | { op: "delete"; kind: "note" | "comment"; sheet: string; address: string; commentId?: string };

/** Why a cell's message was not attached (the mark and the pane still show it). */
export type SkipReason =
  /** The cell holds a note this Excel cannot read (ExcelApi below 1.18): a comment would be refused. */
  "hidden-note";

export interface MarkPlan {
  deleteMarks: PresentMark[];
  addMarks: PlannedMark[];
  messages: MessageOp[];
  skipped: Array<{ sheet: string; address: string; reason: SkipReason }>;
  /** kensho notes this Excel can neither read nor remove (a clear on ExcelApi below 1.18). */
  unreachableNotes: Array<{ sheet: string; address: string }>;
}

export function isEmptyPlan(p: MarkPlan): boolean {
  return p.deleteMarks.length === 0 && p.addMarks.length === 0 && p.messages.length === 0;
}

export interface MarkInputs {
  /** The cells to mark now (several findings on a cell are merged here). */
  flags: CellFlag[];
  marks: PresentMark[];
  /** Every note and threaded comment the host can read (at least on the cells involved). */
  messages: PresentMessage[];
  /** Where messages go on this host: notes (1.18), threaded comments (1.10), or nowhere. */
  mode: MarkMessage;
  /** Cells known to hold a note the host cannot read (cellKey). */
  hiddenNotes?: ReadonlySet<string>;
  /** Joins several findings' messages on one cell. */
  joiner?: string;
}

function cellsOf(areas: CellArea[]): string[] | null {
  let n = 0;
  for (const a of areas) n += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  if (n > MAX_KEPT_MARK_CELLS) return null;
  const out: string[] = [];
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(a1(r, c));
  return out;
}

/**
 * What to change so that the workbook holds exactly the wanted marks and messages, and nothing
 * else of kensho's: marks already right are kept, a message already right is not rewritten, and
 * people's own text in a note or comment is never changed. An empty plan writes nothing.
 */
export function planMarks(input: MarkInputs): MarkPlan {
  const plan: MarkPlan = { deleteMarks: [], addMarks: [], messages: [], skipped: [], unreachableNotes: [] };
  const flags = mergeFlags(input.flags, input.joiner ?? "\n");
  const hidden = input.hiddenNotes ?? new Set<string>();

  // Messages on each cell, by the cell.
  const byCell = new Map<string, PresentMessage[]>();
  for (const m of input.messages) {
    const key = cellKey(m.sheet, m.address);
    byCell.set(key, [...(byCell.get(key) ?? []), m]);
  }
  // Cells whose mark says kensho's note is there, for a host that cannot see notes.
  const notedByMark = new Set<string>();
  for (const mark of input.marks) {
    if (mark.kind.message !== "note" || !mark.areas) continue;
    for (const cell of cellsOf(mark.areas) ?? []) notedByMark.add(cellKey(mark.sheet, cell));
  }
  const noteHidden = (key: string) => input.mode !== "note" && (hidden.has(key) || notedByMark.has(key));

  const wanted = new Map<string, { flag: CellFlag; kind: MarkKind }>();
  const handled = new Set<string>();
  for (const flag of flags) {
    const key = cellKey(flag.sheet, flag.address);
    const address = normalizeAddress(flag.address);
    const here = byCell.get(key) ?? [];
    const text = kenshoText(flag.message);
    let message: MarkMessage = "none";
    if (input.mode !== "none") {
      // Excel keeps a note and a threaded comment apart: one cell holds one or the other.
      const comment = here.find((m) => m.kind === "comment");
      const note = here.find((m) => m.kind === "note");
      const vessel: "note" | "comment" | null = comment
        ? "comment"
        : input.mode === "note" || note
          ? "note"
          : noteHidden(key)
            ? null
            : "comment";
      if (vessel === null) {
        plan.skipped.push({ sheet: flag.sheet, address, reason: "hidden-note" });
        message = "note";
      } else {
        message = vessel;
        const present = vessel === "comment" ? comment : note;
        const desired = composeMessage(splitMessage(present?.content ?? null).own, text);
        planMessage(plan, vessel, flag.sheet, address, present, desired);
        for (const other of here) if (other !== present) stripKensho(plan, other);
      }
    } else {
      // No notes or comments on this host: a note kensho wrote elsewhere is still there.
      if (notedByMark.has(key)) message = "note";
      for (const other of here) stripKensho(plan, other);
    }
    handled.add(key);
    wanted.set(key, { flag: { ...flag, address }, kind: { severity: flag.severity, message } });
  }
  // kensho's parts on cells no longer flagged.
  for (const [key, here] of byCell) if (!handled.has(key)) for (const m of here) stripKensho(plan, m);
  if (input.mode !== "note") {
    for (const mark of input.marks)
      if (mark.kind.message === "note" && mark.areas)
        for (const cell of cellsOf(mark.areas) ?? [])
          if (!wanted.has(cellKey(mark.sheet, cell)))
            plan.unreachableNotes.push({ sheet: mark.sheet, address: cell });
  }

  // Marks: keep one that is exactly right, drop every other kensho mark, add what is missing.
  const covered = new Set<string>();
  for (const mark of input.marks) {
    const cells = mark.areas && !mark.buried ? cellsOf(mark.areas) : null;
    const keep =
      cells !== null &&
      cells.length > 0 &&
      cells.every((c) => {
        const key = cellKey(mark.sheet, c);
        const w = wanted.get(key);
        return w !== undefined && !covered.has(key) && sameKind(w.kind, mark.kind);
      });
    if (keep) for (const c of cells) covered.add(cellKey(mark.sheet, c));
    else plan.deleteMarks.push(mark);
  }
  for (const [key, w] of wanted)
    if (!covered.has(key)) plan.addMarks.push({ sheet: w.flag.sheet, address: w.flag.address, kind: w.kind });
  // The most severe first: what a reader of the plan (and of a failed batch) sees first.
  plan.addMarks.sort((a, b) => SEVERITY_RANK[a.kind.severity] - SEVERITY_RANK[b.kind.severity]);
  return plan;
}

function planMessage(
  plan: MarkPlan,
  kind: "note" | "comment",
  sheet: string,
  address: string,
  present: PresentMessage | undefined,
  desired: string | null,
): void {
  if (present) {
    if (present.content === desired) return;
    if (desired === null)
      plan.messages.push({ op: "delete", kind, sheet, address, commentId: present.commentId });
    else plan.messages.push({ op: "set", kind, sheet, address, text: desired, commentId: present.commentId });
  } else if (desired !== null) {
    plan.messages.push({ op: "add", kind, sheet, address, text: desired });
  }
}

/** A note or comment without kensho's part: the author's text alone, or gone if that was all. */
function stripKensho(plan: MarkPlan, m: PresentMessage): void {
  const { own, kensho } = splitMessage(m.content);
  if (kensho === null) return;
  planMessage(plan, m.kind, m.sheet, normalizeAddress(m.address), m, own);
}

/** Whether the workbook holds anything of kensho's that フラグを消す would remove. */
export function holdsMarks(marks: PresentMark[], messages: PresentMessage[]): boolean {
  return marks.length > 0 || messages.some(hasKenshoPart);
}
