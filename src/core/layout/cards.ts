// Cards: one KPI per sheet or per block, its years across the top (基準値, R2 … R6, 目標値) and its
// measures down the side (期待値, 実績値, 達成率, 評価), its name and department in labelled cells
// above, a free-text paragraph below. Read by the same words as a header, turned a quarter: the
// year row names the columns, the label column names the rows.
import type { CardReading, ColumnReading, FieldKey, HeaderBlock, YearClaim } from "../model";
import type { SheetView } from "../sheetView";
import { a1 } from "../address";
import { displayText, labelKey } from "../text";
import { firstYear } from "./yearForms";

/** A year row names at least this many years. */
const MIN_YEARS = 3;
/** Rows looked at below the year row for the measures, and above it for the name and department. */
const MEASURE_ROWS = 8;
const LABEL_ROWS = 10;

const MEASURES: ReadonlyArray<["target" | "actual" | "rate" | "status", RegExp]> = [
  ["rate", /達成率|進捗率/],
  ["status", /^(?:総合)?(?:評価|判定|達成度|進捗状況)/],
  ["target", /期待値|目標値|^目標$|計画値/],
  ["actual", /実績/],
];
const LABELS: ReadonlyArray<[FieldKey, RegExp]> = [
  ["department", /担当課|担当部署|所管課|所管部局|担当部課|所管/],
  ["kpi", /^(?:KPI|指標名|成果指標|重要業績評価指標|指標)/i],
  ["goal", /^基本目標/],
  ["measure", /施策/],
];
const TEXT_LABELS = /分析|課題|今後の取組|効果発現要因|成果と見直し|所見/;

interface YearCol {
  col: number;
  year: number | null;
  kind: "year" | "baseline" | "finalTarget";
  text: string;
}

function yearRow(view: SheetView, row: number): YearCol[] | null {
  const out: YearCol[] = [];
  for (const c of view.rowCells(row)) {
    const text = displayText(c).trim();
    if (text === "") continue;
    const key = labelKey(text);
    const year = firstYear(text);
    if (/基準値|現状値|策定時|従前値/.test(key)) out.push({ col: c.col, year, kind: "baseline", text });
    else if (/目標/.test(key)) out.push({ col: c.col, year, kind: "finalTarget", text });
    else if (year !== null && key.length <= 12) out.push({ col: c.col, year, kind: "year", text });
  }
  return out.filter((y) => y.kind === "year").length >= MIN_YEARS ? out : null;
}

/** The first non-blank cell right of `col` on `row`: a label's value. */
function valueRight(view: SheetView, row: number, col: number): { col: number; text: string } | null {
  for (const c of view.rowCells(row)) {
    if (c.col <= col) continue;
    const m = view.mergeAt(row, col);
    if (m && c.col <= m.right) continue;
    const text = displayText(c).trim();
    if (text !== "") return { col: c.col, text };
  }
  return null;
}

export interface FoundCard {
  block: HeaderBlock;
  /** The year the card's latest 実績値 is for, as a claim on the sheet's year. */
  claim: YearClaim | null;
  /** Years by column, for reading the fiscal year's figures. */
  years: Map<number, number>;
}

