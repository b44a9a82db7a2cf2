// The KPI master: every 数値目標 and KPI of the strategy (第2期伊勢崎市まち・ひと・しごと創生総合戦略,
// 令和6年3月一部改訂), plus the KPIs the FY2023 sheet still carries that the revision replaced.
// The data lives in kpi-master.json so that planning staff can review it without reading code; the
// shape is documented in docs/strategy-master.md, and `--strategy FILE` loads another one
// (readMaster.ts validates it). No Node imports: this module is bundled into the add-in too.

import data from "./kpi-master.json";
import { memoByString } from "../memo";
import type { Direction, RowKind } from "../model";

export type KpiStatus = "active" | "replaced";
/**
 * Where the entry's figures come from: the bundled master uses "strategy" and, for replaced KPIs,
 * "verification-sheet-FY2023". Another master may name its own source.
 */
export type KpiSource = "strategy" | "verification-sheet-FY2023" | (string & {});

export interface KpiMasterEntry {
  /**
   * Stable id: "1-1-0" for the 数値目標 of 1-1, "1-1-①-2" for the second KPI under 施策①.
   * A replaced KPI is numbered r1, r2 … after its 数値目標 "0" or its 施策 ("2-1-0-r1", "2-1-①-r1").
   */
  id: string;
  kind: RowKind;
  status: KpiStatus;
  /** For a replaced KPI, the id of the entry that replaced it. */
  replacedBy: string | null;
  /**
   * The first fiscal year (Gregorian year the 年度 starts in: 令和6年度 = 2024) the entry is in force,
   * and the last, or null while it still is. The 令和6年3月 revision starts its successors and its
   * new KPIs in 2024 and ends the KPIs they replace in 2023.
   */
  inForceFrom: number;
  inForceUntil: number | null;
  source: KpiSource;
  /** "1 しごとの創生" */
  goal: string;
  /** "1-1 安定した雇用の創出" */
  subGoal: string;
  /** "①地域産業の活性化、付加価値の向上"; null for a 数値目標. */
  measure: string | null;
  /** Name as in the strategy, without footnote marks or "(累計)". */
  name: string;
  /** Other names seen on verification sheets whose name key differs from `name`. */
  aliases: string[];
  /** The strategy marks the KPI "(累計)". */
  cumulative: boolean;
  /** Baseline (現状値, 令和元年度) as text, "-" when the strategy gives none. */
  baseline: string;
  /** Final target (目標値, 令和9年度) as text, or the strategy's ※ sentence when none is set. */
  finalTarget: string;
  /** Base unit ("件", "人", "円", "%", "カ所" …); null for categories and ratios. */
  unit: string | null;
  direction: Direction | null;
  /** Why the direction is what it is (short English), for display and review. */
  directionBasis: string;
  /** The strategy's ※ notes that bear on this KPI, verbatim apart from PDF markup. */
  notes: string[];
  /**
   * The 指標の担当課 (the strategy does not name one: the bundled master takes it from the FY2023
   * sheet); null when unknown. Optional in a master file.
   */
  department: string | null;
}

/** A loaded master: its entries, and its names indexed by name key. */
export interface KpiMaster {
  readonly entries: readonly KpiMasterEntry[];
  /**
   * Name key (of the name and of every alias) -> the entries it names. Two entries share a key only
   * when they are in force in different years (a KPI re-based by a revision).
   */
  readonly byKey: ReadonlyMap<string, readonly KpiMasterEntry[]>;
}

const FOOTNOTE_MARKS = /[*※]/g;
const CUMULATIVE = /\(累計\)/g;
// After NFKC, the halfwidth ･ becomes ・; the Latin middle dot and bullet-like dots remain.
const MIDDLE_DOTS = /[·•‧∙]/g;

/**
 * The key two spellings of one KPI name share: NFKC, no white space at all (sheet labels carry
 * line breaks and U+3000), no footnote marks, no "(累計)", one middle dot.
 */
export const kpiNameKey: (name: string) => string = memoByString(
  // Memoised: every row's name is keyed for its direction, and a batch repeats the same names.
  (name) =>
    name
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(FOOTNOTE_MARKS, "")
      .replace(CUMULATIVE, "")
      .replace(MIDDLE_DOTS, "・"),
  4096,
);

/** Whether an entry is in force in a fiscal year (Gregorian start year). */
export function inForce(entry: KpiMasterEntry, fiscalYear: number): boolean {
  return entry.inForceFrom <= fiscalYear && (entry.inForceUntil === null || fiscalYear <= entry.inForceUntil);
}

