// The strategy cross-check (domain.md, "The strategy cross-check"): each row against the KPI master
// in force for the sheet's fiscal year. Emits master-mismatch, kpi-name-differs and kpi-not-in-sheet.
import type { CheckedRow, FieldKey, Finding, ParsedValue, ValueField } from "../model";
import { FINDING_SEVERITY } from "../model";
import { inForce, kpiNameKey, lookupEntry, type KpiMaster, type KpiMasterEntry } from "../master/kpiMaster";
import { parseValue } from "../values/parseValue";
import { sameUnit } from "../values/units";
import { TOLERANCE } from "../progress/achievement";
import { finding } from "./findingFactory";

/** The codes this rule emits. */
export const STRATEGY_CODES = ["master-mismatch", "kpi-name-differs", "kpi-not-in-sheet"] as const;

/** How a row was tied to its master entry. */
export type MatchKind = "name" | "alias" | "similar";

export interface StrategyMatch {
  row: CheckedRow;
  entry: KpiMasterEntry;
  how: MatchKind;
}

/** The fields compared with the strategy's figures. */
type ComparedField = ValueField & ("baseline" | "finalTarget");

/** Below this similarity a differently worded name is not "recognisably the same KPI". */
const SIMILARITY_THRESHOLD = 0.5;
/** The best candidate must lead the next by this much, or the match is a guess. */
const SIMILARITY_MARGIN = 0.1;

// ---------------------------------------------------------------------------------------------
// Comparing values by meaning

const kinds = new Set<ParsedValue["kind"]>(["number", "parts", "category"]);

/** A value a figure can be compared with; blanks, notes and sentences are not. */
function comparable(v: ParsedValue): boolean {
  return kinds.has(v.kind);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Units agree when both are given and equal, or when one side leaves the unit out. */
function unitsAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || sameUnit(a, b);
}

/** Periods agree unless both are stated and differ: a figure without one means the column's year. */
function periodsAgree(a: ParsedValue, b: ParsedValue): boolean {
  if (!a.period || !b.period) return true;
  return a.period.year === b.period.year && a.period.fiscal === b.period.fiscal;
}

/**
 * Whether the sheet's value means what the strategy's does: the same number in the base unit, the
 * same unit and the same reference period (when both state them), part by part for several parts.
 * null when either side is not a figure (a blank, a dash, 「設定予定」): nothing to compare.
 */
export function sameByMeaning(sheet: ParsedValue, strategy: ParsedValue): boolean | null {
  if (!comparable(sheet) || !comparable(strategy)) return null;
  if (!periodsAgree(sheet, strategy)) return false;
  if (sheet.kind === "parts" || strategy.kind === "parts") {
    if (sheet.kind !== "parts" || strategy.kind !== "parts") return false;
    if (sheet.parts.length !== strategy.parts.length) return false;
    return strategy.parts.every((p) => {
      const mine = sheet.parts.find((q) => q.label === p.label);
      return mine !== undefined && sameNumber(mine.number, p.number) && unitsAgree(mine.unit, p.unit);
    });
  }
  if (sheet.number !== null && strategy.number !== null) {
    return sameNumber(sheet.number, strategy.number) && unitsAgree(sheet.unit, strategy.unit);
  }
  // Two categories without a number (待機児童なし).
  return sheet.category !== null && sheet.category === strategy.category;
}

const parsedMasterText = new Map<string, ParsedValue>();

