// 提出状況: which 担当課 of the distributed workbook (MASTER) sent a file back, and which rows each
// returned file answers for. A file's departments are read from its content, never from its name:
// a file holding one department's rows is that department's; a copy of the whole workbook answers
// for the departments whose entry cells it changed.
import type { CheckedRow, FieldKey, FileErrorCode, Finding } from "../model";
import { displayText } from "../text";
import { rowKey, summarise } from "../summary";
import { rowIdentity } from "./rowIdentity";

/** One checked workbook, as the batch outputs see it. */
export interface CheckedFile {
  file: string;
  ok: boolean;
  error: { code: FileErrorCode } | null;
  rows: readonly CheckedRow[];
  findings: readonly Finding[];
}

/** The cells a department fills in (domain.md, "Entry cells"). */
export const ENTRY_FIELDS: readonly FieldKey[] = ["activity", "actual", "status", "reason"];

export interface DepartmentSubmission {
  department: string;
  /** The department's rows in the distributed workbook. */
  rows: number;
  /** The files that answer for the department (none when it sent nothing back). */
  files: string[];
  /** Findings on the department's rows in those files. */
  errors: number;
  warnings: number;
  infos: number;
  /** Sent back with no error left. */
  ready: boolean;
}

export interface Submissions {
  departments: DepartmentSubmission[];
  /** File -> the departments it answers for. */
  coverage: Map<string, string[]>;
  /** Readable files that answer for no department of MASTER (unchanged, or foreign). */
  unassigned: string[];
}

const entryText = (row: CheckedRow, f: FieldKey) => displayText(row.cells[f]?.cell).trim();

function changedFrom(row: CheckedRow, original: CheckedRow | undefined): boolean {
  if (!original) return false;
  return ENTRY_FIELDS.some((f) => entryText(row, f) !== entryText(original, f));
}

/** The departments a returned file answers for. */
function departmentsOf(file: CheckedFile, masterById: Map<string, CheckedRow>, known: Set<string>): string[] {
  const own = new Set(
    file.rows.map((r) => r.department).filter((d): d is string => d !== null && known.has(d)),
  );
  if (own.size === 1) return [...own];
  const changed = new Set<string>();
  for (const row of file.rows) {
    if (
      row.department !== null &&
      known.has(row.department) &&
      changedFrom(row, masterById.get(rowIdentity(row)))
    )
      changed.add(row.department);
  }
  return [...own].filter((d) => changed.has(d));
}

/** Every department of MASTER with its files, its findings and whether it is ready. */
export function assignSubmissions(master: CheckedFile, files: readonly CheckedFile[]): Submissions {
  const order: string[] = [];
  const rowsOf = new Map<string, number>();
  for (const r of master.rows) {
    if (r.department === null) continue;
    if (!rowsOf.has(r.department)) order.push(r.department);
    rowsOf.set(r.department, (rowsOf.get(r.department) ?? 0) + 1);
  }
  const known = new Set(order);
  const masterById = new Map(master.rows.map((r) => [rowIdentity(r), r]));
  const coverage = new Map<string, string[]>();
  const unassigned: string[] = [];
  for (const f of files) {
    if (!f.ok || f.file === master.file) continue;
    const depts = departmentsOf(f, masterById, known);
    if (depts.length === 0) unassigned.push(f.file);
    else coverage.set(f.file, depts);
  }
  const departments = order.map((department): DepartmentSubmission => {
    const mine = files.filter((f) => coverage.get(f.file)?.includes(department));
    const findings = mine.flatMap((f) => {
      const keys = new Set(
        f.rows.filter((r) => r.department === department).map((r) => rowKey(r.sheet, r.row)),
      );
      return f.findings.filter((x) => keys.has(rowKey(x.sheet, x.row)));
    });
    const c = summarise(findings);
    return {
      department,
      rows: rowsOf.get(department) ?? 0,
      files: mine.map((f) => f.file),
      errors: c.errors,
      warnings: c.warnings,
      infos: c.infos,
      ready: mine.length > 0 && c.errors === 0,
    };
  });
  return { departments, coverage, unassigned };
}
