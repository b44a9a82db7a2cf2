// The add-in against each documented breaker of issue 9, on the fake that enforces them
// (test/fakes/excel/rules.ts). Each describe names the rule it answers.
import { FLAG_RECORD_NAMESPACE, SEVERITY_COLOR, parseFlagRecord } from "../../../src/core/flags";
import { STATUS_WORDS } from "../../../src/core/model";
import type { CellChange, CellFlag } from "../../../src/adapters/excel/workbookHost";
import { LEGACY_STATE_SHEET } from "../../../src/adapters/excel/recordStore";
import { OfficeWorkbookHost } from "../../../src/adapters/excel/officeWorkbookHost";
import type { ExcelRun, OfficeLike } from "../../../src/adapters/excel/officeHost.types";
import { FakeExcel, FakeOfficeError, type FakeExcelOptions } from "../../fakes/fakeExcel";
import { createFakeHostForTests, hostOnFake } from "../../fakes/fakeHost";
import { ruleTitle } from "../../fakes/excel/rules";
import { verificationGrid } from "../../fakes/sampleGrids";

const flagsFor = (sheet: string): CellFlag[] => [
  { sheet, address: "I3", severity: "error", message: "実績値が空欄です" },
  { sheet, address: "L4", severity: "warning", message: "進捗状況が計算と異なります" },
  { sheet, address: "M6", severity: "info", message: "理由があります" },
];

const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));

describe(ruleTitle("undoStack"), () => {
  test.each<[string, FakeExcelOptions]>([
    ["web", { platform: "web" }],
    ["Windows", { platform: "windows" }],
    ["Mac", { platform: "mac" }],
  ])(
    "on %s, check, flags, clear, apply, undo and drop-downs keep the person's undo history",
    async (_, opts) => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], opts);
      expect(host.support.undo).toBe(true);
      fake.userAction("typed 1,234 in I5");
      fake.userAction("changed a fill");
      const sheets = fake.sheetNames();
      const runsBefore = fake.runs.length;
      await host.readSheets();
      await host.writeFlags(flagsFor("1-1"));
      await host.clearFlags();
      await host.writeFlags(flagsFor("1-1"));
      await host.writeValues([{ sheet: "1-1", address: "L3", value: "進捗の遅れ" }]);
      await host.addStatusDropdown([{ sheet: "1-1", address: "L3" }]);
      await host.undoLastEdit();
      await host.undoLastEdit();
      await host.clearFlags();
      await host.saveSetting("kensho.rule", { onTrack: 1 });
      expect(fake.undoClears).toEqual([]);
      expect(fake.userUndoDepth()).toBe(2);
      expect(fake.sheetNames()).toEqual(sheets);
      // Every kensho write is one undo group (ExcelApi 1.20 mergeUndoGroup); the check's read is not.
      const runs = fake.runs.slice(runsBefore);
      expect(runs[0].mergeUndoGroup).toBeUndefined();
      expect(runs.slice(1).every((o) => o.mergeUndoGroup)).toBe(true);
      // One record per action: 3 flag writes, 2 edits, 2 undos, 1 clear, 1 setting.
      expect(fake.undoStack.filter((e) => e.by === "add-in")).toHaveLength(9);
    },
  );

  test("below ExcelApi 1.20 the host says undo is unsupported, for the pane to warn before the first write", async () => {
    const { host } = await createFakeHostForTests([verificationGrid("1-1", 3)], { apiVersion: "1.19" });
    expect(host.support.undo).toBe(false);
    expect(host.support.undoGrouping).toBe(false);
    const { host: current } = await createFakeHostForTests([verificationGrid("1-1", 3)]);
    expect(current.support.undo).toBe(true);
  });
});

