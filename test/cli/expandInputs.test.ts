import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expandInputs } from "../../src/cli/expandInputs";
import { fixturePath } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-inputs-"));
  const sample = await fixturePath("sample");
  fs.mkdirSync(path.join(dir, "提出"));
  for (const name of ["商工労働課.xlsx", "企画調整課.xlsx", "~$商工労働課.xlsx", "メモ.txt"]) {
    fs.copyFileSync(sample, path.join(dir, "提出", name));
  }
  fs.mkdirSync(path.join(dir, "空"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("expandInputs", () => {
  test("a folder means its workbooks, without Excel's ~$ lock files or other files", () => {
    expect(expandInputs(["提出"], dir)).toEqual([
      path.join("提出", "企画調整課.xlsx"),
      path.join("提出", "商工労働課.xlsx"),
    ]);
  });

  test("a wildcard is expanded as cmd.exe would not", () => {
    expect(expandInputs([path.join("提出", "商工*.xlsx")], dir)).toEqual([
      path.join("提出", "商工労働課.xlsx"),
    ]);
  });

  test("a missing file is kept as given, so it is reported rather than skipped", () => {
    expect(expandInputs(["ない.xlsx", path.join("提出", "*.xlsm")], dir)).toEqual([
      "ない.xlsx",
      path.join("提出", "*.xlsm"),
    ]);
  });
});

describe("kensho on a folder", () => {
  const run = (args: string[]) => runCli(args, dir);

  test("checks every workbook in it", async () => {
    const { code, stdout } = await run(["--json", "提出"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.files.map((f: { file: string }) => path.basename(f.file))).toEqual([
      "企画調整課.xlsx",
      "商工労働課.xlsx",
    ]);
    expect(json.summary.rows).toBe(94);
  });

  test("an empty folder is a clear usage error", async () => {
    const { code, stderr, stdout } = await run(["空"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("検証できるブック");
  });
});

describe("kensho's own reports beside the submissions", () => {
  test("検証結果_*.txt / .csv are listed as kensho's reports, not as bad submissions, and exit stays 0", async () => {
    const folder = path.join(dir, "報告あり");
    fs.mkdirSync(folder);
    fs.copyFileSync(await fixturePath("sample"), path.join(folder, "商工労働課.xlsx"));
    for (const name of ["検証結果_20250601.txt", "検証結果_20250601.csv", "検証結果_20250601_2.csv"])
      fs.writeFileSync(path.join(folder, name), "\uFEFF前回の結果");
    fs.writeFileSync(path.join(folder, "検証結果の控え.csv"), "a,b"); // not kensho's name: still a CSV
    const { code, stdout } = await runCli(["--json", "報告あり"], dir);
    const json = JSON.parse(stdout);
    const reasons = Object.fromEntries(
      json.skipped.map((s: { file: string; reason: string }) => [path.basename(s.file), s.reason]),
    );
    expect(reasons).toEqual({
      "検証結果_20250601.csv": "own-report",
      "検証結果_20250601.txt": "own-report",
      "検証結果_20250601_2.csv": "own-report",
      "検証結果の控え.csv": "csv",
    });
    expect(code).toBe(2); // the other CSV is a submission in the wrong format
    fs.rmSync(path.join(folder, "検証結果の控え.csv"));
    const again = await runCli(["報告あり"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("kensho が保存した検証結果のファイルです");
  });
});
