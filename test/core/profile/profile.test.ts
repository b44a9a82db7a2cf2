// A city's profile: its published schema is the one the validator walks, ajv agrees with the
// validator, each problem names the key and the line, and one resolver says where settings came from.
import { readFileSync } from "fs";
import { join } from "path";
import Ajv from "ajv";
import { PROFILE_SCHEMA } from "../../../src/core/profile/profileSchema";
import { readProfile, schemaProblems } from "../../../src/core/profile/validateProfile";
import { parseJsonWithLines } from "../../../src/core/profile/jsonWithLines";
import { resolveSettings } from "../../../src/core/profile/resolveSettings";
import { PROFILE_TEXT } from "../../../src/i18n/profile";

const DOC = join(__dirname, "../../../docs/profile.schema.json");

test("docs/profile.schema.json is the schema the validator walks", () => {
  expect(JSON.parse(readFileSync(DOC, "utf8"))).toEqual(JSON.parse(JSON.stringify(PROFILE_SCHEMA)));
});

const DOCUMENTS: unknown[] = [
  { version: 1 },
  { version: 2 },
  {},
  { version: 1, fields: { kpi: { headings: ["成果指標名"] } } },
  { version: 1, fields: { kpi: { headings: "成果指標名" } } },
  { version: 1, fields: { kpi: { columns: ["B", "C:D"] } } },
  { version: 1, fields: { kpi: { columns: ["B2"] } } },
  { version: 1, fields: { nonsense: {} } },
  { version: 1, scale: "maru" },
  { version: 1, scale: "stars" },
  {
    version: 1,
    scale: {
      levels: [
        { name: "A", min: 1 },
        { name: "B", min: null },
      ],
    },
  },
  {
    version: 1,
    scale: {
      levels: [
        { name: "A", min: "1" },
        { name: "B", min: null },
      ],
    },
  },
  { version: 1, scale: { levels: [{ name: "A", min: 1 }] } },
  { version: 1, thresholds: { onTrack: 0 } },
  { version: 1, thresholds: { onTrack: 1, nearlyOnTrack: 0.8 } },
  { version: 1, reasonColumn: { headings: ["課題"] }, ignore: ["担当者"], fiscalYear: "R5" },
  { version: 1, extra: true },
  [],
  "profile",
];

test.each(DOCUMENTS.map((d) => [JSON.stringify(d), d]))("ajv and the validator agree on %s", (_t, doc) => {
  const ajv = new Ajv({ strict: false });
  const valid = ajv.validate(PROFILE_SCHEMA, doc);
  expect(schemaProblems(doc, PROFILE_SCHEMA as never).length === 0).toBe(valid);
});

describe("a bad profile is told which key, on which line", () => {
  test("a wrong type deep in the scale", () => {
    const text = [
      "{",
      '  "version": 1,',
      '  "scale": {',
      '    "levels": [',
      '      { "name": "A", "min": "1.0" },',
      '      { "name": "B", "min": null }',
      "    ]",
      "  }",
      "}",
    ].join("\n");
    const r = readProfile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ kind: "type", key: "scale.levels[0].min", line: 5 });
    expect(PROFILE_TEXT.problemLine("市.json", r.problems[0])).toBe(
      "市.json:5行目: 「scale.levels[0].min」の値の種類が違います（number|null にしてください）",
    );
  });

  test("an unknown key, and a missing version, at their lines", () => {
    const r = readProfile('{\n  "name": "x",\n  "feilds": {}\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "required", key: "version", line: 1 }),
        expect.objectContaining({ kind: "unknown-key", key: "feilds", line: 3 }),
      ]),
    );
  });

  test("a syntax error says its line", () => {
    const r = readProfile('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(r).toEqual({ ok: false, problems: [{ kind: "syntax", key: "", line: 3 }] });
  });

  test("a scale's levels out of order, and a reason level that is not one of them", () => {
    const r = readProfile(
      JSON.stringify(
        {
          version: 1,
          scale: {
            levels: [
              { name: "A", min: 0.5 },
              { name: "B", min: 0.8 },
              { name: "C", min: null },
            ],
            needsReason: ["D"],
          },
        },
        null,
        2,
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.kind, p.key])).toEqual([
      ["levels-order", "scale.levels[1].min"],
      ["unknown-level", "scale.needsReason[0]"],
    ]);
    expect(r.problems.every((p) => p.line !== null)).toBe(true);
  });

  test("a year that does not read as one", () => {
    const r = readProfile('{ "version": 1, "fiscalYear": "来年度" }');
    expect(r.ok ? null : r.problems[0].kind).toBe("bad-year");
  });

  test("positions: keys point at their own line", () => {
    const p = parseJsonWithLines('{\n "a": {\n  "b": [\n   1,\n   2\n  ]\n }\n}');
    expect(p.ok && [p.lineOf(["a"]), p.lineOf(["a", "b"]), p.lineOf(["a", "b", 1])]).toEqual([2, 3, 5]);
  });
});

describe("one resolver says where each setting came from", () => {
  test("stated beats the profile, the profile beats the default", () => {
    const profile = {
      version: 1 as const,
      fiscalYear: "令和5年度",
      thresholds: { nearlyOnTrack: 0.8 },
      scale: "maru",
    };
    const s = resolveSettings({ fiscalYear: 2024 }, profile, { kind: "file", name: "市.json" });
    expect(s.fiscalYear).toBe(2024);
    expect(s.rule.nearlyOnTrack).toBe(0.8);
    expect(s.scale?.id).toBe("maru");
    expect(s.sources).toEqual({
      fiscalYear: "stated",
      thresholds: "profile",
      scale: "profile",
      layout: "default",
    });
    const none = resolveSettings({}, null);
    expect(none.sources).toEqual({
      fiscalYear: "default",
      thresholds: "default",
      scale: "default",
      layout: "default",
    });
    expect(none.origin).toEqual({ kind: "none" });
  });
});
