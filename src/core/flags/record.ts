// The flag record: which cells kensho marked and how each looked before, plus the pane's undoable
// status edits. It travels inside the workbook as one custom XML part, so the add-in and a file writer
// (kensho --annotate) produce the same thing and either can clear what the other marked.
// docs/flag-record.md is the specification; this file is its implementation.
import type { Fill } from "./fills";
import type { CellContent, ValidationState } from "../edits/content";
import { readCellContent, readValidationState } from "../edits/schema";
import { partXml, rootText } from "../partXml";

export type { CellContent, ValidationState } from "../edits/content";

/** The part's root namespace: how the add-in finds the part (CustomXmlPartCollection.getByNamespace). */
export const FLAG_RECORD_NAMESPACE = "urn:kensho:flag-record:1";
export const FLAG_RECORD_ROOT = "kenshoFlagRecord";
export const FLAG_RECORD_VERSION = 1;

/** Prefix of every note or comment kensho writes: how a clear tells them from people's. */
export const MESSAGE_PREFIX = "【kensho】";

export type MessageKind = "note" | "comment" | "none";

/** A cell kensho marked, and its own fill before the mark. */
export interface FlagRecord {
  sheet: string;
  /** A1 address without "$" or sheet ("L9"). */
  cell: string;
  /** The fill before kensho painted; null when the cell had none. */
  fill: Fill | null;
  /** false when kensho left the fill alone (a gradient it could not put back). */
  painted: boolean;
  /** What kensho attached to the cell. */
  message: MessageKind;
}

export type UndoEntry =
  | { kind: "value"; sheet: string; cell: string; before: CellContent }
  | { kind: "validation"; sheet: string; cell: string; before: ValidationState };

/**
 * A pane action as versions before the edit record (core/edits) kept it here. Still read, through the
 * edit record's schema, and carried into the edit record once; never written with content again.
 */
export interface UndoStep {
  action: "status" | "dropdown" | "merge";
  entries: UndoEntry[];
}

const UNDO_ACTIONS: ReadonlyArray<UndoStep["action"]> = ["status", "dropdown", "merge"];

/** How many pane actions stay undoable; older ones are forgotten. */
export const MAX_UNDO_STEPS = 10;

export interface FlagRecordDocument {
  flags: FlagRecord[];
  undo: UndoStep[];
}

export function emptyRecord(): FlagRecordDocument {
  return { flags: [], undo: [] };
}

export function isEmptyRecord(doc: FlagRecordDocument): boolean {
  return doc.flags.length === 0 && doc.undo.length === 0;
}

// --- XML ------------------------------------------------------------------------------------------

/** The XML text of the part: a namespaced root element whose text is the record as JSON. */
export function serializeFlagRecord(doc: FlagRecordDocument): string {
  const json = JSON.stringify({ version: FLAG_RECORD_VERSION, flags: doc.flags, undo: doc.undo });
  return partXml(FLAG_RECORD_ROOT, FLAG_RECORD_NAMESPACE, json);
}

export interface ParsedRecord {
  doc: FlagRecordDocument;
  /** Entries that could not be read and were left out (0 for an intact record). */
  dropped: number;
  /** The part is not a record this version understands (newer version, not JSON). */
  unreadable: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

function readFill(v: unknown): Fill | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || typeof v.color !== "string" || typeof v.pattern !== "string") return undefined;
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : 0);
  return {
    color: v.color,
    pattern: v.pattern,
    patternColor: typeof v.patternColor === "string" ? v.patternColor : null,
    tintAndShade: num(v.tintAndShade),
    patternTintAndShade: num(v.patternTintAndShade),
  };
}

function readFlag(v: unknown): FlagRecord | null {
  if (!isObject(v) || typeof v.sheet !== "string" || typeof v.cell !== "string") return null;
  const cell = v.cell.replace(/\$/g, "").toUpperCase();
  if (!A1.test(cell)) return null;
  const fill = readFill(v.fill);
  if (fill === undefined) return null;
  const message = v.message === "note" || v.message === "comment" ? v.message : "none";
  return { sheet: v.sheet, cell, fill, painted: v.painted !== false, message };
}

/**
 * An undo entry of the steps earlier versions kept here, through the edit record's schema (the pane
 * now keeps its steps in a part of their own: core/edits). A workbook is input.
 */
function readEntry(v: unknown): UndoEntry | null {
  if (!isObject(v) || typeof v.sheet !== "string" || typeof v.cell !== "string" || !A1.test(v.cell))
    return null;
  if (v.kind === "value") {
    const before = readCellContent(v.before);
    return before ? { kind: "value", sheet: v.sheet, cell: v.cell, before } : null;
  }
  if (v.kind === "validation") {
    const before = readValidationState(v.before);
    return before ? { kind: "validation", sheet: v.sheet, cell: v.cell, before } : null;
  }
  return null;
}

/**
 * Reads a record part. A damaged entry loses that entry, never the whole record; a part this
 * version cannot read at all is reported as unreadable (and left untouched by the caller).
 */
export function parseFlagRecord(xml: string): ParsedRecord {
  const text = rootText(xml);
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    raw = null;
  }
  if (!isObject(raw) || raw.version !== FLAG_RECORD_VERSION) {
    return { doc: emptyRecord(), dropped: 0, unreadable: true };
  }
  let dropped = 0;
  const flags: FlagRecord[] = [];
  for (const f of Array.isArray(raw.flags) ? raw.flags : []) {
    const rec = readFlag(f);
    if (rec) flags.push(rec);
    else dropped++;
  }
  const undo: UndoStep[] = [];
  for (const s of Array.isArray(raw.undo) ? raw.undo : []) {
    if (
      !isObject(s) ||
      !(UNDO_ACTIONS as readonly unknown[]).includes(s.action) ||
      !Array.isArray(s.entries)
    ) {
      dropped++;
      continue;
    }
    const entries = s.entries.map(readEntry);
    if (entries.some((e) => e === null)) {
      // A step is undone as a whole or not at all.
      dropped++;
      continue;
    }
    undo.push({ action: s.action as UndoStep["action"], entries: entries as UndoEntry[] });
  }
  return { doc: { flags, undo }, dropped, unreadable: false };
}

/**
 * Several record parts (two copies merged, a writer and the add-in both wrote one): one record.
 * The first part's entry wins for a cell listed twice: it holds the older original.
 */
export function mergeRecords(docs: FlagRecordDocument[]): FlagRecordDocument {
  const seen = new Set<string>();
  const flags: FlagRecord[] = [];
  for (const d of docs)
    for (const f of d.flags) {
      const key = `${f.sheet}\u0000${f.cell}`;
      if (seen.has(key)) continue;
      seen.add(key);
      flags.push(f);
    }
  const undo = docs.flatMap((d) => d.undo).slice(-MAX_UNDO_STEPS);
  return { flags, undo };
}
