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
import {
  bestLevel,
  firstBehindLevel,
  levelForRate,
  recogniseLevel,
  resolveScale,
  scaleShownBy,
} from "./progress/scale";
import { directionTarget, interpolatedTarget, isEndedKpi } from "./progress/targets";
import type { LayoutProfile, Scale } from "./model";
import { checkRow, type RuleContext } from "./rules/rowRules";
import { placeholderKeys } from "./rules/reasons";
import { assumeUnitsFromTarget, numbersBesideNumericTarget } from "./values/rowUnits";
import { layoutFindings } from "./layout/layoutFindings";
import { headingsFound } from "./layout/headingsFound";
import { reasonsNotChecked } from "./rules/reasonColumn";
import { parseFiscalYear } from "./layout/yearForms";
import { checkAgainstStrategy } from "./rules/strategyRules";
import { BUNDLED_MASTER, indexMaster, lookupEntry, type KpiMaster } from "./master/kpiMaster";
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

/** What a row is judged with beyond the rule: the city's scale (伊勢崎's when absent), the year. */
export interface ProgressContext {
  scale?: Scale;
  fiscalYear?: number | null;
}

/** Direction, achievement rate and computed status of one row under a rule. */
export function computeProgress(
  row: VerificationRow,
  rule: ProgressRule,
  directionOf: (row: VerificationRow) => ResolvedDirection = (r) => resolveDirection(r.name, rule, r.values),
  context: ProgressContext = {},
): CheckedRow {
  // Values are read against the target first (a bare figure takes its unit), so that the
  // direction and the rate see them as staff meant them.
  row.values = assumeUnitsFromTarget(numbersBesideNumericTarget(row.values));
  const interpolated = row.columnYears
    ? interpolatedTarget(row.values, row.columnYears, context.fiscalYear ?? null)
    : null;
  if (interpolated) row.values.target = interpolated.value;
  const { direction, source } = directionOf(row);
  const scale = context.scale;
  const result = achievementRate(direction, row.values.actual, row.values.target);
  const statusText = displayText(row.cells.status?.cell);
  // Rows are built fresh for each check, so the progress is added in place rather than copied;
  // plain assignments in a fixed order give every row one shape, without a patch object per row.
  const checked = row as CheckedRow;
  checked.direction = direction;
  checked.directionSource = source;
  checked.achievement = result.rate;
  // Unrecognised text is kept as typed, spaces included (" =1+1 " is not "=1+1").
  checked.enteredStatus =
    statusText.trim() === ""
      ? null
      : ((scale ? recogniseLevel(statusText, scale) : recogniseStatus(statusText)) ?? statusText);
  checked.computedStatus =
    result.rate === null ? null : scale ? levelForRate(result.rate, scale) : statusForRate(result.rate, rule);
  checked.noStatus = result.reason;
  if (interpolated) checked.targetBasis = interpolated.basis;
  else if (result.rate === null) judgeTextTarget(checked, scale ?? null, rule);
  return checked;
}

/** A text target: a direction judged against last year's (or the baseline), or an ended KPI (a note). */
function judgeTextTarget(row: CheckedRow, scale: Scale | null, rule: ProgressRule): void {
  const { actual, target } = row.values;
  if (isEndedKpi(actual, target)) {
    row.noStatus = { code: "actual-unusable", kind: "note" };
    return;
  }
  const outcome = directionTarget(row.values);
  if (!outcome) return;
  const best = scale ? bestLevel(scale) : statusForRate(rule.onTrack, rule);
  const behind = scale ? firstBehindLevel(scale) : statusForRate(0, rule);
  row.computedStatus = outcome.met ? best : behind;
  row.noStatus = null;
  row.targetBasis = outcome.basis;
}

/** Rows whose entered status shows the scale: a sample is enough, and one of 伊勢崎's words ends it. */
const SCALE_SAMPLE = 500;

/** Entered statuses as typed, up to the sample's size; [] once one is 伊勢崎's (the default stands). */
function enteredSample(sheetRows: readonly VerificationRow[][]): string[] {
  const entered: string[] = [];
  for (const rs of sheetRows) {
    for (const r of rs) {
      const cell = r.cells.status?.cell;
      if (!cell) continue;
      const t = displayText(cell).trim();
      if (t === "") continue;
      if (recogniseStatus(t) !== null) return [];
      entered.push(t);
      if (entered.length >= SCALE_SAMPLE) return entered;
    }
  }
  return entered;
}

/** No KPI master: directions are inferred, nothing is cross-checked. */
const NO_MASTER: KpiMaster = indexMaster([]);
/** At least this share of a workbook's KPI names must be the bundled strategy's for it to apply. */
const BUNDLED_SHARE = 0.5;
const NAME_SAMPLE = 500;

