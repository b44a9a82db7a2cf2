// The strategy cross-check: the bundled sample and every layout fixture against the bundled master,
// value comparison by meaning, revisions, similar names, and a master given as a parameter.
import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_RULE, type Finding, type SheetGrid } from "../../../src/core/model";
import { KPI_MASTER, type KpiMasterEntry } from "../../../src/core/master/kpiMaster";
import { readKpiMaster } from "../../../src/core/master/readMaster";
import { nameSimilarity, sameByMeaning, STRATEGY_CODES } from "../../../src/core/rules/strategyRules";
import { parseValue } from "../../../src/core/values/parseValue";
import { renderFinding } from "../../../src/i18n/findings";
import { fixturePath, type FixtureName } from "../../helpers/fixtures";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
const CROSS = new Set<string>(STRATEGY_CODES);
const cross = (findings: Finding[]) => findings.filter((f) => CROSS.has(f.code));
const brief = (f: Finding) => ({
  code: f.code,
  kpi: f.kpi,
  field: f.params.field ?? null,
  expected: f.params.expected,
});

const v = (text: string) => parseValue({ value: text, text, format: "General" });
const num = (n: number, format: string, text: string) => parseValue({ value: n, text, format });

/** A copy of the grids with one cell's value and text replaced (the cell must exist). */
function withCell(grids: SheetGrid[], sheet: string, a1: string, value: string): SheetGrid[] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const cells = g.cells.map((c) =>
      c.row === row && c.col === col ? { ...c, value, text: value, format: "General" } : c,
    );
    if (!cells.some((c) => c.row === row && c.col === col)) throw new Error(`no cell ${sheet}!${a1}`);
    return { ...g, cells };
  });
}

function masterFrom(entries: KpiMasterEntry[]) {
  const read = readKpiMaster(JSON.parse(JSON.stringify(entries)));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.master;
}

let sample: SheetGrid[];
beforeAll(async () => {
  sample = await readWorkbookFile(SAMPLE);
});

describe("the bundled FY2023 sample against the bundled master", () => {
  test("finds the 危険空き家除却件数 baseline (30件 on the sheet, 49件 in the strategy) and the drifted name, nothing else", () => {
    const found = cross(checkWorkbook(sample).findings);
    expect(found.map(brief)).toEqual([
      {
        code: "kpi-name-differs",
        kpi: "ミニデイサービス事業の実施率",
        field: null,
        expected: "ミニデイサービス事業を実施している行政区の割合",
      },
      { code: "master-mismatch", kpi: "危険空き家除却件数", field: "baseline", expected: "49件" },
    ]);
    const [name, baseline] = found;
    expect(name).toMatchObject({ severity: "info", sheet: "3-1", cell: "D10", row: 10 });
    expect(baseline).toMatchObject({ severity: "warning", sheet: "3-2", cell: "F11", row: 11 });
    expect(baseline.params.raw).toBe("30件 (H30年度)");
    expect(renderFinding(baseline)).toBe(
      "基準値「30件 (H30年度)」が総合戦略の値「49件」と異なります。どちらが正しいか確認してください。",
    );
  });

  test("the rows that agree by meaning raise nothing: 29万人 = 290,000人, parts with and without spaces, a period on one side only, 「設定予定」 left open", () => {
    const flagged = new Set(cross(checkWorkbook(sample).findings).map((f) => f.kpi));
    for (const name of [
      "コミュニティバス利用者数",
      "英語の学習が楽しいと感じている児童・生徒の割合",
      "健康寿命",
      "特定健康診査実施率",
      "保育施設待機児童数",
      "子育て世代包括支援センター相談件数",
      "合計特殊出生率",
      "出生数",
    ]) {
      expect(flagged.has(name)).toBe(false);
    }
  });

  test("a changed final target on the sheet is found and says both figures", () => {
    const grids = withCell(sample, "1-1", "K6", "1,700件");
    const found = cross(checkWorkbook(grids).findings).filter((f) => f.kpi === "新規求人数");
    expect(found.map(brief)).toEqual([
      { code: "master-mismatch", kpi: "新規求人数", field: "finalTarget", expected: "1,630件" },
    ]);
    expect(renderFinding(found[0])).toContain("「1,700件」");
    expect(renderFinding(found[0])).toContain("「1,630件」");
  });
});

