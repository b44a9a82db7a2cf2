// Marks of earlier versions: a cell's own fill painted over in kensho's colour, its original kept in
// the flag record (docs/flag-record.md, "Earlier versions"). They are cleared once: a recorded cell
// gets its recorded fill back only where it still shows kensho's colour (rows may have moved since
// the record was written, and another fill there is not kensho's to replace); cells left as they are
// are reported. After that the record keeps no flags.
import { SEVERITY_COLOR, type Fill } from "./fills";
import type { FlagRecord } from "./record";

const KENSHO_COLORS = new Set(Object.values(SEVERITY_COLOR));

/** A fill as earlier versions painted it: one of the three colours, solid, untinted. */
export function isKenshoFill(fill: Fill | null): boolean {
  return (
    fill !== null &&
    KENSHO_COLORS.has(fill.color.toUpperCase()) &&
    fill.pattern === "Solid" &&
    fill.tintAndShade === 0
  );
}

export interface LegacyPlan {
  /** Cells that still show kensho's colour: their recorded fill goes back. */
  restore: Array<{ sheet: string; cell: string; fill: Fill | null }>;
  /** Recorded cells that no longer show kensho's colour: left alone. */
  left: Array<{ sheet: string; cell: string }>;
}

/**
 * @param current each recorded cell's fill now; undefined when its sheet is gone.
 */
export function planLegacyRestore(
  flags: FlagRecord[],
  current: (sheet: string, cell: string) => Fill | null | undefined,
): LegacyPlan {
  const plan: LegacyPlan = { restore: [], left: [] };
  for (const f of flags) {
    if (!f.painted) continue;
    const now = current(f.sheet, f.cell);
    if (now === undefined) continue;
    if (isKenshoFill(now)) plan.restore.push({ sheet: f.sheet, cell: f.cell, fill: f.fill });
    else plan.left.push({ sheet: f.sheet, cell: f.cell });
  }
  return plan;
}
