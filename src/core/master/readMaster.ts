// Validates a KPI master given as parsed JSON (`--strategy FILE`): every problem is returned as a
// code with its facts, so the edge can tell planning staff exactly which entry and field to fix.
// The shape is the bundled kpi-master.json's (docs/strategy-master.md, docs/strategy-master.schema.json).
import type { Direction, RowKind } from "../model";
import { indexMaster, kpiNameKey, overlaps, type KpiMaster, type KpiMasterEntry } from "./kpiMaster";

/** What a field must hold, for the message. */
export type FieldExpectation =
  | "text"
  | "text-or-null"
  | "text-list"
  | "boolean"
  | "year"
  | "year-or-null"
  | "kind"
  | "status"
  | "direction-or-null";

export type MasterProblem =
  | { code: "not-a-list" }
  | { code: "empty" }
  | { code: "too-many"; limit: number }
  | { code: "not-an-object"; index: number }
  | { code: "bad-field"; index: number; id: string | null; field: string; expected: FieldExpectation }
  | { code: "duplicate-id"; index: number; id: string }
  | { code: "duplicate-name"; name: string; ids: [string, string] }
  | { code: "unknown-successor"; id: string; replacedBy: string }
  | { code: "years-reversed"; id: string; from: number; until: number };

export type MasterReadResult =
  | { ok: true; master: KpiMaster }
  /** `problems` holds the first few; `total` counts them all. */
  | { ok: false; problems: MasterProblem[]; total: number };

/** A strategy has tens of KPIs; thousands means the wrong file. */
export const MASTER_ENTRY_LIMIT = 5000;
/** Problems reported at most; the rest would only bury the first. */
const PROBLEM_LIMIT = 20;

const KINDS: readonly RowKind[] = ["数値目標", "KPI"];
const STATUSES = ["active", "replaced"] as const;
const DIRECTIONS: readonly Direction[] = ["increase", "decrease", "maintain"];

const isText = (v: unknown) => typeof v === "string";
const isNonEmptyText = (v: unknown) => typeof v === "string" && v.trim() !== "";
const isTextOrNull = (v: unknown) => v === null || typeof v === "string";
const isYear = (v: unknown) => Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200;

/** Each field, what it must hold and how to test it. `optional` fields may be absent (defaults apply). */
const FIELDS: ReadonlyArray<{
  field: keyof KpiMasterEntry;
  expected: FieldExpectation;
  test: (v: unknown) => boolean;
  optional?: unknown;
}> = [
  { field: "id", expected: "text", test: isNonEmptyText },
  { field: "kind", expected: "kind", test: (v) => KINDS.includes(v as RowKind) },
  { field: "status", expected: "status", test: (v) => (STATUSES as readonly unknown[]).includes(v) },
  { field: "replacedBy", expected: "text-or-null", test: isTextOrNull, optional: null },
  { field: "inForceFrom", expected: "year", test: isYear },
  { field: "inForceUntil", expected: "year-or-null", test: (v) => v === null || isYear(v), optional: null },
  { field: "source", expected: "text", test: isText, optional: "strategy" },
  { field: "goal", expected: "text", test: isText },
  { field: "subGoal", expected: "text", test: isText },
  { field: "measure", expected: "text-or-null", test: isTextOrNull },
  { field: "name", expected: "text", test: (v) => isNonEmptyText(v) && kpiNameKey(v as string) !== "" },
  {
    field: "aliases",
    expected: "text-list",
    test: (v) => Array.isArray(v) && v.every(isText),
    optional: [],
  },
  { field: "cumulative", expected: "boolean", test: (v) => typeof v === "boolean", optional: false },
  { field: "baseline", expected: "text", test: isText },
  { field: "finalTarget", expected: "text", test: isText },
  { field: "unit", expected: "text-or-null", test: isTextOrNull, optional: null },
  {
    field: "direction",
    expected: "direction-or-null",
    test: (v) => v === null || DIRECTIONS.includes(v as Direction),
    optional: null,
  },
  { field: "directionBasis", expected: "text", test: isText, optional: "" },
  { field: "notes", expected: "text-list", test: (v) => Array.isArray(v) && v.every(isText), optional: [] },
  { field: "department", expected: "text-or-null", test: isTextOrNull, optional: null },
];

function readEntry(raw: unknown, index: number, problems: MasterProblem[]): KpiMasterEntry | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push({ code: "not-an-object", index });
    return null;
  }
  const r = raw as Record<string, unknown>;
  const id = typeof r.id === "string" && r.id.trim() !== "" ? r.id : null;
  const entry: Record<string, unknown> = {};
  let ok = true;
  for (const spec of FIELDS) {
    const present = Object.prototype.hasOwnProperty.call(r, spec.field);
    const value = present ? r[spec.field] : spec.optional;
    if (value === undefined || !spec.test(value)) {
      problems.push({ code: "bad-field", index, id, field: spec.field, expected: spec.expected });
      ok = false;
      continue;
    }
    // Copy lists so that the caller's data cannot change the loaded master.
    entry[spec.field] = Array.isArray(value) ? [...value] : value;
  }
  return ok ? (entry as unknown as KpiMasterEntry) : null;
}

/** Cross-entry rules: unique ids, successors that exist, years in order, names unambiguous per year. */
function crossCheck(entries: KpiMasterEntry[], indexes: number[], problems: MasterProblem[]): void {
  const ids = new Map<string, KpiMasterEntry>();
  entries.forEach((e, i) => {
    if (ids.has(e.id)) problems.push({ code: "duplicate-id", index: indexes[i], id: e.id });
    else ids.set(e.id, e);
  });
  for (const e of entries) {
    if (e.replacedBy !== null && !ids.has(e.replacedBy))
      problems.push({ code: "unknown-successor", id: e.id, replacedBy: e.replacedBy });
    if (e.inForceUntil !== null && e.inForceUntil < e.inForceFrom)
      problems.push({ code: "years-reversed", id: e.id, from: e.inForceFrom, until: e.inForceUntil });
  }
  const byKey = new Map<string, KpiMasterEntry[]>();
  for (const e of entries) {
    for (const name of new Set([e.name, ...e.aliases])) {
      const key = kpiNameKey(name);
      if (key === "") continue;
      const others = byKey.get(key) ?? [];
      const clash = others.find((o) => o !== e && overlaps(o, e));
      if (clash) problems.push({ code: "duplicate-name", name, ids: [clash.id, e.id] });
      others.push(e);
      byKey.set(key, others);
    }
  }
}

/** Reads a master from parsed JSON: the master, or every problem found (up to a limit). */
export function readKpiMaster(data: unknown): MasterReadResult {
  const fail = (problem: MasterProblem): MasterReadResult => ({ ok: false, problems: [problem], total: 1 });
  if (!Array.isArray(data)) return fail({ code: "not-a-list" });
  if (data.length === 0) return fail({ code: "empty" });
  if (data.length > MASTER_ENTRY_LIMIT) return fail({ code: "too-many", limit: MASTER_ENTRY_LIMIT });
  const problems: MasterProblem[] = [];
  const entries: KpiMasterEntry[] = [];
  const indexes: number[] = [];
  data.forEach((raw, index) => {
    const entry = readEntry(raw, index, problems);
    if (entry) {
      entries.push(entry);
      indexes.push(index);
    }
  });
  if (problems.length === 0) crossCheck(entries, indexes, problems);
  if (problems.length > 0)
    return { ok: false, problems: problems.slice(0, PROBLEM_LIMIT), total: problems.length };
  return { ok: true, master: indexMaster(entries) };
}
