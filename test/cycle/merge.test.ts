import * as fs from "fs";
import * as path from "path";
import { fullCheck } from "../helpers/fullCheck";
import { commerceSubmissions, returned, set } from "../helpers/returnedCopies";
import { changedParts, runIn, sheetParts, tempDir } from "./helpers";
import { WorkbookPatch } from "../../src/adapters/xlsx/write/workbookPatch";
import { DEFAULT_RULE } from "../../src/core/model";
import { fixturePath } from "../helpers/fixtures";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

describe("kensho merge", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir("merge");
    fs.copyFileSync(SAMPLE, path.join(dir, "原本.xlsx"));
    // 商工労働課's two submissions: every conflict kind, rows re-sorted and a row inserted in the second.
    const commerce = await commerceSubmissions();
    fs.writeFileSync(path.join(dir, "原本_商工労働課.xlsx"), commerce.first);
    fs.writeFileSync(path.join(dir, "原本_商工労働課(最終).xlsx"), commerce.second);
    // 安心安全課: its own row only.
    fs.writeFileSync(
      path.join(dir, "原本_安心安全課.xlsx"),
      await returned((rows) => set(rows, "防犯灯設置数", { actual: "17,500基" })),
    );
    // Nothing changed.
    fs.copyFileSync(SAMPLE, path.join(dir, "未記入.xlsx"));
  });

  test("applies entry cells by KPI identity, reports every conflict kind, then checks OUT", async () => {
    const files = [
      "原本_商工労働課.xlsx",
      "原本_商工労働課(最終).xlsx",
      "原本_安心安全課.xlsx",
      "未記入.xlsx",
    ];
    const r = await runIn(dir, ["merge", "原本.xlsx", ...files, "-o", "統合.xlsx", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.output).toBe("統合.xlsx");
    const kinds = json.conflicts.map((c: { kind: string; kpi: string }) => `${c.kind}:${c.kpi}`).sort();
    expect(kinds).toEqual([
      "locked-cell-changed:新技術・新製品等の開発数",
      "other-department:製造品出荷額等",
      "same-row:新規求人数",
      "unknown-kpi:独自の指標",
    ]);
    const same = json.conflicts.find((c: { kind: string }) => c.kind === "same-row");
    expect(same).toMatchObject({
      department: "商工労働課",
      files: ["原本_商工労働課.xlsx", "原本_商工労働課(最終).xlsx"],
      cells: ["I6"],
    });
    const applied = json.applied.map(
      (a: { kpi: string; file: string; cells: string[] }) => `${a.kpi}:${a.cells.join(",")}`,
    );
    // 創業相談件数 is the same in both submissions (re-sorted in the second): applied once, by identity.
    expect(applied).toEqual(expect.arrayContaining(["創業相談件数:I9", "防犯灯設置数:H8"]));
    expect(applied.some((a: string) => a.startsWith("新規求人数"))).toBe(false);
    expect(json.unchanged).toEqual(["未記入.xlsx"]);
    expect(json.missing).toContain("企業誘致課");
    expect(json.missing).not.toContain("商工労働課");
    expect(json.check.files[0].ok).toBe(true);

    const out = new Uint8Array(fs.readFileSync(path.join(dir, "統合.xlsx")));
    const parts = sheetParts(out);
    expect(changedParts(new Uint8Array(fs.readFileSync(SAMPLE)), out)).toEqual(
      [parts["1-1"], parts["3-2"]].sort(),
    );
    const check = await fullCheck(path.join(dir, "統合.xlsx"), DEFAULT_RULE);
    expect(check.rows.find((x) => x.name === "創業相談件数")!.values.actual.raw).toBe("30件");
    expect(check.rows.find((x) => x.name === "防犯灯設置数")!.values.actual.raw).toBe("17,500基");
    expect(check.rows.find((x) => x.name === "新規求人数")!.values.actual.raw).toBe("1,472件");
  });

  test("--prefer and --from resolve; the text report names files and cells", async () => {
    const r = await runIn(dir, [
      "merge",
      "原本.xlsx",
      "原本_商工労働課.xlsx",
      "原本_商工労働課(最終).xlsx",
      "-o",
      "統合2.xlsx",
      "--prefer",
      "原本_商工労働課(最終).xlsx",
      "--from",
      "企業誘致課=原本_商工労働課.xlsx",
    ]);
    expect(r.code).toBe(1); // locked-cell-changed and unknown-kpi still need a decision
    expect(r.stdout).toContain("◆ 適用した変更（値のみ）");
    expect(r.stdout).toContain("1-1!I6,L6　新規求人数（商工労働課）← 原本_商工労働課(最終).xlsx");
    expect(r.stdout).toContain("製造品出荷額等（企業誘致課）← 原本_商工労働課.xlsx");
    expect(r.stdout).toContain("[保護されたセルの変更] 新技術・新製品等の開発数");
    expect(r.stdout).toContain("原本_商工労働課.xlsx の 1-1!J8");
    expect(r.stdout).not.toContain("[同じ行への食い違う変更]");
    const check = await fullCheck(path.join(dir, "統合2.xlsx"), DEFAULT_RULE);
    expect(check.rows.find((x) => x.name === "新規求人数")!.values.actual.raw).toBe("1,520件");
  });

  test("bad input: another year, an encrypted file, a non-master, an existing OUT: exit 2, nothing written", async () => {
    fs.copyFileSync(await fixturePath("r6"), path.join(dir, "r6.xlsx"));
    fs.copyFileSync(await fixturePath("legacy-or-encrypted"), path.join(dir, "暗号化.xlsx"));
    fs.copyFileSync(await fixturePath("no-verification-sheet"), path.join(dir, "名簿.xlsx"));
    const a = await runIn(dir, ["merge", "原本.xlsx", "r6.xlsx", "暗号化.xlsx", "-o", "x.xlsx"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("「r6.xlsx」は令和6年度のシートです（原本は令和5年度）");
    expect(a.stderr).toContain("パスワードで保護されているか");
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    const b = await runIn(dir, ["merge", "名簿.xlsx", "原本_安心安全課.xlsx", "-o", "x.xlsx"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("効果検証シートが見つかりません");
    fs.writeFileSync(path.join(dir, "既存.xlsx"), "keep");
    const c = await runIn(dir, ["merge", "原本.xlsx", "原本_安心安全課.xlsx", "-o", "既存.xlsx"]);
    expect(c.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, "既存.xlsx"), "utf8")).toBe("keep");
    const d = await runIn(dir, ["merge", "原本.xlsx", "原本_安心安全課.xlsx", "-o", "既存.xlsx", "--force"]);
    expect(d.code).toBe(0);
  });
});

describe("writer", () => {
  test("never destroys a formula unless told to", async () => {
    const bytes = new Uint8Array(fs.readFileSync(await fixturePath("numeric-formats")));
    const wb = WorkbookPatch.open(bytes);
    const s = wb.sheet("1-1");
    expect(s.hasFormula(5, 8)).toBe(true);
    expect(() => s.setValue(5, 8, { kind: "number", value: 1 })).toThrow(/formula/);
    s.setValue(5, 8, { kind: "number", value: 1500 }, { replaceFormula: true });
    const out = wb.write();
    expect(out.changedParts).toContain("xl/worksheets/sheet1.xml");
    const check = await fullCheck(await fixturePath("numeric-formats"), DEFAULT_RULE);
    expect(check.fileError).toBeNull();
  });
});
