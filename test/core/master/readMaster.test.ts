// Loading a KPI master from JSON: the bundled one round-trips, every documented rule rejects what it
// should with a code that names the entry and field, and the JSON Schema agrees with the loader.
import { readFileSync } from "fs";
import { join } from "path";
import Ajv from "ajv";
import { KPI_MASTER, lookupEntry } from "../../../src/core/master/kpiMaster";
import { readKpiMaster, type MasterProblem } from "../../../src/core/master/readMaster";
import { renderMasterProblem } from "../../../src/i18n/strategy";

const schema = JSON.parse(readFileSync(join(__dirname, "../../../docs/strategy-master.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

const bundled = (): Record<string, unknown>[] => JSON.parse(JSON.stringify(KPI_MASTER));
const problemsOf = (data: unknown): MasterProblem[] => {
  const read = readKpiMaster(data);
  return read.ok ? [] : read.problems;
};

describe("the bundled master", () => {
  test("loads through the same validation as a user's file, and matches the schema", () => {
    const data = bundled();
    const read = readKpiMaster(data);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.master.entries).toHaveLength(KPI_MASTER.length);
    expect(validate(data)).toBe(true);
  });

  test("optional fields may be left out; the defaults apply", () => {
    const data = bundled().map((e) => {
      const {
        aliases: _a,
        notes: _n,
        department: _d,
        directionBasis: _b,
        cumulative: _c,
        unit: _u,
        source: _s,
        ...rest
      } = e;
      return rest;
    });
    const read = readKpiMaster(data);
    expect(read.ok).toBe(true);
    expect(validate(data)).toBe(true);
    if (read.ok) {
      expect(read.master.entries[0]).toMatchObject({
        aliases: [],
        notes: [],
        department: null,
        cumulative: false,
        source: "strategy",
      });
    }
  });

  test("the loaded copy does not share lists with the input", () => {
    const data = bundled();
    const read = readKpiMaster(data);
    (data[0].aliases as string[]).push("書き換え");
    expect(read.ok && read.master.entries[0].aliases).toEqual([]);
  });
});

describe("a bad master is refused, with the entry and field named", () => {
  const cases: Array<[string, (d: Record<string, unknown>[]) => unknown, Partial<MasterProblem>, boolean]> = [
    // [what, how to break it, the problem expected, whether the schema also rejects it]
    ["an object instead of a list", () => ({ entries: [] }), { code: "not-a-list" }, true],
    ["an empty list", () => [], { code: "empty" }, true],
    ["an entry that is not an object", (d) => [...d, "x"], { code: "not-an-object", index: 50 }, true],
    [
      "a missing name",
      (d) => (delete d[3].name, d),
      { code: "bad-field", index: 3, id: "1-1-①-3", field: "name" },
      true,
    ],
    ["a blank name", (d) => ((d[3].name = " "), d), { code: "bad-field", field: "name" }, true],
    [
      "a kind misspelt",
      (d) => ((d[0].kind = "数値目標 "), d),
      { code: "bad-field", field: "kind", expected: "kind" },
      true,
    ],
    [
      "a year as text",
      (d) => ((d[0].inForceFrom = "2021"), d),
      { code: "bad-field", field: "inForceFrom", expected: "year" },
      true,
    ],
    ["a 和暦 year", (d) => ((d[0].inForceFrom = 3), d), { code: "bad-field", field: "inForceFrom" }, true],
    [
      "an unknown direction",
      (d) => ((d[0].direction = "up"), d),
      { code: "bad-field", field: "direction" },
      true,
    ],
    [
      "aliases not a list",
      (d) => ((d[0].aliases = "別名"), d),
      { code: "bad-field", field: "aliases" },
      true,
    ],
    [
      "a baseline as a number",
      (d) => ((d[0].baseline = 1563), d),
      { code: "bad-field", field: "baseline", expected: "text" },
      true,
    ],
    [
      "a duplicate id",
      (d) => ((d[1].id = d[0].id), d),
      { code: "duplicate-id", index: 1, id: "1-1-0" },
      false,
    ],
    [
      "a successor that does not exist",
      (d) => ((d[0].replacedBy = "9-9-9"), d),
      { code: "unknown-successor", id: "1-1-0", replacedBy: "9-9-9" },
      false,
    ],
    [
      "years in the wrong order",
      (d) => ((d[0].inForceUntil = 2020), d),
      { code: "years-reversed", id: "1-1-0", from: 2021, until: 2020 },
      false,
    ],
    [
      "one name for two entries in force together",
      (d) => ((d[1].aliases = ["新規 求人数"]), d),
      { code: "duplicate-name", name: "新規 求人数", ids: ["1-1-0", "1-1-①-1"] },
      false,
    ],
  ];

  test.each(cases)("%s", (_what, breakIt, expected, schemaRejects) => {
    const data = breakIt(bundled());
    const problems = problemsOf(data);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    for (const p of problems) expect(renderMasterProblem(p)).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    // The schema says what JSON Schema can say; the uniqueness and cross-entry rules are the loader's.
    expect(validate(data)).toBe(!schemaRejects);
  });

  test("one name in two revisions that do not overlap is allowed, and each year finds its own", () => {
    const data = bundled();
    data[0].inForceUntil = 2023;
    data.push({ ...data[0], id: "1-1-0b", inForceFrom: 2024, inForceUntil: null, baseline: "1,600件" });
    const read = readKpiMaster(data);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(lookupEntry(read.master, "新規求人数", 2023)?.id).toBe("1-1-0");
    expect(lookupEntry(read.master, "新規求人数", 2024)?.id).toBe("1-1-0b");
    expect(lookupEntry(read.master, "新規求人数", null)?.id).toBe("1-1-0b");
  });

  test("many problems: the first 20 are listed and all are counted", () => {
    const data = bundled().map((e) => ({ ...e, kind: "x" }));
    const read = readKpiMaster(data);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(20);
    expect(read.total).toBe(KPI_MASTER.length);
  });

  test("the messages name the entry by position and id", () => {
    expect(
      renderMasterProblem({ code: "bad-field", index: 3, id: "1-1-①-3", field: "name", expected: "text" }),
    ).toBe("4番目の指標（id: 1-1-①-3）の「name」がないか、形式が違います（文字列 で指定してください）。");
  });
});
