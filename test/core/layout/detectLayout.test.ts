// The layout reader on the cases that once went wrong silently (issue 12), and on the rules that
// replace guessing: year forms, composed labels, the fiscal year's sources, position, ambiguity.
import { checkWorkbook } from "../../../src/core/check";
import { STRATEGY_CODES } from "../../../src/core/rules/strategyRules";
import { gridFromArrays } from "../../../src/core/grid";
import { detectLayout } from "../../../src/core/layout/detectLayout";
import type { CellArea, CellValue, SheetGrid, SheetLayout } from "../../../src/core/model";
import { DEFAULT_RULE } from "../../../src/core/model";
import { SheetView } from "../../../src/core/sheetView";
import { renderFileError, renderFinding } from "../../../src/i18n/findings";

type Row = CellValue[];

/** Columns A..M of one KPI row: previous 100, actual 120, target 110 (on track at 109%). */
const DATA: Row = [
  "1 しごとの創生",
  "1-1 安定した雇用の創出",
  "①地域産業の活性化",
  "新規求人数",
  "①取組②課題③方策",
  "90件",
  "100件",
  "120件",
  "110件",
  "150件",
  "順調に進捗",
  "-",
  "商工労働課",
];

const LABELS = {
  goal: "大基本目標",
  subGoal: "小基本目標",
  measure: "具体的な施策",
  kpi: "重要業績評価指標\n(KPI)名称",
  activity: "①主な取組・事業実施状況②課題③今後の方策等",
  baseline: "基準値\n(令和元年度)",
  finalTarget: "計画最終年度\n目標値\n(令和9年度)",
  status: "進捗状況",
  reason: "進捗が遅れている\n理由",
  department: "指標の担当課",
};

/** A one-row header with the given labels for columns F..I (baseline, previous, actual, target). */
function oneRow(values: [string, string, string, string], data: Row = DATA, extra: Row[] = []): Row[] {
  return [
    [
      LABELS.goal,
      LABELS.subGoal,
      LABELS.measure,
      LABELS.kpi,
      LABELS.activity,
      ...values,
      LABELS.finalTarget,
      LABELS.status,
      LABELS.reason,
      LABELS.department,
    ],
    data,
    ...extra,
  ];
}

function grid(rows: Row[], merges: CellArea[] = [], name = "1-1"): SheetGrid {
  return gridFromArrays(name, rows, { merges });
}

function layoutOf(g: SheetGrid, statedYear: number | null = null): SheetLayout {
  return detectLayout(new SheetView(g), { statedYear });
}

const columnsOf = (l: SheetLayout) => l.blocks[0].columns;
const area = (top: number, left: number, bottom: number, right: number): CellArea => ({
  top,
  left,
  bottom,
  right,
});

describe("the cases that read the wrong column silently", () => {
  test("abbreviated years: R5実績値, R6実績値, R6目標値", () => {
    const l = layoutOf(grid(oneRow(["基準値", "R5実績値", "R6実績値", "R6目標値"])));
    expect(l.fiscalYear).toBe("令和6年度");
    expect(columnsOf(l)).toMatchObject({ previous: [6], actual: [7], target: [8] });
    const [row] = checkWorkbook([grid(oneRow(["基準値", "R5実績値", "R6実績値", "R6目標値"]))]).rows;
    expect(row.values.actual.raw).toBe("120件");
    expect(row.computedStatus).toBe("順調に進捗");
  });

  test("full-width abbreviations: Ｒ５年度実績, Ｒ６年度実績", () => {
    const l = layoutOf(grid(oneRow(["基準値", "Ｒ５年度実績", "Ｒ６年度実績", "Ｒ６年度目標"])));
    expect(l.fiscalYear).toBe("令和6年度");
    expect(columnsOf(l)).toMatchObject({ previous: [6], actual: [7], target: [8] });
  });

  test("the year merged over two columns: 令和６年度 above 実績値 and 目標値", () => {
    const top: Row = oneRow(["基準値", "令和5年度\n実績値", "令和６年度", null as never])[0];
    const second: Row = Array(13).fill(null);
    second[7] = "実績値";
    second[8] = "目標値";
    const merges = [
      ...[0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12].map((c) => area(0, c, 1, c)),
      area(0, 7, 0, 8), // the year band
    ];
    const l = layoutOf(grid([top, second, DATA], merges));
    expect(l.fiscalYear).toBe("令和6年度");
    expect(l.fiscalYearSource).toBe("actual-header");
    expect(l.blocks[0].headerRows).toEqual([0, 1]);
    expect(columnsOf(l)).toMatchObject({ previous: [6], actual: [7], target: [8] });
    const reading = l.blocks[0].readings.find((r) => r.field === "actual");
    expect(reading).toMatchObject({ header: "令和６年度 実績値", basis: "year", year: 2024 });
  });

  test("last year's and this year's actual in the other order", () => {
    const l = layoutOf(grid(oneRow(["基準値", "令和6年度 実績値", "令和5年度 実績値", "令和6年度 目標値"])));
    expect(columnsOf(l)).toMatchObject({ actual: [6], previous: [7], target: [8] });
  });
});

