import * as fs from "fs";
import * as path from "path";
import { fullCheck } from "../helpers/fullCheck";
import { buildRichMaster, type RichLayout } from "../helpers/richMaster";
import { changedParts, partText, rawIdentical, runIn, sheetParts, tempDir } from "./helpers";
import { DEFAULT_RULE } from "../../src/core/model";
import { advanceYears } from "../../src/core/cycle/yearLabels";

// What an empty new year implies: entries are blank and targets are planning's to set. The other
// codes are the ones the FY2023 sheet already carries in cells rollover leaves alone.
const EMPTY_YEAR = [
  "missing-actual",
  "missing-status",
  "missing-activity-text",
  "missing-target",
  // The strategy cross-check on what rollover carries over as it was: ミニデイサービス事業's name as
  // the FY2023 sheet wrote it, and the 危険空き家除却件数 baseline (30件; the strategy says 49件).
  "kpi-name-differs",
  "master-mismatch",
];

describe("year labels", () => {
  test("advance this year and the previous one, as written; 基準値 and 最終 years stay", () => {
    const years = new Set([2023, 2022]);
    expect(advanceYears("令和5年度\n実績値", years, 1)).toBe("令和6年度\n実績値");
    expect(advanceYears("令和５年度 目標値", years, 1)).toBe("令和６年度 目標値");
    expect(advanceYears("R4 実績", years, 1)).toBe("R5 実績");
    expect(advanceYears("FY2023 / 2022年度", years, 1)).toBe("FY2024 / 2023年度");
    expect(advanceYears("基準値 (令和元年度)", years, 1)).toBe("基準値 (令和元年度)");
    expect(advanceYears("目標値 (令和9年度)", years, 1)).toBe("目標値 (令和9年度)");
    expect(advanceYears("ARR5", years, 1)).toBe("ARR5");
  });
});

