// What staff type into 実績値, one entry per line: the cell, the row it is typed into, and what kensho
// must make of it. Drawn from the two seeds (the FY2023 sheet and the strategy) and from what such
// sheets hold in practice: full-width digits, 和暦 in every form, units and multipliers, parts, notes,
// qualifiers, dashes, dates and slips.
//
// Each entry: [cell, context, value, findings at the actual's cell, whether a status is computed].
// `value` states the kind, number (in the base unit), unit, reference period and remark the engine
// must read; anything not stated must be null. Findings are compared as a set of codes.
import type { FindingCode, ValueKind } from "../../../src/core/model";
import type { CellSpec } from "../../helpers/rowGrid";
import type { ContextName } from "./contexts";

export interface Expected {
  kind: ValueKind;
  number?: number | null;
  unit?: string | null;
  period?: string | null;
  remark?: string | null;
  parts?: Array<[label: string, number: number, unit: string | null]>;
}

export type Entry = [
  actual: CellSpec,
  context: ContextName,
  value: Expected,
  findings: FindingCode[],
  status: "status" | "none",
];

type More = Omit<Expected, "kind" | "number" | "unit">;
const num = (number: number, unit: string | null, more: More = {}): Expected => ({
  kind: "number",
  number,
  unit,
  ...more,
});
const kind = (k: ValueKind, more: Omit<Expected, "kind"> = {}): Expected => ({ kind: k, ...more });
const cell = (value: string | number, format: string, text: string): CellSpec => ({ value, format, text });

const NOTE = kind("note");
const ERR = kind("error");
const DATE = kind("date");
const SCHOOL = (a: number, b: number, unit: string | null = "%"): Expected["parts"] => [
  ["小学校", a, unit],
  ["中学校", b, unit],
];

