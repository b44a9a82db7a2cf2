// The pane's 集計 sheet against the documented fake: contents (hand counts of the FY2023 sample),
// the chart or its text-bar fallback, one undo group, the id kept in the settings, and removal of
// that sheet only.
import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_RULE, type SheetGrid } from "../../../src/core/model";
import { SUMMARY_SHEET_SETTING, freeSheetName } from "../../../src/adapters/excel/summarySheet";
import { supportForVersion } from "../../../src/adapters/excel/support";
import { summarySheetSpec } from "../../../src/taskpane/summarySheet";
import { createFakeHostForTests, hostOnFake } from "../../fakes/fakeHost";
import type { FakeExcel } from "../../fakes/fakeExcel";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
let grids: SheetGrid[];
beforeAll(async () => {
  grids = await readWorkbookFile(SAMPLE);
});
const spec = () => summarySheetSpec(checkWorkbook(grids), DEFAULT_RULE);

/** Row values of a fake sheet, A to the given column. */
function rowOf(fake: FakeExcel, sheet: string, row: number, cols: number): unknown[] {
  return Array.from({ length: cols }, (_, c) => fake.value(sheet, `${String.fromCharCode(65 + c)}${row}`));
}

describe("集計シートを作成", () => {
  test("adds 集計: status counts per 基本目標 as entered and as computed (hand counts), and a stacked bar chart", async () => {
    const { fake, host } = await createFakeHostForTests(grids);
    const before = fake.syncCount;
    const made = await host.createSummarySheet(spec());
    expect(fake.syncCount - before).toBe(3);
    expect(made).toEqual({ name: "集計", chart: true });
    expect(fake.sheetNames()).toContain("集計");
    expect(fake.value("集計", "A1")).toBe("令和5年度 効果検証 基本目標別の進捗状況");
    // Rows 6 to 10: the header, the three 基本目標 and the total, as entered.
    expect(rowOf(fake, "集計", 6, 6)).toEqual([
      "基本目標",
      "順調に進捗",
      "概ね順調に進捗",
      "進捗の遅れ",
      "未判定",
      "計",
    ]);
    expect(rowOf(fake, "集計", 7, 6)).toEqual(["1 しごとの創生", 6, 7, 4, 0, 17]);
    expect(rowOf(fake, "集計", 8, 6)).toEqual(["2 ひとの創生", 4, 2, 7, 0, 13]);
    expect(rowOf(fake, "集計", 9, 6)).toEqual(["3 まちの創生", 5, 6, 6, 0, 17]);
    expect(rowOf(fake, "集計", 10, 6)).toEqual(["合計", 15, 15, 17, 0, 47]);
    // As computed: rows 13 to 17.
    expect(rowOf(fake, "集計", 12, 1)).toEqual(["達成率から計算した進捗状況"]);
    expect(rowOf(fake, "集計", 14, 6)).toEqual(["1 しごとの創生", 6, 7, 4, 0, 17]);
    expect(rowOf(fake, "集計", 15, 6)).toEqual(["2 ひとの創生", 4, 3, 6, 0, 13]);
    expect(rowOf(fake, "集計", 16, 6)).toEqual(["3 まちの創生", 7, 6, 4, 0, 17]);
    expect(rowOf(fake, "集計", 17, 6)).toEqual(["合計", 17, 16, 14, 0, 47]);
    const [chart] = fake.sheetByName("集計")!.charts;
    expect(chart).toMatchObject({
      type: "BarStacked",
      title: "基本目標別の進捗状況（各課の入力）",
      source: { top: 5, left: 0, bottom: 8, right: 4 },
      legendPosition: "Bottom",
    });
    expect(chart.series.map((s) => [s.name, s.color, s.hasDataLabels])).toEqual([
      ["順調に進捗", "#70AD47", true],
      ["概ね順調に進捗", "#FFC000", true],
      ["進捗の遅れ", "#C00000", true],
      ["未判定", "#A5A5A5", true],
    ]);
    expect(host.hasSummarySheet()).toBe(true);
  });

  test("one action is one undo group (ExcelApi 1.20), and nothing clears the person's undo history", async () => {
    const { fake, host } = await createFakeHostForTests(grids);
    fake.userAction("a person's edit");
    const depth = fake.undoStack.length;
    await host.createSummarySheet(spec());
    expect(fake.undoStack.slice(depth).map(({ by, what }) => ({ by, what }))).toEqual([
      { by: "add-in", what: "Excel.run" },
    ]);
    expect(fake.undoClears).toEqual([]);
    expect(fake.userUndoDepth()).toBe(1);
  });

  test("the sheet's id is kept with the workbook: a reopened pane knows the sheet", async () => {
    const { fake, host } = await createFakeHostForTests(grids);
    await host.createSummarySheet(spec());
    expect(fake.settings.get(SUMMARY_SHEET_SETTING)).toBe(fake.sheetByName("集計")!.id);
    fake.reopen();
    expect((await hostOnFake(fake)).hasSummarySheet()).toBe(true);
  });

  test("where charts are unavailable, the counts are drawn as text bars instead", async () => {
    const { fake, host } = await createFakeHostForTests(grids, {
      host: { support: { ...supportForVersion("1.20"), charts: false } },
    });
    const made = await host.createSummarySheet(spec());
    expect(made.chart).toBe(false);
    expect(fake.sheetByName("集計")!.charts).toEqual([]);
    expect(fake.value("集計", "G6")).toBe("内訳（◎順調 ○概ね順調 △遅れ ・未判定）");
    // Hand count, goal 1: 6 on track, 7 nearly, 4 behind.
    expect(fake.value("集計", "G7")).toBe(`${"◎".repeat(6)}${"○".repeat(7)}${"△".repeat(4)}`);
  });

  test("a person's own 「集計」 sheet is left alone: the new one is 「集計 (2)」", async () => {
    const { fake, host } = await createFakeHostForTests(grids);
    fake.addSheet("集計");
    fake.setValue("集計", "A1", "担当者のメモ");
    expect((await host.createSummarySheet(spec())).name).toBe("集計 (2)");
    expect(await host.removeSummarySheet()).toBe(true);
    expect(fake.sheetNames()).toContain("集計");
    expect(fake.sheetNames()).not.toContain("集計 (2)");
    expect(fake.value("集計", "A1")).toBe("担当者のメモ");
  });

  test("free names", () => {
    expect(freeSheetName("集計", ["1-1"])).toBe("集計");
    expect(freeSheetName("集計", ["集計", "集計 (2)"])).toBe("集計 (3)");
  });
});

