// The corpus of what staff type (entries.ts), each typed into the 実績値 of its row and checked by
// the whole engine: the value it reads, the findings at the actual's cell, and whether a status is
// computed. One sheet holds every entry, one row each.
import { checkWorkbook } from "../../../src/core/check";
import type { CheckedRow, Finding } from "../../../src/core/model";
import { renderFinding } from "../../../src/i18n/findings";
import { COLUMN, sheetRow, verificationSheet } from "../../helpers/rowGrid";
import { CONTEXTS } from "./contexts";
import { ENTRIES, type Entry } from "./entries";

const result = checkWorkbook([
  verificationSheet(ENTRIES.map(([actual, context]) => ({ ...CONTEXTS[context], actual }))),
]);
const rowsByNumber = new Map<number, CheckedRow>(result.rows.map((r) => [r.row, r]));
const findingsAt = new Map<string, Finding[]>();
for (const f of result.findings) {
  const list = findingsAt.get(f.cell ?? "") ?? [];
  list.push(f);
  findingsAt.set(f.cell ?? "", list);
}

const label = (e: Entry) => (typeof e[0] === "object" && e[0] !== null ? JSON.stringify(e[0]) : String(e[0]));

test("the corpus holds at least 150 entries, each in a row of its own", () => {
  expect(ENTRIES.length).toBeGreaterThanOrEqual(150);
  expect(result.rows).toHaveLength(ENTRIES.length);
});

describe.each(ENTRIES.map((e, i) => [label(e), e[1], i, e] as const))("%s in %s", (_l, _c, i, entry) => {
  const [, , value, codes, status] = entry;
  const row = rowsByNumber.get(sheetRow(i));

  test("is read as the kind, number, unit, period and remark staff meant", () => {
    expect(row).toBeDefined();
    const actual = row!.values.actual;
    expect({
      kind: actual.kind,
      number: actual.kind === "parts" ? null : actual.number,
      unit: actual.kind === "parts" ? null : actual.unit,
      period: actual.period?.label ?? null,
      remark: actual.remark,
      parts: actual.parts.map((p) => [p.label, p.number, p.unit]),
    }).toEqual({
      kind: value.kind,
      number: value.number ?? null,
      unit: value.unit ?? null,
      period: value.period ?? null,
      remark: value.remark ?? null,
      parts: value.parts ?? [],
    });
  });

  test("gives exactly the expected findings at the actual's cell, each in Japanese", () => {
    const here = findingsAt.get(`${COLUMN.actual}${sheetRow(i)}`) ?? [];
    expect(here.map((f) => f.code).sort()).toEqual([...codes].sort());
    for (const f of here) expect(renderFinding(f)).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  test(status === "status" ? "computes a status" : "computes no status, and says why", () => {
    if (status === "status") {
      expect(row!.computedStatus).not.toBeNull();
      expect(row!.noStatus).toBeNull();
    } else {
      expect(row!.computedStatus).toBeNull();
      expect(row!.achievement).toBeNull();
      expect(row!.noStatus).not.toBeNull();
    }
  });
});
