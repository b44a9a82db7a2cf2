// Document settings that travel with the workbook, through the Excel API's SettingCollection
// (ExcelApi 1.4): "a collection of key-value pair setting objects that are part of the workbook. The
// scope is limited to per file and add-in". An Excel JavaScript API, so the undo article covers it
// (not on its list of APIs that clear the undo stack); Office.context.document.settings.saveAsync is
// a Common API the article does not cover.
/* global Excel */

import type { Batches } from "./batches";

export class SettingsStore {
  private values = new Map<string, unknown>();

  constructor(private readonly batches: Batches) {}

  /** Queued in the host's first batch; the returned function runs after the sync. */
  queueLoad(ctx: Excel.RequestContext): () => void {
    const settings = ctx.workbook.settings;
    settings.load("items/key,items/value");
    return () => {
      this.values = new Map(settings.items.map((s) => [s.key, s.value as unknown]));
    };
  }

  get<T>(key: string): T | null {
    const v = this.values.get(key);
    return v === undefined || v === null ? null : (v as T);
  }

  /** Queues a setting's write in a caller's batch; the returned function runs after the sync. */
  queueSave(ctx: Excel.RequestContext, key: string, value: unknown): () => void {
    ctx.workbook.settings.add(key, value as boolean | number | string | object);
    return () => this.values.set(key, JSON.parse(JSON.stringify(value ?? null)));
  }

  /** Queues a setting's removal (when present) in a caller's batch. */
  queueDelete(ctx: Excel.RequestContext, key: string): () => void {
    if (!this.values.has(key)) return () => undefined;
    ctx.workbook.settings.getItem(key).delete();
    return () => this.values.delete(key);
  }

  async save(key: string, value: unknown): Promise<void> {
    await this.batches.guard(async (ctx) => {
      ctx.workbook.settings.add(key, value);
      await ctx.sync();
    });
    this.values.set(key, JSON.parse(JSON.stringify(value ?? null)));
  }
}
