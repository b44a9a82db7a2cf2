// Whatever a workbook holds, the engine answers: rows and findings, or a file-level error. Never a throw.
import fc from "fast-check";
import { checkWorkbook } from "../../../src/core/check";
import type { CellArea, CellValue, SheetGrid } from "../../../src/core/model";
import { gridFromArrays } from "../../../src/core/grid";
import { renderFinding } from "../../../src/i18n/findings";

const HEADER = [
  "大基本目標",
  "小基本目標",
  "数値目標",
  "重要業績評価指標\n(KPI)\n名称",
  "令和5年度\n①主な取組・事業実施状況",
  "基準値\n(令和元年度)",
  "令和4年度\n実績値",
  "令和5年度\n実績値",
  "令和5年度\n目標値",
  "計画最終年度\n目標値\n(令和9年度)",
  "進捗状況",
  "進捗が遅れている\n理由",
  "指標の担当課",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.string(),
  fc.constantFrom(
    "-",
    "　",
    "#DIV/0!",
    "1,563件",
    "80.5%",
    "待機児童なし",
    "進捗の遅れ",
    "順調に進捗",
    "小学校88.7% 中学校82.8%",
    "(令和3年度)",
    "※変更前",
  ),
);

/** A grid whose first row may be the real header, with random cells and merges below it. */
const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    withHeader: fc.boolean(),
    rows: fc.array(fc.array(cellValue, { minLength: 0, maxLength: 15 }), { maxLength: 12 }),
    merges: fc.array(
      fc
        .record({ top: fc.nat(14), left: fc.nat(15), h: fc.nat(3), w: fc.nat(3) })
        .map(({ top, left, h, w }): CellArea => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 6 },
    ),
    originRow: fc.nat(3),
    hidden: fc.array(fc.nat(20), { maxLength: 4 }),
  })
  .map(({ withHeader, rows, merges, originRow, hidden }) => {
    const values: CellValue[][] = withHeader ? [HEADER as CellValue[], ...rows] : rows;
    return gridFromArrays("s", values, { originRow, merges, hiddenRows: hidden });
  });

const LAYOUT_STOPS = ["ambiguous-layout", "year-column-missing"];
const LAYOUT_FINDINGS = ["fiscal-year-disagreement", "column-by-position", "reasons-not-checked"];

test("checkWorkbook never throws, and every finding points at a real cell", () => {
  let withRows = 0;
  fc.assert(
    fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (grids) => {
      const result = checkWorkbook(grids);
      if (result.rows.length > 0) withRows++;
      if (result.sheets.length === 0) expect(result.fileError?.code).toBe("no-verification-sheet");
      // A sheet that is found may still stop the check: a header two columns claim one field of.
      else if (result.fileError) expect(LAYOUT_STOPS).toContain(result.fileError.code);
      for (const f of result.findings) {
        if (f.row === null) {
          // Findings about how the workbook was read, and a strategy KPI with no row, point at no cell.
          expect([...LAYOUT_FINDINGS, "kpi-not-in-sheet"]).toContain(f.code);
          expect(f.cell).toBeNull();
        } else {
          expect(f.cell).toMatch(/^[A-Z]+[0-9]+$/);
          expect(f.row).toBeGreaterThan(0);
        }
        expect(renderFinding(f).length).toBeGreaterThan(0);
      }
    }),
    { numRuns: 300 },
  );
  // The property must reach the row rules, not only the "no verification sheet" path.
  expect(withRows).toBeGreaterThan(30);
});
