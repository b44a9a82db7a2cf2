// One KPI row rolled over to next year: the revision's successor takes its place, 前年度実績値 takes
// this year's 実績値, the entries are emptied, and the year's target is cleared, kept or drawn on the
// line to the final target.
import type { VerificationRow } from "../model";
import { inForce, kpiNameKey, type KpiMasterEntry } from "../master/kpiMaster";
import { firstYear as yearInLabel } from "../layout/yearForms";
import type { PlannedValue } from "./cellValues";
import { ENTRY_FIELDS } from "./entryCells";
import { linearTarget } from "./linearTarget";
import type { RolloverOptions } from "./rolloverTypes";
import type { RolloverDraft } from "./rolloverDraft";

/** What every row of a sheet is rolled over with. */
export interface RowContext {
  sheet: string;
  opts: RolloverOptions;
  /** The master's entries by name key (name and aliases). */
  byName: ReadonlyMap<string, KpiMasterEntry>;
  /** Name keys of every row of the workbook. */
  present: ReadonlySet<string>;
  /** Name keys of successors already written over a row; filled in as rows are rolled over. */
  usedAsSuccessor: Set<string>;
  /** The plan's final year (最終目標値's), for the linear target. */
  finalYear: number;
}

const REPLACED_BY_SHEET = /「(.+?)」へ変更/;

function text(v: PlannedValue): string {
  return v.kind === "number" ? String(v.value) : v.kind === "text" ? v.value : "";
}

/**
 * The KPI taking this row's place next year: a KPI no longer in force gives way to its successor,
 * named by the master or by the sheet's own 最終目標値 sentence (「…」へ変更).
 */
function successorOf(
  row: VerificationRow,
  entry: KpiMasterEntry | null,
  ctx: RowContext,
): { successor: KpiMasterEntry | null; successorName: string | null } {
  const { to, master } = ctx.opts;
  let successor: KpiMasterEntry | null = null;
  let successorName: string | null = null;
  if (entry && !inForce(entry, to)) {
    successor = master.find((e) => e.id === entry.replacedBy) ?? null;
    successorName = successor?.name ?? null;
  }
  if (!successorName) {
    const final = row.cells.finalTarget?.cell;
    const m = REPLACED_BY_SHEET.exec(final?.text || String(final?.value ?? ""));
    const saysYear = m ? yearInLabel(final?.text || String(final?.value ?? "")) : null;
    if (m && (saysYear === null || saysYear <= to) && kpiNameKey(m[1]) !== kpiNameKey(row.name)) {
      successorName = m[1];
      successor = ctx.byName.get(kpiNameKey(m[1])) ?? null;
    }
  }
  if (successor && !inForce(successor, to)) successor = null;
  return { successor, successorName };
}

/** The successor's name in the KPI cell, and its 基準値 and 最終目標値 (blank when the master has none). */
function replaceKpi(
  draft: RolloverDraft,
  ctx: RowContext,
  row: VerificationRow,
  successor: KpiMasterEntry | null,
  successorName: string,
): void {
  const { sheet } = ctx;
  const c = row.cells;
  const r0 = row.row - 1;
  if (!c.kpi) return;
  ctx.usedAsSuccessor.add(kpiNameKey(successorName));
  draft.set(sheet, c.kpi.row, c.kpi.col, { kind: "text", value: successorName });
  draft.note({
    sheet,
    row0: r0,
    cell: c.kpi.address,
    kpi: successorName,
    code: "kpi-replaced",
    params: { before: row.name, after: successorName },
  });
  for (const f of ["baseline", "finalTarget"] as const) {
    const fc = c[f];
    if (!fc) continue;
    const v = successor ? successor[f] : "";
    draft.set(sheet, fc.row, fc.col, v ? { kind: "text", value: v } : { kind: "blank" });
    draft.note({
      sheet,
      row0: r0,
      cell: fc.address,
      kpi: successorName,
      code: "kpi-replaced",
      params: { field: f, before: row.values[f].raw, after: v },
    });
  }
}

