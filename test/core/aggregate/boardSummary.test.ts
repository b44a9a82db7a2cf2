// The board's figures against hand counts. The counts below were made by hand from the FY2023 sample's
// table in test/core/check/expectedSample.ts (entered and computed status, and the rate written
// beside each row), not by running the code under test.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_RULE, type CheckedRow, type Finding } from "../../../src/core/model";
import { buildBoardSummary, type GroupCounts } from "../../../src/core/aggregate/boardSummary";
import { bandIndex, rateBands } from "../../../src/core/aggregate/rateBands";
import { trendOf } from "../../../src/core/aggregate/trend";
import type { CheckedFile } from "../../../src/core/aggregate/submissions";
import { parseValue } from "../../../src/core/values/parseValue";
import { fixturePath } from "../../helpers/fixtures";
import { buildDistribution } from "../../helpers/distribution";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

async function checked(file: string, name = path.basename(file)): Promise<CheckedFile> {
  const r = checkWorkbook(await readWorkbookFile(file));
  return { file: name, ok: true, error: null, rows: r.rows, findings: r.findings };
}

/** [rows, 順調, 概ね, 遅れ, 未判定] */
type Line = [number, number, number, number, number];
const entered = (g: GroupCounts): Line => [
  g.counts.rows,
  g.counts.entered["順調に進捗"],
  g.counts.entered["概ね順調に進捗"],
  g.counts.entered["進捗の遅れ"],
  g.counts.entered.none,
];
const computed = (g: GroupCounts): Line => [
  g.counts.rows,
  g.counts.computed["順調に進捗"],
  g.counts.computed["概ね順調に進捗"],
  g.counts.computed["進捗の遅れ"],
  g.counts.computed.none,
];
const label = (g: GroupCounts) => (g.level === "total" ? "合計" : g.level === "goal" ? g.goal : g.subGoal);

// Hand counts, FY2023 sample (47 rows).
const ENTERED: Record<string, Line> = {
  "1 しごとの創生": [17, 6, 7, 4, 0],
  "1-1 安定した雇用の創出": [11, 4, 6, 1, 0],
  "1-2 ひとの流れの創出": [6, 2, 1, 3, 0],
  "2 ひとの創生": [13, 4, 2, 7, 0],
  "2-1 結婚・出産・子育ての希望の実現": [9, 3, 1, 5, 0],
  "2-2 地域を担う人材の育成": [4, 1, 1, 2, 0],
  "3 まちの創生": [17, 5, 6, 6, 0],
  "3-1 時代に合った地域づくり": [11, 3, 3, 5, 0],
  "3-2 安心安全な暮らしの実現": [6, 2, 3, 1, 0],
  合計: [47, 15, 15, 17, 0],
};
const COMPUTED: Record<string, Line> = {
  "1 しごとの創生": [17, 6, 7, 4, 0],
  "1-1 安定した雇用の創出": [11, 4, 6, 1, 0],
  "1-2 ひとの流れの創出": [6, 2, 1, 3, 0],
  "2 ひとの創生": [13, 4, 3, 6, 0],
  "2-1 結婚・出産・子育ての希望の実現": [9, 3, 2, 4, 0],
  "2-2 地域を担う人材の育成": [4, 1, 1, 2, 0],
  "3 まちの創生": [17, 7, 6, 4, 0],
  "3-1 時代に合った地域づくり": [11, 4, 4, 3, 0],
  "3-2 安心安全な暮らしの実現": [6, 3, 2, 1, 0],
  合計: [47, 17, 16, 14, 0],
};
/** [≥100%, 85–100%, 50–85%, <50%, no rate] */
const BANDS: Record<string, Line> = {
  "1 しごとの創生": [6, 7, 3, 1, 0],
  "1-1 安定した雇用の創出": [4, 6, 1, 0, 0], // 新技術 5/10 is exactly 50%: the 50–85% band
  "1-2 ひとの流れの創出": [2, 1, 2, 1, 0], // 境地区 48.5%
  "2 ひとの創生": [4, 3, 5, 1, 0],
  "2-1 結婚・出産・子育ての希望の実現": [3, 2, 4, 0, 0],
  "2-2 地域を担う人材の育成": [1, 1, 1, 1, 0], // 公開講座 24.5%
  "3 まちの創生": [7, 6, 4, 0, 0],
  "3-1 時代に合った地域づくり": [4, 4, 3, 0, 0],
  "3-2 安心安全な暮らしの実現": [3, 2, 1, 0, 0],
  合計: [17, 16, 12, 2, 0],
};
const ORDER = Object.keys(ENTERED).sort((a, b) =>
  a === "合計" ? 1 : b === "合計" ? -1 : a.localeCompare(b),
);

