// The edit record's format and schema (docs/edit-record.md): what kensho writes reads back the same;
// anything else in the part is input and is held to the schema, a step at a time.
import {
  EDIT_RECORD_NAMESPACE,
  MAX_STEP_ENTRIES,
  MAX_UNDO_STEPS,
  legacySteps,
  parseEdits,
  planRestore,
  serializeEdits,
  SessionProof,
  type EditStep,
} from "../../../src/core/edits";

const step = (id: string, over: Partial<EditStep> = {}): EditStep => ({
  id,
  action: "status",
  entries: [
    {
      kind: "value",
      sheet: "1-2 (改)",
      cell: "L9",
      before: { type: "text", text: '<順調> & "x" ]]>' },
      after: { type: "text", text: "進捗の遅れ" },
    },
  ],
  ...over,
});

const part = (json: unknown) =>
  `<kenshoEdits xmlns="${EDIT_RECORD_NAMESPACE}">${JSON.stringify(json).replace(/&/g, "&amp;").replace(/</g, "&lt;")}</kenshoEdits>`;

test("what kensho writes reads back exactly, markup characters included", () => {
  const doc = { steps: [step("aaaaaaaa0001"), step("aaaaaaaa0002", { action: "merge" })] };
  expect(parseEdits(serializeEdits(doc))).toEqual({ doc, dropped: 0, unreadable: false });
});

test("another version or no JSON: unreadable, never guessed at", () => {
  expect(parseEdits(part({ version: 2, steps: [] })).unreadable).toBe(true);
  expect(parseEdits(`<kenshoEdits xmlns="${EDIT_RECORD_NAMESPACE}">{not json</kenshoEdits>`).unreadable).toBe(
    true,
  );
});

test.each<[string, (s: Record<string, unknown>) => void]>([
  ["a cell outside Excel's grid", (s) => ((s.entries as Array<Record<string, unknown>>)[0].cell = "XFE1")],
  ["a row past 1,048,576", (s) => ((s.entries as Array<Record<string, unknown>>)[0].cell = "A1048577")],
  ["a sheet name Excel refuses", (s) => ((s.entries as Array<Record<string, unknown>>)[0].sheet = "a/b")],
  [
    "a text past 32,767 characters",
    (s) =>
      ((s.entries as Array<Record<string, unknown>>)[0].before = { type: "text", text: "x".repeat(32_768) }),
  ],
  [
    "a formula that does not start with =",
    (s) =>
      ((s.entries as Array<Record<string, unknown>>)[0].before = {
        type: "formula",
        formula: "+WEBSERVICE(1)",
      }),
  ],
  [
    "an error that is no error value",
    (s) => ((s.entries as Array<Record<string, unknown>>)[0].before = { type: "error", text: "=1" }),
  ],
  ["an unknown field", (s) => (s.note = "x")],
  ["a short id", (s) => (s.id = "x")],
  ["no entries", (s) => (s.entries = [])],
  ["one cell twice", (s) => (s.entries = [...(s.entries as unknown[]), ...(s.entries as unknown[])])],
  [
    "a merge step without what it wrote",
    (s) => ((s.action = "merge"), ((s.entries as Array<Record<string, unknown>>)[0].after = null)),
  ],
  [
    "a validation entry in a status step",
    (s) => ((s.entries as Array<Record<string, unknown>>)[0].kind = "validation"),
  ],
])("a step with %s is dropped; the rest of the record stays", (_, spoil) => {
  const bad = JSON.parse(JSON.stringify(step("bbbbbbbb0001"))) as Record<string, unknown>;
  spoil(bad);
  const parsed = parseEdits(part({ version: 1, steps: [step("bbbbbbbb0000"), bad] }));
  expect(parsed.doc.steps.map((s) => s.id)).toEqual(["bbbbbbbb0000"]);
  expect(parsed.dropped).toBe(1);
});

