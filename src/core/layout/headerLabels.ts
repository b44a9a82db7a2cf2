import type { FieldKey } from "../model";
import { labelKey } from "../text";
import { memoByString } from "../memo";
import { withoutYears } from "./yearForms";

/**
 * What a header label means. "remarks" (備考) is recognised so it is never mistaken for data;
 * "actualOrPrevious" is a 実績値 column, whose year decides whether it is this year's or last year's.
 */
export type HeaderMeaning =
  | FieldKey
  | "remarks"
  | "actualOrPrevious"
  // Words that could mean two fields; the structure around them decides (assignColumns/ambiguity):
  /** 現状値: the baseline, or (dated to the year, beside a 基準値) this year's actual. */
  | "baselineOrActual"
  /** 目標指標: the KPI's name, or (beside a name column) a target. */
  | "kpiOrTarget"
  /** 施策目標の達成状況: actuals (beside a 目標値 band), or targets (beside a 実績 band). */
  | "targetOrActual";

// Order matters: the first pattern that matches wins. A label composed over header rows reads top
// to bottom ("令和6年度 実績値"), so the more specific meanings come first: 小基本目標 before 目標,
// 理由 before 進捗状況 (a band 進捗状況 over 理由), 最終 before the plain 目標値, 数値目標 before 目標,
// the value fields before KPI.
const PATTERNS: ReadonlyArray<[HeaderMeaning, RegExp]> = [
  ["subGoal", /小基本目標/],
  ["goal", /大基本目標|^基本目標$/],
  ["activity", /主な取組|今後の方策|事業実施状況|取組状況/],
  ["reason", /理由/],
  ["status", /進捗状況|^進捗(?:評価)?$/],
  ["department", /担当課|担当部署|担当部局|所管課|所管部局|所管部署|担当部課/],
  // ②課題 in a column of its own, when the ①②③ text is split over three columns.
  ["activity", /^\d?課題等?$/],
  // Other cities' words (issue 22), placed where they cannot take a label 伊勢崎's sheet uses.
  ["trend", /改善.?悪化|改善状況|前年度比較|前年比|傾向/],
  ["rate", /達成率|進捗率/],
  ["baseline", /基準値|策定時|従前値/],
  ["baselineOrActual", /現状値/],
  ["finalTarget", /最終.*目標|目標.*最終/],
  ["measure", /具体的な施策|数値目標|^施策$/],
  ["kpiOrTarget", /^目標指標/],
  ["targetOrActual", /目標.*達成状況/],
  ["target", /期待値/],
  ["target", /目標/],
  ["actualOrPrevious", /実績|達成状況/],
  ["kpi", /指標名|成果指標/],
  // After the value fields: a band "KPI" over 基準値 … 目標値 does not make them the KPI's name.
  ["kpi", /重要業績評価指標|KPI/i],
  ["remarks", /備考/],
  ["comment", /成果と見直し|分析|所見|効果発現要因/],
];

/** Labels matched whole, once their years and brackets are taken out ("令和5年度 評価", "単位"). */
const WHOLE: ReadonlyArray<[HeaderMeaning, RegExp]> = [
  ["status", /^(?:総合)?(?:評価|判定|達成度|評価区分|達成度評価)$/],
  ["unit", /^単位$/],
];

/** Header labels are a small vocabulary repeated on every sheet and workbook: read each once. */
export const headerMeaning = memoByString(readHeaderMeaning);

function readHeaderMeaning(label: string): HeaderMeaning | null {
  const key = labelKey(label);
  if (key === "") return null;
  for (const [meaning, pattern] of PATTERNS) if (pattern.test(key)) return meaning;
  const bare = bareLabel(label);
  for (const [meaning, pattern] of WHOLE) if (pattern.test(bare)) return meaning;
  return null;
}

/** A label without its years, brackets and punctuation: "令和5年度(評価)" → "評価". */
function bareLabel(label: string): string {
  return withoutYears(label).replace(/[()（）「」【】［］[\]・、,.:：]/g, "");
}

/** The words of a label that gave its meaning ("成果指標" in "成果指標名"), for a profile's draft. */
export function meaningWords(label: string): string | null {
  const key = labelKey(label);
  if (key === "") return null;
  for (const [, pattern] of PATTERNS) {
    const m = pattern.exec(key);
    if (m) return m[0];
  }
  const bare = bareLabel(label);
  for (const [, pattern] of WHOLE) if (pattern.test(bare)) return bare;
  return null;
}

/** Labels are short; a sentence (a note row, a KPI's text) is never one. */
const MAX_LABEL_LENGTH = 60;

/** Words that appear in header cells of their own without naming a field (a split KPI header's 名称). */
const LABEL_WORDS =
  /^(?:名称|単位|内容|区分|項目|数値|値|計画|年度|前年度|昨年度|今年度|当年度|本年度|[()（）「」【】［］・、,.-])*$/;

/**
 * A cell that reads as part of a header: a field's label, a year band (令和６年度, R6), or one of the
 * words split header cells carry on their own. Data (names, figures, statuses, 担当課) does not.
 */
export const isLabelText = memoByString(readIsLabelText);

function readIsLabelText(text: string): boolean {
  const key = labelKey(text);
  if (key === "" || key.length > MAX_LABEL_LENGTH || /[。]/.test(key)) return false;
  if (headerMeaning(text) !== null) return true;
  return LABEL_WORDS.test(withoutYears(text));
}

// Words only header cells carry, checked on raw text so that a data row costs one test per cell.
const HEADER_WORDS =
  /大基本目標|小基本目標|重要業績|KPI|ＫＰＩ|主な取組|理由|進\s*捗\s*状\s*況|担当課|担当部署|所管課|基準値|現状値|目標値|実績|具体的な施策|数値目標|備考/i;
/**
 * Other cities' words (issue 22). Their labels are short, so they are looked for only in short
 * cells: a data row's long texts pay for the one pattern above, as before.
 */
const CITY_HEADER_WORDS = /指標|期待値|評\s*価|判\s*定|達成|所管|担当部|策定時|従前値|単\s*位|改善/;
const MAX_RAW_LABEL_LENGTH = 80;
const MAX_CITY_LABEL_LENGTH = 24;

/** Cheap first look at a cell: could it be a header label? */
export function mayBeLabel(text: string): boolean {
  if (text.length > MAX_RAW_LABEL_LENGTH) return false;
  return HEADER_WORDS.test(text) || (text.length <= MAX_CITY_LABEL_LENGTH && CITY_HEADER_WORDS.test(text));
}
