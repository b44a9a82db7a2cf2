// Last year's workbook (--previous): KPIs matched by identity, five codes that fire on crafted cases
// and stay silent on the sample with its true previous year (scripts/previousYearSample.ts), and
// each KPI's history in the JSON, which 見通し uses when it has more years.
import * as fs from "fs";
import * as path from "path";
import { runIn, tempDir } from "../cycle/helpers";
import { buildPreviousYearWorkbook } from "../../scripts/previousYearSample";
import { set } from "../helpers/returnedCopies";
import { loadSampleRows } from "../../scripts/build-sample";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
const NEW_CODES = [
  "previous-actual-differs",
  "activity-text-unchanged",
  "reason-unchanged",
  "baseline-changed",
  "final-target-changed",
];

interface Row {
  name: string;
  history?: {
    baseline: { raw: string; year: number };
    finalTarget: { raw: string; year: number };
    years: unknown[];
  };
  outlook: { judgement: string | null; recent: { fromYear: number } | null };
}
interface Finding {
  code: string;
  cell: string;
  kpi: string;
  message: string;
}

describe("kensho --previous", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir("previous");
    fs.copyFileSync(SAMPLE, path.join(dir, "令和5年度.xlsx"));
    fs.writeFileSync(path.join(dir, "令和4年度.xlsx"), await buildPreviousYearWorkbook());
    fs.writeFileSync(
      path.join(dir, "令和4年度-手直し.xlsx"),
      await buildPreviousYearWorkbook((rows) => {
        // Reported last year as 1,480件; this year's 前年度実績値 says 1,486件.
        set(rows, "新規求人数", { actual: "1,480件" });
        // ①②③ copied forward (line breaks and spaces aside) while the actual changed (80人 → 161人).
        const fair = thisYear("いせさき合同会社説明会の参加者数");
        set(rows, "いせさき合同会社説明会の参加者数", { activity: fair.activity.replace(/\n/g, " \n　") });
        // The delay's reason copied forward (4件 → 5件).
        set(rows, "新技術・新製品等の開発数", { reason: thisYear("新技術・新製品等の開発数").reason });
        // The baseline and the final target as they stood last year.
        set(rows, "女性のためのおしごとフェアの参加者数", { baseline: "40人" });
        set(rows, "ほ場整備面積", { finalTarget: "3,950ha" });
        // Inside the 令和6年3月 revision: 合計特殊出生率's final target became a sentence. Not a finding.
        set(rows, "合計特殊出生率", { finalTarget: "1.64" });
        return rows;
      }),
    );
  });

  /** This year's row of the sample, as transcribed. */
  const thisYear = (kpi: string) =>
    loadSampleRows().find((r) => (r.kpi === "-" ? r.measure : r.kpi) === kpi)!;

  async function json(args: string[]) {
    const r = await runIn(dir, ["--json", ...args]);
    return {
      code: r.code,
      stderr: r.stderr,
      file: JSON.parse(r.stdout).files[0] as { rows: Row[]; findings: Finding[] },
    };
  }

  test("silent on the sample with its true previous year; each KPI's history in the JSON", async () => {
    const plain = await json(["令和5年度.xlsx"]);
    const r = await json(["--previous", "令和4年度.xlsx", "令和5年度.xlsx"]);
    expect(r.stderr).toBe("");
    expect(r.file.findings.filter((f) => NEW_CODES.includes(f.code))).toEqual([]);
    expect(r.file.findings).toHaveLength(plain.file.findings.length);
    expect(plain.file.rows[0].history).toBeUndefined();
    const row = r.file.rows.find((x) => x.name === "新規求人数")!;
    expect(row.history).toEqual({
      baseline: { raw: "1,563件", year: 2019 },
      finalTarget: { raw: "1,630件", year: 2027 },
      years: [
        { year: 2022, actual: "1,486件", target: null, source: "previous-workbook" },
        { year: 2023, actual: "1,472件", target: "1,594件", source: "this-year" },
      ],
    });
  });

  test("each code fires on its crafted case, at its cell, naming last year's file and figure", async () => {
    const r = await json(["--previous", "令和4年度-手直し.xlsx", "令和5年度.xlsx"]);
    const got = r.file.findings
      .filter((f) => NEW_CODES.includes(f.code))
      .map((f) => `${f.code}:${f.kpi}:${f.cell}`)
      .sort();
    expect(got).toEqual(
      [
        "previous-actual-differs:新規求人数:H6",
        "activity-text-unchanged:いせさき合同会社説明会の参加者数:F10",
        "reason-unchanged:新技術・新製品等の開発数:M8",
        "baseline-changed:女性のためのおしごとフェアの参加者数:G11",
        "final-target-changed:ほ場整備面積:K16",
      ].sort(),
    );
    const differs = r.file.findings.find((f) => f.code === "previous-actual-differs")!;
    expect(differs.message).toContain(
      "前年度実績値「1,486件」が、昨年度のシート（令和4年度-手直し.xlsx・令和4年度）で報告した実績値「1,480件」と異なります",
    );
  });

  test("a workbook of this year or later is not last year's: said, and not used", async () => {
    const r = await runIn(dir, ["--previous", "令和5年度.xlsx", "令和5年度.xlsx"]);
    expect(r.stderr).toContain(
      "--previous のファイル「令和5年度.xlsx」は「令和5年度.xlsx」より前の年度のシートではない",
    );
    expect(r.stdout).not.toContain("昨年度のシート");
  });

  test("an unreadable --previous file is said in Japanese, the check still runs, exit 2", async () => {
    fs.writeFileSync(path.join(dir, "壊れた.xlsx"), "not a workbook");
    const r = await runIn(dir, ["--previous", "壊れた.xlsx", "令和5年度.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--previous のファイル「壊れた.xlsx」を読み込めないため");
    expect(r.stdout).toContain("新規求人数");
  });

  test("with two earlier years the history has them all and the recent pace starts from the earliest", async () => {
    fs.writeFileSync(
      path.join(dir, "令和3年度.xlsx"),
      await buildPreviousYearWorkbook((rows) => set(rows, "新規求人数", { actual: "1,400件" }), {
        year: "令和3年度",
        previousYear: "令和2年度",
      }),
    );
    const r = await json(["--previous", "令和4年度.xlsx", "--previous", "令和3年度.xlsx", "令和5年度.xlsx"]);
    const row = r.file.rows.find((x) => x.name === "新規求人数")!;
    expect(row.history!.years).toEqual([
      { year: 2021, actual: "1,400件", target: null, source: "previous-workbook" },
      { year: 2022, actual: "1,486件", target: null, source: "previous-workbook" },
      { year: 2023, actual: "1,472件", target: "1,594件", source: "this-year" },
    ]);
    expect(row.outlook.recent!.fromYear).toBe(2021);
  });
});
