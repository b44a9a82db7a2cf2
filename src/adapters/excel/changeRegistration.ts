// Registering the onChanged handlers that feed live re-check. On ExcelApi 1.9+ one collection-level
// handler (worksheets.onChanged) serves every sheet; before, one handler per sheet.
/* global Excel, OfficeExtension */
import { HOST_MESSAGES } from "../../i18n/excel";
import type { Batches } from "./batches";
import type { ChangeFeed, RawChange } from "./changeFeed";
import type { SheetRef } from "./readSheets";
import { apiAtLeast } from "./support";
import { HostError, type CellChange, type HostSupport } from "./workbookHost";

type Remover = () => Promise<void>;

/** A handler registration waiting for a batch to carry it. */
interface PendingRegistration {
  resolve(): void;
  reject(err: unknown): void;
}

/** A registration a read has taken over: queue it into the read's first batch, settle after. */
export interface Claim {
  queue(ctx: Excel.RequestContext): (sheets: SheetRef[]) => void;
  /** After the read: whether its first batch carried the registration. */
  settle(carried: boolean): void;
}

export class ChangeRegistration {
  private unregister: Remover | null = null;
  /** Settles when the Office handlers are registered; null when none is under way. */
  private registering: Promise<void> | null = null;
  /** A registration a readSheets may still carry in its first batch. */
  private pendingRegistration: PendingRegistration | null = null;

  constructor(
    private readonly batches: Batches,
    private readonly support: HostSupport,
    private readonly feed: ChangeFeed,
  ) {}

  private get collectionEvents(): boolean {
    return apiAtLeast(this.support.excelApi, "1.9");
  }

  /**
   * Subscribes `handler`. The Office handler is registered once for all subscribers. On ExcelApi
   * 1.9+ a registration waits one microtask: a readSheets called in the same tick carries it in its
   * first batch, so `const live = host.onCellsChanged(h); await host.readSheets(); await live;`
   * costs no extra sync (edits before that batch are in the values it reads, edits after it are
   * reported). Otherwise it runs its own batch: 1 sync on 1.9+, 2 before (one handler per sheet).
   */
  async subscribe(handler: (changes: CellChange[]) => void): Promise<() => Promise<void>> {
    if (!this.support.onChanged) {
      throw new HostError("api-unsupported", HOST_MESSAGES.liveNeedsApi(this.support.excelApi));
    }
    const unsubscribe = this.feed.subscribe(handler);
    try {
      await this.ensureRegistered();
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return async () => {
      unsubscribe();
      if (this.feed.subscribed) return;
      await this.registering?.catch(() => undefined);
      if (!this.feed.subscribed && this.unregister) {
        const off = this.unregister;
        this.unregister = null;
        await off();
      }
    };
  }

  /** Claimed synchronously by readSheets, before any await, so a subscription made in the same tick rides along. */
  claim(): Claim | null {
    const registration = this.pendingRegistration;
    this.pendingRegistration = null;
    if (!registration) return null;
    let carried = false;
    return {
      queue: (ctx) => {
        const finish = this.queueCollectionHandler(ctx);
        return (sheets) => {
          this.unregister = finish(sheets);
          carried = true;
          registration.resolve();
        };
      },
      settle: (done) => {
        // The read failed before its first sync: register on our own.
        if (!done && !carried) this.registerOwn().then(registration.resolve, registration.reject);
      },
    };
  }

  private ensureRegistered(): Promise<void> {
    if (this.unregister) return Promise.resolve();
    if (this.registering) return this.registering;
    let pending: PendingRegistration = { resolve: () => undefined, reject: () => undefined };
    const done = new Promise<void>((resolve, reject) => {
      pending = { resolve, reject };
    });
    const registering = done.finally(() => {
      if (this.registering === registering) this.registering = null;
    });
    this.registering = registering;
    const own = () => {
      this.registerOwn().then(pending.resolve, pending.reject);
    };
    if (this.collectionEvents) {
      this.pendingRegistration = pending;
      void Promise.resolve().then(() => {
        if (this.pendingRegistration !== pending) return; // a readSheets took it
        this.pendingRegistration = null;
        own();
      });
    } else {
      own();
    }
    return registering;
  }

  private eventHandler(names: Map<string, string>): (ev: Excel.WorksheetChangedEventArgs) => Promise<void> {
    return async (ev) => {
      let name = names.get(ev.worksheetId);
      if (name === undefined) name = await this.sheetNameById(ev.worksheetId, names);
      if (name !== undefined) this.feed.push(name, ev as RawChange);
    };
  }

  /** ExcelApi 1.9+: queues the one collection-level handler into whatever batch goes out next. */
  private queueCollectionHandler(ctx: Excel.RequestContext): (sheets: SheetRef[]) => Remover {
    const names = new Map<string, string>();
    const result = ctx.workbook.worksheets.onChanged.add(this.eventHandler(names));
    return (sheets) => {
      for (const s of sheets) names.set(s.id, s.name);
      return removerOf([result]);
    };
  }

  /** A registration in its own batch: 1 sync on 1.9+, else 2 (the per-sheet handlers need the list). */
  private async registerOwn(): Promise<void> {
    this.unregister = await this.batches.guard(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      if (this.collectionEvents) {
        const finish = this.queueCollectionHandler(ctx);
        await ctx.sync();
        return finish(sheets.items.map((s) => ({ name: s.name, id: s.id })));
      }
      await ctx.sync();
      const onEvent = this.eventHandler(new Map(sheets.items.map((s) => [s.id, s.name])));
      const results = sheets.items.map((ws) => ws.onChanged.add(onEvent));
      await ctx.sync();
      return removerOf(results);
    });
  }

  /** A sheet added (or renamed) after registration: resolve its name once and remember it. */
  private async sheetNameById(id: string, names: Map<string, string>): Promise<string | undefined> {
    return this.batches.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      await ctx.sync();
      for (const s of sheets.items) names.set(s.id, s.name);
      return names.get(id);
    });
  }
}

function removerOf(results: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[]): Remover {
  return async () => {
    for (const r of results) r.remove();
    await results[0]?.context.sync();
  };
}