describe("the fiscal year and its sources", () => {
  const title = (text: string): Row => [text, ...Array(12).fill(null)];

  test("headers that name no year take it from the title (前年度 / 実績値 / 目標値)", () => {
    const rows = [
      title("令和6年度 効果検証シート"),
      ...oneRow(["基準値", "前年度実績値", "実績値", "目標値"]),
    ];
    const l = layoutOf(grid(rows));
    expect(l).toMatchObject({ fiscalYear: "令和6年度", fiscalYearSource: "title" });
    expect(columnsOf(l)).toMatchObject({ previous: [6], actual: [7], target: [8] });
    expect(l.blocks[0].readings.filter((r) => r.field === "previous" || r.field === "actual")).toMatchObject([
      { basis: "relative" },
      { basis: "unqualified" },
    ]);
  });

  test("no year anywhere: unknown, unless the user states it", () => {
    const g = grid(oneRow(["基準値", "前年度実績値", "実績値", "目標値"]));
    expect(layoutOf(g)).toMatchObject({ fiscalYear: null, fiscalYearSource: null });
    expect(layoutOf(g, 2024)).toMatchObject({ fiscalYear: "令和6年度", fiscalYearSource: "stated" });
    const r = checkWorkbook([g], DEFAULT_RULE, { fiscalYear: 2024 });
    expect(r.fiscalYear).toBe("令和6年度");
    expect(r.findings.filter((f) => f.code === "fiscal-year-disagreement")).toEqual([]);
  });

  test("title and headers disagree: the headers decide, and a warning names both sources", () => {
    const rows = [
      title("令和6年度 効果検証シート"),
      ...oneRow(["基準値", "令和4年度実績値", "令和5年度実績値", "令和5年度目標値"]),
    ];
    const r = checkWorkbook([grid(rows)]);
    expect(r.fiscalYear).toBe("令和5年度");
    expect(r.rows[0].values.actual.raw).toBe("120件");
    const warnings = r.findings.filter((f) => f.code === "fiscal-year-disagreement");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", sheet: null, cell: null, row: null });
    expect(warnings[0].params.fiscalYear).toBe("令和5年度");
    expect(warnings[0].params.yearSources?.map((s) => [s.source, s.fiscalYear])).toEqual([
      ["actual-header", "令和5年度"],
      ["target-header", "令和5年度"],
      ["title", "令和6年度"],
    ]);
    const message = renderFinding(warnings[0]);
    expect(message).toContain("タイトル「令和6年度 効果検証シート」・シート「1-1」は令和6年度");
    expect(message).toContain("実績値の見出し「令和5年度実績値」");
    expect(message).toContain("令和5年度として読み取りました");
  });

  test("a sheet named for another year is a source too", () => {
    const r = checkWorkbook([grid(oneRow(["基準値", "R4実績値", "R5実績値", "R5目標値"]), [], "R6")]);
    expect(r.fiscalYear).toBe("令和5年度");
    const [w] = r.findings.filter((f) => f.code === "fiscal-year-disagreement");
    expect(w.params.yearSources?.map((s) => s.source)).toEqual([
      "actual-header",
      "target-header",
      "sheet-name",
    ]);
  });

  test("a stated year decides over the workbook, and the disagreement is still reported", () => {
    const g = grid(oneRow(["R4実績値", "R5実績値", "R6実績値", "R5目標値"]));
    const r = checkWorkbook([g], DEFAULT_RULE, { fiscalYear: 2023 });
    expect(r.fiscalYear).toBe("令和5年度");
    expect(r.sheets[0].blocks[0].columns).toMatchObject({ previous: [5], actual: [6], target: [8] });
    expect(r.sheets[0].blocks[0].readings.find((x) => x.header === "R6実績値")).toMatchObject({
      field: null,
      basis: "other-year",
    });
    expect(r.findings.map((f) => f.code)).toContain("fiscal-year-disagreement");
  });

  test("sources that agree raise nothing", () => {
    const rows = [title("R5 効果検証シート"), ...oneRow(["基準値", "R4実績値", "R5実績値", "R5目標値"])];
    // The strategy cross-check compares this made-up row's figures with the real KPI's: set aside.
    const layoutOnly = checkWorkbook([grid(rows, [], "令和5年度")]).findings.filter(
      (f) => !(STRATEGY_CODES as readonly string[]).includes(f.code),
    );
    expect(layoutOnly).toEqual([]);
  });
});