/** Whether two entries are ever in force in the same year. */
export function overlaps(a: KpiMasterEntry, b: KpiMasterEntry): boolean {
  const aEnd = a.inForceUntil ?? Infinity;
  const bEnd = b.inForceUntil ?? Infinity;
  return a.inForceFrom <= bEnd && b.inForceFrom <= aEnd;
}

/** Indexes entries by name key. Entries must already be validated (readMaster.ts). */
export function indexMaster(entries: readonly KpiMasterEntry[]): KpiMaster {
  const byKey = new Map<string, KpiMasterEntry[]>();
  for (const entry of entries) {
    for (const name of new Set([entry.name, ...entry.aliases].map(kpiNameKey))) {
      if (name === "") continue;
      const list = byKey.get(name) ?? [];
      list.push(entry);
      byKey.set(name, list);
    }
  }
  return { entries, byKey };
}

/**
 * The entry a name on a sheet refers to: the one in force in `fiscalYear` when several share the
 * name, else the most recent. null when the master does not know the name.
 */
export function lookupEntry(
  master: KpiMaster,
  name: string,
  fiscalYear: number | null = null,
): KpiMasterEntry | null {
  const key = kpiNameKey(name);
  if (key === "") return null;
  const list = master.byKey.get(key);
  if (!list || list.length === 0) return null;
  if (list.length === 1) return list[0];
  if (fiscalYear !== null) {
    const current = list.find((e) => inForce(e, fiscalYear));
    if (current) return current;
  }
  return list.reduce((a, b) => (b.inForceFrom > a.inForceFrom ? b : a));
}

// ---------------------------------------------------------------------------------------------
// The bundled master

const KINDS: readonly RowKind[] = ["数値目標", "KPI"];
const STATUSES: readonly KpiStatus[] = ["active", "replaced"];
const DIRECTIONS: readonly Direction[] = ["increase", "decrease", "maintain"];

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === "string");
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === "string";
}

/** Check one bundled record; the JSON is hand-edited, so a typo should fail loudly at load time. */
function toEntry(raw: unknown, index: number): KpiMasterEntry {
  const r = raw as Record<string, unknown>;
  const ok =
    typeof r === "object" &&
    r !== null &&
    typeof r.id === "string" &&
    KINDS.includes(r.kind as RowKind) &&
    STATUSES.includes(r.status as KpiStatus) &&
    isNullableString(r.replacedBy) &&
    Number.isInteger(r.inForceFrom) &&
    (r.inForceUntil === null || Number.isInteger(r.inForceUntil)) &&
    typeof r.source === "string" &&
    typeof r.goal === "string" &&
    typeof r.subGoal === "string" &&
    isNullableString(r.measure) &&
    typeof r.name === "string" &&
    isStringArray(r.aliases) &&
    typeof r.cumulative === "boolean" &&
    typeof r.baseline === "string" &&
    typeof r.finalTarget === "string" &&
    isNullableString(r.unit) &&
    (r.direction === null || DIRECTIONS.includes(r.direction as Direction)) &&
    typeof r.directionBasis === "string" &&
    isStringArray(r.notes) &&
    (r.department === undefined || isNullableString(r.department));
  if (!ok) {
    throw new Error(`kpi-master.json: entry ${index} (${String(r?.id)}) is malformed`);
  }
  return { ...(r as unknown as KpiMasterEntry), department: (r.department as string | null) ?? null };
}

export const KPI_MASTER: readonly KpiMasterEntry[] = Object.freeze((data as unknown[]).map(toEntry));

/** The master that ships with kensho, used whenever no other is given. */
export const BUNDLED_MASTER: KpiMaster = (() => {
  const master = indexMaster(KPI_MASTER);
  for (const [, list] of master.byKey) {
    if (list.length > 1)
      throw new Error(`kpi-master.json: one name names both ${list[0].id} and ${list[1].id}`);
  }
  return master;
})();

/** The bundled master's entry for a KPI or 数値目標 name as written on a sheet, or null when unknown. */
export function findMasterEntry(name: string): KpiMasterEntry | null {
  return lookupEntry(BUNDLED_MASTER, name);
}

/** The bundled master's entry with this id, or null. */
export function findMasterEntryById(id: string): KpiMasterEntry | null {
  return KPI_MASTER.find((e) => e.id === id) ?? null;
}
