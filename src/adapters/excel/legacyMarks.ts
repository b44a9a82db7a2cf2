// Earlier versions' marks (core/flags/legacy.ts): fills painted over cells, their originals in the
// flag record. Cleared once: each recorded cell's fill is read (one request per recorded cell, in a
// batch the read makes anyway when there is such a record), and the recorded original goes back only
// where kensho's colour still shows. The record then keeps no flags; its undo steps stay as they are.
/* global Excel */
import { cellKey, planLegacyRestore, type FlagRecord, type LegacyPlan } from "../../core/flags";
import { fillOf, fullFills, rangeFillProps, writeFill } from "./fillIo";
import type { HostSupport } from "./workbookHost";

/** The fills of the recorded cells on sheets that still exist; after the sync, the plan. */
export function queueLegacyFills(
  ctx: Excel.RequestContext,
  flags: FlagRecord[],
  sheets: ReadonlySet<string>,
  support: HostSupport,
): () => LegacyPlan {
  const full = fullFills(support);
  const fills = new Map<string, Excel.RangeFill>();
  for (const f of flags) {
    if (!f.painted || !sheets.has(f.sheet)) continue;
    const key = cellKey(f.sheet, f.cell);
    if (fills.has(key)) continue;
    fills.set(
      key,
      ctx.workbook.worksheets.getItem(f.sheet).getRange(f.cell).format.fill.load(rangeFillProps(support)),
    );
  }
  return () =>
    planLegacyRestore(flags, (sheet, cell) => {
      const fill = fills.get(cellKey(sheet, cell));
      return fill ? fillOf(fill, full) : undefined;
    });
}

/** Queues the fills going back. */
export function queueLegacyRestore(ctx: Excel.RequestContext, plan: LegacyPlan, support: HostSupport): void {
  const full = fullFills(support);
  for (const r of plan.restore)
    writeFill(ctx.workbook.worksheets.getItem(r.sheet).getRange(r.cell).format.fill, r.fill, full);
}