/** Whether a workbook is 伊勢崎's own: no profile, and its KPIs mostly the bundled strategy's. */
function isesakisSheet(sheetRows: readonly VerificationRow[][], profile: LayoutProfile | null): boolean {
  if (profile) return false;
  // A sample of the names is enough to tell: a big sheet repeats its strategy's few dozen KPIs.
  let named = 0;
  let known = 0;
  for (const rs of sheetRows) {
    for (const r of rs) {
      if (r.name === "") continue;
      named++;
      if (lookupEntry(BUNDLED_MASTER, r.name, null) !== null) known++;
      if (named >= NAME_SAMPLE) return known >= BUNDLED_SHARE * named;
    }
  }
  return named === 0 || known >= BUNDLED_SHARE * named;
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
  let master = options.strategy ?? BUNDLED_MASTER;
  const reasonPlaceholders = placeholderKeys(placeholdersOf(options));
  const profile = options.profile ?? null;
  // A city's own scale, from its profile; 伊勢崎's words (under the rule's thresholds) otherwise.
  // 伊勢崎's own scale named in a profile is the default one: read exactly as without a profile.
  const pinned = profile?.scale !== undefined ? resolveScale(profile.scale, rule) : null;
  let scale = pinned && pinned.id !== "isesaki" ? pinned : undefined;
  const layouts: SheetLayout[] = [];
  const views: SheetView[] = [];
  for (const grid of grids) {
    const view = new SheetView(grid);
    const layout = detectLayout(view, { statedYear: options.fiscalYear ?? null, profile });
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
  if (layouts.length === 0)
    return stop({ code: "no-verification-sheet", found: headingsFound(grids, profile) });
  // A header that cannot be read without guessing stops the whole file: every status would be suspect.
  const unclear = layouts.find((l) => l.conflict !== null);
  if (unclear?.conflict) {
    const code = unclear.conflict.kind === "year-column-missing" ? "year-column-missing" : "ambiguous-layout";
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
  const sheetRows = layouts.map((layout, i) => extractRows(views[i], layout));
  // The bundled master is 伊勢崎's strategy: another city's sheet (a profile, or KPIs it mostly does
  // not name) is neither given its directions nor cross-checked against it. --strategy still is.
  if (!options.strategy && !isesakisSheet(sheetRows, profile)) master = NO_MASTER;
  // No scale pinned: the entered statuses may show one of the presets beyond doubt (◎, S, B+, D).
  if (!scale) scale = scaleShownBy(enteredSample(sheetRows)) ?? undefined;
  for (const [i, layout] of layouts.entries()) {
    const ctx: RuleContext = { fiscalYear: layout.fiscalYear, reasonPlaceholders, scale };
    sheetYear = layout.fiscalYear ? parseFiscalYear(layout.fiscalYear) : null;
    if (scale) layout.scale = scale.id;
    const known = byYear.get(sheetYear);
    if (known) byName = known;
    else byYear.set(sheetYear, (byName = new Map()));
    const progress: ProgressContext = { scale, fiscalYear: sheetYear };
    for (const row of sheetRows[i]) {
      const checked = computeProgress(row, rule, directionOf, progress);
      rows.push(checked);
      // The columns' years, shared by every row of the block: what the 見通し is dated by (core/progress/outlooks.ts).
      const years = columnYears(layout, checked);
      checked.paceYears = years;
      for (const f of checkRow(checked, ctx)) findings.push(f);
      let declared = declaresParts.get(years.activityHeader);
      if (declared === undefined)
        declaresParts.set(years.activityHeader, (declared = headerDeclaresParts(years.activityHeader)));
      for (const f of activityPartFindings(checked, declared)) findings.push(f);
    }
    const unchecked = reasonsNotChecked(layout, sheetRows[i] as CheckedRow[], ctx);
    if (unchecked) findings.push(unchecked);
  }
  const year = fiscalYear ? parseFiscalYear(fiscalYear) : null;
  findings.push(...checkAgainstStrategy(rows, master, year));
  const judged = scale ? { scale } : {};
  if (options.previous && options.previous.length > 0) {
    const compared = compareWithPrevious(rows, options.previous, year, master);
    findings.push(...compared.findings);
    for (const row of rows) {
      const history = compared.history.get(row);
      if (!history) continue;
      const years = row.paceYears;
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
      ...judged,
      previousIgnored: compared.ignored.map((w) => w.file),
    };
  }
  return { fiscalYear, sheets: layouts, rows, findings, fileError: null, ...judged };
}