describe("the board summary of the FY2023 sample", () => {
  let sample: CheckedFile;
  beforeAll(async () => {
    sample = await checked(SAMPLE);
  });

  test("groups each 基本目標 with its 小基本目標 in order, the total last", () => {
    const s = buildBoardSummary([sample], DEFAULT_RULE);
    expect(s.groups.map(label)).toEqual(ORDER);
    expect(s.groups.map((g) => g.level)).toEqual([
      ...["goal", "subGoal", "subGoal"],
      ...["goal", "subGoal", "subGoal"],
      ...["goal", "subGoal", "subGoal"],
      "total",
    ]);
  });

  test("counts each status as entered, per 基本目標 and 小基本目標", () => {
    const s = buildBoardSummary([sample], DEFAULT_RULE);
    expect(Object.fromEntries(s.groups.map((g) => [label(g), entered(g)]))).toEqual(ENTERED);
  });

  test("counts each status as computed", () => {
    const s = buildBoardSummary([sample], DEFAULT_RULE);
    expect(Object.fromEntries(s.groups.map((g) => [label(g), computed(g)]))).toEqual(COMPUTED);
  });

  test("puts each rate in the band the thresholds give (≥100%, 85–100%, 50–85%, <50%)", () => {
    const s = buildBoardSummary([sample], DEFAULT_RULE);
    expect(s.bands).toEqual([
      { min: 1, max: null },
      { min: 0.85, max: 1 },
      { min: 0.5, max: 0.85 },
      { min: null, max: 0.5 },
    ]);
    expect(Object.fromEntries(s.groups.map((g) => [label(g), [...g.counts.bands, g.counts.noRate]]))).toEqual(
      BANDS,
    );
  });

  test("the bands follow the configured thresholds: at 0.80 the 概ね band is 80–100%", async () => {
    const rule = { ...DEFAULT_RULE, nearlyOnTrack: 0.8 };
    const r = checkWorkbook(await readWorkbookFile(SAMPLE), rule);
    const s = buildBoardSummary([{ ...sample, rows: r.rows, findings: r.findings }], rule);
    expect(s.bands[1]).toEqual({ min: 0.8, max: 1 });
    const total = s.groups[s.groups.length - 1];
    // Hand count: 華蔵寺 80.0%, 出生数 80.2%, ミニデイ 80.9% and 英語 84.9% move up from 50–85%.
    expect(total.counts.bands).toEqual([17, 20, 8, 2]);
    expect(total.counts.bands[0] + total.counts.bands[1]).toBe(
      total.counts.computed["順調に進捗"] + total.counts.computed["概ね順調に進捗"],
    );
  });

  test("one row per KPI with its file; every finding with its 担当課", () => {
    const s = buildBoardSummary([sample], DEFAULT_RULE);
    expect(s.rows).toHaveLength(47);
    expect(s.rows.every((r) => r.file === "kensho-sample-r5.xlsx" && r.submitted)).toBe(true);
    const akiya = s.findings.find((f) => f.finding.code === "master-mismatch");
    expect(akiya?.department).toBe("住宅課");
    // Hand count of rows per 担当課: 商工労働課 has 新規求人数, 新技術, 創業相談, 合同会社説明会,
    // おしごとフェア and 歩行者等通行量.
    expect(s.departments.find((d) => d.department === "商工労働課")?.rows).toBe(6);
    expect(s.departments.reduce((n, d) => n + d.rows, 0)).toBe(47);
  });

  test("errors per 担当課 on the formula-errors fixture: one each for 企業誘致課, 企画調整課 and 安心安全課", async () => {
    const f = await checked(await fixturePath("formula-errors"));
    const s = buildBoardSummary([f], DEFAULT_RULE);
    const errors = s.departments.filter((d) => d.errors > 0).map((d) => [d.department, d.errors]);
    expect(errors).toEqual([
      ["企業誘致課", 1],
      ["企画調整課", 1],
      ["安心安全課", 1],
    ]);
    // The three actuals that are errors (#DIV/0!, #N/A, #VALUE!) have no rate: 未判定 when computed.
    expect(s.groups[s.groups.length - 1].counts.computed.none).toBe(3);
    expect(s.groups[s.groups.length - 1].counts.noRate).toBe(3);
  });

  test("several files add up; an unreadable one is listed, not counted", async () => {
    const failed: CheckedFile = {
      file: "broken.xlsx",
      ok: false,
      error: { code: "unreadable-file" },
      rows: [],
      findings: [],
    };
    const s = buildBoardSummary([sample, { ...sample, file: "copy.xlsx" }, failed], DEFAULT_RULE);
    expect(entered(s.groups[s.groups.length - 1])).toEqual([94, 30, 30, 34, 0]);
    expect(s.failedFiles).toEqual([{ file: "broken.xlsx", code: "unreadable-file" }]);
  });
});

