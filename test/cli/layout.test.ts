// The layout through the command line: --explain-layout on the sample and every fixture, --year,
// and layout variants written as real .xlsx files, read exactly like the sample.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { FIXTURE_NAMES } from "../../scripts/build-fixtures";
import { fixturePath } from "../helpers/fixtures";
import {
  BASE_SPEC,
  buildVariant,
  placeCell,
  sourceSheets,
  type SourceSheet,
  type Variant,
  type VariantSpec,
  YEAR_STYLES,
} from "../helpers/layoutVariants";
import { writeGrids } from "../helpers/writeGrids";
import { runCli } from "../helpers/runCli";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "sample", "kensho-sample-r5.xlsx");

const run = (args: string[]) => runCli(args, ROOT);

let dir: string;
let sources: SourceSheet[];
let sampleJson: { rows: Record<string, unknown>[]; findings: Record<string, unknown>[]; fiscalYear: string };
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-layout-"));
  sources = sourceSheets(await readWorkbookFile(SAMPLE));
  sampleJson = JSON.parse((await run(["--json", SAMPLE])).stdout).files[0];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("kensho --explain-layout", () => {
  test("documents every sheet of the sample: header rows, each column's field and header, the year and its source", async () => {
    const { code, stdout, stderr } = await run(["--explain-layout", SAMPLE]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const sheet of ["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"])
      expect(stdout).toContain(`■ シート「${sheet}」`);
    expect(stdout.match(/年度: 令和5年度（実績値の見出し「令和5年度 実績値」（I4））/g)).toHaveLength(4);
    expect(stdout.match(/見出し: 4～5行目（データは6行目から）/g)).toHaveLength(6);
    expect(stdout).toContain("I     令和5年度の実績値　←　「令和5年度 実績値」（見出しの年度）");
    expect(stdout).toContain("H     前年度の実績値　←　「令和4年度 実績値」（見出しの年度）");
    expect(stdout).toContain("C:D   具体的な施策　←　「数値目標 具体的な施策」（見出しの項目名）");
    // 3-1 has its reason over two columns and a 備考 that is not read.
    expect(stdout).toContain("L:M   進捗が遅れている理由");
    expect(stdout).toContain("O     －　←　「備考」（読み取らない）");
    expect(stdout).toContain(
      "ほかの記載: タイトル「令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート」（A1） → 令和5年度",
    );
    expect(stdout).not.toContain("不一致");
  });

  test.each(FIXTURE_NAMES.map((n) => [n]))(
    "documents every sheet of the fixture %s, or says why it cannot",
    async (name) => {
      const file = await fixturePath(name);
      const { code, stdout } = await run(["--explain-layout", file]);
      const check = JSON.parse((await run(["--json", file])).stdout).files[0];
      if (check.ok) {
        expect(code).toBe(0);
        const sheets = new Set(check.rows.map((r: { sheet: string }) => r.sheet));
        for (const s of sheets) expect(stdout).toContain(`■ シート「${s}」`);
        expect(stdout.match(/■ シート「/g)?.length).toBe(sheets.size);
        expect(stdout).toContain(`年度: ${check.fiscalYear}（`);
        expect(stdout).toMatch(/令和\d年度の実績値\u3000←\u3000「令和\d年度 実績値」（見出しの年度）/);
      } else {
        expect(code).toBe(2);
        expect(stdout).toContain(check.error.message);
      }
    },
  );

  test("the year band header of issue 12 is read by its year, not by the one full year label", async () => {
    const v = buildVariant(sources, { ...BASE_SPEC, header: "year-band", year: YEAR_STYLES[1] });
    const file = path.join(dir, "band.xlsx");
    await writeGrids(v.grids, file);
    const { code, stdout } = await run(["--explain-layout", file]);
    expect(code).toBe(0);
    expect(stdout).toContain("I     令和5年度の実績値　←　「令和５年度 実績値」（見出しの年度）");
    expect(stdout).toContain("J     令和5年度の目標値　←　「令和５年度 目標値」（見出しの年度）");
  });

  test("an ambiguous workbook is explained, with the columns that clash, and exits 2", async () => {
    const v = buildVariant(sources, { ...BASE_SPEC, labels: { previous: "令和5年度\n実績値" } });
    const file = path.join(dir, "ambiguous.xlsx");
    await writeGrids(v.grids, file);
    const explained = await run(["--explain-layout", file]);
    expect(explained.code).toBe(2);
    expect(explained.stdout).toContain(
      "H列「令和5年度 実績値」とI列「令和5年度 実績値」がどちらも「令和5年度の実績値」",
    );
    const checked = await run(["--json", file]);
    expect(checked.code).toBe(2);
    const f = JSON.parse(checked.stdout).files[0];
    expect(f).toMatchObject({ ok: false, rows: [], findings: [], error: { code: "ambiguous-layout" } });
    expect(f.error.message).toContain("H列「令和5年度 実績値」とI列「令和5年度 実績値」");
    expect(f.error.message).toContain("kensho --year");
    const text = await run([file]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain("× 見出しから列を決められません: シート「1-1」の4行目からの見出しで");
  });
});

describe("kensho --year", () => {
  test("a year that is not one is bad usage", async () => {
    const { code, stderr } = await run(["--year", "来年度", SAMPLE]);
    expect(code).toBe(2);
    expect(stderr).toContain("--year の値「来年度」を年度として読み取れません");
  });

  test("the sample with its own year is unchanged; with another year it stops, naming the year", async () => {
    const same = await run(["--json", "--year", "R5", SAMPLE]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).files[0]).toEqual(sampleJson);
    const other = await run(["--json", "--year", "令和6年度", SAMPLE]);
    expect(other.code).toBe(2);
    expect(JSON.parse(other.stdout).files[0].error.message).toContain(
      "「令和6年度の実績値」の列がありません",
    );
  });
});

