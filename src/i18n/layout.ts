// How kensho read a workbook's layout, in words: how each column's field was decided, the fiscal
// year and its sources, and the explanation `kensho --explain-layout` prints.
import type { ColumnBasis, ColumnReading, SheetLayout, YearClaim } from "../core/model";
import { columnName } from "../core/layout/assignColumns";
import { fiscalYearLabel } from "../core/layout/yearForms";
import { YEAR_SOURCE_LABELS, fieldInWords, renderConflict } from "./findings";

export const COLUMN_BASIS_LABELS: Record<ColumnBasis, string> = {
  label: "見出しの項目名",
  year: "見出しの年度",
  relative: "見出しの「前年度」「今年度」",
  unqualified: "年度のない唯一の列",
  position: "列の位置（見出しに項目名がないため）",
  joined: "左の列と一体（見出しが空欄）",
  "other-year": "別の年度のため読み取らない",
  ignored: "読み取らない",
};

export const LAYOUT_TEXT = {
  sheet: (name: string) => `■ シート「${name}」`,
  fiscalYear: (fy: string, claim: string) => `年度: ${fy}（${claim}）`,
  fiscalYearUnknown:
    "年度: 不明（タイトル・見出し・シート名のどこにも年度がありません。--year で指定できます）",
  otherClaim: (claim: string, fy: string, agrees: boolean) =>
    `ほかの記載: ${claim} → ${fy}${agrees ? "" : "（不一致）"}`,
  headerRows: (heading: string, rows: number[], firstDataRow: number) =>
    `${heading}: ${rows.length === 1 ? `${rows[0]}行目` : `${rows[0]}～${rows[rows.length - 1]}行目`}` +
    `（データは${firstDataRow}行目から）`,
  header: "見出し",
  numberedHeader: (n: number) => `見出し${n}`,
  sameAsBefore: "（列の読み取りは前の見出しと同じ）",
  blankHeader: "（空欄）",
  notRead: "－",
  column: (column: string, field: string, header: string, basis: string) =>
    `${column.padEnd(5)} ${field}　←　${header}（${basis}）`,
  /** The pane's line for a column, after its letter: 令和5年度の実績値 ← 「令和5年度 実績値」 */
  fieldFrom: (field: string, header: string) => `${field}　←　${header}`,
  basis: (basis: string) => `（${basis}）`,
  byProfile: "・市の設定",
  scale: (words: string) => `評価区分: ${words}`,
};

/** 「実績値の見出し「令和5年度 実績値」（I4）」 */
export function claimInWords(c: YearClaim): string {
  return `${YEAR_SOURCE_LABELS[c.source]}「${c.text.replace(/\s+/g, " ").trim()}」${c.cell ? `（${c.cell}）` : ""}`;
}

/** A column's reading in words: where, as what, from which header, decided how. */
export function readingInWords(r: ColumnReading, fiscalYear: string | null) {
  return {
    column: columnName(r.cols),
    field: r.field ? fieldInWords(r.field, fiscalYear) : LAYOUT_TEXT.notRead,
    header: r.header === "" ? LAYOUT_TEXT.blankHeader : `「${r.header}」`,
    basis: COLUMN_BASIS_LABELS[r.basis] + (r.fromProfile ? LAYOUT_TEXT.byProfile : ""),
  };
}

/** A city scale's levels in words, for a sheet read on one ("◎・○・△・×"). */
export const SCALE_NAMES: Record<string, string> = {
  maru: "◎・○・△・×",
  abcd: "A・B・C・D",
  sabc: "S・A・B・C・−",
  abplus: "A・B+・B・C",
  custom: "市の設定の評価区分",
};

/** The claim the sheet's year was taken from, and the others. */
export function yearClaimsOf(layout: SheetLayout): { used: YearClaim | null; others: YearClaim[] } {
  const used =
    layout.yearClaims.find(
      (c) => c.source === layout.fiscalYearSource && fiscalYearLabel(c.year) === layout.fiscalYear,
    ) ?? null;
  return { used, others: layout.yearClaims.filter((c) => c !== used) };
}

/** Whether a repeated header reads its columns as the one before it did (then it is shown once). */
export const sameReadings = (a: ColumnReading[], b: ColumnReading[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** One sheet's layout as text: header rows, each column's field and the header that decided it, the year. */
export function explainSheet(layout: SheetLayout, indent = "  "): string {
  const lines = [indent + LAYOUT_TEXT.sheet(layout.sheet)];
  const inner = `${indent}  `;
  const { used, others } = yearClaimsOf(layout);
  lines.push(
    inner +
      (layout.fiscalYear && used
        ? LAYOUT_TEXT.fiscalYear(layout.fiscalYear, claimInWords(used))
        : LAYOUT_TEXT.fiscalYearUnknown),
  );
  for (const c of others) {
    const fy = fiscalYearLabel(c.year);
    lines.push(`${inner}  ${LAYOUT_TEXT.otherClaim(claimInWords(c), fy, fy === layout.fiscalYear)}`);
  }
  if (layout.scale) lines.push(inner + LAYOUT_TEXT.scale(SCALE_NAMES[layout.scale] ?? layout.scale));
  for (const [i, block] of layout.blocks.entries()) {
    const heading = layout.blocks.length > 1 ? LAYOUT_TEXT.numberedHeader(i + 1) : LAYOUT_TEXT.header;
    const rows = block.headerRows.map((r) => r + 1);
    lines.push(inner + LAYOUT_TEXT.headerRows(heading, rows, block.firstDataRow + 1));
    if (i > 0 && sameReadings(block.readings, layout.blocks[i - 1].readings)) {
      lines.push(`${inner}  ${LAYOUT_TEXT.sameAsBefore}`);
      continue;
    }
    for (const r of block.readings) {
      const w = readingInWords(r, layout.fiscalYear);
      lines.push(`${inner}  ${LAYOUT_TEXT.column(w.column, w.field, w.header, w.basis)}`);
    }
  }
  if (layout.conflict) lines.push(`${inner}× ${renderConflict(layout.sheet, layout.conflict)}`);
  return lines.join("\n");
}
