// Planning next year's sheet from this year's (domain.md, `kensho rollover`). Pure: the workbook's
// grids, layouts and rows in; the cells to write, the rows to insert and a change log out. The plan
// never removes a row or a cell: entries are emptied, values move, labels advance.
import type { FieldKey, SheetGrid, SheetLayout, VerificationRow } from "../model";
import { SheetView } from "../sheetView";
import { inForce, kpiNameKey, type KpiMasterEntry } from "../master/kpiMaster";
import { ENTRY_FIELDS, blockOf } from "./entryCells";
import type { PlannedValue } from "./cellValues";
import { advanceYears, fiscalYearName } from "./yearLabels";
import { linearTarget } from "./linearTarget";
import { yearInLabel } from "../layout/headerLabels";

export type TargetPolicy = "blank" | "keep" | "linear";
export const TARGET_POLICIES: readonly TargetPolicy[] = ["blank", "keep", "linear"];

export interface RolloverSheet {
  grid: SheetGrid;
  layout: SheetLayout;
  rows: VerificationRow[];
}

export interface RolloverOptions {
  /** Gregorian fiscal years: this year's sheet and the new one (from + 1). */
  from: number;
  to: number;
  targets: TargetPolicy;
  master: readonly KpiMasterEntry[];
}

export interface PlannedCell {
  sheet: string;
  /** 0-based, original coordinates. */
  row: number;
  col: number;
  value: PlannedValue;
  /** Give the cell the number format of this cell (same sheet, original coordinates). */
  numberFormatFrom?: { row: number; col: number };
}

export interface PlannedRow {
  sheet: string;
  /** Inserted after this 0-based original row, formatted like it. */
  after: number;
  cells: Array<{ col: number; value: PlannedValue }>;
}

export type ChangeCode =
  | "year-label"
  | "previous-from-actual"
  | "entry-cleared"
  | "target-cleared"
  | "target-linear"
  | "target-not-computed"
  | "kpi-replaced"
  | "kpi-added"
  | "kpi-not-in-force"
  | "kpi-not-added";

export interface ChangeLogEntry {
  sheet: string;
  /** 1-based row in the new workbook; null for a change not on a row. */
  row: number | null;
  cell: string | null;
  kpi: string | null;
  code: ChangeCode;
  /** Facts the edges render: old and new text, the field, the reason. */
  params: {
    field?: FieldKey;
    before?: string;
    after?: string;
    reason?: string;
    name?: string;
    department?: string;
    departmentInherited?: boolean;
  };
}

export interface RolloverPlan {
  from: number;
  to: number;
  cells: PlannedCell[];
  insertions: PlannedRow[];
  log: ChangeLogEntry[];
}

const a1 = (row: number, col: number): string => {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
};

function text(v: PlannedValue): string {
  return v.kind === "number" ? String(v.value) : v.kind === "text" ? v.value : "";
}

function masterIndex(master: readonly KpiMasterEntry[]): Map<string, KpiMasterEntry> {
  const map = new Map<string, KpiMasterEntry>();
  for (const e of master) for (const n of [e.name, ...e.aliases]) map.set(kpiNameKey(n), e);
  return map;
}

const REPLACED_BY_SHEET = /「(.+?)」へ変更/;

/** The final target's year from its header ("計画最終年度 目標値 (令和9年度)"), else 令和9年度. */
function finalYearOf(view: SheetView, layout: SheetLayout): number {
  for (const b of layout.blocks) {
    const col = b.columns.finalTarget?.[0];
    if (col === undefined) continue;
    for (const r of b.headerRows) {
      const y = yearInLabel(view.text(r, col));
      if (y !== null) return y;
    }
  }
  return 2027;
}