describe("columns by meaning, position only as a reported fallback", () => {
  test("an older year's 実績値 and next year's 目標値 are not read", () => {
    const header = oneRow(["令和3年度実績値", "令和4年度実績値", "令和5年度実績値", "令和5年度目標値"])[0];
    const rows = [
      [...header, "令和6年度目標値"],
      [...DATA, "999件"],
    ];
    const l = layoutOf(grid(rows));
    expect(l.fiscalYear).toBe("令和5年度");
    expect(columnsOf(l)).toMatchObject({ previous: [6], actual: [7], target: [8] });
    expect(columnsOf(l).baseline).toBeUndefined();
    expect(l.blocks[0].readings.filter((r) => r.basis === "other-year").map((r) => r.header)).toEqual([
      "令和3年度実績値",
      "令和6年度目標値",
    ]);
  });

  test("a blank header between last year's actual and the target is this year's actual, with an info", () => {
    const rows = [
      ["令和5年度 効果検証シート"],
      ...oneRow(["基準値", "令和4年度実績値", "", "令和5年度目標値"]),
    ];
    const r = checkWorkbook([grid(rows)]);
    expect(r.fileError).toBeNull();
    expect(r.sheets[0].blocks[0].columns.actual).toEqual([7]);
    expect(r.rows[0].values.actual.raw).toBe("120件");
    const info = r.findings.filter((f) => f.code === "column-by-position");
    expect(info).toEqual([
      {
        code: "column-by-position",
        severity: "info",
        sheet: "1-1",
        cell: null,
        row: null,
        kpi: null,
        params: { field: "actual", column: "H", header: "" },
      },
    ]);
    expect(renderFinding(info[0])).toContain(
      "H列の見出し（空欄）からは項目が分からないため、列の位置から「実績値」",
    );
  });

  test("a 施策 written over two columns under one label keeps both", () => {
    const header: Row = [
      "大基本目標",
      "小基本目標",
      "数値目標",
      "具体的な施策",
      ...oneRow(["基準値", "R4実績", "R5実績", "R5目標"])[0].slice(3),
    ];
    const data: Row = [DATA[0], DATA[1], "新規求人数", null, "-", ...DATA.slice(4)];
    const l = layoutOf(grid([header, data]));
    expect(columnsOf(l).measure).toEqual([2, 3]);
    expect(columnsOf(l).kpi).toEqual([4]);
  });
});

describe("fields written over several columns", () => {
  test("the ①②③ text split over three columns is one field", () => {
    const header = oneRow(["基準値", "R4実績値", "R5実績値", "R5目標値"])[0];
    const split: Row = [
      ...header.slice(0, 4),
      "①主な取組・事業実施状況",
      "②課題",
      "③今後の方策等",
      ...header.slice(5),
    ];
    const data: Row = [...DATA.slice(0, 4), "①取組", "②課題", "③方策", ...DATA.slice(5)];
    const r = checkWorkbook([grid([split, data])]);
    expect(r.fileError).toBeNull();
    expect(r.sheets[0].blocks[0].columns).toMatchObject({ activity: [4, 5, 6], baseline: [7], actual: [9] });
    expect(r.rows[0].values.actual.raw).toBe("120件");
  });

  test("a band 'KPI' over the value columns does not make them the KPI's name", () => {
    const top = oneRow(["KPI", null as never, null as never, null as never])[0];
    const second: Row = Array(13).fill(null);
    second.splice(5, 4, "基準値", "令和4年度実績値", "令和5年度実績値", "令和5年度目標値");
    const merges = [...[0, 1, 2, 3, 4, 9, 10, 11, 12].map((c) => area(0, c, 1, c)), area(0, 5, 0, 8)];
    const l = layoutOf(grid([top, second, DATA], merges));
    expect(l.conflict).toBeNull();
    expect(columnsOf(l)).toMatchObject({ kpi: [3], baseline: [5], previous: [6], actual: [7], target: [8] });
  });
});

