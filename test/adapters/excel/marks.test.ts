// Marks that describe themselves, through the Office adapter on the documented fake: whatever moved
// the cells while the pane was closed (inserted rows, a sort, a cut and paste, a copied sheet), a
// co-author's pane, an Excel without notes, an earlier version's fills — フラグを消す leaves no
// kensho mark or note anywhere, and every cell's own fill, note and format as it was, moved with it.
import { LEGACY_STATE_SHEET } from "../../../src/adapters/excel/recordStore";
import type { CellFlag } from "../../../src/adapters/excel/workbookHost";
import { OfficeWorkbookHost } from "../../../src/adapters/excel/officeWorkbookHost";
import type { ExcelRun, OfficeLike } from "../../../src/adapters/excel/officeHost.types";
import {
  FLAG_RECORD_NAMESPACE,
  SEVERITY_COLOR,
  parseFlagRecord,
  serializeFlagRecord,
} from "../../../src/core/flags";
import { FakeExcel } from "../../fakes/fakeExcel";
import { hostOnFake } from "../../fakes/fakeHost";
import { verificationGrid } from "../../fakes/sampleGrids";

const flagsFor = (sheet: string): CellFlag[] => [
  { sheet, address: "I3", severity: "error", message: "実績値が空欄です" },
  { sheet, address: "L4", severity: "warning", message: "進捗状況が計算と異なります" },
  { sheet, address: "M6", severity: "info", message: "理由があります" },
];

/** A workbook as staff keep it: their own fills, a note, a comment and a conditional format of their own. */
function personal(apiVersion = "1.20"): FakeExcel {
  const fake = new FakeExcel([verificationGrid("1-1", 12), verificationGrid("1-2", 6)], { apiVersion });
  fake.setFill("1-1", "L4", "#00B050");
  fake.setFill("1-1", "M6", "#FFFF00", { pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.25 });
  fake.setFill("1-1", "B9", "#FFC7CE"); // the city uses kensho's red itself
  if (apiVersion >= "1.18") fake.setNote("1-1", "I3", "担当者メモ");
  fake.setComment("1-1", "E5", "確認中です");
  fake.addConditionalFormat("1-1", "I3:I14", { formula: "=I3<0", fill: "#0000FF" });
  return fake;
}

/** The same person's actions on a workbook kensho never touched: what フラグを消す must give back. */
function oracle(act: (f: FakeExcel) => Promise<void> | void, apiVersion?: string): Promise<string> {
  const f = personal(apiVersion);
  return Promise.resolve(act(f)).then(() => JSON.stringify(f.snapshot()));
}

const kenshoLeft = (fake: FakeExcel) =>
  fake.sheets.flatMap((s) => [
    ...fake.conditionalFormats(s.name).filter((cf) => cf.formula.includes("kensho")),
    ...[...s.notes.values()].filter((n) => n.content.includes("【kensho】")),
  ]).length + fake.comments.filter((c) => c.content.includes("【kensho】")).length;

async function checkedThenClosed(fake: FakeExcel): Promise<void> {
  const host = await hostOnFake(fake);
  await host.readSheets();
  await host.writeFlags([...flagsFor("1-1"), ...flagsFor("1-2")]);
  fake.closePane();
  fake.reopen();
}