// One entry per line reads as a table; prettier would break the long ones apart.
// prettier-ignore
export const ENTRIES: Entry[] = [
  // 新規求人数: the seed's figures and their everyday variants.
  ["1,472件", "求人", num(1472, "件"), [], "status"],
  ["１，４７２件", "求人", num(1472, "件"), [], "status"],
  [" 1,472件 ", "求人", num(1472, "件"), [], "status"],
  ["1472件", "求人", num(1472, "件"), [], "status"],
  ["1,472 件", "求人", num(1472, "件"), [], "status"],
  ["1,472件\u3000", "求人", num(1472, "件"), [], "status"],
  [cell(1472, '#,##0"件"', "1,472件"), "求人", num(1472, "件"), [], "status"],
  [cell(1472, "General", "1472"), "求人", num(1472, "件"), ["unit-assumed"], "status"],
  ["1472", "求人", num(1472, "件"), ["unit-assumed"], "status"],
  ["1,472", "求人", num(1472, "件"), ["unit-assumed"], "status"],
  [cell("1472", '#,##0"件"', "1472"), "求人", num(1472, "件"), ["unit-assumed"], "status"],
  ["1,486件", "求人", num(1486, "件"), ["unchanged-from-previous-year"], "status"],
  ["1,5O0件", "求人", kind("invalid"), ["unparseable-value"], "none"],
  ["15,63件", "求人", kind("invalid"), ["unparseable-value"], "none"],
  ["1、472件", "求人", kind("invalid"), ["unparseable-value"], "none"],
  ["1.472件", "求人", num(1.472, "件"), ["implausible-value"], "status"],
  ["147,200件", "求人", num(147200, "件"), ["implausible-value"], "status"],
  ["-1,472件", "求人", num(-1472, "件"), ["implausible-value"], "status"],
  ["△1,472件", "求人", num(-1472, "件"), ["implausible-value"], "status"],
  ["▲1,472件", "求人", num(-1472, "件"), ["implausible-value"], "status"],
  ["1,472人", "求人", num(1472, "人"), ["unit-mismatch"], "none"],
  ["1,472名", "求人", num(1472, "名"), ["unit-mismatch"], "none"],
  ["約1,470件", "求人", num(1470, "件", { remark: "約" }), ["qualified-actual"], "status"],
  ["1,472件（速報値）", "求人", num(1472, "件", { remark: "速報値" }), ["qualified-actual"], "status"],
  ["1,472件（確定値）", "求人", num(1472, "件", { remark: "確定値" }), [], "status"],
  ["1,472件(令和5年度)", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件 ※速報値", "求人", num(1472, "件", { remark: "※速報値" }), [], "status"],
  ["集計中", "求人", NOTE, ["actual-is-note"], "none"],
  ["未確定", "求人", NOTE, ["actual-is-note"], "none"],
  ["-", "求人", NOTE, ["actual-is-note"], "none"],
  [null, "求人", kind("blank"), ["missing-actual"], "none"],
  ["\u3000", "求人", kind("blank"), ["missing-actual"], "none"],
  ["#DIV/0!", "求人", ERR, ["formula-error"], "none"],
  ["#N/A", "求人", ERR, ["formula-error"], "none"],
  [cell(45146, "m/d", "8/8"), "求人", DATE, ["date-value"], "none"],
  [cell(45146, 'm"月"d"日"', "8月8日"), "求人", DATE, ["date-value"], "none"],
  ["2023-08-08", "求人", DATE, ["date-value"], "none"],
  [cell(44928, "d-mmm", "2-Jan"), "求人", DATE, ["date-value"], "none"],
  [cell(45146, "General", "45146"), "求人", num(45146, "件"), ["unit-assumed", "implausible-value"], "status"],
  ["1,472件以上", "求人", num(1472, "件", { remark: "以上" }), ["qualified-actual"], "status"],
  [
    "1,472件（令和5年度速報値）",
    "求人",
    num(1472, "件", { period: "令和5年度", remark: "速報値" }),
    ["qualified-actual"],
    "status",
  ],
  ["1,472件（令和5年3月末現在）", "求人", num(1472, "件", { period: "令和5年3月末" }), [], "status"],
  ["1,472件 (R5)", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件（FY2023）", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件（2023年度）", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件（令５年度）", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件（Ｒ５年度）", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件（H35年度）", "求人", num(1472, "件", { period: "令和5年度" }), [], "status"],
  ["1,472件（令和5年度末）", "求人", num(1472, "件", { period: "令和5年度末" }), [], "status"],

  // 製造品出荷額等: 億円, with and without the unit, and slips of the multiplier.
  ["11,017億円 (令和3年)", "出荷", num(1.1017e12, "円", { period: "令和3年" }), [], "status"],
  ["11,017億円（令和３年）", "出荷", num(1.1017e12, "円", { period: "令和3年" }), [], "status"],
  ["11,017億円", "出荷", num(1.1017e12, "円"), [], "status"],
  ["8800", "出荷", num(8.8e11, "円"), ["unit-assumed"], "status"],
  [cell(8800, "General", "8800"), "出荷", num(8.8e11, "円"), ["unit-assumed"], "status"],
  [cell(8800, '#,##0"億円"', "8,800億円"), "出荷", num(8.8e11, "円"), [], "status"],
  [cell("8800", '#,##0"億円"', "8800"), "出荷", num(8.8e11, "円"), ["unit-assumed"], "status"],
  ["880,000,000,000", "出荷", num(8.8e11, "円"), ["unit-assumed"], "status"],
  ["8,800億", "出荷", num(8.8e11, "円"), ["unit-assumed"], "status"],
  ["8800億円", "出荷", num(8.8e11, "円"), [], "status"],
  ["約8,800億円", "出荷", num(8.8e11, "円", { remark: "約" }), ["qualified-actual"], "status"],
  ["8,800億円（速報値）", "出荷", num(8.8e11, "円", { remark: "速報値" }), ["qualified-actual"], "status"],
  ["約8,800億円（速報値）", "出荷", num(8.8e11, "円", { remark: "約、速報値" }), ["qualified-actual"], "status"],
  ["11,017億円 (令和4年)", "出荷", num(1.1017e12, "円", { period: "令和4年" }), ["reference-year-mismatch"], "status"],
  ["1,101,700百万円", "出荷", num(1.1017e12, "円"), [], "status"],
  ["1兆1,017億円", "出荷", num(1.1017e12, "円"), [], "status"],
  ["1.1兆円", "出荷", num(1.1e12, "円"), [], "status"],
  ["11,017", "出荷", num(1.1017e12, "円"), ["unit-assumed"], "status"],
  [
    "11,017億円(令和3年)速報",
    "出荷",
    num(1.1017e12, "円", { period: "令和3年", remark: "速報" }),
    ["qualified-actual"],
    "status",
  ],
  ["11,017億円（工業統計）", "出荷", num(1.1017e12, "円", { remark: "工業統計" }), [], "status"],
  ["8.8", "出荷", num(8.8e8, "円"), ["unit-assumed", "implausible-value"], "status"],

  // 年間観光入込客数: 万人.
  ["300万人", "観光", num(3e6, "人"), [], "status"],
  ["3,000,000人", "観光", num(3e6, "人"), [], "status"],
  ["300", "観光", num(3e6, "人"), ["unit-assumed"], "status"],
  ["3000000", "観光", num(3e6, "人"), ["unit-assumed"], "status"],
  ["300万", "観光", num(3e6, "人"), ["unit-assumed"], "status"],
  ["約300万人", "観光", num(3e6, "人", { remark: "約" }), ["qualified-actual"], "status"],
  ["300万人（推計）", "観光", num(3e6, "人", { remark: "推計" }), ["qualified-actual"], "status"],
  ["300万人以上", "観光", num(3e6, "人", { remark: "以上" }), ["qualified-actual"], "status"],
  ["３００万人", "観光", num(3e6, "人"), [], "status"],
  ["300万件", "観光", num(3e6, "件"), ["unit-mismatch"], "none"],
  ["3万人", "観光", num(3e4, "人"), ["implausible-value"], "status"],
  ["258万人", "観光", num(2.58e6, "人"), ["unchanged-from-previous-year"], "status"],
  ["2,580,000人", "観光", num(2.58e6, "人"), ["unchanged-from-previous-year"], "status"],
  [cell(300, '0"万人"', "300万人"), "観光", num(3e6, "人"), [], "status"],
  [cell(3000000, '#,##0"人"', "3,000,000人"), "観光", num(3e6, "人"), [], "status"],

  // 妊婦健康診査受診率: percents, as text and as fractions under a % format.
  ["78.1%", "受診", num(78.1, "%"), [], "status"],
  ["78.1％", "受診", num(78.1, "%"), [], "status"],
  ["７８．１％", "受診", num(78.1, "%"), [], "status"],
  [cell(0.781, "0.0%", "78.1%"), "受診", num(78.1, "%"), [], "status"],
  [cell(78.1, '0.0"%"', "78.1%"), "受診", num(78.1, "%"), [], "status"],
  ["78.1", "受診", num(78.1, "%"), ["unit-assumed"], "status"],
  ["0.781", "受診", num(0.781, null), ["unit-mismatch"], "none"],
  [cell(0.781, "General", "0.781"), "受診", num(0.781, null), ["unit-mismatch"], "none"],
  ["78.1パーセント", "受診", num(78.1, "%"), [], "status"],
  ["約78%", "受診", num(78, "%", { remark: "約" }), ["qualified-actual"], "status"],
  ["78.1%（暫定値）", "受診", num(78.1, "%", { remark: "暫定値" }), ["qualified-actual"], "status"],
  ["781%", "受診", num(781, "%"), ["percent-out-of-range"], "status"],
  ["-3.0%", "受診", num(-3, "%"), ["percent-out-of-range", "implausible-value"], "status"],
  ["集計中（令和6年8月確定予定）", "受診", NOTE, ["actual-is-note"], "none"],
  ["令和6年8月公表予定", "受診", NOTE, ["actual-is-note"], "none"],
  ["78.1ポイント", "受診", num(78.1, "ポイント"), ["unit-mismatch"], "none"],

  // 子育てしたいと思う割合.
  ["63.5%", "子育", num(63.5, "%"), [], "status"],
  ["105%", "子育", num(105, "%"), ["percent-out-of-range"], "status"],
  ["63.5", "子育", num(63.5, "%"), ["unit-assumed"], "status"],
  ["63.5%（令和5年度）", "子育", num(63.5, "%", { period: "令和5年度" }), [], "status"],

  // 合計特殊出生率: a bare ratio beside a bare target.
  ["1.22 (令和4年)", "出生率", num(1.22, null, { period: "令和4年" }), [], "status"],
  ["1.22（令和４年）", "出生率", num(1.22, null, { period: "令和4年" }), [], "status"],
  ["1.22", "出生率", num(1.22, null), [], "status"],
  ["1.22 (令和5年)", "出生率", num(1.22, null, { period: "令和5年" }), ["reference-year-mismatch"], "status"],
  ["1.22 (2022年)", "出生率", num(1.22, null, { period: "令和4年" }), [], "status"],
  ["1.22人", "出生率", num(1.22, "人"), ["unit-mismatch"], "none"],
  ["122", "出生率", num(122, null), ["implausible-value"], "status"],
  [cell(1.22, "0.00", "1.22"), "出生率", num(1.22, null), [], "status"],
  ["1.22（概数）", "出生率", num(1.22, null, { remark: "概数" }), ["qualified-actual"], "status"],

  // 保育施設待機児童数: a category target.
  ["待機児童なし", "待機", kind("category"), [], "status"],
  ["待機児童 なし", "待機", kind("category"), [], "status"],
  [
    "待機児童なし（令和5年4月1日現在）",
    "待機",
    kind("category", { period: "令和5年4月1日" }),
    [],
    "status",
  ],
  ["待機児童あり", "待機", kind("category"), [], "status"],
  ["0人", "待機", num(0, "人"), ["incomparable-values"], "none"],
  ["待機児童0人", "待機", kind("parts", { parts: [["待機児童", 0, "人"]] }), ["incomparable-values"], "none"],
  ["集計中", "待機", NOTE, ["actual-is-note"], "none"],

  // Parts: 小学校 / 中学校.
  ["小学校87.1% 中学校72.2%", "学校", kind("parts", { parts: SCHOOL(87.1, 72.2) }), [], "status"],
  ["小学校 87.1% 中学校 72.2%", "学校", kind("parts", { parts: SCHOOL(87.1, 72.2) }), [], "status"],
  ["小学校87.1%、中学校72.2%", "学校", kind("parts", { parts: SCHOOL(87.1, 72.2) }), [], "status"],
  ["小学校87.1%\n中学校72.2%", "学校", kind("parts", { parts: SCHOOL(87.1, 72.2) }), [], "status"],
  ["小学校87.1%中学校72.2%", "学校", kind("parts", { parts: SCHOOL(87.1, 72.2) }), [], "status"],
  [
    "小学校87.1% 中学校72.2%（速報値）",
    "学校",
    kind("parts", { parts: SCHOOL(87.1, 72.2), remark: "速報値" }),
    ["qualified-actual"],
    "status",
  ],
  ["小学校87.1%", "学校", kind("parts", { parts: [["小学校", 87.1, "%"]] }), ["incomparable-values"], "none"],
  ["87.1% 72.2%", "学校", kind("invalid"), ["unparseable-value"], "none"],
  ["小学校87.1 中学校72.2", "学校", kind("parts", { parts: SCHOOL(87.1, 72.2, null) }), ["unit-mismatch"], "none"],
  [
    "小学校86.1% 中学校76.6%",
    "学校",
    kind("parts", { parts: SCHOOL(86.1, 76.6) }),
    ["unchanged-from-previous-year"],
    "status",
  ],

  // 休日夜間急患センターの開設日数: 366日 (閏年) is a category beside a category target.
  ["366日 (閏年)", "急患", kind("category", { number: 366, unit: "日", remark: "閏年" }), [], "status"],
  ["366日（閏年）", "急患", kind("category", { number: 366, unit: "日", remark: "閏年" }), [], "status"],
  ["365日", "急患", num(365, "日"), ["incomparable-values"], "none"],

  // 刑法犯認知件数 (decrease), calendar years.
  ["1,869件 (令和5年)", "刑法犯", num(1869, "件", { period: "令和5年" }), [], "status"],
  ["1,869件", "刑法犯", num(1869, "件"), [], "status"],
  ["1,869件 (令和4年)", "刑法犯", num(1869, "件", { period: "令和4年" }), ["reference-year-mismatch"], "status"],
  [
    "1,869件（令和5年・暫定値）",
    "刑法犯",
    num(1869, "件", { period: "令和5年", remark: "暫定値" }),
    ["qualified-actual"],
    "status",
  ],
  ["0件", "刑法犯", num(0, "件"), [], "status"],
  ["1,869件（令和5年12月末現在）", "刑法犯", num(1869, "件", { period: "令和5年12月末" }), [], "status"],

  // 寄付額: 千円, 億円 and 円 in one row, compared in 円.
  ["3億4,000万円", "寄付", num(3.4e8, "円"), [], "status"],
  ["340,000千円", "寄付", num(3.4e8, "円"), [], "status"],
  ["3.4億円", "寄付", num(3.4e8, "円"), [], "status"],
  ["340,000,000円", "寄付", num(3.4e8, "円"), [], "status"],
  ["340,000", "寄付", num(340000, null), ["unit-mismatch"], "none"],
  ["3.4億", "寄付", num(3.4e8, null), [], "status"],
  ["約3.4億円", "寄付", num(3.4e8, "円", { remark: "約" }), ["qualified-actual"], "status"],

  // 市内総生産: 億 written without 円 on every figure.
  ["8,300億", "総生産", num(8.3e11, null), [], "status"],
  ["8,300億円", "総生産", num(8.3e11, "円"), [], "status"],
  ["8300", "総生産", num(8.3e11, null), ["unit-assumed"], "status"],

  // 年少人口: points in time, remarks, qualifiers, notes and formats.
  ["28,100人（令和5年4月1日現在）", "年少", num(28100, "人", { period: "令和5年4月1日" }), [], "status"],
  ["28,100人（R5.4.1時点）", "年少", num(28100, "人", { period: "令和5年4月1日" }), [], "status"],
  ["28,100人（令和5年度末）", "年少", num(28100, "人", { period: "令和5年度末" }), [], "status"],
  ["28,100人（2023年4月1日）", "年少", num(28100, "人", { period: "令和5年4月1日" }), [], "status"],
  ["28,100人（2023/4/1現在）", "年少", num(28100, "人", { period: "令和5年4月1日" }), [], "status"],
  ["2.81万人", "年少", num(28100, "人"), [], "status"],
  ["28,1OO人", "年少", kind("invalid"), ["unparseable-value"], "none"],
  ["28 100人", "年少", kind("invalid"), ["unparseable-value"], "none"],
  ["28,100.0人", "年少", num(28100, "人"), [], "status"],
  ["28,100人\u3000※住民基本台帳", "年少", num(28100, "人", { remark: "※住民基本台帳" }), [], "status"],
  ["28,100人(※)", "年少", num(28100, "人", { remark: "※" }), [], "status"],
  ["28,100人（住民基本台帳）", "年少", num(28100, "人", { remark: "住民基本台帳" }), [], "status"],
  ["28,100人程度", "年少", num(28100, "人", { remark: "程度" }), ["qualified-actual"], "status"],
  ["28,100人超", "年少", num(28100, "人", { remark: "超" }), ["qualified-actual"], "status"],
  ["28,100人前後", "年少", num(28100, "人", { remark: "前後" }), ["qualified-actual"], "status"],
  ["およそ28,100人", "年少", num(28100, "人", { remark: "およそ" }), ["qualified-actual"], "status"],
  ["概ね28,100人", "年少", num(28100, "人", { remark: "概ね" }), ["qualified-actual"], "status"],
  ["推計値28,100人", "年少", num(28100, "人", { remark: "推計値" }), ["qualified-actual"], "status"],
  ["28,100人（見込）", "年少", num(28100, "人", { remark: "見込" }), ["qualified-actual"], "status"],
  ["28,100人見込み", "年少", num(28100, "人", { remark: "見込み" }), ["qualified-actual"], "status"],
  ["速報値:28,100人", "年少", num(28100, "人", { remark: "速報値" }), ["qualified-actual"], "status"],
  ["【速報】28,100人", "年少", num(28100, "人", { remark: "速報" }), ["qualified-actual"], "status"],
  ["〔暫定〕28,100人", "年少", num(28100, "人", { remark: "暫定" }), ["qualified-actual"], "status"],
  ["[速報値]28,100人", "年少", num(28100, "人", { remark: "速報値" }), ["qualified-actual"], "status"],
  ["28,100人【確定値】", "年少", num(28100, "人", { remark: "確定値" }), [], "status"],
  ["28,100人（累計）", "年少", num(28100, "人", { remark: "累計" }), [], "status"],
  ["集計中のため未記入", "年少", NOTE, ["actual-is-note"], "none"],
  ["調査中", "年少", NOTE, ["actual-is-note"], "none"],
  ["非公表", "年少", NOTE, ["actual-is-note"], "none"],
  ["―", "年少", NOTE, ["actual-is-note"], "none"],
  ["ー", "年少", NOTE, ["actual-is-note"], "none"],
  ["—", "年少", NOTE, ["actual-is-note"], "none"],
  ["―――", "年少", NOTE, ["actual-is-note"], "none"],
  ["なし", "年少", kind("category"), ["actual-is-note"], "none"],
  ["把握していない", "年少", kind("category"), ["actual-is-note"], "none"],
  ["3年ごとの調査のため、令和5年度は実施していない", "年少", NOTE, ["actual-is-note"], "none"],
  ["※令和6年度に公表予定", "年少", NOTE, ["actual-is-note"], "none"],
  [cell(28100, '#,##0"人"', "28,100人"), "年少", num(28100, "人"), [], "status"],
  [cell(28100, "#,##0人", "28,100人"), "年少", num(28100, "人"), [], "status"],
  [cell(2.81, '0.00"万人"', "2.81万人"), "年少", num(28100, "人"), [], "status"],
  [cell(28100, "#,##0_ ;[Red]\\-#,##0 ", "28,100 "), "年少", num(28100, "人"), ["unit-assumed"], "status"],
  [
    cell(-300, '#,##0;"△"#,##0', "△300"),
    "年少",
    num(-300, "人"),
    ["unit-assumed", "implausible-value"],
    "status",
  ],
  [cell(28100, "@", "28100"), "年少", num(28100, "人"), ["unit-assumed"], "status"],
  [cell("28100", '#,##0"人"', "28100"), "年少", num(28100, "人"), ["unit-assumed"], "status"],
  [cell(45017, "yyyy/m/d", "2023/4/1"), "年少", DATE, ["date-value"], "none"],
  [cell(45017, '[$-ja-JP]ggge"年"m"月"d"日"', "令和5年4月1日"), "年少", DATE, ["date-value"], "none"],
  [cell(0.5, "h:mm", "12:00"), "年少", DATE, ["date-value"], "none"],
  ["2023-04-01T00:00:00.000Z", "年少", DATE, ["date-value"], "none"],
  ["#VALUE!", "年少", ERR, ["formula-error"], "none"],
  ["#REF!", "年少", ERR, ["formula-error"], "none"],

  // 製造業の事業所数: a calendar year in every figure.
  ["187事業所 (令和4年)", "事業所", num(187, "事業所", { period: "令和4年" }), [], "status"],
  [
    "187事業所 (令和3年)",
    "事業所",
    num(187, "事業所", { period: "令和3年" }),
    ["reference-year-mismatch", "unchanged-from-previous-year"],
    "status",
  ],
  ["187社", "事業所", num(187, "社"), ["unit-mismatch"], "none"],

  // 放課後児童クラブ数: カ所 spelled every way (力所 is the PDF's misreading of カ所).
  ["96力所", "クラブ", num(96, "カ所"), [], "status"],
  ["96カ所", "クラブ", num(96, "カ所"), [], "status"],
  ["96か所", "クラブ", num(96, "カ所"), [], "status"],
  ["96ヶ所", "クラブ", num(96, "カ所"), [], "status"],
  ["96箇所", "クラブ", num(96, "カ所"), [], "status"],
  ["96ヵ所", "クラブ", num(96, "カ所"), [], "status"],
  ["96クラブ", "クラブ", num(96, "クラブ"), ["unit-mismatch"], "none"],
];