describe("rate bands", () => {
  test("a rate exactly on a threshold belongs to the higher band, with the statuses' tolerance", () => {
    const bands = rateBands(DEFAULT_RULE);
    expect(bandIndex(bands, 1)).toBe(0);
    expect(bandIndex(bands, 0.85)).toBe(1);
    expect(bandIndex(bands, 0.85 - 1e-12)).toBe(1);
    expect(bandIndex(bands, 0.8499)).toBe(2);
    expect(bandIndex(bands, 0.5)).toBe(2);
    expect(bandIndex(bands, 0.4999)).toBe(3);
    expect(bandIndex(bands, 0)).toBe(3);
    expect(bandIndex(bands, null)).toBeNull();
  });

  test("thresholds at or below 50% leave out the 50% boundary; equal thresholds merge", () => {
    expect(rateBands({ onTrack: 1, nearlyOnTrack: 0.5 })).toEqual([
      { min: 1, max: null },
      { min: 0.5, max: 1 },
      { min: null, max: 0.5 },
    ]);
    expect(rateBands({ onTrack: 0.9, nearlyOnTrack: 0.9 })).toEqual([
      { min: 0.9, max: null },
      { min: 0.5, max: 0.9 },
      { min: null, max: 0.5 },
    ]);
  });
});

describe("trend against last year", () => {
  const row = (direction: CheckedRow["direction"], actual: string, previous: string, target = "") =>
    ({
      direction,
      values: {
        actual: parseValue({ value: actual, text: actual, format: "General" }),
        previous: parseValue({ value: previous, text: previous, format: "General" }),
        target: parseValue({ value: target, text: target, format: "General" }),
      },
    }) as unknown as CheckedRow;

  it.each([
    ["increase", "1,472件", "1,486件", "worsened"],
    ["increase", "161人", "80人", "improved"],
    ["increase", "28件", "28件", "unchanged"],
    ["decrease", "1,869件 (令和5年)", "1,420件 (令和4年)", "worsened"],
    ["decrease", "1,185件", "1,190件", "improved"],
    ["increase", "425.1万人", "3,958,000人", "improved"],
    ["increase", "男性79.4歳 女性83.7歳", "男性77.67歳 女性80.22歳", "improved"],
    ["increase", "小学校87.1% 中学校72.2%", "小学校86.0% 中学校75.0%", "mixed"],
    ["increase", "-", "80人", null],
    ["increase", "80人", "80件", null],
    [null, "80人", "70人", null],
  ] as const)("%s: %s against %s is %s", (direction, actual, previous, expected) => {
    expect(trendOf(row(direction, actual, previous))).toBe(expected);
  });

  test("maintain: meeting the target both years is no change; reaching it is an improvement", () => {
    expect(trendOf(row("maintain", "366日", "365日", "366日"))).toBe("improved");
    expect(trendOf(row("maintain", "367日", "366日", "366日"))).toBe("unchanged");
    expect(trendOf(row("maintain", "待機児童なし", "待機児童なし", "待機児童なし"))).toBe("unchanged");
    expect(trendOf(row("maintain", "待機児童なし", "待機児童あり", "待機児童なし"))).toBe("improved");
  });
});

describe("file-level findings", () => {
  test("a missing KPI counts for the 担当課 the master names", () => {
    const missing: Finding = {
      code: "kpi-not-in-sheet",
      severity: "info",
      sheet: null,
      cell: null,
      row: null,
      kpi: null,
      params: { expected: "危険空き家除却件数", department: "住宅課" },
    };
    const file: CheckedFile = { file: "a.xlsx", ok: true, error: null, rows: [], findings: [missing] };
    const s = buildBoardSummary([file], DEFAULT_RULE);
    expect(s.findings).toEqual([{ file: "a.xlsx", finding: missing, department: "住宅課" }]);
    expect(s.departments).toEqual([{ department: "住宅課", rows: 0, errors: 0, warnings: 0, infos: 1 }]);
  });
});

