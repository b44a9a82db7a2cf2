// --empty-reason-words: the placeholder reasons the CLI treats as no reason, replacing the defaults.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { wordList } from "../../src/cli/commands/check";
import { runCli } from "../helpers/runCli";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-reasons-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  // 1-1 row 8 新技術・新製品等の開発数 is 進捗の遅れ; its reason becomes a placeholder.
  wb.getWorksheet("1-1")!.getCell("M8").value = "特になし";
  file = path.join(dir, "placeholder.xlsx");
  await wb.xlsx.writeFile(file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

const delayReasons = (stdout: string) =>
  JSON.parse(stdout).files[0].findings.filter((f: { code: string }) => f.code === "missing-delay-reason");

test("by default 特になし is no reason for a delay", async () => {
  const { code, stdout } = await run(["--json", file]);
  expect(code).toBe(1);
  expect(delayReasons(stdout)).toEqual([
    expect.objectContaining({ cell: "M8", kpi: "新技術・新製品等の開発数" }),
  ]);
  expect(delayReasons(stdout)[0].message).toContain("「特になし」");
});

test("--empty-reason-words replaces the list", async () => {
  const replaced = await run(["--json", "--empty-reason-words", "未定,検討中", file]);
  expect(replaced.code).toBe(0);
  expect(delayReasons(replaced.stdout)).toEqual([]);
  const inline = await run(["--json", "--empty-reason-words=特になし、なし", file]);
  expect(delayReasons(inline.stdout)).toHaveLength(1);
});

test("an empty list is bad usage in Japanese", async () => {
  const { code, stderr } = await run(["--empty-reason-words", ",", file]);
  expect(code).toBe(2);
  expect(stderr).toContain("--empty-reason-words");
});

test("the usage text names the option and its defaults", async () => {
  const { stdout } = await run(["--help"]);
  expect(stdout).toMatch(
    /--empty-reason-words <語,…>\s+遅れの理由と認めない記載.*既定 特になし,なし,無し,該当なし,不明/,
  );
});

test("words split at half- and full-width commas and 、", () => {
  expect(wordList(" 特になし,なし，無し、 該当なし ,,")).toEqual(["特になし", "なし", "無し", "該当なし"]);
});
