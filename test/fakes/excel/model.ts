// The fake workbook's own state: sheets of sparse cells, notes, comments, merges, custom XML parts.
// Plain data and the structural edits a person can make (insert/delete rows and columns).
import type { CellArea, CellValue } from "../../../src/core/model";
import type { FChart } from "./charts";

/** A cell's fill as Excel's RangeFill reports it (ExcelApi 1.9 properties included). */
export interface FFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface FCell {
  value: CellValue;
  text: string;
  format: string;
  formula: string | null;
  /** Entered with a leading apostrophe (Excel keeps the text, hides the quote). */
  quotePrefix: boolean;
  fill: FFill | null;
  /** Data validation as set through the API (rule, prompt, errorAlert, ignoreBlanks), or null. */
  validation: FValidation | null;
  /** Font properties set through the API (RangeFont, ExcelApi 1.1); absent ones are Excel's default. */
  font?: { bold?: boolean; size?: number; color?: string };
  /** [protection] FormatProtection.locked; absent: locked, as every cell is by default. */
  locked?: boolean;
}

export interface FValidation {
  rule: Record<string, unknown>;
  type: string;
  ignoreBlanks: boolean;
  prompt: Record<string, unknown>;
  errorAlert: Record<string, unknown>;
}

export interface FNote {
  content: string;
}

export interface FComment {
  id: string;
  sheet: FSheet;
  row: number;
  col: number;
  content: string;
}

export interface FXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ChangedHandler = (args: any) => Promise<any> | void;

export function emptyCell(): FCell {
  return {
    value: null,
    text: "",
    format: "General",
    formula: null,
    quotePrefix: false,
    fill: null,
    validation: null,
  };
}

export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

export class FSheet {
  cells = new Map<string, FCell>();
  merges: CellArea[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Keyed by A1 address of the cell. */
  notes = new Map<string, FNote>();
  handlers = new Set<ChangedHandler>();
  visibility = "Visible";
  protected = false;
  /** Charts on the sheet (ExcelApi 1.1), in the order added. */
  charts: FChart[] = [];
  /** Columns whose width was fitted to their contents (RangeFormat.autofitColumns). */
  autofitted = new Set<number>();
  constructor(
    public id: string,
    public name: string,
  ) {}

  cell(r: number, c: number): FCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(r: number, c: number): FCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  usedArea(valuesOnly: boolean): CellArea | null {
    let area: CellArea | null = null;
    for (const [key, cell] of this.cells) {
      const used =
        (cell.value !== null && cell.value !== "") ||
        (!valuesOnly && (cell.fill !== null || cell.format !== "General" || cell.validation !== null));
      if (!used) continue;
      const [r, c] = key.split(",").map(Number);
      if (!area) area = { top: r, left: c, bottom: r, right: c };
      else
        area = {
          top: Math.min(area.top, r),
          left: Math.min(area.left, c),
          bottom: Math.max(area.bottom, r),
          right: Math.max(area.right, c),
        };
    }
    return area;
  }
}

/**
 * Shifts everything at or after `start` on one axis by `delta` (positive: insert, negative: delete
 * `-delta` lines starting at `start`). Cells, notes, comments, merges and hidden lines move like Excel
 * moves them; what sits on deleted lines is gone.
 */
export function shiftSheet(
  sheet: FSheet,
  comments: FComment[],
  axis: "rows" | "cols",
  start: number,
  delta: number,
  a1: (row: number, col: number) => string,
  parseA1: (address: string) => { row: number; col: number } | null,
): FComment[] {
  const deleted = (i: number) => delta < 0 && i >= start && i < start - delta;
  const moved = (i: number) => (i >= start ? i + delta : i);
  const pick = (r: number, c: number) => (axis === "rows" ? r : c);

  const cells = new Map<string, FCell>();
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    const i = pick(r, c);
    if (deleted(i)) continue;
    const nr = axis === "rows" ? moved(r) : r;
    const nc = axis === "cols" ? moved(c) : c;
    cells.set(`${nr},${nc}`, cell);
  }
  sheet.cells = cells;

  const notes = new Map<string, FNote>();
  for (const [address, note] of sheet.notes) {
    const p = parseA1(address);
    if (!p) continue;
    const i = pick(p.row, p.col);
    if (deleted(i)) continue;
    notes.set(a1(axis === "rows" ? moved(p.row) : p.row, axis === "cols" ? moved(p.col) : p.col), note);
  }
  sheet.notes = notes;

  const kept: FComment[] = [];
  for (const c of comments) {
    if (c.sheet !== sheet) {
      kept.push(c);
      continue;
    }
    const i = pick(c.row, c.col);
    if (deleted(i)) continue;
    if (axis === "rows") c.row = moved(c.row);
    else c.col = moved(c.col);
    kept.push(c);
  }

  const lo = (a: CellArea) => (axis === "rows" ? a.top : a.left);
  const hi = (a: CellArea) => (axis === "rows" ? a.bottom : a.right);
  const merges: CellArea[] = [];
  for (const m of sheet.merges) {
    let from = lo(m);
    let to = hi(m);
    if (delta > 0) {
      if (from >= start) from += delta;
      if (to >= start) to += delta;
    } else {
      const count = -delta;
      const end = start + count - 1;
      // Lines removed inside the merge shrink it; a merge wholly deleted is gone.
      if (from >= start && to <= end) continue;
      if (to >= start) {
        const first = from < start || from > end ? from : end + 1;
        const last = to > end ? to : start - 1;
        from = first > end ? first - count : first;
        to = last > end ? last - count : last;
      }
    }
    merges.push(axis === "rows" ? { ...m, top: from, bottom: to } : { ...m, left: from, right: to });
  }
  sheet.merges = merges;

  const hidden = axis === "rows" ? sheet.hiddenRows : sheet.hiddenCols;
  const next = new Set<number>();
  for (const i of hidden) if (!deleted(i)) next.add(moved(i));
  if (axis === "rows") sheet.hiddenRows = next;
  else sheet.hiddenCols = next;
  return kept;
}
