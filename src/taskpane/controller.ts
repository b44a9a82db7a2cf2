// The task pane's state and everything it does to the workbook, kept out of React so it can be
// tested and reasoned about on its own. The UI subscribes and calls methods; nothing else writes.
// Pure views live in selectors.ts, the rule's input checks in ruleInput.ts, the stated year's in
// yearInput.ts, live re-check in liveRecheck.ts, the words for outcomes in notices.ts.
import {
  DEFAULT_RULE,
  type CheckedRow,
  type CheckOptions,
  type Finding,
  type ProgressRule,
  type SheetGrid,
  type WorkbookCheck,
  type WorkbookOptions,
} from "../core/model";
import type { CellEdit, CellLocation, HostSupport, WorkbookHost } from "../adapters/excel/workbookHost";
import { t } from "../i18n/taskpane";
import { departmentName } from "../core/departments";
import { LiveRecheck } from "./liveRecheck";
import { marksNotice, noticeFromError, withHostNotes, type Notice } from "./notices";
import { undoNotice } from "./undoNotice";
import { sanitizeRule } from "./ruleInput";
import { sanitizeYear } from "./yearInput";
import { sanitizeCheckOptions } from "./checkOptionsInput";
import { flagsFromFindings, isDiffering } from "./selectors";
import { summarySheetSpec } from "./summarySheet";
import type { PickedFile, SubmissionsModule, SubmissionsReport } from "./submissions/types";
import { submissionsNotice } from "./submissions/outcome";
import { readSplitMarker, type SplitMarker } from "../core/cycle/splitMarker";
import type { PreviousWorkbook } from "../core/rules/previousYear";
import { copyDepartment } from "./selectors";
import { addOutlooks } from "../core/progress/outlooks";
import type { LayoutProfile } from "../core/model";
import { readProfile, type ProfileProblem } from "../core/profile/validateProfile";
import { resolveSettings } from "../core/profile/resolveSettings";

export const RULE_SETTING = "kensho.rule";
export const FILTER_SETTING = "kensho.departmentFilter";
export const YEAR_SETTING = "kensho.fiscalYear";
export const CHECK_OPTIONS_SETTING = "kensho.checkOptions";
export const LIVE_SETTING = "kensho.liveRecheck";
/** A city's profile (市の設定), kept as the JSON text the planner loaded (issue 22). */
export const PROFILE_SETTING = "kensho.profile";

export type CheckFn = (grids: SheetGrid[], rule?: ProgressRule, options?: WorkbookOptions) => WorkbookCheck;

export interface ControllerDeps {
  createHost: () => WorkbookHost | Promise<WorkbookHost>;
  checkWorkbook: CheckFn;
  /** 提出ファイルを取り込む's reader and planner; by default its own chunk, loaded on first use. */
  loadSubmissions?: () => Promise<SubmissionsModule>;
}

/** webpack makes this its own chunk: the xlsx reader and the merge planner load only when used. */
const loadSubmissionsChunk = (): Promise<SubmissionsModule> =>
  import(/* webpackChunkName: "submissions" */ "./submissions/planSubmissions");

export type GroupBy = "kpi" | "severity";

export interface PaneState {
  /** "starting" until the host exists; "failed" when it could not be created. */
  phase: "starting" | "idle" | "checking" | "ready" | "failed";
  /** What this Office can do; null until the host exists. */
  support: HostSupport | null;
  check: WorkbookCheck | null;
  rule: ProgressRule;
  /**
   * The fiscal year planning stated in 設定 (Gregorian start year), for a workbook whose title,
   * headers and sheet names cannot state it; saved with the workbook. null: read it from the workbook.
   */
  statedYear: number | null;
  /** The check's own settings: the texts that give no reason for a delay. */
  options: CheckOptions;
  /** The city's profile kept in the workbook's settings, and what it was called; null: none. */
  profile: { text: string; profile: LayoutProfile; name: string } | null;
  departmentFilter: string | null;
  groupBy: GroupBy;
  /** Live re-check is subscribed to worksheet changes. */
  live: boolean;
  /**
   * Staff want live re-check (設定). Off by default where Excel cannot keep kensho's writes in its
   * undo history (below ExcelApi 1.20): there each write would empty the person's Ctrl+Z history.
   */
  liveWanted: boolean;
  /** The workbook holds kensho marks (from a previous session, a co-author, the CLI, or this check). */
  hasMarks: boolean;
  /** A write, undo or settings save is running. */
  busy: boolean;
  notice: Notice | null;
  canUndo: boolean;
  /**
   * This Office cannot keep kensho's writes in Excel's undo history: said once, before the first
   * write, until staff dismiss it.
   */
  undoWarning: boolean;
  /** The workbook holds a 集計 sheet the pane added (as far as the pane knows). */
  summarySheet: boolean;
  /** The last 提出ファイルを取り込む: what was written, what needs a decision, which files failed. */
  submissions: SubmissionsReport | null;
  /**
   * What `kensho split` recorded in this workbook (a department's copy), read from its custom
   * document properties when the pane opened; null for any other workbook.
   */
  copyOf: SplitMarker | null;
  /** Last year's workbooks picked in 取り込み (前年度のファイル): their names and what could not be read. */
  previous: PreviousReport | null;
}

