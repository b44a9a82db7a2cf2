// `kensho strategy --export/--check` and `kensho --strategy FILE`, in-process.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KPI_MASTER } from "../../src/core/master/kpiMaster";
import { runCli } from "../helpers/runCli";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-strategy-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd = ROOT) {
  return runCli(args, cwd);
}

const json = async (args: string[]) => JSON.parse((await run(["--json", ...args])).stdout);
const crossCodes = (report: { files: Array<{ findings: Array<{ code: string; kpi: string }> }> }) =>
  report.files[0].findings
    .filter((f) => ["master-mismatch", "kpi-name-differs", "kpi-not-in-sheet"].includes(f.code))
    .map((f) => [f.code, f.kpi]);

describe("kensho strategy", () => {
  test("--export writes the bundled master, which --check and --strategy accept unchanged", async () => {
    const out = path.join(dir, "master.json");
    const exported = await run(["strategy", "--export", out]);
    expect(exported).toMatchObject({ code: 0, stderr: "" });
    expect(exported.stdout).toContain(`（${KPI_MASTER.length}件）`);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual(JSON.parse(JSON.stringify(KPI_MASTER)));
    const checked = await run(["strategy", "--check", out]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("使えます");
    expect(await json(["--strategy", out])).toEqual(await json([]));
  });

  test("--export never overwrites a file", async () => {
    const out = path.join(dir, "master.json");
    fs.writeFileSync(out, "staff's file");
    const r = await run(["strategy", "--export", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("既にあります");
    expect(fs.readFileSync(out, "utf8")).toBe("staff's file");
    expect(fs.readdirSync(dir)).toEqual(["master.json"]);
  });

  test("without a file it says what to give (exit 2)", async () => {
    const r = await run(["strategy"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--export");
  });
});

describe("kensho --strategy FILE", () => {
  test("an edited master changes the cross-check: the 危険空き家 baseline corrected to the sheet's reading", async () => {
    const data = JSON.parse(JSON.stringify(KPI_MASTER));
    data.find((e: { name: string }) => e.name === "危険空き家除却件数").baseline = "30件 (平成30年度)";
    const file = path.join(dir, "revised.json");
    fs.writeFileSync(file, JSON.stringify(data));
    expect(crossCodes(await json([]))).toEqual([
      ["kpi-name-differs", "ミニデイサービス事業の実施率"],
      ["master-mismatch", "危険空き家除却件数"],
    ]);
    expect(crossCodes(await json(["--strategy", file]))).toEqual([
      ["kpi-name-differs", "ミニデイサービス事業の実施率"],
    ]);
  });

  test.each([
    ["missing", null, "見つかりません"],
    ["not JSON", "{ kind: 数値目標 ", "JSON形式として読み取れません"],
    ["not a list", '{"entries": []}', "配列"],
    ["a bad entry", '[{"id": "x"}]', "1番目の指標（id: x）の「kind」"],
    ["with a BOM, otherwise fine", `\uFEFF${JSON.stringify(KPI_MASTER)}`, null],
  ])("%s", async (_what, content, message) => {
    const file = path.join(dir, "m.json");
    if (content !== null) fs.writeFileSync(file, content);
    const r = await run(["--strategy", file, "--json"]);
    if (message === null) {
      expect(r.code).toBe(0);
      return;
    }
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|Error:/);
  });

  test("a folder given as the master", async () => {
    const r = await run(["--strategy", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ファイルではありません");
  });
});