describe(ruleTitle("veryHiddenDelete"), () => {
  /** A workbook an earlier version flagged: its record on the very hidden sheet, L4 painted. */
  function flaggedByEarlierVersion(): FakeExcel {
    const fake = new FakeExcel([verificationGrid("1-1", 10)], { platform: "windows" });
    fake.addSheet(LEGACY_STATE_SHEET, "VeryHidden");
    const rows = [
      { t: "flag", sheet: "1-1", address: "L4", fill: "#00B050", pattern: null, msg: "note" },
      { t: "flag", sheet: "1-1", address: "I3", fill: null, pattern: null, msg: "note" },
      { t: "undo", sheet: "1-1", address: "L3", formula: "順調に進捗" },
    ];
    rows.forEach((r, i) =>
      fake.setValue(LEGACY_STATE_SHEET, `A${i + 1}`, JSON.stringify(r), { format: "@" }),
    );
    fake.setFill("1-1", "L4", SEVERITY_COLOR.warning);
    fake.setFill("1-1", "I3", SEVERITY_COLOR.error);
    fake.setNote("1-1", "L4", "【kensho】進捗状況が計算と異なります");
    fake.setNote("1-1", "I3", "【kensho】実績値が空欄です");
    fake.setValue("1-1", "L3", "概ね順調に進捗");
    return fake;
  }

  test("flags an earlier version kept on the very hidden sheet are cleared exactly, the sheet emptied but never deleted", async () => {
    const fake = flaggedByEarlierVersion();
    fake.userAction("typed");
    const host = await hostOnFake(fake);
    expect(host.canUndo()).toBe(true);
    await host.readSheets();
    await host.clearFlags();
    expect(fake.fill("1-1", "L4")).toBe("#00B050");
    expect(fake.fill("1-1", "I3")).toBeNull();
    expect([fake.note("1-1", "L4"), fake.note("1-1", "I3")]).toEqual([null, null]);
    expect(fake.visibility(LEGACY_STATE_SHEET)).toBe("VeryHidden");
    expect(fake.value(LEGACY_STATE_SHEET, "A1")).toBeNull();
    expect(fake.userUndoDepth()).toBe(1);
    // The earlier version's undo travelled into the part.
    await expect(host.undoLastEdit()).resolves.toMatchObject({ undone: true });
    expect(fake.value("1-1", "L3")).toBe("順調に進捗");
    const parts = fake.xmlParts.filter((p) => p.namespaceUri === FLAG_RECORD_NAMESPACE);
    expect(parts).toHaveLength(1);
    expect(parseFlagRecord(parts[0].xml).doc).toEqual({ flags: [], undo: [] });
  });

  test("a clean re-check and a clear with nothing flagged never touch sheets", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)]);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    await host.writeFlags([]);
    await host.clearFlags();
    expect(fake.sheetNames()).toEqual(["1-1"]);
    expect(fake.undoClears).toEqual([]);
  });
});

describe(ruleTitle("mergedAreaLimit"), () => {
  function heavilyMerged(rows: number) {
    const g = verificationGrid("1-1", rows);
    // Two merged cells per data row (C:D, and M:N), plus the tall merge down column A.
    g.merges = [
      ...g.merges,
      ...Array.from({ length: rows }, (_, i) => [
        { top: i + 2, left: 2, bottom: i + 2, right: 3 },
        { top: i + 2, left: 12, bottom: i + 2, right: 13 },
      ]).flat(),
    ];
    return g;
  }

  test("a sheet with 1,000+ merged areas is read in the same two syncs, every merge whole", async () => {
    const grid = heavilyMerged(600);
    const { fake, host } = await createFakeHostForTests([grid]);
    const start = fake.syncCount;
    const [g] = await host.readSheets();
    expect(fake.syncCount - start).toBe(2);
    expect(g.merges.length).toBeGreaterThan(1000);
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(g.merges.map(key).sort()).toEqual(grid.merges.map(key).sort());
  });

  test("a sheet that grew past what the host knew costs one more sync, and nothing is missed", async () => {
    const { fake, host } = await createFakeHostForTests([heavilyMerged(40)]);
    // Rows typed below, beyond the margin: merges there too.
    for (let r = 42; r < 400; r++) fake.setValue("1-1", `E${r + 1}`, `KPI ${r}`);
    fake.sheets[0].merges.push({ top: 390, left: 2, bottom: 395, right: 3 });
    const start = fake.syncCount;
    const [g] = await host.readSheets();
    expect(fake.syncCount - start).toBe(3);
    expect(g.merges).toContainEqual({ top: 390, left: 2, bottom: 395, right: 3 });
    // The next read knows the size again.
    const again = fake.syncCount;
    await host.readSheets();
    expect(fake.syncCount - again).toBe(2);
  });
});

