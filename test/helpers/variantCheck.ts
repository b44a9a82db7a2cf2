// What a check of a layout variant must give: the original's rows and findings, moved to where the
// variant put their cells. Shared by the engine's, the CLI's and the pane's variant tests.
import type { FieldKey, Finding, WorkbookCheck } from "../../src/core/model";
import { placeCell, type Variant } from "./layoutVariants";

/** What a row reads as, wherever it stands. */
export function rowFacts(r: WorkbookCheck["rows"][number]) {
  return {
    sheet: r.sheet,
    row: r.row,
    kind: r.kind,
    hidden: r.hidden,
    goal: r.goal,
    subGoal: r.subGoal,
    measure: r.measure,
    name: r.name,
    department: r.department,
    direction: r.direction,
    directionSource: r.directionSource,
    achievement: r.achievement,
    enteredStatus: r.enteredStatus,
    computedStatus: r.computedStatus,
    noStatus: r.noStatus,
    values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.raw])),
  };
}

/** Findings that need a column the variant leaves out. */
const NEEDS: Partial<Record<FieldKey, string[]>> = {
  previous: ["unchanged-from-previous-year"],
  activity: ["missing-activity-text"],
  reason: ["missing-delay-reason", "unexpected-delay-reason"],
};

/** A check as compared: the year, the stop if any, every row's facts, every finding. */
export function checkFacts(r: WorkbookCheck) {
  return {
    fiscalYear: r.fiscalYear,
    fileError: r.fileError,
    rows: r.rows.map(rowFacts),
    findings: r.findings.filter((f) => f.code !== "reasons-not-checked"),
    // A sheet with no 理由 column says once that its delays' reasons were not checked (issue 22).
    reasonsNotChecked: r.findings
      .filter((f) => f.code === "reasons-not-checked")
      .map((f) => ({ sheet: f.sheet, rows: f.params.rows })),
  };
}

const BEHIND = "進捗の遅れ";

/** The original's check as the variant should read it: rows and findings moved to their new places. */
export function expectedFacts(original: WorkbookCheck, v: Variant): ReturnType<typeof checkFacts> {
  const dropped = v.spec.drop;
  const rows = original.rows.map((r) => {
    const at = v.placeRow(r.sheet, r.row - 1);
    const facts = rowFacts(r);
    for (const f of dropped) if (f in facts.values) facts.values[f] = "";
    return { ...facts, sheet: at.sheet, row: at.row + 1 };
  });
  const findings = original.findings
    .filter((f) => !dropped.some((d) => NEEDS[d]?.includes(f.code) || f.params.field === d))
    .map((f): Finding => {
      if (f.sheet === null || f.cell === null) return f;
      return { ...f, ...placeCell(v, f.sheet, f.cell) };
    });
  // Without a 理由 column, each variant sheet with rows behind says so once, counting them.
  const behind = new Map<string, number>();
  if (dropped.includes("reason")) {
    for (const r of rows) {
      const isBehind = r.enteredStatus === BEHIND || r.computedStatus === BEHIND;
      behind.set(r.sheet, (behind.get(r.sheet) ?? 0) + (isBehind ? 1 : 0));
    }
  }
  const reasonsNotChecked = [...behind]
    .filter(([, n]) => n > 0)
    .map(([sheet, n]) => ({ sheet: sheet as string | null, rows: n as number | undefined }));
  return { fiscalYear: original.fiscalYear, fileError: null, rows, findings, reasonsNotChecked };
}
