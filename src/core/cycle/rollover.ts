// Planning next year's sheet from this year's (domain.md, `kensho rollover`). Pure: the workbook's
// grids, layouts and rows in; the cells to write, the rows to insert and a change log out. The plan
// never removes a row or a cell: entries are emptied, values move, labels advance.
import type { SheetLayout } from "../model";
import { SheetView } from "../sheetView";
import { kpiNameKey, type KpiMasterEntry } from "../master/kpiMaster";
import type { RolloverOptions, RolloverPlan, RolloverSheet } from "./rolloverTypes";
import { firstYear as yearInLabel } from "../layout/yearForms";
import { RolloverDraft } from "./rolloverDraft";
import { advanceSheetLabels } from "./rolloverLabels";
import { rollRow, type RowContext } from "./rolloverRow";
import { addNewKpis } from "./rolloverNewKpis";

/** The master's entries by every name they go by (name and aliases), keyed as names compare. */
function masterIndex(master: readonly KpiMasterEntry[]): Map<string, KpiMasterEntry> {
  const map = new Map<string, KpiMasterEntry>();
  for (const e of master) for (const n of [e.name, ...e.aliases]) map.set(kpiNameKey(n), e);
  return map;
}

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

/**
 * Next year's sheet, as edits to this year's: year labels advance, each row rolls over (the
 * revision's successor, 前年度実績値 from 実績値, entries emptied, the year's target), then the KPIs
 * new to the strategy are inserted. The log lists every change at its row in the new workbook.
 */
export function planRollover(sheets: RolloverSheet[], opts: RolloverOptions): RolloverPlan {
  const { from, to } = opts;
  const draft = new RolloverDraft();
  const byName = masterIndex(opts.master);
  const present = new Set<string>();
  for (const s of sheets) for (const r of s.rows) present.add(kpiNameKey(r.name));
  const usedAsSuccessor = new Set<string>();

  for (const sheet of sheets) {
    const view = new SheetView(sheet.grid);
    advanceSheetLabels(draft, view, sheet, new Set([from, from - 1]), to - from);
    const ctx: RowContext = {
      sheet: sheet.layout.sheet,
      opts,
      byName,
      present,
      usedAsSuccessor,
      finalYear: finalYearOf(view, sheet.layout),
    };
    for (const row of sheet.rows) rollRow(draft, ctx, row);
  }
  addNewKpis(draft, sheets, opts, byName, (name) => present.has(name) || usedAsSuccessor.has(name));
  return { from, to, ...draft.finish() };
}
