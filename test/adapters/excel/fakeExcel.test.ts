// The fake must behave like Office.js where kensho could go wrong, or the host tests prove nothing.
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read before load/sync on purpose, to prove the fake throws like Office.js. */
import { FakeExcel, FakeOfficeError, installFakeOffice, type FakeContext } from "../../fakes/fakeExcel";
import { verificationGrid } from "../../fakes/sampleGrids";

describe("FakeExcel", () => {
  it("throws PropertyNotLoaded when a property is read before load() + sync()", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)]);
    await fake.run(async (ctx: FakeContext) => {
      const range = ctx.workbook.worksheets.getItem("1-1").getRange("A1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(range.values[0][0]).toMatch(/効果検証シート/);
      expect(() => range.text).toThrow(/not available/);
    });
  });

  it("queues writes until sync and counts syncs", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)]);
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L3").values = [["進捗の遅れ"]];
      expect(fake.value("1-1", "L3")).not.toBe("進捗の遅れ");
      await ctx.sync();
    });
    expect(fake.value("1-1", "L3")).toBe("進捗の遅れ");
    expect(fake.syncCount).toBe(1);
    expect(fake.writeSyncCount).toBe(1);
  });

  it("reports null objects only after sync", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)]);
    await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
      ws.load("name");
      expect(() => ws.isNullObject).toThrow();
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  it("fails APIs above the simulated requirement set at sync with ApiNotFound", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)], { apiVersion: "1.14" });
    expect(fake.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.18")).toBe(false);
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").notes.add("A3", "x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("refuses writes on a protected sheet with AccessDenied", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)], { protectedSheets: ["1-1"] });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").getRange("L3").format.fill.color = "#FF0000";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.fill("1-1", "L3")).toBeNull();
  });

  it("reports no fill as white, with pattern None", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)]);
    fake.setFill("1-1", "B3", "#00B050");
    await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      const a = ws.getRange("A3").format.fill.load("color,pattern");
      const b = ws.getRange("B3").format.fill.load("color,pattern");
      await ctx.sync();
      expect([a.color, a.pattern]).toEqual(["#FFFFFF", "None"]);
      expect([b.color, b.pattern]).toEqual(["#00B050", "Solid"]);
    });
  });

  it("getCellProperties returns the fill per cell (white/None for no fill), only after sync, from 1.9", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)]);
    fake.setFill("1-1", "B3", "#00b050");
    fake.setFill("1-1", "C3", "#FFFF00", "Gray25");
    await fake.run(async (ctx: FakeContext) => {
      const props = ctx.workbook.worksheets
        .getItem("1-1")
        .getRange("A3:C3")
        .getCellProperties({ format: { fill: { color: true, pattern: true } } });
      expect(() => props.value).toThrow(/not available/);
      await ctx.sync();
      expect(props.value).toEqual([
        [
          { format: { fill: { color: "#FFFFFF", pattern: "None" } } },
          { format: { fill: { color: "#00B050", pattern: "Solid" } } },
          { format: { fill: { color: "#FFFF00", pattern: "Gray25" } } },
        ],
      ]);
    });
    const old = new FakeExcel([verificationGrid("1-1", 3)], { apiVersion: "1.8" });
    await expect(
      old.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .getRange("A1")
          .getCellProperties({ format: { fill: { color: true } } });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("lists workbook notes with their locations (1.18)", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3), verificationGrid("a b", 3)]);
    fake.setNote("a b", "C4", "メモ");
    await fake.run(async (ctx: FakeContext) => {
      const notes = ctx.workbook.notes.load("items/content");
      await ctx.sync();
      const loc = notes.items[0].getLocation().load("address");
      await ctx.sync();
      expect([notes.items[0].content, loc.address]).toEqual(["メモ", "'a b'!C4"]);
    });
  });

  it("fires onChanged asynchronously for a user edit", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)]);
    const seen: string[] = [];
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").onChanged.add(async (ev: { address: string }) => {
        seen.push(ev.address);
      });
      await ctx.sync();
    });
    await fake.userEdit("1-1", "I4", 1234);
    expect(seen).toEqual(["I4"]);
    expect(fake.value("1-1", "I4")).toBe(1234);
  });

  it("moves cells, notes, comments, merges and hidden rows when a person inserts or deletes lines", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 10)]);
    fake.setNote("1-1", "L6", "メモ");
    fake.setComment("1-1", "M7", "確認");
    fake.sheets[0].merges = [
      { top: 2, left: 0, bottom: 11, right: 0 }, // A3:A12
      { top: 5, left: 2, bottom: 6, right: 3 }, // C6:D7
    ];
    await fake.insertRows("1-1", 3, 2); // before row 4
    expect([fake.note("1-1", "L8"), fake.comment("1-1", "M9")]).toEqual(["メモ", "確認"]);
    expect(fake.sheets[0].merges).toEqual([
      { top: 2, left: 0, bottom: 13, right: 0 },
      { top: 7, left: 2, bottom: 8, right: 3 },
    ]);
    expect([...fake.sheets[0].hiddenRows]).toEqual([6]);
    await fake.deleteRows("1-1", 7, 1); // row 8: the note's row, and half of C8:D9
    expect(fake.note("1-1", "L8")).toBeNull();
    expect(fake.comment("1-1", "M8")).toBe("確認");
    expect(fake.sheets[0].merges).toEqual([
      { top: 2, left: 0, bottom: 12, right: 0 },
      { top: 7, left: 2, bottom: 7, right: 3 },
    ]);
    await fake.deleteColumns("1-1", 0, 1);
    expect(fake.sheets[0].merges).toEqual([{ top: 7, left: 1, bottom: 7, right: 2 }]);
  });

  it("installs Office and Excel globals usable like office.js", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 3)], { apiVersion: "1.17" });
    const g: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    installFakeOffice(g, fake);
    await expect(g.Office.onReady()).resolves.toMatchObject({ host: "Excel" });
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(g.Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
    const name = await g.Excel.run(async (ctx: FakeContext) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return sheets.items[0].name;
    });
    expect(name).toBe("1-1");
  });
});
