// `kensho --summary OUT.xlsx [--master MASTER]`: the workbook read back cell by cell (figures against
// the hand counts of test/core/aggregate/boardSummary.test.ts), its layout for printing, links that
// open each finding's cell, and the refusals (existing file, --master alone).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { buildDistribution, SAMPLE } from "../helpers/distribution";
import { runCli } from "../helpers/runCli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-summary-"));
  fs.copyFileSync(SAMPLE, path.join(dir, "検証シート.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

/** The values of a worksheet row, from column A. */
const rowValues = (ws: ExcelJS.Worksheet, r: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const v = ws.getCell(r, i + 1).value;
    return typeof v === "object" && v !== null && "text" in v ? (v as { text: string }).text : v;
  });

/** The first row whose column A holds `text`, at or after `from`. */
function findRow(ws: ExcelJS.Worksheet, text: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`no row "${text}" in ${ws.name}`);
}

describe("kensho --summary", () => {
  beforeAll(async () => {
    const r = await run(["--json", "--summary", "集計.xlsx", "検証シート.xlsx"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).version).toBe(1); // --json still prints only the contract
    expect(r.stderr).toContain("集計ブックを作成しました: 集計.xlsx");
  });

  test("has the board's sheets, and no 提出状況 without --master", async () => {
    const wb = await open("集計.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["集計", "進捗一覧", "指摘一覧"]);
  });

  test("集計: status counts as entered and as computed, and the 達成率 bands, match the hand counts", async () => {
    const ws = (await open("集計.xlsx")).getWorksheet("集計")!;
    expect(String(ws.getCell(1, 1).value)).toBe(
      "令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略 効果検証 集計",
    );
    const entered = findRow(ws, "進捗状況（各課の入力）");
    const computed = findRow(ws, "進捗状況（達成率から計算）");
    const bands = findRow(ws, "達成率の分布");
    // Rows: heading, two header rows, then goal 1, 1-1, 1-2, goal 2 …; the total is the 10th data row.
    expect(rowValues(ws, entered + 3, 11)).toEqual([
      "基本目標",
      "1 しごとの創生",
      17,
      6,
      6 / 17,
      7,
      7 / 17,
      4,
      4 / 17,
      0,
      0,
    ]);
    expect(rowValues(ws, entered + 12, 11)).toEqual([
      "合計",
      null,
      47,
      15,
      15 / 47,
      15,
      15 / 47,
      17,
      17 / 47,
      0,
      0,
    ]);
    expect(rowValues(ws, computed + 12, 11)).toEqual([
      "合計",
      null,
      47,
      17,
      17 / 47,
      16,
      16 / 47,
      14,
      14 / 47,
      0,
      0,
    ]);
    expect(rowValues(ws, computed + 10, 11)).toEqual([
      "小基本目標",
      "3-1 時代に合った地域づくり",
      11,
      4,
      4 / 11,
      4,
      4 / 11,
      3,
      3 / 11,
      0,
      0,
    ]);
    // Each band's label is merged over its 件数 and 割合 columns.
    const head = rowValues(ws, bands + 1, 13);
    expect([0, 1, 2, 3, 5, 7, 9, 11].map((c) => head[c])).toEqual([
      "区分",
      "名称",
      "指標数",
      "100%以上",
      "85%以上100%未満",
      "50%以上85%未満",
      "50%未満",
      "達成率なし",
    ]);
    expect(rowValues(ws, bands + 12, 13)).toEqual([
      "合計",
      null,
      47,
      17,
      17 / 47,
      16,
      16 / 47,
      12,
      12 / 47,
      2,
      2 / 47,
      0,
      0,
    ]);
    expect(ws.getCell(entered + 12, 5).numFmt).toBe("0.0%");
    // Errors and warnings per 担当課: 住宅課 has the one master-mismatch.
    const depts = findRow(ws, "担当課別の指摘件数");
    const jutaku = findRow(ws, "住宅課", depts);
    // [担当課 (merged over A:B), 指標数, エラー, 警告, 情報]
    expect([0, 2, 3, 4, 5].map((c) => rowValues(ws, jutaku, 6)[c])).toEqual(["住宅課", 1, 0, 1, 0]);
  });

  test("進捗一覧: one row per KPI in an Excel table with filters, a frozen header, 0.0% rates and traffic lights at the thresholds", async () => {
    const wb = await open("集計.xlsx");
    const ws = wb.getWorksheet("進捗一覧")!;
    const header = findRow(ws, "基本目標");
    expect(rowValues(ws, header, 20)).toEqual([
      ...[
        "基本目標",
        "小基本目標",
        "施策",
        "区分",
        "KPI（指標）",
        "担当課",
        "基準値",
        "前年度実績値",
        "実績値",
        "目標値",
      ],
      ...[
        "最終目標値",
        "達成率",
        "進捗状況（入力）",
        "進捗状況（計算）",
        "入力と計算",
        "方向",
        "前年度比",
        "ファイル",
        "シート",
        "行",
      ],
    ]);
    const akiya = rowValues(ws, header + 47, 20);
    expect(akiya).toEqual([
      "3 まちの創生",
      "3-2 安心安全な暮らしの実現",
      "②空き家対策の推進",
      "KPI",
      "危険空き家除却件数",
      "住宅課",
      "30件 (H30年度)",
      "88件 (令和3年度)",
      "98件 (令和4年度)",
      "110件 (令和4年度)",
      "210件",
      98 / 110,
      "概ね順調に進捗",
      "概ね順調に進捗",
      "一致",
      "増加",
      "↑ 改善",
      "検証シート.xlsx",
      "3-2",
      11,
    ]);
    expect(ws.getCell(header + 48, 1).value).toBeNull();
    expect(ws.getCell(header + 47, 12).numFmt).toBe("0.0%");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    const xml = new TextDecoder().decode(
      unzipSync(fs.readFileSync(path.join(dir, "集計.xlsx")))["xl/worksheets/sheet2.xml"],
    );
    expect(xml).toMatch(
      /<iconSet iconSet="3TrafficLights1"><cfvo type="num" val="0"\/><cfvo type="num" val="0.85"\/><cfvo type="num" val="1"\/>/,
    );
    const tables = Object.keys(unzipSync(fs.readFileSync(path.join(dir, "集計.xlsx")))).filter((n) =>
      /^xl\/tables\/.+\.xml$/.test(n),
    );
    expect(tables.length).toBe(2); // 進捗一覧 and 指摘一覧
  });

  test("指摘一覧: every finding with its 担当課 and a link that opens the workbook at the cell", async () => {
    const wb = await open("集計.xlsx");
    const ws = wb.getWorksheet("指摘一覧")!;
    const header = findRow(ws, "重要度");
    const report = JSON.parse((await run(["--json", "検証シート.xlsx"])).stdout);
    const count = report.files[0].findings.length;
    expect(ws.getCell(header + count, 2).value).not.toBeNull();
    expect(ws.getCell(header + count + 1, 2).value).toBeNull();
    const akiya = findRow(ws, "警告", header);
    const codes: string[] = [];
    for (let r = akiya; r <= header + count; r++) codes.push(String(ws.getCell(r, 2).value));
    const at = header + 1 + codes.indexOf("master-mismatch") + (akiya - header - 1);
    expect(rowValues(ws, at, 9)).toEqual([
      "警告",
      "master-mismatch",
      "総合戦略の値と異なる",
      "基準値「30件 (H30年度)」が総合戦略の値「49件」と異なります。どちらが正しいか確認してください。",
      "住宅課",
      "危険空き家除却件数",
      "検証シート.xlsx",
      "3-2!F11",
      11,
    ]);
    // The link: the file in the relationship, the cell in the hyperlink's location (ECMA-376 18.3.1.47).
    const files = unzipSync(fs.readFileSync(path.join(dir, "集計.xlsx")));
    const sheet = new TextDecoder().decode(files["xl/worksheets/sheet3.xml"]);
    const rels = new TextDecoder().decode(files["xl/worksheets/_rels/sheet3.xml.rels"]);
    const link = new RegExp(
      `<hyperlink ref="H${at}" r:id="(rId\\d+)"[^>]* location="(?:&apos;|')3-2(?:&apos;|')!F11"/>`,
    ).exec(sheet);
    expect(link).not.toBeNull();
    expect(rels).toContain(
      `Id="${link![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="./検証シート.xlsx" TargetMode="External"`,
    );
  });

  test("prints on A4 landscape, fitted to the page width, with the header rows on every page", async () => {
    const wb = await open("集計.xlsx");
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    const files = unzipSync(fs.readFileSync(path.join(dir, "集計.xlsx")));
    const workbook = new TextDecoder().decode(files["xl/workbook.xml"]);
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;進捗一覧&apos;!$1:$2</definedName>`,
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;指摘一覧&apos;!$1:$2</definedName>`,
    );
  });

  test("never writes over an input; an existing file only with --force", async () => {
    const before = fs.readFileSync(path.join(dir, "検証シート.xlsx"));
    const r = await run(["--summary", "検証シート.xlsx", "検証シート.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("入力ファイルと同じです");
    expect(fs.readFileSync(path.join(dir, "検証シート.xlsx")).equals(before)).toBe(true);
    fs.writeFileSync(path.join(dir, "前回.xlsx"), "old");
    const refused = await run(["--summary", "前回.xlsx", "検証シート.xlsx"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("既にあります");
    expect(fs.readFileSync(path.join(dir, "前回.xlsx"), "utf8")).toBe("old");
    const forced = await run(["--summary", "前回.xlsx", "--force", "検証シート.xlsx"]);
    expect(forced.code).toBe(0);
    expect((await open("前回.xlsx")).worksheets.map((w) => w.name)).toContain("集計");
  });

  test("--master needs --summary", async () => {
    const r = await run(["--master", "検証シート.xlsx", "検証シート.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--master は --summary と一緒に");
  });
});

describe("kensho --summary --master: 提出状況", () => {
  test("lists every 担当課 of the distributed workbook with its file, findings and state", async () => {
    const d = await buildDistribution(path.join(dir, "配布"), ["商工労働課", "住宅課"], {
      住宅課: ["status"],
    });
    const r = await run([
      "--summary",
      "提出.xlsx",
      "--master",
      path.relative(dir, d.master),
      path.relative(dir, d.returned["商工労働課"]),
      path.relative(dir, d.returned["住宅課"]),
    ]);
    expect(r.stderr).toContain("集計ブックを作成しました");
    expect(r.code).toBe(1); // 住宅課's missing 進捗状況 is an error
    const wb = await open("提出.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["集計", "進捗一覧", "指摘一覧", "提出状況"]);
    const ws = wb.getWorksheet("提出状況")!;
    const header = findRow(ws, "担当課");
    expect(rowValues(ws, header + 1, 8)).toEqual([
      "商工労働課",
      6,
      "提出済み",
      path.join("配布", "returned_商工労働課.xlsx"),
      0,
      1,
      0,
      "完了",
    ]);
    expect(rowValues(ws, header + 2, 8)).toEqual([
      "企業誘致課",
      3,
      "未提出",
      null,
      null,
      null,
      null,
      "未提出",
    ]);
    expect(rowValues(ws, header + 20, 8)).toEqual([
      "住宅課",
      1,
      "提出済み",
      path.join("配布", "returned_住宅課.xlsx"),
      1,
      1,
      0,
      "要修正",
    ]);
    expect(ws.getCell(header + 21, 1).value).toBeNull();
    // 集計 counts each row of the distributed workbook once.
    const overview = wb.getWorksheet("集計")!;
    const entered = findRow(overview, "進捗状況（各課の入力）");
    expect(rowValues(overview, entered + 12, 3)).toEqual(["合計", null, 47]);
  });
});
