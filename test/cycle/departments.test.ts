// Whose a returned file is (issue 19 item 1, issue 21 item 2): split records each copy's department
// and the master's identity; the check scopes a copy to its department; merge takes a file's
// department from that marker, else from its name, else calls it unknown, and never from the
// rows it changed.
import * as fs from "fs";
import * as path from "path";
import { returned, sampleMarker, set, withMarker } from "../helpers/returnedCopies";
import { buildDistribution } from "../helpers/distribution";
import { changedParts, partText, runIn, sheetParts, tempDir } from "./helpers";
import { WorkbookPatch } from "../../src/adapters/xlsx/write/workbookPatch";
import { readWorkbookBytesSync } from "../../src/adapters/xlsx/read";
import { readSplitMarker, type SplitMarker } from "../../src/core/cycle/splitMarker";
import { checkWorkbook } from "../../src/core/check";
import { ENTRY_FIELDS } from "../../src/core/cycle/entryCells";
import { parseA1 } from "../../src/core/address";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

function markerOf(bytes: Uint8Array): SplitMarker | null {
  let marker: SplitMarker | null = null;
  readWorkbookBytesSync(bytes, { onCustomProperties: (p) => (marker = readSplitMarker(p)) });
  return marker;
}

interface MergeJson {
  applied: Array<{ file: string; kpi: string; department: string; cells: string[] }>;
  conflicts: Array<{ kind: string; kpi: string; department: string; files: string[]; cells: string[] }>;
  unchanged: string[];
  missing: string[];
  files: Array<{ file: string; department: string | null; departmentFrom: string | null }>;
  returnedUnchanged: Array<{ file: string; department: string | null }>;
  warnings: Array<{ kind: string; file: string; department: string; changedDepartments: string[] }>;
}

async function merge(dir: string, files: string[], extra: string[] = []) {
  const out = `統合-${Math.random().toString(36).slice(2)}.xlsx`;
  const r = await runIn(dir, ["merge", "原本.xlsx", ...files, "-o", out, "--json", ...extra]);
  return { ...r, json: r.code === 2 ? null : (JSON.parse(r.stdout) as MergeJson) };
}

const cellsOf = (json: MergeJson, kind: string) =>
  json.conflicts.filter((c) => c.kind === kind).map((c) => `${c.kpi}:${c.cells.join(",")}`);

