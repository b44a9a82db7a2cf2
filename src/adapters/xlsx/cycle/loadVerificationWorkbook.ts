// One workbook read for planning's cycle: its bytes (the writer patches them), and its sheets as
// the core sees them (grid, layout, rows). Rows are read with the same engine as a check.
import { readWorkbookBuffer } from "../readWorkbook";
import { SheetView } from "../../../core/sheetView";
import { detectLayout } from "../../../core/layout/detectLayout";
import { extractRows } from "../../../core/rows/extractRows";
import type { RolloverSheet } from "../../../core/cycle/rollover";
import { parseFiscalYear } from "../../../core/cycle/yearLabels";

export interface VerificationWorkbook {
  name: string;
  bytes: Uint8Array;
  /** Verification sheets only, in workbook order. */
  sheets: RolloverSheet[];
  /** The workbook's fiscal year label ("令和5年度") and Gregorian year, when found. */
  fiscalYear: string | null;
  year: number | null;
}

/** Reads a workbook's verification sheets. Throws WorkbookReadError when it cannot be read. */
export async function loadVerificationWorkbook(
  bytes: Uint8Array,
  name: string,
): Promise<VerificationWorkbook> {
  const grids = await readWorkbookBuffer(bytes, name);
  const sheets: RolloverSheet[] = [];
  const years = new Map<string, number>();
  for (const grid of grids) {
    const view = new SheetView(grid);
    const layout = detectLayout(view);
    if (layout.blocks.length === 0) continue;
    sheets.push({ grid, layout, rows: extractRows(view, layout) });
    if (layout.fiscalYear) years.set(layout.fiscalYear, (years.get(layout.fiscalYear) ?? 0) + 1);
  }
  let fiscalYear: string | null = null;
  for (const [fy, n] of years) if (fiscalYear === null || n > years.get(fiscalYear)!) fiscalYear = fy;
  return { name, bytes, sheets, fiscalYear, year: fiscalYear ? parseFiscalYear(fiscalYear) : null };
}