describe("提出状況: the distributed workbook and the copies sent back", () => {
  const dir = path.join(os.tmpdir(), `kensho-distribution-${process.pid}`);
  let master: CheckedFile;
  let shoko: CheckedFile;
  let jutaku: CheckedFile;
  let unchanged: CheckedFile;
  beforeAll(async () => {
    // 住宅課 sends its copy back without a 進捗状況.
    const d = await buildDistribution(dir, ["商工労働課", "住宅課"], { 住宅課: ["status"] });
    master = await checked(d.master, "master.xlsx");
    shoko = await checked(d.returned["商工労働課"], "master_商工労働課.xlsx");
    jutaku = await checked(d.returned["住宅課"], "master_住宅課.xlsx");
    unchanged = { ...(await checked(d.master)), file: "copy-of-master.xlsx" };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("every 担当課 of MASTER, in order, with its file or none, its findings and whether it is ready", () => {
    const s = buildBoardSummary([shoko, jutaku, unchanged], DEFAULT_RULE, master);
    const byDept = new Map(s.submissions!.map((x) => [x.department, x]));
    expect(s.submissions!.map((x) => x.department)).toEqual([
      ...["商工労働課", "企業誘致課", "障害福祉課", "農政課", "農村整備課", "文化観光課", "スポーツ振興課"],
      ...[
        "企画調整課",
        "健康づくり課",
        "こども保育課",
        "子育て支援課",
        "生涯学習課",
        "学校教育課",
        "国民健康保険課",
      ],
      ...["高齢政策課", "地域包括支援センター", "区画整理課", "交通政策課", "安心安全課", "住宅課"],
    ]);
    expect(byDept.get("商工労働課")).toMatchObject({
      rows: 6,
      files: ["master_商工労働課.xlsx"],
      errors: 0,
      ready: true,
    });
    // 住宅課: its one row lacks the 進捗状況 (missing-status, an error), and its 基準値 differs from the strategy.
    expect(byDept.get("住宅課")).toMatchObject({
      rows: 1,
      files: ["master_住宅課.xlsx"],
      errors: 1,
      warnings: 1,
      ready: false,
    });
    expect(byDept.get("安心安全課")).toMatchObject({ rows: 4, files: [], errors: 0, ready: false });
    expect(s.unassignedFiles).toEqual(["copy-of-master.xlsx"]);
  });

  test("each row of MASTER counted once, from the file its department sent back", () => {
    const s = buildBoardSummary([shoko, jutaku, unchanged], DEFAULT_RULE, master);
    expect(s.rows).toHaveLength(47);
    expect(s.rows.filter((r) => r.submitted).map((r) => [r.row.name, r.file])).toEqual([
      ["新規求人数", "master_商工労働課.xlsx"],
      ["新技術・新製品等の開発数", "master_商工労働課.xlsx"],
      ["創業相談件数", "master_商工労働課.xlsx"],
      ["いせさき合同会社説明会の参加者数", "master_商工労働課.xlsx"],
      ["女性のためのおしごとフェアの参加者数", "master_商工労働課.xlsx"],
      ["伊勢崎駅周辺の中心市街地における歩行者等通行量", "master_商工労働課.xlsx"],
      ["危険空き家除却件数", "master_住宅課.xlsx"],
    ]);
    // Hand count: 商工労働課 entered 概ね (新規求人数, 合同会社説明会, おしごとフェア), 遅れ (新技術),
    // 順調 (創業相談, 歩行者等通行量); 住宅課 left its status blank; the other 40 rows are blank.
    expect(entered(s.groups[s.groups.length - 1])).toEqual([47, 2, 3, 1, 41]);
  });

  test("the findings listed are each file's own departments' (no copy of the whole workbook counted twice)", () => {
    const s = buildBoardSummary([shoko, jutaku, unchanged], DEFAULT_RULE, master);
    const files = new Set(s.findings.map((f) => f.file));
    expect([...files].sort()).toEqual(["master_住宅課.xlsx", "master_商工労働課.xlsx"]);
    expect(s.findings.every((f) => f.department === "商工労働課" || f.department === "住宅課")).toBe(true);
    expect(
      s.findings
        .filter((f) => f.file === "master_住宅課.xlsx")
        .map((f) => f.finding.code)
        .sort(),
    ).toEqual(["master-mismatch", "missing-status"]);
  });
});
