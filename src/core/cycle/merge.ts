// Planning a merge of returned copies into the master (domain.md, `kensho merge`). Pure: rows in,
// a plan out. The plan says which entry cells to write, and every change it will not apply, with
// the reason as a conflict kind. Nothing is decided silently: a row two files disagree about, a
// file writing another department's row, a row the master does not have, a cell planning owns.
import type { FieldKey, VerificationRow } from "../model";
import { ENTRY_FIELDS, LOCKED_VALUE_FIELDS } from "./entryCells";
import { RowMatcher } from "./identity";
import { sameValue, valueOf, type PlannedValue } from "./cellValues";
import { departmentKey, type DepartmentSource } from "./returnedDepartment";

export type ConflictKind = "other-department" | "same-row" | "unknown-kpi" | "locked-cell-changed";

export interface ReturnedCopy {
  /** The file as given on the command line (or picked in the pane). */
  file: string;
  rows: VerificationRow[];
  /**
   * The department the file answers for, decided before planning from its split marker or its
   * name (returnedDepartment.ts), in the master's spelling; null when neither tells. Never guessed
   * from the rows it changed.
   */
  department: string | null;
  /** Where the department came from; null when unknown. */
  departmentSource?: DepartmentSource | null;
}

/**
 * A file whose split marker names its department, yet whose changes are on other departments'
 * rows (those changes are other-department conflicts): perhaps the wrong copy was filled in.
 */
export interface MarkerDisagreement {
  file: string;
  department: string;
  /** The departments whose rows it changed, in order met. */
  changed: string[];
  /** Whether it changed any row of its own department. */
  ownChanged: boolean;
}

export interface MergeOptions {
  /** Files whose changes win a same-row disagreement, first listed first. */
  prefer: string[];
  /** Files allowed to change a department's rows that are not their own. */
  from: Array<{ department: string; file: string }>;
}

/** One cell a file changed: where it is in the master and in the file, and the value. */
export interface CellChange {
  field: FieldKey;
  /** Master cell, 0-based, and its A1 address. */
  row: number;
  col: number;
  address: string;
  /** The cell in the returned file. */
  sourceAddress: string;
  sourceSheet: string;
  value: PlannedValue;
}

export interface AppliedRow {
  file: string;
  department: string | null;
  kpi: string;
  sheet: string;
  /** Master A1 addresses written. */
  cells: string[];
  changes: CellChange[];
}

export interface SourceCells {
  file: string;
  sheet: string;
  cells: string[];
}

export interface MergeConflict {
  kind: ConflictKind;
  kpi: string;
  department: string | null;
  files: string[];
  /** Master cells concerned (for unknown-kpi, none). */
  sheet: string | null;
  cells: string[];
  /** Where each file holds the change. */
  sources: SourceCells[];
}

export interface MergePlan {
  applied: AppliedRow[];
  conflicts: MergeConflict[];
  unchanged: string[];
  missing: string[];
  /** Each file's department as given (marker or name); null when unknown. */
  departmentOf: Record<string, string | null>;
  /** Marked files that changed other departments' rows. */
  disagreements: MarkerDisagreement[];
}

interface RowChanges {
  file: string;
  master: VerificationRow;
  returned: VerificationRow;
  entry: CellChange[];
  locked: CellChange[];
}

function diff(master: VerificationRow, returned: VerificationRow, fields: readonly FieldKey[]): CellChange[] {
  const out: CellChange[] = [];
  for (const field of fields) {
    const m = master.cells[field];
    const r = returned.cells[field];
    if (!m || !r) continue;
    if (sameValue(m.cell, r.cell)) continue;
    out.push({
      field,
      row: m.row,
      col: m.col,
      address: m.address,
      sourceAddress: r.address,
      sourceSheet: returned.sheet,
      value: valueOf(r.cell),
    });
  }
  return out;
}

const rowKey = (r: VerificationRow) => `${r.sheet}\u0000${r.row}`;

function hasEntryContent(row: VerificationRow): boolean {
  return ENTRY_FIELDS.some((f) => {
    const v = row.cells[f]?.cell.value;
    return v !== null && v !== undefined && String(v).trim() !== "";
  });
}

