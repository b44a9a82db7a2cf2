// The lists of the summary (進捗一覧, 指摘一覧, 提出状況): Excel tables with filters, and shared cell styles.
import * as ExcelJS from "exceljs";
import { STYLE } from "./layout";

/** An Excel table with filter buttons on every column. */
export function addListTable(
  ws: ExcelJS.Worksheet,
  name: string,
  top: number,
  columns: string[],
  rows: Array<Array<string | number | null>>,
): void {
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((c) => ({ name: c, filterButton: true })),
    // A table needs a data row; an empty list gets one blank row.
    rows: rows.length > 0 ? rows : [columns.map(() => null)],
  });
  const header = ws.getRow(top);
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.height = 30;
}

export const severityFill = { error: STYLE.errorFill, warning: STYLE.warningFill } as const;
export const stateFill = {
  ready: STYLE.okFill,
  fix: STYLE.errorFill,
  missing: STYLE.missingFill,
  unchanged: STYLE.warningFill,
} as const;

/**
 * The styles of a list's data cells, one object per column and variant. Cells share these objects:
 * ExcelJS recognises a style object it has seen and skips serialising it again, which is what keeps
 * a summary of thousands of rows fast. The objects are never changed once made.
 */
export class ListStyles {
  private readonly columns: Partial<ExcelJS.Style>[] = [];
  private readonly variants = new Map<string, Partial<ExcelJS.Style>>();

  constructor(count: number, wrap: number[], numFmts: Record<number, string>) {
    for (let c = 1; c <= count; c++) {
      const style: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: wrap.includes(c) } };
      if (numFmts[c]) style.numFmt = numFmts[c];
      this.columns[c] = style;
    }
  }

  base(c: number): Partial<ExcelJS.Style> {
    return this.columns[c];
  }

  variant(c: number, name: string, extra: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const key = `${c}\u0000${name}`;
    let style = this.variants.get(key);
    if (!style) this.variants.set(key, (style = { ...this.columns[c], ...extra }));
    return style;
  }
}

/** Gives every data cell of a list its (shared) style. */
export function styleRows(
  ws: ExcelJS.Worksheet,
  first: number,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  styleOf: (values: ReadonlyArray<unknown>, column: number, index: number) => Partial<ExcelJS.Style>,
): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(first + i);
    for (let c = 1; c <= values.length; c++) row.getCell(c).style = styleOf(values, c, i);
  });
}

/** Columns a text takes in a cell: full-width characters two, others one (Excel's column width unit). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/**
 * Row heights for wrapped text. Excel and LibreOffice keep a row at its default height on opening
 * unless it is given one, so a long 理由 would print cut off: each row is made tall enough for its
 * longest wrapped cell (about 15 points a line at 11 points, with a margin for the cell's padding).
 */
export function fitRowHeights(
  ws: ExcelJS.Worksheet,
  first: number,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  widths: readonly number[],
  wrap: readonly number[],
): void {
  rows.forEach((values, i) => {
    let lines = 1;
    for (const c of wrap) {
      const text = values[c - 1];
      if (typeof text !== "string" || text === "") continue;
      const perLine = Math.max(1, (widths[c - 1] ?? 10) - 2);
      const n = text
        .split("\n")
        .reduce((sum, para) => sum + Math.max(1, Math.ceil(textWidth(para) / perLine)), 0);
      lines = Math.max(lines, n);
    }
    if (lines > 1) ws.getRow(first + i).height = Math.min(409, lines * 15 + 4);
  });
}
