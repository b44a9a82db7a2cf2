// 提出状況: which 担当課 of the distributed workbook (MASTER) sent a file back, and which file answers
// for each. A file's department is read from its content exactly as `kensho merge` reads it (the
// owner of most of the rows whose entry cells it changed: core/cycle/merge.ts), never from its name.
import type { CheckedRow, FileErrorCode, Finding } from "../model";
import { planMerge } from "../cycle/merge";
import { rowKey, summarise } from "../summary";

/** One checked workbook, as the batch outputs see it. */
export interface CheckedFile {
  file: string;
  ok: boolean;
  error: { code: FileErrorCode } | null;
  rows: readonly CheckedRow[];
  findings: readonly Finding[];
}

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
  /** File -> the department it answers for. */
  coverage: Map<string, string>;
  /** Readable files that answer for no department of MASTER (unchanged, or another workbook). */
  unassigned: string[];
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
  const returned = files.filter((f) => f.ok && f.file !== master.file);
  const plan = planMerge(
    [...master.rows],
    returned.map((f) => ({ file: f.file, rows: [...f.rows] })),
    { prefer: [], from: [] },
  );
  const coverage = new Map<string, string>();
  const unassigned: string[] = [];
  for (const f of returned) {
    const d = plan.departmentOf[f.file] ?? null;
    if (d !== null && rowsOf.has(d)) coverage.set(f.file, d);
    else unassigned.push(f.file);
  }
  const departments = order.map((department): DepartmentSubmission => {
    const mine = returned.filter((f) => coverage.get(f.file) === department);
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
