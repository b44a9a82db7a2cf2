import { planFlags, severityFill, type FlagRecord, type ObservedCell } from "../../../src/core/flags";

const green = {
  color: "#00B050",
  pattern: "Solid",
  patternColor: null,
  tintAndShade: 0,
  patternTintAndShade: 0,
};
const flag = (address: string, severity: "error" | "warning" | "info" = "error", message = "m") => ({
  sheet: "s",
  address,
  severity,
  message,
});
const seen = (cells: Record<string, Partial<ObservedCell>>) =>
  new Map(
    Object.entries(cells).map(([a, c]) => [
      `s\u0000${a}`,
      { fill: null, note: "none", comment: null, ...c } as ObservedCell,
    ]),
  );

describe("planFlags", () => {
  test("records the original fill, paints the severity and attaches the message", () => {
    const plan = planFlags(
      [],
      [flag("B2", "warning", "x"), flag("B2", "error", "y")],
      seen({ B2: { fill: green } }),
      "note",
    );
    expect(plan.apply).toEqual([
      {
        sheet: "s",
        address: "B2",
        fill: severityFill("error"),
        message: { op: "add", kind: "note", text: "【kensho】x\ny" },
      },
    ]);
    expect(plan.records).toEqual([{ sheet: "s", cell: "B2", fill: green, painted: true, message: "note" }]);
  });

  test("a re-flag keeps the recorded original, never kensho's own colour; a dropped flag is restored", () => {
    const previous: FlagRecord[] = [
      { sheet: "s", cell: "B2", fill: green, painted: true, message: "note" },
      { sheet: "s", cell: "C3", fill: null, painted: true, message: "note" },
    ];
    const plan = planFlags(
      previous,
      [flag("B2")],
      seen({
        B2: { fill: severityFill("error"), note: "kensho" },
        C3: { fill: severityFill("info"), note: "kensho" },
      }),
      "note",
    );
    expect(plan.records[0].fill).toEqual(green);
    expect(plan.restore).toEqual([{ sheet: "s", address: "C3", fill: null }]);
    expect(plan.deleteMessages).toEqual([{ sheet: "s", address: "C3", kind: "note" }]);
    expect(plan.apply[0].message.op).toBe("update");
  });

  test("people's notes stay theirs; a gradient fill is left alone (Excel cannot set one back)", () => {
    const gradient = { ...green, pattern: "LinearGradient" };
    const plan = planFlags(
      [],
      [flag("B2"), flag("C3")],
      seen({ B2: { note: "user" }, C3: { fill: gradient } }),
      "note",
    );
    expect(plan.apply.map((a) => [a.address, a.fill !== null, a.message.op])).toEqual([
      ["B2", true, "none"],
      ["C3", false, "add"],
    ]);
    expect(plan.records[1]).toMatchObject({ cell: "C3", painted: false });
    const cleared = planFlags(plan.records, [], seen({ C3: { fill: gradient, note: "kensho" } }), "note");
    expect(cleared.restore.map((r) => r.address)).toEqual(["B2"]);
  });
});
