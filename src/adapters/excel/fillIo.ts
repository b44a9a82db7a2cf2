// Reading and writing a cell's whole fill through Office.js (RangeFill): only for an earlier
// version's marks, which painted fills (legacyMarks.ts). kensho's marks never touch a fill.
/* global Excel */
import { normalizeFill, type Fill } from "../../core/flags";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

/** pattern, patternColor and both tints are ExcelApi 1.9; before it only the colour is known. */
export function fullFills(support: HostSupport): boolean {
  return apiAtLeast(support.excelApi, "1.9");
}

export function rangeFillProps(support: HostSupport): string {
  return fullFills(support) ? "color,pattern,patternColor,tintAndShade,patternTintAndShade" : "color";
}

/** A loaded RangeFill (or a CellProperties fill) as the record keeps it. */
export function fillOf(
  f:
    | {
        color?: string | null;
        pattern?: string | null;
        patternColor?: string | null;
        tintAndShade?: number | null;
        patternTintAndShade?: number | null;
      }
    | null
    | undefined,
  full: boolean,
): Fill | null {
  if (!f) return null;
  return normalizeFill({
    color: f.color ?? null,
    pattern: full ? (f.pattern ?? null) : null,
    patternColor: full ? (f.patternColor ?? null) : null,
    tintAndShade: full ? (f.tintAndShade ?? 0) : 0,
    patternTintAndShade: full ? (f.patternTintAndShade ?? 0) : 0,
  });
}

/**
 * Writes a fill. The colour goes first: a colour write gives a plain solid fill, so pattern, pattern
 * colour and tints follow it (the fake takes that harsher reading; the docs are silent on order).
 */
export function writeFill(target: Excel.RangeFill, fill: Fill | null, full: boolean): void {
  if (fill === null) {
    target.clear();
    return;
  }
  target.color = fill.color;
  if (!full) return;
  target.pattern = fill.pattern as Excel.FillPattern;
  if (fill.patternColor) target.patternColor = fill.patternColor;
  target.tintAndShade = fill.tintAndShade;
  target.patternTintAndShade = fill.patternTintAndShade;
}