describe("merge takes a file's department from split's marker or its name, never from its edits", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("departments");
    fs.copyFileSync(SAMPLE, path.join(dir, "原本.xlsx"));
  });

  const write = (name: string, bytes: Uint8Array) => fs.writeFileSync(path.join(dir, name), bytes);

  test("issue 21: a file from 企業誘致課 that changed only 商工労働課's I8 and I9 is not 商工労働課's submission", async () => {
    const bytes = await returned((rows) => {
      set(rows, "新技術・新製品等の開発数", { actual: "6件" });
      return set(rows, "創業相談件数", { actual: "30件" });
    });
    write("企業誘致課の記入.xlsx", withMarker(bytes, sampleMarker("企業誘致課")));
    write("原本_企業誘致課.xlsx", bytes);
    for (const file of ["企業誘致課の記入.xlsx", "原本_企業誘致課.xlsx"]) {
      const r = await merge(dir, [file]);
      expect(r.code).toBe(1);
      expect(r.json!.applied).toEqual([]);
      expect(cellsOf(r.json!, "other-department").sort()).toEqual([
        "創業相談件数:I9",
        "新技術・新製品等の開発数:I8",
      ]);
      expect(r.json!.files[0]).toMatchObject({
        department: "企業誘致課",
        departmentFrom: file.startsWith("原本_") ? "file-name" : "marker",
      });
      // 商工労働課 sent nothing: it is missing, not covered by another department's file.
      expect(r.json!.missing).toContain("商工労働課");
      expect(r.json!.missing).not.toContain("企業誘致課");
    }
  });

  test("issue 21: another department's file does not overwrite a cell 商工労働課's own file left alone", async () => {
    write(
      "原本_商工労働課.xlsx",
      withMarker(
        await returned((rows) => set(rows, "新規求人数", { actual: "1,500件" })),
        sampleMarker("商工労働課"),
      ),
    );
    write(
      "企業誘致課の写し.xlsx",
      withMarker(
        await returned((rows) => {
          set(rows, "新技術・新製品等の開発数", { actual: "7件" });
          return set(rows, "創業相談件数", { actual: "31件" });
        }),
        sampleMarker("企業誘致課"),
      ),
    );
    const r = await merge(dir, ["原本_商工労働課.xlsx", "企業誘致課の写し.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.json!.applied.map((a) => `${a.kpi}:${a.cells.join(",")}:${a.file}`)).toEqual([
      "新規求人数:I6:原本_商工労働課.xlsx",
    ]);
    expect(cellsOf(r.json!, "other-department").sort()).toEqual([
      "創業相談件数:I9",
      "新技術・新製品等の開発数:I8",
    ]);
    // The marker says 企業誘致課 and the file changed only 商工労働課's rows: said as a warning.
    expect(r.json!.warnings).toEqual([
      expect.objectContaining({
        kind: "marker-rows-disagree",
        file: "企業誘致課の写し.xlsx",
        department: "企業誘致課",
        changedDepartments: ["商工労働課"],
      }),
    ]);
  });

  test("issue 21: a file that changed its own row once and another's twice keeps its own change", async () => {
    write(
      "原本_企業誘致課 (2).xlsx",
      await returned((rows) => {
        set(rows, "製造品出荷額等", { actual: "11,500億円 (令和3年)" });
        set(rows, "新技術・新製品等の開発数", { actual: "6件" });
        return set(rows, "創業相談件数", { actual: "30件" });
      }),
    );
    const r = await merge(dir, ["原本_企業誘致課 (2).xlsx"]);
    expect(r.code).toBe(1);
    expect(r.json!.applied.map((a) => `${a.kpi}:${a.cells.join(",")}:${a.department}`)).toEqual([
      "製造品出荷額等:I7:企業誘致課",
    ]);
    expect(cellsOf(r.json!, "other-department")).toHaveLength(2);
  });

  test("a file whose department cannot be told has every edit reported as other-department", async () => {
    write("提出.xlsx", await returned((rows) => set(rows, "新規求人数", { actual: "1,500件" })));
    const r = await merge(dir, ["提出.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.json!.applied).toEqual([]);
    expect(cellsOf(r.json!, "other-department")).toEqual(["新規求人数:I6"]);
    expect(r.json!.files[0]).toMatchObject({ department: null, departmentFrom: null });
    const text = await runIn(dir, ["merge", "原本.xlsx", "提出.xlsx", "-o", "統合-text.xlsx"]);
    expect(text.stdout).toContain("担当課: （判別できず。変更はすべて他課の行の変更として扱います）");
    // --from applies it, as for any other-department change.
    const from = await merge(dir, ["提出.xlsx"], ["--from", "商工労働課=提出.xlsx"]);
    expect(from.json!.applied.map((a) => a.kpi)).toEqual(["新規求人数"]);
  });

  test("a copy returned with nothing entered is 未記入で返送 for its department, never 未提出", async () => {
    write("原本_住宅課.xlsx", withMarker(new Uint8Array(fs.readFileSync(SAMPLE)), sampleMarker("住宅課")));
    const r = await merge(dir, ["原本_住宅課.xlsx"]);
    expect(r.json!.unchanged).toEqual(["原本_住宅課.xlsx"]);
    expect(r.json!.returnedUnchanged).toEqual([{ file: "原本_住宅課.xlsx", department: "住宅課" }]);
    expect(r.json!.missing).not.toContain("住宅課");
    const text = await runIn(dir, ["merge", "原本.xlsx", "原本_住宅課.xlsx", "-o", "統合-unchanged.xlsx"]);
    expect(text.stdout).toContain("◆ 未記入で返送: 原本_住宅課.xlsx（住宅課）");
  });

  test("a copy of another master is refused with the reason; a renamed master is said, not refused", async () => {
    const bytes = await returned((rows) => set(rows, "防犯灯設置数", { actual: "17,500基" }));
    write(
      "他の原本_安心安全課.xlsx",
      withMarker(
        bytes,
        sampleMarker("安心安全課", { masterFile: "別の原本.xlsx", kpiDigest: "0123456789abcdef" }),
      ),
    );
    write(
      "前年度_安心安全課.xlsx",
      withMarker(bytes, sampleMarker("安心安全課", { fiscalYear: "令和4年度" })),
    );
    const refused = await runIn(dir, [
      "merge",
      "原本.xlsx",
      "他の原本_安心安全課.xlsx",
      "前年度_安心安全課.xlsx",
      "-o",
      "統合-refused.xlsx",
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "「他の原本_安心安全課.xlsx」は別の原本（別の原本.xlsx・令和5年度）から作った配布用ファイルです（原本のファイル名とKPIの一覧が違います）",
    );
    expect(refused.stderr).toContain("「前年度_安心安全課.xlsx」は別の原本（原本.xlsx・令和4年度）");
    expect(refused.stderr).toContain("何も書き込んでいません");
    expect(fs.existsSync(path.join(dir, "統合-refused.xlsx"))).toBe(false);

    write(
      "改名_安心安全課.xlsx",
      withMarker(bytes, sampleMarker("安心安全課", { masterFile: "原本(旧).xlsx" })),
    );
    const renamed = await runIn(dir, [
      "merge",
      "原本.xlsx",
      "改名_安心安全課.xlsx",
      "-o",
      "統合-renamed.xlsx",
    ]);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain("担当課: 安心安全課");
    expect(renamed.stdout).toContain("原本「原本(旧).xlsx」から作られました");
  });
});

describe("split records the copy's department, and the check of a copy covers that department", () => {
  let dir: string;
  let copy: Uint8Array;
  beforeAll(async () => {
    dir = tempDir("copy-scope");
    const d = await buildDistribution(path.join(dir, "dist"), []);
    fs.copyFileSync(d.master, path.join(dir, "原本.xlsx"));
    const r = await runIn(dir, ["split", "原本.xlsx", "-o", "配布", "--only", "交通政策課"]);
    expect(r.code).toBe(0);
    // 交通政策課 fills in its rows of the copy (values from the sample), nothing else.
    const file = path.join(dir, "配布", "原本_交通政策課.xlsx");
    const sample = checkWorkbook(readWorkbookBytesSync(new Uint8Array(fs.readFileSync(SAMPLE))));
    const wb = WorkbookPatch.open(new Uint8Array(fs.readFileSync(file)));
    for (const row of sample.rows.filter((x) => x.department === "交通政策課"))
      for (const f of ENTRY_FIELDS) {
        const c = row.cells[f];
        if (!c || c.cell.value === null) continue;
        const at = parseA1(c.address)!;
        const value = c.cell.value;
        wb.sheet(row.sheet).setValue(
          at.row,
          at.col,
          typeof value === "number" ? { kind: "number", value } : { kind: "text", value: String(value) },
        );
      }
    copy = wb.write().bytes;
    fs.writeFileSync(file, copy);
  });

  test("the marker: department and the master's name, year and KPI list, in docProps/custom.xml", () => {
    expect(markerOf(copy)).toEqual(sampleMarker("交通政策課"));
    // Surgical: the sheets (protection, unlocked entry cells), the styles, and the marker's part with
    // its relationship and content type; every other part as it was.
    const split = new Uint8Array(fs.readFileSync(path.join(dir, "配布", "原本_交通政策課.xlsx")));
    const master = new Uint8Array(fs.readFileSync(path.join(dir, "原本.xlsx")));
    expect(changedParts(master, split)).toEqual(
      [
        ...Object.values(sheetParts(master)),
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/custom.xml",
        "xl/styles.xml",
      ].sort(),
    );
    // The sample has no custom properties: split adds the part, its relationship and content type.
    expect(partText(copy, "_rels/.rels")).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"',
    );
    expect(partText(copy, "[Content_Types].xml")).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
    );
  });

  test("the CLI reports the department's rows only and says how many others it skipped", async () => {
    const r = await runIn(dir, ["配布/原本_交通政策課.xlsx"]);
    expect(r.stdout).toContain(
      "このファイルは「交通政策課」の配布用ファイル（kensho split で作成）です。交通政策課の行だけを検証しました。他の担当課の行 44行は検証していません（すべて検証するには --all-departments を付けてください）。",
    );
    expect(r.stdout).toContain("行: 3（数値目標 0・KPI 3）");
    expect(r.stdout).not.toContain("◆ 商工労働課");
    expect(r.code).toBe(0);
    const json = JSON.parse((await runIn(dir, ["--json", "配布/原本_交通政策課.xlsx"])).stdout);
    expect(json.files[0].scope).toEqual({ department: "交通政策課", from: "split-marker", skippedRows: 44 });
    expect(json.files[0].splitCopy).toEqual({
      department: "交通政策課",
      masterFile: "原本.xlsx",
      fiscalYear: "令和5年度",
    });
    expect(json.files[0].rows).toHaveLength(3);
    expect(json.summary.errors).toBe(0);
    const all = await runIn(dir, ["--all-departments", "--json", "配布/原本_交通政策課.xlsx"]);
    const allJson = JSON.parse(all.stdout);
    expect(allJson.files[0].rows).toHaveLength(47);
    expect(allJson.files[0].scope).toBeUndefined();
    expect(allJson.summary.errors).toBeGreaterThan(80);
    expect(all.code).toBe(1);
  });

  test("merge confirms the copy's department from its marker", async () => {
    fs.copyFileSync(path.join(dir, "配布", "原本_交通政策課.xlsx"), path.join(dir, "戻り.xlsx"));
    const r = await runIn(dir, ["merge", "原本.xlsx", "戻り.xlsx", "-o", "統合.xlsx", "--json"]);
    const json = JSON.parse(r.stdout) as MergeJson;
    expect(json.files).toEqual([
      { file: "戻り.xlsx", department: "交通政策課", departmentFrom: "marker", notes: [] },
    ]);
    expect(json.conflicts).toEqual([]);
    expect(new Set(json.applied.map((a) => a.department))).toEqual(new Set(["交通政策課"]));
  });
});
