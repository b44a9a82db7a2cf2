// 提出状況: which 担当課 of the distributed workbook (MASTER) sent a file back, and which file answers
// for each. A file's department is decided exactly as `kensho merge` decides it: from the split
// marker it carries, else from its name (<master>_<担当課>.xlsx), else it is unknown
// (core/cycle/returnedDepartment.ts); never from the rows it changed. A file returned with nothing
// entered is 未記入で返送, not 未提出.
import type { CheckedRow, FileErrorCode, Finding } from "../model";
import { planMerge } from "../cycle/merge";
import { identifyCopy, masterIdentity } from "../cycle/returnedDepartment";
import type { SplitMarker } from "../cycle/splitMarker";
import { rowKey, summarise } from "../summary";

/** One checked workbook, as the batch outputs see it. */
export interface CheckedFile {
  file: string;
  ok: boolean;
  error: { code: FileErrorCode } | null;
  rows: readonly CheckedRow[];
  findings: readonly Finding[];
  /** The workbook's fiscal year ("令和5年度"), when known. */
  fiscalYear?: string | null;
  /** What `kensho split` recorded in the file, when it is a department's copy. */
  marker?: SplitMarker | null;
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
  /** Sent back with no entry cell changed: 未記入で返送. */
  returnedUnchanged: boolean;
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
  const identity = masterIdentity(master.file, master.fiscalYear ?? null, master.rows);
  const coverage = new Map<string, string>();
  const unassigned: string[] = [];
  const returned: CheckedFile[] = [];
  for (const f of files) {
    if (!f.ok || f.file === master.file) continue;
    const id = identifyCopy(f.file, f.marker ?? null, identity);
    if (id.ok && id.department !== null && rowsOf.has(id.department)) {
      coverage.set(f.file, id.department);
      returned.push(f);
    } else unassigned.push(f.file);
  }
  const plan = planMerge(
    [...master.rows],
    returned.map((f) => ({ file: f.file, rows: [...f.rows], department: coverage.get(f.file) ?? null })),
    { prefer: [], from: [] },
  );
  const unchanged = new Set(plan.unchanged);
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
      returnedUnchanged: mine.length > 0 && mine.every((f) => unchanged.has(f.file)),
    };
  });
  return { departments, coverage, unassigned };
}
