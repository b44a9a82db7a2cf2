import type { FieldKey } from "../model";
import { labelKey } from "../text";
import { memoByString } from "../memo";

/** What a header cell means. "remarks" (備考) is recognised so it is never mistaken for data. */
export type HeaderMeaning = FieldKey | "remarks" | "actualOrPrevious";

// Order matters: the first pattern that matches wins (e.g. 最終 before the plain 目標値).
const PATTERNS: ReadonlyArray<[HeaderMeaning, RegExp]> = [
  ["goal", /大基本目標/],
  ["subGoal", /小基本目標/],
  ["kpi", /重要業績評価指標|KPI/i],
  ["activity", /主な取組|今後の方策/],
  ["reason", /理由/],
  ["status", /進捗状況/],
  ["department", /担当課|担当部署|所管課/],
  ["baseline", /基準値|現状値/],
  ["finalTarget", /最終.*目標値|目標値.*最終/],
  ["target", /目標値/],
  ["actualOrPrevious", /実績値?/],
  ["measure", /具体的な施策|数値目標|^施策$/],
  ["remarks", /備考/],
];

/** Header labels are a small vocabulary repeated on every sheet and workbook: read each once. */
export const headerMeaning = memoByString(readHeaderMeaning);

function readHeaderMeaning(label: string): HeaderMeaning | null {
  const key = labelKey(label);
  if (key === "") return null;
  for (const [meaning, pattern] of PATTERNS) if (pattern.test(key)) return meaning;
  return null;
}

const ERA_YEAR = /(令和|平成|R|H)(元|\d{1,2})年度?/i;

/** The Gregorian (fiscal) year a label names, e.g. "令和5年度 実績値" -> 2023; null if none. */
export const yearInLabel = memoByString(readYearInLabel);

function readYearInLabel(label: string): number | null {
  const m = ERA_YEAR.exec(labelKey(label));
  if (!m) return null;
  const n = m[2] === "元" ? 1 : Number(m[2]);
  const era = m[1].toUpperCase();
  return era === "令和" || era === "R" ? 2018 + n : 1988 + n;
}

/** "令和5年度" for 2023. Years before 2019 are written in 平成. */
export function fiscalYearLabel(year: number): string {
  if (year >= 2019) return year === 2019 ? "令和元年度" : `令和${year - 2018}年度`;
  return year === 1989 ? "平成元年度" : `平成${year - 1988}年度`;
}
