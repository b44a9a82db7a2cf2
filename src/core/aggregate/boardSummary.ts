// Everything the 創生会議 summary shows, computed once and purely: which rows and findings it covers,
// status counts per 基本目標 and 小基本目標, the 達成率 distribution, findings per 担当課, trends and
// (given the distributed workbook) each department's submission. The xlsx writer only lays it out.
import type { CheckedRow, FileErrorCode, Finding, ProgressRule, StatusWord } from "../model";
import { STATUS_WORDS } from "../model";
import { rowKey } from "../summary";
import { bandIndex, rateBands, type RateBand } from "./rateBands";
import { RowMatcher } from "../cycle/identity";
import { assignSubmissions, type CheckedFile, type DepartmentSubmission } from "./submissions";
import { trendOf, type Trend } from "./trend";
import type { OutlookJudgement } from "../progress/pace";

/**
 * A status as entered or computed, or none (未判定: blank, not one of the scale's words, or not
 * computable). 伊勢崎's three words by default; a city's own levels when its scale is given.
 */
export type StatusBucket = StatusWord | "none" | (string & {});
export const STATUS_BUCKETS: readonly StatusBucket[] = [...STATUS_WORDS, "none"];

/** 見通し as the board counts it: a judgement, or none (no judgement could be made). */
export type OutlookBucket = OutlookJudgement | "none";
export const OUTLOOK_BUCKETS: readonly OutlookBucket[] = ["on-track", "watch", "off-track", "none"];

export interface StatusCounts {
  rows: number;
  /** Rows per 見通し (the pace to the final target). */
  outlook: Record<OutlookBucket, number>;
  entered: Record<StatusBucket, number>;
  computed: Record<StatusBucket, number>;
  /** Rows per 達成率 band (index as in BoardSummary.bands), then rows with no rate. */
  bands: number[];
  noRate: number;
}

export interface GroupCounts {
  level: "goal" | "subGoal" | "total";
  goal: string | null;
  subGoal: string | null;
  counts: StatusCounts;
}

export interface BoardRow {
  file: string;
  row: CheckedRow;
  trend: Trend | null;
  /** false for a row of the distributed workbook whose department sent nothing back. */
  submitted: boolean;
}

export interface BoardFinding {
  file: string;
  finding: Finding;
  department: string | null;
}

