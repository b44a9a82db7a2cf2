import type { FieldKey, Finding, FindingCode, VerificationRow } from "../model";
import { a1 } from "../address";
import { FINDINGS, type FindingParams } from "../../i18n/findings";

/** Builds a finding at a row's field cell, with severity and message from the catalogue. */
export function finding(
  code: FindingCode,
  row: VerificationRow,
  at: FieldKey,
  params: Omit<FindingParams, "kpi"> = {},
): Finding {
  const entry = FINDINGS[code];
  const cell = row.cells[at];
  return {
    code,
    severity: entry.severity,
    sheet: row.sheet,
    cell: cell?.address ?? a1(row.row - 1, 0),
    row: cell ? cell.row + 1 : row.row,
    kpi: row.name,
    message: entry.message({ kpi: row.name, ...params }),
  };
}