test(`at most ${MAX_UNDO_STEPS} steps and ${MAX_STEP_ENTRIES} cells a step are read`, () => {
  const many = Array.from({ length: MAX_UNDO_STEPS + 3 }, (_, i) =>
    step(`cccccccc${String(i).padStart(4, "0")}`),
  );
  const parsed = parseEdits(part({ version: 1, steps: many }));
  expect(parsed.doc.steps).toHaveLength(MAX_UNDO_STEPS);
  expect(parsed.doc.steps[0].id).toBe("cccccccc0003");
  const huge = step("dddddddd0000", {
    entries: Array.from({ length: MAX_STEP_ENTRIES + 1 }, (_, i) => ({
      kind: "value" as const,
      sheet: "s",
      cell: `A${i + 1}`,
      before: { type: "empty" as const },
      after: { type: "number" as const, number: i },
    })),
  });
  expect(parseEdits(part({ version: 1, steps: [huge] })).doc.steps).toEqual([]);
});

test("an earlier version's steps: status steps carried over without what was written, merges dropped", () => {
  const old = [
    {
      action: "status",
      entries: [{ kind: "value", sheet: "s", cell: "L3", before: { type: "text", text: "順調に進捗" } }],
    },
    {
      action: "merge",
      entries: [{ kind: "value", sheet: "s", cell: "I3", before: { type: "number", number: 1 } }],
    },
    { action: "status", entries: [{ kind: "value", sheet: "s", cell: "$L$4", before: { type: "empty" } }] },
  ];
  const { steps, dropped } = legacySteps(old);
  expect(steps).toHaveLength(1);
  expect(steps[0]).toMatchObject({ action: "status", entries: [{ cell: "L3", after: null }] });
  expect(dropped).toBe(2);
  // The same legacy step always gets the same id.
  expect(legacySteps(old).steps[0].id).toBe(steps[0].id);
});

test("planRestore: kensho's value goes back, the old one is already back, anything else is left; a formula needs this session's proof", () => {
  const formulaStep: EditStep = {
    id: "eeeeeeee0000",
    action: "status",
    entries: [
      {
        kind: "value",
        sheet: "s",
        cell: "L3",
        before: { type: "formula", formula: "=A1" },
        after: { type: "text", text: "済" },
      },
      {
        kind: "value",
        sheet: "s",
        cell: "L4",
        before: { type: "text", text: "a" },
        after: { type: "text", text: "済" },
      },
      {
        kind: "value",
        sheet: "s",
        cell: "L5",
        before: { type: "text", text: "a" },
        after: { type: "text", text: "済" },
      },
      {
        kind: "value",
        sheet: "s",
        cell: "L6",
        before: { type: "text", text: "a" },
        after: { type: "text", text: "済" },
      },
    ],
  };
  const now: Record<string, string> = { L3: "済", L4: "済", L5: "a", L6: "b" };
  const current = (e: { cell: string }) => ({ content: { type: "text" as const, text: now[e.cell] } });
  const cells = (list: Array<{ cell: string }>) => list.map((e) => e.cell);
  const unproven = planRestore(formulaStep, current, new SessionProof());
  expect([unproven.restore, unproven.already, unproven.changed, unproven.unproven].map(cells)).toEqual([
    ["L4"],
    ["L5"],
    ["L6"],
    ["L3"],
  ]);
  const proof = new SessionProof();
  proof.remember(formulaStep);
  expect(cells(planRestore(formulaStep, current, proof).restore)).toEqual(["L3", "L4"]);
  // The proof is of that very entry: another formula under the same step id is not vouched for.
  const forged: EditStep = {
    ...formulaStep,
    entries: [
      {
        kind: "value",
        sheet: "s",
        cell: "L3",
        before: { type: "formula", formula: "=WEBSERVICE(1)" },
        after: { type: "text", text: "済" },
      },
    ],
  };
  expect(cells(planRestore(forged, current, proof).unproven)).toEqual(["L3"]);
});
