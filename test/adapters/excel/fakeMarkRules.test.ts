// One test per documented rule behind kensho's marks (test/fakes/excel/markRules.ts), written
// against the Office.js-shaped surface, as documentation samples would be.
import { FakeExcel, type FakeContext } from "../../fakes/fakeExcel";
import { MARK_RULES, markRuleTitle, type MarkRuleId } from "../../fakes/excel/markRules";
import { verificationGrid } from "../../fakes/sampleGrids";

const tested: MarkRuleId[] = [];
function ruleTest(id: MarkRuleId, fn: () => Promise<void>): void {
  tested.push(id);
  test(markRuleTitle(id), fn);
}

const fresh = (apiVersion?: string) => new FakeExcel([verificationGrid("1-1", 8)], { apiVersion });

describe("the fake enforces the documented rules behind kensho's marks", () => {
  ruleTest("cfPriority", async () => {
    const fake = fresh();
    fake.setFill("1-1", "L4", "#00B050");
    // A city's own format over the column, then one added through the API: the new one is on top.
    fake.addConditionalFormat("1-1", "L3:L8", { formula: "=L3<0", fill: "#0000FF" });
    await fake.run(async (ctx: FakeContext) => {
      const cf = ctx.workbook.worksheets.getItem("1-1").getRange("L4").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=ISTEXT("mark")';
      cf.custom.format.fill.color = "#FFEB9C";
      await ctx.sync();
    });
    const list = fake.conditionalFormats("1-1");
    expect(list.map((c) => c.fill)).toEqual(["#FFEB9C", "#0000FF"]);
    // The cell's own fill is unchanged; what shows is the top true format's.
    expect(fake.fill("1-1", "L4")).toBe("#00B050");
    expect(fake.displayedFill("1-1", "L4")).toBe("#FFEB9C");
    expect(fake.displayedFill("1-1", "L5")).toBe("#0000FF");
    // Priority is the index; moving ours to the bottom lets the city's fill show.
    const priorities = await fake.run(async (ctx: FakeContext) => {
      const cfs = ctx.workbook.worksheets.getItem("1-1").getRange("L4").conditionalFormats;
      cfs.load("items/id,items/priority");
      await ctx.sync();
      cfs.items[0].priority = 1;
      await ctx.sync();
      return cfs.items.map((i) => i.priority);
    });
    expect(priorities).toEqual([0, 1]);
    expect(fake.displayedFill("1-1", "L4")).toBe("#0000FF");
    // stopIfTrue on a fill-less format above stops the rest.
    fake.addConditionalFormat("1-1", "L4", { formula: "=TRUE", fill: null, stopIfTrue: true });
    expect(fake.displayedFill("1-1", "L4")).toBe("#00B050");
  });

  ruleTest("cfRanges", async () => {
    const fake = fresh();
    const id = fake.addConditionalFormat("1-1", "L3 L5:L6", { formula: '=ISTEXT("x")', fill: "#FFC7CE" });
    fake.addConditionalFormat("1-1", "A1:B2", { formula: "", type: "DataBar" });
    const seen = await fake.run(async (ctx: FakeContext) => {
      const cfs = ctx.workbook.worksheets.getItem("1-1").getRange().conditionalFormats;
      cfs.load({ id: true, type: true, customOrNullObject: { rule: { formula: true } } });
      await ctx.sync();
      const items = cfs.items.map((cf) => ({
        cf,
        ranges: cf.getRanges().load("address"),
        single: cf.getRangeOrNullObject().load("address"),
      }));
      await ctx.sync();
      return items.map(({ cf, ranges, single }) => ({
        type: cf.type,
        formula: cf.customOrNullObject.isNullObject ? null : cf.customOrNullObject.rule.formula,
        ranges: ranges.address,
        single: single.isNullObject ? null : single.address,
      }));
    });
    expect(seen).toEqual([
      { type: "DataBar", formula: null, ranges: "'1-1'!A1:B2", single: "'1-1'!A1:B2" },
      { type: "Custom", formula: '=ISTEXT("x")', ranges: "'1-1'!L3, '1-1'!L5:L6", single: null },
    ]);
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .getRange()
          .conditionalFormats.getItem(id)
          .getRange()
          .load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .getRange()
          .conditionalFormats.load({ custom: { rule: { formula: true } } });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange().conditionalFormats.getItem(id).delete();
      await ctx.sync();
    });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").getRange().conditionalFormats.getItem(id).load("id");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    // getRanges is ExcelApi 1.9.
    const old = fresh("1.8");
    old.addConditionalFormat("1-1", "L3", { formula: "=TRUE" });
    await expect(
      old.run(async (ctx: FakeContext) => {
        const cfs = ctx.workbook.worksheets.getItem("1-1").getRange().conditionalFormats;
        cfs.load("items/id");
        await ctx.sync();
        cfs.items[0].getRanges().load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  ruleTest("cellsMove", async () => {
    const fake = fresh();
    fake.setFill("1-1", "L4", "#00B050");
    fake.setNote("1-1", "L4", "メモ");
    fake.setComment("1-1", "M5", "確認");
    fake.addConditionalFormat("1-1", "L4", { formula: "=TRUE", fill: "#FFC7CE" });
    const look = (address: string, f = fake) => [
      f.value("1-1", address),
      f.fill("1-1", address),
      f.note("1-1", address),
      f.displayedFill("1-1", address),
    ];
    const l4 = look("L4");
    // Rows inserted above (Range.insert, whole rows).
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("A2:XFD3").insert("Down");
      await ctx.sync();
    });
    expect(look("L6")).toEqual(l4);
    expect(fake.comment("1-1", "M7")).toBe("確認");
    expect(look("L4")).toEqual([fake.value("1-1", "L4"), null, null, null]);
    // Cut and paste (Range.moveTo): the source is left empty.
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("L6:M7").moveTo("P20");
      await ctx.sync();
    });
    expect(look("P20")).toEqual(l4);
    expect(fake.comment("1-1", "Q21")).toBe("確認");
    expect(look("L6")).toEqual([null, null, null, null]);
    // A sort (RangeSort.apply) moves rows with everything on them.
    const sorted = fresh();
    sorted.setValue("1-1", "Q3", 3);
    sorted.setValue("1-1", "Q4", 1);
    sorted.setValue("1-1", "Q5", 2);
    sorted.setNote("1-1", "R3", "三");
    sorted.addConditionalFormat("1-1", "R3", { formula: "=TRUE", fill: "#FFEB9C" });
    await sorted.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets
        .getItem("1-1")
        .getRange("Q3:R5")
        .sort.apply([{ key: 0, ascending: true }]);
      await ctx.sync();
    });
    expect([sorted.value("1-1", "Q3"), sorted.value("1-1", "Q4"), sorted.value("1-1", "Q5")]).toEqual([
      1, 2, 3,
    ]);
    expect([
      sorted.note("1-1", "R5"),
      sorted.displayedFill("1-1", "R5"),
      sorted.displayedFill("1-1", "R3"),
    ]).toEqual(["三", "#FFEB9C", null]);
    // A sort over merged cells is refused.
    await expect(
      sorted.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .getRange("A3:N8")
          .sort.apply([{ key: 0 }]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    // A copied sheet takes everything, its formats with new ids.
    const name = await sorted.run(async (ctx: FakeContext) => {
      const copy = ctx.workbook.worksheets.getItem("1-1").copy("End");
      copy.load("name");
      await ctx.sync();
      return copy.name;
    });
    expect(name).toBe("1-1 (2)");
    expect([sorted.note(name, "R5"), sorted.displayedFill(name, "R5")]).toEqual(["三", "#FFEB9C"]);
    expect(sorted.conditionalFormats(name)[0].id).not.toBe(sorted.conditionalFormats("1-1")[0].id);
  });

  ruleTest("paneLifecycle", async () => {
    const fake = fresh();
    const heard: string[] = [];
    await fake.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets
        .getItem("1-1")
        .onChanged.add((e: { address: string }) => void heard.push(e.address));
      await ctx.sync();
    });
    await fake.userEdit("1-1", "I4", 1);
    fake.closePane();
    await fake.insertRows("1-1", 2, 3);
    await fake.userEdit("1-1", "I9", 2);
    expect(heard).toEqual(["I4"]);
    expect(fake.handlerCount()).toBe(0);
  });

  ruleTest("coauthoring", async () => {
    const fake = fresh();
    const other = fake.coauthor();
    const heard: Array<[string, string]> = [];
    const listen = (run: typeof fake.run, who: string) =>
      run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets
          .getItem("1-1")
          .onChanged.add((e: { source: string }) => void heard.push([who, e.source]));
        await ctx.sync();
      });
    await listen(fake.run, "here");
    await listen(other.run, "there");
    await other.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("1-1").getRange("I4").values = [[5]];
      await ctx.sync();
    });
    await fake.flushEvents();
    expect(heard.sort()).toEqual([
      ["here", "Remote"],
      ["there", "Local"],
    ]);
  });

  ruleTest("noteOrComment", async () => {
    const fake = fresh("1.18");
    fake.setNote("1-1", "L4", "メモ");
    fake.setComment("1-1", "M5", "確認");
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.comments.add("'1-1'!L4", "x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      fake.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("1-1").notes.add("M5", "x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect([fake.comment("1-1", "L4"), fake.note("1-1", "M5")]).toEqual([null, null]);
  });

  test("every documented rule behind the marks has a test here", () => {
    expect([...tested].sort()).toEqual(Object.keys(MARK_RULES).sort());
  });
});
