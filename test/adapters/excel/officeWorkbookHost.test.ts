import { HostError, type CellChange, type CellFlag } from "../../../src/adapters/excel/workbookHost";
import { SEVERITY_COLOR as SEVERITY_FILL } from "../../../src/core/flags";
import { createFakeHostForTests, hostOnFake } from "../../fakes/fakeHost";
import { verificationGrid, workbook } from "../../fakes/sampleGrids";
import type { FakeExcel } from "../../fakes/fakeExcel";

const flagsFor = (sheets: string[]): CellFlag[] =>
  sheets.flatMap((sheet) => [
    { sheet, address: "I3", severity: "error" as const, message: "実績値が空欄です" },
    { sheet, address: "L4", severity: "warning" as const, message: "進捗状況が計算と異なります" },
    { sheet, address: "M6", severity: "info" as const, message: "理由があります" },
  ]);

async function measure(sheets: number, rows: number) {
  const { fake, host } = await createFakeHostForTests(workbook(sheets, rows));
  const start = fake.syncCount;
  const grids = await host.readSheets();
  const read = fake.syncCount - start;
  const writesBefore = fake.writeSyncCount;
  const beforeFlags = fake.syncCount;
  await host.writeFlags(flagsFor(grids.map((g) => g.name)));
  return { read, flag: fake.syncCount - beforeFlags, flagWrites: fake.writeSyncCount - writesBefore, fake };
}

