import type {
  CheckedRow,
  CheckOptions,
  FileError,
  Finding,
  ProgressRule,
  SheetGrid,
  SheetLayout,
  VerificationRow,
  WorkbookCheck,
  WorkbookOptions,
} from "./model";
import { DEFAULT_CHECK_OPTIONS, DEFAULT_RULE } from "./model";
import { SheetView } from "./sheetView";
import { displayText } from "./text";
import { detectLayout } from "./layout/detectLayout";
import { extractRows } from "./rows/extractRows";
import { resolveDirection, type ResolvedDirection } from "./progress/direction";
import { achievementRate } from "./progress/achievement";
import { recogniseStatus, statusForRate } from "./progress/status";
import { checkRow, type RuleContext } from "./rules/rowRules";
import { placeholderKeys } from "./rules/reasons";
import { assumeUnitsFromTarget, numbersBesideNumericTarget } from "./values/rowUnits";
import { layoutFindings } from "./layout/layoutFindings";
import { parseFiscalYear } from "./layout/yearForms";
import { checkAgainstStrategy } from "./rules/strategyRules";
import { BUNDLED_MASTER, type KpiMaster } from "./master/kpiMaster";
import { columnYears } from "./rows/columnYears";
import { activityPartFindings, headerDeclaresParts } from "./rules/activityParts";
import { compareWithPrevious, type PreviousWorkbook } from "./rules/previousYear";

/** What a check may be given beyond the progress rule. */
export interface WorkbookCheckOptions extends WorkbookOptions {
  /** The KPI master to take directions from and cross-check against; the bundled one by default. */
  strategy?: KpiMaster;
  /** Last year's (and earlier years') workbooks, checked: --previous, the pane's 前年度のファイル. */
  previous?: readonly PreviousWorkbook[];
}

/** Direction, achievement rate and computed status of one row under a rule. */
export function computeProgress(
  row: VerificationRow,
  rule: ProgressRule,
  directionOf: (row: VerificationRow) => ResolvedDirection = (r) => resolveDirection(r.name, rule, r.values),
): CheckedRow {
  // Values are read against the target first (a bare figure takes its unit), so that the
  // direction and the rate see them as staff meant them.
  row.values = assumeUnitsFromTarget(numbersBesideNumericTarget(row.values));
  const { direction, source } = directionOf(row);
  const result = achievementRate(direction, row.values.actual, row.values.target);
  const statusText = displayText(row.cells.status?.cell);
  // Rows are built fresh for each check, so the progress is added in place rather than copied;
  // plain assignments in a fixed order give every row one shape, without a patch object per row.
  const checked = row as CheckedRow;
  checked.direction = direction;
  checked.directionSource = source;
  checked.achievement = result.rate;
  // Unrecognised text is kept as typed, spaces included (" =1+1 " is not "=1+1").
  checked.enteredStatus = statusText.trim() === "" ? null : (recogniseStatus(statusText) ?? statusText);
  checked.computedStatus = result.rate === null ? null : statusForRate(result.rate, rule);
  checked.noStatus = result.reason;
  return checked;
}

