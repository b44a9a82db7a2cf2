import { moveCell, moveRecord, type FlagRecordDocument } from "../../../src/core/flags";

describe("moving the record with inserted and deleted rows and columns", () => {
  test("cells below an insert move down; deleted ones are gone", () => {
    const rows = { sheet: "s", axis: "rows" as const, kind: "insert" as const, start: 4, count: 2 };
    expect([moveCell("L4", rows), moveCell("L5", rows), moveCell("L9", rows)]).toEqual(["L4", "L7", "L11"]);
    const del = { ...rows, kind: "delete" as const };
    expect([moveCell("L4", del), moveCell("L5", del), moveCell("L6", del), moveCell("L7", del)]).toEqual([
      "L4",
      null,
      null,
      "L5",
    ]);
    const cols = { sheet: "s", axis: "cols" as const, kind: "delete" as const, start: 2, count: 2 };
    expect([moveCell("B3", cols), moveCell("C3", cols), moveCell("L3", cols)]).toEqual(["B3", null, "J3"]);
    // Cells inserted (shift down) under C:D only move cells in those columns.
    const cells = { ...rows, within: { from: 2, to: 3 } };
    expect([moveCell("C9", cells), moveCell("L9", cells)]).toEqual(["C11", "L9"]);
  });

  test("records and undo entries on the sheet move; other sheets stay", () => {
    const doc: FlagRecordDocument = {
      flags: [
        { sheet: "s", cell: "L9", fill: null, painted: true, message: "note" },
        { sheet: "s", cell: "L5", fill: null, painted: true, message: "note" },
        { sheet: "t", cell: "L9", fill: null, painted: true, message: "note" },
      ],
      undo: [
        { action: "status", entries: [{ kind: "value", sheet: "s", cell: "L5", before: { type: "empty" } }] },
      ],
    };
    const moved = moveRecord(doc, { sheet: "s", axis: "rows", kind: "delete", start: 4, count: 1 });
    expect(moved.flags.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["s!L8", "t!L9"]);
    expect(moved.undo).toEqual([]);
  });
});