/** The sample's --json result as the variant should give it: rows and findings at their new places. */
function expectedJson(v: Variant) {
  return {
    ...sampleJson,
    file: expect.any(String),
    rows: sampleJson.rows.map((r) => {
      const at = v.placeRow(r.sheet as string, (r.row as number) - 1);
      // Headers that name no year for the baseline (基準値 alone) leave the pace undated: no
      // 見通し, and the reason why (values that state their own year still have one).
      const outlook = v.spec.header === "relative" ? expect.anything() : r.outlook;
      return { ...r, sheet: at.sheet, row: at.row + 1, outlook };
    }),
    findings: sampleJson.findings.map((f) => ({
      ...f,
      ...placeCell(v, f.sheet as string, f.cell as string),
    })),
  };
}

describe("layout variants as real .xlsx files read exactly like the sample", () => {
  const cases: Array<[string, Partial<VariantSpec>, string[]]> = [
    [
      "full-width Ｒ５年度 in a year band, last year's and this year's actual swapped",
      { header: "year-band", year: YEAR_STYLES[5], order: "previous-actual-swapped" },
      [],
    ],
    [
      "three header rows, FY2023, all on one sheet, shuffled",
      { header: "three-rows", year: YEAR_STYLES[8], arrangement: "one-sheet", order: "shuffle-3" },
      [],
    ],
    [
      "one header row with R5 and no line breaks, repeated per page, extra columns",
      {
        header: "one-row",
        year: YEAR_STYLES[2],
        br: "",
        arrangement: "repeated-header",
        extras: ["備考", "older", "future"],
      },
      [],
    ],
    [
      "前年度 / 実績値 / 目標値 with no title: the year comes from --year",
      { header: "relative", title: "none", order: "department-first" },
      ["--year", "令和5年度"],
    ],
  ];

  test.each(cases)("%s", async (name, over, args) => {
    const v = buildVariant(sources, { ...BASE_SPEC, ...over });
    const file = path.join(dir, `${name.replace(/[^\w]+/g, "_").slice(0, 40)}.xlsx`);
    await writeGrids(v.grids, file);
    const { code, stdout } = await run(["--json", ...args, file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0]).toEqual(expectedJson(v));
    if (over.header === "relative") {
      const rows = JSON.parse(stdout).files[0].rows as Array<{
        name: string;
        outlook: { judgement: string | null; reason: { code: string } | null };
      }>;
      const of = (name: string) => rows.find((r) => r.name === name)!.outlook;
      // 1,563件 under a bare 基準値: undated. 11,942億円 (平成30年) dates itself: judged as on the sample.
      expect(of("新規求人数")).toMatchObject({ judgement: null, reason: { code: "undated" } });
      expect(of("製造品出荷額等").judgement).toBe("watch");
    }
  });
});
