import type { CheckedRow, FieldKey, Finding, FindingCode } from "../model";
import { finding } from "./findingFactory";

/** Findings about a blank cell, which a formula without a result only looks like. */
const BLANK_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "missing-actual",
  "missing-target",
  "missing-status",
  "missing-department",
  "missing-activity-text",
  "missing-delay-reason",
]);

/**
 * A field whose cell holds a formula with no calculated result gets `uncalculated-formula` in place
 * of the findings a blank cell would get: the fix is to recalculate the file, not to type a value.
 */
export function withUncalculatedFormulas(row: CheckedRow, findings: Finding[]): Finding[] {
  // Nearly every row has none: look without building anything.
  let fields: FieldKey[] | null = null;
  for (const f in row.cells)
    if (row.cells[f as FieldKey]?.cell.uncalculated) (fields ??= []).push(f as FieldKey);
  if (!fields) return findings;
  const addresses = new Set(fields.map((f) => row.cells[f]?.address));
  const out = findings.filter((f) => !(BLANK_CODES.has(f.code) && addresses.has(f.cell ?? "")));
  for (const f of fields) out.push(finding("uncalculated-formula", row, f, { field: f }));
  return out;
}
