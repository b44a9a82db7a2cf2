// How kensho read a workbook's layout, in words: the fiscal year's sources, how each column's field
// was decided, and the explanation `kensho --explain-layout` prints (the pane shows the same).
import type { ColumnBasis, ColumnReading, SheetLayout } from "../core/model";
import { columnName } from "../core/layout/assignColumns";
import { fiscalYearLabel } from "../core/layout/yearForms";
import { FIELD_LABELS, YEAR_SOURCE_LABELS, renderConflict } from "./findings";

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

const SAID_NOTHING = "（空欄）";

function readingLine(r: ColumnReading): string {
  const field = r.field ? FIELD_LABELS[r.field] : "－";
  const header = r.header === "" ? SAID_NOTHING : `「${r.header}」`;
  return `    ${columnName(r.cols).padEnd(5)} ${field}　←　${header}（${COLUMN_BASIS_LABELS[r.basis]}）`;
}

/** One sheet's layout: header rows, each column's field and the header that decided it, the year. */
export function explainSheet(layout: SheetLayout): string {
  const lines = [`  ■ シート「${layout.sheet}」`];
  const source = layout.fiscalYearSource;
  const claim = layout.yearClaims.find((c) => c.source === source);
  lines.push(
    layout.fiscalYear && claim
      ? `    年度: ${layout.fiscalYear}（${YEAR_SOURCE_LABELS[claim.source]}「${claim.text}」${claim.cell ? ` ${claim.cell}` : ""}）`
      : "    年度: 不明（タイトル・見出し・シート名のどこにも年度がありません。--year で指定できます）",
  );
  const others = layout.yearClaims.filter((c) => c !== claim);
  for (const c of others) {
    lines.push(
      `      ほかの記載: ${YEAR_SOURCE_LABELS[c.source]}「${c.text}」${c.cell ? ` ${c.cell}` : ""} → ${fiscalYearLabel(c.year)}`,
    );
  }
  for (const [i, block] of layout.blocks.entries()) {
    const rows = block.headerRows.map((r) => r + 1);
    const range = rows.length === 1 ? `${rows[0]}行目` : `${rows[0]}～${rows[rows.length - 1]}行目`;
    const heading = layout.blocks.length > 1 ? `見出し${i + 1}` : "見出し";
    lines.push(`    ${heading}: ${range}（データ ${block.firstDataRow + 1}行目から）`);
    if (i > 0 && sameReadings(block.readings, layout.blocks[i - 1].readings)) {
      lines.push("      （列の読み取りは前の見出しと同じ）");
      continue;
    }
    for (const r of block.readings) lines.push(readingLine(r));
  }
  if (layout.conflict) lines.push(`    × ${renderConflict(layout.sheet, layout.conflict)}`);
  return lines.join("\n");
}

function sameReadings(a: ColumnReading[], b: ColumnReading[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