export function planRollover(sheets: RolloverSheet[], opts: RolloverOptions): RolloverPlan {
  const { from, to } = opts;
  const cells: PlannedCell[] = [];
  const insertions: PlannedRow[] = [];
  const log: Array<ChangeLogEntry & { row0: number | null }> = [];
  const byName = masterIndex(opts.master);
  const years = new Set([from, from - 1]);
  const set = (
    sheet: string,
    row: number,
    col: number,
    value: PlannedValue,
    extra: Partial<PlannedCell> = {},
  ) => cells.push({ sheet, row, col, value, ...extra });
  const note = (e: Omit<ChangeLogEntry, "row"> & { row0: number | null }) => log.push({ ...e, row: null });

  const present = new Set<string>();
  for (const s of sheets) for (const r of s.rows) present.add(kpiNameKey(r.name));
  const usedAsSuccessor = new Set<string>();

  for (const { grid, layout, rows } of sheets) {
    const view = new SheetView(grid);
    const sheet = layout.sheet;
    const dataRows = new Set(rows.map((r) => r.row - 1));
    const headerRows = new Set(layout.blocks.flatMap((b) => b.headerRows));

    // Year labels in the title, notes and headers (never in 基準値 or 最終目標値 headers).
    for (const cell of grid.cells) {
      if (dataRows.has(cell.row) || typeof cell.value !== "string") continue;
      if (headerRows.has(cell.row)) {
        const block = layout.blocks.find((b) => b.headerRows.includes(cell.row));
        const fields = Object.entries(block?.columns ?? {})
          .filter(
            ([, cols]) =>
              cols?.includes(cell.col) ||
              (view.mergeAt(cell.row, cell.col) &&
                cols?.some((c) => c >= cell.col && c <= view.mergeAt(cell.row, cell.col)!.right)),
          )
          .map(([f]) => f);
        if (fields.length > 0 && fields.every((f) => f === "baseline" || f === "finalTarget")) continue;
      }
      const next = advanceYears(cell.value, years, to - from);
      if (next === cell.value) continue;
      set(sheet, cell.row, cell.col, { kind: "text", value: next });
      note({
        sheet,
        row0: cell.row,
        cell: a1(cell.row, cell.col),
        kpi: null,
        code: "year-label",
        params: { before: cell.value, after: next },
      });
    }

    const finalYear = finalYearOf(view, layout);
    for (const row of rows) {
      const r0 = row.row - 1;
      const c = row.cells;
      const entry = byName.get(kpiNameKey(row.name)) ?? null;
      // The revision: a KPI no longer in force gives way to its successor, named by the master
      // or by the sheet's own 最終目標値 sentence.
      let successor: KpiMasterEntry | null = null;
      let successorName: string | null = null;
      if (entry && !inForce(entry, to)) {
        successor = opts.master.find((e) => e.id === entry.replacedBy) ?? null;
        successorName = successor?.name ?? null;
      }
      if (!successorName) {
        const m = REPLACED_BY_SHEET.exec(c.finalTarget?.cell.text || String(c.finalTarget?.cell.value ?? ""));
        const saysYear = m
          ? yearInLabel(c.finalTarget?.cell.text || String(c.finalTarget?.cell.value ?? ""))
          : null;
        if (m && (saysYear === null || saysYear <= to) && kpiNameKey(m[1]) !== kpiNameKey(row.name)) {
          successorName = m[1];
          successor = byName.get(kpiNameKey(m[1])) ?? null;
        }
      }
      if (successor && !inForce(successor, to)) successor = null;
      const replaced = successorName !== null && !present.has(kpiNameKey(successorName));
      if (entry && !inForce(entry, to) && !replaced)
        note({
          sheet,
          row0: r0,
          cell: c.kpi?.address ?? null,
          kpi: row.name,
          code: "kpi-not-in-force",
          params: { name: row.name },
        });

      if (replaced && c.kpi) {
        usedAsSuccessor.add(kpiNameKey(successorName!));
        set(sheet, c.kpi.row, c.kpi.col, { kind: "text", value: successorName! });
        note({
          sheet,
          row0: r0,
          cell: c.kpi.address,
          kpi: successorName,
          code: "kpi-replaced",
          params: { before: row.name, after: successorName! },
        });
        for (const f of ["baseline", "finalTarget"] as const) {
          const fc = c[f];
          if (!fc) continue;
          const v = successor ? successor[f] : "";
          set(sheet, fc.row, fc.col, v ? { kind: "text", value: v } : { kind: "blank" });
          note({
            sheet,
            row0: r0,
            cell: fc.address,
            kpi: successorName,
            code: "kpi-replaced",
            params: { field: f, before: row.values[f].raw, after: v },
          });
        }
      }

      // Previous year ← this year's actual, as stored, with its number format.
      if (c.previous && c.actual) {
        if (replaced) {
          set(sheet, c.previous.row, c.previous.col, { kind: "blank" });
          note({
            sheet,
            row0: r0,
            cell: c.previous.address,
            kpi: successorName,
            code: "previous-from-actual",
            params: { before: row.values.previous.raw, after: "", reason: "replaced" },
          });
        } else {
          set(
            sheet,
            c.previous.row,
            c.previous.col,
            { kind: "copy", row: c.actual.row, col: c.actual.col },
            { numberFormatFrom: { row: c.actual.row, col: c.actual.col } },
          );
          note({
            sheet,
            row0: r0,
            cell: c.previous.address,
            kpi: row.name,
            code: "previous-from-actual",
            params: { before: row.values.previous.raw, after: row.values.actual.raw },
          });
        }
      }

      // Entries emptied: the cell, its style and its drop-down stay.
      for (const f of ENTRY_FIELDS) {
        const fc = c[f];
        if (!fc) continue;
        const before = fc.cell.text || (fc.cell.value === null ? "" : String(fc.cell.value));
        if (before === "") continue;
        set(sheet, fc.row, fc.col, { kind: "blank" });
        note({
          sheet,
          row0: r0,
          cell: fc.address,
          kpi: replaced ? successorName : row.name,
          code: "entry-cleared",
          params: { field: f, before },
        });
      }

      // The year's target.
      const t = c.target;
      if (t && (opts.targets !== "keep" || replaced)) {
        const before = row.values.target.raw;
        let planned: PlannedValue = { kind: "blank" };
        let reason: string | undefined = replaced ? "replaced" : undefined;
        if (opts.targets === "linear" && !replaced) {
          const final = row.values.finalTarget;
          const lt = linearTarget(
            row.values.actual,
            final,
            from,
            finalYear,
            typeof t.cell.value === "number",
            typeof t.cell.value === "number" ? t.cell.value : null,
          );
          if (lt.ok)
            planned =
              lt.text === null ? { kind: "number", value: lt.number } : { kind: "text", value: lt.text };
          else if (lt.reason === "category" && final.kind === "category")
            planned = { kind: "text", value: final.raw };
          else reason = lt.reason;
        }
        if (planned.kind !== "blank" || before !== "") {
          set(sheet, t.row, t.col, planned);
          const code =
            planned.kind !== "blank"
              ? "target-linear"
              : opts.targets === "linear" && !replaced
                ? "target-not-computed"
                : "target-cleared";
          note({
            sheet,
            row0: r0,
            cell: t.address,
            kpi: replaced ? successorName : row.name,
            code,
            params: { before, after: text(planned), reason },
          });
        }
      }
    }
  }

  // KPIs new to the strategy in the new year, added in their 施策's block after the KPI before them.
  const order = new Map(opts.master.map((e, i) => [e.id, i]));
  for (const e of opts.master) {
    if (!inForce(e, to) || inForce(e, from) || e.kind !== "KPI") continue;
    if (present.has(kpiNameKey(e.name)) || usedAsSuccessor.has(kpiNameKey(e.name))) continue;
    if (opts.master.some((o) => o.replacedBy === e.id)) continue; // a successor whose predecessor is absent
    let anchor: { sheet: RolloverSheet; row: VerificationRow; at: number } | null = null;
    for (const s of sheets) {
      for (const r of s.rows) {
        const re = byName.get(kpiNameKey(r.name));
        if (!re || re.kind !== "KPI" || re.subGoal !== e.subGoal || re.measure !== e.measure) continue;
        const at = order.get(re.id)!;
        if (at < order.get(e.id)! && (!anchor || at > anchor.at)) anchor = { sheet: s, row: r, at };
      }
    }
    if (!anchor) {
      note({
        sheet: "",
        row0: null,
        cell: null,
        kpi: e.name,
        code: "kpi-not-added",
        params: { name: e.name, reason: "no-block" },
      });
      continue;
    }
    const { sheet: s, row } = anchor;
    const block = blockOf(s.layout, row.row - 1);
    const cols = block?.columns ?? {};
    const department = (e as KpiMasterEntry & { department?: string }).department ?? row.department ?? "";
    const inherited = !(e as KpiMasterEntry & { department?: string }).department;
    const values: Array<{ col: number; value: PlannedValue }> = [];
    const put = (f: FieldKey, v: string) => {
      const col = cols[f]?.[0];
      if (col !== undefined && v !== "") values.push({ col, value: { kind: "text", value: v } });
    };
    put("kpi", e.name);
    put("baseline", e.baseline);
    put("finalTarget", e.finalTarget);
    put("department", department);
    insertions.push({ sheet: s.layout.sheet, after: row.row - 1, cells: values });
    note({
      sheet: s.layout.sheet,
      row0: row.row - 1,
      cell: null,
      kpi: e.name,
      code: "kpi-added",
      params: {
        name: e.name,
        department,
        departmentInherited: inherited,
        reason: fiscalYearName(e.inForceFrom),
      },
    });
  }

  // Rows in the log as they are in the new workbook.
  const finalRow = (sheet: string, row0: number, inserted: boolean): number => {
    const above = insertions.filter(
      (i) => i.sheet === sheet && (i.after < row0 || (inserted && i.after === row0)),
    ).length;
    return row0 + above + 1;
  };
  const entries: ChangeLogEntry[] = log.map(({ row0, ...e }) => {
    if (row0 === null) return { ...e, row: null };
    const inserted = e.code === "kpi-added";
    const row = finalRow(e.sheet, row0, inserted);
    const cell = e.cell ? e.cell.replace(/\d+$/, String(row)) : null;
    return { ...e, row, cell };
  });
  return { from, to, cells, insertions, log: entries };
}
