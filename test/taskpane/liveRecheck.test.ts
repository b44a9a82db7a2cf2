// Live re-check end to end: the real core, the real Office adapter and the controller on the fake
// Excel, loaded with the bundled sample. A person's edit re-flags that row and nothing else.
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../src/core/check";
import { TaskpaneController } from "../../src/taskpane/controller";
import type { FakeExcel } from "../fakes/fakeExcel";
import { createFakeHostForTests } from "../fakes/fakeHost";
import { dense } from "../helpers/dense";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

/** Every cell's kensho-visible state (the colour shown, note), keyed "sheet!A1". */
function flagState(fake: FakeExcel, sheets: Array<{ name: string; rows: number; cols: number }>) {
  const state = new Map<string, string>();
  for (const s of sheets) {
    for (let r = 1; r <= s.rows; r++) {
      for (let c = 0; c < s.cols; c++) {
        const address = `${String.fromCharCode(65 + c)}${r}`;
        state.set(
          `${s.name}!${address}`,
          `${fake.displayedFill(s.name, address)}|${fake.note(s.name, address)}`,
        );
      }
    }
  }
  return state;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("an edit re-checks live and re-flags only the edited row; fixing it removes the flag", async () => {
  const grids = await readWorkbookFile(SAMPLE);
  const { fake, host } = await createFakeHostForTests(grids, { apiVersion: "1.20" });
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  await controller.check();
  expect(controller.getState().live).toBe(true);
  const sheets = grids.map((g) => ({
    name: g.name,
    rows: dense(g).values.length,
    cols: Math.max(...dense(g).values.map((r) => r.length)),
  }));
  const before = flagState(fake, sheets);
  const originalReason = fake.value("1-1", "M8");
  expect(fake.note("1-1", "M8")).toBeNull();

  // 新技術・新製品等の開発数 is 進捗の遅れ: clearing its reason must raise missing-delay-reason on M8.
  await fake.userEdit("1-1", "M8", null);
  await until(() => fake.note("1-1", "M8") !== null, "the M8 flag");
  expect(fake.note("1-1", "M8")).toContain("進捗が遅れている理由");
  expect(fake.displayedFill("1-1", "M8")).not.toBeNull();
  expect(changed(before, flagState(fake, sheets))).toEqual(["1-1!M8"]);
  expect(
    controller.getState().check?.findings.some((f) => f.code === "missing-delay-reason" && f.cell === "M8"),
  ).toBe(true);

  // Typing the reason back: the flag goes and the cell looks exactly as before.
  await fake.userEdit("1-1", "M8", originalReason);
  await until(() => fake.note("1-1", "M8") === null, "the M8 flag to clear");
  expect(changed(before, flagState(fake, sheets))).toEqual([]);
  await controller.dispose();
});

test("an edit that changes no finding writes nothing; one that does writes only its cell", async () => {
  const grids = await readWorkbookFile(SAMPLE);
  const { fake, host } = await createFakeHostForTests(grids, { apiVersion: "1.20" });
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  await controller.check();
  const findings = controller.getState().check!.findings.length;
  const writes = fake.writeSyncCount;
  const undoDepth = fake.undoStack.length;
  const rechecked = async (sheet: string, address: string, value: string | number | null) => {
    const reads = fake.syncCount;
    await fake.userEdit(sheet, address, value);
    await until(() => fake.syncCount > reads + 1 && controller.getState().phase === "ready", "the re-check");
    await new Promise((r) => setTimeout(r, 20));
  };
  // The ①②③ text of a row on track: a new wording changes no finding.
  const text = String(fake.value("1-1", "F6"));
  await rechecked("1-1", "F6", `${text}（追記）`);
  expect(controller.getState().check!.findings).toHaveLength(findings);
  expect(fake.writeSyncCount).toBe(writes);
  // Only the person's edit is on Excel's undo stack: nothing of kensho's above it.
  expect(fake.undoStack.slice(undoDepth).map((e) => e.by)).toEqual(["user"]);

  // Emptying a delayed row's reason adds one finding: one write, for that cell.
  const before = JSON.stringify(fake.conditionalFormats("1-1"));
  await rechecked("1-1", "M8", null);
  expect(fake.writeSyncCount).toBe(writes + 1);
  const added = fake.conditionalFormats("1-1").filter((cf) => !before.includes(cf.id));
  expect(added.map((cf) => cf.areas)).toEqual([[{ top: 7, left: 12, bottom: 7, right: 12 }]]);
  await controller.dispose();
});