describe("OfficeWorkbookHost over the fake", () => {
  it("reads values, text, formats, merges and hidden rows", async () => {
    const { host } = await createFakeHostForTests([verificationGrid("1-1", 5)]);
    const [g] = await host.readSheets();
    const expected = verificationGrid("1-1", 5);
    expect(g.name).toBe("1-1");
    expect(g.cells).toEqual(expected.cells);
    expect(g.merges).toEqual(expect.arrayContaining(expected.merges));
    expect(g.hiddenRows).toEqual([4]);
    expect(g.hiddenCols).toEqual([]);
  });

  it("uses a fixed number of syncs regardless of rows and sheets", async () => {
    const small = await measure(1, 47);
    const large = await measure(1, 5000);
    const many = await measure(6, 47);
    expect(small.read).toBeLessThanOrEqual(2);
    expect(large.read).toBe(small.read);
    expect(many.read).toBe(small.read);
    expect(large.flag).toBe(small.flag);
    expect(many.flag).toBe(small.flag);
    expect(small.flagWrites).toBe(1);
    expect(many.flagWrites).toBe(1);
    // Everything writeFlags needs was captured by readSheets: the write is the only sync.
    expect(small.flag).toBe(1);
    for (const m of [small, large, many]) expect(m.fake.droppedOps).toBe(0);
  });

  describe("sync budget of a check", () => {
    async function checkCost(apiVersion: string, rows: number, setup?: (fake: FakeExcel) => void) {
      const { fake, host } = await createFakeHostForTests(
        [verificationGrid("1-1", rows), verificationGrid("1-2", rows)],
        {
          apiVersion,
        },
      );
      setup?.(fake);
      const start = fake.syncCount;
      await host.readSheets();
      const read = fake.syncCount - start;
      const beforeFlags = fake.syncCount;
      await host.writeFlags(flagsFor(["1-1", "1-2"]));
      const flag = fake.syncCount - beforeFlags;
      const beforeClear = fake.syncCount;
      await host.clearFlags();
      return { read, flag, clear: fake.syncCount - beforeClear, fake };
    }

    it.each([
      ["1.18", undefined],
      ["1.18", (f: FakeExcel) => f.setNote("1-1", "I3", "担当者メモ")],
      ["1.14", (f: FakeExcel) => f.setComment("1-1", "I3", "確認中です")],
      ["1.9", undefined],
    ])("ExcelApi %s: read ≤ 2, writeFlags 1, clearFlags 1 after a read", async (api, setup) => {
      const small = await checkCost(api, 47, setup);
      const large = await checkCost(api, 5000, setup);
      expect(small.read).toBeLessThanOrEqual(2);
      expect(small.flag).toBe(1);
      expect(small.clear).toBe(1);
      expect(large).toMatchObject({ read: small.read, flag: 1, clear: 1 });
      for (const m of [small, large]) expect(m.fake.droppedOps).toBe(0);
    });

    it("before ExcelApi 1.9: one extra read for the new cells' fills, clear stays at 1", async () => {
      const small = await checkCost("1.8", 47);
      const large = await checkCost("1.8", 5000);
      expect(small).toMatchObject({ read: 3, flag: 2, clear: 1 });
      expect(large).toMatchObject({ read: 3, flag: 2, clear: 1 });
    });

    it.each([47, 5000])("subscribe, read, flag: 3 syncs in total (%i rows)", async (rows) => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", rows)]);
      const batches: CellChange[][] = [];
      const start = fake.syncCount;
      const live = host.onCellsChanged((c) => batches.push(c));
      await host.readSheets();
      await host.writeFlags(flagsFor(["1-1"]));
      const off = await live;
      expect(fake.syncCount - start).toBe(3);
      expect(fake.handlerCount()).toBe(1);
      expect(fake.droppedOps).toBe(0);

      // kensho's own write is not reported; a person's edit is.
      await fake.flushEvents();
      await new Promise((r) => setTimeout(r, 10));
      expect(batches).toEqual([]);
      await fake.userEdit("1-1", "I7", 5);
      await new Promise((r) => setTimeout(r, 10));
      expect(batches).toEqual([[{ sheet: "1-1", address: "I7" }]]);
      await off();
      expect(fake.handlerCount()).toBe(0);
    });

    it("a subscription with nothing else pending registers in one sync of its own", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)]);
      const start = fake.syncCount;
      const off = await host.onCellsChanged(() => undefined);
      expect(fake.syncCount - start).toBe(1);
      expect(fake.handlerCount()).toBe(1);
      // Already registered: a second subscriber costs nothing, and readSheets stays at 2.
      const off2 = await host.onCellsChanged(() => undefined);
      await host.readSheets();
      expect(fake.syncCount - start).toBe(3);
      expect(fake.handlerCount()).toBe(1);
      await off();
      expect(fake.handlerCount()).toBe(1);
      await off2();
      expect(fake.handlerCount()).toBe(0);
    });

    it("registers per sheet before ExcelApi 1.9 (own batch, 2 syncs)", async () => {
      const { fake, host } = await createFakeHostForTests(
        [verificationGrid("1-1", 5), verificationGrid("1-2", 5)],
        { apiVersion: "1.8" },
      );
      const batches: CellChange[][] = [];
      const start = fake.syncCount;
      const off = await host.onCellsChanged((c) => batches.push(c));
      expect(fake.syncCount - start).toBe(2);
      expect(fake.handlerCount()).toBe(2);
      await fake.userEdit("1-2", "I3", 1);
      await new Promise((r) => setTimeout(r, 10));
      expect(batches).toEqual([[{ sheet: "1-2", address: "I3" }]]);
      await off();
      expect(fake.handlerCount()).toBe(0);
    });

    it("without a cached read, writeFlags reads first and stays correct", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
      fake.setFill("1-1", "L4", "#00B050");
      const before = JSON.stringify(fake.snapshot());
      const start = fake.syncCount;
      await host.writeFlags(flagsFor(["1-1"]));
      // List the sheets and the record's part, read cells and record, write.
      expect(fake.syncCount - start).toBe(3);
      await host.clearFlags(); // still no read: the fresh path again
      expect(JSON.stringify(fake.snapshot())).toBe(before);
    });

    it("a flag on a sheet the last read did not cover reads that cell first", async () => {
      const { fake, host } = await createFakeHostForTests([
        verificationGrid("1-1", 10),
        verificationGrid("1-2", 10),
      ]);
      fake.setFill("1-2", "L4", "#00B050");
      const before = JSON.stringify(fake.snapshot());
      await host.readSheets(["1-1"]);
      const start = fake.syncCount;
      await host.writeFlags(flagsFor(["1-1", "1-2"]));
      expect(fake.syncCount - start).toBe(2);
      await host.clearFlags();
      expect(JSON.stringify(fake.snapshot())).toBe(before);
    });
  });

  describe("a cache gone stale between read and write", () => {
    it("records the fill a person set after the read, not the cached one", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
      await host.readSheets();
      fake.setFill("1-1", "L4", "#00B050"); // after the read
      const before = JSON.stringify(fake.snapshot());
      const start = fake.syncCount;
      await host.writeFlags(flagsFor(["1-1"]));
      expect(fake.syncCount - start).toBe(2); // the write + one correction of the record
      await host.clearFlags();
      expect(JSON.stringify(fake.snapshot())).toBe(before);
    });

    it("retries from a fresh read when a note appeared on a cell to flag", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
      await host.readSheets();
      fake.setNote("1-1", "L4", "担当者メモ"); // notes.add would now fail
      fake.setFill("1-1", "M6", "#FFFF00");
      const before = JSON.stringify(fake.snapshot());
      const start = fake.syncCount;
      await host.writeFlags(flagsFor(["1-1"]));
      expect(fake.syncCount - start).toBe(4); // the refused cached write, then list + read + write
      expect(fake.note("1-1", "L4")).toBe("担当者メモ");
      expect(fake.note("1-1", "I3")).toBe("【kensho】実績値が空欄です");
      expect(fake.fill("1-1", "L4")).toBe(SEVERITY_FILL.warning);
      await host.clearFlags();
      expect(JSON.stringify(fake.snapshot())).toBe(before);
    });

    it("re-reads when a cached sheet was protected, and reports it", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)], {
        protectedSheets: ["1-1"],
      });
      await host.readSheets();
      fake.setProtected("1-1", false);
      await host.writeFlags(flagsFor(["1-1"]));
      expect(fake.fill("1-1", "I3")).toBe(SEVERITY_FILL.error);
      await host.readSheets();
      fake.setProtected("1-1", true);
      await expect(host.clearFlags()).rejects.toMatchObject({ code: "sheet-protected" });
      expect(fake.fill("1-1", "I3")).toBe(SEVERITY_FILL.error);
    });
  });

  it("flag then clear leaves every value, fill and note as it was (after a read)", async () => {
    const { fake, host } = await createFakeHostForTests([
      verificationGrid("1-1", 10),
      verificationGrid("1-2", 10),
    ]);
    fake.setFill("1-1", "L4", "#00B050");
    fake.setFill("1-1", "M6", "#FFFFFF");
    fake.setFill("1-2", "I3", "#FFFF00", "Gray25");
    fake.setNote("1-1", "I3", "担当者メモ");
    fake.setNote("1-2", "A30", "範囲外のメモ");
    const before = JSON.stringify(fake.snapshot());
    const sheetsBefore = fake.sheetNames();

    await host.readSheets();
    await host.writeFlags(flagsFor(["1-1", "1-2"]));
    expect(fake.note("1-1", "I3")).toBe("担当者メモ");
    expect(fake.note("1-1", "L4")).toBe("【kensho】進捗状況が計算と異なります");
    // Re-flag from the cache: kensho's own fill is never taken for an original.
    await host.writeFlags(flagsFor(["1-1"]));
    expect(fake.fill("1-2", "I3")).toBe("#FFFF00");
    await host.writeFlags(flagsFor(["1-1", "1-2"]));
    await host.readSheets(); // a fresh read while flagged
    await host.writeFlags(flagsFor(["1-2"]));
    await host.clearFlags();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect(fake.sheetNames()).toEqual(sheetsBefore);
  });

  it("leaves people's comments alone on ExcelApi 1.14 through cached writes", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], {
      apiVersion: "1.14",
    });
    fake.setComment("1-1", "I3", "確認中です");
    fake.setFill("1-1", "L4", "#00B050");
    const before = JSON.stringify(fake.snapshot());
    await host.readSheets();
    await host.writeFlags(flagsFor(["1-1"]));
    expect(fake.comment("1-1", "I3")).toBe("確認中です");
    expect(fake.comment("1-1", "L4")).toBe("【kensho】進捗状況が計算と異なります");
    const start = fake.syncCount;
    await host.writeFlags(flagsFor(["1-1"]).slice(1)); // update L4's comment, drop I3 (cache knows the new id)
    await host.writeFlags(flagsFor(["1-1"]));
    expect(fake.syncCount - start).toBe(2);
    await host.clearFlags();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  it("keeps the originals across a reopen, reading then flagging", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setFill("1-1", "L4", "#00B050");
    const before = JSON.stringify(fake.snapshot());
    await host.readSheets();
    await host.writeFlags(flagsFor(["1-1"]));
    fake.reopen();
    const reopened = await hostOnFake(fake);
    await reopened.readSheets();
    const start = fake.syncCount;
    await reopened.writeFlags(flagsFor(["1-1"]).slice(0, 1));
    expect(fake.syncCount - start).toBe(1);
    expect(fake.fill("1-1", "L4")).toBe("#00B050");
    await reopened.clearFlags();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  it("flag then clear leaves every value, fill and note as it was", async () => {
    const { fake, host } = await createFakeHostForTests([
      verificationGrid("1-1", 10),
      verificationGrid("1-2", 10),
    ]);
    fake.setFill("1-1", "L4", "#00B050"); // staff's own fill on a flagged cell
    fake.setFill("1-1", "M6", "#FFFFFF"); // an explicit white fill is not "no fill"
    fake.setFill("1-2", "I3", "#FFFF00", "Gray25");
    fake.setNote("1-1", "I3", "担当者メモ"); // a person's note on a flagged cell
    const before = JSON.stringify(fake.snapshot());
    const sheetsBefore = fake.sheetNames();

    await host.writeFlags(flagsFor(["1-1", "1-2"]));
    expect(fake.fill("1-1", "I3")).toBe(SEVERITY_FILL.error);
    expect(fake.fill("1-1", "L4")).toBe(SEVERITY_FILL.warning);
    expect(fake.note("1-1", "I3")).toBe("担当者メモ"); // untouched; the pane shows the message
    expect(fake.note("1-1", "L4")).toBe("【kensho】進捗状況が計算と異なります");
    expect(fake.sheetNames()).toEqual(sheetsBefore);

    // Re-flagging must not record kensho's own fill as the original.
    await host.writeFlags(flagsFor(["1-1"]));
    expect(fake.fill("1-2", "I3")).toBe("#FFFF00");
    await host.clearFlags();

    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect(fake.sheetNames()).toEqual(sheetsBefore);
  });

  it("keeps the originals across a reopen (new host on the same workbook)", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setFill("1-1", "L4", "#00B050");
    const before = JSON.stringify(fake.snapshot());
    await host.writeFlags(flagsFor(["1-1"]));
    fake.reopen();
    const reopened = await hostOnFake(fake);
    await reopened.writeFlags(flagsFor(["1-1"]).slice(0, 1)); // re-flag with fewer findings
    expect(fake.fill("1-1", "L4")).toBe("#00B050");
    await reopened.clearFlags();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  it("applies statuses and undoes them, also after a reopen", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    const typed = [fake.value("1-1", "L3"), fake.value("1-1", "L4")];
    expect(host.canUndo()).toBe(false);
    await host.writeValues([
      { sheet: "1-1", address: "L3", value: "概ね順調に進捗" },
      { sheet: "1-1", address: "L4", value: "進捗の遅れ" },
    ]);
    expect(fake.value("1-1", "L4")).toBe("進捗の遅れ");
    expect(host.canUndo()).toBe(true);

    fake.reopen();
    const reopened = await hostOnFake(fake);
    expect(reopened.canUndo()).toBe(true);
    await expect(reopened.undoLastEdit()).resolves.toMatchObject({ undone: true });
    expect([fake.value("1-1", "L3"), fake.value("1-1", "L4")]).toEqual(typed);
    expect(reopened.canUndo()).toBe(false);
    await expect(reopened.undoLastEdit()).resolves.toMatchObject({ undone: false });
  });

  it("reports a person's edit, once, and never kensho's own writes", async () => {
    const { fake, host } = await createFakeHostForTests([
      verificationGrid("1-1", 10),
      verificationGrid("1-2", 10),
    ]);
    const batches: CellChange[][] = [];
    const off = await host.onCellsChanged((c) => batches.push(c));

    await host.writeFlags(flagsFor(["1-1", "1-2"]));
    await host.writeValues([{ sheet: "1-1", address: "L3", value: "順調に進捗" }]);
    await host.clearFlags();
    await fake.flushEvents();
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([]);

    await fake.userEdit("1-2", "I5", 999);
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[{ sheet: "1-2", address: "I5" }]]);

    await fake.userEdit("1-1", "I5", 1, { source: "Remote" });
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toHaveLength(1);

    await off();
    expect(fake.handlerCount()).toBe(0);
  });

  it("debounces bursts of edits into one call", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], {
      host: { debounceMs: 30 },
    });
    const batches: CellChange[][] = [];
    await host.onCellsChanged((c) => batches.push(c));
    await fake.userEdit("1-1", "I3", 1);
    await fake.userEdit("1-1", "I4", 2);
    await fake.userEdit("1-1", "I3", 3);
    await new Promise((r) => setTimeout(r, 60));
    expect(batches).toEqual([
      [
        { sheet: "1-1", address: "I3" },
        { sheet: "1-1", address: "I4" },
      ],
    ]);
  });

  it("selects a cell and keeps document settings", async () => {
    const { fake, host } = await createFakeHostForTests([
      verificationGrid("1-1", 3),
      verificationGrid("1-2", 3),
    ]);
    await host.select({ sheet: "1-2", address: "L4" });
    expect(fake.activeSheet).toBe("1-2");
    expect(fake.selection).toEqual({ sheet: "1-2", address: "L4" });
    await host.saveSetting("rule", { nearlyOnTrack: 0.8 });
    fake.reopen();
    expect((await hostOnFake(fake)).loadSetting<{ nearlyOnTrack: number }>("rule")).toEqual({
      nearlyOnTrack: 0.8,
    });
    expect(host.loadSetting("missing")).toBeNull();
  });

  it("adds the status drop-down", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 3)]);
    await host.addStatusDropdown([{ sheet: "1-1", address: "L3" }]);
    expect(fake.validation("1-1", "L3")).toEqual({
      list: { inCellDropDown: true, source: "順調に進捗,概ね順調に進捗,進捗の遅れ" },
    });
  });

  describe("older Office", () => {
    async function flagOn(apiVersion: string): Promise<FakeExcel> {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], { apiVersion });
      fake.setFill("1-1", "L4", "#00B050");
      const before = JSON.stringify(fake.snapshot());
      await host.writeFlags(flagsFor(["1-1"]));
      expect(fake.fill("1-1", "I3")).toBe(SEVERITY_FILL.error);
      const flagged = JSON.stringify(fake.snapshot());
      await host.clearFlags();
      expect(JSON.stringify(fake.snapshot())).toBe(before);
      (fake as unknown as { flagged: string }).flagged = flagged;
      return fake;
    }

    it("uses comments on ExcelApi 1.14 (LTSC 2021)", async () => {
      const fake = await flagOn("1.14");
      expect((fake as unknown as { flagged: string }).flagged).toContain("【kensho】実績値が空欄です");
      expect(fake.comment("1-1", "I3")).toBeNull();
    });

    it("leaves a person's comment alone and keeps it after clearing", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], {
        apiVersion: "1.17",
      });
      fake.setComment("1-1", "I3", "確認中です");
      await host.writeFlags(flagsFor(["1-1"]));
      expect(fake.comment("1-1", "I3")).toBe("確認中です");
      expect(fake.comment("1-1", "L4")).toBe("【kensho】進捗状況が計算と異なります");
      await host.clearFlags();
      expect(fake.comment("1-1", "I3")).toBe("確認中です");
      expect(fake.comment("1-1", "L4")).toBeNull();
    });

    it("uses fill only on ExcelApi 1.9 and still restores exactly", async () => {
      const fake = await flagOn("1.9");
      expect((fake as unknown as { flagged: string }).flagged).not.toContain("【kensho】");
    });

    it("reads hidden rows without getSpecialCells before 1.9 (one extra fixed sync)", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)], {
        apiVersion: "1.8",
      });
      const start = fake.syncCount;
      const [g] = await host.readSheets();
      expect(g.hiddenRows).toEqual([4]);
      expect(g.merges).toEqual([]); // no getMergedAreas before 1.13; the core carries labels down
      expect(fake.syncCount - start).toBe(3);
    });

    it("refuses the drop-down on ExcelApi 1.7", async () => {
      const { host } = await createFakeHostForTests([verificationGrid("1-1", 3)], { apiVersion: "1.7" });
      await expect(host.addStatusDropdown([{ sheet: "1-1", address: "L3" }])).rejects.toMatchObject({
        code: "api-unsupported",
      });
      await expect(host.addStatusDropdown([])).rejects.toBeInstanceOf(HostError);
    });
  });

  describe("errors", () => {
    it("maps a protected sheet to sheet-protected and changes nothing", async () => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)], {
        protectedSheets: ["1-1"],
      });
      const before = JSON.stringify(fake.snapshot());
      await expect(host.writeFlags(flagsFor(["1-1"]))).rejects.toMatchObject({ code: "sheet-protected" });
      await expect(
        host.writeValues([{ sheet: "1-1", address: "L3", value: "順調に進捗" }]),
      ).rejects.toMatchObject({ code: "sheet-protected" });
      expect(JSON.stringify(fake.snapshot())).toBe(before);
    });

    it("falls back to chunked reads when the response is too large, and reports what cannot fit", async () => {
      const grids = [verificationGrid("1-1", 5000)];
      const cells = 5002 * 14;
      const { fake, host } = await createFakeHostForTests(grids, {
        maxResponseCells: cells * 2,
        host: { chunkCells: 10000 },
      });
      const start = fake.syncCount;
      const [g] = await host.readSheets();
      expect(g.cells).toEqual(grids[0].cells);
      expect(g.hiddenRows).toEqual([4]);
      // 2 (list, failed whole read) + 1 (dimensions) + one per 10,000-cell chunk.
      expect(fake.syncCount - start).toBe(3 + Math.ceil(5002 / Math.floor(10000 / 14)));

      // Not even one row fits: bands halve down to a single row, then the read gives up.
      const tiny = await createFakeHostForTests(grids, {
        maxResponseCells: 20,
        host: { chunkCells: 10000 },
      });
      await expect(tiny.host.readSheets()).rejects.toMatchObject({ code: "payload-too-large" });
    });
  });
});