/** The master's figure as a value: the text parsed like a cell staff typed it. */
function masterValue(text: string): ParsedValue {
  let v = parsedMasterText.get(text);
  if (!v) {
    v = parseValue({ value: text, text, format: "General" });
    if (parsedMasterText.size > 10_000) parsedMasterText.clear();
    parsedMasterText.set(text, v);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Matching rows to entries

/** "1-1" from "1-1 安定した雇用の創出" (any dash or width); null when there is no number. */
function subGoalNumber(text: string | null): string | null {
  if (!text) return null;
  const m = /^(\d+)\s*[-‐－ー―−]\s*(\d+)/.exec(text.normalize("NFKC").trim());
  return m ? `${Number(m[1])}-${Number(m[2])}` : null;
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of character bigrams, 0 … 1. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(kpiNameKey(a));
  const y = bigrams(kpiNameKey(b));
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    common += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}

/** Whether a row could be this entry's: same kind, and the same 小基本目標 when both say. */
function sameBlock(row: CheckedRow, entry: KpiMasterEntry): boolean {
  if (row.kind !== entry.kind) return false;
  const mine = subGoalNumber(row.subGoal);
  const theirs = subGoalNumber(entry.subGoal);
  return mine === null || theirs === null || mine === theirs;
}

/**
 * Ties each row to the master entry it reports on. Names first (the entry's name or an alias);
 * then, for rows no name matched, the unclaimed entry in force whose name is clearly the most
 * similar in the same 小基本目標. Rows naming an entry not in force this year are left alone.
 */
export function matchStrategy(
  rows: readonly CheckedRow[],
  master: KpiMaster,
  fiscalYear: number | null,
): { matches: StrategyMatch[]; missing: KpiMasterEntry[] } {
  const current = (e: KpiMasterEntry) => fiscalYear === null || inForce(e, fiscalYear);
  const matches: StrategyMatch[] = [];
  const claimed = new Set<KpiMasterEntry>();
  const unmatched: CheckedRow[] = [];
  for (const row of rows) {
    if (kpiNameKey(row.name) === "") continue;
    const entry = lookupEntry(master, row.name, fiscalYear);
    if (entry) {
      if (!current(entry)) continue;
      const how: MatchKind = kpiNameKey(entry.name) === kpiNameKey(row.name) ? "name" : "alias";
      matches.push({ row, entry, how });
      claimed.add(entry);
    } else {
      unmatched.push(row);
    }
  }
  const open = master.entries.filter((e) => current(e) && !claimed.has(e));
  for (const row of unmatched) {
    const scored = open
      .filter((e) => !claimed.has(e) && sameBlock(row, e))
      .map((e) => ({ e, score: nameSimilarity(row.name, e.name) }))
      .sort((a, b) => b.score - a.score);
    const [best, next] = scored;
    if (!best || best.score < SIMILARITY_THRESHOLD) continue;
    if (next && best.score - next.score < SIMILARITY_MARGIN) continue;
    matches.push({ row, entry: best.e, how: "similar" });
    claimed.add(best.e);
  }
  // Without a fiscal year no revision can be chosen, so nothing is said to be missing. Only the
  // 小基本目標 the workbook reports on are expected complete: a workbook of one page (or of
  // another strategy) is not short of every other KPI.
  const blocks = new Set([...claimed].map((e) => subGoalNumber(e.subGoal) ?? e.subGoal));
  const missing =
    fiscalYear === null
      ? []
      : open.filter((e) => !claimed.has(e) && blocks.has(subGoalNumber(e.subGoal) ?? e.subGoal));
  return { matches, missing };
}

// ---------------------------------------------------------------------------------------------
// Findings

/** The cell holding a row's name: the KPI column, or the 数値目標 column on a 数値目標 row. */
function nameField(row: CheckedRow): FieldKey {
  return row.kind === "数値目標" && row.cells.measure ? "measure" : "kpi";
}

function rowFindings({ row, entry, how }: StrategyMatch, out: Finding[]): void {
  if (how !== "name") out.push(finding("kpi-name-differs", row, nameField(row), { expected: entry.name }));
  // Spelled out per field: each read is then by name, on rows that all share one shape.
  if (row.cells.baseline) compareWithMaster(row, "baseline", row.values.baseline, entry.baseline, out);
  if (row.cells.finalTarget)
    compareWithMaster(row, "finalTarget", row.values.finalTarget, entry.finalTarget, out);
}

function compareWithMaster(
  row: CheckedRow,
  field: ComparedField,
  value: ParsedValue,
  expected: string,
  out: Finding[],
): void {
  if (sameByMeaning(value, masterValue(expected)) === false)
    out.push(finding("master-mismatch", row, field, { field, raw: value.raw.trim(), expected }));
}

function missingFinding(entry: KpiMasterEntry): Finding {
  return {
    code: "kpi-not-in-sheet",
    severity: FINDING_SEVERITY["kpi-not-in-sheet"],
    sheet: null,
    cell: null,
    row: null,
    kpi: null,
    params: { expected: entry.name, department: entry.department },
  };
}

/**
 * Every cross-check finding for a workbook's rows: per row in row order, then the strategy's KPIs
 * in force with no row. `fiscalYear` is the Gregorian year the sheet's 年度 starts in.
 */
export function checkAgainstStrategy(
  rows: readonly CheckedRow[],
  master: KpiMaster,
  fiscalYear: number | null,
): Finding[] {
  const { matches, missing } = matchStrategy(rows, master, fiscalYear);
  // Name matches come in row order; only the similar ones found afterwards need placing.
  if (matches.some((m) => m.how === "similar")) {
    const order = new Map(rows.map((r, i) => [r, i]));
    matches.sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0));
  }
  const out: Finding[] = [];
  for (const m of matches) rowFindings(m, out);
  for (const entry of missing) out.push(missingFinding(entry));
  return out;
}