describe("marks are conditional formats of kensho's own", () => {
  test("a flag shows kensho's colour over the cell's own fill and over the city's formats; the fill itself never changes", async () => {
    const fake = personal();
    const host = await hostOnFake(fake);
    await host.readSheets();
    const report = await host.writeFlags(flagsFor("1-1"));
    expect(report).toMatchObject({ wrote: true, skipped: [], unreachableNotes: [] });
    expect(fake.displayedFill("1-1", "I3")).toBe(SEVERITY_COLOR.error);
    expect(fake.displayedFill("1-1", "L4")).toBe(SEVERITY_COLOR.warning);
    expect(fake.fill("1-1", "L4")).toBe("#00B050");
    expect(fake.displayedFill("1-1", "I4")).toBe("#0000FF"); // the city's own rule still shows elsewhere
    const mark = fake.conditionalFormats("1-1").find((cf) => cf.areas[0].top === 2 && cf.areas[0].left === 8);
    expect(mark).toMatchObject({ type: "Custom", stopIfTrue: true, formula: '=ISTEXT("kensho:error:note")' });
    // kensho's marks sit above every format of the city's.
    expect(fake.conditionalFormats("1-1").findIndex((cf) => !cf.formula.includes("kensho"))).toBe(3);
    expect(fake.note("1-1", "I3")).toBe("担当者メモ\n【kensho】実績値が空欄です");
  });

  test("a city's format added above kensho's later is answered by drawing the mark on top again", async () => {
    const fake = personal();
    const host = await hostOnFake(fake);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    fake.addConditionalFormat("1-1", "L1:L20", { formula: "=TRUE", fill: "#7030A0" });
    expect(fake.displayedFill("1-1", "L4")).toBe("#7030A0");
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    expect(fake.displayedFill("1-1", "L4")).toBe(SEVERITY_COLOR.warning);
    expect(fake.displayedFill("1-1", "L5")).toBe("#7030A0");
  });

  test("the same findings again write nothing: no sync sent, nothing on Excel's undo stack", async () => {
    const fake = personal();
    const host = await hostOnFake(fake);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    const writes = fake.writeSyncCount;
    const undo = fake.undoStack.length;
    await host.readSheets();
    const start = fake.syncCount;
    const again = await host.writeFlags(flagsFor("1-1"));
    expect(again.wrote).toBe(false);
    expect(fake.syncCount - start).toBe(0);
    expect(fake.writeSyncCount).toBe(writes);
    expect(fake.undoStack).toHaveLength(undo);
  });
});

describe("フラグを消す finds kensho's marks wherever the cells went while the pane was closed", () => {
  const clearOnOpen = async (fake: FakeExcel) => {
    const host = await hostOnFake(fake);
    // Available at once, without checking first.
    expect(host.hasMarks()).toBe(true);
    const start = fake.syncCount;
    await host.clearFlags();
    // List, read, locate the marks, write: fixed, whatever the rows.
    expect(fake.syncCount - start).toBe(4);
    expect(kenshoLeft(fake)).toBe(0);
    expect(host.hasMarks()).toBe(false);
    expect((await hostOnFake(fake)).hasMarks()).toBe(false);
  };

  test("rows inserted above the flagged rows", async () => {
    const fake = personal();
    await checkedThenClosed(fake);
    await fake.insertRows("1-1", 1, 3);
    await clearOnOpen(fake);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle((f) => f.insertRows("1-1", 1, 3)));
    // The person's fill moved with its row: L4 is now L7.
    expect(fake.fill("1-1", "L7")).toBe("#00B050");
  });

  test("a sort of the data rows", async () => {
    const fake = personal();
    // The sort range holds no merged cells (Excel refuses mixed merges): columns E:N, rows 3–14.
    const sort = (f: FakeExcel) => f.sortRange("1-1", "E3:N14", [{ key: 4, ascending: false }]);
    await checkedThenClosed(fake);
    await sort(fake);
    await clearOnOpen(fake);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle(sort));
  });

  test("a block cut and pasted elsewhere", async () => {
    const fake = personal();
    const move = (f: FakeExcel) => f.cutAndPaste("1-1", "I3:M6", "P20");
    await checkedThenClosed(fake);
    await move(fake);
    await clearOnOpen(fake);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle(move));
    expect(fake.fill("1-1", "S21")).toBe("#00B050");
  });

  test("a copied sheet: the copy's marks go too", async () => {
    const fake = personal();
    await checkedThenClosed(fake);
    expect(fake.copySheet("1-1")).toBe("1-1 (2)");
    expect(fake.displayedFill("1-1 (2)", "I3")).toBe(SEVERITY_COLOR.error);
    await clearOnOpen(fake);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle((f) => void f.copySheet("1-1")));
  });
});

