// kensho's own state inside the workbook: a very hidden sheet, one JSON record per row in column A.
/* global Excel */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded
   properties are read in closures that callers run after the sync; the rule cannot follow closures. */
// Living in the workbook (not in memory or settings) means it is saved, reopened and undone together
// with the fills it describes, and it is written in the same batch as those fills.
import type { CellValue } from "../../core/model";

export const STATE_SHEET = "kensho_state";
/** Prefix of every note/comment kensho writes; how clearFlags tells them from people's notes. */
export const MESSAGE_PREFIX = "【kensho】";

export type MessageKind = "note" | "comment" | "none";

/** A flagged cell and its look before kensho touched it. */
export interface FlagRecord {
  t: "flag";
  sheet: string;
  address: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** Fill pattern when the host reports it (ExcelApi 1.9); null when unknown or solid. */
  pattern: string | null;
  /** What kensho attached to the cell. */
  msg: MessageKind;
}

/** What the last writeValues replaced: the cell's formula (or constant) before. */
export interface UndoRecord {
  t: "undo";
  sheet: string;
  address: string;
  formula: CellValue;
}

export interface KenshoState {
  flags: FlagRecord[];
  undo: UndoRecord[];
}

export const EMPTY_STATE: KenshoState = { flags: [], undo: [] };

export function parseState(values: unknown[][] | null): KenshoState {
  const state: KenshoState = { flags: [], undo: [] };
  for (const row of values ?? []) {
    const text = row[0];
    if (typeof text !== "string" || !text.startsWith("{")) continue;
    try {
      const rec = JSON.parse(text) as FlagRecord | UndoRecord;
      if (rec.t === "flag") state.flags.push(rec);
      else if (rec.t === "undo") state.undo.push(rec);
    } catch {
      // A damaged row loses one record, not the whole state.
    }
  }
  return state;
}

export function serializeState(state: KenshoState): string[][] {
  return [...state.flags, ...state.undo].map((rec) => [JSON.stringify(rec)]);
}

export function isEmptyState(state: KenshoState): boolean {
  return state.flags.length === 0 && state.undo.length === 0;
}

/** Queues a read of the state; the returned function is valid after the next sync. */
export function queueStateRead(ctx: Excel.RequestContext): () => { exists: boolean; state: KenshoState } {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  sheet.load("name");
  // Chained on a possibly-null sheet: Office.js propagates the null object to the child.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values");
  return () => {
    if (sheet.isNullObject) return { exists: false, state: { flags: [], undo: [] } };
    return { exists: true, state: used.isNullObject ? { flags: [], undo: [] } : parseState(used.values) };
  };
}

/** Queues the replacement of the whole state (creating or deleting the sheet as needed). */
export function queueStateWrite(ctx: Excel.RequestContext, state: KenshoState, exists: boolean): void {
  const sheets = ctx.workbook.worksheets;
  if (isEmptyState(state)) {
    if (exists) sheets.getItem(STATE_SHEET).delete();
    return;
  }
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = sheets.getItem(STATE_SHEET);
    sheet.getRange().clear();
  } else {
    sheet = sheets.add(STATE_SHEET);
    sheet.visibility = "VeryHidden";
  }
  const rows = serializeState(state);
  const target = sheet.getRange(`A1:A${rows.length}`);
  // Text format first, so Excel never reinterprets a record as a number or date.
  target.numberFormat = rows.map(() => ["@"]);
  target.values = rows;
}
