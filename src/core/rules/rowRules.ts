import type { CheckedRow, FieldKey, Finding, ParsedValue, Scale, ValueField, ValueQualifier } from "../model";
import { STATUS_WORDS, VALUE_FIELDS } from "../model";
import { displayText, isBlankText } from "../text";
import { probableStatus } from "../progress/status";
import { isIsoDateText, isoDateForDisplay } from "../values/dates";
import { excelErrorCode } from "../values/excelErrors";
import { normalizeValueText } from "../values/normalize";
import { samePeriod } from "../values/referencePeriod";
import { unitsComparable, writtenUnit } from "../values/units";
import { finding } from "./findingFactory";
import { implausibleActual } from "./plausibility";
import { reasonState } from "./reasons";
import { withUncalculatedFormulas } from "./formulaRules";
import { isNotEvaluated, levelNames } from "../progress/scale";
import { isPendingTarget } from "../progress/targets";
import { trendFinding } from "./trendRule";

function isExcelError(value: unknown): boolean {
  return typeof value === "string" && excelErrorCode(value.trim()) !== null;
}

export interface RuleContext {
  fiscalYear: string | null;
  /** Keys of the texts that give no reason for a delay (placeholderKeys of the settings' list). */
  reasonPlaceholders: ReadonlySet<string>;
  /** A city's own scale; 伊勢崎's three words when absent. */
  scale?: Scale;
}

/** The levels whose rows must give a reason: 進捗の遅れ, or the city scale's. */
export function needsReason(status: string | null, scale: Scale | undefined): boolean {
  if (status === null) return false;
  return scale ? scale.needsReason.includes(status) : status === "進捗の遅れ";
}

const TEXT_FIELDS: FieldKey[] = ["kpi", "activity", "status", "reason", "department"];

/** A figure written with a multiplier ("8,800億"): only the base unit was assumed for it. */
const MULTIPLIER_WRITTEN = /\d\s*(?:百万|千万|兆|億|万|千)/;

/** Kinds that hold no figure: the target is then missing for the status. */
const NO_FIGURE = new Set<ParsedValue["kind"]>(["blank", "note", "invalid", "error", "date"]);

/** Qualifiers that make the actual a figure to read with care; 確定値 and 累計 do not. */
const NOTEWORTHY: ReadonlySet<ValueQualifier> = new Set<ValueQualifier>([
  "approximate",
  "estimate",
  "preliminary",
  "provisional",
  "at-least",
  "at-most",
  "below",
  "above",
]);

function cellText(row: CheckedRow, field: FieldKey): string {
  return displayText(row.cells[field]?.cell);
}

/** A figure's unit and multiplier: a single number's, or a part's (parts carry no multiplier). */
interface UnitOf {
  unit: string | null;
  scale?: number;
}

// These run on every row, so they walk the values in place rather than building a map of units.

/** Labels a value's units are known by: "" for a single number, each part's label; null for neither. */
function unitCount(v: ParsedValue): number {
  return v.kind === "number" ? 1 : v.kind === "parts" ? v.parts.length : -1;
}

function labelAt(v: ParsedValue, i: number): string {
  return v.kind === "number" ? "" : v.parts[i].label;
}

/** The unit a value gives a label; for a label written twice, the last part's, as a lookup table keeps it. */
function unitFor(v: ParsedValue, label: string): UnitOf | null {
  if (v.kind === "number") return label === "" ? v : null;
  for (let i = v.parts.length - 1; i >= 0; i--) if (v.parts[i].label === label) return v.parts[i];
  return null;
}

/** The first part whose units cannot be compared, with the units as written. */
function firstUnitDifference(
  actual: ParsedValue,
  other: ParsedValue,
): { mine: string | null; theirs: string | null } | null {
  const n = unitCount(actual);
  if (n < 0 || unitCount(other) < 0) return null;
  for (let i = 0; i < n; i++) {
    const label = labelAt(actual, i);
    // A label written twice is looked at once, where it first appears.
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = labelAt(actual, j) === label;
    if (seen) continue;
    const unit = unitFor(actual, label);
    const theirs = unitFor(other, label);
    if (!unit || !theirs || unitsComparable(unit, theirs)) continue;
    return {
      mine: writtenUnit(unit.unit, unit.scale ?? 0) || null,
      theirs: writtenUnit(theirs.unit, theirs.scale ?? 0) || null,
    };
  }
  return null;
}

function sameMeasurement(a: ParsedValue, b: ParsedValue): boolean {
  if (!samePeriod(a.period, b.period)) return false;
  if (a.kind === "number" && b.kind === "number") return a.number === b.number && a.unit === b.unit;
  if (a.kind === "parts" && b.kind === "parts") {
    return (
      a.parts.length === b.parts.length &&
      a.parts.every(
        (p, i) =>
          p.label === b.parts[i].label && p.number === b.parts[i].number && p.unit === b.parts[i].unit,
      )
    );
  }
  return false;
}

