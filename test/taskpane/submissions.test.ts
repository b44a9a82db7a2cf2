// 提出ファイルを取り込む through the pane's controller, the real Office adapter on the stateful fake, the
// real xlsx reader and the real merge planner: the same merge as `kensho merge`, written into the
// open master, reported, and taken back whole by 元に戻す.
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../src/core/check";
import type { SheetGrid } from "../../src/core/model";
import { TaskpaneController } from "../../src/taskpane/controller";
import type { PickedFile } from "../../src/taskpane/submissions/types";
import { CYCLE_TEXT } from "../../src/i18n/cycle";
import { t } from "../../src/i18n/taskpane";
import { createFakeHostForTests } from "../fakes/fakeHost";
import type { FakeExcel } from "../fakes/fakeExcel";
import { verificationGrid } from "../fakes/sampleGrids";
import { fixturePath } from "../helpers/fixtures";
import { gridsToXlsx } from "../helpers/writeGrids";
import { runIn, tempDir } from "../cycle/helpers";
import { commerceSubmissions, picked, returned, set } from "../helpers/returnedCopies";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

/** Every non-empty cell of the fake as "sheet!row,col" → [value, formula]. */
function cells(fake: FakeExcel): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of fake.snapshot() as Array<{ name: string; cells: Array<[string, ...unknown[]]> }>)
    for (const [k, value, , , formula] of s.cells)
      out.set(`${s.name}!${k}`, JSON.stringify([value, formula]));
  return out;
}

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** "1-1!I6" → "1-1!5,8", the fake's cell key. */
function keyOf(sheet: string, a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return `${sheet}!${Number(m[2]) - 1},${col}`;
}

async function pane(grids: SheetGrid[]) {
  const { fake, host } = await createFakeHostForTests(grids);
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  return { fake, host, controller };
}