/** The most common fiscal year among the sheets (a stray older sheet does not decide it). */
function workbookFiscalYear(layouts: SheetLayout[]): string | null {
  const counts = new Map<string, number>();
  for (const l of layouts) if (l.fiscalYear) counts.set(l.fiscalYear, (counts.get(l.fiscalYear) ?? 0) + 1);
  let best: string | null = null;
  for (const [fy, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = fy;
  return best;
}

/** The placeholder list as given, or the default when the settings hold something else. */
function placeholdersOf(options: Partial<CheckOptions> | undefined): readonly string[] {
  const list = options?.reasonPlaceholders;
  return Array.isArray(list) ? list : DEFAULT_CHECK_OPTIONS.reasonPlaceholders;
}

/** Reads, validates and recalculates a whole workbook given as plain grids. */
export function checkWorkbook(
  grids: SheetGrid[],
  rule: ProgressRule = DEFAULT_RULE,
  options: WorkbookCheckOptions = DEFAULT_CHECK_OPTIONS,
): WorkbookCheck {
  const master = options.strategy ?? BUNDLED_MASTER;
  const reasonPlaceholders = placeholderKeys(placeholdersOf(options));
  const layouts: SheetLayout[] = [];
  const views: SheetView[] = [];
  for (const grid of grids) {
    const view = new SheetView(grid);
    const layout = detectLayout(view, { statedYear: options.fiscalYear ?? null });
    if (layout.blocks.length === 0) continue;
    layouts.push(layout);
    views.push(view);
  }
  const fiscalYear = workbookFiscalYear(layouts);
  const stop = (fileError: FileError): WorkbookCheck => ({
    fiscalYear,
    sheets: layouts,
    rows: [],
    findings: [],
    fileError,
  });
  if (layouts.length === 0) return stop({ code: "no-verification-sheet" });
  // A header that cannot be read without guessing stops the whole file: every status would be suspect.
  const unclear = layouts.find((l) => l.conflict !== null);
  if (unclear?.conflict) {
    const code = unclear.conflict.kind === "same-field" ? "ambiguous-layout" : "year-column-missing";
    return stop({ code, params: { sheet: unclear.sheet, ...unclear.conflict } });
  }

  const rows: CheckedRow[] = [];
  const declaresParts = new Map<string, boolean>();
  const findings: Finding[] = layoutFindings(layouts);
  // The master and overrides decide most directions by name alone; look each name up once.
  // A revision may re-use a name, so names are looked up per sheet year.
  const byYear = new Map<number | null, Map<string, ResolvedDirection>>();
  let sheetYear: number | null = null;
  let byName = new Map<string, ResolvedDirection>();
  const directionOf = (row: VerificationRow): ResolvedDirection => {
    const known = byName.get(row.name);
    if (known) return known;
    const resolved = resolveDirection(row.name, rule, row.values, master, sheetYear);
    if (resolved.source !== "inferred" && resolved.source !== null) byName.set(row.name, resolved);
    return resolved;
  };
  for (const [i, layout] of layouts.entries()) {
    const ctx: RuleContext = { fiscalYear: layout.fiscalYear, reasonPlaceholders };
    sheetYear = layout.fiscalYear ? parseFiscalYear(layout.fiscalYear) : null;
    const known = byYear.get(sheetYear);
    if (known) byName = known;
    else byYear.set(sheetYear, (byName = new Map()));
    for (const row of extractRows(views[i], layout)) {
      const checked = computeProgress(row, rule, directionOf);
      rows.push(checked);
      // The columns' years, shared by every row of the block: what the 見通し is dated by (core/progress/outlooks.ts).
      const years = columnYears(layout, checked);
      checked.columnYears = years;
      for (const f of checkRow(checked, ctx)) findings.push(f);
      let declared = declaresParts.get(years.activityHeader);
      if (declared === undefined)
        declaresParts.set(years.activityHeader, (declared = headerDeclaresParts(years.activityHeader)));
      for (const f of activityPartFindings(checked, declared)) findings.push(f);
    }
  }
  const year = fiscalYear ? parseFiscalYear(fiscalYear) : null;
  findings.push(...checkAgainstStrategy(rows, master, year));
  if (options.previous && options.previous.length > 0) {
    const compared = compareWithPrevious(rows, options.previous, year, master);
    findings.push(...compared.findings);
    for (const row of rows) {
      const history = compared.history.get(row);
      if (!history) continue;
      const years = row.columnYears;
      history.baseline.year ??= years?.baseline ?? null;
      history.finalTarget.year ??= years?.finalTarget ?? null;
      row.history = history;
      // More years known: the recent pace can start from the earliest of them.
      row.earlierActuals = compared.earlier.get(row) ?? [];
    }
    return {
      fiscalYear,
      sheets: layouts,
      rows,
      findings,
      fileError: null,
      previousIgnored: compared.ignored.map((w) => w.file),
    };
  }
  return { fiscalYear, sheets: layouts, rows, findings, fileError: null };
}
