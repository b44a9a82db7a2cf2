import type { ColumnMap, FieldKey, HeaderBlock, SheetLayout } from "../model";
import { SheetView } from "../sheetView";
import { displayText } from "../text";
import { fiscalYearLabel, headerMeaning, type HeaderMeaning, yearInLabel } from "./headerLabels";

/** A row is a header when it names at least this many distinct fields, among them the core ones. */
const MIN_HEADER_FIELDS = 6;
const CORE_FIELDS: HeaderMeaning[] = ["kpi", "status", "actualOrPrevious"];

interface LabelledColumn {
  col: number;
  meaning: HeaderMeaning;
  label: string;
}

function labelsOnRow(view: SheetView, row: number): LabelledColumn[] {
  const out: LabelledColumn[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const { cell, row: anchorRow, col: anchorCol } = view.cell(row, c);
    // A label merged across columns counts once, at its first column; merged down, on every row.
    if (anchorCol !== c && anchorRow === row) continue;
    const label = displayText(cell);
    const meaning = headerMeaning(label);
    if (meaning) out.push({ col: c, meaning, label });
  }
  return out;
}

/** Cheap pre-check before labelling every cell: a header row names the status and an actual. */
function mayBeHeader(view: SheetView, row: number): boolean {
  let status = false;
  let actual = false;
  // A header names both in cells of its own row, so only the row's content cells need a look.
  for (const cell of view.rowCells(row)) {
    if (status && actual) break;
    const t = displayText(cell);
    if (t === "") continue;
    status ||= t.includes("進捗状況") || /進\s*捗\s*状\s*況/.test(t);
    actual ||= t.includes("実績");
  }
  return status && actual;
}

function isHeaderRow(labels: LabelledColumn[]): boolean {
  const distinct = new Set(labels.map((l) => l.meaning));
  return distinct.size >= MIN_HEADER_FIELDS && CORE_FIELDS.every((f) => distinct.has(f));
}

/** A second header row adds only measure sub-labels (数値目標 / 具体的な施策) below the first. */
function isSubHeaderRow(view: SheetView, row: number, rowLabels: LabelledColumn[]): boolean {
  if (row > view.lastRow) return false;
  const labels = rowLabels.filter((l) => view.cell(row, l.col).row === row);
  if (labels.length === 0) return false;
  return labels.every((l) => l.meaning === "measure");
}

/** Columns a header cell spans: its merge, or blank header columns up to the next label. */
function spanOf(view: SheetView, headerRows: number[], col: number, labelledCols: Set<number>): number[] {
  let right = col;
  for (const r of headerRows) {
    const m = view.mergeAt(r, col);
    if (m && m.left === col) right = Math.max(right, m.right);
  }
  if (right === col) {
    let c = col + 1;
    const lastLabelled = Math.max(...labelledCols);
    while (c < lastLabelled && !labelledCols.has(c) && headerRows.every((r) => view.text(r, c) === "")) c++;
    right = c - 1;
  }
  const cols: number[] = [];
  for (let c = col; c <= right; c++) cols.push(c);
  return cols;
}

function buildColumns(
  view: SheetView,
  headerRows: number[],
  labels: LabelledColumn[],
): { columns: ColumnMap; years: number[] } {
  const labelledCols = new Set(labels.map((l) => l.col));
  const columns: ColumnMap = {};
  const results: Array<{ col: number; year: number | null; cols: number[] }> = [];
  const years: number[] = [];
  const add = (field: FieldKey, cols: number[]) => {
    const set = new Set([...(columns[field] ?? []), ...cols]);
    columns[field] = [...set].sort((a, b) => a - b);
  };
  const seen = new Set<string>();
  for (const l of labels) {
    const key = `${l.meaning}@${l.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const year = yearInLabel(l.label);
    const cols = spanOf(view, headerRows, l.col, labelledCols);
    if (l.meaning === "remarks") continue;
    if (l.meaning === "actualOrPrevious") {
      results.push({ col: l.col, year, cols });
      if (year !== null) years.push(year);
      continue;
    }
    // A field already mapped elsewhere (other than the measure's two sub-columns) keeps its first column.
    if (columns[l.meaning] && l.meaning !== "measure") continue;
    add(l.meaning, cols);
  }
  // Of the 実績値 columns, the latest year is this year's actual and the one before it the previous.
  results.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
  if (results[0]) add("actual", results[0].cols);
  if (results[1]) add("previous", results[1].cols);
  return { columns, years };
}

function findFiscalYear(view: SheetView, beforeRow: number, actualYears: number[]): string | null {
  if (actualYears.length > 0) return fiscalYearLabel(Math.max(...actualYears));
  for (let r = view.firstRow; r < beforeRow; r++) {
    for (const cell of view.rowCells(r)) {
      const text = displayText(cell);
      const y = yearInLabel(text);
      if (y !== null && /効果検証|総合戦略/.test(text)) return fiscalYearLabel(y);
    }
  }
  return null;
}

/** Finds every header on a sheet (once, or repeated per block) and maps its columns by meaning. */
export function detectLayout(view: SheetView): SheetLayout {
  const blocks: HeaderBlock[] = [];
  let fiscalYear: string | null = null;
  let r = view.firstRow;
  while (r <= view.lastRow) {
    if (!mayBeHeader(view, r)) {
      r++;
      continue;
    }
    const labels = labelsOnRow(view, r);
    if (!isHeaderRow(labels)) {
      r++;
      continue;
    }
    const headerRows = [r];
    const nextLabels = r + 1 <= view.lastRow ? labelsOnRow(view, r + 1) : [];
    const isTwoRows = isSubHeaderRow(view, r + 1, nextLabels);
    if (isTwoRows) headerRows.push(r + 1);
    const { columns, years } = buildColumns(
      view,
      headerRows,
      isTwoRows ? [...labels, ...nextLabels] : labels,
    );
    fiscalYear ??= findFiscalYear(view, r, years);
    const prev = blocks[blocks.length - 1];
    if (prev) prev.lastDataRow = r - 1;
    blocks.push({ headerRows, columns, firstDataRow: r + headerRows.length, lastDataRow: view.lastRow });
    r += headerRows.length;
  }
  return { sheet: view.grid.name, blocks, fiscalYear };
}
