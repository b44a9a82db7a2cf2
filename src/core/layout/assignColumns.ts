// Which field each column of a header is. Only the header decides: its meaning, and for 実績値 and
// 目標値 its year against the sheet's fiscal year. Column order carries no meaning; position is a
// fallback for a header that says nothing, and it is reported. Two columns claiming one field stop
// the check: kensho never picks one silently.
import { columnLetters } from "../address";
import type { ColumnBasis, ColumnMap, ColumnReading, FieldKey, LayoutConflict, NamedColumn } from "../model";
import { fiscalYearLabel, withoutYears } from "./yearForms";
import type { HeaderSegment } from "./composeHeader";
import { headerMeaning, isLabelText } from "./headerLabels";

/** The order the FY2023 sheet puts fields in: used only to place a column whose header says nothing. */
export const FIELD_ORDER: readonly FieldKey[] = [
  "goal",
  "subGoal",
  "measure",
  "kpi",
  "activity",
  "baseline",
  "previous",
  "actual",
  "target",
  "finalTarget",
  "status",
  "reason",
  "department",
];

/** A blank header column read as part of its left neighbour spans at most this many columns. */
const MAX_JOINED_COLUMNS = 3;

/** Adjacent segments labelled alike, read as one column (a 施策 over two columns, ①②③ over three). */
interface Unit {
  segments: HeaderSegment[];
  cols: number[];
  header: string;
  meaning: HeaderSegment["meaning"];
  year: number | null;
  relative: HeaderSegment["relative"];
  field: FieldKey | null;
  basis: ColumnBasis;
}

export interface Assignment {
  readings: ColumnReading[];
  columns: ColumnMap;
  conflict: LayoutConflict | null;
}

/** "H", or "C:D" for a column spanning several. */
export function columnName(cols: number[]): string {
  const first = columnLetters(cols[0]);
  return cols.length === 1 ? first : `${first}:${columnLetters(cols[cols.length - 1])}`;
}

const named = (u: Unit): NamedColumn => ({ column: columnName(u.cols), header: u.header });

/** Two neighbours are one column when one merged label with that meaning spans both, or the field is written over several. */
function sameColumn(a: Unit, b: HeaderSegment): boolean {
  if (a.meaning === null || a.meaning === "remarks" || a.meaning !== b.meaning) return false;
  if (a.year !== b.year || a.relative !== b.relative) return false;
  if (a.cols[a.cols.length - 1] + 1 !== b.cols[0]) return false;
  // The 施策 may take two columns (数値目標 / 具体的な施策), the ①②③ text three (① / ② / ③).
  if (a.meaning === "measure" || a.meaning === "activity") return true;
  const last = a.segments[a.segments.length - 1];
  // The shared label must itself say the field: a year band over two 実績値 is no reason to join them.
  return last.parts.some(
    (p) =>
      b.parts.includes(p) &&
      p.left <= last.cols[0] &&
      p.right >= b.cols[0] &&
      headerMeaning(p.text) === a.meaning,
  );
}

function unitsOf(segments: HeaderSegment[]): Unit[] {
  const units: Unit[] = [];
  for (const s of segments) {
    const prev = units[units.length - 1];
    if (prev && sameColumn(prev, s)) {
      prev.segments.push(s);
      prev.cols.push(...s.cols);
      const parts = [...new Set(prev.segments.flatMap((x) => x.parts))];
      prev.header = parts.map((p) => p.text.replace(/\s+/g, " ").trim()).join(" ");
      continue;
    }
    units.push({
      segments: [s],
      cols: [...s.cols],
      header: s.header,
      meaning: s.meaning,
      year: s.year,
      relative: s.relative,
      field: null,
      basis: "ignored",
    });
  }
  return units;
}

/** A header that says nothing about its field: blank, or a year and filler words alone. */
function saysNothing(u: Unit): boolean {
  return u.meaning === null && (u.header === "" || isLabelText(u.header) || withoutYears(u.header) === "");
}

class Conflict extends Error {
  constructor(
    readonly kind: LayoutConflict["kind"],
    readonly field: FieldKey,
    readonly units: Unit[],
  ) {
    super(kind);
  }
}