describe("ambiguity stops the check", () => {
  test("two 実績値 columns of the same year", () => {
    const r = checkWorkbook([grid(oneRow(["基準値", "R5実績値", "R5実績値", "R5目標値"]))]);
    expect(r.rows).toEqual([]);
    expect(r.fileError).toMatchObject({
      code: "ambiguous-layout",
      params: {
        sheet: "1-1",
        kind: "same-field",
        field: "actual",
        headerRow: 1,
        columns: [
          { column: "G", header: "R5実績値" },
          { column: "H", header: "R5実績値" },
        ],
      },
    });
    const message = renderFileError(r.fileError!);
    expect(message).toContain(
      "シート「1-1」の1行目からの見出しで、G列「R5実績値」とH列「R5実績値」がどちらも「令和5年度の実績値」",
    );
    expect(message).toContain("kensho --year");
  });

  test("a year band over two 実績値 is not one column", () => {
    const top = oneRow(["基準値", "令和6年度", null as never, "令和6年度目標値"])[0];
    const second: Row = Array(13).fill(null);
    second[6] = "実績値";
    second[7] = "実績値";
    const merges = [...[0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12].map((c) => area(0, c, 1, c)), area(0, 6, 0, 7)];
    const r = checkWorkbook([grid([top, second, DATA], merges)]);
    expect(r.fileError?.code).toBe("ambiguous-layout");
    expect(r.fileError?.params?.columns.map((c) => c.column)).toEqual(["G", "H"]);
  });

  test("two year-less 実績値 with no year stated anywhere", () => {
    const r = checkWorkbook([grid(oneRow(["基準値", "実績値", "実績値", "目標値"]))]);
    expect(r.fileError?.code).toBe("ambiguous-layout");
    expect(renderFileError(r.fileError!)).toContain("「今年度の実績値」");
  });

  test("--year resolves a dated and an undated 実績値", () => {
    const g = grid(oneRow(["基準値", "令和4年度実績値", "実績値", "目標値"]));
    expect(checkWorkbook([g]).fileError?.code).toBe("ambiguous-layout");
    const r = checkWorkbook([g], DEFAULT_RULE, { fiscalYear: 2023 });
    expect(r.fileError).toBeNull();
    expect(r.sheets[0].blocks[0].columns).toMatchObject({ previous: [6], actual: [7], target: [8] });
  });

  test("one ambiguous sheet stops the whole file", () => {
    const good = grid(oneRow(["基準値", "R4実績値", "R5実績値", "R5目標値"]), [], "1-1");
    const bad = grid(oneRow(["基準値", "進捗状況", "R5実績値", "R5目標値"]), [], "1-2");
    const r = checkWorkbook([good, bad]);
    expect(r.rows).toEqual([]);
    expect(r.fileError?.params).toMatchObject({ sheet: "1-2", field: "status" });
  });
});

describe("pages and hostile sheets", () => {
  test("a repeated header's title block starts the next page (資料2 under the KPI column is no row)", () => {
    const header = oneRow(["基準値", "R4実績値", "R5実績値", "R5目標値"])[0];
    const page2: Row[] = [
      ["令和5年度 効果検証シート", ...Array(12).fill(null)],
      [null, null, null, "資料2", ...Array(9).fill(null)],
      header,
      DATA.map((v, i) => (i === 3 ? "創業相談件数" : v)),
    ];
    const r = checkWorkbook([grid([header, DATA, [], ...page2], [area(3, 0, 3, 12)])]);
    expect(r.rows.map((x) => x.name)).toEqual(["新規求人数", "創業相談件数"]);
    expect(r.sheets[0].blocks.map((b) => [b.firstDataRow, b.lastDataRow])).toEqual([
      [1, 2],
      [6, 6],
    ]);
  });

  test("content at column XFD and a header merged across the whole sheet cost nothing and change nothing", () => {
    const rows = oneRow(["基準値", "R4実績値", "R5実績値", "R5目標値"]);
    const g = grid(rows);
    g.cells.push({ row: 1, col: 16383, value: "x", text: "x", format: "General" });
    g.merges.push(area(5, 0, 5, 16383));
    const started = Date.now();
    const l = layoutOf(g);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(columnsOf(l)).toMatchObject({ previous: [6], actual: [7], target: [8], department: [12] });
    expect(checkWorkbook([g]).rows).toHaveLength(1);
  });
});
