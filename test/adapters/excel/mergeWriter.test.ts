// 提出ファイルを取り込む's write through the Office adapter, on the stateful fake: values only, text kept
// verbatim, formulas never overwritten, one undo step that puts every cell back, and a sync count
// that does not grow with the cells written.
import type { MergeEdit } from "../../../src/adapters/excel/workbookHost";
import { createFakeHostForTests, hostOnFake } from "../../fakes/fakeHost";
import { verificationGrid } from "../../fakes/sampleGrids";

const text = (sheet: string, address: string, value: string): MergeEdit => ({
  sheet,
  address,
  value: { kind: "text", value },
});

describe("writeMerge", () => {
  test("writes numbers as numbers and text as the text it is (-, +5%, =…, 001), blanks as empty", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setValue("1-1", "F7", null, { format: "@" });
    const result = await host.writeMerge([
      { sheet: "1-1", address: "I4", value: { kind: "number", value: 1520 } },
      text("1-1", "M3", "-"),
      text("1-1", "M4", "+5%"),
      text("1-1", "F5", "=SUM(A1)"),
      text("1-1", "F6", "001"),
      text("1-1", "F7", "+5%"),
      { sheet: "1-1", address: "L5", value: { kind: "blank" } },
    ]);
    expect(result.formulaCells).toEqual([]);
    expect(result.written).toHaveLength(7);
    expect(fake.value("1-1", "I4")).toBe(1520);
    for (const [a, v] of [
      ["M3", "-"],
      ["M4", "+5%"],
      ["F5", "=SUM(A1)"],
      ["F6", "001"],
      ["F7", "+5%"],
    ]) {
      expect(fake.value("1-1", a)).toBe(v);
      expect(fake.formula("1-1", a)).toBeNull();
    }
    expect(fake.value("1-1", "L5")).toBeNull();
    // Values only: the cells keep their number format.
    const cells = (fake.snapshot() as Array<{ cells: Array<[string, ...unknown[]]> }>)[0].cells;
    const formatOf = (key: string) => cells.find(([k]) => k === key)?.[3];
    expect(formatOf("3,8")).toBe('#,##0"件"'); // I4
    expect(formatOf("6,5")).toBe("@"); // F7
  });

  test("leaves a formula cell alone and reports it; every other cell is written", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setValue("1-1", "I4", 1201, { formula: "=H4+100" });
    const result = await host.writeMerge([
      { sheet: "1-1", address: "I3", value: { kind: "number", value: 7 } },
      { sheet: "1-1", address: "I4", value: { kind: "number", value: 8 } },
    ]);
    expect(result.formulaCells).toEqual([{ sheet: "1-1", address: "I4" }]);
    expect(result.written).toEqual([{ sheet: "1-1", address: "I3" }]);
    expect(fake.formula("1-1", "I4")).toBe("=H4+100");
    expect(fake.value("1-1", "I3")).toBe(7);
  });

  test("only formula cells: nothing written, no undo step", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setValue("1-1", "I4", 1201, { formula: "=H4+100" });
    const result = await host.writeMerge([
      { sheet: "1-1", address: "I4", value: { kind: "number", value: 8 } },
    ]);
    expect(result).toEqual({ written: [], formulaCells: [{ sheet: "1-1", address: "I4" }] });
    expect(host.canUndo()).toBe(false);
  });

  test("元に戻す takes the whole merge back in one step: text, numbers, blanks, Text-formatted cells, also after a reopen", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 10)]);
    fake.setValue("1-1", "M3", "-");
    fake.setValue("1-1", "M4", "+5%", { quotePrefix: true });
    fake.setValue("1-1", "F5", "=SUM(A1)", { quotePrefix: true });
    fake.setValue("1-1", "F6", "001", { quotePrefix: true });
    fake.setValue("1-1", "F7", "+5%", { format: "@" });
    fake.setValue("1-1", "F8", "済", { formula: '="済"' });
    fake.setValue("1-1", "I9", 0.05, { format: "0%", text: "5%" });
    const before = JSON.stringify(fake.snapshot());
    // A status step before the merge: 元に戻す must take back the merge only.
    await host.writeValues([{ sheet: "1-1", address: "L10", value: "進捗の遅れ" }]);
    const afterStatus = JSON.stringify(fake.snapshot());

    const result = await host.writeMerge([
      { sheet: "1-1", address: "M3", value: { kind: "number", value: 3 } },
      text("1-1", "M4", "理由あり"),
      text("1-1", "F5", "取組"),
      { sheet: "1-1", address: "F6", value: { kind: "blank" } },
      text("1-1", "F7", "-"),
      text("1-1", "F8", "上書きしない"),
      { sheet: "1-1", address: "I9", value: { kind: "number", value: 0.5 } },
      text("1-1", "E10", "=1+1"),
    ]);
    expect(result.formulaCells).toEqual([{ sheet: "1-1", address: "F8" }]);
    expect(fake.value("1-1", "E10")).toBe("=1+1");

    fake.reopen();
    const reopened = await hostOnFake(fake);
    await expect(reopened.undoLastEdit()).resolves.toMatchObject({ undone: true });
    expect(JSON.stringify(fake.snapshot())).toBe(afterStatus);
    expect([fake.value("1-1", "M3"), fake.value("1-1", "M4"), fake.value("1-1", "F5")]).toEqual([
      "-",
      "+5%",
      "=SUM(A1)",
    ]);
    expect(fake.formula("1-1", "M3")).toBeNull();
    expect(fake.formula("1-1", "F8")).toBe('="済"');
    // The status step is still there, under the merge.
    await expect(reopened.undoLastEdit()).resolves.toMatchObject({ undone: true });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect(reopened.canUndo()).toBe(false);
  });

  test("a protected sheet: sheet-protected, nothing changed, nothing recorded", async () => {
    const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 5)], {
      protectedSheets: ["1-1"],
    });
    const before = JSON.stringify(fake.snapshot());
    await expect(host.writeMerge([text("1-1", "F3", "取組")])).rejects.toMatchObject({
      code: "sheet-protected",
    });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    expect(host.canUndo()).toBe(false);
  });

  test.each([
    ["no record yet", false],
    ["a record already in the workbook", true],
  ])("syncs do not grow with cells (10 vs 1,000 rows × 4 cells; %s)", async (_name, withRecord) => {
    const count = async (rows: number) => {
      const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", rows)]);
      if (withRecord) await host.writeValues([{ sheet: "1-1", address: "L3", value: "順調に進捗" }]);
      const edits: MergeEdit[] = [];
      for (let r = 3; r < rows + 3; r++)
        edits.push(
          text("1-1", `F${r}`, `取組${r}`),
          { sheet: "1-1", address: `I${r}`, value: { kind: "number", value: r } },
          text("1-1", `L${r}`, "順調に進捗"),
          text("1-1", `M${r}`, "-"),
        );
      const start = fake.syncCount;
      const result = await host.writeMerge(edits);
      expect(result.written).toHaveLength(rows * 4);
      expect(fake.value("1-1", `M${rows + 2}`)).toBe("-");
      return fake.syncCount - start;
    };
    const small = await count(10);
    const large = await count(1000);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(withRecord ? 2 : 3);
  });
});