function assign(u: Unit, field: FieldKey | null, basis: ColumnBasis): void {
  u.field = field;
  u.basis = basis;
}

/** 実績値 columns: this year's and last year's by their years; an older year's is not read. */
function assignActuals(units: Unit[], fy: number | null): void {
  const unspecified: Unit[] = [];
  for (const u of units) {
    if (u.relative === "previous") assign(u, "previous", "relative");
    else if (u.relative === "current") assign(u, "actual", "relative");
    else if (u.year !== null && fy !== null) {
      if (u.year === fy) assign(u, "actual", "year");
      else if (u.year === fy - 1) assign(u, "previous", "year");
      else assign(u, null, "other-year");
    } else unspecified.push(u);
  }
  const actual = units.filter((u) => u.field === "actual");
  if (unspecified.length === 1 && actual.length === 0) {
    assign(unspecified[0], "actual", units.length === 1 ? "label" : "unqualified");
  } else if (unspecified.length > 0) {
    throw new Conflict("same-field", "actual", [...actual, ...unspecified]);
  }
  for (const field of ["actual", "previous"] as const) {
    const claims = units.filter((u) => u.field === field);
    if (claims.length > 1) throw new Conflict("same-field", field, claims);
  }
}

/** 目標値 columns: the fiscal year's; a plan's other years are not read. */
function assignTargets(units: Unit[], fy: number | null): void {
  const unspecified: Unit[] = [];
  const current: Unit[] = [];
  for (const u of units) {
    if (u.relative === "previous") assign(u, null, "other-year");
    else if (u.relative === "current") current.push(u);
    else if (u.year !== null && fy !== null) {
      if (u.year === fy) current.push(u);
      else assign(u, null, "other-year");
    } else unspecified.push(u);
  }
  if (current.length + unspecified.length > 1)
    throw new Conflict("same-field", "target", [...current, ...unspecified]);
  if (current.length === 1) assign(current[0], "target", current[0].relative ? "relative" : "year");
  else if (unspecified.length === 1)
    assign(unspecified[0], "target", units.length === 1 ? "label" : "unqualified");
}

/** Any other field named twice: the fiscal year's, when the headers' years tell them apart. */
function assignByLabel(field: FieldKey, units: Unit[], fy: number | null): void {
  if (units.length === 1) return assign(units[0], field, "label");
  const current = units.filter((u) => u.relative === "current" || (fy !== null && u.year === fy));
  const others = units.filter((u) => !current.includes(u));
  const othersDated = others.every((u) => u.relative === "previous" || (u.year !== null && u.year !== fy));
  if (fy === null || current.length !== 1 || !othersDated) throw new Conflict("same-field", field, units);
  assign(current[0], field, current[0].relative ? "relative" : "year");
  for (const u of others) assign(u, null, "other-year");
}

/** Words still undecided between two fields (the conflict names them): not read. */
const TWO_MEANINGS = new Set<string>(["baselineOrActual", "kpiOrTarget", "targetOrActual"]);

/**
 * No 最終目標 column: a 目標値 dated after the fiscal year is the plan's final target (目標値 (H31)
 * on a 平成27年度 sheet). The latest one when several are; never when a final target is named.
 */
function finalTargetByYear(units: Unit[], fy: number | null): void {
  if (fy === null || units.some((u) => u.field === "finalTarget" || u.meaning === "finalTarget")) return;
  const later = units.filter((u) => u.meaning === "target" && u.basis === "other-year" && (u.year ?? 0) > fy);
  if (later.length === 0) return;
  const last = later.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a));
  if (later.filter((u) => u.year === last.year).length === 1) assign(last, "finalTarget", "year");
}

