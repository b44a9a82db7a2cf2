import { flagsFromFindings } from "../../src/taskpane/selectors";
import { sanitizeRule, validateRuleInput } from "../../src/taskpane/ruleInput";
import { noticeFromError } from "../../src/taskpane/notices";
import { HostError } from "../../src/adapters/excel/workbookHost";
import { t } from "../../src/i18n/taskpane";
import { finding } from "./stubs";

describe("controller helpers", () => {
  test("flagsFromFindings keeps one flag per cell with the worst severity and distinct messages", () => {
    const flags = flagsFromFindings([
      finding({ sheet: "A", cell: "B2", row: 2, severity: "info", code: "unexpected-delay-reason" }),
      finding({ sheet: "A", cell: "B2", row: 2, severity: "warning", code: "unit-mismatch" }),
      finding({ sheet: "A", cell: "B2", row: 2, severity: "warning", code: "unit-mismatch" }),
      finding({ sheet: "B", cell: "B2", row: 2, severity: "info", code: "unexpected-delay-reason" }),
      finding({ sheet: null, cell: null, row: null, severity: "info", code: "kpi-not-in-sheet" }),
    ]);
    const x =
      "進捗状況が「」ですが、進捗が遅れている理由が入力されています。不要であれば「-」にしてください。";
    const y = "実績値の単位「なし」が値の単位「なし」と異なります。単位をそろえてください。";
    // Distinct messages joined, the worst severity kept; a finding with no cell makes no flag.
    expect(flags).toEqual([
      { sheet: "A", address: "B2", severity: "warning", message: `${x}\n${y}` },
      { sheet: "B", address: "B2", severity: "info", message: x },
    ]);
  });

  test.each([
    ["1", "0.85", true],
    ["1.0", "1.0", true],
    ["１．０", "０.８", true],
    ["0.8", "0.85", false],
    ["0", "0", false],
    ["", "0.5", false],
    ["1", "-0.1", false],
    ["1e3", "0.5", false],
  ])("validateRuleInput(%s, %s) ok=%s", (onTrack, nearly, ok) => {
    const r = validateRuleInput({ onTrack, nearlyOnTrack: nearly });
    expect(r.onTrack !== undefined).toBe(ok);
  });

  test("sanitizeRule falls back to the default for anything malformed", () => {
    expect(sanitizeRule(null)).toEqual({ onTrack: 1, nearlyOnTrack: 0.85, directionOverrides: {} });
    expect(sanitizeRule({ onTrack: 0.5, nearlyOnTrack: 0.9 })).toEqual({
      onTrack: 1,
      nearlyOnTrack: 0.85,
      directionOverrides: {},
    });
    expect(
      sanitizeRule({ onTrack: "1", nearlyOnTrack: 0.7, directionOverrides: { a: "maintain", b: 3 } }),
    ).toEqual({
      onTrack: 1,
      nearlyOnTrack: 0.7,
      directionOverrides: { a: "maintain" },
    });
  });

  test("noticeFromError names a protected sheet", () => {
    expect(noticeFromError(new HostError("sheet-protected", "x")).title).toBe(t.errors.sheetProtected);
    expect(noticeFromError(new Error("boom")).title).toBe(t.errors.unknown);
    // Excel in cell-edit mode is not an error of the workbook: a warning with what to do.
    expect(noticeFromError(new HostError("excel-busy", "x"))).toMatchObject({
      kind: "warning",
      title: t.errors.excelBusy,
      body: t.errors.excelBusyHint,
    });
    // InvalidOperation may be cell-edit mode (the delay-for-cell-edit article) or not; too many
    // requests (ActivityLimitReached) is not a person editing a cell.
    expect(noticeFromError(new HostError("invalid-operation", "x"))).toMatchObject({
      title: t.errors.invalidOperation,
      body: t.errors.invalidOperationHint,
    });
    expect(noticeFromError(new HostError("activity-limit", "x"))).toMatchObject({
      title: t.errors.activityLimit,
      body: t.errors.activityLimitHint,
    });
  });
});