test("the bundled master's 担当課 are the FY2023 sheet's", () => {
  const rows = checkWorkbook(sample).rows;
  expect(rows).toHaveLength(47);
  for (const row of rows) {
    const entry = KPI_MASTER.find((e) => e.name === row.name || e.aliases.includes(row.name));
    expect([row.name, entry?.department]).toEqual([row.name, row.department]);
  }
  const unknown = KPI_MASTER.filter((e) => e.department === null).map((e) => e.name);
  expect(unknown).toEqual(["年少人口", "3歳児健康診査受診率", "災害図上訓練年間実施回数"]);
});

describe("every fixture of the FY2023 sheet gives the same cross-check (no false master-mismatch from formats or layout)", () => {
  const SAME: FixtureName[] = [
    "sample",
    "numeric-formats",
    "single-sheet-single-header",
    "single-sheet-repeated-header",
    "fullwidth-digits",
    "extra-column",
    "hidden-rows",
    "formula-errors",
  ];
  test.each(SAME)("%s", async (name) => {
    const found = cross(checkWorkbook(await readWorkbookFile(await fixturePath(name))).findings);
    expect(found.map((f) => [f.code, f.kpi])).toEqual([
      ["kpi-name-differs", "ミニデイサービス事業の実施率"],
      ["master-mismatch", "危険空き家除却件数"],
    ]);
  });
});

describe("revisions: the master in force for the sheet's fiscal year", () => {
  test("a 令和6年度 workbook that still carries the replaced KPIs misses their successors and the new KPI", async () => {
    const result = checkWorkbook(await readWorkbookFile(await fixturePath("r6")));
    expect(result.fiscalYear).toBe("令和6年度");
    const missing = cross(result.findings).filter((f) => f.code === "kpi-not-in-sheet");
    expect(missing.map((f) => f.params.expected)).toEqual([
      "年少人口",
      "3歳児健康診査受診率",
      "災害図上訓練年間実施回数",
    ]);
    for (const f of missing)
      expect(f).toMatchObject({ sheet: null, row: null, cell: null, kpi: null, severity: "info" });
    // 合計特殊出生率 and 出生数 are not in force in 2024: not compared, and not reported missing.
    expect(cross(result.findings).some((f) => f.kpi === "合計特殊出生率" || f.kpi === "出生数")).toBe(false);
    expect(renderFinding(missing[0])).toContain("総合戦略のKPI「年少人口」の行がシートにありません");
  });

  test("a workbook of one page is not short of the other pages' KPIs, nor is an empty one", () => {
    const onePage = sample.filter((g) => g.name === "3-2");
    expect(checkWorkbook(onePage).findings.filter((f) => f.code === "kpi-not-in-sheet")).toEqual([]);
    const headerOnly = onePage.map((g) => ({ ...g, cells: g.cells.filter((c) => c.row < 5) }));
    const empty = checkWorkbook(headerOnly);
    expect(empty.rows).toEqual([]);
    expect(cross(empty.findings)).toEqual([]);
  });

  test("the FY2023 sample misses nothing: the 令和6年度 KPIs are not yet in force", () => {
    expect(checkWorkbook(sample).findings.some((f) => f.code === "kpi-not-in-sheet")).toBe(false);
  });

  test("two entries with one name in different years: each year compares with its own figures", () => {
    const entries = KPI_MASTER.map((e) => ({ ...e }));
    const old = entries.find((e) => e.name === "危険空き家除却件数")!;
    old.inForceUntil = 2023;
    old.baseline = "30件 (平成30年度)";
    entries.push({ ...old, id: "3-2-②-1b", inForceFrom: 2024, inForceUntil: null, baseline: "49件" });
    const master = masterFrom(entries);
    const fy2023 = cross(checkWorkbook(sample, DEFAULT_RULE, { strategy: master }).findings);
    expect(fy2023.filter((f) => f.kpi === "危険空き家除却件数")).toEqual([]);
  });
});

describe("a master given as a parameter", () => {
  test("drives the cross-check and the directions; checkWorkbook(grids) keeps the bundled one", () => {
    const entries = KPI_MASTER.map((e) => ({ ...e }));
    const jobs = entries.find((e) => e.name === "新規求人数")!;
    jobs.direction = "decrease";
    jobs.finalTarget = "1,500件";
    const master = masterFrom(entries);
    const mine = checkWorkbook(sample, DEFAULT_RULE, { strategy: master });
    const row = mine.rows.find((r) => r.name === "新規求人数")!;
    expect(row).toMatchObject({ direction: "decrease", directionSource: "master" });
    expect(
      cross(mine.findings)
        .filter((f) => f.kpi === "新規求人数")
        .map(brief),
    ).toEqual([{ code: "master-mismatch", kpi: "新規求人数", field: "finalTarget", expected: "1,500件" }]);
    const bundled = checkWorkbook(sample);
    expect(bundled.rows.find((r) => r.name === "新規求人数")?.direction).toBe("increase");
  });

  test("a master without a KPI's entry leaves its direction to inference and reports nothing for it", () => {
    const master = masterFrom(KPI_MASTER.filter((e) => e.name !== "新規求人数"));
    const result = checkWorkbook(sample, DEFAULT_RULE, { strategy: master });
    expect(result.rows.find((r) => r.name === "新規求人数")?.directionSource).toBe("inferred");
    expect(cross(result.findings).some((f) => f.kpi === "新規求人数")).toBe(false);
  });
});