describe("集計シートを削除", () => {
  test("removes the sheet kensho added, renamed or not, in one step; Excel's undo article says Worksheet.delete clears the history", async () => {
    const { fake, host } = await createFakeHostForTests(grids);
    await host.createSummarySheet(spec());
    fake.renameSheet("集計", "創生会議用");
    const before = fake.syncCount;
    expect(await host.removeSummarySheet()).toBe(true);
    expect(fake.syncCount - before).toBe(2);
    expect(fake.sheetNames()).not.toContain("創生会議用");
    expect(fake.sheetNames()).toEqual(grids.map((g) => g.name));
    expect(fake.undoClears).toEqual(["Worksheet.delete"]);
    expect(host.hasSummarySheet()).toBe(false);
    expect(fake.settings.has(SUMMARY_SHEET_SETTING)).toBe(false);
    expect(await host.removeSummarySheet()).toBe(false);
  });

  test("a sheet deleted by hand is reported gone, and forgotten", async () => {
    const { fake, host } = await createFakeHostForTests(grids);
    await host.createSummarySheet(spec());
    fake.sheets = fake.sheets.filter((s) => s.name !== "集計");
    expect(await host.removeSummarySheet()).toBe(false);
    expect(host.hasSummarySheet()).toBe(false);
    expect(fake.sheetNames()).toEqual(grids.map((g) => g.name));
  });
});