describe("Excel's Ctrl+Z and Ctrl+Y of kensho's writes", () => {
  test("marks are formats: Ctrl+Z takes a write back whole, Ctrl+Y brings it again, and フラグを消す still finds all", async () => {
    const fake = personal();
    const host = await hostOnFake(fake);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    expect(fake.displayedFill("1-1", "L4")).toBe(SEVERITY_COLOR.warning);
    await fake.userUndo(); // kensho's write, the last thing on the stack
    expect(kenshoLeft(fake)).toBe(0);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle(() => undefined));
    await fake.userRedo();
    expect(fake.displayedFill("1-1", "L4")).toBe(SEVERITY_COLOR.warning);
    expect(fake.note("1-1", "I3")).toBe("担当者メモ\n【kensho】実績値が空欄です");
    // A clear, then Ctrl+Z of the clear: the marks are back, and a pane opened later clears them.
    await host.clearFlags();
    await fake.userUndo();
    expect(kenshoLeft(fake)).toBeGreaterThan(0);
    fake.closePane();
    const reopened = await hostOnFake(fake);
    expect(reopened.hasMarks()).toBe(true);
    await reopened.clearFlags();
    expect(kenshoLeft(fake)).toBe(0);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle(() => undefined));
  });
});

describe("a co-author's pane on the same workbook", () => {
  test("its marks are this pane's to clear, and this pane hears its writes as Remote", async () => {
    const fake = personal();
    const here = await hostOnFake(fake);
    const coauthor = fake.coauthor();
    const there = new OfficeWorkbookHost({
      debounceMs: 0,
      run: coauthor.run as unknown as ExcelRun,
      office: coauthor.office() as OfficeLike,
    });
    await there.init();
    const heard: string[] = [];
    await here.onCellsChanged((c) => heard.push(...c.map((x) => x.address)));
    await here.readSheets();
    await here.writeFlags(flagsFor("1-1"));
    // The co-author's pane checks with other findings (its own settings): it writes its difference.
    await there.readSheets();
    await there.writeFlags([...flagsFor("1-1").slice(1), ...flagsFor("1-2")]);
    await fake.flushEvents();
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual([]); // Remote: not a person's edit here
    await here.clearFlags();
    expect(kenshoLeft(fake)).toBe(0);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle(() => undefined));
  });
});