describe.each<RichLayout>(["multi-sheet", "single-sheet"])(
  "kensho rollover on the rich %s master",
  (layout) => {
    let dir: string;
    let master: Uint8Array;
    let out: Uint8Array;
    let stdout: string;
    beforeAll(async () => {
      dir = tempDir("rollover");
      master = await buildRichMaster(layout);
      fs.writeFileSync(path.join(dir, "r5.xlsx"), master);
      const r = await runIn(dir, ["rollover", "r5.xlsx", "-o", "r6.xlsx", "--log", "変更履歴.csv"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      stdout = r.stdout;
      out = new Uint8Array(fs.readFileSync(path.join(dir, "r6.xlsx")));
    });

    test("changes only the sheets, the workbook's sheet list and names, and adds the change log sheet", () => {
      const parts = Object.values(sheetParts(master));
      const added = Object.values(sheetParts(out)).filter((p) => !parts.includes(p));
      expect(added).toHaveLength(1);
      const changed = changedParts(master, out);
      const sheetsChanged = layout === "multi-sheet" ? parts : parts; // every sheet has a year label
      expect(changed).toEqual(
        [
          ...sheetsChanged,
          ...added,
          "[Content_Types].xml",
          "xl/_rels/workbook.xml.rels",
          "xl/workbook.xml",
        ].sort(),
      );
      for (const name of [
        "docProps/custom.xml",
        "xl/media/image1.png",
        "xl/drawings/drawing1.xml",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
      ])
        expect(rawIdentical(master, out, name)).toBe(true);
    });

    test("reads back as 令和6年度 with the revision applied and only the findings of an empty year", async () => {
      const file = path.join(dir, "r6.xlsx");
      const check = await fullCheck(file, DEFAULT_RULE);
      expect(check.fileError).toBeNull();
      expect(check.fiscalYear).toBe("令和6年度");
      const names = check.rows.map((r) => r.name);
      expect(names).toContain("年少人口");
      expect(names).toContain("3歳児健康診査受診率");
      expect(names).not.toContain("合計特殊出生率");
      expect(names).not.toContain("出生数");
      const i = names.indexOf("災害時協力協定締結数");
      expect(names[i + 1]).toBe("災害図上訓練年間実施回数");
      const added = check.rows[i + 1];
      expect(added.measure).toBe("①安心できるまちづくり");
      expect(added.department).toBe("安心安全課");
      expect(check.rows).toHaveLength(48);
      const codes = new Set(check.findings.map((f) => f.code));
      for (const c of codes) expect(EMPTY_YEAR).toContain(c);
      // The strategy cross-check, on what the FY2023 sheet carried into the new year unchanged.
      expect(
        check.findings.filter((f) => f.code === "master-mismatch").map((f) => [f.kpi, f.params.expected]),
      ).toEqual([["危険空き家除却件数", "49件"]]);
      expect(check.findings.filter((f) => f.code === "missing-actual")).toHaveLength(48);
      // The previous-year column holds this year's actual verbatim.
      const newJobs = check.rows.find((r) => r.name === "新規求人数")!;
      expect(newJobs.values.previous.raw).toBe("1,472件");
      expect(newJobs.values.actual.kind).toBe("blank");
    });

    test("keeps the drop-down and conditional formats, grows them and the print area over the new row", () => {
      const parts = sheetParts(out);
      const sheet = layout === "multi-sheet" ? parts["3-2"] : parts["全体"];
      const before = partText(
        master,
        layout === "multi-sheet" ? sheetParts(master)["3-2"] : sheetParts(master)["全体"],
      );
      const after = partText(out, sheet);
      expect((after.match(/<dataValidation /g) ?? []).length).toBe(
        (before.match(/<dataValidation /g) ?? []).length,
      );
      expect(after).toContain("<conditionalFormatting");
      expect(after).toContain("<headerFooter");
      const wb = partText(out, "xl/workbook.xml");
      const wbBefore = partText(master, "xl/workbook.xml");
      expect(wb).toContain("_xlnm.Print_Area");
      expect(wb).not.toBe(wbBefore);
      expect(stdout).toContain("災害図上訓練年間実施回数");
      const csv = fs.readFileSync(path.join(dir, "変更履歴.csv"), "utf8");
      expect(csv.startsWith("\ufeffシート,行,セル,KPI,変更内容")).toBe(true);
      expect(csv).toContain("総合戦略の改訂により新しいKPIを追加");
    });
  },
);

describe("rollover options and bad input", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("rollover-opts");
    fs.copyFileSync(
      path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx"),
      path.join(dir, "r5.xlsx"),
    );
  });

  test("--dry-run prints the change log and writes nothing", async () => {
    const r = await runIn(dir, ["rollover", "r5.xlsx", "-o", "r6.xlsx", "--dry-run", "--log", "x.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("令和5年度 → 令和6年度");
    expect(r.stdout).toContain("何も書き込んでいません");
    expect(fs.existsSync(path.join(dir, "r6.xlsx"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "x.csv"))).toBe(false);
  });

  test("--targets linear sets a straight path to the final target; keep keeps", async () => {
    const r = await runIn(dir, ["rollover", "r5.xlsx", "-o", "linear.xlsx", "--targets", "linear"]);
    expect(r.code).toBe(0);
    const check = await fullCheck(path.join(dir, "linear.xlsx"), DEFAULT_RULE);
    // 新規求人数: 1,472件 in 令和5年度 toward 1,630件 in 令和9年度: 1472 + 158/4 = 1511.5 → 1,512件
    expect(check.rows.find((r) => r.name === "新規求人数")!.values.target.raw).toBe("1,512件");
    expect(check.findings.some((f) => f.code === "missing-target" && f.kpi === "新規求人数")).toBe(false);
    const k = await runIn(dir, ["rollover", "r5.xlsx", "-o", "keep.xlsx", "--targets", "keep"]);
    expect(k.code).toBe(0);
    const kept = await fullCheck(path.join(dir, "keep.xlsx"), DEFAULT_RULE);
    expect(kept.rows.find((r) => r.name === "新規求人数")!.values.target.raw).toBe("1,594件");
  });

  test("an existing OUT, a wrong --to and a bad --targets are refused; nothing is written", async () => {
    fs.writeFileSync(path.join(dir, "exists.xlsx"), "keep me");
    const a = await runIn(dir, ["rollover", "r5.xlsx", "-o", "exists.xlsx"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("既にあります");
    expect(fs.readFileSync(path.join(dir, "exists.xlsx"), "utf8")).toBe("keep me");
    const b = await runIn(dir, ["rollover", "r5.xlsx", "-o", "r8.xlsx", "--to", "令和8年度"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("翌年度ではありません");
    const c = await runIn(dir, ["rollover", "r5.xlsx", "-o", "t.xlsx", "--targets", "guess"]);
    expect(c.code).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".~kensho"))).toEqual([]);
    expect(fs.existsSync(path.join(dir, "r8.xlsx"))).toBe(false);
  });
});