/** A field no header names takes the one blank-headed column between its neighbours in the usual order. */
function placeByPosition(units: Unit[]): void {
  const colsOf = (f: FieldKey) => units.find((u) => u.field === f)?.cols;
  for (const [i, field] of FIELD_ORDER.entries()) {
    if (colsOf(field)) continue;
    const before = FIELD_ORDER.slice(0, i)
      .reverse()
      .map(colsOf)
      .find((c) => c !== undefined);
    const after = FIELD_ORDER.slice(i + 1)
      .map(colsOf)
      .find((c) => c !== undefined);
    const lo = before ? before[before.length - 1] : -1;
    const hi = after ? after[0] : Infinity;
    const room = units.filter(
      (u) =>
        u.field === null &&
        u.basis === "ignored" &&
        saysNothing(u) &&
        u.cols[0] > lo &&
        u.cols[u.cols.length - 1] < hi,
    );
    if (room.length === 1 && (before || after)) assign(room[0], field, "position");
  }
}

/** Blank header columns right of a labelled one are read with it (a 施策 written over two columns). */
function joinBlankColumns(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    const joinable =
      prev !== undefined &&
      prev.field !== null &&
      u.field === null &&
      u.header === "" &&
      prev.cols[prev.cols.length - 1] + 1 === u.cols[0] &&
      u.cols.length + prev.segments.filter((s) => s.header === "").reduce((n, s) => n + s.cols.length, 0) <=
        MAX_JOINED_COLUMNS;
    if (joinable) {
      prev.segments.push(...u.segments);
      prev.cols.push(...u.cols);
      if (prev.basis === "label") prev.basis = "joined";
      continue;
    }
    out.push(u);
  }
  return out;
}

/** Maps a header's segments to fields for a fiscal year (null when no source names one). */
export function assignColumns(segments: HeaderSegment[], fy: number | null, headerRow: number): Assignment {
  let units = unitsOf(segments);
  const clashes: Conflict[] = [];
  /** Each field is settled on its own, so that a clash in one still shows how the others read. */
  const settle = (step: () => void) => {
    try {
      step();
    } catch (err) {
      if (!(err instanceof Conflict)) throw err;
      clashes.push(err);
      // Show what each column claims, so the explanation points at the clash.
      for (const u of err.units) if (u.field === null) assign(u, err.field, "label");
    }
  };
  const byMeaning = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.meaning === null || u.meaning === "remarks" || TWO_MEANINGS.has(u.meaning)) continue;
    byMeaning.set(u.meaning, [...(byMeaning.get(u.meaning) ?? []), u]);
  }
  for (const [meaning, group] of byMeaning) {
    settle(() => {
      if (meaning === "actualOrPrevious") assignActuals(group, fy);
      else if (meaning === "target") assignTargets(group, fy);
      else assignByLabel(meaning as FieldKey, group, fy);
    });
  }
  if (clashes.length === 0) placeByPosition(units);
  finalTargetByYear(units, fy);
  // Dated 実績値 or 目標値 columns, none of them the fiscal year's, and no blank one in its place.
  for (const [field, meaning] of [
    ["actual", "actualOrPrevious"],
    ["target", "target"],
  ] as const) {
    const dated = units.filter((u) => u.meaning === meaning);
    // No target for the year beside a baseline and a final target: the straight line stands in.
    const lineStandsIn =
      field === "target" &&
      units.some((u) => u.field === "finalTarget") &&
      units.some((u) => u.field === "baseline");
    if (dated.length > 0 && !lineStandsIn && !units.some((u) => u.field === field)) {
      clashes.push(new Conflict("year-column-missing", field, dated));
    }
  }
  units = joinBlankColumns(units);
  const first = clashes[0];
  const conflict: LayoutConflict | null = first
    ? {
        kind: first.kind,
        field: first.field,
        columns: first.units.map(named),
        headerRow: headerRow + 1,
        fiscalYear: fy === null ? null : fiscalYearLabel(fy),
      }
    : null;
  const columns: ColumnMap = {};
  for (const u of units) {
    if (u.field === null) continue;
    columns[u.field] = [...(columns[u.field] ?? []), ...u.cols].sort((a, b) => a - b);
  }
  const readings: ColumnReading[] = units.map((u) => {
    const reading: ColumnReading = {
      cols: u.cols,
      header: u.header,
      field: u.field,
      basis: u.field === null && u.basis !== "other-year" ? "ignored" : u.basis,
      year: u.year,
    };
    if (u.segments.some((s) => s.fromProfile)) reading.fromProfile = true;
    return reading;
  });
  return { readings, columns, conflict };
}
