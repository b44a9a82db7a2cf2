// The person's undo stack, with what Ctrl+Z and Ctrl+Y do to the workbook.
//
// [ctrlZ] The undo article: actions of Excel JavaScript APIs and of the user "are preserved in the
// undo stack for an individual user, allowing the user to step back through their actions". What a
// step takes back: cells (values, formulas, formats, fills, validation), notes, comments, merges and
// the sheets themselves — but not custom XML parts (OfficeDev/office-js#6415: after Ctrl+Z the part
// still holds what the add-in wrote). Harsher where silent: settings are not taken back either.
//
// Each record keeps the state its action changed, captured the moment the action first touched it:
// the cells of the written areas, the sheet-level state (notes, merges, name, visibility, charts …)
// of a sheet touched as a whole, the sheet list and the comments. Undo swaps that state back in and
// keeps what it replaced, for Ctrl+Y.
import type { CellArea } from "../../../src/core/model";
import type { FCell, FComment, FSheet } from "./model";

/** What an undo record needs of the fake workbook. */
export interface JournalHost {
  sheets: FSheet[];
  comments: FComment[];
}

/** Areas up to this many cells are captured cell by cell (absent cells included). */
const SMALL_AREA = 4096;
/** FSheet fields that are not part of what Ctrl+Z takes back. */
const NOT_STATE = new Set(["cells", "handlers", "id"]);

const key = (r: number, c: number) => `${r},${c}`;

/** A deep copy of plain data: maps, sets, arrays, objects (jsdom has no structuredClone). */
function deepClone<T>(v: T): T {
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, deepClone(x)])) as T;
  if (v instanceof Set) return new Set([...v].map(deepClone)) as T;
  if (Array.isArray(v)) return v.map(deepClone) as T;
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepClone(x);
    return out as T;
  }
  return v;
}

function cloneCell(c: FCell): FCell {
  return deepClone(c);
}

function sheetState(s: FSheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (!NOT_STATE.has(k)) out[k] = deepClone(v);
  return out;
}

export class UndoCapture {
  /** Per sheet: cell key -> the cell before (null: there was none). */
  private readonly cells = new Map<FSheet, Map<string, FCell | null>>();
  /** Large areas: any cell in them not captured did not exist before. */
  private readonly wideAreas = new Map<FSheet, CellArea[]>();
  private readonly sheetLevel = new Map<FSheet, Record<string, unknown>>();
  private sheetList: FSheet[] | null = null;
  private comments: FComment[] | null = null;

  /** The action is about to change `area` of `sheet` (null area: the sheet as a whole). */
  touch(h: JournalHost, sheet: FSheet | null, area: CellArea | null): void {
    if (this.comments === null) this.comments = h.comments.map((c) => ({ ...c }));
    if (sheet === null) {
      this.sheetList ??= [...h.sheets];
      for (const s of h.sheets) if (!this.sheetLevel.has(s)) this.sheetLevel.set(s, sheetState(s));
      return;
    }
    if (!this.sheetLevel.has(sheet)) this.sheetLevel.set(sheet, sheetState(sheet));
    if (area === null) return;
    let cells = this.cells.get(sheet);
    if (!cells) this.cells.set(sheet, (cells = new Map()));
    const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (size <= SMALL_AREA) {
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const k = key(r, c);
          if (!cells.has(k)) {
            const cell = sheet.peek(r, c);
            cells.set(k, cell ? cloneCell(cell) : null);
          }
        }
      return;
    }
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(",").map(Number);
      if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right && !cells.has(k))
        cells.set(k, cloneCell(cell));
    }
    const wide = this.wideAreas.get(sheet) ?? [];
    wide.push(area);
    this.wideAreas.set(sheet, wide);
  }

  /** The whole of a sheet is about to change (rows inserted or deleted). */
  touchSheet(h: JournalHost, sheet: FSheet): void {
    this.touch(h, sheet, null);
    const cells = this.cells.get(sheet) ?? new Map<string, FCell | null>();
    for (const [k, cell] of sheet.cells) if (!cells.has(k)) cells.set(k, cloneCell(cell));
    this.cells.set(sheet, cells);
    const wide = this.wideAreas.get(sheet) ?? [];
    wide.push({ top: 0, left: 0, bottom: Number.MAX_SAFE_INTEGER, right: Number.MAX_SAFE_INTEGER });
    this.wideAreas.set(sheet, wide);
  }

  get empty(): boolean {
    return this.cells.size === 0 && this.sheetLevel.size === 0 && this.sheetList === null;
  }

  /** The areas of each sheet this capture covers, for the change events Ctrl+Z fires. */
  touchedAreas(): Array<{ sheet: FSheet; area: CellArea }> {
    const out: Array<{ sheet: FSheet; area: CellArea }> = [];
    for (const [sheet, cells] of this.cells) {
      let area: CellArea | null = null;
      for (const k of cells.keys()) {
        const [r, c] = k.split(",").map(Number);
        area = area
          ? {
              top: Math.min(area.top, r),
              left: Math.min(area.left, c),
              bottom: Math.max(area.bottom, r),
              right: Math.max(area.right, c),
            }
          : { top: r, left: c, bottom: r, right: c };
      }
      if (area) out.push({ sheet, area });
    }
    return out;
  }

  /** Puts the captured state back; returns a capture of what it replaced (for redo). */
  restore(h: JournalHost): UndoCapture {
    const redo = new UndoCapture();
    if (this.sheetList) redo.touch(h, null, null);
    for (const s of this.sheetLevel.keys()) redo.touch(h, s, null);
    for (const [sheet, cells] of this.cells) {
      for (const k of cells.keys()) {
        const [r, c] = k.split(",").map(Number);
        redo.touch(h, sheet, { top: r, left: c, bottom: r, right: c });
      }
      for (const area of this.wideAreas.get(sheet) ?? []) {
        for (const k of sheet.cells.keys()) {
          const [r, c] = k.split(",").map(Number);
          if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) {
            redo.touch(h, sheet, { top: r, left: c, bottom: r, right: c });
            if (!cells.has(k)) sheet.cells.delete(k);
          }
        }
      }
      if (!redo.cells.has(sheet)) redo.cells.set(sheet, new Map());
      for (const area of this.wideAreas.get(sheet) ?? []) {
        const wide = redo.wideAreas.get(sheet) ?? [];
        wide.push(area);
        redo.wideAreas.set(sheet, wide);
      }
      for (const [k, cell] of cells) {
        if (cell === null) sheet.cells.delete(k);
        else sheet.cells.set(k, cloneCell(cell));
      }
    }
    for (const [sheet, state] of this.sheetLevel) Object.assign(sheet, deepClone(state));
    if (this.sheetList) h.sheets = [...this.sheetList];
    if (this.comments) h.comments = this.comments.map((c) => ({ ...c }));
    return redo;
  }
}

export interface UndoRecord {
  by: "user" | "add-in";
  what: string;
  capture: UndoCapture;
}