export interface DepartmentFindings {
  department: string | null;
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface BoardSummary {
  rule: Pick<ProgressRule, "onTrack" | "nearlyOnTrack">;
  /** The buckets counted, in order: the scale's levels, then "none". */
  buckets: readonly StatusBucket[];
  bands: RateBand[];
  rows: BoardRow[];
  findings: BoardFinding[];
  /** Each 基本目標, then its 小基本目標, in the order met; the total last. */
  groups: GroupCounts[];
  departments: DepartmentFindings[];
  /** With the distributed workbook only. */
  submissions: DepartmentSubmission[] | null;
  /** Readable files that answer for no department of the distributed workbook. */
  unassignedFiles: string[];
  failedFiles: { file: string; code: FileErrorCode }[];
}

function emptyCounts(bands: number, buckets: readonly StatusBucket[]): StatusCounts {
  const zero = () => Object.fromEntries(buckets.map((b) => [b, 0])) as Record<StatusBucket, number>;
  const outlook = Object.fromEntries(OUTLOOK_BUCKETS.map((b) => [b, 0])) as Record<OutlookBucket, number>;
  return {
    rows: 0,
    outlook,
    entered: zero(),
    computed: zero(),
    bands: Array<number>(bands).fill(0),
    noRate: 0,
  };
}

const enteredBucket = (row: CheckedRow, buckets: readonly StatusBucket[]): StatusBucket =>
  row.enteredStatus !== null && row.enteredStatus !== "none" && buckets.includes(row.enteredStatus)
    ? row.enteredStatus
    : "none";

function add(c: StatusCounts, row: CheckedRow, band: number | null, buckets: readonly StatusBucket[]): void {
  c.rows++;
  c.outlook[row.outlook?.judgement ?? "none"]++;
  c.entered[enteredBucket(row, buckets)]++;
  const computed = row.computedStatus ?? "none";
  c.computed[buckets.includes(computed) ? computed : "none"]++;
  if (band === null) c.noRate++;
  else c.bands[band]++;
}

function groupCounts(
  rows: readonly BoardRow[],
  bands: readonly RateBand[],
  buckets: readonly StatusBucket[],
): GroupCounts[] {
  const goals = new Map<string, { goal: GroupCounts; subs: Map<string, GroupCounts> }>();
  const total: GroupCounts = {
    level: "total",
    goal: null,
    subGoal: null,
    counts: emptyCounts(bands.length, buckets),
  };
  for (const { row } of rows) {
    const band = bandIndex(bands, row.achievement);
    const g = row.goal ?? "";
    let entry = goals.get(g);
    if (!entry) {
      entry = {
        goal: { level: "goal", goal: row.goal, subGoal: null, counts: emptyCounts(bands.length, buckets) },
        subs: new Map(),
      };
      goals.set(g, entry);
    }
    const s = row.subGoal ?? "";
    let sub = entry.subs.get(s);
    if (!sub) {
      sub = {
        level: "subGoal",
        goal: row.goal,
        subGoal: row.subGoal,
        counts: emptyCounts(bands.length, buckets),
      };
      entry.subs.set(s, sub);
    }
    add(entry.goal.counts, row, band, buckets);
    add(sub.counts, row, band, buckets);
    add(total.counts, row, band, buckets);
  }
  const out: GroupCounts[] = [];
  for (const { goal, subs } of goals.values()) out.push(goal, ...subs.values());
  out.push(total);
  return out;
}

function departmentCounts(
  rows: readonly BoardRow[],
  findings: readonly BoardFinding[],
): DepartmentFindings[] {
  const by = new Map<string | null, DepartmentFindings>();
  const get = (d: string | null) => {
    let e = by.get(d);
    if (!e) by.set(d, (e = { department: d, rows: 0, errors: 0, warnings: 0, infos: 0 }));
    return e;
  };
  for (const { row } of rows) get(row.department).rows++;
  for (const { finding, department } of findings) {
    const e = get(department);
    if (finding.severity === "error") e.errors++;
    else if (finding.severity === "warning") e.warnings++;
    else e.infos++;
  }
  // Named departments in the order met; findings with no department last.
  const named = [...by.values()].filter((d) => d.department !== null);
  const none = by.get(null);
  return none ? [...named, none] : named;
}

/** The department a finding concerns: its row's, or the one the master names for a missing KPI. */
function departmentOfFinding(f: Finding, rowDepartments: Map<string, string | null>): string | null {
  if (f.row === null) return f.params.department ?? null;
  return rowDepartments.get(rowKey(f.sheet, f.row)) ?? null;
}

function findingsOf(
  file: CheckedFile,
  keep: (f: Finding, department: string | null) => boolean,
): BoardFinding[] {
  const depts = new Map(file.rows.map((r) => [rowKey(r.sheet, r.row), r.department]));
  const out: BoardFinding[] = [];
  for (const finding of file.findings) {
    const department = departmentOfFinding(finding, depts);
    if (keep(finding, department)) out.push({ file: file.file, finding, department });
  }
  return out;
}

/**
 * The summary of a batch. Without the distributed workbook (MASTER), every row and finding of
 * every file counts. With it, each row of MASTER is taken from the file its department sent back
 * (or from MASTER, marked not submitted), and each file contributes the findings on its own
 * departments' rows, so that copies of the whole workbook are never counted twice.
 */
export function buildBoardSummary(
  files: readonly CheckedFile[],
  rule: Pick<ProgressRule, "onTrack" | "nearlyOnTrack">,
  master: CheckedFile | null = null,
  levels: readonly string[] = STATUS_WORDS,
): BoardSummary {
  const buckets: StatusBucket[] = [...levels, "none"];
  const bands = rateBands(rule);
  const failedFiles = [...files, ...(master ? [master] : [])]
    .filter((f) => !f.ok)
    .map((f) => ({ file: f.file, code: f.error?.code ?? ("unreadable-file" as const) }));
  const readable = files.filter((f) => f.ok);
  let rows: BoardRow[];
  let findings: BoardFinding[];
  let submissions: DepartmentSubmission[] | null = null;
  let unassignedFiles: string[] = [];

  if (master && master.ok) {
    const assigned = assignSubmissions(master, readable);
    submissions = assigned.departments;
    unassignedFiles = assigned.unassigned;
    const byDepartment = new Map<string, CheckedFile>();
    for (const f of readable) {
      const d = assigned.coverage.get(f.file);
      if (d !== undefined && !byDepartment.has(d)) byDepartment.set(d, f);
    }
    // Rows are found by what they are (core/cycle/identity), as merge finds them.
    const matchers = new Map<CheckedFile, RowMatcher<CheckedRow>>();
    const matcherOf = (f: CheckedFile) => {
      let m = matchers.get(f);
      if (!m) matchers.set(f, (m = new RowMatcher([...f.rows])));
      return m;
    };
    rows = master.rows.map((mr) => {
      const source = mr.department === null ? undefined : byDepartment.get(mr.department);
      const returned = source ? matcherOf(source).match(mr) : null;
      const row = returned ?? mr;
      return {
        file: returned && source ? source.file : master.file,
        row,
        trend: trendOf(row),
        submitted: returned !== null,
      };
    });
    findings = [
      ...findingsOf(master, (f) => f.row === null),
      ...readable.flatMap((f) => {
        const mine = assigned.coverage.get(f.file);
        return findingsOf(
          f,
          (x, d) => x.row !== null && d !== null && d === mine && byDepartment.get(d) === f,
        );
      }),
    ];
  } else {
    rows = readable.flatMap((f) =>
      f.rows.map((row) => ({ file: f.file, row, trend: trendOf(row), submitted: true })),
    );
    findings = readable.flatMap((f) => findingsOf(f, () => true));
  }
  return {
    rule: { onTrack: rule.onTrack, nearlyOnTrack: rule.nearlyOnTrack },
    buckets,
    bands,
    rows,
    findings,
    groups: groupCounts(rows, bands, buckets),
    departments: departmentCounts(rows, findings),
    submissions,
    unassignedFiles,
    failedFiles,
  };
}
