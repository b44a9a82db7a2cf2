// The 集計 sheet: added in one action, removed in one step, never confused with a person's sheet.
/* global Excel */
//
// Undo (excel-add-ins-undo-capabilities.md): WorksheetCollection.add and everything written here are
// not on the list of APIs that clear the person's undo stack, so with ExcelApi 1.20 the whole sheet
// is one undo group (Batches passes mergeUndoGroup) and Ctrl+Z takes it back. Worksheet.delete *is*
// on the list ("No" on every platform): removing the sheet empties the undo history, which the pane
// says before and after; its run is never grouped (a group would throw UndoNotSupported). The sheet
// is found by the id kept in the workbook's settings, so a renamed sheet is still found and a
// person's own 「集計」 sheet is never deleted.
//
// Syncs: create 3 (sheet names; the sheet with its contents and chart; its id into the settings),
// remove 2 (find by id; delete), whatever the size of the workbook.
import { a1 } from "../../core/address";
import type { Batches } from "./batches";
import type { ChangeFeed } from "./changeFeed";
import type { SettingsStore } from "./settingsStore";
import type { HostSupport, SheetValue, SummarySheetResult, SummarySheetSpec } from "./workbookHost";

/** The setting that holds the id of the sheet kensho added. */
export const SUMMARY_SHEET_SETTING = "kensho.summarySheet";

const HEADER_FILL = "#1F4E79";
const HEADER_FONT = "#FFFFFF";
const TOTAL_FILL = "#DDEBF7";

/** The first free name: "集計", else "集計 (2)", "集計 (3)" … (names compare case-insensitively in Excel). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Text is written as text: a string that Excel would read as a formula, number or date ("=…", "-",
 * "1-1") gets the apostrophe that keeps it as typed (the textEntry rule the status writer follows).
 */
function asEntered(v: SheetValue): string | number {
  if (v === null) return "";
  if (typeof v === "number") return v;
  return /^[=+\-@]|^\d/.test(v) ? `'${v}` : v;
}

function width(values: SheetValue[][]): number {
  return values.reduce((n, row) => Math.max(n, row.length), 1);
}

export class SummarySheetWriter {
  constructor(
    private readonly batches: Batches,
    private readonly support: HostSupport,
    private readonly settings: SettingsStore,
    private readonly feed: ChangeFeed,
  ) {}

  exists(): boolean {
    return this.settings.get<string>(SUMMARY_SHEET_SETTING) !== null;
  }

  async create(spec: SummarySheetSpec): Promise<SummarySheetResult> {
    const cols = width(spec.values);
    const rows = spec.values.map((r) => [...r, ...Array<SheetValue>(cols - r.length).fill(null)]);
    const useChart = this.support.charts;
    if (!useChart) {
      // Text bars in their own column of the first table, where no chart can be drawn.
      const { source, barsColumn, bars, barsHeader } = spec.chart;
      for (const row of rows) while (row.length <= barsColumn) row.push(null);
      rows[source.top][barsColumn] = barsHeader;
      bars.forEach((b, i) => (rows[source.top + 1 + i][barsColumn] = b));
    }
    const columns = width(rows);
    const used = `A1:${a1(rows.length - 1, columns - 1)}`;
    return this.batches.guard(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const name = freeSheetName(
        spec.name,
        sheets.items.map((s) => s.name),
      );
      const end = this.feed.beginWrite([{ sheet: name, address: used }]);
      try {
        const ws = sheets.add(name);
        const range = ws.getRange(used);
        range.values = rows.map((r) => r.map(asEntered));
        const title = ws.getRange(a1(spec.titleRow, 0));
        title.format.font.bold = true;
        title.format.font.size = 14;
        for (const r of spec.headerRows) {
          const header = ws.getRange(`${a1(r, 0)}:${a1(r, columns - 1)}`);
          header.format.fill.color = HEADER_FILL;
          header.format.font.color = HEADER_FONT;
          header.format.font.bold = true;
        }
        for (const r of spec.totalRows) {
          const total = ws.getRange(`${a1(r, 0)}:${a1(r, columns - 1)}`);
          total.format.fill.color = TOTAL_FILL;
          total.format.font.bold = true;
        }
        range.format.autofitColumns();
        if (useChart) this.queueChart(ws, spec);
        ws.load("id");
        ws.activate();
        await ctx.sync();
        // The id, not the name: a renamed sheet is still kensho's, a person's 「集計」 never is.
        const saved = this.settings.queueSave(ctx, SUMMARY_SHEET_SETTING, ws.id);
        await ctx.sync();
        saved();
        return { name, chart: useChart };
      } finally {
        end();
      }
    });
  }

  /** A stacked bar of the first table: one bar per 基本目標, one coloured segment per status. */
  private queueChart(ws: Excel.Worksheet, spec: SummarySheetSpec): void {
    const { source, title, colors, from, to } = spec.chart;
    const data = ws.getRange(`${a1(source.top, source.left)}:${a1(source.bottom, source.right)}`);
    // String forms of the enums: the pane must not need the Excel global at module load.
    const chart = ws.charts.add("BarStacked", data, "Columns");
    chart.title.text = title;
    chart.legend.position = "Bottom";
    chart.setPosition(from, to);
    colors.forEach((color, i) => {
      const series = chart.series.getItemAt(i);
      series.format.fill.setSolidColor(color);
      // ExcelApi 1.7: the count on each segment, readable on paper.
      series.hasDataLabels = true;
    });
  }

  async remove(): Promise<boolean> {
    const id = this.settings.get<string>(SUMMARY_SHEET_SETTING);
    if (id === null) return false;
    return this.batches.guardUngrouped(async (ctx) => {
      const found = ctx.workbook.worksheets.getItemOrNullObject(id);
      found.load("name");
      await ctx.sync();
      // eslint-disable-next-line office-addins/call-sync-before-read -- loaded, and synced just above
      const present = !found.isNullObject;
      const forget = this.settings.queueDelete(ctx, SUMMARY_SHEET_SETTING);
      if (present) ctx.workbook.worksheets.getItem(id).delete();
      await ctx.sync();
      forget();
      return present;
    });
  }
}