/**
 * A percent value: written with %, or a bare number in a 割合 KPI. A bare number in a 率 KPI is not
 * assumed to be one (合計特殊出生率 is children per woman); 率 KPIs that are percents carry the %.
 */
function isPercentLike(row: CheckedRow, v: ParsedValue, unit: string | null): boolean {
  if (unit === "%") return true;
  return unit === null && v.kind !== "category" && /割合/.test(row.name);
}

function outOfPercentRange(row: CheckedRow, v: ParsedValue): boolean {
  const out = (n: number, unit: string | null) => isPercentLike(row, v, unit) && (n < 0 || n > 100);
  if (v.kind === "number") return v.number !== null && out(v.number, v.unit);
  if (v.kind === "parts") for (const p of v.parts) if (out(p.number, p.unit)) return true;
  return false;
}

/** What Excel shows for a date value ("8月8日"); an ISO date from a reader as "2023/8/8". */
function shownDate(v: ParsedValue): string {
  const t = normalizeValueText(v.raw);
  return isIsoDateText(t) ? isoDateForDisplay(t) : v.raw.trim();
}

function valueFindings(row: CheckedRow, out: Finding[]): void {
  for (const f of VALUE_FIELDS) {
    const v = row.values[f];
    if (!row.cells[f]) continue;
    if (v.kind === "error")
      out.push(finding("formula-error", row, f, { field: f, errorCode: v.errorCode ?? v.raw }));
    else if (v.kind === "invalid") out.push(finding("unparseable-value", row, f, { field: f, raw: v.raw }));
    else if (v.kind === "date") out.push(finding("date-value", row, f, { field: f, raw: shownDate(v) }));
    else if (outOfPercentRange(row, v))
      out.push(finding("percent-out-of-range", row, f, { field: f, raw: v.raw }));
    if (v.unitAssumed) {
      out.push(
        finding("unit-assumed", row, f, {
          field: f,
          raw: v.raw.trim(),
          unit: MULTIPLIER_WRITTEN.test(normalizeValueText(v.raw))
            ? (v.unit ?? "")
            : writtenUnit(v.unit, v.scale),
          unitFrom: v.unitAssumed,
        }),
      );
    }
  }
}

function actualFindings(row: CheckedRow, ctx: RuleContext, out: Finding[]): void {
  const { actual, target, previous } = row.values;
  if (row.cells.actual && actual.kind === "blank") {
    out.push(finding("missing-actual", row, "actual", { fiscalYear: ctx.fiscalYear }));
  }
  if (row.cells.actual && row.noStatus?.code === "actual-unusable" && row.noStatus.kind === "note") {
    out.push(finding("actual-is-note", row, "actual", { raw: actual.raw.trim() }));
  }
  for (const other of ["target", "baseline"] as ValueField[]) {
    const diff = firstUnitDifference(actual, row.values[other]);
    if (diff) {
      out.push(
        finding("unit-mismatch", row, "actual", {
          field: other,
          actualUnit: diff.mine ?? undefined,
          otherUnit: diff.theirs ?? undefined,
        }),
      );
      break;
    }
  }
  if (actual.period && target.period && !samePeriod(actual.period, target.period)) {
    out.push(
      finding("reference-year-mismatch", row, "actual", {
        actualPeriod: actual.period?.label,
        targetPeriod: target.period?.label,
      }),
    );
  }
  if (sameMeasurement(actual, previous)) {
    out.push(finding("unchanged-from-previous-year", row, "actual", { previous: previous.raw.trim() }));
  }
  const slip = row.cells.actual ? implausibleActual(row) : null;
  if (slip) out.push(finding("implausible-value", row, "actual", slip));
  const noteworthy = actual.qualifiers.length === 0 ? [] : actual.qualifiers.filter((q) => NOTEWORTHY.has(q));
  if (row.cells.actual && noteworthy.length > 0 && (actual.kind === "number" || actual.kind === "parts")) {
    out.push(
      finding("qualified-actual", row, "actual", {
        raw: actual.raw.trim(),
        qualifiers: noteworthy,
        remark: actual.remark ?? undefined,
      }),
    );
  }
}

