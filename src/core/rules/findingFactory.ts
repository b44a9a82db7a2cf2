import type { FieldKey, Finding, FindingCode, FindingParams, VerificationRow } from "../model";
import { FINDING_SEVERITY } from "../model";
import { a1 } from "../address";

/** Builds a finding at a row's field cell; its words are rendered later, at the edges. */
export function finding(
  code: FindingCode,
  row: VerificationRow,
  at: FieldKey,
  params: FindingParams = {},
): Finding {
  const cell = row.cells[at];
  return {
    code,
    severity: FINDING_SEVERITY[code],
    sheet: row.sheet,
    cell: cell?.address ?? a1(row.row - 1, 0),
    row: cell ? cell.row + 1 : row.row,
    kpi: row.name,
    params,
  };
}