describe(ruleTitle("cellEditMode"), () => {
  test("every batch asks to wait for cell edit; a check started while someone types runs when they finish", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)]);
    fake.startCellEdit();
    let done = false;
    const reading = host.readSheets().then((g) => {
      done = true;
      return g;
    });
    await tick(20);
    expect(done).toBe(false);
    fake.endCellEdit();
    expect(await reading).toHaveLength(1);
    await host.writeFlags(flagsFor("1-1"));
    expect(fake.runs.length).toBeGreaterThan(2);
    expect(fake.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  test("Excel refusing a batch: each code its own words; InvalidOperation and ActivityLimitReached are never 'excel-busy' or 'protected'", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 5)]);
    const failWith = (code: string): ExcelRun =>
      (async () => {
        throw new FakeOfficeError(code, code);
      }) as unknown as ExcelRun;
    const hostFailing = (code: string) =>
      new OfficeWorkbookHost({ run: failWith(code), office: fake.office() as OfficeLike });
    await expect(hostFailing("InvalidOperationInCellEditMode").readSheets()).rejects.toMatchObject({
      code: "excel-busy",
    });
    await expect(
      hostFailing("InvalidOperation").writeValues([{ sheet: "1-1", address: "L3", value: "順調に進捗" }]),
    ).rejects.toMatchObject({ code: "invalid-operation" });
    await expect(hostFailing("ActivityLimitReached").readSheets()).rejects.toMatchObject({
      code: "activity-limit",
    });
    await expect(hostFailing("AccessDenied").clearFlags()).rejects.toMatchObject({ code: "sheet-protected" });
  });
});

describe(ruleTitle("valuesAsFormulas"), () => {
  test("apply then undo restores typed text verbatim: -, +5%, =…, 001, a Text-formatted cell, a formula, a number", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setValue("1-1", "L3", "-");
    fake.setValue("1-1", "L4", "+5%", { quotePrefix: true });
    fake.setValue("1-1", "L5", "=SUM(A1)", { quotePrefix: true });
    fake.setValue("1-1", "L6", "001", { quotePrefix: true });
    fake.setValue("1-1", "L7", "+5%", { format: "@" });
    fake.setValue("1-1", "L8", "済", { formula: '="済"' });
    fake.setValue("1-1", "L9", 0.05, { format: "0%", text: "5%" });
    fake.setValue("1-1", "L10", null);
    const before = JSON.stringify(fake.snapshot());
    const cells = ["L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10"];
    await host.writeValues(cells.map((address) => ({ sheet: "1-1", address, value: STATUS_WORDS[2] })));
    for (const a of cells) expect(fake.value("1-1", a)).toBe("進捗の遅れ");
    await expect(host.undoLastEdit()).resolves.toMatchObject({ undone: true });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect([fake.value("1-1", "L3"), fake.value("1-1", "L4"), fake.value("1-1", "L5")]).toEqual([
      "-",
      "+5%",
      "=SUM(A1)",
    ]);
    expect(fake.formula("1-1", "L8")).toBe('="済"');
  });
});

describe(ruleTitle("changeEvents"), () => {
  test("row and column inserts and deletes re-check live, and the record moves with the cells", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], {
      host: { graceMs: 0 },
    });
    fake.setFill("1-1", "L4", "#00B050");
    fake.setFill("1-1", "M6", "#FFFF00", { pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.25 });
    const batches: CellChange[][] = [];
    const live = host.onCellsChanged((c) => batches.push(c));
    await host.readSheets();
    await live;
    await host.writeFlags(flagsFor("1-1"));
    await fake.flushEvents();
    await tick();
    batches.length = 0;

    await fake.insertRows("1-1", 1, 2); // above every flag: I3 -> I5, L4 -> L6, M6 -> M8
    await fake.insertColumns("1-1", 0); // I -> J, L -> M, M -> N
    await fake.deleteRows("1-1", 7); // row 8 goes: the flag on N8 (was M6) with it
    await tick();
    expect(batches.flat().map((c) => c.address)).toEqual(["2:3", "A:A", "8:8"]);
    expect(fake.fill("1-1", "M6")).toBe(SEVERITY_COLOR.warning);

    // A co-author's insert re-checks nothing here, but still moves the record.
    await fake.insertRows("1-1", 0, 1, { source: "Remote" }); // J5 -> J6, M6 -> M7
    await host.readSheets();
    await host.clearFlags();
    expect(fake.fill("1-1", "M7")).toBe("#00B050");
    expect(fake.fill("1-1", "J6")).toBeNull();
    expect(fake.note("1-1", "M7")).toBeNull();
    expect(fake.note("1-1", "J6")).toBeNull();
  });

  test("ExcelApi 1.7 reports Others: still a change to re-check", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)], { apiVersion: "1.7" });
    const batches: CellChange[][] = [];
    await host.onCellsChanged((c) => batches.push(c));
    await fake.userChange("1-1", "I3:I4");
    await tick();
    expect(batches).toEqual([[{ sheet: "1-1", address: "I3:I4" }]]);
  });

  test("a renamed sheet keeps its flags: the record follows the sheet's id", async () => {
    const { fake, host } = await createFakeHostForTests([
      verificationGrid("1-1", 5),
      verificationGrid("1-2", 5),
    ]);
    fake.setFill("1-2", "L4", "#00B050");
    const before = JSON.stringify(fake.snapshot());
    await host.readSheets();
    await host.writeFlags(flagsFor("1-2"));
    fake.renameSheet("1-2", "1-2 (改)");
    await host.readSheets();
    await host.clearFlags();
    fake.renameSheet("1-2 (改)", "1-2");
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });
});