describe("提出ファイルを取り込む", () => {
  let master: SheetGrid[];
  let dir: string;
  const files: Record<string, Uint8Array> = {};
  const ORDER = ["原本_商工労働課.xlsx", "原本_商工労働課(最終).xlsx", "原本_安心安全課.xlsx", "未記入.xlsx"];

  beforeAll(async () => {
    master = await readWorkbookFile(SAMPLE);
    // The CLI test's submissions: every conflict kind, a re-sorted second submission, an unchanged file.
    const commerce = await commerceSubmissions();
    files["原本_商工労働課.xlsx"] = commerce.first;
    files["原本_商工労働課(最終).xlsx"] = commerce.second;
    // Text Excel would read as a formula or a number, typed by a department: it must arrive as text.
    files["原本_安心安全課.xlsx"] = await returned((rows) =>
      set(rows, "防犯灯設置数", { actual: "17,500基", activity: "-", reason: "+5%の増設を予定" }),
    );
    files["未記入.xlsx"] = new Uint8Array(fs.readFileSync(SAMPLE));
    dir = tempDir("pane-merge");
    fs.copyFileSync(SAMPLE, path.join(dir, "原本.xlsx"));
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  });

  test("writes exactly the cells `kensho merge` applies, reports the same conflicts, and 元に戻す takes it all back", async () => {
    const cli = await runIn(dir, ["merge", "原本.xlsx", ...ORDER, "-o", "統合.xlsx", "--json"]);
    const json = JSON.parse(cli.stdout) as {
      applied: Array<{ sheet: string; cells: string[] }>;
      conflicts: Array<{ kind: string; kpi: string }>;
    };
    const text = await runIn(dir, ["merge", "原本.xlsx", ...ORDER, "-o", "統合-text.xlsx"]);
    const merged = await readWorkbookFile(path.join(dir, "統合.xlsx"));

    const { fake, controller } = await pane(master);
    const before = cells(fake);
    const snapshot = JSON.stringify(fake.snapshot());
    await controller.importSubmissions(ORDER.map((f) => picked(f, files[f])));
    const state = controller.getState();
    expect(state.busy).toBe(false);

    // Exactly the CLI's applied cells changed, to the CLI's values.
    const expected = json.applied.flatMap((a) => a.cells.map((c) => keyOf(a.sheet, c))).sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(changed(before, cells(fake))).toEqual(expected);
    for (const a of json.applied)
      for (const c of a.cells) {
        const grid = merged.find((g) => g.name === a.sheet)!;
        const [row, col] = keyOf(a.sheet, c).split("!")[1].split(",").map(Number);
        const want = grid.cells.find((x) => x.row === row && x.col === col)?.value ?? null;
        expect([a.sheet, c, fake.value(a.sheet, c)]).toEqual([a.sheet, c, want]);
        expect(fake.formula(a.sheet, c)).toBeNull();
      }
    // "-" and "+5%…" arrived as text, not as formulas.
    const row = state.check!.rows.find((r) => r.name === "防犯灯設置数")!;
    expect(fake.value(row.sheet, row.cells.activity!.address)).toBe("-");
    expect(fake.value(row.sheet, row.cells.reason!.address)).toBe("+5%の増設を予定");

    // The same report: the CLI's conflicts, and its lines in the CLI's words.
    const report = state.submissions!;
    expect(report.conflicts.map((c) => c.kind).sort()).toEqual(json.conflicts.map((c) => c.kind).sort());
    expect(report.conflicts.map((c) => c.kind).sort()).toEqual([
      "locked-cell-changed",
      "other-department",
      "same-row",
      "unknown-kpi",
    ]);
    for (const line of [
      ...report.files.map((f) => f.text),
      ...report.applied.map((a) => a.text),
      ...report.conflicts.flatMap((c) => [c.title, ...c.sources, ...(c.master ? [c.master.text] : [])]),
      report.unchanged,
      report.missing,
    ])
      expect(text.stdout).toContain(line);
    expect(report.files.map((f) => f.file)).toEqual(ORDER);
    expect(report.unchanged).toBe("未記入で返送: 未記入.xlsx（担当課を判別できず）");
    expect(report.problems).toEqual([]);
    expect(report.writtenCells).toBe(expected.length);
    expect(state.notice).toMatchObject({
      kind: "warning",
      title: t.submissions.done(expected.length, json.applied.length),
    });
    // The merged workbook was checked, as the CLI checks OUT.
    expect(state.check!.rows.find((r) => r.name === "創業相談件数")!.values.actual.raw).toBe("30件");
    expect(state.canUndo).toBe(true);

    await controller.undo();
    expect(controller.getState().notice).toMatchObject({ title: t.progress.undone });
    expect(JSON.stringify(fake.snapshot())).toBe(snapshot);
    expect(controller.getState().submissions!.undone).toBe(true);
    expect(controller.getState().canUndo).toBe(false);
    await controller.dispose();
  });

  test("a bad file is reported in Japanese and the others still go in", async () => {
    const r6 = new Uint8Array(fs.readFileSync(await fixturePath("r6")));
    const encrypted = new Uint8Array(fs.readFileSync(await fixturePath("legacy-or-encrypted")));
    const roster = new Uint8Array(fs.readFileSync(await fixturePath("no-verification-sheet")));
    // Same year, a verification sheet, but none of this master's KPIs.
    const stranger = await gridsToXlsx([verificationGrid("1-1", 5)]);
    const vanished: PickedFile = {
      name: "移動済み.xlsx",
      size: 10,
      arrayBuffer: () => Promise.reject(new DOMException("gone", "NotFoundError")),
    };
    const { fake, controller } = await pane(master);
    await controller.importSubmissions([
      picked("r6.xlsx", r6),
      picked("暗号化.xlsx", encrypted),
      picked("名簿.xlsx", roster),
      picked("メモ.xlsx", new TextEncoder().encode("これはメモです")),
      picked("他市.xlsx", stranger),
      vanished,
      picked("原本_安心安全課.xlsx", files["原本_安心安全課.xlsx"]),
    ]);
    const report = controller.getState().submissions!;
    const problems = Object.fromEntries(report.problems.map((p) => [p.file, p.message]));
    expect(Object.keys(problems)).toEqual([
      "r6.xlsx",
      "暗号化.xlsx",
      "名簿.xlsx",
      "メモ.xlsx",
      "他市.xlsx",
      "移動済み.xlsx",
    ]);
    expect(problems["r6.xlsx"]).toBe(CYCLE_TEXT.otherYear("r6.xlsx", "令和6年度", "令和5年度"));
    expect(problems["暗号化.xlsx"]).toContain("パスワードで保護されているか");
    expect(problems["名簿.xlsx"]).toBe(CYCLE_TEXT.notReturnedCopy("名簿.xlsx"));
    expect(problems["メモ.xlsx"]).toContain("Excel ブック (.xlsx) ではありません");
    expect(problems["他市.xlsx"]).toBe(CYCLE_TEXT.notThisMaster("他市.xlsx"));
    expect(problems["移動済み.xlsx"]).toContain("読み込めませんでした");
    // The good file went in.
    expect(report.files.map((f) => f.file)).toEqual(["原本_安心安全課.xlsx"]);
    expect(report.applied.map((a) => a.text)).toEqual([
      expect.stringContaining("防犯灯設置数（安心安全課）← 原本_安心安全課.xlsx"),
    ]);
    const row = controller.getState().check!.rows.find((r) => r.name === "防犯灯設置数")!;
    expect(fake.value(row.sheet, row.cells.actual!.address)).toBe("17,500基");
    expect(controller.getState().notice).toMatchObject({
      kind: "warning",
      body: expect.stringContaining("6件"),
    });
    await controller.dispose();
  });

  test("a master cell holding a formula is never overwritten, and is reported", async () => {
    const { fake, controller } = await pane(master);
    await controller.check();
    const row = controller.getState().check!.rows.find((r) => r.name === "防犯灯設置数")!;
    const actual = row.cells.actual!.address;
    fake.setValue(row.sheet, actual, 17000, { formula: "=17000" });
    await controller.importSubmissions([picked("原本_安心安全課.xlsx", files["原本_安心安全課.xlsx"])]);
    const report = controller.getState().submissions!;
    expect(fake.formula(row.sheet, actual)).toBe("=17000");
    expect(report.formulaCells).toEqual([CYCLE_TEXT.formulaInEntry(row.sheet, actual)]);
    // The row's other cells (reason, activity) went in; the applied line lists only those.
    expect(report.writtenCells).toBe(2);
    expect(report.applied[0].text).not.toContain(actual);
    expect(controller.getState().notice!.kind).toBe("warning");
    await controller.undo();
    expect(fake.formula(row.sheet, actual)).toBe("=17000");
    await controller.dispose();
  });

  test("context.sync() count is the same for 10 and 1,000 rows", async () => {
    const count = async (n: number) => {
      const grid = verificationGrid("1-1", n);
      const copy = {
        ...grid,
        cells: grid.cells.map((c) =>
          c.row >= 2 && c.col === 5 ? { ...c, value: `①取組${c.row}`, text: `①取組${c.row}` } : c,
        ),
      };
      const { fake, controller } = await pane([grid]);
      const bytes = await gridsToXlsx([copy]);
      const start = fake.syncCount;
      await controller.importSubmissions([picked("原本_商工労働課.xlsx", bytes)]);
      const syncs = fake.syncCount - start;
      expect(controller.getState().submissions!.writtenCells).toBe(n);
      expect(fake.value("1-1", `F${n + 2}`)).toBe(`①取組${n + 1}`);
      await controller.dispose();
      return syncs;
    };
    const small = await count(10);
    const large = await count(1000);
    expect(large).toBe(small);
    // read the master 2 + write 3 (first record part) + re-read the written sheet 2.
    expect(small).toBeLessThanOrEqual(7);
  });

  test("an open workbook with no verification sheet: said, nothing written", async () => {
    const { fake, controller } = await pane([{ ...verificationGrid("名簿", 1), cells: [] }]);
    const before = JSON.stringify(fake.snapshot());
    await controller.importSubmissions([picked("原本_安心安全課.xlsx", files["原本_安心安全課.xlsx"])]);
    expect(controller.getState().notice).toEqual({ kind: "error", title: CYCLE_TEXT.masterNotVerification });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    await controller.dispose();
  });

  test("the on-demand code failing to load is said in Japanese; nothing is read or written", async () => {
    const { fake, host } = await createFakeHostForTests(master);
    const controller = new TaskpaneController({
      createHost: () => host,
      checkWorkbook,
      loadSubmissions: () => Promise.reject(new Error("ChunkLoadError: Loading chunk submissions failed")),
    });
    await controller.init();
    const start = fake.syncCount;
    await controller.importSubmissions([picked("原本_安心安全課.xlsx", files["原本_安心安全課.xlsx"])]);
    expect(controller.getState().notice).toEqual({
      kind: "error",
      title: t.submissions.loadFailed,
      body: t.submissions.loadFailedHint,
    });
    expect(fake.syncCount).toBe(start);
    await controller.dispose();
  });
});
