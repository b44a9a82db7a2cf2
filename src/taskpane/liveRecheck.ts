// Live re-check: while the pane is open, a person's edit (rows and columns inserted or deleted
// included) re-reads just the sheets it touched and checks again. Changes that arrive while a
// re-check waits its turn are folded into it.
import type { CellChange, WorkbookHost } from "../adapters/excel/workbookHost";

export interface LiveRecheckDeps {
  host(): WorkbookHost;
  /** Runs a job after every job already queued (host calls never interleave). */
  enqueue(job: () => Promise<void>): Promise<void>;
  /** Re-reads these sheets and checks again. */
  recheck(sheets: string[]): Promise<void>;
  onError(err: unknown): void;
}

export class LiveRecheck {
  private unsubscribe: (() => Promise<void>) | null = null;
  private pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly deps: LiveRecheckDeps) {}

  get active(): boolean {
    return this.unsubscribe !== null;
  }

  /**
   * Subscribes to the host's changes, once. Call it just before a read: the adapter then registers
   * its handler in the read's own batch. Returns whether live re-check is on.
   */
  async start(): Promise<boolean> {
    const host = this.deps.host();
    if (this.unsubscribe) return true;
    if (!host.support.onChanged) return false;
    try {
      this.unsubscribe = await host.onCellsChanged((changes) => this.changed(changes));
      return true;
    } catch {
      // Live re-check is a convenience; the manual button still works.
      return false;
    }
  }

  private changed(changes: CellChange[]): void {
    for (const c of changes) this.pending.add(c.sheet);
    if (this.scheduled) return;
    this.scheduled = true;
    void this.deps.enqueue(async () => {
      this.scheduled = false;
      const sheets = [...this.pending];
      this.pending.clear();
      try {
        await this.deps.recheck(sheets);
      } catch (err) {
        this.deps.onError(err);
      }
    });
  }

  async stop(): Promise<void> {
    const off = this.unsubscribe;
    this.unsubscribe = null;
    if (off) await off().catch(() => undefined);
  }
}
