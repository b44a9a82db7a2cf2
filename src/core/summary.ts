// Counting findings and keying rows: one definition for the CLI, the pane and written files.
import type { Finding, Severity } from "./model";

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts of findings by severity. */
export function summarise(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") c.errors++;
    else if (f.severity === "warning") c.warnings++;
    else c.infos++;
  }
  return c;
}

/** Severity from most to least urgent, for sorting and for the strongest mark on a cell. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A key naming one worksheet row, for grouping findings with their rows. */
export function rowKey(sheet: string | null, row: number | null): string {
  return `${sheet ?? ""}\u0000${row ?? ""}`;
}