describe("ExcelApi 1.10–1.17 (LTSC): threaded comments, no notes", () => {
  test("a workbook marked on Microsoft 365: no comment beside kensho's notes; clearing says which notes remain", async () => {
    const fake = personal();
    await checkedThenClosed(fake); // notes written on 1.20
    const ltsc = new FakeExcel([], { apiVersion: "1.14" });
    Object.assign(ltsc, { sheets: fake.sheets, comments: fake.comments, commentSeq: fake.commentSeq });
    const host = await hostOnFake(ltsc);
    expect(host.hasMarks()).toBe(true);
    await host.readSheets();
    const flagged = await host.writeFlags([
      ...flagsFor("1-1"),
      { sheet: "1-1", address: "I7", severity: "error", message: "新しい指摘" },
    ]);
    // Cells whose mark says kensho's note is there get no comment; a new cell does.
    expect(flagged.skipped.map((c) => c.address).sort()).toEqual(["I3", "L4", "M6"]);
    expect(ltsc.comment("1-1", "I7")).toBe("【kensho】新しい指摘");
    expect(ltsc.comment("1-1", "L4")).toBeNull();
    const cleared = await host.clearFlags();
    expect(ltsc.conditionalFormats("1-1").filter((cf) => cf.formula.includes("kensho"))).toEqual([]);
    expect(ltsc.comment("1-1", "I7")).toBeNull();
    // The notes this Excel cannot read stay, and are named: 1-2's when its marks went, 1-1's now.
    const named = [...flagged.unreachableNotes, ...cleared.unreachableNotes];
    expect(named.map((c) => `${c.sheet}!${c.address}`).sort()).toEqual(
      ["1-1!I3", "1-1!L4", "1-1!M6", "1-2!I3", "1-2!L4", "1-2!M6"].sort(),
    );
    expect(ltsc.note("1-1", "L4")).toBe("【kensho】進捗状況が計算と異なります");
  });

  test("a person's note this Excel cannot see: the refused comment is skipped and said, the rest attached", async () => {
    const fake = personal("1.14");
    fake.setNote("1-1", "L4", "人のメモ"); // invisible to ExcelApi 1.14
    const host = await hostOnFake(fake);
    await host.readSheets();
    const report = await host.writeFlags(flagsFor("1-1"));
    expect(report.skipped).toEqual([{ sheet: "1-1", address: "L4" }]);
    expect(fake.note("1-1", "L4")).toBe("人のメモ");
    expect(fake.comment("1-1", "I3")).toBe("【kensho】実績値が空欄です");
    expect(fake.comment("1-1", "M6")).toBe("【kensho】理由があります");
    expect(fake.displayedFill("1-1", "L4")).toBe(SEVERITY_COLOR.warning);
    // The session remembers the cell: the next write tries no comment there.
    await host.readSheets();
    const start = fake.syncCount;
    const again = await host.writeFlags(flagsFor("1-1"));
    expect(fake.syncCount - start).toBe(0);
    expect(again.skipped).toEqual([{ sheet: "1-1", address: "L4" }]);
    await host.clearFlags();
    expect(kenshoLeft(fake)).toBe(0);
    expect(fake.note("1-1", "L4")).toBe("人のメモ");
  });
});

describe("an earlier version's marks (fills and the flag record)", () => {
  function flaggedByEarlierVersion(): FakeExcel {
    const fake = personal();
    fake.setFill("1-1", "L4", SEVERITY_COLOR.warning);
    fake.setFill("1-1", "I3", SEVERITY_COLOR.error);
    fake.setNote("1-1", "L4", "【kensho】進捗状況が計算と異なります");
    const fill = (color: string) => ({
      color,
      pattern: "Solid",
      patternColor: null,
      tintAndShade: 0,
      patternTintAndShade: 0,
    });
    fake.addXmlPart(
      serializeFlagRecord({
        flags: [
          { sheet: "1-1", cell: "L4", fill: fill("#00B050"), painted: true, message: "note" },
          { sheet: "1-1", cell: "I3", fill: null, painted: true, message: "none" },
          // A recorded cell that no longer shows kensho's colour (rows moved since): left alone.
          { sheet: "1-1", cell: "B9", fill: null, painted: true, message: "none" },
        ],
        undo: [
          {
            action: "status",
            entries: [{ kind: "value", sheet: "1-1", cell: "L3", before: { type: "empty" } }],
          },
        ],
      }),
      FLAG_RECORD_NAMESPACE,
    );
    fake.setFill("1-1", "B9", "#00B0F0");
    return fake;
  }

  test("cleared once: a recorded fill goes back only where kensho's colour shows; the rest is said; the undo steps stay", async () => {
    const fake = flaggedByEarlierVersion();
    const host = await hostOnFake(fake);
    expect(host.hasMarks()).toBe(true);
    const report = await host.clearFlags();
    expect(report).toMatchObject({ legacyRestored: 2, legacyLeft: [{ sheet: "1-1", address: "B9" }] });
    expect([fake.fill("1-1", "L4"), fake.fill("1-1", "I3"), fake.fill("1-1", "B9")]).toEqual([
      "#00B050",
      null,
      "#00B0F0",
    ]);
    expect(fake.note("1-1", "L4")).toBeNull();
    const part = fake.xmlParts.find((p) => p.namespaceUri === FLAG_RECORD_NAMESPACE)!;
    expect(parseFlagRecord(part.xml).doc.flags).toEqual([]);
    expect(parseFlagRecord(part.xml).doc.undo).toHaveLength(1);
    expect(host.canUndo()).toBe(true);
    // Once: a second clear finds nothing of the old kind.
    const again = await host.clearFlags();
    expect(again).toMatchObject({ wrote: false, legacyRestored: 0, legacyLeft: [] });
  });

  test("checking such a workbook clears the old fills and marks the new way", async () => {
    const fake = flaggedByEarlierVersion();
    const host = await hostOnFake(fake);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    expect(fake.fill("1-1", "L4")).toBe("#00B050");
    expect(fake.displayedFill("1-1", "L4")).toBe(SEVERITY_COLOR.warning);
    expect(fake.note("1-1", "L4")).toBe("【kensho】進捗状況が計算と異なります");
  });

  test("the very hidden sheet of older versions is emptied, never deleted", async () => {
    const fake = personal();
    fake.addSheet(LEGACY_STATE_SHEET, "VeryHidden");
    fake.setValue(
      LEGACY_STATE_SHEET,
      "A1",
      JSON.stringify({ t: "flag", sheet: "1-1", address: "I3", fill: null, pattern: null, msg: "note" }),
    );
    fake.setFill("1-1", "I3", SEVERITY_COLOR.error);
    const host = await hostOnFake(fake);
    await host.clearFlags();
    expect(fake.fill("1-1", "I3")).toBeNull();
    expect(fake.visibility(LEGACY_STATE_SHEET)).toBe("VeryHidden");
    expect(fake.value(LEGACY_STATE_SHEET, "A1")).toBeNull();
  });
});

