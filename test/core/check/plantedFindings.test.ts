// Plants each finding code into a copy of the bundled sample (a real .xlsx written with ExcelJS)
// and checks that kensho reports it with the right severity, cell and row.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkFile } from "../../../src/cli/checkFile";
import { DEFAULT_RULE, type Finding, type FindingCode, type Severity } from "../../../src/core/model";
import { renderFinding } from "../../../src/i18n/findings";
import { buildPreviousYearWorkbook } from "../../../scripts/previousYearSample";
import { loadSampleRows } from "../../../scripts/build-sample";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-planted-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Edit = [sheet: string, address: string, value: ExcelJS.CellValue, numFmt?: string];

async function checkCopyWith(edits: Edit[]): Promise<Finding[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  for (const [sheet, address, value, numFmt] of edits) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
    if (numFmt) ws.getCell(address).numFmt = numFmt;
  }
  const file = path.join(dir, `planted-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  const result = await checkFile(file, DEFAULT_RULE);
  expect(result.ok).toBe(true);
  return result.findings;
}

// Sheet 1-1 (14 columns): row 6 新規求人数 (数値目標), row 7 製造品出荷額等, row 8 新技術・新製品等の開発数 (進捗の遅れ).
// F ①②③, G 基準値, H 前年度実績, I 実績値, J 目標値, L 進捗状況, M 理由, N 担当課.
const cases: Array<[string, Edit[], FindingCode, Severity, string, string, number]> = [
  ["blank actual", [["1-1", "I6", null]], "missing-actual", "error", "1-1", "I6", 6],
  ["blank status", [["1-1", "L7", null]], "missing-status", "error", "1-1", "L7", 7],
  ["invalid status", [["1-1", "L7", "順調"]], "invalid-status", "error", "1-1", "L7", 7],
  ["進捗の遅れ with a blank reason", [["1-1", "M8", null]], "missing-delay-reason", "error", "1-1", "M8", 8],
  ["進捗の遅れ with '-' as reason", [["1-1", "M8", "-"]], "missing-delay-reason", "error", "1-1", "M8", 8],
  [
    "進捗の遅れ with a full-width space",
    [["1-1", "M8", "\u3000"]],
    "missing-delay-reason",
    "error",
    "1-1",
    "M8",
    8,
  ],
  [
    "computed 進捗の遅れ, no status and no reason",
    [
      ["1-1", "L8", null],
      ["1-1", "M8", null],
    ],
    "missing-delay-reason",
    "error",
    "1-1",
    "M8",
    8,
  ],
  ["blank 担当課", [["1-1", "N6", null]], "missing-department", "error", "1-1", "N6", 6],
  ["a letter O in a number", [["1-1", "I6", "1,5O0件"]], "unparseable-value", "error", "1-1", "I6", 6],
  [
    "#DIV/0! from a formula",
    [["1-1", "I7", { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue]],
    "formula-error",
    "error",
    "1-1",
    "I7",
    7,
  ],
  ["a unit that differs", [["1-1", "I6", "1,472人"]], "unit-mismatch", "warning", "1-1", "I6", 6],
  ["blank ①②③", [["1-1", "F7", null]], "missing-activity-text", "warning", "1-1", "F7", 7],
  [
    "①②③ without ②課題",
    [["1-1", "F7", "①展示会出展を支援した。\n③販路拡大を支援する。"]],
    "activity-text-part-missing",
    "warning",
    "1-1",
    "F7",
    7,
  ],
  ["105% in a 割合", [["2-1", "I10", "105.0%"]], "percent-out-of-range", "warning", "2-1", "I10", 10],
  [
    "a reason while on track",
    [["1-1", "M6", "念のため記載"]],
    "unexpected-delay-reason",
    "info",
    "1-1",
    "M6",
    6,
  ],
  [
    "an actual equal to last year's",
    [["1-1", "I6", "1,486件"]],
    "unchanged-from-previous-year",
    "warning",
    "1-1",
    "I6",
    6,
  ],
  [
    "a status that contradicts the rate",
    [
      ["1-1", "L8", "順調に進捗"],
      ["1-1", "M8", "-"],
    ],
    "status-mismatch",
    "warning",
    "1-1",
    "L8",
    8,
  ],
  [
    "an actual for another year",
    [["1-1", "I7", "11,017億円 (令和2年)"]],
    "reference-year-mismatch",
    "warning",
    "1-1",
    "I7",
    7,
  ],
  [
    "a date Excel made of 8/8",
    [["1-1", "I7", new Date(Date.UTC(2023, 7, 8)), 'm"月"d"日"']],
    "date-value",
    "error",
    "1-1",
    "I7",
    7,
  ],
  ["a blank target", [["1-1", "J7", null]], "missing-target", "warning", "1-1", "J7", 7],
  ["a negative actual", [["1-1", "I6", "-1,472件"]], "implausible-value", "warning", "1-1", "I6", 6],
  ["an actual 100 times off", [["1-1", "I6", "147,200件"]], "implausible-value", "warning", "1-1", "I6", 6],
  ["a note in place of the actual", [["1-1", "I6", "集計中"]], "actual-is-note", "warning", "1-1", "I6", 6],
  ["a placeholder reason", [["1-1", "M8", "特になし"]], "missing-delay-reason", "error", "1-1", "M8", 8],
  ["a bare number", [["1-1", "I7", 11017]], "unit-assumed", "info", "1-1", "I7", 7],
  ["an approximation", [["1-1", "I7", "約11,017億円 (令和3年)"]], "qualified-actual", "info", "1-1", "I7", 7],
  [
    "a number against 待機児童なし",
    [["2-1", "I11", "0人"]],
    "incomparable-values",
    "warning",
    "2-1",
    "I11",
    11,
  ],
];

describe("planted findings", () => {
  test.each(cases)("%s → %s", async (_label, edits, code, severity, sheet, cell, row) => {
    const findings = await checkCopyWith(edits);
    const hit = findings.filter((f) => f.code === code && f.sheet === sheet && f.cell === cell);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ severity, row });
    expect(renderFinding(hit[0])).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  test("the unmodified copy has none of the planted errors", async () => {
    const findings = await checkCopyWith([]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("the file being checked is never modified", async () => {
    const before = fs.readFileSync(SAMPLE);
    const stat = fs.statSync(SAMPLE);
    await checkFile(SAMPLE, DEFAULT_RULE);
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);
    expect(fs.statSync(SAMPLE).mtimeMs).toBe(stat.mtimeMs);
  });
});

describe("percent range", () => {
  test("a bare number over 100 in a 割合 KPI is flagged; a plain rate such as 合計特殊出生率 is not", async () => {
    const findings = await checkCopyWith([
      ["2-1", "I10", "105"],
      ["2-1", "I6", "1.3"],
    ]);
    expect(
      findings.filter((f) => f.code === "percent-out-of-range").map((f) => `${f.sheet}!${f.cell}`),
    ).toEqual(["2-1!I10"]);
  });
});

// Last year's workbook codes (--previous): planted in a generated 令和4年度 workbook (the sample's
// true previous year, scripts/previousYearSample.ts), each at the cell of this year's sheet it names.
describe("planted against last year's workbook", () => {
  const cases: Array<[FindingCode, Severity, string, number]> = [
    ["previous-actual-differs", "warning", "H6", 6],
    ["activity-text-unchanged", "warning", "F10", 10],
    ["reason-unchanged", "info", "M8", 8],
    ["baseline-changed", "warning", "G11", 11],
    ["final-target-changed", "warning", "K16", 16],
  ];
  let findings: Finding[];
  beforeAll(async () => {
    const rows = loadSampleRows();
    const now = (kpi: string) => rows.find((r) => (r.kpi === "-" ? r.measure : r.kpi) === kpi)!;
    const bytes = await buildPreviousYearWorkbook((last) => {
      const set = (kpi: string, patch: Partial<(typeof last)[number]>) =>
        Object.assign(
          last.find((r) => (r.kpi === "-" ? r.measure : r.kpi) === kpi)!,
          patch,
        );
      set("新規求人数", { actual: "1,480件" });
      set("いせさき合同会社説明会の参加者数", { activity: now("いせさき合同会社説明会の参加者数").activity });
      set("新技術・新製品等の開発数", { reason: now("新技術・新製品等の開発数").reason });
      set("女性のためのおしごとフェアの参加者数", { baseline: "40人" });
      set("ほ場整備面積", { finalTarget: "3,950ha" });
      return last;
    });
    const file = path.join(dir, "令和4年度.xlsx");
    fs.writeFileSync(file, bytes);
    const last = await checkFile(file, DEFAULT_RULE, undefined, true);
    const previous = [{ file: "令和4年度.xlsx", fiscalYear: last.fiscalYear, rows: last.detail! }];
    findings = (await checkFile(SAMPLE, DEFAULT_RULE, { previous })).findings;
  });
  test.each(cases)("%s", (code, severity, cell, row) => {
    const hit = findings.filter((f) => f.code === code && f.sheet === "1-1" && f.cell === cell);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ severity, row });
    expect(renderFinding(hit[0])).toContain("令和4年度.xlsx");
  });
});