describe(ruleTitle("payloadLimit"), () => {
  test.each(["error", "general", "partial"] as const)(
    "the %s form: the read goes to bands of rows and gives the same grid",
    async (form) => {
      const grids = [verificationGrid("1-1", 1500)];
      const { host: plain } = await createFakeHostForTests(grids);
      const expected = await plain.readSheets();
      const { fake, host } = await createFakeHostForTests(grids, {
        maxResponseCells: 30000,
        payloadLimitForm: form,
        host: { chunkCells: 6000 },
      });
      const start = fake.syncCount;
      const got = await host.readSheets();
      // Compared as text: Jest's deep equality is slow on 20,000 cells.
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
      expect(fake.syncCount - start).toBeGreaterThan(3);
      // Flags still go out from what the bands cached.
      await host.writeFlags(flagsFor("1-1"));
      expect(fake.fill("1-1", "I3")).toBe(SEVERITY_COLOR.error);
    },
  );
});

describe(ruleTitle("fillProperties"), () => {
  test("a patterned, tinted fill comes back exactly; a gradient is never painted", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setFill("1-1", "I3", "#4472C4", {
      pattern: "LightUp",
      patternColor: "#C00000",
      tintAndShade: 0.6,
      patternTintAndShade: -0.25,
    });
    fake.setFill("1-1", "L4", "#70AD47", { pattern: "LinearGradient" });
    const before = JSON.stringify(fake.snapshot());
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    expect(fake.fullFill("1-1", "I3")).toMatchObject({
      color: SEVERITY_COLOR.error,
      pattern: "Solid",
      tintAndShade: 0,
    });
    expect(fake.pattern("1-1", "L4")).toBe("LinearGradient");
    expect(fake.note("1-1", "L4")).toContain("進捗状況が計算と異なります");
    await host.clearFlags();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  test("without a cached read (the fresh path), too", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setFill("1-1", "M6", "#FFC000", { pattern: "Gray8", patternColor: "#7030A0", tintAndShade: -0.5 });
    const before = JSON.stringify(fake.snapshot());
    await host.writeFlags(flagsFor("1-1"));
    await host.clearFlags();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });
});

describe("data validation under the status drop-down (ExcelApi 1.8)", () => {
  test("a cell's own validation is recorded and put back by 元に戻す", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)]);
    fake.setValidation("1-1", "L3", {
      rule: { list: { inCellDropDown: true, source: "済,未" } },
      prompt: { showPrompt: true, title: "入力", message: "済か未" },
      errorAlert: { showAlert: true, style: "Warning", title: "", message: "" },
      ignoreBlanks: false,
    });
    const before = JSON.stringify(fake.snapshot());
    await host.addStatusDropdown([
      { sheet: "1-1", address: "L3" },
      { sheet: "1-1", address: "L4" },
    ]);
    expect(fake.validation("1-1", "L3")).toEqual({
      list: { inCellDropDown: true, source: STATUS_WORDS.join(",") },
    });
    expect(host.canUndo()).toBe(true);
    await expect(host.undoLastEdit()).resolves.toMatchObject({ undone: true });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect(host.canUndo()).toBe(false);
  });
});

describe(ruleTitle("nullObjectChildren"), () => {
  test("an empty sheet, no record yet, a deleted sheet: nothing is called on a null object", async () => {
    const { fake, host } = await createFakeHostForTests([
      verificationGrid("1-1", 5),
      verificationGrid("1-2", 5),
    ]);
    fake.addSheet("空");
    const grids = await host.readSheets();
    expect(grids.map((g) => g.cells.length > 0)).toEqual([true, true, false]);
    await host.writeFlags([...flagsFor("1-1"), ...flagsFor("1-2")]);
    fake.sheets = fake.sheets.filter((s) => s.name !== "1-2");
    await host.clearFlags(); // records of the deleted sheet are dropped
    expect(fake.fill("1-1", "I3")).toBeNull();
  });
});
