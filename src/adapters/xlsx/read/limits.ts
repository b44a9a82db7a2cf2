// The reader's limits. Each is a stated, per-file error when passed, never a crash; together they
// keep one workbook's read under a few hundred megabytes whatever the file holds.
import { DEFAULT_MAX_PART_BYTES } from "../package";
import { DEFAULT_MAX_STRING_CHARS } from "../package";

export interface ReadLimits {
  /** Cells with content on one sheet (formatted empty cells do not count). */
  maxCellsPerSheet: number;
  /** Cells with content in the whole workbook. */
  maxTotalCells: number;
  /** Characters in one shared or inline string. */
  maxStringChars: number;
  /** Uncompressed bytes of one part of the package (a zip bomb stops here). */
  maxPartBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  // A verification sheet has a few hundred rows of 13–15 columns; 200,000 rows is 3 million cells.
  maxCellsPerSheet: 3_000_000,
  maxTotalCells: 4_000_000,
  maxStringChars: DEFAULT_MAX_STRING_CHARS,
  maxPartBytes: DEFAULT_MAX_PART_BYTES,
});
