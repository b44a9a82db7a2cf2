import * as fs from "fs";
import * as path from "path";
import { readWorkbookBuffer, readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { buildSampleWorkbook, loadSampleRows, PAGES, samplePath } from "../../../scripts/build-sample";
import { scaleValue, shiftToFy2024 } from "../../../scripts/build-fixtures";

const root = path.resolve(__dirname, "../../..");

describe("the bundled sample", () => {
  it("is checked in at assets/sample/kensho-sample-r5.xlsx", () => {
    expect(samplePath()).toBe(path.join(root, "assets", "sample", "kensho-sample-r5.xlsx"));
    expect(fs.existsSync(samplePath())).toBe(true);
  });

  it("matches what buildSampleWorkbook() produces now (compared as grids: zips embed timestamps)", async () => {
    const built = await readWorkbookBuffer(await buildSampleWorkbook(), "built.xlsx");
    const checkedIn = await readWorkbookFile(samplePath());
    expect(checkedIn).toEqual(built);
  });
});

describe("scripts/data/fy2023-sheet.tsv", () => {
  const rows = loadSampleRows();

  it("holds the 47 rows of the six pages", () => {
    expect(rows).toHaveLength(47);
    expect(PAGES.map((p) => rows.filter((r) => r.page === p).length)).toEqual([11, 6, 9, 4, 11, 6]);
  });

  it("has one 数値目標 row (kpi '-') at the top of each page, and a 施策 on each group's first row", () => {
    for (const p of PAGES) {
      const page = rows.filter((r) => r.page === p);
      expect(page[0].kpi).toBe("-");
      expect(page.slice(1).every((r) => r.kpi !== "-")).toBe(true);
      expect(page[1].measure).toMatch(/^①/);
    }
  });

  it("keeps ①②③ with a line break before ② and ③", () => {
    for (const r of rows) expect(r.activity).toMatch(/^①[^\n]+\n②[^\n]+\n③[^\n]+$/);
  });

  it("has every field that the sheet filled", () => {
    for (const r of rows) {
      for (const f of ["page", "goal", "subGoal", "kpi", "baseline", "previous", "actual", "target"] as const)
        expect(r[f]).not.toBe("");
      expect(["順調に進捗", "概ね順調に進捗", "進捗の遅れ"]).toContain(r.status);
      expect(r.reason).not.toBe("");
      expect(r.department).not.toBe("");
      // PDF artifacts fixed: no 力所, no wrap spaces inside labels.
      expect(Object.values(r).join("\t")).not.toContain("力所");
      expect(r.subGoal).toMatch(/^\d-\d \S+$/);
    }
  });
});

describe("the FY2024 fixture's values", () => {
  it("scales quantities and keeps formats and periods", () => {
    expect(scaleValue("1,426人 (令和5年)", 1.02)).toBe("1,455人 (令和5年)");
    expect(scaleValue("63.5%", 1.02)).toBe("64.8%");
    expect(scaleValue("待機児童なし", 1.02)).toBe("待機児童なし");
    expect(scaleValue("-", 1.02)).toBe("-");
  });

  it("moves the actual to the previous year's column", () => {
    const [first] = shiftToFy2024(loadSampleRows());
    expect(first.previous).toBe("1,472件");
    expect(first.actual).toBe("1,501件");
  });
});
