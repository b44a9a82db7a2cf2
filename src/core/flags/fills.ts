// Cell fills as an earlier version's flag record keeps them (legacy.ts puts them back), and the
// colours of kensho's marks. The properties are Excel's RangeFill ones (ExcelApi 1.9), so the add-in
// can write a recorded fill back exactly and a file writer can produce one from a workbook's styles
// (docs/flag-record.md).
import type { Severity } from "../model";

/** A cell's own fill. A cell with no fill is recorded as null, never as white. */
export interface Fill {
  /** "#RRGGBB", upper case: the background colour (for a theme colour, the theme's base colour). */
  color: string;
  /** Excel's FillPattern name: "Solid", "Gray25", "LightUp"… Never "None" (that is no fill). */
  pattern: string;
  /** "#RRGGBB" of the pattern's lines; null when unknown (before ExcelApi 1.9) or irrelevant. */
  patternColor: string | null;
  /** -1 (darkest) … 1 (brightest) applied to `color`; 0 for the colour as it is. */
  tintAndShade: number;
  /** The same for `patternColor`. */
  patternTintAndShade: number;
}

/** The colours of kensho's marks: light red, yellow and blue, so text stays readable. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** What a host reports for a cell's fill (Office.js RangeFill / CellProperties), before normalising. */
export interface ReportedFill {
  color: string | null;
  /** null when the host cannot report it (ExcelApi below 1.9). */
  pattern: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

function hex(color: string | null | undefined): string | null {
  if (!color) return null;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `#${m[1].toUpperCase()}` : color.toUpperCase();
}

/**
 * Excel reports "no fill" as white with pattern None. With the pattern (ExcelApi 1.9) white fill and
 * no fill are told apart; without it, white is taken for no fill (the only safe reading: restoring
 * "no fill" on a white cell looks the same).
 */
export function normalizeFill(r: ReportedFill): Fill | null {
  if (r.pattern === "None") return null;
  const color = hex(r.color);
  if (r.pattern === null && (color === null || color === "#FFFFFF")) return null;
  if (color === null) return null;
  return {
    color,
    pattern: r.pattern ?? "Solid",
    patternColor: hex(r.patternColor ?? null),
    tintAndShade: r.tintAndShade ?? 0,
    patternTintAndShade: r.patternTintAndShade ?? 0,
  };
}
