import type {
  CheckedRow,
  Finding,
  ProgressRule,
  SheetGrid,
  SheetLayout,
  VerificationRow,
  WorkbookCheck,
} from "./model";
import { DEFAULT_RULE } from "./model";
import { SheetView } from "./sheetView";
import { displayText } from "./text";
import { detectLayout } from "./layout/detectLayout";
import { extractRows } from "./rows/extractRows";
import { resolveDirection, type ResolvedDirection } from "./progress/direction";
import { achievementRate } from "./progress/achievement";
import { recogniseStatus, statusForRate } from "./progress/status";
import { checkRow } from "./rules/rowRules";

/** Direction, achievement rate and computed status of one row under a rule. */
export function computeProgress(
  row: VerificationRow,
  rule: ProgressRule,
  directionOf: (row: VerificationRow) => ResolvedDirection = (r) => resolveDirection(r.name, rule, r.values),
): CheckedRow {
  const { direction, source } = directionOf(row);
  const result = achievementRate(direction, row.values.actual, row.values.target);
  const statusText = displayText(row.cells.status?.cell);
  // Rows are built fresh for each check, so the progress is added in place rather than copied.
  return Object.assign(row, {
    direction,
    directionSource: source,
    achievement: result.rate,
    // Unrecognised text is kept as typed, spaces included (" =1+1 " is not "=1+1").
    enteredStatus: statusText.trim() === "" ? null : (recogniseStatus(statusText) ?? statusText),
    computedStatus: result.rate === null ? null : statusForRate(result.rate, rule),
    noStatus: result.reason,
  });
}

/** The most common fiscal year among the sheets (a stray older sheet does not decide it). */
function workbookFiscalYear(layouts: SheetLayout[]): string | null {
  const counts = new Map<string, number>();
  for (const l of layouts) if (l.fiscalYear) counts.set(l.fiscalYear, (counts.get(l.fiscalYear) ?? 0) + 1);
  let best: string | null = null;
  for (const [fy, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = fy;
  return best;
}

/** Reads, validates and recalculates a whole workbook given as plain grids. */
export function checkWorkbook(grids: SheetGrid[], rule: ProgressRule = DEFAULT_RULE): WorkbookCheck {
  const layouts: SheetLayout[] = [];
  const rows: CheckedRow[] = [];
  const findings: Finding[] = [];
  // The master and overrides decide most directions by name alone; look each name up once.
  const byName = new Map<string, ResolvedDirection>();
  const directionOf = (row: VerificationRow): ResolvedDirection => {
    const known = byName.get(row.name);
    if (known) return known;
    const resolved = resolveDirection(row.name, rule, row.values);
    if (resolved.source !== "inferred" && resolved.source !== null) byName.set(row.name, resolved);
    return resolved;
  };
  for (const grid of grids) {
    const view = new SheetView(grid);
    const layout = detectLayout(view);
    if (layout.blocks.length === 0) continue;
    layouts.push(layout);
    const ctx = { fiscalYear: layout.fiscalYear };
    for (const row of extractRows(view, layout)) {
      const checked = computeProgress(row, rule, directionOf);
      rows.push(checked);
      findings.push(...checkRow(checked, ctx));
    }
  }
  const fileError = layouts.length === 0 ? { code: "no-verification-sheet" as const } : null;
  return { fiscalYear: workbookFiscalYear(layouts), sheets: layouts, rows, findings, fileError };
}
