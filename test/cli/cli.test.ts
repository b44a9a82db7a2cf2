import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { main, type CliIo } from "../../src/cli/main";
import { fixturePath } from "../helpers/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE_REL = path.join("assets", "sample", "kensho-sample-r5.xlsx");

async function run(args: string[], stderrIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("kensho CLI", () => {
  test("no arguments: checks the bundled sample and prints the Japanese report with every row", async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(SAMPLE_REL);
    expect(stdout).toContain("年度: 令和5年度");
    expect(stdout).toContain("行: 47");
    expect(stdout.match(/達成率/g)?.length).toBeGreaterThanOrEqual(47);
    expect(stdout).toContain("◆ 商工労働課");
  });

  test("--json prints the contract and nothing else", async () => {
    const { code, stdout } = await run(["--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.version).toBe(1);
    expect(json.rule).toEqual({ onTrack: 1, nearlyOnTrack: 0.85 });
    expect(json.files).toHaveLength(1);
    const f = json.files[0];
    expect(f).toMatchObject({ file: SAMPLE_REL, ok: true, error: null, fiscalYear: "令和5年度" });
    expect(f.rows).toHaveLength(47);
    expect(f.rows[0]).toEqual({
      sheet: "1-1",
      row: 6,
      kind: "数値目標",
      goal: "1 しごとの創生",
      subGoal: "1-1 安定した雇用の創出",
      measure: null,
      name: "新規求人数",
      department: "商工労働課",
      direction: "increase",
      achievement: 0.9235,
      enteredStatus: "概ね順調に進捗",
      computedStatus: "概ね順調に進捗",
      // kensho's addition within version 1: 見通し (hand count in test/core/progress/pace.test.ts).
      outlook: expect.objectContaining({ judgement: "watch", label: "要注意" }),
    });
    for (const finding of f.findings) {
      expect(Object.keys(finding)).toEqual(["code", "severity", "sheet", "cell", "row", "kpi", "message"]);
    }
    expect(json.summary).toMatchObject({ files: 1, rows: 47, errors: 0 });
    expect(json.summary.warnings).toBe(
      f.findings.filter((x: { severity: string }) => x.severity === "warning").length,
    );
  });

  test("error findings give exit 1", async () => {
    const { code, stdout } = await run(["--json", await fixturePath("formula-errors")]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary.errors).toBeGreaterThan(0);
  });

  test("one bad file never stops the others; unreadable files give exit 2", async () => {
    const files = [
      await fixturePath("corrupt"),
      await fixturePath("sample"),
      await fixturePath("not-xlsx"),
      await fixturePath("legacy-or-encrypted"),
      await fixturePath("empty"),
      await fixturePath("no-verification-sheet"),
      path.join(ROOT, "does-not-exist.xlsx"),
    ];
    const { code, stdout } = await run(["--json", ...files]);
    expect(code).toBe(2);
    const json = JSON.parse(stdout);
    expect(json.files.map((f: { ok: boolean }) => f.ok)).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(json.files[1].rows).toHaveLength(47);
    for (const f of json.files.filter((x: { ok: boolean }) => !x.ok)) {
      expect(f.rows).toEqual([]);
      expect(f.findings).toEqual([]);
      expect(["unreadable-file", "no-verification-sheet"]).toContain(f.error.code);
      expect(f.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect(json.files[5].error.code).toBe("no-verification-sheet");
    expect(json.summary.failedFiles).toBe(6);
  });

  test("the text report names unreadable files in Japanese", async () => {
    const { code, stdout } = await run([await fixturePath("not-xlsx")]);
    expect(code).toBe(2);
    expect(stdout).toContain("ファイルを読み込めません");
  });

  test("bad usage gives a Japanese message and exit 2", async () => {
    for (const args of [
      ["--bogus"],
      ["--on-track", "abc"],
      ["--nearly-on-track"],
      ["--on-track", "0.8", "--nearly-on-track", "0.9"],
    ]) {
      const { code, stderr, stdout } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  test("thresholds are configurable: at 0.80 華蔵寺 (80.0%) is 概ね順調", async () => {
    const { stdout } = await run(["--json", "--nearly-on-track", "0.80"]);
    const json = JSON.parse(stdout);
    expect(json.rule.nearlyOnTrack).toBe(0.8);
    const row = json.files[0].rows.find((r: { name: string }) => r.name === "華蔵寺公園遊園地年間利用者数");
    expect(row.computedStatus).toBe("概ね順調に進捗");
  });

  test("--department narrows rows and findings to one 担当課", async () => {
    const { stdout } = await run(["--json", "--department", "企業誘致課"]);
    const f = JSON.parse(stdout).files[0];
    expect(f.rows.map((r: { department: string }) => r.department)).toEqual([
      "企業誘致課",
      "企業誘致課",
      "企業誘致課",
    ]);
    expect(f.findings.length).toBeGreaterThan(0);
    expect(
      f.findings.every((x: { kpi: string }) => f.rows.some((r: { name: string }) => r.name === x.kpi)),
    ).toBe(true);
  });

  test("shows progress on stderr only for several files in a terminal", async () => {
    const sample = await fixturePath("sample");
    const tty = await run(["--json", sample, sample], true);
    expect(tty.stderr).toContain("確認中 2/2");
    JSON.parse(tty.stdout);
    const piped = await run([sample, sample], false);
    expect(piped.stderr).toBe("");
  });

  test("input files are never modified", async () => {
    const file = await fixturePath("sample");
    const before = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    await run([file]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  test("the installed bin runs end to end (built by npm ci / npm run build:cli)", () => {
    const res = spawnSync(process.execPath, [path.join(ROOT, "bin", "kensho.js"), "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).files[0].rows).toHaveLength(47);
  });
});

describe("kensho --csv", () => {
  test("lists every finding with file, cell, 担当課 and severity, as UTF-8 with a BOM for Excel", async () => {
    const { code, stdout } = await run(["--csv"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("\uFEFFファイル,シート,セル,行,KPI,担当課,重要度,コード,内容\r\n")).toBe(true);
    const lines = stdout.trimEnd().split("\r\n");
    const json = JSON.parse((await run(["--json"])).stdout);
    expect(lines).toHaveLength(1 + json.files[0].findings.length);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^assets[\\/]sample[\\/]kensho-sample-r5\.xlsx,1-1,I13,13,製造業の事業所数,企業誘致課,警告,reference-year-mismatch,/,
      ),
    );
  });

  test("an unreadable file is a line of its own", async () => {
    const { code, stdout } = await run(["--csv", await fixturePath("not-xlsx")]);
    expect(code).toBe(2);
    expect(stdout).toContain(",エラー,unreadable-file,");
  });

  test("--csv and --json together is a usage error", async () => {
    expect((await run(["--csv", "--json"])).code).toBe(2);
  });
});
