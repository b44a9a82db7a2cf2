// Each researched layout, rebuilt with invented values, is read right: every KPI row with this
// year's actual and target (or the interpolated one), statuses by the contract and the city's scale,
// reasons checked where the layout has them, and nothing read silently wrong.
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_RULE, type WorkbookCheck } from "../../../src/core/model";
import { CITY_LAYOUTS, type CityLayout } from "../../helpers/cityLayouts";
import { renderFileError, renderFinding } from "../../../src/i18n/findings";

const LAYOUTS = CITY_LAYOUTS.map((make) => make());
const read = (l: CityLayout, withProfile = true): WorkbookCheck =>
  checkWorkbook(l.grids, DEFAULT_RULE, { profile: withProfile ? (l.profile ?? null) : null });

/** Codes a row may carry only when the layout says so: the ones these tests are about. */
const WATCHED = [
  "target-interpolated",
  "direction-target",
  "missing-delay-reason",
  "status-mismatch",
  "invalid-status",
  "missing-target",
  "actual-is-note",
  "trend-mismatch",
  "missing-status",
];

describe.each(LAYOUTS.map((l) => [l.id, l] as const))("%s", (_id, layout) => {
  const result = read(layout);

  test("every KPI row is read, and nothing else", () => {
    expect(result.fileError).toBeNull();
    expect(result.fiscalYear).toBe(layout.fiscalYear);
    // A final target dated years ahead (目標値 (H31)) is no claim on the year: no disagreement.
    expect(result.findings.filter((f) => f.code === "fiscal-year-disagreement")).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual(layout.rows.map((r) => r.name));
  });

  test("the year's actual, the target (or the straight-line one) and the status by the city's scale", () => {
    for (const [i, want] of layout.rows.entries()) {
      const row = result.rows[i];
      expect([row.name, row.values.actual.raw.trim()]).toEqual([want.name, want.actual]);
      const target =
        row.targetBasis?.kind === "interpolated" ? row.targetBasis.shown : row.values.target.raw.trim();
      expect([row.name, target]).toEqual([want.name, want.target ?? ""]);
      expect([row.name, row.computedStatus]).toEqual([want.name, want.computed]);
      if (want.department !== undefined) expect(row.department).toBe(want.department);
    }
    expect(result.sheets.every((s) => (s.scale ?? "isesaki") === layout.scale)).toBe(true);
  });

  test("each row carries exactly the watched findings the layout calls for", () => {
    for (const [i, want] of layout.rows.entries()) {
      const row = result.rows[i];
      const codes = result.findings
        .filter(
          (f) => f.sheet === row.sheet && f.row !== null && f.kpi === row.name && WATCHED.includes(f.code),
        )
        .map((f) => f.code);
      expect([row.name, [...new Set(codes)].sort()]).toEqual([row.name, [...(want.codes ?? [])].sort()]);
    }
    for (const f of result.findings) expect(renderFinding(f)).not.toBe("");
  });
});

describe("another city's sheet is not held to 伊勢崎's strategy", () => {
  test.each(LAYOUTS.map((l) => [l.id, l] as const))(
    "%s: no direction from it, no cross-check",
    (_id, layout) => {
      for (const withProfile of [true, false]) {
        const r = read(layout, withProfile);
        expect(
          r.findings.filter((f) =>
            ["kpi-not-in-sheet", "master-mismatch", "kpi-name-differs"].includes(f.code),
          ),
        ).toEqual([]);
        expect(r.rows.filter((row) => row.directionSource === "master")).toEqual([]);
      }
    },
  );
});

describe("the straight-line target says the value it used", () => {
  test("江田島型: H26 22,585千円 to H31 20,000千円 gives 22,068千円 for H27", () => {
    const etajima = LAYOUTS.find((l) => l.id === "etajima")!;
    const f = read(etajima).findings.find((x) => x.code === "target-interpolated")!;
    expect(renderFinding(f)).toContain("22,068千円");
    expect(renderFinding(f)).toContain("平成26年度");
  });
});

describe("without the profile a city's sheet is not misread: what cannot be judged is said", () => {
  test("a scale no preset shows (江田島's A/B): the entries are flagged, never taken as 伊勢崎's", () => {
    const r = read(
      LAYOUTS.find((l) => l.id === "etajima")!,
      false,
    );
    expect(r.fileError).toBeNull();
    expect(r.findings.filter((f) => f.code === "invalid-status")).toHaveLength(4);
  });

  test("the ambiguous 現状値 stops the check naming its column; the profile reads it", () => {
    const layout = LAYOUTS.find((l) => l.id === "ambiguous")!;
    const r = read(layout, false);
    expect(r.fileError?.code).toBe("ambiguous-layout");
    expect(r.fileError?.params).toMatchObject({
      kind: "ambiguous-word",
      columns: [{ column: "B", header: "現状値" }],
    });
    expect(renderFileError(r.fileError!)).toContain("B列「現状値」");
    expect(renderFileError(r.fileError!)).toContain("--profile");
    expect(read(layout).fileError).toBeNull();
  });

  test("杵築型 without its profile: 課題 is not taken as the reason, and the sheet says reasons were not checked", () => {
    const r = read(
      LAYOUTS.find((l) => l.id === "kitsuki")!,
      false,
    );
    expect(r.findings.some((f) => f.code === "reasons-not-checked")).toBe(true);
    expect(r.findings.some((f) => f.code === "missing-delay-reason")).toBe(false);
  });
});
