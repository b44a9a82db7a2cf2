// One test per documented rule the fake enforces (test/fakes/excel/rules.ts), each named after the
// rule and its source. Written against the Office.js-shaped surface only, as documentation samples
// would be, so they would run unchanged on real Excel where the rule is the same.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   some tests read before load/sync on purpose. */
import { FakeExcel, type FakeContext } from "../../fakes/fakeExcel";
import { ruleTitle, DOCUMENTED_RULES, type RuleId } from "../../fakes/excel/rules";
import { verificationGrid } from "../../fakes/sampleGrids";

const grid = () => [verificationGrid("1-1", 6)];

const tested: RuleId[] = [];
/** A test named after the rule and its source; remembered so the last test can check coverage. */
function ruleTest(id: RuleId, fn: () => Promise<void>): void {
  tested.push(id);
  test(ruleTitle(id), fn);
}

describe("the fake enforces Microsoft's documented rules", () => {
  ruleTest("veryHiddenDelete", async () => {
    const fake = new FakeExcel(grid());
    fake.addSheet("hidden", "VeryHidden");
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("hidden").delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.sheetNames()).toContain("hidden");
    // "You should first change its visibility to hidden or visible before deleting it."
    await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("hidden");
      ws.visibility = "Hidden";
      ws.delete();
      await ctx.sync();
    });
    expect(fake.sheetNames()).not.toContain("hidden");
  });

  ruleTest("mergedAreaLimit", async () => {
    const fake = new FakeExcel([verificationGrid("1-1", 600)]);
    const s = fake.sheets[0];
    // 600 two-cell merges in column C:D, one per data row.
    s.merges = Array.from({ length: 600 }, (_, i) => ({ top: i + 2, left: 2, bottom: i + 2, right: 3 }));
    s.merges.push({ top: 2, left: 0, bottom: 601, right: 0 }); // one tall merge down column A
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .getRange("A1:N602")
          .getMergedAreasOrNullObject()
          .load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    // 511 rows hold 511 + 1 areas: under the limit. The tall merge comes back clipped to the band.
    const address = await fake.run(async (ctx: FakeContext) => {
      const areas = ctx.workbook.worksheets.getItem("1-1").getRange("A3:N513").getMergedAreasOrNullObject();
      areas.load("address,areaCount");
      await ctx.sync();
      return { address: areas.address, count: areas.areaCount };
    });
    expect(address.count).toBe(512);
    expect(address.address.split(", ")).toContain("'1-1'!A3:A513");
  });

  ruleTest("cellEditMode", async () => {
    const fake = new FakeExcel(grid());
    fake.startCellEdit();
    const write = (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L3").values = [["進捗の遅れ"]];
      return ctx.sync();
    };
    // The article's table: "Batch fails (`InvalidOperation` error)".
    await expect(fake.run(write)).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.value("1-1", "L3")).not.toBe("進捗の遅れ");
    const named = new FakeExcel(grid(), { cellEditError: "InvalidOperationInCellEditMode" });
    named.startCellEdit();
    await expect(named.run(write)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    // The documented overload: delayed until the person leaves the cell, then it runs.
    let done = false;
    const delayed = fake.run({ delayForCellEdit: true }, write).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    await delayed;
    expect(fake.value("1-1", "L3")).toBe("進捗の遅れ");
  });

  ruleTest("undoStack", async () => {
    const fake = new FakeExcel(grid(), { platform: "windows" });
    fake.userAction("typed a value");
    fake.addSheet("state", "Visible");
    // A fill and a value keep the stack: each writing sync adds one record.
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L3").format.fill.color = "#FFC7CE";
      await ctx.sync();
    });
    expect(fake.userUndoDepth()).toBe(1);
    // Worksheet.visibility: web Yes, Windows/Mac No.
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("state").visibility = "VeryHidden";
      await ctx.sync();
    });
    expect(fake.userUndoDepth()).toBe(0);
    expect(fake.undoClears).toEqual(["Worksheet.visibility"]);

    const web = new FakeExcel(grid(), { platform: "web" });
    web.userAction("typed a value");
    web.addSheet("state", "Visible");
    await web.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("state").visibility = "VeryHidden";
      await ctx.sync();
    });
    expect(web.userUndoDepth()).toBe(1);
    await web.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("state");
      ws.visibility = "Hidden";
      ws.delete(); // Worksheet.delete: No on every platform
      await ctx.sync();
    });
    expect(web.userUndoDepth()).toBe(0);

    // Below ExcelApi 1.20 (an older Office): every writing sync clears the stack.
    const old = new FakeExcel(grid(), { apiVersion: "1.19" });
    old.userAction("typed a value");
    await old.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L3").format.fill.color = "#FFC7CE";
      await ctx.sync();
    });
    expect(old.userUndoDepth()).toBe(0);

    // Office.context.document.settings is not an Excel JavaScript API: harsher, it clears too.
    const settings = new FakeExcel(grid());
    settings.userAction("typed a value");
    settings.office().context.document.settings.saveAsync();
    expect(settings.userUndoDepth()).toBe(0);
  });

  ruleTest("undoRecordPerSync", async () => {
    const fake = new FakeExcel(grid());
    const twoSyncs = async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet(); // as in the article's sample
      ws.getRange("L3").format.fill.color = "#FFC7CE";
      await ctx.sync();
      ws.getRange("L4").format.fill.color = "#FFC7CE";
      await ctx.sync();
      ws.getRange("A1").load("values"); // a read-only sync adds nothing
      await ctx.sync();
    };
    await fake.run(twoSyncs);
    expect(fake.undoStack).toHaveLength(2);
    await fake.run({ mergeUndoGroup: true }, twoSyncs);
    expect(fake.undoStack).toHaveLength(3);
  });

  ruleTest("valuesAsFormulas", async () => {
    const fake = new FakeExcel(grid());
    await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      ws.getRange("L3").values = [["=1+1"]];
      ws.getRange("L4").values = [["+5%"]];
      ws.getRange("L5").values = [["-3"]];
      ws.getRange("L6").values = [["123"]];
      await ctx.sync();
    });
    expect([fake.formula("1-1", "L3"), fake.formula("1-1", "L4"), fake.value("1-1", "L4")]).toEqual([
      "=1+1",
      "=+5%",
      0.05,
    ]);
    expect([fake.value("1-1", "L5"), fake.value("1-1", "L6")]).toEqual([-3, 123]);
    // "-" alone is no valid formula: the batch fails (harsher than keeping it as text).
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").getRange("M3").values = [["-"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  ruleTest("textEntry", async () => {
    const fake = new FakeExcel(grid());
    fake.setValue("1-1", "M4", null, { format: "@" });
    const read = await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      ws.getRange("M3").values = [["'-"]];
      ws.getRange("M4").values = [["+5%"]]; // formatted as Text beforehand
      ws.getRange("M5").values = [["'=SUM(A1)"]];
      await ctx.sync();
      const r = ws.getRange("M3:M5").load("values,formulas,valueTypes");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, types: r.valueTypes };
    });
    expect(read.values).toEqual([["-"], ["+5%"], ["=SUM(A1)"]]);
    expect(read.types).toEqual([["String"], ["String"], ["String"]]);
    // formulas does not show the apostrophe (OfficeDev/office-js#6687): "=SUM(A1)" looks like a formula.
    expect(read.formulas).toEqual([["-"], ["+5%"], ["=SUM(A1)"]]);
    expect(fake.formula("1-1", "M5")).toBeNull();
  });

  ruleTest("changeEvents", async () => {
    const seen: Array<{ address: string; changeType: string }> = [];
    const listen = async (fake: FakeExcel) =>
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .onChanged.add(async (ev: { address: string; changeType: string }) => {
            seen.push({ address: ev.address, changeType: ev.changeType });
          });
        await ctx.sync();
      });
    const fake = new FakeExcel(grid());
    fake.setFill("1-1", "L6", "#00B050");
    await listen(fake);
    await fake.insertRows("1-1", 4, 3); // before row 5
    await fake.deleteColumns("1-1", 2, 2); // C:D
    await fake.userChange("1-1", "A3:B4");
    expect(seen).toEqual([
      { address: "5:7", changeType: "RowInserted" },
      { address: "C:D", changeType: "ColumnDeleted" },
      { address: "A3:B4", changeType: "Unknown" },
    ]);
    // The cell moved with its fill: L6 went down three rows and two columns left.
    expect(fake.fill("1-1", "J9")).toBe("#00B050");
    expect(fake.fill("1-1", "L6")).toBeNull();

    seen.length = 0;
    const old = new FakeExcel(grid(), { apiVersion: "1.7" });
    await listen(old);
    await old.userChange("1-1", "A3");
    expect(seen).toEqual([{ address: "A3", changeType: "Others" }]);
  });

  ruleTest("payloadLimit", async () => {
    const read = (fake: FakeExcel) =>
      fake.run(async (ctx: FakeContext) => {
        const ws = ctx.workbook.worksheets.getItem("1-1");
        const a = ws.getRange("A1:N4").load("values");
        const b = ws.getRange("A5:N8").load("values,text");
        await ctx.sync();
        return [a.values, b.values, b.text];
      });
    const limit = 14 * 4 + 10; // room for the first range only
    await expect(read(new FakeExcel(grid(), { maxResponseCells: limit }))).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    await expect(
      read(new FakeExcel(grid(), { maxResponseCells: limit, payloadLimitForm: "general" })),
    ).rejects.toMatchObject({ code: "GeneralException" });
    const [a, b, text] = await read(
      new FakeExcel(grid(), { maxResponseCells: limit, payloadLimitForm: "partial" }),
    );
    expect(a).toHaveLength(4);
    expect(b).toBeNull();
    expect(text).toBeNull();
  });

  ruleTest("fillProperties", async () => {
    const fake = new FakeExcel(grid());
    fake.setFill("1-1", "B3", "#4472C4", {
      pattern: "Gray25",
      patternColor: "#FF0000",
      tintAndShade: 0.4,
      patternTintAndShade: -0.25,
    });
    const props = await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      const p = ws.getRange("A3:B3").getCellProperties({
        format: {
          fill: {
            color: true,
            pattern: true,
            patternColor: true,
            tintAndShade: true,
            patternTintAndShade: true,
          },
        },
      });
      await ctx.sync();
      return p.value!;
    });
    expect(props[0][0].format.fill).toMatchObject({ color: "#FFFFFF", pattern: "None" });
    expect(props[0][1].format.fill).toEqual({
      color: "#4472C4",
      pattern: "Gray25",
      patternColor: "#FF0000",
      tintAndShade: 0.4,
      patternTintAndShade: -0.25,
    });
    // A colour write is a solid fill at tint 0: the tint must be written after it.
    await fake.run(async (ctx: FakeContext) => {
      const fill = ctx.workbook.worksheets.getItem("1-1").getRange("C3").format.fill;
      fill.tintAndShade = 0.6;
      fill.color = "#70AD47";
      await ctx.sync();
    });
    expect(fake.fullFill("1-1", "C3")).toMatchObject({ color: "#70AD47", tintAndShade: 0 });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").getRange("C3").format.fill.pattern = "LinearGradient";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(DOCUMENTED_RULES.fillProperties.quote).toContain(
      "LinearGradient and RectangularGradient are not supported",
    );
  });

  ruleTest("nullObjectChildren", async () => {
    const fake = new FakeExcel(grid());
    fake.addSheet("empty");
    await expect(
      fake.run(async (ctx: FakeContext) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject("missing");
        ws.getUsedRangeOrNullObject(true).load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        const used = ctx.workbook.worksheets.getItem("empty").getUsedRangeOrNullObject(true);
        used.getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    // The null object itself is fine to test, after a sync.
    const missing = await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("missing");
      ws.load("name");
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(missing).toBe(true);
  });

  ruleTest("customXmlParts", async () => {
    const fake = new FakeExcel(grid());
    fake.userAction("typed a value");
    const ns = "urn:example:state:1";
    const id = await fake.run(async (ctx: FakeContext) => {
      const part = ctx.workbook.customXmlParts.add(`<state xmlns="${ns}">a</state>`);
      part.load("id");
      await ctx.sync();
      return part.id;
    });
    const found = await fake.run(async (ctx: FakeContext) => {
      const scoped = ctx.workbook.customXmlParts.getByNamespace(ns);
      scoped.load("items/id");
      await ctx.sync();
      const xml = scoped.items[0].getXml();
      scoped.items[0].setXml(`<state xmlns="${ns}">b</state>`);
      await ctx.sync();
      const again = ctx.workbook.customXmlParts.getItem(id).getXml();
      await ctx.sync();
      return { ids: scoped.items.map((p) => p.id), before: xml.value, after: again.value };
    });
    expect(found).toEqual({
      ids: [id],
      before: `<state xmlns="${ns}">a</state>`,
      after: `<state xmlns="${ns}">b</state>`,
    });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.customXmlParts.getItem("{missing}").getXml();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(fake.userUndoDepth()).toBe(1);
    expect(fake.undoClears).toEqual([]);
  });

  ruleTest("dataValidationRule", async () => {
    const fake = new FakeExcel(grid());
    fake.setValidation("1-1", "L3", { rule: { list: { inCellDropDown: true, source: "済,未" } } });
    const rule = await fake.run(async (ctx: FakeContext) => {
      const dv = ctx.workbook.worksheets.getItem("1-1").getRange("L3").dataValidation.load("rule");
      await ctx.sync();
      return dv.rule;
    });
    expect(rule).toMatchObject({ list: { inCellDropDown: true, source: "済,未" }, custom: null });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").getRange("L4").dataValidation.rule = rule;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  ruleTest("worksheetKey", async () => {
    const fake = new FakeExcel(grid());
    const id = fake.sheets[0].id;
    const names = await fake.run(async (ctx: FakeContext) => {
      const byId = ctx.workbook.worksheets.getItem(id).load("name");
      const byName = ctx.workbook.worksheets.getItemOrNullObject("1-1").load("id");
      const missing = ctx.workbook.worksheets.getItemOrNullObject("{no such id}").load("name");
      await ctx.sync();
      return { byId: byId.name, byName: byName.id, missing: missing.isNullObject };
    });
    expect(names).toEqual({ byId: "1-1", byName: id, missing: true });
  });

  ruleTest("charts", async () => {
    const fake = new FakeExcel(grid());
    await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.add("集計");
      ws.getRange("A1:C3").values = [
        ["", "A", "B"],
        ["x", 1, 2],
        ["y", 3, 4],
      ];
      const chart = ws.charts.add("BarStacked", ws.getRange("A1:C3"), "Columns");
      chart.title.text = "t";
      chart.series.getItemAt(1).format.fill.setSolidColor("#C00000");
      chart.series.getItemAt(1).hasDataLabels = true;
      chart.setPosition("E1", "K10");
      await ctx.sync();
    });
    const [chart] = fake.sheetByName("集計")!.charts;
    expect(chart).toMatchObject({ type: "BarStacked", title: "t", position: { from: "E1", to: "K10" } });
    expect(chart.series).toEqual([
      { name: "A", color: null, hasDataLabels: false },
      { name: "B", color: "#C00000", hasDataLabels: true },
    ]);
    // Past the last series: the batch fails (harsher where silent).
    await expect(
      fake.run(async (ctx: FakeContext) => {
        const ws = ctx.workbook.worksheets.getItem("集計");
        ws.charts.add("BarStacked", ws.getRange("A1:C3"), "Columns").series.getItemAt(2).hasDataLabels = true;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    // Data labels on a series need ExcelApi 1.7.
    const old = new FakeExcel(grid(), { apiVersion: "1.6" });
    await expect(
      old.run(async (ctx: FakeContext) => {
        const ws = ctx.workbook.worksheets.getItem("1-1");
        ws.charts.add("BarStacked", ws.getRange("A1:C3"), "Columns").series.getItemAt(0).hasDataLabels = true;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    // Neither the sheet nor the chart clears the undo stack.
    expect(fake.undoClears).toEqual([]);
  });

  ruleTest("undoGroup", async () => {
    const fake = new FakeExcel(grid(), { platform: "windows" });
    fake.addSheet("集計", "Visible");
    fake.userAction("typed a value");
    const deleting = async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L3").values = [["進捗の遅れ"]];
      ctx.workbook.worksheets.getItem("集計").delete(); // "No" on every platform
      await ctx.sync();
    };
    await expect(fake.run({ mergeUndoGroup: true }, deleting)).rejects.toMatchObject({
      code: "UndoNotSupported",
    });
    // Harsher: what ran before the refused call stays; the sheet is still there.
    expect(fake.value("1-1", "L3")).toBe("進捗の遅れ");
    expect(fake.sheetNames()).toContain("集計");
    // Ungrouped, the same call goes through and clears the stack, as the table says.
    await fake.run(deleting);
    expect(fake.sheetNames()).not.toContain("集計");
    expect(fake.userUndoDepth()).toBe(0);
    // Worksheet.name is "Yes" on the web: grouped there, it goes through.
    const web = new FakeExcel(grid(), { platform: "web" });
    await web.run({ mergeUndoGroup: true }, async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").name = "1-1 (改)";
      await ctx.sync();
    });
    expect(web.sheetNames()).toEqual(["1-1 (改)"]);
    // office-js#6491: Excel refuses more than the table names; a test says which.
    const strict = new FakeExcel(grid(), { groupRefuses: ["Range.values"] });
    const write = async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L4").values = [["進捗の遅れ"]];
      await ctx.sync();
    };
    await expect(strict.run({ mergeUndoGroup: true }, write)).rejects.toMatchObject({
      code: "UndoNotSupported",
    });
    await strict.run(write);
    expect(strict.value("1-1", "L4")).toBe("進捗の遅れ");
  });

  ruleTest("ctrlZ", async () => {
    const fake = new FakeExcel(grid());
    fake.setValue("1-1", "L3", "順調に進捗");
    fake.setFill("1-1", "L3", "#00B050");
    fake.setNote("1-1", "L5", "人のメモ");
    const before = JSON.stringify(fake.snapshot());
    await fake.run({ mergeUndoGroup: true }, async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      ws.getRange("L3").values = [["進捗の遅れ"]];
      ws.getRange("L3").format.fill.color = "#FFC7CE";
      ws.notes.add("L4", "【kensho】メモ");
      await ctx.sync();
      ctx.workbook.customXmlParts.add('<r xmlns="urn:test">1</r>');
      ws.getRange("L6").values = [["概ね順調に進捗"]];
      await ctx.sync();
    });
    expect(fake.xmlParts).toHaveLength(1);
    // One Ctrl+Z takes back the group's cells, fills and notes; the custom XML part stays (#6415).
    await fake.userUndo();
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect(fake.xmlParts).toHaveLength(1);
    // Ctrl+Y puts it back; a person's edit then empties the redo list.
    await fake.userRedo();
    expect(fake.value("1-1", "L3")).toBe("進捗の遅れ");
    expect(fake.note("1-1", "L4")).toBe("【kensho】メモ");
    await fake.userUndo();
    const typedOver = fake.value("1-1", "L7");
    await fake.userEdit("1-1", "L7", "手入力");
    expect(await fake.userRedo()).toBeNull();
    // A person's own typing goes back too.
    await fake.userUndo();
    expect(fake.value("1-1", "L7")).toBe(typedOver);
  });

  ruleTest("libraryPresence", async () => {
    // A host reporting ExcelApi 1.20 with @microsoft/office-js 1.1.110's library.
    const fake = new FakeExcel(grid(), { library: { notes: false, mergeUndoGroup: false } });
    expect(fake.isSetSupported("ExcelApi", "1.18")).toBe(true);
    const lib = fake.libraryObjects() as { NoteCollection?: unknown; Workbook: { prototype: object } };
    expect(lib.NoteCollection).toBeUndefined();
    expect("notes" in lib.Workbook.prototype).toBe(false);
    // workbook.notes is simply not there: queueing a load of it throws.
    await expect(
      fake.run(async (ctx: FakeContext) => {
        (ctx.workbook as unknown as { notes: { load(p: string): void } }).notes.load("items");
        await ctx.sync();
      }),
    ).rejects.toThrow(TypeError);
    // mergeUndoGroup is ignored: two writing syncs, two undo records.
    await fake.run({ mergeUndoGroup: true }, async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      ws.getRange("L3").values = [["進捗の遅れ"]];
      await ctx.sync();
      ws.getRange("L4").values = [["進捗の遅れ"]];
      await ctx.sync();
    });
    expect(fake.undoStack).toHaveLength(2);
    const current = new FakeExcel(grid());
    expect(typeof (current.libraryObjects() as { NoteCollection?: unknown }).NoteCollection).toBe("function");
  });

  ruleTest("protection", async () => {
    const fake = new FakeExcel(grid(), { protectedSheets: ["1-1"] });
    fake.setLocked("1-1", "L4", false);
    const put = (address: string) => async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange(address).values = [["進捗の遅れ"]];
      await ctx.sync();
    };
    await expect(fake.run(put("L3"))).rejects.toMatchObject({ code: "AccessDenied" });
    await fake.run(put("L4"));
    expect(fake.value("1-1", "L4")).toBe("進捗の遅れ");
    // A format on the unlocked cell is still refused (harsher).
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").getRange("L4").format.fill.color = "#FFC7CE";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    const read = await fake.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("1-1");
      const p = ws.protection.load("protected");
      const l3 = ws.getRange("L3").format.protection.load("locked");
      const l4 = ws.getRange("L4").format.protection.load("locked");
      const both = ws.getRange("L3:L4").format.protection.load("locked");
      await ctx.sync();
      return [p.protected, l3.locked, l4.locked, both.locked];
    });
    expect(read).toEqual([true, true, false, null]);
  });

  test("every documented rule has a test here", () => {
    expect([...tested].sort()).toEqual(Object.keys(DOCUMENTED_RULES).sort());
  });
});