/** What the pane knows of the last year's workbooks picked. */
export interface PreviousReport {
  files: Array<{ file: string; fiscalYear: string | null }>;
  problems: Array<{ file: string; message: string }>;
}

type Listener = () => void;

export class TaskpaneController {
  private state: PaneState = {
    phase: "starting",
    support: null,
    check: null,
    rule: { ...DEFAULT_RULE, directionOverrides: {} },
    statedYear: null,
    options: sanitizeCheckOptions(null),
    profile: null,
    departmentFilter: null,
    groupBy: "kpi",
    live: false,
    liveWanted: true,
    hasMarks: false,
    busy: false,
    notice: null,
    canUndo: false,
    undoWarning: false,
    summarySheet: false,
    submissions: null,
    copyOf: null,
    previous: null,
  };
  /** Staff chose a 担当課 filter (すべて included) in this workbook: a copy's default no longer applies. */
  private filterChosen = false;
  /** Last year's workbooks, checked, that the check compares with (--previous in the CLI). */
  private previousWorkbooks: PreviousWorkbook[] = [];
  private readonly listeners = new Set<Listener>();
  private hostRef: WorkbookHost | null = null;
  /** The last grids read, by sheet name in workbook order, so a change re-reads only its sheet. */
  private grids: SheetGrid[] = [];
  /** Host calls run one at a time: a live re-check must not interleave with a write. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Flags are rewritten on re-check only while staff want them (cleared → stay cleared). */
  private flagsOn = false;
  private disposed = false;
  /** The last thing a write of marks had to say (see runCheck). */
  private lastMarksNotice: string | null = null;
  /** The merge is the newest undo step: 元に戻す will take it back. */
  private mergeOnTop = false;
  private readonly live = new LiveRecheck({
    host: () => this.host,
    enqueue: (job) => this.enqueue(job),
    recheck: async (sheets) => {
      await this.reread(sheets);
      await this.runCheck();
    },
    onError: (err) => this.set({ notice: noticeFromError(err) }),
  });

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
    if (!this.hostRef) throw new Error("host not ready");
    return this.hostRef;
  }

  /**
   * One explicit action: runs after whatever is queued, marks the pane busy, and ends with the
   * notice the job returns (or the failure in words).
   */
  private action(job: () => Promise<Notice | null>): Promise<void> {
    return this.enqueue(async () => {
      this.set({ busy: true, notice: null });
      try {
        const notice = withHostNotes(await job(), this.host.takeNotes());
        this.set({ busy: false, notice, canUndo: this.host.canUndo() });
      } catch (err) {
        this.host.takeNotes();
        this.set({ busy: false, notice: noticeFromError(err), canUndo: this.host.canUndo() });
      }
    });
  }

  // --- lifecycle ---
  async init(): Promise<void> {
    try {
      const host = await this.deps.createHost();
      this.hostRef = host;
      const rule = sanitizeRule(host.loadSetting<unknown>(RULE_SETTING));
      const options = sanitizeCheckOptions(host.loadSetting<unknown>(CHECK_OPTIONS_SETTING));
      const savedFilter = host.loadSetting<unknown>(FILTER_SETTING);
      this.filterChosen = typeof savedFilter === "string";
      const savedLive = host.loadSetting<unknown>(LIVE_SETTING);
      const savedProfile = host.loadSetting<unknown>(PROFILE_SETTING);
      this.set({
        copyOf: readSplitMarker(host.documentProperties()),
        profile: profileFromSetting(savedProfile),
        support: host.support,
        rule,
        statedYear: sanitizeYear(host.loadSetting<unknown>(YEAR_SETTING)),
        options,
        // A filter saved by an older version is read as the department it names today.
        departmentFilter: typeof savedFilter === "string" ? departmentName(savedFilter) : null,
        phase: "idle",
        canUndo: host.canUndo(),
        undoWarning: !host.support.undo,
        summarySheet: host.hasSummarySheet(),
        liveWanted: typeof savedLive === "boolean" ? savedLive : host.support.undo,
        hasMarks: host.hasMarks(),
      });
    } catch (err) {
      this.set({ phase: "failed", notice: noticeFromError(err) });
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.listeners.clear();
    await this.live.stop();
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  dismissUndoWarning(): void {
    this.set({ undoWarning: false });
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
        const live = this.state.liveWanted ? this.live.start() : Promise.resolve(false);
        this.grids = await this.host.readSheets();
        this.set({ live: await live });
        this.flagsOn = true;
        await this.runCheck();
      } catch (err) {
        this.set({ phase: this.state.check ? "ready" : "idle", notice: noticeFromError(err) });
      }
    });
  }

  /** Checks the cached grids with the current rule, and re-flags when flags are on. */
  private async runCheck(): Promise<void> {
    const profile = this.state.profile?.profile ?? null;
    // One resolver: the pane's own year and thresholds are stated; the profile fills what they leave.
    const settings = resolveSettings(
      { fiscalYear: this.state.statedYear },
      profile,
      { kind: "workbook" },
      this.state.rule,
    );
    // The 見通し shown in 進捗状況 is added once to the rows, after the check.
    const check = addOutlooks(
      this.deps.checkWorkbook(this.grids, settings.rule, {
        ...this.state.options,
        fiscalYear: settings.fiscalYear,
        ...(profile ? { profile } : {}),
        ...(this.previousWorkbooks.length > 0 ? { previous: this.previousWorkbooks } : {}),
      }),
    );
    let filter = this.state.departmentFilter;
    // A remembered department that this workbook no longer has would hide everything.
    if (filter !== null && !check.rows.some((r) => r.department === filter)) filter = null;
    // A department's copy shows its own rows until staff choose otherwise (the 担当課 filter).
    const copy = this.state.copyOf;
    if (copy && !this.filterChosen && filter === null) filter = copyDepartment(check, copy);
    this.set({ check, phase: "ready", departmentFilter: filter, canUndo: this.host.canUndo() });
    if (this.flagsOn) {
      const report = await this.host.writeFlags(check.fileError ? [] : flagsFromFindings(check.findings));
      // Said once: a live re-check that meets the same cells again stays quiet.
      const notice = marksNotice(report, null);
      const said = notice ? JSON.stringify(notice) : null;
      const fresh = said !== null && said !== this.lastMarksNotice;
      this.lastMarksNotice = said;
      this.set({ hasMarks: this.host.hasMarks(), ...(fresh ? { notice } : {}) });
    }
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
  /** Removes every kensho mark the workbook holds, wherever its cells went; no check needed first. */
  clearFlags(): Promise<void> {
    return this.action(async () => {
      const report = await this.host.clearFlags();
      this.flagsOn = false;
      this.set({ hasMarks: this.host.hasMarks() });
      return marksNotice(report, t.flags.cleared)!;
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
    this.filterChosen = true;
    this.set({ departmentFilter: department });
    return this.enqueue(() =>
      this.host.saveSetting(FILTER_SETTING, department ?? "").catch((err: unknown) => {
        this.set({ notice: noticeFromError(err) });
      }),
    );
  }

  // --- statuses ---
  /** Writes the computed status of these rows; only ever called from an explicit click. */
  applyStatuses(rows: CheckedRow[]): Promise<void> {
    const edits: CellEdit[] = rows
      .filter(isDiffering)
      .map((r) => ({ sheet: r.sheet, address: r.cells.status!.address, value: r.computedStatus! }));
    return this.writeStatuses(edits, t.progress.applied(edits.length));
  }

  /**
   * Writes the status word staff probably meant over one they typed that is not a status word
   * (順調 → 順調に進捗), as invalid-status names it; only ever called from an explicit click, and
   * undone like an applied status.
   */
  fixStatuses(findings: Finding[]): Promise<void> {
    const edits: CellEdit[] = [];
    for (const f of findings) {
      const word = f.params.suggested;
      if (f.code !== "invalid-status" || !word || f.sheet === null || f.cell === null) continue;
      edits.push({ sheet: f.sheet, address: f.cell, value: word });
    }
    return this.writeStatuses(edits, t.findings.statusFixed(edits.length));
  }

  /** Writes status words as one undoable step, then re-reads and re-checks the sheets written. */
  private writeStatuses(edits: CellEdit[], done: string): Promise<void> {
    if (edits.length === 0) return Promise.resolve();
    return this.action(async () => {
      await this.host.writeValues(edits);
      this.mergeOnTop = false;
      await this.reread([...new Set(edits.map((e) => e.sheet))]);
      await this.runCheck();
      return { kind: "success", title: done };
    });
  }

  /**
   * The pane's 元に戻す: the last step back, cell by cell. Cells changed since kensho wrote them
   * (by staff, or back already through Excel's Ctrl+Z) are left alone and named in the notice.
   */
  undo(): Promise<void> {
    return this.action(async () => {
      const outcome = await this.host.undoLastEdit();
      if (!outcome.undone) return { kind: "info", title: t.progress.nothingToUndo };
      const report = this.state.submissions;
      if (this.mergeOnTop && report) this.set({ submissions: { ...report, undone: true } });
      this.mergeOnTop = false;
      if (outcome.restored.length > 0 && this.grids.length > 0) {
        await this.reread([...new Set(outcome.restored.map((c) => c.sheet))]);
        await this.runCheck();
      }
      return undoNotice(outcome);
    });
  }

  addStatusDropdown(rows: CheckedRow[]): Promise<void> {
    const cells: CellLocation[] = rows
      .filter((r) => r.cells.status)
      .map((r) => ({ sheet: r.sheet, address: r.cells.status!.address }));
    if (cells.length === 0) return Promise.resolve();
    return this.action(async () => {
      // The city's own words when its sheet is judged on its own scale.
      await this.host.addStatusDropdown(
        cells,
        this.state.check?.scale?.levels.map((l) => l.name),
      );
      this.mergeOnTop = false;
      return { kind: "success", title: t.progress.dropdownAdded(cells.length) };
    });
  }

  // --- the 集計 sheet ---
  /** Adds a 集計 sheet of the last check: one action, one undo group where Excel merges them. */
  createSummarySheet(): Promise<void> {
    const check = this.state.check;
    if (!check || check.fileError) return Promise.resolve();
    return this.action(async () => {
      const made = await this.host.createSummarySheet(summarySheetSpec(check, this.state.rule));
      this.set({ summarySheet: true });
      const body = [
        made.chart ? null : t.summarySheet.noChart,
        this.host.support.undo ? t.summarySheet.undoHint : null,
      ]
        .filter(Boolean)
        .join("");
      return { kind: "success", title: t.summarySheet.created(made.name), body: body || undefined };
    });
  }

  /** Deletes the 集計 sheet the pane added (only that one), in one step. */
  removeSummarySheet(): Promise<void> {
    return this.action(async () => {
      const removed = await this.host.removeSummarySheet();
      this.set({ summarySheet: false });
      if (!removed) return { kind: "info", title: t.summarySheet.notFound };
      return { kind: "success", title: t.summarySheet.removed, body: t.summarySheet.removedUndoCleared };
    });
  }

  // --- 提出ファイルを取り込む ---
  /**
   * Merges departments' returned copies into the open master, as `kensho merge` does: reads the
   * master fresh, plans from the picked files (in the on-demand chunk), writes the applied cells as
   * one undoable step, and re-checks. Only ever called from an explicit pick.
   */
  importSubmissions(files: PickedFile[]): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    return this.action(async () => {
      let mod: SubmissionsModule;
      try {
        mod = await (this.deps.loadSubmissions ?? loadSubmissionsChunk)();
      } catch {
        return { kind: "error", title: t.submissions.loadFailed, body: t.submissions.loadFailedHint };
      }
      this.grids = await this.host.readSheets();
      const planned = await mod.planSubmissions(this.grids, files);
      if (planned.masterProblem) {
        this.set({ submissions: null });
        return { kind: "error", title: planned.masterProblem };
      }
      const written =
        planned.edits.length > 0
          ? await this.host.writeMerge(planned.edits)
          : { written: [], formulaCells: [] };
      // Nothing written adds no undo step: 元に戻す then takes back something older.
      this.mergeOnTop = written.written.length > 0;
      if (written.written.length > 0) {
        await this.reread([...new Set(written.written.map((c) => c.sheet))]);
      }
      // The merged workbook is then checked like any workbook (domain.md, `kensho merge`).
      await this.runCheck();
      const report = mod.submissionsReport(planned, written);
      this.set({ submissions: report });
      return submissionsNotice(report);
    });
  }

  // --- 前年度のファイル ---
  /**
   * Reads last year's workbooks picked in 取り込み (in the on-demand chunk), checks them, and
   * re-checks this workbook against them: the CLI's --previous. Nothing is written to the workbook.
   */
  setPreviousYear(files: PickedFile[]): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    return this.action(async () => {
      let mod: SubmissionsModule;
      try {
        mod = await (this.deps.loadSubmissions ?? loadSubmissionsChunk)();
      } catch {
        return { kind: "error", title: t.submissions.loadFailed, body: t.submissions.loadFailedHint };
      }
      const read = await mod.readWorkbooks(files);
      this.previousWorkbooks = read.workbooks.map((w) => {
        const check = this.deps.checkWorkbook(w.grids, this.state.rule, this.state.options);
        return { file: w.file, fiscalYear: check.fiscalYear, rows: check.rows, department: w.department };
      });
      this.set({
        previous: {
          files: this.previousWorkbooks.map((w) => ({ file: w.file, fiscalYear: w.fiscalYear })),
          problems: read.problems,
        },
      });
      if (this.grids.length > 0) await this.runCheck();
      const used = this.previousWorkbooks.length;
      return used > 0
        ? { kind: read.problems.length ? "warning" : "success", title: t.previous.done(used) }
        : { kind: "error", title: t.previous.none };
    });
  }

  /** Forgets last year's workbooks and re-checks without them. */
  clearPreviousYear(): Promise<void> {
    return this.action(async () => {
      this.previousWorkbooks = [];
      this.set({ previous: null });
      if (this.grids.length > 0) await this.runCheck();
      return { kind: "info", title: t.previous.cleared };
    });
  }

  // --- settings ---
  /** 設定 → 自動再検証: saved with the workbook; takes effect at once. */
  setLiveRecheck(on: boolean): Promise<void> {
    this.set({ liveWanted: on });
    return this.action(async () => {
      await this.host.saveSetting(LIVE_SETTING, on);
      if (!on) {
        await this.live.stop();
        this.set({ live: false });
      } else if (this.state.check) {
        this.set({ live: await this.live.start() });
      }
      return { kind: "success", title: on ? t.liveSetting.on : t.liveSetting.off };
    });
  }

  /**
   * Saves the rule and the check's options into the workbook (so planning's choice travels with it)
   * and re-checks.
   */
  saveRule(rule: ProgressRule, options: CheckOptions = this.state.options): Promise<void> {
    const clean = sanitizeRule(rule);
    const cleanOptions = sanitizeCheckOptions(options);
    this.set({ rule: clean, options: cleanOptions });
    return this.action(async () => {
      await this.host.saveSetting(RULE_SETTING, clean);
      await this.host.saveSetting(CHECK_OPTIONS_SETTING, cleanOptions);
      const rechecked = this.state.check !== null && this.grids.length > 0;
      if (rechecked) await this.runCheck();
      return { kind: "success", title: rechecked ? t.settings.savedRechecked : t.settings.saved };
    });
  }

  /**
   * Keeps a city's profile (its JSON text) in the workbook's settings, or removes it (null), and
   * re-checks. A profile that does not validate is not kept: its problems come back, each with the
   * key and the line, for the 設定 tab to show.
   */
  async saveProfile(text: string | null, name = ""): Promise<ProfileProblem[]> {
    if (text !== null) {
      const read = readProfile(text);
      if (!read.ok) return read.problems;
      this.set({ profile: { text, profile: read.profile, name } });
    } else this.set({ profile: null });
    await this.action(async () => {
      await this.host.saveSetting(PROFILE_SETTING, text === null ? null : { text, name });
      const rechecked = this.state.check !== null && this.grids.length > 0;
      if (rechecked) await this.runCheck();
      return { kind: "success", title: text === null ? t.profile.removed : t.profile.saved(name) };
    });
    return [];
  }

  /**
   * Saves the fiscal year planning states for this workbook (null: read it from the workbook) and
   * re-checks: the year decides which 実績値 and 目標値 columns are this year's.
   */
  saveStatedYear(year: number | null): Promise<void> {
    const clean = sanitizeYear(year);
    this.set({ statedYear: clean });
    return this.action(async () => {
      await this.host.saveSetting(YEAR_SETTING, clean);
      const rechecked = this.state.check !== null && this.grids.length > 0;
      if (rechecked) await this.runCheck();
      return { kind: "success", title: t.year.saved(clean, rechecked) };
    });
  }
}

/** The profile kept in the workbook's settings, validated again (the file may have been edited). */
function profileFromSetting(value: unknown): PaneState["profile"] {
  if (typeof value !== "object" || value === null) return null;
  const { text, name } = value as { text?: unknown; name?: unknown };
  if (typeof text !== "string") return null;
  const read = readProfile(text);
  return read.ok ? { text, profile: read.profile, name: typeof name === "string" ? name : "" } : null;
}
