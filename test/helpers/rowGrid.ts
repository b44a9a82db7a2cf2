// A verification sheet built in code from row descriptions: title, one header row (13 columns,
// A..M), then one data row per description. For tests that need many rows of chosen values.
import type { CellValue, SheetGrid } from "../../src/core/model";
import { gridFromArrays } from "../../src/core/grid";

/** A cell as a plain value (text as shown), or with its displayed text and number format. */
export type CellSpec = CellValue | { value: CellValue; text?: string; format?: string };

export interface RowSpec {
  name: string;
  baseline?: CellSpec;
  previous?: CellSpec;
  actual?: CellSpec;
  target?: CellSpec;
  finalTarget?: CellSpec;
  status?: CellSpec;
  reason?: CellSpec;
  department?: CellSpec;
  activity?: CellSpec;
}

const HEADER = [
  "大基本目標",
  "小基本目標",
  "数値目標",
  "重要業績評価指標\n(KPI)\n名称",
  "令和5年度\n①主な取組・事業実施状況\n②課題\n③今後の方策等",
  "基準値\n(令和元年度)",
  "令和4年度\n実績値",
  "令和5年度\n実績値",
  "令和5年度\n目標値",
  "計画最終年度\n目標値\n(令和9年度)",
  "進捗状況",
  "進捗が遅れている\n理由",
  "指標の担当課",
];

/** Column letter of each field in the sheet `verificationSheet` builds. */
export const COLUMN = {
  kpi: "D",
  activity: "E",
  baseline: "F",
  previous: "G",
  actual: "H",
  target: "I",
  finalTarget: "J",
  status: "K",
  reason: "L",
  department: "M",
} as const;

/** 1-based worksheet row of the i-th (0-based) row description. */
export const sheetRow = (i: number): number => i + 3;

function cell(spec: CellSpec | undefined): { value: CellValue; text: string; format: string } {
  if (spec === undefined || spec === null) return { value: null, text: "", format: "General" };
  if (typeof spec === "object") {
    const text = spec.text ?? (spec.value === null ? "" : String(spec.value));
    return { value: spec.value, text, format: spec.format ?? "General" };
  }
  return { value: spec, text: String(spec), format: "General" };
}

export function verificationSheet(rows: RowSpec[], name = "検証"): SheetGrid {
  const title = "令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート";
  const values: CellValue[][] = [[title], HEADER];
  const texts: string[][] = [[title], HEADER];
  const formats: string[][] = [["General"], HEADER.map(() => "General")];
  for (const r of rows) {
    const cells = [
      cell("1 しごとの創生"),
      cell("1-1 安定した雇用の創出"),
      cell("①地域産業の活性化"),
      cell(r.name),
      cell(r.activity ?? "①取組 ②課題 ③方策"),
      cell(r.baseline),
      cell(r.previous),
      cell(r.actual),
      cell(r.target),
      cell(r.finalTarget),
      cell(r.status),
      cell(r.reason ?? "-"),
      cell(r.department ?? "企画調整課"),
    ];
    values.push(cells.map((c) => c.value));
    texts.push(cells.map((c) => c.text));
    formats.push(cells.map((c) => c.format));
  }
  return gridFromArrays(name, values, { texts, formats });
}