function targetFindings(row: CheckedRow, ctx: RuleContext, out: Finding[]): void {
  const basis = row.targetBasis;
  if (basis?.kind === "interpolated") {
    out.push(
      finding("target-interpolated", row, row.cells.finalTarget ? "finalTarget" : "actual", {
        target: basis,
      }),
    );
  } else if (basis?.kind === "direction") {
    out.push(finding("direction-target", row, "target", { target: basis }));
  }
  const pending = row.cells.target !== undefined && isPendingTarget(row.values.target);
  if (row.cells.target && (NO_FIGURE.has(row.values.target.kind) || pending)) {
    out.push(
      finding("missing-target", row, "target", {
        fiscalYear: ctx.fiscalYear,
        raw: row.values.target.raw.trim(),
      }),
    );
  }
  const why = row.noStatus;
  if (
    why &&
    !pending &&
    (why.code === "category-target" || why.code === "part-missing" || why.code === "shape-differs")
  ) {
    out.push(finding("incomparable-values", row, "actual", { noStatus: why }));
  }
}

/** A label opening a block's text row: ≪成果と見直し≫, 【課題】, <分析>. */
const TEXT_ROW_LABEL = /^[\s\u3000]*[≪《【<＜[［][^≫》】>＞\]］]{0,15}[≫》】>＞\]］][\s\u3000]*/;

function statusFindings(row: CheckedRow, ctx: RuleContext, out: Finding[]): void {
  const statusText = cellText(row, "status");
  const statusIsError = isExcelError(row.cells.status?.cell.value ?? statusText);
  const scale = ctx.scale;
  const words: readonly string[] = scale ? levelNames(scale) : STATUS_WORDS;
  // computeProgress already recognised the word; anything else it kept is the text as typed.
  const entered = words.includes(row.enteredStatus ?? "") ? (row.enteredStatus as string) : null;
  // − on a city's scale: not evaluated, which is what a row with no computable status should say.
  const notEvaluated = scale !== undefined && isNotEvaluated(statusText, scale);
  if (row.cells.status && !statusIsError) {
    if (isBlankText(statusText)) {
      out.push(
        finding("missing-status", row, "status", {
          computed: row.computedStatus,
          rate: row.achievement,
          ...(scale ? { levels: levelNames(scale) } : {}),
        }),
      );
    } else if (!entered && !notEvaluated) {
      const suggested = scale ? null : probableStatus(statusText);
      out.push(
        finding("invalid-status", row, "status", {
          entered: statusText.trim(),
          ...(suggested ? { suggested } : {}),
          ...(scale ? { levels: levelNames(scale) } : {}),
        }),
      );
    }
  }
  if (entered && row.computedStatus && entered !== row.computedStatus) {
    out.push(
      finding("status-mismatch", row, "status", {
        entered,
        computed: row.computedStatus,
        rate: row.achievement,
        direction: row.direction,
      }),
    );
  }

  const effective = entered ?? row.computedStatus;
  const behind = needsReason(effective, scale);
  if (row.cells.reason) {
    const reasonText = cellText(row, "reason");
    const reason = reasonState(reasonText, ctx.reasonPlaceholders);
    if (behind && reason !== "given") {
      out.push(
        finding("missing-delay-reason", row, "reason", {
          computedFromRate: !entered,
          rate: row.achievement,
          ...(reason === "placeholder" ? { placeholder: true, entered: reasonText.trim() } : {}),
          ...(scale && effective ? { level: effective } : {}),
        }),
      );
    } else if (effective && !behind && reason === "given") {
      out.push(finding("unexpected-delay-reason", row, "reason", { entered: effective }));
    }
  } else if (row.cells.comment && behind) {
    // A block's text row (成果と見直し, 課題) is where such a sheet explains a delay: it must say something.
    // The row's own label (≪成果と見直し≫, 【課題】) is not what it says.
    const text = cellText(row, "comment").replace(TEXT_ROW_LABEL, "");
    const reason = reasonState(text, ctx.reasonPlaceholders);
    if (reason !== "given") {
      out.push(
        finding("missing-delay-reason", row, "comment", {
          computedFromRate: !entered,
          rate: row.achievement,
          ...(reason === "placeholder" ? { placeholder: true, entered: text.trim() } : {}),
          ...(effective ? { level: effective } : {}),
          field: "comment",
        }),
      );
    }
  }
}

/** Every finding for one row, in the order staff read the row (left to right). */
export function checkRow(row: CheckedRow, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const f of TEXT_FIELDS) {
    const c = row.cells[f]?.cell;
    if (c && isExcelError(c.value ?? c.text))
      out.push(finding("formula-error", row, f, { field: f, errorCode: String(c.value ?? c.text) }));
  }
  if (row.cells.activity && isBlankText(cellText(row, "activity")))
    out.push(finding("missing-activity-text", row, "activity"));
  valueFindings(row, out);
  actualFindings(row, ctx, out);
  targetFindings(row, ctx, out);
  statusFindings(row, ctx, out);
  if (row.cells.trend) {
    const t = trendFinding(row);
    if (t) out.push(t);
  }
  if (row.cells.department && row.department === null)
    out.push(finding("missing-department", row, "department"));
  return withUncalculatedFormulas(row, out);
}
