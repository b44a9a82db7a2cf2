// Whose a returned file is, and whether it is a copy of this master at all. A file's department
// comes from what `kensho split` recorded in it (the split marker), else from its name as split
// names copies (`<master>_<担当課>.xlsx`), else it is unknown. It is never guessed from the rows a
// file changed: a file that changed another department's rows would otherwise be taken for that
// department's submission (issue 21).
import type { VerificationRow } from "../model";
import { departmentName } from "../departments";
import { kpiListDigest, type SplitMarker } from "./splitMarker";

/** What a returned file is compared with: the master's name, year, KPI list and departments. */
export interface MasterIdentity {
  /** The master's file name (base name); null where it is not known (the pane's open workbook). */
  file: string | null;
  /** "令和5年度", or "" when the master states none. */
  fiscalYear: string;
  kpiDigest: string;
  /** The master's departments as it writes them, in order met. */
  departments: string[];
}

export function masterIdentity(
  file: string | null,
  fiscalYear: string | null,
  rows: readonly VerificationRow[],
): MasterIdentity {
  const departments: string[] = [];
  for (const r of rows)
    if (r.department !== null && !departments.includes(r.department)) departments.push(r.department);
  return {
    file: file === null ? null : baseName(file),
    fiscalYear: fiscalYear ?? "",
    kpiDigest: kpiListDigest(rows),
    departments,
  };
}

export type DepartmentSource = "marker" | "file-name";

/** Something to tell planning about a file whose department was decided. */
export type CopyNote =
  /** The marker names the master by another file name, but the KPI list is the same: renamed. */
  | { code: "master-renamed"; recorded: string }
  /** The marker names this master's file, but the master's KPI list has changed since the split. */
  | { code: "kpi-list-changed" }
  /** The file's name says one department and its marker another: the marker is used. */
  | { code: "name-disagrees"; fromName: string; fromMarker: string }
  /** The marker names a department the master does not have: the department is unknown. */
  | { code: "marker-department-unknown"; recorded: string };

export type CopyIdentity =
  | {
      ok: true;
      /** The master's spelling of the department, or null when unknown. */
      department: string | null;
      source: DepartmentSource | null;
      notes: CopyNote[];
    }
  | {
      /** A copy of another master: refused, never merged. */
      ok: false;
      reason: "other-master";
      /** What the copy says it came from. */
      recorded: { masterFile: string; fiscalYear: string };
      /** Which of the master's facts differ: its fiscal year, or both its file name and KPI list. */
      differs: Array<"fiscal-year" | "file-and-kpi-list">;
    };

/** The comparison key of a department name: the one rule every front end uses (core/departments). */
export const departmentKey = (name: string): string => departmentName(name) ?? "";

/** The master's spelling of a department, found by key; null when the master has none such. */
export function masterDepartment(name: string, departments: readonly string[]): string | null {
  const key = departmentKey(name);
  return departments.find((d) => departmentKey(d) === key) ?? null;
}

/** A path's last segment, with either separator. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

// File names compare after NFKC, case-insensitively (Windows), without white space and without the
// characters split replaces with "_" (Windows forbids them in names) or the underscores themselves.
// eslint-disable-next-line no-control-regex -- the characters Windows does not allow in a file name
const NAME_NOISE = /[\s\\/:*?"<>|\x00-\x1f_]/g;
const nameKey = (s: string): string => s.normalize("NFKC").toLowerCase().replace(NAME_NOISE, "");
/** What may follow the department in a copy's name: " (2)", "(最終)", "-修正", "【確定】", "2". */
const DECORATION = /^(?:$|[([【{\-~]|\d+$)/;

/**
 * The department a file's name gives as split names copies, `<master>_<担当課>` (plus a decoration
 * such as " (2)" that a download or a second save adds). With the master's name known the part
 * before the underscore must be it. The longest department that fits wins; null when none does.
 */
export function departmentFromFileName(
  file: string,
  master: string | null,
  departments: readonly string[],
): string | null {
  const base = baseName(file).replace(/\.(xlsx|xlsm)$/i, "");
  const masterKey = master === null ? null : nameKey(master.replace(/\.(xlsx|xlsm)$/i, ""));
  let best: string | null = null;
  for (let i = base.indexOf("_"); i >= 0; i = base.indexOf("_", i + 1)) {
    if (masterKey !== null && nameKey(base.slice(0, i)) !== masterKey) continue;
    const tail = nameKey(base.slice(i + 1));
    for (const d of departments) {
      const key = nameKey(d);
      if (key === "" || !tail.startsWith(key) || !DECORATION.test(tail.slice(key.length))) continue;
      if (best === null || nameKey(best).length < key.length) best = d;
    }
  }
  return best;
}

/**
 * Whose a returned file is: its marker's department (when the marker is this master's), else its
 * name's, else unknown. A marker of another master refuses the file: another fiscal year, or a
 * different file name and a different KPI list together (either alone is a renamed master, or
 * a master whose KPIs planning edited after the split: said, not refused).
 */
export function identifyCopy(file: string, marker: SplitMarker | null, master: MasterIdentity): CopyIdentity {
  const fromName = departmentFromFileName(file, master.file, master.departments);
  if (marker === null)
    return { ok: true, department: fromName, source: fromName === null ? null : "file-name", notes: [] };

  const differs: Array<"fiscal-year" | "file-and-kpi-list"> = [];
  if (marker.fiscalYear !== "" && master.fiscalYear !== "" && marker.fiscalYear !== master.fiscalYear)
    differs.push("fiscal-year");
  const sameFile = master.file === null || nameKey(marker.masterFile) === nameKey(master.file);
  const sameList = marker.kpiDigest === master.kpiDigest;
  if (!sameFile && !sameList) differs.push("file-and-kpi-list");
  if (differs.length > 0)
    return {
      ok: false,
      reason: "other-master",
      recorded: { masterFile: marker.masterFile, fiscalYear: marker.fiscalYear },
      differs,
    };

  const notes: CopyNote[] = [];
  if (!sameFile) notes.push({ code: "master-renamed", recorded: marker.masterFile });
  if (!sameList) notes.push({ code: "kpi-list-changed" });
  const department = masterDepartment(marker.department, master.departments);
  if (department === null) {
    notes.push({ code: "marker-department-unknown", recorded: marker.department });
    return { ok: true, department: null, source: null, notes };
  }
  if (fromName !== null && fromName !== department)
    notes.push({ code: "name-disagrees", fromName, fromMarker: department });
  return { ok: true, department, source: "marker", notes };
}
