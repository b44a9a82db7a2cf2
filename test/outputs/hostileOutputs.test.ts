// What kensho writes and prints from hostile cell text (issue 21, items 6, 7, 8, 11): every part of
// every written workbook is XML 1.0 (a strict parser reads it), text comes back as staff typed it,
// every CSV is formula-safe, nothing printed carries a control, bidi or zero-width character, and a
// summary's link to a local file is never a web address.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { buildOutputHostileFixtures, type OutputHostileName } from "../../scripts/hostile-outputs";
import { runIn, tempDir, partText, sheetParts } from "../cycle/helpers";
import { xmlProblems } from "../helpers/strictXml";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/readWorkbook";
import { toXstring } from "../../src/adapters/xlsx/write/xml/escapeText";
import { decodeXString } from "../../src/adapters/xlsx/package/xml";

let dir: string;
let hx: Record<OutputHostileName, string>;
beforeAll(async () => {
  dir = tempDir("hostile-outputs");
  hx = await buildOutputHostileFixtures(path.join(dir, "fx"));
  fs.copyFileSync(hx["hostile-texts"], path.join(dir, "原本.xlsx"));
  fs.copyFileSync(hx["hostile-texts-returned"], path.join(dir, "商工労働課.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (file: string) => new Uint8Array(fs.readFileSync(path.join(dir, file)));

// What nothing printed may carry: C0 but tab, LF and CR, DEL, C1, format characters (bidi,
// zero-width, BOM), line and paragraph separators, noncharacters.
// eslint-disable-next-line no-control-regex -- these are what must not be printed
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\u2028\u2029\uFFFE\uFFFF]/u;

describe("ST_Xstring both ways", () => {
  test.each([
    ["要因_x0041_", "要因_x005F_x0041_"],
    ["a\uFFFEb", "a_xFFFE_b"],
    ["\u001B[2J", "_x001B_[2J"],
    ["行1\r\n行2", "行1_x000D_\n行2"],
    ["\uD800x", "_xD800_x"],
    ["😀 _x", "😀 _x"],
  ])("%j is written %j and read back as typed", (typed, written) => {
    expect(toXstring(typed)).toBe(written);
    expect(decodeXString(written)).toBe(typed);
  });
});

describe("every workbook kensho writes from hostile text is XML 1.0 and reads back as typed", () => {
  const outputs: Record<string, string> = {};
  beforeAll(async () => {
    const check = await runIn(dir, ["--annotate", "写し", "--summary", "集計.xlsx", "原本.xlsx"]);
    expect(check.stderr).toContain("集計ブックを作成しました");
    outputs.annotate = path.join("写し", "原本.xlsx");
    outputs.summary = "集計.xlsx";
    expect((await runIn(dir, ["split", "原本.xlsx", "-o", "配布", "--only", "商工労働課"])).code).toBe(0);
    outputs.split = path.join("配布", "原本_商工労働課.xlsx");
    const roll = await runIn(dir, ["rollover", "原本.xlsx", "-o", "次年度.xlsx", "--log", "変更履歴.csv"]);
    expect(roll.code).not.toBe(2);
    outputs.rollover = "次年度.xlsx";
    const merge = await runIn(dir, ["merge", "原本.xlsx", "商工労働課.xlsx", "-o", "統合.xlsx"]);
    expect(merge.code).not.toBe(2);
    outputs.merge = "統合.xlsx";
  }, 60_000);

  test.each(["annotate", "summary", "split", "rollover", "merge"])(
    "%s: every part passes a strict XML parser",
    (kind) => {
      expect(xmlProblems(bytes(outputs[kind]))).toEqual([]);
    },
  );

  test("merge writes 要因_x0041_ and U+FFFE as typed: read back, they are what staff typed", async () => {
    const grid = (await readWorkbookBuffer(bytes(outputs.merge), "統合.xlsx")).find((g) => g.name === "1-1")!;
    const text = (ref: [number, number]) =>
      grid.cells.find((c) => c.row === ref[0] && c.col === ref[1])?.text;
    expect(text([5, 12])).toBe("要因_x0041_"); // M6
    expect(text([5, 8])).toBe("1,500件\uFFFE"); // I6
  });

  test("the summary and the rollover log sheet keep the KPI name with U+FFFE as it was", async () => {
    const name = "いせさき合同会社説明会の参加者数\uFFFE\u001B[31m";
    for (const file of [outputs.summary, outputs.rollover]) {
      const texts = (await readWorkbookBuffer(bytes(file), file)).flatMap((g) => g.cells.map((c) => c.text));
      expect(texts).toContain(name);
    }
  });

  test("the annotated copy's notes carry the value with U+FFFE escaped", () => {
    const files = unzipSync(bytes(outputs.annotate));
    const comments = Object.keys(files).filter((n) => /comments\d*\.xml$/.test(n));
    expect(comments.length).toBeGreaterThan(0);
    const xml = comments.map((n) => new TextDecoder().decode(files[n])).join("");
    expect(xml).toContain("_xFFFE_");
    expect(xml).not.toContain("\uFFFE");
  });

  test("rollover --log is formula-safe: no field starts with = + - @ (after its quote)", () => {
    const csv = fs.readFileSync(path.join(dir, "変更履歴.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/"",""製造品出荷額等"")"`);
    expect(csv).toContain(`'+1+cmd|' /C calc'!A0`);
    expect(csv).toContain(`'@SUM(1,1)`);
    for (const line of csv.replace(/^\uFEFF/, "").split("\r\n"))
      for (const field of line.split(",")) expect(field.replace(/^"/, "")).not.toMatch(/^[=+\-@＝＋－＠]/);
    expect(csv.replace(/^\uFEFF/, "")).not.toMatch(UNPRINTABLE);
  });
});

describe("nothing printed carries a control, bidi or zero-width character from a workbook", () => {
  test.each<[string, string[]]>([
    ["check", ["原本.xlsx"]],
    ["--json", ["--json", "原本.xlsx"]],
    ["--csv", ["--csv", "原本.xlsx"]],
    ["--explain-layout", ["--explain-layout", "原本.xlsx"]],
    ["split", ["split", "原本.xlsx", "-o", "印字", "--only", "商工労働課"]],
    ["merge", ["merge", "原本.xlsx", "商工労働課.xlsx", "-o", "印字.xlsx"]],
    ["merge --json", ["merge", "原本.xlsx", "商工労働課.xlsx", "-o", "印字2.xlsx", "--json"]],
    ["rollover", ["rollover", "原本.xlsx", "-o", "印字3.xlsx"]],
    ["rollover --dry-run", ["rollover", "原本.xlsx", "--dry-run"]],
  ])("%s", async (_name, args) => {
    const r = await runIn(dir, args);
    expect(r.code).not.toBe(2);
    expect(r.stdout.replace(/^\uFEFF/, "")).not.toMatch(UNPRINTABLE);
    expect(r.stderr).not.toMatch(UNPRINTABLE);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  test("--annotate's messages name a file whose name holds ESC and U+202E without them", async () => {
    const name = "\u202Eevil\u001B[2J.xlsx";
    fs.copyFileSync(hx["hostile-texts"], path.join(dir, name));
    const r = await runIn(dir, ["--annotate", "写し2", name]);
    expect(r.stderr).toContain("evil[2J.xlsx");
    expect(r.stderr).not.toMatch(UNPRINTABLE);
  });
});

describe("the summary's links", () => {
  test("a returned file named http:evil.example.xlsx is linked as ./http:evil.example.xlsx, a file beside the summary", async () => {
    fs.mkdirSync(path.join(dir, "返却"));
    fs.copyFileSync(hx["hostile-texts"], path.join(dir, "返却", "http:evil.example.xlsx"));
    const r = await runIn(dir, [
      "--summary",
      path.join("返却", "集計.xlsx"),
      path.join("返却", "http:evil.example.xlsx"),
    ]);
    expect(r.stderr).toContain("集計ブックを作成しました");
    const summary = bytes(path.join("返却", "集計.xlsx"));
    const rels = Object.entries(unzipSync(summary))
      .filter(([n]) => n.endsWith(".rels"))
      .map(([, d]) => new TextDecoder().decode(d))
      .join("");
    const targets = [...rels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t).toBe("./http:evil.example.xlsx");
    expect(xmlProblems(summary)).toEqual([]);
    expect(partText(summary, sheetParts(summary)["指摘一覧"])).toContain("location=");
  });
});

describe("rollover --log", () => {
  test("the workbook and its log are written together: when the log cannot be, no workbook is left behind", async () => {
    fs.mkdirSync(path.join(dir, "ログ.csv"));
    const r = await runIn(dir, [
      "rollover",
      "原本.xlsx",
      "-o",
      "残らない.xlsx",
      "--log",
      "ログ.csv",
      "--force",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("何も書き込んでいません");
    expect(fs.existsSync(path.join(dir, "残らない.xlsx"))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".~kensho-"))).toEqual([]);
  });
});
