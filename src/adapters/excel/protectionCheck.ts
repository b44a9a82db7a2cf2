// Whether Excel will take a write, asked before any undo step is recorded (a protected sheet must
// never leave a phantom step). WorksheetProtection.protected and FormatProtection.locked are
// ExcelApi 1.2: "Specifies if Excel locks the cells in the object". On a protected sheet a locked
// cell refuses a new value and an unlocked one takes it; a data validation is a format, refused on a
// protected sheet whatever the cells' lock (the harsher reading: formatting cells is off by default
// in Excel's protect dialog).
/* global Excel */
import type { CellLocation } from "./workbookHost";

/** Queues what decides it; after the sync, the cells that would refuse the write. */
export function queueProtection(
  ctx: Excel.RequestContext,
  cells: readonly CellLocation[],
  formatOnly: boolean,
): () => CellLocation[] {
  const sheets = new Map<string, Excel.WorksheetProtection>();
  for (const c of cells) {
    if (!sheets.has(c.sheet))
      sheets.set(c.sheet, ctx.workbook.worksheets.getItem(c.sheet).protection.load("protected"));
  }
  const locks = formatOnly
    ? null
    : cells.map((c) =>
        ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address).format.protection.load("locked"),
      );
  return () =>
    cells.filter((c, i) => sheets.get(c.sheet)!.protected && (locks === null || locks[i].locked !== false));
}