/** Every card on a sheet, top to bottom. */
export function findCards(view: SheetView): FoundCard[] {
  const cards: FoundCard[] = [];
  let floor = view.firstRow;
  for (let r = view.firstRow; r <= view.lastRow; r++) {
    const ys = yearRow(view, r);
    if (!ys) continue;
    const labelCol = Math.min(...ys.map((y) => y.col)) - 1;
    if (labelCol < 0) continue;
    const measureRows: CardReading["measureRows"] = {};
    let last = r;
    for (let m = r + 1; m <= Math.min(view.lastRow, r + MEASURE_ROWS); m++) {
      const key = labelKey(displayText(view.cell(m, labelCol).cell));
      const hit = MEASURES.find(([, p]) => p.test(key));
      if (!hit) continue;
      measureRows[hit[0]] ??= m;
      last = m;
    }
    if (
      measureRows.actual === undefined ||
      (measureRows.target === undefined && measureRows.status === undefined)
    )
      continue;
    const cells: CardReading["cells"] = {};
    const put = (field: FieldKey, row: number, col: number, label: string) =>
      (cells[field] ??= { row, col, label });
    for (let a = Math.max(floor, r - LABEL_ROWS); a < r; a++) {
      for (const c of view.rowCells(a)) {
        const key = labelKey(displayText(c));
        const hit = LABELS.find(([, p]) => p.test(key));
        const v = hit ? valueRight(view, a, c.col) : null;
        if (hit && v) put(hit[0], a, v.col, displayText(c).trim());
      }
    }
    // The free text below the measures: right of its label, or under it.
    for (let b = last + 1; b <= Math.min(view.lastRow, last + 4); b++) {
      const label = view.rowCells(b).find((c) => TEXT_LABELS.test(labelKey(displayText(c))));
      if (!label) continue;
      const right = valueRight(view, b, label.col);
      const under = displayText(view.cell(b + 1, label.col).cell).trim();
      const labelText = displayText(label).trim();
      const merged = view.mergeAt(b, label.col);
      // Blank: the cell beside the label, where the text belongs (never the label itself).
      if (right) put("comment", b, right.col, labelText);
      else if (under !== "") put("comment", b + 1, label.col, labelText);
      else put("comment", b, (merged ? merged.right : label.col) + 1, labelText);
      last = Math.max(last, b + 1);
      break;
    }
    const years = new Map<number, number>();
    for (const y of ys) if (y.kind === "year" && y.year !== null) years.set(y.col, y.year);
    for (const y of ys) {
      if (y.kind === "baseline") put("baseline", measureRows.actual, y.col, y.text);
      if (y.kind === "finalTarget")
        put("finalTarget", measureRows.target ?? measureRows.actual, y.col, y.text);
    }
    // The year the card is for: the latest year whose 実績値 is filled.
    let latest: { col: number; year: number } | null = null;
    for (const [col, year] of years) {
      if (displayText(view.ownCell(measureRows.actual, col)).trim() === "") continue;
      if (!latest || year > latest.year) latest = { col, year };
    }
    const claim: YearClaim | null = latest
      ? {
          source: "actual-header",
          year: latest.year,
          text: `実績値 ${displayText(view.ownCell(r, latest.col)).trim()}`,
          cell: a1(r, latest.col),
        }
      : null;
    const readings: ColumnReading[] = Object.entries(cells).map(([field, c]) => ({
      cols: [c!.col],
      header: c!.label,
      field: field as FieldKey,
      basis: "label",
      year: null,
    }));
    cards.push({
      block: {
        headerRows: [r],
        columns: {},
        readings,
        // A card has no data rows of its own: its one KPI is read from the cells above.
        firstDataRow: last + 1,
        lastDataRow: last,
        card: { cells, yearRow: r, measureRows },
      },
      claim,
      years,
    });
    floor = last + 1;
    r = last;
  }
  return cards;
}

/**
 * The fiscal year's cells of a card: its 実績値, 期待値, 評価 and 達成率 in the year's column, last
 * year's 実績値 in the column before. False when the card has no column for the year.
 */
export function placeCardYear(card: FoundCard, fy: number): boolean {
  const reading = card.block.card!;
  const col = [...card.years].find(([, y]) => y === fy)?.[0];
  if (col === undefined) return false;
  const prevCol = [...card.years].find(([, y]) => y === fy - 1)?.[0];
  const m = reading.measureRows;
  const add = (field: FieldKey, row: number | undefined, c: number | undefined, label: string) => {
    if (row === undefined || c === undefined || reading.cells[field]) return;
    reading.cells[field] = { row, col: c, label };
    card.block.readings.push({
      cols: [c],
      header: label,
      field,
      basis: "year",
      year: card.years.get(c) ?? null,
    });
  };
  add("actual", m.actual, col, "実績値");
  add("target", m.target, col, "期待値・目標値");
  add("status", m.status, col, "評価");
  add("rate", m.rate, col, "達成率");
  add("previous", m.actual, prevCol, "実績値");
  card.block.readings.sort((a, b) => a.cols[0] - b.cols[0]);
  return true;
}