describe("a stale cache is never trusted", () => {
  test("a mark a person deleted after the read: the write is refused, read again, and done right", async () => {
    const fake = personal();
    const host = await hostOnFake(fake);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    await host.readSheets();
    // Home → Conditional Formatting → Clear Rules on L4 (no event reaches the pane).
    const cfs = fake.conditionalFormats("1-1");
    cfs.splice(
      cfs.findIndex((cf) => cf.areas[0].top === 3 && cf.formula.includes("kensho")),
      1,
    );
    await host.writeFlags(flagsFor("1-1").slice(0, 1));
    await host.clearFlags();
    expect(kenshoLeft(fake)).toBe(0);
    expect(JSON.stringify(fake.snapshot())).toBe(await oracle(() => undefined));
  });

  test("a person's edit drops the cache: the next write reads first", async () => {
    const fake = personal();
    const host = await hostOnFake(fake, { graceMs: 0 });
    await host.onCellsChanged(() => undefined);
    await host.readSheets();
    await host.writeFlags(flagsFor("1-1"));
    await fake.sortRange("1-1", "E3:N14", [{ key: 4, ascending: false }]);
    await new Promise((r) => setTimeout(r, 10));
    const start = fake.syncCount;
    await host.clearFlags();
    expect(fake.syncCount - start).toBe(4); // list, read, locate, write: not the cached 1
    expect(kenshoLeft(fake)).toBe(0);
  });
});

describe("syncs stay fixed in rows", () => {
  test.each(["1.20", "1.14"])(
    "a re-check of a marked workbook: read 3, write 0 when nothing changed, 1 when something did (ExcelApi %s)",
    async (api) => {
      const cost = async (rows: number) => {
        const fake = new FakeExcel([verificationGrid("1-1", rows)], { apiVersion: api });
        const host = await hostOnFake(fake);
        await host.readSheets();
        await host.writeFlags(flagsFor("1-1"));
        let start = fake.syncCount;
        await host.readSheets();
        const read = fake.syncCount - start;
        start = fake.syncCount;
        await host.writeFlags(flagsFor("1-1"));
        const same = fake.syncCount - start;
        start = fake.syncCount;
        await host.writeFlags(flagsFor("1-1").slice(1));
        const changed = fake.syncCount - start;
        return { read, same, changed };
      };
      const small = await cost(47);
      expect(small).toEqual({ read: 3, same: 0, changed: 1 });
      expect(await cost(5000)).toEqual(small);
    },
  );
});
