// Grids shaped like a 効果検証シート, built in code (until fixture workbooks can be read here).
import type { CellValue, SheetGrid } from "../../src/core/model";
import { gridFromArrays } from "../../src/core/grid";

const HEADER = [
  "大基本目標",
  "小基本目標",
  "数値目標\n具体的な施策",
  "",
  "重要業績評価指標\n(KPI)名称",
  "令和5年度\n①主な取組・事業実施状況②課題③今後の方策等",
  "基準値\n(令和元年度)",
  "令和4年度\n実績値",
  "令和5年度\n実績値",
  "令和5年度\n目標値",
  "計画最終年度目標値\n(令和9年度)",
  "進捗状況",
  "進捗が遅れている\n理由",
  "指標の担当課",
];

/** Title row, header row, then `rows` data rows; columns A..N. Row 5 (0-based 4) is hidden. */
export function verificationGrid(name: string, rows: number): SheetGrid {
  const values: CellValue[][] = [
    ["令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート", ...Array(13).fill(null)],
    HEADER.map((h) => (h === "" ? null : h)),
  ];
  const formats: string[][] = [Array(14).fill("General"), Array(14).fill("General")];
  for (let i = 0; i < rows; i++) {
    const status = i % 5 === 0 ? null : i % 3 === 0 ? "進捗の遅れ" : "順調に進捗";
    values.push([
      "1 しごとの創生",
      "1-1 安定した雇用の創出",
      `①施策${i}`,
      null,
      `KPI ${i}`,
      "①取組②課題③方策",
      1000 + i,
      1100 + i,
      i % 7 === 0 ? null : 1200 + i,
      1250,
      1500,
      status,
      status === "進捗の遅れ" ? null : "-",
      "商工労働課",
    ]);
    formats.push([
      "General",
      "General",
      "General",
      "General",
      "General",
      "General",
      '#,##0"件"',
      '#,##0"件"',
      '#,##0"件"',
      '#,##0"件"',
      '#,##0"件"',
      "General",
      "General",
      "General",
    ]);
  }
  const texts = values.map((row, i) =>
    row.map((v, j) =>
      v === null
        ? ""
        : typeof v === "number" && formats[i][j].includes("件")
          ? `${v.toLocaleString("en-US")}件`
          : String(v),
    ),
  );
  return gridFromArrays(name, values, {
    texts,
    formats,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 13 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 2, left: 0, bottom: 1 + rows, right: 0 },
    ],
    hiddenRows: rows > 3 ? [4] : [],
  });
}

export function workbook(sheets: number, rows: number): SheetGrid[] {
  return Array.from({ length: sheets }, (_, i) => verificationGrid(`1-${i + 1}`, rows));
}
