// A workbook's verification sheets as planning's cycle sees them (grid, layout, rows) and the
// fiscal year most of them state. Shared by the CLI (grids from the xlsx reader) and the pane
// (grids read through Office.js), so both merge from the same reading.
import type { LayoutProfile, SheetGrid } from "../model";
import { SheetView } from "../sheetView";
import { detectLayout } from "../layout/detectLayout";
import { extractRows } from "../rows/extractRows";
import type { RolloverSheet } from "./rolloverTypes";
import { parseFiscalYear } from "./yearLabels";

export interface VerificationSheets {
  /** Verification sheets only, in workbook order. */
  sheets: RolloverSheet[];
  /** The fiscal year label most sheets state ("令和5年度"), and its Gregorian year; null when none. */
  fiscalYear: string | null;
  year: number | null;
}

export function verificationSheets(
  grids: readonly SheetGrid[],
  profile: LayoutProfile | null = null,
): VerificationSheets {
  const sheets: RolloverSheet[] = [];
  const years = new Map<string, number>();
  for (const grid of grids) {
    const view = new SheetView(grid);
    const layout = detectLayout(view, { profile });
    if (layout.blocks.length === 0) continue;
    sheets.push({ grid, layout, rows: extractRows(view, layout) });
    if (layout.fiscalYear) years.set(layout.fiscalYear, (years.get(layout.fiscalYear) ?? 0) + 1);
  }
  let fiscalYear: string | null = null;
  for (const [fy, n] of years) if (fiscalYear === null || n > years.get(fiscalYear)!) fiscalYear = fy;
  return { sheets, fiscalYear, year: fiscalYear ? parseFiscalYear(fiscalYear) : null };
}