describe("names: recognisably the same KPI", () => {
  test("a misspelt name in its 小基本目標 is tied to the strategy's KPI, named, and compared", () => {
    const grids = withCell(sample, "3-2", "D11", "危険空家の除却件数");
    const found = cross(checkWorkbook(grids).findings).filter((f) => f.sheet === "3-2" && f.row === 11);
    expect(found.map(brief)).toEqual([
      { code: "kpi-name-differs", kpi: "危険空家の除却件数", field: null, expected: "危険空き家除却件数" },
      { code: "master-mismatch", kpi: "危険空家の除却件数", field: "baseline", expected: "49件" },
    ]);
  });

  test("an unrelated name is not forced onto a KPI: the strategy's KPI is reported missing instead", () => {
    const grids = withCell(sample, "3-2", "D11", "市民農園の区画数");
    const found = cross(checkWorkbook(grids).findings);
    expect(found.some((f) => f.kpi === "市民農園の区画数")).toBe(false);
    expect(
      found.filter((f) => f.code === "kpi-not-in-sheet").map((f) => [f.params.expected, f.params.department]),
    ).toEqual([["危険空き家除却件数", "住宅課"]]);
  });

  test("similarity is symmetric, 1 for the same key and low for unrelated names", () => {
    expect(nameSimilarity("新規 求人数", "新規求人数")).toBe(1);
    expect(nameSimilarity("防犯灯設置数", "危険空き家除却件数")).toBeLessThan(0.2);
    expect(nameSimilarity("危険空家の除却件数", "危険空き家除却件数")).toBeCloseTo(
      nameSimilarity("危険空き家除却件数", "危険空家の除却件数"),
      12,
    );
  });
});

describe("sameByMeaning", () => {
  it.each([
    ["29万人", "290,000人"],
    ["１，５６３件", "1,563件"],
    ["1,563", "1,563件"],
    ["30件 (H30年度)", "30件 (平成30年度)"],
    ["男性77.41歳 女性79.89歳 (令和元年) ※変更前", "男性 77.41歳 女性 79.89歳"],
    ["小学校88.7% 中学校82.8%", "小学校 88.7% 中学校 82.8%"],
    ["待機児童なし", "待機児童なし"],
    ["366日 (閏年)", "366日 (閏年)"],
    ["78カ所", "78力所"],
  ])("%s means %s", (sheet, strategy) => {
    expect(sameByMeaning(v(sheet), v(strategy))).toBe(true);
  });

  test('numbers under formats: 0.805 as 0.0% is 80.5%; 331 under 0"万人" is 331万人', () => {
    expect(sameByMeaning(num(0.805, "0.0%", "80.5%"), v("80.5%"))).toBe(true);
    expect(sameByMeaning(num(331, '0"万人"', "331万人"), v("331万人"))).toBe(true);
  });

  it.each([
    ["30件 (H30年度)", "49件"],
    ["1,563人", "1,563件"],
    ["144人 (平成30年度)", "144人 (令和元年度)"],
    ["144人 (平成30年)", "144人 (平成30年度)"],
    ["小学校88.7% 中学校82.9%", "小学校 88.7% 中学校 82.8%"],
    ["88.7%", "小学校 88.7% 中学校 82.8%"],
    ["待機児童あり", "待機児童なし"],
    ["331人", "331万人"],
  ])("%s differs from %s", (sheet, strategy) => {
    expect(sameByMeaning(v(sheet), v(strategy))).toBe(false);
  });

  it.each([
    ["49.0%", "※第3期保健事業実施計画・第4期特定健康診査等実施計画検討にあわせて設定予定"],
    ["2,865件", "-"],
    ["", "49件"],
    ["-", "49件"],
    [
      "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更",
      "令和6年3月の改訂に伴い、令和6年度以降は「年少人口」へ変更",
    ],
  ])("%j against %j: nothing to compare", (sheet, strategy) => {
    expect(sameByMeaning(v(sheet), v(strategy))).toBeNull();
  });
});
