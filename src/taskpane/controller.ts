// The task pane's state and everything it does to the workbook, kept out of React so it can be
// tested and reasoned about on its own. The UI subscribes and calls methods; nothing else writes.
import {
  DEFAULT_RULE,
  type CheckedRow,
  type Direction,
  type Finding,
  type ProgressRule,
  type Severity,
  type SheetGrid,
  type WorkbookCheck,
} from "../core/model";
import type {
  CellChange,
  CellEdit,
  CellFlag,
  CellLocation,
  WorkbookHost,
} from "../adapters/excel/workbookHost";
import { t } from "../i18n/taskpane";
import { renderFinding } from "../i18n/findings";
import { rowKey } from "../core/summary";

export const RULE_SETTING = "kensho.rule";
export const FILTER_SETTING = "kensho.departmentFilter";

export type CheckFn = (grids: SheetGrid[], rule?: ProgressRule) => WorkbookCheck;

export interface ControllerDeps {
  createHost: () => WorkbookHost | Promise<WorkbookHost>;
  checkWorkbook: CheckFn;
}

export type NoticeKind = "success" | "info" | "warning" | "error";

export interface Notice {
  kind: NoticeKind;
  title: string;
  body?: string;
}

export type GroupBy = "kpi" | "severity";

export interface PaneState {
  /** "starting" until the host exists; "failed" when it could not be created. */
  phase: "starting" | "idle" | "checking" | "ready" | "failed";
  host: WorkbookHost | null;
  check: WorkbookCheck | null;
  rule: ProgressRule;
  departmentFilter: string | null;
  groupBy: GroupBy;
  /** Live re-check is subscribed to worksheet changes. */
  live: boolean;
  /** A write, undo or settings save is running. */
  busy: boolean;
  notice: Notice | null;
  canUndo: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One flag per cell: the worst severity wins and every distinct message is kept. */
export function flagsFromFindings(findings: Finding[]): CellFlag[] {
  const byCell = new Map<string, CellFlag & { messages: string[] }>();
  for (const f of findings) {
    // A finding about a whole sheet or workbook has no cell to mark.
    if (f.sheet === null || f.cell === null) continue;
    const key = `${f.sheet}!${f.cell}`;
    const message = renderFinding(f);
    const existing = byCell.get(key);
    if (!existing) {
      byCell.set(key, {
        sheet: f.sheet,
        address: f.cell,
        severity: f.severity,
        message: "",
        messages: [message],
      });
      continue;
    }
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[existing.severity]) existing.severity = f.severity;
    if (!existing.messages.includes(message)) existing.messages.push(message);
  }
  return [...byCell.values()].map(({ messages, ...flag }) => ({
    ...flag,
    message: messages.join(t.flags.joiner),
  }));
}

/** A status that differs from what the rule computes, and that kensho could write. */
export function isDiffering(row: CheckedRow): boolean {
  if (!row.computedStatus || !row.cells.status) return false;
  return (row.enteredStatus ?? "").trim() !== row.computedStatus;
}

export function departmentsOf(check: WorkbookCheck | null): string[] {
  if (!check) return [];
  const set = new Set<string>();
  for (const r of check.rows) if (r.department) set.add(r.department);
  return [...set].sort((a, b) => a.localeCompare(b, "ja"));
}

export function rowsInFilter(check: WorkbookCheck | null, department: string | null): CheckedRow[] {
  if (!check) return [];
  return department === null ? check.rows : check.rows.filter((r) => r.department === department);
}

