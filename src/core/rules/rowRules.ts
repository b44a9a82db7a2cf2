import type { CheckedRow, FieldKey, Finding, ParsedValue, StatusWord, ValueField } from "../model";
import { STATUS_WORDS, VALUE_FIELDS } from "../model";
import { displayText, isBlankText, isDash } from "../text";
import { excelErrorCode } from "../values/excelErrors";
import { finding } from "./findingFactory";
import { withUncalculatedFormulas } from "./formulaRules";

function isExcelError(value: unknown): boolean {
  return typeof value === "string" && excelErrorCode(value.trim()) !== null;
}

export interface RuleContext {
  fiscalYear: string | null;
}

const TEXT_FIELDS: FieldKey[] = ["kpi", "activity", "status", "reason", "department"];

function cellText(row: CheckedRow, field: FieldKey): string {
  return displayText(row.cells[field]?.cell);
}

function periodKey(v: ParsedValue): string | null {
  return v.period ? `${v.period.year}${v.period.fiscal ? "FY" : "CY"}` : null;
}

/** Units of a value by part label ("" for a single number). */
function unitsOf(v: ParsedValue): Map<string, string | null> | null {
  if (v.kind === "number") return new Map([["", v.unit]]);
  if (v.kind === "parts") return new Map(v.parts.map((p) => [p.label, p.unit]));
  return null;
}

function firstUnitDifference(
  actual: ParsedValue,
  other: ParsedValue,
): { mine: string | null; theirs: string | null } | null {
  const a = unitsOf(actual);
  const o = unitsOf(other);
  if (!a || !o) return null;
  for (const [label, unit] of a) {
    if (!o.has(label)) continue;
    const theirs = o.get(label) ?? null;
    if ((unit ?? null) !== theirs) return { mine: unit ?? null, theirs };
  }
  return null;
}

function sameMeasurement(a: ParsedValue, b: ParsedValue): boolean {
  if (periodKey(a) !== periodKey(b)) return false;
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
  const nums =
    v.kind === "number" && v.number !== null
      ? [{ n: v.number, unit: v.unit }]
      : v.kind === "parts"
        ? v.parts.map((p) => ({ n: p.number, unit: p.unit }))
        : [];
  return nums.some(({ n, unit }) => isPercentLike(row, v, unit) && (n < 0 || n > 100));
}

function reasonGiven(row: CheckedRow): boolean {
  const t = cellText(row, "reason");
  return !isBlankText(t) && !isDash(t);
}

/** Every finding for one row, in the order staff read the row (left to right). */
export function checkRow(row: CheckedRow, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const values = row.values;

  for (const f of TEXT_FIELDS) {
    const c = row.cells[f]?.cell;
    if (c && isExcelError(c.value ?? c.text))
      out.push(finding("formula-error", row, f, { field: f, errorCode: String(c.value ?? c.text) }));
  }
  if (row.cells.activity && isBlankText(cellText(row, "activity")))
    out.push(finding("missing-activity-text", row, "activity"));

  for (const f of VALUE_FIELDS) {
    const v = values[f];
    if (!row.cells[f]) continue;
    if (v.kind === "error")
      out.push(finding("formula-error", row, f, { field: f, errorCode: v.errorCode ?? v.raw }));
    else if (v.kind === "invalid") out.push(finding("unparseable-value", row, f, { field: f, raw: v.raw }));
    else if (outOfPercentRange(row, v))
      out.push(finding("percent-out-of-range", row, f, { field: f, raw: v.raw }));
  }

  const actual = values.actual;
  if (row.cells.actual && actual.kind === "blank") {
    out.push(finding("missing-actual", row, "actual", { fiscalYear: ctx.fiscalYear }));
  }
  for (const other of ["target", "baseline"] as ValueField[]) {
    const diff = firstUnitDifference(actual, values[other]);
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
  const ap = periodKey(actual);
  const tp = periodKey(values.target);
  if (ap && tp && ap !== tp) {
    out.push(
      finding("reference-year-mismatch", row, "actual", {
        actualPeriod: actual.period?.label,
        targetPeriod: values.target.period?.label,
      }),
    );
  }
  if (sameMeasurement(actual, values.previous)) {
    out.push(
      finding("unchanged-from-previous-year", row, "actual", { previous: values.previous.raw.trim() }),
    );
  }

  const statusText = cellText(row, "status");
  const statusIsError = isExcelError(row.cells.status?.cell.value ?? statusText);
  // computeProgress already recognised the word; anything else it kept is the text as typed.
  const entered = (STATUS_WORDS as readonly string[]).includes(row.enteredStatus ?? "")
    ? (row.enteredStatus as StatusWord)
    : null;
  if (row.cells.status && !statusIsError) {
    if (isBlankText(statusText)) {
      out.push(
        finding("missing-status", row, "status", { computed: row.computedStatus, rate: row.achievement }),
      );
    } else if (!entered) {
      out.push(finding("invalid-status", row, "status", { entered: statusText.trim() }));
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
  if (row.cells.reason) {
    if (effective === "進捗の遅れ" && !reasonGiven(row)) {
      out.push(
        finding("missing-delay-reason", row, "reason", { computedFromRate: !entered, rate: row.achievement }),
      );
    } else if (effective && effective !== "進捗の遅れ" && reasonGiven(row)) {
      out.push(finding("unexpected-delay-reason", row, "reason", { entered: effective }));
    }
  }
  if (row.cells.department && row.department === null)
    out.push(finding("missing-department", row, "department"));
  return withUncalculatedFormulas(row, out);
}
