// Words that could mean two fields are decided by the structure around them, or the check stops
// naming the column: 目標指標 (the KPI's name, or a target), 施策目標の達成状況 (actuals, or targets),
// 現状値 (the baseline, or this year's actual). Never a silent guess.
import { checkWorkbook } from "../../../src/core/check";
import { gridFromArrays } from "../../../src/core/grid";
import type { CellValue } from "../../../src/core/model";

const sheet = (header: CellValue[], data: CellValue[]) =>
  checkWorkbook([gridFromArrays("指標", [["令和5年度 総合戦略 効果検証"], header, data])]);

describe("目標指標", () => {
  test("beside a 目標値 it is the KPI's name", () => {
    const r = sheet(
      ["目標指標", "基準値", "R5実績値", "R5目標値", "評価"],
      ["転入者数", "100人", "120人", "110人", "順調に進捗"],
    );
    expect(r.fileError).toBeNull();
    expect(r.rows[0].name).toBe("転入者数");
    expect(r.sheets[0].blocks[0].readings[0]).toMatchObject({ header: "目標指標", field: "kpi" });
  });

  test("beside a KPI column and no 目標値 it is the target", () => {
    const r = sheet(
      ["成果指標名", "基準値", "R5実績値", "R5目標指標", "評価"],
      ["転入者数", "100人", "120人", "110人", "順調に進捗"],
    );
    expect(r.fileError).toBeNull();
    expect(r.rows[0].values.target.raw).toBe("110人");
  });

  test("with neither, the check stops and names it", () => {
    const r = sheet(
      ["目標指標", "基準値", "R5実績値", "評価", "担当課"],
      ["転入者数", "100人", "120人", "順調に進捗", "企画課"],
    );
    expect(r.fileError?.code).toBe("ambiguous-layout");
    expect(r.fileError?.params).toMatchObject({
      kind: "ambiguous-word",
      columns: [{ column: "A", header: "目標指標" }],
    });
  });
});

describe("施策目標の達成状況", () => {
  test("under a band beside a 目標値 column it is the year's actual", () => {
    const r = sheet(
      ["指標名", "基準値", "R5 施策目標の達成状況", "R5目標値", "評価"],
      ["転入者数", "100人", "120人", "110人", "順調に進捗"],
    );
    expect(r.fileError).toBeNull();
    expect(r.rows[0].values.actual.raw).toBe("120人");
  });

  test("beside a 実績 column it is the target", () => {
    const r = sheet(
      ["指標名", "基準値", "R5実績値", "R5 施策目標の達成状況", "評価"],
      ["転入者数", "100人", "120人", "110人", "順調に進捗"],
    );
    expect(r.fileError).toBeNull();
    expect(r.rows[0].values.target.raw).toBe("110人");
  });
});

describe("現状値", () => {
  test("beside a 実績 column it is the baseline", () => {
    const r = sheet(
      ["指標名", "現状値", "R5実績値", "R5目標値", "評価"],
      ["転入者数", "100人", "120人", "110人", "順調に進捗"],
    );
    expect(r.rows[0].values.baseline.raw).toBe("100人");
    expect(r.rows[0].values.actual.raw).toBe("120人");
  });

  test("dated after a 基準値 it is the year's actual", () => {
    const r = sheet(
      ["指標名", "基準値(R1)", "現状値(R5)", "R5目標値", "評価"],
      ["転入者数", "100人", "120人", "110人", "順調に進捗"],
    );
    expect(r.rows[0].values.baseline.raw).toBe("100人");
    expect(r.rows[0].values.actual.raw).toBe("120人");
  });
});
