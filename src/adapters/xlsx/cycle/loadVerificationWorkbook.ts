// One workbook read for planning's cycle: its bytes (the writer patches them), and its sheets as
// the core sees them (grid, layout, rows). Rows are read with the same engine as a check.
import { readWorkbookBuffer } from "../readWorkbook";
import type { RolloverSheet } from "../../../core/cycle/rolloverTypes";
import { verificationSheets } from "../../../core/cycle/verificationSheets";
import { readSplitMarker, type SplitMarker } from "../../../core/cycle/splitMarker";
import type { LayoutProfile } from "../../../core/model";

export interface VerificationWorkbook {
  name: string;
  bytes: Uint8Array;
  /** Verification sheets only, in workbook order. */
  sheets: RolloverSheet[];
  /** The workbook's fiscal year label ("令和5年度") and Gregorian year, when found. */
  fiscalYear: string | null;
  year: number | null;
  /** What `kensho split` recorded in the file (a department's copy), or null. */
  marker: SplitMarker | null;
}

/** Reads a workbook's verification sheets. Throws WorkbookReadError when it cannot be read. */
export async function loadVerificationWorkbook(
  bytes: Uint8Array,
  name: string,
  profile: LayoutProfile | null = null,
): Promise<VerificationWorkbook> {
  let marker: SplitMarker | null = null;
  const grids = await readWorkbookBuffer(bytes, name, {
    onCustomProperties: (props) => (marker = readSplitMarker(props)),
  });
  return { name, bytes, ...verificationSheets(grids, profile), marker };
}