/** Findings on rows of the chosen department; with no filter, all of them. */
export function findingsInFilter(check: WorkbookCheck | null, department: string | null): Finding[] {
  if (!check) return [];
  if (department === null) return check.findings;
  const rows = new Set(rowsInFilter(check, department).map((r) => rowKey(r.sheet, r.row)));
  return check.findings.filter((f) => rows.has(rowKey(f.sheet, f.row)));
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface RuleInput {
  onTrack: string;
  nearlyOnTrack: string;
}

export interface RuleErrors {
  onTrack?: string;
  nearlyOnTrack?: string;
}

function parseNumber(text: string): number | null {
  // Staff may type full-width digits; NFKC folds them to ASCII.
  const s = text.normalize("NFKC").trim();
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Checks the thresholds as typed: numbers, and 0 < nearlyOnTrack <= onTrack. */
export function validateRuleInput(input: RuleInput): {
  errors: RuleErrors;
  onTrack?: number;
  nearlyOnTrack?: number;
} {
  const errors: RuleErrors = {};
  const onTrack = parseNumber(input.onTrack);
  const nearly = parseNumber(input.nearlyOnTrack);
  if (onTrack === null) errors.onTrack = t.settings.invalidNumber;
  else if (onTrack <= 0) errors.onTrack = t.settings.invalidOnTrack;
  if (nearly === null) errors.nearlyOnTrack = t.settings.invalidNumber;
  else if (nearly <= 0 || (onTrack !== null && nearly > onTrack))
    errors.nearlyOnTrack = t.settings.invalidRange;
  if (errors.onTrack || errors.nearlyOnTrack) return { errors };
  return { errors, onTrack: onTrack!, nearlyOnTrack: nearly! };
}

const DIRECTIONS: readonly Direction[] = ["increase", "decrease", "maintain"];

/** A saved rule comes from a file anyone may have edited: accept only what is well formed. */
export function sanitizeRule(value: unknown): ProgressRule {
  if (!value || typeof value !== "object") return { ...DEFAULT_RULE, directionOverrides: {} };
  const v = value as Partial<Record<keyof ProgressRule, unknown>>;
  const num = (x: unknown): number | null =>
    typeof x === "number" && Number.isFinite(x) && x > 0 ? x : null;
  let onTrack = num(v.onTrack) ?? DEFAULT_RULE.onTrack;
  let nearly = num(v.nearlyOnTrack) ?? DEFAULT_RULE.nearlyOnTrack;
  if (nearly > onTrack) [onTrack, nearly] = [DEFAULT_RULE.onTrack, DEFAULT_RULE.nearlyOnTrack];
  const overrides: Record<string, Direction> = {};
  if (v.directionOverrides && typeof v.directionOverrides === "object") {
    for (const [k, d] of Object.entries(v.directionOverrides as Record<string, unknown>)) {
      if (DIRECTIONS.includes(d as Direction)) overrides[k] = d as Direction;
    }
  }
  return { onTrack, nearlyOnTrack: nearly, directionOverrides: overrides };
}

/** Turns a failure into words staff can act on. */
export function noticeFromError(err: unknown): Notice {
  const code = err && typeof err === "object" && "code" in err ? (err as { code: unknown }).code : null;
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case "sheet-protected":
      return { kind: "error", title: t.errors.sheetProtected, body: t.errors.sheetProtectedHint };
    case "api-unsupported":
      return {
        kind: "error",
        title: t.errors.apiUnsupported,
        body: message ? t.errors.details(message) : undefined,
      };
    case "payload-too-large":
      return { kind: "error", title: t.errors.payloadTooLarge };
    default:
      return {
        kind: "error",
        title: t.errors.unknown,
        body: message ? t.errors.details(message) : undefined,
      };
  }
}

type Listener = () => void;

export class TaskpaneController {
  private state: PaneState = {
    phase: "starting",
    host: null,
    check: null,
    rule: { ...DEFAULT_RULE, directionOverrides: {} },
    departmentFilter: null,
    groupBy: "kpi",
    live: false,
    busy: false,
    notice: null,
    canUndo: false,
  };
  private readonly listeners = new Set<Listener>();
  /** The last grids read, by sheet name in workbook order, so a change re-reads only its sheet. */
  private grids: SheetGrid[] = [];
  /** Host calls run one at a time: a live re-check must not interleave with a write. */
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => Promise<void>) | null = null;
  /** Flags are rewritten on re-check only while staff want them (cleared → stay cleared). */
  private flagsOn = false;
  private pendingChanged = new Set<string>();
  private recheckScheduled = false;
  private disposed = false;

  constructor(private readonly deps: ControllerDeps) {}

  // --- store plumbing (useSyncExternalStore) ---
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private get host(): WorkbookHost {
    if (!this.state.host) throw new Error("host not ready");
    return this.state.host;
  }

  // --- lifecycle ---
  async init(): Promise<void> {
    try {
      const host = await this.deps.createHost();
      const rule = sanitizeRule(host.loadSetting<unknown>(RULE_SETTING));
      const savedFilter = host.loadSetting<unknown>(FILTER_SETTING);
      this.set({
        host,
        rule,
        departmentFilter: typeof savedFilter === "string" && savedFilter ? savedFilter : null,
        phase: "idle",
        canUndo: host.canUndo(),
      });
    } catch (err) {
      this.set({ phase: "failed", notice: noticeFromError(err) });
    }
  }

  async dispose(): Promise<void> {
    const unsub = this.unsubscribe;
    this.unsubscribe = null;
    this.disposed = true;
    this.listeners.clear();
    if (unsub) await unsub().catch(() => undefined);
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  setGroupBy(groupBy: GroupBy): void {
    this.set({ groupBy });
  }

  // --- checking ---
  /** The check button: read every sheet, check, flag, and start watching for edits. */
  check(): Promise<void> {
    return this.enqueue(async () => {
      this.set({ phase: "checking", notice: null });
      try {
        // Subscribing before the read lets the adapter register the handlers in the read's own
        // batch, so the first check costs no extra context.sync() (2 to read + 1 to flag).
        const live = this.startLive();
        this.grids = await this.host.readSheets();
        await live;
        this.flagsOn = true;
        await this.runCheck();
      } catch (err) {
        this.set({ phase: this.state.check ? "ready" : "idle", notice: noticeFromError(err) });
      }
    });
  }

  /** Checks the cached grids with the current rule, and re-flags when flags are on. */
  private async runCheck(): Promise<void> {
    const check = this.deps.checkWorkbook(this.grids, this.state.rule);
    let filter = this.state.departmentFilter;
    // A remembered department that this workbook no longer has would hide everything.
    if (filter !== null && !check.rows.some((r) => r.department === filter)) filter = null;
    this.set({ check, phase: "ready", departmentFilter: filter, canUndo: this.host.canUndo() });
    if (this.flagsOn) {
      await this.host.writeFlags(check.fileError ? [] : flagsFromFindings(check.findings));
    }
  }

  private async startLive(): Promise<void> {
    if (this.unsubscribe || !this.host.support.onChanged) return;
    try {
      this.unsubscribe = await this.host.onCellsChanged((changes) => this.onChanged(changes));
      this.set({ live: true });
    } catch {
      // Live re-check is a convenience; the manual button still works.
      this.set({ live: false });
    }
  }

  private onChanged(changes: CellChange[]): void {
    for (const c of changes) this.pendingChanged.add(c.sheet);
    if (this.recheckScheduled) return;
    this.recheckScheduled = true;
    void this.enqueue(async () => {
      this.recheckScheduled = false;
      const names = [...this.pendingChanged];
      this.pendingChanged.clear();
      try {
        await this.reread(names);
        await this.runCheck();
      } catch (err) {
        this.set({ notice: noticeFromError(err) });
      }
    });
  }

  /** Re-reads the named sheets into the cache; unknown names (a new sheet) force a full read. */
  private async reread(names: string[]): Promise<void> {
    const known = new Set(this.grids.map((g) => g.name));
    if (names.length === 0 || names.some((n) => !known.has(n))) {
      this.grids = await this.host.readSheets();
      return;
    }
    const fresh = await this.host.readSheets(names);
    const byName = new Map(fresh.map((g) => [g.name, g]));
    this.grids = this.grids.map((g) => byName.get(g.name) ?? g);
  }

  // --- flags ---
  clearFlags(): Promise<void> {
    return this.enqueue(async () => {
      this.set({ busy: true });
      try {
        await this.host.clearFlags();
        this.flagsOn = false;
        this.set({ busy: false, notice: { kind: "success", title: t.flags.cleared } });
      } catch (err) {
        this.set({ busy: false, notice: noticeFromError(err) });
      }
    });
  }

  select(cell: CellLocation): Promise<void> {
    return this.enqueue(async () => {
      try {
        await this.host.select(cell);
      } catch (err) {
        this.set({ notice: noticeFromError(err) });
      }
    });
  }

  // --- filter ---
  setDepartmentFilter(department: string | null): Promise<void> {
    this.set({ departmentFilter: department });
    return this.host.saveSetting(FILTER_SETTING, department ?? "").catch((err: unknown) => {
      this.set({ notice: noticeFromError(err) });
    });
  }

  // --- statuses ---
  /** Writes the computed status of these rows; only ever called from an explicit click. */
  applyStatuses(rows: CheckedRow[]): Promise<void> {
    const edits: CellEdit[] = [];
    for (const r of rows) {
      if (!isDiffering(r)) continue;
      edits.push({ sheet: r.sheet, address: r.cells.status!.address, value: r.computedStatus! });
    }
    if (edits.length === 0) return Promise.resolve();
    return this.enqueue(async () => {
      this.set({ busy: true, notice: null });
      try {
        await this.host.writeValues(edits);
        await this.reread([...new Set(edits.map((e) => e.sheet))]);
        await this.runCheck();
        this.set({ busy: false, notice: { kind: "success", title: t.progress.applied(edits.length) } });
      } catch (err) {
        this.set({ busy: false, notice: noticeFromError(err), canUndo: this.host.canUndo() });
      }
    });
  }

  undo(): Promise<void> {
    return this.enqueue(async () => {
      this.set({ busy: true, notice: null });
      try {
        const undone = await this.host.undoLastEdit();
        if (undone) {
          await this.reread(this.grids.map((g) => g.name));
          await this.runCheck();
        }
        this.set({
          busy: false,
          canUndo: this.host.canUndo(),
          notice: undone
            ? { kind: "success", title: t.progress.undone }
            : { kind: "info", title: t.progress.nothingToUndo },
        });
      } catch (err) {
        this.set({ busy: false, notice: noticeFromError(err), canUndo: this.host.canUndo() });
      }
    });
  }

  addStatusDropdown(rows: CheckedRow[]): Promise<void> {
    const cells: CellLocation[] = rows
      .filter((r) => r.cells.status)
      .map((r) => ({ sheet: r.sheet, address: r.cells.status!.address }));
    if (cells.length === 0) return Promise.resolve();
    return this.enqueue(async () => {
      this.set({ busy: true, notice: null });
      try {
        await this.host.addStatusDropdown(cells);
        this.set({ busy: false, notice: { kind: "success", title: t.progress.dropdownAdded(cells.length) } });
      } catch (err) {
        this.set({ busy: false, notice: noticeFromError(err) });
      }
    });
  }

  // --- settings ---
  /** Saves the rule into the workbook (so planning's choice travels with it) and re-checks. */
  saveRule(rule: ProgressRule): Promise<void> {
    const clean = sanitizeRule(rule);
    return this.enqueue(async () => {
      this.set({ busy: true, notice: null, rule: clean });
      try {
        await this.host.saveSetting(RULE_SETTING, clean);
        const rechecked = this.state.check !== null && this.grids.length > 0;
        if (rechecked) await this.runCheck();
        this.set({
          busy: false,
          notice: { kind: "success", title: rechecked ? t.settings.savedRechecked : t.settings.saved },
        });
      } catch (err) {
        this.set({ busy: false, notice: noticeFromError(err) });
      }
    });
  }
}