/** Previous year ← this year's actual, as stored, with its number format; blank for a replaced KPI. */
function previousFromActual(
  draft: RolloverDraft,
  ctx: RowContext,
  row: VerificationRow,
  replacedBy: string | null,
) {
  const { sheet } = ctx;
  const { previous, actual } = row.cells;
  if (!previous || !actual) return;
  const r0 = row.row - 1;
  if (replacedBy !== null) {
    draft.set(sheet, previous.row, previous.col, { kind: "blank" });
    draft.note({
      sheet,
      row0: r0,
      cell: previous.address,
      kpi: replacedBy,
      code: "previous-from-actual",
      params: { before: row.values.previous.raw, after: "", reason: "replaced" },
    });
    return;
  }
  draft.set(
    sheet,
    previous.row,
    previous.col,
    { kind: "copy", row: actual.row, col: actual.col },
    { numberFormatFrom: { row: actual.row, col: actual.col } },
  );
  draft.note({
    sheet,
    row0: r0,
    cell: previous.address,
    kpi: row.name,
    code: "previous-from-actual",
    params: { before: row.values.previous.raw, after: row.values.actual.raw },
  });
}

/** Entries emptied: the cell, its style and its drop-down stay. */
function clearEntries(draft: RolloverDraft, ctx: RowContext, row: VerificationRow, kpi: string): void {
  for (const f of ENTRY_FIELDS) {
    const fc = row.cells[f];
    if (!fc) continue;
    const before = fc.cell.text || (fc.cell.value === null ? "" : String(fc.cell.value));
    if (before === "") continue;
    draft.set(ctx.sheet, fc.row, fc.col, { kind: "blank" });
    draft.note({
      sheet: ctx.sheet,
      row0: row.row - 1,
      cell: fc.address,
      kpi,
      code: "entry-cleared",
      params: { field: f, before },
    });
  }
}

/** The year's target: kept, cleared, or (linear) on the line from this year's actual to the final target. */
function nextTarget(
  draft: RolloverDraft,
  ctx: RowContext,
  row: VerificationRow,
  replaced: boolean,
  kpi: string,
) {
  const { opts, sheet } = ctx;
  const t = row.cells.target;
  if (!t || (opts.targets === "keep" && !replaced)) return;
  const before = row.values.target.raw;
  let planned: PlannedValue = { kind: "blank" };
  let reason: string | undefined = replaced ? "replaced" : undefined;
  if (opts.targets === "linear" && !replaced) {
    const final = row.values.finalTarget;
    const lt = linearTarget(
      row.values.actual,
      final,
      opts.from,
      ctx.finalYear,
      typeof t.cell.value === "number",
      typeof t.cell.value === "number" ? t.cell.value : null,
    );
    if (lt.ok)
      planned = lt.text === null ? { kind: "number", value: lt.number } : { kind: "text", value: lt.text };
    else if (lt.reason === "category" && final.kind === "category")
      planned = { kind: "text", value: final.raw };
    else reason = lt.reason;
  }
  if (planned.kind === "blank" && before === "") return;
  draft.set(sheet, t.row, t.col, planned);
  const code =
    planned.kind !== "blank"
      ? "target-linear"
      : opts.targets === "linear" && !replaced
        ? "target-not-computed"
        : "target-cleared";
  draft.note({
    sheet,
    row0: row.row - 1,
    cell: t.address,
    kpi,
    code,
    params: { before, after: text(planned), reason },
  });
}

/** Plans every change to one row for next year, in the order its cells are read. */
export function rollRow(draft: RolloverDraft, ctx: RowContext, row: VerificationRow): void {
  const entry = ctx.byName.get(kpiNameKey(row.name)) ?? null;
  const { successor, successorName } = successorOf(row, entry, ctx);
  // A successor already on the sheet (in its own row) replaces nothing.
  const replacement =
    successorName !== null && !ctx.present.has(kpiNameKey(successorName)) ? successorName : null;
  if (entry && !inForce(entry, ctx.opts.to) && replacement === null)
    draft.note({
      sheet: ctx.sheet,
      row0: row.row - 1,
      cell: row.cells.kpi?.address ?? null,
      kpi: row.name,
      code: "kpi-not-in-force",
      params: { name: row.name },
    });
  if (replacement !== null) replaceKpi(draft, ctx, row, successor, replacement);
  previousFromActual(draft, ctx, row, replacement);
  clearEntries(draft, ctx, row, replacement ?? row.name);
  nextTarget(draft, ctx, row, replacement !== null, replacement ?? row.name);
}
