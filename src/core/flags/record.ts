// The flag record: which cells kensho marked and how each looked before, plus the pane's undoable
// status edits. It travels inside the workbook as one custom XML part, so the add-in and a file writer
// (kensho --annotate) produce the same thing and either can clear what the other marked.
// docs/flag-record.md is the specification; this file is its implementation.
import type { Fill } from "./fills";

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

/** A cell's content as it was, enough to write it back verbatim. */
export type CellContent =
  | { type: "empty" }
  | { type: "formula"; formula: string }
  | { type: "text"; text: string }
  | { type: "number"; number: number }
  | { type: "boolean"; boolean: boolean }
  | { type: "error"; text: string };

/** A cell's data validation as Excel reports it (ExcelApi 1.8); type "None" for none. */
export interface ValidationState {
  type: string;
  rule: unknown;
  ignoreBlanks: boolean;
  prompt: unknown;
  errorAlert: unknown;
}

export type UndoEntry =
  | { kind: "value"; sheet: string; cell: string; before: CellContent }
  | { kind: "validation"; sheet: string; cell: string; before: ValidationState };

/** One pane action that 元に戻す can take back: statuses written, drop-downs added, or a merge. */
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

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The XML text of the part: a namespaced root element whose text is the record as JSON. */
export function serializeFlagRecord(doc: FlagRecordDocument): string {
  // JSON.stringify escapes controls and lone surrogates but not U+FFFE and U+FFFF, which no XML
  // part may carry: they are written as JSON escapes too.
  const json = JSON.stringify({ version: FLAG_RECORD_VERSION, flags: doc.flags, undo: doc.undo }).replace(
    /[\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<${FLAG_RECORD_ROOT} xmlns="${FLAG_RECORD_NAMESPACE}">${escapeText(json)}</${FLAG_RECORD_ROOT}>`
  );
}

export interface ParsedRecord {
  doc: FlagRecordDocument;
  /** Entries that could not be read and were left out (0 for an intact record). */
  dropped: number;
  /** The part is not a record this version understands (newer version, not JSON). */
  unreadable: boolean;
}

/** The root element's text, whatever prefix, declaration, comments or CDATA a host wrapped it in. */
function rootText(xml: string): string | null {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const open = /^<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>/.exec(body);
  if (!open) return null;
  const close = body.lastIndexOf(`</${open[1]}`);
  if (close < open[0].length) return null;
  const inner = body.slice(open[0].length, close);
  // CDATA sections carry their text raw; everything else is entity-escaped.
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : unescapeText(part)))
    .join("");
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

function readContent(v: unknown): CellContent | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case "empty":
      return { type: "empty" };
    case "formula":
      return typeof v.formula === "string" ? { type: "formula", formula: v.formula } : null;
    case "text":
      return typeof v.text === "string" ? { type: "text", text: v.text } : null;
    case "error":
      return typeof v.text === "string" ? { type: "error", text: v.text } : null;
    case "number":
      return typeof v.number === "number" ? { type: "number", number: v.number } : null;
    case "boolean":
      return typeof v.boolean === "boolean" ? { type: "boolean", boolean: v.boolean } : null;
  }
  return null;
}

function readEntry(v: unknown): UndoEntry | null {
  if (!isObject(v) || typeof v.sheet !== "string" || typeof v.cell !== "string" || !A1.test(v.cell))
    return null;
  if (v.kind === "value") {
    const before = readContent(v.before);
    return before ? { kind: "value", sheet: v.sheet, cell: v.cell, before } : null;
  }
  if (v.kind === "validation" && isObject(v.before) && typeof v.before.type === "string") {
    const b = v.before;
    return {
      kind: "validation",
      sheet: v.sheet,
      cell: v.cell,
      before: {
        type: b.type as string,
        rule: b.rule ?? {},
        ignoreBlanks: b.ignoreBlanks !== false,
        prompt: b.prompt ?? null,
        errorAlert: b.errorAlert ?? null,
      },
    };
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
