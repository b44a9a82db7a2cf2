import {
  composeMessage,
  holdsMarks,
  isEmptyPlan,
  isKenshoFill,
  markFormula,
  parseMarkFormula,
  planLegacyRestore,
  planMarks,
  splitMessage,
  type CellFlag,
  type PresentMark,
  type PresentMessage,
} from "../../../src/core/flags";

const flag = (address: string, severity: CellFlag["severity"] = "error", message = "m"): CellFlag => ({
  sheet: "s",
  address,
  severity,
  message,
});
const at = (address: string) => {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return [{ top: row, left: col, bottom: row, right: col }];
};
const mark = (
  id: string,
  address: string,
  severity: CellFlag["severity"],
  message = "note",
): PresentMark => ({
  id,
  sheet: "s",
  areas: at(address),
  kind: { severity, message: message as PresentMark["kind"]["message"] },
});
const note = (address: string, content: string): PresentMessage => ({
  sheet: "s",
  address,
  kind: "note",
  content,
});

describe("the mark's formula", () => {
  test("names kensho, the severity and the message kind, and reads back from any host's rendering", () => {
    const f = markFormula({ severity: "warning", message: "note" });
    expect(f).toBe('=ISTEXT("kensho:warning:note")');
    expect(parseMarkFormula(f)).toEqual({ severity: "warning", message: "note" });
    // OOXML stores it without "=", LibreOffice may add spaces; an old marker has no kind.
    expect(parseMarkFormula('ISTEXT( "kensho:error:comment" )')).toEqual({
      severity: "error",
      message: "comment",
    });
    expect(parseMarkFormula('=ISTEXT("kensho:info")')).toEqual({ severity: "info", message: "none" });
    expect(parseMarkFormula("=A1>0")).toBeNull();
    expect(parseMarkFormula('="kensho:fatal"')).toBeNull();
    expect(parseMarkFormula(null)).toBeNull();
  });
});

describe("a note's own text and kensho's part", () => {
  test("split and composed: kensho's part below the author's, from the 【kensho】 line to the end", () => {
    expect(splitMessage("【kensho】x")).toEqual({ own: null, kensho: "【kensho】x" });
    expect(splitMessage("担当者メモ\n2行目\n【kensho】x\ny")).toEqual({
      own: "担当者メモ\n2行目",
      kensho: "【kensho】x\ny",
    });
    expect(splitMessage("担当者メモ")).toEqual({ own: "担当者メモ", kensho: null });
    for (const own of ["a", "a\n", "", "kensho と書いた"]) {
      const both = composeMessage(own, "【kensho】m")!;
      expect(splitMessage(both)).toEqual({ own, kensho: "【kensho】m" });
    }
    expect(composeMessage(null, null)).toBeNull();
  });
});

