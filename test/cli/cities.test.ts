// Other cities' layouts through the command line, as real .xlsx files: --explain-layout on each,
// `profile init` drafting a profile that, unedited, reads the file the same way, and a hand-edited
// profile that reads a sheet kensho would not guess.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCityFixtures, CITY_LAYOUTS } from "../../scripts/cityLayouts";
import { runCli } from "../helpers/runCli";
import { gridFromArrays } from "../../src/core/grid";
import { writeXlsx } from "../../scripts/synthetic-xlsx";

let dir: string;

const run = (args: string[]) => runCli(args, dir);
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-cities-"));
  buildCityFixtures(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LAYOUTS = CITY_LAYOUTS.map((m) => m());
/** What a check says, without the file's name: rows and findings. */
const facts = (stdout: string) => {
  const f = JSON.parse(stdout).files[0];
  return { ok: f.ok, error: f.error, fiscalYear: f.fiscalYear, rows: f.rows, findings: f.findings };
};

describe.each(LAYOUTS.map((l) => [l.id, l] as const))("%s", (id, layout) => {
  test("--explain-layout names each column's field, the year and, with the profile, the scale", async () => {
    const args = ["--explain-layout", `${id}.xlsx`];
    if (layout.profile) args.push("--profile", `${id}.profile.json`);
    const { code, stdout } = await run(args);
    expect(code).toBe(0);
    expect(stdout).toContain(`年度: ${layout.fiscalYear}`);
    expect(stdout).toMatch(/重要業績評価指標（KPI）名称\u3000←/);
    expect(stdout).toMatch(/の実績値\u3000←/);
    if (layout.profile) expect(stdout).toContain("市の設定:");
    if (layout.scale !== "isesaki") expect(stdout).toContain("評価区分:");
  });

  test("profile init writes a draft that, unedited, reads the file the same way", async () => {
    const out = `${id}.draft.json`;
    const init = await run(["profile", "init", `${id}.xlsx`, "-o", out]);
    expect(init.code).toBe(0);
    const draft = JSON.parse(fs.readFileSync(path.join(dir, out), "utf8"));
    expect(draft.version).toBe(1);
    expect(draft.readings.length).toBeGreaterThan(3);
    const plain = await run(["--json", `${id}.xlsx`]);
    const drafted = await run(["--json", "--profile", out, `${id}.xlsx`]);
    expect(drafted.stderr).toBe("");
    expect(facts(drafted.stdout)).toEqual(facts(plain.stdout));
    expect(drafted.code).toBe(plain.code);
  });
});

test("the deliberately ambiguous sheet stops naming B列「現状値」, and the hand-edited profile reads it", async () => {
  const stopped = await run(["--explain-layout", "ambiguous.xlsx"]);
  expect(stopped.code).toBe(2);
  expect(stopped.stdout).toContain("B列「現状値」は、基準値と今年度の実績値のどちらとも読めて");
  const read = await run(["--json", "--profile", "ambiguous.profile.json", "ambiguous.xlsx"]);
  const f = JSON.parse(read.stdout).files[0];
  expect(f.ok).toBe(true);
  expect(f.rows.map((r: { name: string }) => r.name)).toEqual(["図書館の貸出冊数", "地域イベントの参加者数"]);
  const explained = await run(["--explain-layout", "--profile", "ambiguous.profile.json", "ambiguous.xlsx"]);
  expect(explained.stdout).toMatch(
    /B\s+令和5年度の実績値\u3000←\u3000「現状値」（見出しの項目名・市の設定）/,
  );
});

test("a refused workbook is told the headings found, their meanings, what is missing and to run profile init", async () => {
  fs.writeFileSync(path.join(dir, "other.json"), "{}");
  const { code, stdout } = await run(["--profile", "nope.json", "matsudo.xlsx"]);
  expect(code).toBe(2);
  expect(stdout).toBe("");
  const bad = await run(["--profile", "other.json", "matsudo.xlsx"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("other.json:1行目: 「version」がありません");
});

test("a refused sheet: the headings found with their meanings, the fields missing, the next step", async () => {
  const grid = gridFromArrays("指標", [
    ["令和5年度 指標一覧"],
    ["名称", "今年度", "目標値", "所管課"],
    ["図書館の貸出冊数", "52万冊", "50万冊", "生涯学習課"],
  ]);
  fs.writeFileSync(path.join(dir, "refused.xlsx"), writeXlsx([{ grid }]));
  for (const args of [["refused.xlsx"], ["--explain-layout", "refused.xlsx"]]) {
    const { code, stdout } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toContain("C2「目標値」→ 目標値");
    expect(stdout).toContain("D2「所管課」→ 指標の担当課");
    expect(stdout).toContain("A2「名称」→ 不明（読み取らない列）");
    expect(stdout).toContain(
      "足りない項目: 指標の名称（指標名・KPIなど）、実績値（実績・実績値・現状値など）",
    );
    expect(stdout).toContain("kensho profile init");
  }
  const init = await run(["profile", "init", "refused.xlsx", "-o", "refused.json"]);
  expect(init.code).toBe(0);
  const draft = JSON.parse(fs.readFileSync(path.join(dir, "refused.json"), "utf8"));
  expect(draft.headingsFound.map((h: { text: string }) => h.text)).toEqual([
    "名称",
    "今年度",
    "目標値",
    "所管課",
  ]);
  // The planner names the columns kensho did not know; the sheet is then read.
  draft.fields = { kpi: { headings: ["名称"] }, actual: { columns: ["B"] } };
  fs.writeFileSync(path.join(dir, "refused.json"), JSON.stringify(draft));
  const read = await run(["--json", "--profile", "refused.json", "refused.xlsx"]);
  const f = JSON.parse(read.stdout).files[0];
  expect(f.ok).toBe(true);
  expect(f.rows[0]).toMatchObject({ name: "図書館の貸出冊数", department: "生涯学習課" });
});

test("split and merge read a city's sheet with its profile: one copy per 担当部署, entries merged back", async () => {
  const split = await run(["split", "kitsuki.xlsx", "-o", "copies", "--profile", "kitsuki.profile.json"]);
  expect(split.stderr).toBe("");
  expect(split.code).toBe(0);
  const copies = fs.readdirSync(path.join(dir, "copies")).sort();
  expect(copies).toEqual(["kitsuki_商工観光課.xlsx", "kitsuki_建設課.xlsx", "kitsuki_財政課.xlsx"].sort());
  const merged = await run([
    "merge",
    "kitsuki.xlsx",
    ...copies.map((c) => path.join("copies", c)),
    "-o",
    "merged.xlsx",
    "--json",
    "--profile",
    "kitsuki.profile.json",
  ]);
  const out = JSON.parse(merged.stdout);
  expect(out.check.files[0].ok).toBe(true);
  expect(out.check.files[0].rows).toHaveLength(4);
  const rollover = await run(["rollover", "kitsuki.xlsx", "--dry-run", "--profile", "kitsuki.profile.json"]);
  expect(rollover.code).toBe(0);
  expect(rollover.stdout).toContain("令和6年度");
});
