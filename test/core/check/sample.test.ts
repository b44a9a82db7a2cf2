import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import type { WorkbookCheck } from "../../../src/core/model";
import { EXPECTED_SAMPLE_ROWS, SAMPLE_GOAL_ROWS } from "./expectedSample";
import { renderFinding } from "../../../src/i18n/findings";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

let result: WorkbookCheck;
beforeAll(async () => {
  result = checkWorkbook(await readWorkbookFile(SAMPLE));
});

const rowNamed = (name: string) => {
  const row = result.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
};

describe("the bundled FY2023 sample", () => {
  test("reads the fiscal year and all six page sheets", () => {
    expect(result.fileError).toBeNull();
    expect(result.fiscalYear).toBe("令和5年度");
    expect(result.sheets.map((s) => s.sheet)).toEqual(["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"]);
  });

  test("finds the 47 rows in order, with their sheet, 担当課 and entered status", () => {
    expect(result.rows.map((r) => [r.sheet, r.name, r.department, r.enteredStatus])).toEqual(
      EXPECTED_SAMPLE_ROWS.map(([sheet, name, dept, entered]) => [sheet, name, dept, entered]),
    );
  });

  test.each(EXPECTED_SAMPLE_ROWS)("%s %s: computed status %s", (_sheet, name, _dept, _entered, computed) => {
    expect(rowNamed(name).computedStatus).toBe(computed);
  });

  test("tells 数値目標 rows from KPI rows and carries merged labels down", () => {
    expect(result.rows.filter((r) => r.kind === "数値目標").map((r) => r.name)).toEqual(SAMPLE_GOAL_ROWS);
    const r = rowNamed("新技術・新製品等の開発数");
    expect(r).toMatchObject({
      sheet: "1-1",
      row: 8,
      goal: "1 しごとの創生",
      subGoal: "1-1 安定した雇用の創出",
      measure: "①地域産業の活性化、付加価値の向上",
    });
    expect(rowNamed("新規求人数")).toMatchObject({ kind: "数値目標", measure: null, row: 6 });
    expect(rowNamed("危険空き家除却件数").measure).toBe("②空き家対策の推進");
  });

  test("uses the strategy's directions, including the ※-note and domain exceptions", () => {
    expect(rowNamed("刑法犯認知件数").direction).toBe("decrease");
    expect(rowNamed("刑法犯認知件数").achievement).toBeCloseTo(1450 / 1869, 9);
    expect(rowNamed("交通事故発生件数").direction).toBe("decrease");
    for (const n of ["ファミリーサポートセンター会員登録数", "コミュニティバス利用者数", "鉄道利用者数"]) {
      expect(rowNamed(n)).toMatchObject({ direction: "increase", directionSource: "master" });
    }
    expect(rowNamed("保育施設待機児童数").direction).toBe("maintain");
    expect(rowNamed("保育施設待機児童数").achievement).toBe(1);
  });

  test("a multi-part KPI takes its lowest part", () => {
    const english = rowNamed("英語の学習が楽しいと感じている児童・生徒の割合");
    expect(english.achievement).toBeCloseTo(72.2 / 85.0, 9);
    expect(english.computedStatus).toBe("進捗の遅れ");
  });

  test("40 of 47 entered statuses agree with the rule at 0.85, as domain.md says", () => {
    expect(result.rows.filter((r) => r.enteredStatus === r.computedStatus)).toHaveLength(40);
    expect(result.findings.filter((f) => f.code === "status-mismatch")).toHaveLength(7);
  });

  test("has no error-severity finding", () => {
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test.each(["製造業の事業所数", "製造業の従業者数"])(
    "%s: actual 令和3年 against target 令和4年, unchanged from last year",
    (name) => {
      const row = rowNamed(name);
      const at = `${row.cells.actual?.address}`;
      const codes = result.findings.filter((f) => f.kpi === name && f.cell === at).map((f) => f.code);
      expect(codes).toEqual(
        expect.arrayContaining(["reference-year-mismatch", "unchanged-from-previous-year"]),
      );
      const ref = result.findings.find((f) => f.kpi === name && f.code === "reference-year-mismatch");
      expect(ref).toMatchObject({ severity: "warning", sheet: "1-1", row: row.row });
      expect(ref && renderFinding(ref)).toContain("令和3年");
      expect(ref && renderFinding(ref)).toContain("令和4年");
    },
  );

  test("status mismatches name both statuses and the rate", () => {
    const f = result.findings.find(
      (x) => x.code === "status-mismatch" && x.kpi === "伊勢崎シティマラソンの市外参加者数",
    );
    expect(f).toBeDefined();
    expect(f && renderFinding(f)).toContain("順調に進捗");
    expect(f && renderFinding(f)).toContain("概ね順調に進捗");
    expect(f && renderFinding(f)).toContain("95.5%");
  });
});