describe("planMarks", () => {
  test("a clean workbook: one mark per cell, worst severity, messages in notes", () => {
    const plan = planMarks({
      flags: [flag("B2", "warning", "x"), flag("B2", "error", "y"), flag("C3", "info", "z")],
      marks: [],
      messages: [],
      mode: "note",
    });
    expect(plan.addMarks).toEqual([
      { sheet: "s", address: "B2", kind: { severity: "error", message: "note" } },
      { sheet: "s", address: "C3", kind: { severity: "info", message: "note" } },
    ]);
    expect(plan.messages).toEqual([
      { op: "add", kind: "note", sheet: "s", address: "B2", text: "【kensho】x\ny" },
      { op: "add", kind: "note", sheet: "s", address: "C3", text: "【kensho】z" },
    ]);
    expect(plan.deleteMarks).toEqual([]);
  });

  test("the same findings again: nothing to write", () => {
    const plan = planMarks({
      flags: [flag("B2", "error", "y")],
      marks: [mark("1", "B2", "error")],
      messages: [note("B2", "【kensho】y")],
      mode: "note",
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  test("only the difference: a changed severity, a fixed cell, a new one; people's text kept", () => {
    const plan = planMarks({
      flags: [flag("B2", "warning", "y2"), flag("D4", "error", "new")],
      marks: [mark("1", "B2", "error"), mark("2", "C3", "info")],
      messages: [note("B2", "担当者メモ\n【kensho】y"), note("C3", "【kensho】z"), note("D4", "自分のメモ")],
      mode: "note",
    });
    expect(plan.deleteMarks.map((m) => m.id)).toEqual(["1", "2"]);
    expect(plan.addMarks.map((m) => [m.address, m.kind.severity])).toEqual([
      ["D4", "error"],
      ["B2", "warning"],
    ]);
    expect(plan.messages).toEqual([
      { op: "set", kind: "note", sheet: "s", address: "B2", text: "担当者メモ\n【kensho】y2" },
      { op: "set", kind: "note", sheet: "s", address: "D4", text: "自分のメモ\n【kensho】new" },
      { op: "delete", kind: "note", sheet: "s", address: "C3" },
    ]);
  });

  test("clearing leaves each author's own text and removes every kensho mark, duplicates and buried ones too", () => {
    const plan = planMarks({
      flags: [],
      marks: [
        mark("1", "B2", "error"),
        mark("2", "B2", "error"),
        { ...mark("3", "C3", "info"), areas: null },
      ],
      messages: [note("B2", "担当者メモ\n【kensho】y"), note("E5", "人のメモ")],
      mode: "note",
    });
    expect(plan.deleteMarks.map((m) => m.id)).toEqual(["1", "2", "3"]);
    expect(plan.addMarks).toEqual([]);
    expect(plan.messages).toEqual([
      { op: "set", kind: "note", sheet: "s", address: "B2", text: "担当者メモ" },
    ]);
  });

  test("a mark below a city's own conditional format is drawn again on top", () => {
    const plan = planMarks({
      flags: [flag("B2")],
      marks: [{ ...mark("1", "B2", "error", "none"), buried: true }],
      messages: [],
      mode: "none",
    });
    expect(plan.deleteMarks.map((m) => m.id)).toEqual(["1"]);
    expect(plan.addMarks).toHaveLength(1);
  });

  test("a mark a person copied over several flagged cells of its kind is kept; over others it goes", () => {
    const wide: PresentMark = {
      ...mark("1", "B2", "error", "none"),
      areas: [{ top: 1, left: 1, bottom: 2, right: 1 }],
    };
    const kept = planMarks({ flags: [flag("B2"), flag("B3")], marks: [wide], messages: [], mode: "none" });
    expect(isEmptyPlan(kept)).toBe(true);
    const dropped = planMarks({ flags: [flag("B2")], marks: [wide], messages: [], mode: "none" });
    expect(dropped.deleteMarks).toHaveLength(1);
    expect(dropped.addMarks.map((m) => m.address)).toEqual(["B2"]);
  });

  test("comments (ExcelApi 1.10–1.17): never on a cell whose mark says kensho's note is there", () => {
    const plan = planMarks({
      flags: [flag("B2", "error", "y"), flag("C3", "error", "z")],
      marks: [mark("1", "B2", "warning", "note"), mark("2", "E5", "info", "note")],
      messages: [],
      mode: "comment",
    });
    expect(plan.skipped).toEqual([{ sheet: "s", address: "B2", reason: "hidden-note" }]);
    expect(plan.messages).toEqual([
      { op: "add", kind: "comment", sheet: "s", address: "C3", text: "【kensho】z" },
    ]);
    // The new mark still says the note is there; a note kensho can no longer reach is reported.
    expect(plan.addMarks.find((m) => m.address === "B2")?.kind).toEqual({
      severity: "error",
      message: "note",
    });
    expect(plan.unreachableNotes).toEqual([{ sheet: "s", address: "E5" }]);
  });

  test("a threaded comment on the cell takes kensho's part below its text; no note is added beside it", () => {
    const plan = planMarks({
      flags: [flag("B2", "error", "y")],
      marks: [],
      messages: [{ sheet: "s", address: "B2", kind: "comment", content: "確認中です", commentId: "c1" }],
      mode: "note",
    });
    expect(plan.messages).toEqual([
      {
        op: "set",
        kind: "comment",
        sheet: "s",
        address: "B2",
        text: "確認中です\n【kensho】y",
        commentId: "c1",
      },
    ]);
    expect(plan.addMarks[0].kind.message).toBe("comment");
  });

  test("holdsMarks: a mark, or kensho's part in any note or comment", () => {
    expect(holdsMarks([], [note("A1", "人のメモ")])).toBe(false);
    expect(holdsMarks([], [note("A1", "人のメモ\n【kensho】x")])).toBe(true);
    expect(holdsMarks([mark("1", "A1", "info")], [])).toBe(true);
  });
});

describe("marks of earlier versions", () => {
  const fill = (color: string) => ({
    color,
    pattern: "Solid",
    patternColor: null,
    tintAndShade: 0,
    patternTintAndShade: 0,
  });
  test("a recorded fill goes back only where the cell still shows kensho's colour", () => {
    expect(isKenshoFill(fill("#FFEB9C"))).toBe(true);
    expect(isKenshoFill(fill("#00B050"))).toBe(false);
    const plan = planLegacyRestore(
      [
        { sheet: "s", cell: "B2", fill: fill("#00B050"), painted: true, message: "note" },
        { sheet: "s", cell: "B3", fill: null, painted: true, message: "note" },
        { sheet: "s", cell: "B4", fill: null, painted: false, message: "note" },
        { sheet: "gone", cell: "B5", fill: null, painted: true, message: "note" },
      ],
      (sheet, cell) => (sheet === "gone" ? undefined : cell === "B2" ? fill("#FFC7CE") : fill("#123456")),
    );
    expect(plan.restore).toEqual([{ sheet: "s", cell: "B2", fill: fill("#00B050") }]);
    expect(plan.left).toEqual([{ sheet: "s", cell: "B3" }]);
  });
});