/** Plans the merge of returned copies into the master rows. */
export function planMerge(
  masterRows: VerificationRow[],
  copies: ReturnedCopy[],
  opts: MergeOptions,
): MergePlan {
  const matcher = new RowMatcher(masterRows);
  const conflicts: MergeConflict[] = [];
  const changesByFile = new Map<string, RowChanges[]>();
  const touched = new Set<string>();

  for (const copy of copies) {
    const list: RowChanges[] = [];
    const seen = new Set<VerificationRow>();
    for (const row of copy.rows) {
      const master = matcher.match(row);
      if (!master || seen.has(master)) {
        if (row.name !== "" || hasEntryContent(row)) {
          conflicts.push({
            kind: "unknown-kpi",
            kpi: row.name,
            department: row.department,
            files: [copy.file],
            sheet: null,
            cells: [],
            sources: [{ file: copy.file, sheet: row.sheet, cells: [row.cells.kpi?.address ?? `${row.row}`] }],
          });
          touched.add(copy.file);
        }
        continue;
      }
      seen.add(master);
      const entry = diff(master, row, ENTRY_FIELDS);
      const locked = diff(master, row, LOCKED_VALUE_FIELDS);
      if (entry.length || locked.length) list.push({ file: copy.file, master, returned: row, entry, locked });
    }
    changesByFile.set(copy.file, list);
  }

  const departmentOf: Record<string, string | null> = {};
  for (const copy of copies) departmentOf[copy.file] = copy.department;
  const same = (a: string | null, b: string | null) =>
    a !== null && b !== null && departmentKey(a) === departmentKey(b);

  const allowed = (file: string, department: string | null): boolean =>
    same(department, departmentOf[file]) ||
    opts.from.some((f) => f.file === file && same(f.department, department));

  // Claims on master rows by files allowed to make them.
  const claims = new Map<string, RowChanges[]>();
  for (const copy of copies) {
    for (const c of changesByFile.get(copy.file) ?? []) {
      touched.add(copy.file);
      if (c.locked.length) {
        conflicts.push({
          kind: "locked-cell-changed",
          kpi: c.master.name,
          department: c.master.department,
          files: [c.file],
          sheet: c.master.sheet,
          cells: c.locked.map((l) => l.address),
          sources: [{ file: c.file, sheet: c.returned.sheet, cells: c.locked.map((l) => l.sourceAddress) }],
        });
      }
      if (!c.entry.length) continue;
      if (!allowed(c.file, c.master.department)) {
        conflicts.push({
          kind: "other-department",
          kpi: c.master.name,
          department: c.master.department,
          files: [c.file],
          sheet: c.master.sheet,
          cells: c.entry.map((e) => e.address),
          sources: [{ file: c.file, sheet: c.returned.sheet, cells: c.entry.map((e) => e.sourceAddress) }],
        });
        continue;
      }
      const k = rowKey(c.master);
      const list = claims.get(k) ?? [];
      list.push(c);
      claims.set(k, list);
    }
  }

  const applied: AppliedRow[] = [];
  const apply = (c: RowChanges, changes: CellChange[]) => {
    if (!changes.length) return;
    applied.push({
      file: c.file,
      department: c.master.department,
      kpi: c.master.name,
      sheet: c.master.sheet,
      cells: changes.map((x) => x.address),
      changes,
    });
  };
  for (const list of claims.values()) {
    if (list.length === 1) {
      apply(list[0], list[0].entry);
      continue;
    }
    // Cells two files set to different values.
    const byCell = new Map<string, CellChange[]>();
    for (const c of list)
      for (const e of c.entry) byCell.set(e.address, [...(byCell.get(e.address) ?? []), e]);
    const disputed = [...byCell.entries()]
      .filter(
        ([, xs]) => xs.length > 1 && xs.some((x) => JSON.stringify(x.value) !== JSON.stringify(xs[0].value)),
      )
      .map(([a]) => a);
    if (disputed.length === 0) {
      const done = new Set<string>();
      for (const c of list) {
        apply(
          c,
          c.entry.filter((e) => !done.has(e.address)),
        );
        for (const e of c.entry) done.add(e.address);
      }
      continue;
    }
    const preferred = opts.prefer.map((p) => list.find((c) => c.file === p)).find((c) => c !== undefined);
    if (preferred) {
      apply(preferred, preferred.entry);
      continue;
    }
    const master = list[0].master;
    conflicts.push({
      kind: "same-row",
      kpi: master.name,
      department: master.department,
      files: list.map((c) => c.file),
      sheet: master.sheet,
      cells: disputed,
      sources: list.map((c) => ({
        file: c.file,
        sheet: c.returned.sheet,
        cells: c.entry.filter((e) => disputed.includes(e.address)).map((e) => e.sourceAddress),
      })),
    });
  }

  const departments = new Set(masterRows.map((r) => r.department).filter((d): d is string => d !== null));
  // A department is covered by any file that answers for it, changed or returned as it went out.
  const covered = new Set<string>(
    [...Object.values(departmentOf), ...opts.from.map((f) => f.department)]
      .filter((d): d is string => d !== null)
      .map(departmentKey),
  );
  const disagreements: MarkerDisagreement[] = [];
  for (const copy of copies) {
    if (copy.departmentSource !== "marker" || copy.department === null) continue;
    const changed: string[] = [];
    let ownChanged = false;
    for (const c of changesByFile.get(copy.file) ?? []) {
      if (!c.entry.length) continue;
      if (same(c.master.department, copy.department)) ownChanged = true;
      else if (!changed.includes(c.master.department ?? "")) changed.push(c.master.department ?? "");
    }
    if (changed.length > 0)
      disagreements.push({ file: copy.file, department: copy.department, changed, ownChanged });
  }
  return {
    applied,
    conflicts,
    unchanged: copies.filter((c) => !touched.has(c.file)).map((c) => c.file),
    missing: [...departments].filter((d) => !covered.has(departmentKey(d))),
    departmentOf,
    disagreements,
  };
}
