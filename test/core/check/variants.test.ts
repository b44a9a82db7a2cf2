// The engine on each layout variant the fixtures cover: same 47 rows, same statuses, whatever the layout.
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import type { WorkbookCheck } from "../../../src/core/model";
import { fixturePath, type FixtureName } from "../../helpers/fixtures";
import { EXPECTED_SAMPLE_ROWS } from "./expectedSample";

async function check(name: FixtureName): Promise<WorkbookCheck> {
  return checkWorkbook(await readWorkbookFile(await fixturePath(name)));
}

const expectedNames = EXPECTED_SAMPLE_ROWS.map(([, name]) => name);
const expectedStatuses = EXPECTED_SAMPLE_ROWS.map(([, name, dept, entered, computed]) => [
  name,
  dept,
  entered,
  computed,
]);
const summary = (r: WorkbookCheck) =>
  r.rows.map((x) => [x.name, x.department, x.enteredStatus, x.computedStatus]);

describe("layout variants", () => {
  test.each<FixtureName>([
    "single-sheet-single-header",
    "single-sheet-repeated-header",
    "extra-column",
    "hidden-rows",
  ])("%s: all 47 rows with the sample's statuses", async (name) => {
    const r = await check(name);
    expect(r.fileError).toBeNull();
    expect(r.fiscalYear).toBe("令和5年度");
    expect(summary(r)).toEqual(expectedStatuses);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("one sheet with a one-row header keeps goals and 施策 apart", async () => {
    const r = await check("single-sheet-single-header");
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0].blocks).toHaveLength(1);
    expect(r.sheets[0].blocks[0].headerRows).toHaveLength(1);
    const english = r.rows.find((x) => x.name.startsWith("英語"));
    expect(english).toMatchObject({
      goal: "2 ひとの創生",
      subGoal: "2-2 地域を担う人材の育成",
      measure: "②グローバル教育の推進",
    });
  });

  test("a header repeated per block is read as separate blocks", async () => {
    const r = await check("single-sheet-repeated-header");
    expect(r.sheets[0].blocks).toHaveLength(6);
  });

  test("extra 備考 columns are ignored, not mistaken for data", async () => {
    const r = await check("extra-column");
    const row = r.rows.find((x) => x.name === "新技術・新製品等の開発数");
    expect(row?.cells.reason?.cell.text).toContain("コロナ禍");
  });

  test("hidden rows are still checked and marked hidden", async () => {
    const r = await check("hidden-rows");
    expect(r.rows.filter((x) => x.hidden).map((x) => x.name)).toEqual([
      "創業相談件数",
      "いせさき合同会社説明会の参加者数",
    ]);
  });

  test("numeric cells under number formats give the same statuses as text", async () => {
    const r = await check("numeric-formats");
    expect(summary(r)).toEqual(expectedStatuses);
    const row = r.rows.find((x) => x.name === "妊婦健康診査受診率");
    expect(row?.values.baseline).toMatchObject({ kind: "number", unit: "%" });
    expect(row?.values.baseline.number).toBeCloseTo(80.5, 9);
    expect(r.rows.find((x) => x.name === "新規求人数")?.values.actual).toMatchObject({
      number: 1472,
      unit: "件",
    });
  });

  test("full-width digits parse; a lone full-width space is no reason", async () => {
    const r = await check("fullwidth-digits");
    expect(r.rows.map((x) => x.name)).toEqual(expectedNames);
    expect(r.rows.find((x) => x.name === "新規求人数")?.values.baseline).toMatchObject({
      number: 1563,
      unit: "件",
    });
    const missing = r.findings.filter((f) => f.code === "missing-delay-reason");
    expect(missing).toEqual([expect.objectContaining({ sheet: "1-1", cell: "M8", severity: "error" })]);
  });

  test("a 令和6年度 workbook reads its own year columns", async () => {
    const r = await check("r6");
    expect(r.fiscalYear).toBe("令和6年度");
    expect(r.rows).toHaveLength(47);
    const first = r.rows[0];
    expect(first.values.previous.raw).toBe("1,472件");
    expect(r.findings.filter((f) => f.code === "missing-actual")).toEqual([]);
  });

  test("formula errors are reported at their cells", async () => {
    const r = await check("formula-errors");
    const errs = r.findings.filter((f) => f.code === "formula-error").map((f) => `${f.sheet}!${f.cell}`);
    expect(errs).toEqual(expect.arrayContaining(["1-1!I7", "2-1!I7"]));
    expect(r.findings.filter((f) => f.code === "formula-error").every((f) => f.severity === "error")).toBe(
      true,
    );
    expect(r.rows.find((x) => x.name === "製造品出荷額等")?.computedStatus).toBeNull();
  });

  test("a workbook without the layout is a file-level error", async () => {
    const r = await check("no-verification-sheet");
    expect(r.fileError?.code).toBe("no-verification-sheet");
    expect(r.rows).toEqual([]);
  });
});
