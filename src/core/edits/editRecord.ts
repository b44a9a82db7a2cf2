// The pane's own edits that 元に戻す can take back (進捗状況を適用, 提出ファイルを取り込む, the status
// drop-down), kept in a custom XML part of their own (docs/edit-record.md). Each entry holds what
// the cell held before and what kensho wrote, so that 元に戻す restores a cell only while it still
// holds exactly kensho's value: Ctrl+Z takes cells back but not custom XML parts (OfficeDev/office-js
// #6415), and staff may have typed since. The part is read from the workbook, so it is input: parsed
// against the schema in schema.ts, and never trusted to name a formula or a validation rule that
// kensho did not record itself in this session (restore.ts).
import { partXml, rootText } from "../partXml";
import type { CellContent, ValidationState } from "./content";
import {
  hasOnly,
  isCellAddress,
  isObject,
  isSheetName,
  readCellContent,
  readValidationState,
} from "./schema";

/** The part's root namespace: how the add-in finds it (CustomXmlPartCollection.getByNamespace). */
export const EDIT_RECORD_NAMESPACE = "urn:kensho:edits:1";
export const EDIT_RECORD_ROOT = "kenshoEdits";
export const EDIT_RECORD_VERSION = 1;

/** How many pane actions stay undoable; older ones are forgotten. */
export const MAX_UNDO_STEPS = 10;
/** Cells in one step: a stated limit, so what is written can always be read back. */
export const MAX_STEP_ENTRIES = 20_000;

export type EditAction = "status" | "dropdown" | "merge";
const ACTIONS: readonly EditAction[] = ["status", "dropdown", "merge"];

export type EditEntry =
  | {
      kind: "value";
      sheet: string;
      cell: string;
      before: CellContent;
      /**
       * What kensho wrote. null only for steps carried over from versions that did not record it:
       * those were status words (進捗状況を適用), so one of the three is expected.
       */
      after: CellContent | null;
    }
  /** The status drop-down replaced the cell's own validation; `before` is what it was. */
  | { kind: "validation"; sheet: string; cell: string; before: ValidationState };

export interface EditStep {
  /** Random, per step: ties the step to the session that recorded it (restore.ts). */
  id: string;
  action: EditAction;
  entries: EditEntry[];
}

export interface EditDocument {
  steps: EditStep[];
}

export function emptyEdits(): EditDocument {
  return { steps: [] };
}

export function withStep(doc: EditDocument, step: EditStep): EditDocument {
  return { steps: [...doc.steps, step].slice(-MAX_UNDO_STEPS) };
}

export function serializeEdits(doc: EditDocument): string {
  return partXml(
    EDIT_RECORD_ROOT,
    EDIT_RECORD_NAMESPACE,
    JSON.stringify({ version: EDIT_RECORD_VERSION, steps: doc.steps }),
  );
}

const STEP_ID = /^[A-Za-z0-9_-]{8,64}$/;

function readEntry(v: unknown, action: EditAction): EditEntry | null {
  if (!isObject(v) || !isSheetName(v.sheet) || !isCellAddress(v.cell)) return null;
  if (
    v.kind === "value" &&
    action !== "dropdown" &&
    hasOnly(v, ["kind", "sheet", "cell", "before", "after"])
  ) {
    const before = readCellContent(v.before);
    if (!before) return null;
    // Only a status step carried over from an earlier version may lack what was written.
    if (v.after === null) {
      return action === "status"
        ? { kind: "value", sheet: v.sheet, cell: v.cell, before, after: null }
        : null;
    }
    const after = readCellContent(v.after);
    return after ? { kind: "value", sheet: v.sheet, cell: v.cell, before, after } : null;
  }
  if (v.kind === "validation" && action === "dropdown" && hasOnly(v, ["kind", "sheet", "cell", "before"])) {
    const before = readValidationState(v.before);
    return before ? { kind: "validation", sheet: v.sheet, cell: v.cell, before } : null;
  }
  return null;
}

/** One step, or null: a step is undone as a whole or not at all, so one bad entry rejects it. */
export function readStep(v: unknown): EditStep | null {
  if (!isObject(v) || !hasOnly(v, ["id", "action", "entries"])) return null;
  if (typeof v.id !== "string" || !STEP_ID.test(v.id)) return null;
  if (!(ACTIONS as readonly unknown[]).includes(v.action) || !Array.isArray(v.entries)) return null;
  if (v.entries.length === 0 || v.entries.length > MAX_STEP_ENTRIES) return null;
  const action = v.action as EditAction;
  const entries: EditEntry[] = [];
  const cells = new Set<string>();
  for (const raw of v.entries) {
    const e = readEntry(raw, action);
    // One cell twice would make "before" ambiguous.
    if (!e || cells.has(`${e.sheet}!${e.cell}`)) return null;
    cells.add(`${e.sheet}!${e.cell}`);
    entries.push(e);
  }
  return { id: v.id, action, entries };
}

export interface ParsedEdits {
  doc: EditDocument;
  /** Steps that failed the schema and were left out. */
  dropped: number;
  /** Not a record this version understands (another version, not JSON): left as it is. */
  unreadable: boolean;
}

export function parseEdits(xml: string): ParsedEdits {
  const text = rootText(xml);
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    raw = null;
  }
  if (!isObject(raw) || raw.version !== EDIT_RECORD_VERSION || !Array.isArray(raw.steps)) {
    return { doc: emptyEdits(), dropped: 0, unreadable: true };
  }
  const steps: EditStep[] = [];
  let dropped = 0;
  const ids = new Set<string>();
  for (const s of raw.steps) {
    const step = readStep(s);
    if (step && !ids.has(step.id)) {
      ids.add(step.id);
      steps.push(step);
    } else dropped++;
  }
  const kept = steps.slice(-MAX_UNDO_STEPS);
  return { doc: { steps: kept }, dropped: dropped + steps.length - kept.length, unreadable: false };
}

/** Several parts (two copies merged): one history, oldest first, at most MAX_UNDO_STEPS. */
export function mergeEdits(docs: EditDocument[]): EditDocument {
  const seen = new Set<string>();
  const steps = docs.flatMap((d) => d.steps).filter((s) => !seen.has(s.id) && Boolean(seen.add(s.id)));
  return { steps: steps.slice(-MAX_UNDO_STEPS) };
}
