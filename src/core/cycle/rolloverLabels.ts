// Year labels advance in the title, notes and headers of next year's sheet; never in the 基準値 or
// 最終目標値 headers, whose years do not move, and never in data rows.
import { a1 } from "../address";
import type { SheetView } from "../sheetView";
import type { RolloverSheet } from "./rolloverTypes";
import type { RolloverDraft } from "./rolloverDraft";
import { advanceYears } from "./yearLabels";

/** Whether a header cell labels only 基準値 and/or 最終目標値 columns. */
function labelsFixedYears(view: SheetView, { layout }: RolloverSheet, row: number, col: number): boolean {
  const block = layout.blocks.find((b) => b.headerRows.includes(row));
  const merge = view.mergeAt(row, col);
  const fields = Object.entries(block?.columns ?? {})
    .filter(([, cols]) => cols?.includes(col) || (merge && cols?.some((c) => c >= col && c <= merge.right)))
    .map(([f]) => f);
  return fields.length > 0 && fields.every((f) => f === "baseline" || f === "finalTarget");
}

/** Plans the advanced text of every year label outside the data rows (`years` move by `step`). */
export function advanceSheetLabels(
  draft: RolloverDraft,
  view: SheetView,
  sheet: RolloverSheet,
  years: ReadonlySet<number>,
  step: number,
): void {
  const name = sheet.layout.sheet;
  const dataRows = new Set(sheet.rows.map((r) => r.row - 1));
  const headerRows = new Set(sheet.layout.blocks.flatMap((b) => b.headerRows));
  for (const cell of sheet.grid.cells) {
    if (dataRows.has(cell.row) || typeof cell.value !== "string") continue;
    if (headerRows.has(cell.row) && labelsFixedYears(view, sheet, cell.row, cell.col)) continue;
    const next = advanceYears(cell.value, years, step);
    if (next === cell.value) continue;
    draft.set(name, cell.row, cell.col, { kind: "text", value: next });
    draft.note({
      sheet: name,
      row0: cell.row,
      cell: a1(cell.row, cell.col),
      kpi: null,
      code: "year-label",
      params: { before: cell.value, after: next },
    });
  }
}
