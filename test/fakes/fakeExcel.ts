// A stateful fake of the slice of Office.js (Excel) that kensho uses. Browser-safe: no Node imports,
// so it can also be bundled as a shim that replaces office.js in Chromium tests (installFakeOffice).
//
// It follows Microsoft's documentation, and where the documentation is silent it takes the reading
// that is harder on the add-in. Each documented rule is listed with its source in excel/rules.ts and
// cited by id ([ruleId]) beside the code that enforces it; fakeRules.test.ts tests each one.
// Besides those: properties throw PropertyNotLoaded until load() + sync(); writes are queued and
// applied in order at sync() (a failing batch keeps what ran before the failure); *OrNullObject
// proxies report isNullObject after a sync; APIs above the simulated requirement set fail at sync
// with ApiNotFound; protected sheets refuse writes with AccessDenied; onChanged fires
// (asynchronously) for people's edits and for API writes. The person's undo stack, Ctrl+Z and
// Ctrl+Y live in excel/undo.ts; what the loaded office.js has, apart from what the host reports, in
// excel/library.ts.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { CellArea, CellValue, SheetGrid } from "../../src/core/model";
import { areaAddress, cellAddress, columnLetters, parseArea } from "../../src/adapters/excel/a1";
import { parseA1 } from "../../src/core/address";
import { apiAtLeast, FakeContext, type FakeHost, type PayloadForm, type RunOptions } from "./excel/context";
import {
  FSheet,
  shiftSheet,
  type ChangedHandler,
  type FComment,
  type FFill,
  type FValidation,
  type FXmlPart,
} from "./excel/model";
import { forEachCell } from "./excel/range";
import { noteKey } from "./excel/annotations";
import { FakeWorkbook } from "./excel/worksheet";
import { UndoCapture, type UndoRecord } from "./excel/undo";
import { fakeLibrary, libraryFor, type FakeLibrary, type LibraryOptions } from "./excel/library";

export { FakeOfficeError } from "./excel/errors";
export type { FakeContext } from "./excel/context";
export type { PayloadForm, RunOptions } from "./excel/context";
export type { FFill } from "./excel/model";

export type Platform = "web" | "windows" | "mac";

export interface FakeExcelOptions {
  /** Highest ExcelApi version the fake host supports (default "1.20"). */
  apiVersion?: string;
  /** Sheets whose cells refuse writes (AccessDenied at sync). */
  protectedSheets?: string[];
  /** Per-sync response limit, in loaded cell values (values/text/numberFormat/formulas each count). */
  maxResponseCells?: number;
  /** How the payload limit shows itself (default "error": ResponsePayloadSizeLimitExceeded). */
  payloadLimitForm?: PayloadForm;
  /** Whether fill/format writes fire onChanged like value writes do (default true: the worst case). */
  formatChangesFireOnChanged?: boolean;
  /** Report triggerSource "ThisLocalAddin" for API writes (ExcelApi 1.14 behaviour); default false: worst case. */
  reportTriggerSource?: boolean;
  /** Which column of the undo article's table applies; default: any platform that lists the API clears. */
  platform?: Platform;
  /**
   * What the office.js the pane loaded has, apart from what the host reports (default: a current
   * office.js from the CDN, which has everything). { notes: false }: a host reporting 1.18 with an office.js that
   * lacks Excel.NoteCollection and workbook.notes, like @microsoft/office-js 1.1.110.
   */
  library?: LibraryOptions;
  /**
   * [cellEditMode] The code a batch refused in cell-edit mode carries: "InvalidOperation" (the
   * delay-for-cell-edit article's table; the default) or "InvalidOperationInCellEditMode" (ErrorCodes).
   */
  cellEditError?: "InvalidOperation" | "InvalidOperationInCellEditMode";
  /**
   * [undoGroup] APIs refused inside a mergeUndoGroup run besides the undo article's table: Excel
   * throws UndoNotSupported where the table does not say so (OfficeDev/office-js#6491: Range.formulas
   * of many cells). Names as "Range.values", "Range.formulas", "CustomXmlPart.setXml".
   */
  groupRefuses?: string[];
}

export type UndoEntry = UndoRecord;

export interface FillSetup {
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

type RunArgs<T> =
  [batch: (ctx: FakeContext) => Promise<T>] | [options: RunOptions, batch: (ctx: FakeContext) => Promise<T>];

export class FakeExcel implements FakeHost {
  sheets: FSheet[] = [];
  comments: FComment[] = [];
  xmlParts: FXmlPart[] = [];
  xmlSeq = 0;
  collectionHandlers = new Set<ChangedHandler>();
  readonly options: FakeExcelOptions;
  readonly apiVersion: string;
  /** ExcelApi 1.20 "adds undo support for Excel JavaScript APIs" (excel-api-1-20-requirement-set.md). */
  readonly undoSupport: boolean;
  /** What the loaded office.js has ([libraryPresence]). */
  readonly library: FakeLibrary;
  syncCount = 0;
  /** Syncs that changed the workbook. */
  writeSyncCount = 0;
  /** Queued operations per sync (proxies + writes), in order. */
  proxiesPerSync: number[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  sheetSeq = 0;
  /** Operations queued but never synced (a bug in the caller). */
  droppedOps = 0;
  commentSeq = 0;
  /** The user's undo stack, oldest first: what Ctrl+Z would step back through. */
  undoStack: UndoEntry[] = [];
  /** What Ctrl+Y would redo, most recent last; emptied by any new action. */
  redoStack: UndoEntry[] = [];
  /** Every API (or missing capability) that emptied the undo stack, in order. */
  undoClears: string[] = [];
  /** Excel.run calls and the options they were given. */
  runs: RunOptions[] = [];
  private editing: { ended: Promise<void>; end(): void } | null = null;
  private pendingEvents: Array<Promise<void>> = [];

  constructor(grids: SheetGrid[], options: FakeExcelOptions = {}) {
    this.options = options;
    this.apiVersion = options.apiVersion ?? "1.20";
    this.undoSupport = apiAtLeast(this.apiVersion, "1.20");
    this.library = libraryFor(options.library);
    for (const g of grids) {
      const s = new FSheet(`{sheet-${++this.sheetSeq}}`, g.name);
      for (const c of g.cells) {
        Object.assign(s.cell(c.row, c.col), { value: c.value, text: c.text, format: c.format });
      }
      s.merges = g.merges.map((m) => ({ ...m }));
      g.hiddenRows.forEach((r) => s.hiddenRows.add(r));
      g.hiddenCols.forEach((c) => s.hiddenCols.add(c));
      s.protected = options.protectedSheets?.includes(g.name) ?? false;
      this.sheets.push(s);
    }
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  // --- FakeHost ---------------------------------------------------------------------------------

  get payloadLimit(): number | undefined {
    return this.options.maxResponseCells;
  }
  get payloadForm(): PayloadForm {
    return this.options.payloadLimitForm ?? "error";
  }
  get cellEditMode(): boolean {
    return this.editing !== null;
  }
  cellEditEnded(): Promise<void> {
    return this.editing?.ended ?? Promise.resolve();
  }
  get platform(): Platform | undefined {
    return this.options.platform;
  }
  get cellEditErrorCode(): string {
    return this.options.cellEditError ?? "InvalidOperation";
  }

  /**
   * Whether a run's syncs are one undo group: it asked (RunOptions.mergeUndoGroup), the host has
   * ExcelApi 1.20, and [libraryPresence] the loaded office.js knows the option (an older one ignores it).
   */
  grouped(ctx: FakeContext): boolean {
    return Boolean(ctx.options.mergeUndoGroup) && this.undoSupport && this.library.mergeUndoGroup;
  }

  /** [undoGroup] Extra APIs the test says Excel refuses inside a group (office-js#6491). */
  refusesInGroup(api: string): boolean {
    return this.options.groupRefuses?.includes(api) ?? false;
  }

  /** [ctrlZ] An action is about to change this state: keep what it was for Ctrl+Z. */
  journal(ctx: FakeContext, sheet: FSheet | null, area: CellArea | null): void {
    (ctx.capture ??= new UndoCapture()).touch(this, sheet, area);
  }

  /**
   * [undoRecordPerSync] "When false, each `context.sync()` call creates an undo record. When true, all
   * `context.sync()` calls in a single `Excel.run` are merged into one `undo` group."
   * [undoStack] Below ExcelApi 1.20 (no undo support), harsher: every writing sync clears the stack.
   */
  recordApiUndo(ctx: FakeContext): void {
    this.redoStack = [];
    if (!this.undoSupport) {
      ctx.capture = null;
      this.clearUndo("no undo support below ExcelApi 1.20");
      return;
    }
    const capture = ctx.capture ?? new UndoCapture();
    if (this.grouped(ctx)) {
      // One record for the run: later syncs add to the same capture.
      if (ctx.undoRecorded) return;
      ctx.undoRecorded = true;
      this.undoStack.push({ by: "add-in", what: "Excel.run", capture });
      return;
    }
    ctx.capture = null;
    this.undoStack.push({ by: "add-in", what: "Excel.run sync", capture });
  }

  /**
   * [undoStack] "If you call an unsupported API in your add-in, the user's undo stack is cleared
   * starting from that API call". Without a platform, any platform that lists the API clears it.
   */
  clearUndoFor(api: string, unsupportedOn: Platform[]): void {
    const platform = this.options.platform;
    if (platform ? unsupportedOn.includes(platform) : unsupportedOn.length > 0) this.clearUndo(api);
  }

  private clearUndo(reason: string): void {
    this.undoStack = [];
    this.undoClears.push(reason);
  }

  sheetByName(name: string): FSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  private sheet(name: string): FSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  private cellOf(sheet: string, address: string): { s: FSheet; a: CellArea } {
    const a = parseArea(address);
    if (!a) throw new Error(`fake: bad address ${address}`);
    return { s: this.sheet(sheet), a };
  }

  /** Only ExcelApi is modelled; any other set (an unpublished one included) is not supported. */
  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && apiAtLeast(this.apiVersion, version);
  }

  /**
   * Excel.run: a fresh context per batch, like Office.js. Accepts the documented options overload,
   * Excel.run(options, batch) ([cellEditMode] "Excel.run has an overload that takes in a
   * Excel.RunOptions object").
   */
  run = async <T>(...args: RunArgs<T>): Promise<T> => {
    const [options, batch] = args.length === 1 ? [{}, args[0]] : args;
    this.runs.push({ ...options });
    const ctx = new FakeContext(this, options, (c) => new FakeWorkbook(c));
    const result = await batch(ctx);
    // Strict: work queued after the last sync is never sent; count it so tests can catch it.
    this.droppedOps += ctx.pending;
    return result;
  };

  /** Called by FakeContext after each sync: fire onChanged for what the API wrote. */
  afterWrites(written: Array<{ sheet: FSheet; area: CellArea; format: boolean }>): void {
    const fireFormat = this.options.formatChangesFireOnChanged ?? true;
    for (const w of written) {
      if (w.format && !fireFormat) continue;
      // A format write leaves the value as it was; Excel (1.9+) reports single-cell details.
      const value = w.sheet.peek(w.area.top, w.area.left)?.value ?? null;
      this.fire(
        w.sheet,
        areaAddress(w.area),
        "RangeEdited",
        this.options.reportTriggerSource && apiAtLeast(this.apiVersion, "1.14")
          ? "ThisLocalAddin"
          : "Unknown",
        "Local",
        w.format ? this.detailsFor(w.area, value, value) : undefined,
      );
    }
  }

  /** ChangedEventDetail (ExcelApi 1.9): only for a single cell, as in Excel. */
  private detailsFor(area: CellArea, before: CellValue, after: CellValue) {
    const single = area.top === area.bottom && area.left === area.right;
    return single && apiAtLeast(this.apiVersion, "1.9")
      ? { valueBefore: before, valueAfter: after }
      : undefined;
  }

  /** [changeEvents] "The name of this value was 'Others' in ExcelApi 1.7". */
  private changeTypeName(changeType: string): string {
    return changeType === "Unknown" && !apiAtLeast(this.apiVersion, "1.8") ? "Others" : changeType;
  }

  private fire(
    sheet: FSheet,
    address: string,
    changeType: string,
    triggerSource: string,
    source = "Local",
    details?: { valueBefore: CellValue; valueAfter: CellValue },
  ): void {
    const args = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address,
      changeType: this.changeTypeName(changeType),
      source,
      triggerSource,
      details,
    };
    const handlers = [...sheet.handlers, ...this.collectionHandlers];
    if (handlers.length === 0) return;
    // Office delivers events asynchronously, after the triggering call has returned.
    const p = new Promise<void>((resolve) =>
      setTimeout(async () => {
        for (const h of handlers) await h(args);
        resolve();
      }, 0),
    );
    this.pendingEvents.push(p);
  }

  // --- Test hooks: what a person does ---------------------------------------------------------------

  /** A person types into cells: sets the value(s) and fires onChanged (Local, RangeEdited). */
  async userEdit(
    sheet: string,
    address: string,
    value: CellValue,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    const { s, a } = this.cellOf(sheet, address);
    const before = s.peek(a.top, a.left)?.value ?? null;
    const capture = new UndoCapture();
    capture.touch(this, s, a);
    forEachCell({ sheet: s, area: a }, (c) => {
      c.formula = null;
      c.quotePrefix = false;
      c.value = value === "" ? null : value;
      c.text = c.value === null ? "" : String(c.value);
    });
    this.pushUser(`edit ${sheet}!${address}`, capture);
    this.fire(
      s,
      areaAddress(a),
      "RangeEdited",
      "Unknown",
      opts.source ?? "Local",
      this.detailsFor(a, before, value),
    );
    await this.flushEvents();
  }

  /** A change Excel reports without a specific type (paste, sort, clear…): Unknown, or Others on 1.7. */
  async userChange(
    sheet: string,
    address: string,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    const { s } = this.cellOf(sheet, address);
    this.pushUser(`change ${sheet}!${address}`);
    this.fire(s, address, "Unknown", "Unknown", opts.source ?? "Local");
    await this.flushEvents();
  }

  /** A person inserts `count` rows before 0-based row `at` (everything below moves down). */
  insertRows(
    sheet: string,
    at: number,
    count = 1,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    return this.structural(sheet, "rows", at, count, "RowInserted", opts.source);
  }
  deleteRows(
    sheet: string,
    at: number,
    count = 1,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    return this.structural(sheet, "rows", at, -count, "RowDeleted", opts.source);
  }
  insertColumns(
    sheet: string,
    at: number,
    count = 1,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    return this.structural(sheet, "cols", at, count, "ColumnInserted", opts.source);
  }
  deleteColumns(
    sheet: string,
    at: number,
    count = 1,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    return this.structural(sheet, "cols", at, -count, "ColumnDeleted", opts.source);
  }

  /** [changeEvents] Inserts and deletes report whole rows ("5:7") or whole columns ("C:D"). */
  private async structural(
    sheet: string,
    axis: "rows" | "cols",
    at: number,
    delta: number,
    changeType: string,
    source: "Local" | "Remote" = "Local",
  ): Promise<void> {
    const s = this.sheet(sheet);
    const capture = new UndoCapture();
    capture.touchSheet(this, s);
    this.comments = shiftSheet(s, this.comments, axis, at, delta, cellAddress, parseA1);
    const n = Math.abs(delta);
    const address =
      axis === "rows" ? `${at + 1}:${at + n}` : `${columnLetters(at)}:${columnLetters(at + n - 1)}`;
    this.pushUser(`${changeType} ${sheet}!${address}`, capture);
    this.fire(s, address, changeType, "Unknown", source);
    await this.flushEvents();
  }

  /** The person starts typing in a cell (cell-edit mode) until endCellEdit(). */
  startCellEdit(): void {
    if (this.editing) return;
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { ended, end };
  }
  endCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.end();
  }

  /** Waits until every event fired so far has been delivered to handlers. */
  async flushEvents(): Promise<void> {
    while (this.pendingEvents.length > 0) {
      const batch = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.all(batch);
    }
  }

  // --- Test hooks: setup (no sync, no events) --------------------------------------------------------

  /** A cell's own fill; null for none. Optional pattern, pattern colour and tints. */
  setFill(sheet: string, address: string, color: string | null, setup: string | FillSetup = {}): void {
    const opts = typeof setup === "string" ? { pattern: setup } : setup;
    const { s, a } = this.cellOf(sheet, address);
    forEachCell({ sheet: s, area: a }, (c) => {
      c.fill = color
        ? {
            color: color.toUpperCase(),
            pattern: opts.pattern ?? "Solid",
            patternColor: (opts.patternColor ?? "#000000").toUpperCase(),
            tintAndShade: opts.tintAndShade ?? 0,
            patternTintAndShade: opts.patternTintAndShade ?? 0,
          }
        : null;
    });
  }
  setValue(
    sheet: string,
    address: string,
    value: CellValue,
    extra: { format?: string; text?: string; quotePrefix?: boolean; formula?: string } = {},
  ): void {
    const { s, a } = this.cellOf(sheet, address);
    forEachCell({ sheet: s, area: a }, (c) => {
      c.value = value;
      c.text = extra.text ?? (value === null ? "" : String(value));
      if (extra.format) c.format = extra.format;
      c.quotePrefix = extra.quotePrefix ?? false;
      c.formula = extra.formula ?? null;
    });
  }
  setValidation(
    sheet: string,
    address: string,
    validation: Partial<FValidation> & { rule: Record<string, unknown> },
  ): void {
    const { s, a } = this.cellOf(sheet, address);
    const type = Object.keys(validation.rule)[0];
    forEachCell({ sheet: s, area: a }, (c) => {
      c.validation = {
        type: validation.type ?? type.charAt(0).toUpperCase() + type.slice(1),
        ignoreBlanks: validation.ignoreBlanks ?? true,
        prompt: validation.prompt ?? { showPrompt: false, title: "", message: "" },
        errorAlert: validation.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" },
        rule: JSON.parse(JSON.stringify(validation.rule)),
      };
    });
  }
  setNote(sheet: string, address: string, content: string): void {
    this.sheet(sheet).notes.set(noteKey(address), { content });
  }
  setComment(sheet: string, address: string, content: string): void {
    const a = parseArea(address)!;
    this.comments.push({
      id: `c${++this.commentSeq}`,
      sheet: this.sheet(sheet),
      row: a.top,
      col: a.left,
      content,
    });
  }
  setProtected(sheet: string, value: boolean): void {
    this.sheet(sheet).protected = value;
  }
  addSheet(name: string, visibility = "Visible"): void {
    const s = new FSheet(`{sheet-${++this.sheetSeq}}`, name);
    s.visibility = visibility;
    this.sheets.push(s);
  }
  renameSheet(from: string, to: string): void {
    this.sheet(from).name = to;
  }
  addXmlPart(xml: string, namespaceUri: string): string {
    const id = `{00000000-0000-4000-8000-${String(++this.xmlSeq).padStart(12, "0")}}`;
    this.xmlParts.push({ id, namespaceUri, xml });
    return id;
  }
  /** A person's own actions on the undo stack, to prove kensho leaves them there. */
  userAction(what: string): void {
    this.pushUser(what);
  }

  private pushUser(what: string, capture = new UndoCapture()): void {
    this.redoStack = [];
    this.undoStack.push({ by: "user", what, capture });
  }

  /**
   * [ctrlZ] The person presses Ctrl+Z: the last action's cells, formats, notes, comments and sheets
   * go back; custom XML parts and settings stay as they are (OfficeDev/office-js#6415). Fires
   * onChanged for the cells it changed. Returns what was undone, or null with nothing to undo.
   */
  async userUndo(): Promise<UndoEntry | null> {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    const redo = entry.capture.restore(this);
    this.redoStack.push({ ...entry, capture: redo });
    await this.fireRestored(entry.capture);
    return entry;
  }

  /** [ctrlZ] Ctrl+Y: what the last Ctrl+Z took back comes again. */
  async userRedo(): Promise<UndoEntry | null> {
    const entry = this.redoStack.pop();
    if (!entry) return null;
    const undo = entry.capture.restore(this);
    this.undoStack.push({ ...entry, capture: undo });
    await this.fireRestored(entry.capture);
    return entry;
  }

  private async fireRestored(capture: UndoCapture): Promise<void> {
    for (const { sheet, area } of capture.touchedAreas())
      if (this.sheets.includes(sheet)) this.fire(sheet, areaAddress(area), "Unknown", "Unknown");
    await this.flushEvents();
  }

  /** A cell's lock (FormatProtection.locked, ExcelApi 1.2); every cell is locked unless unlocked. */
  setLocked(sheet: string, address: string, locked: boolean): void {
    const { s, a } = this.cellOf(sheet, address);
    forEachCell({ sheet: s, area: a }, (c) => (c.locked = locked));
  }

  // --- Inspectors ---------------------------------------------------------------------------------

  value(sheet: string, address: string): CellValue {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.value ?? null;
  }
  text(sheet: string, address: string): string {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.text ?? "";
  }
  formula(sheet: string, address: string): string | null {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.formula ?? null;
  }
  /** The cell's own fill colour: "#RRGGBB" or null for none. */
  fill(sheet: string, address: string): string | null {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.fill?.color ?? null;
  }
  /** The whole fill (every documented property), or null for none. */
  fullFill(sheet: string, address: string): FFill | null {
    const { s, a } = this.cellOf(sheet, address);
    const f = s.peek(a.top, a.left)?.fill;
    return f ? { ...f } : null;
  }
  pattern(sheet: string, address: string): string {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.fill?.pattern ?? "None";
  }
  note(sheet: string, address: string): string | null {
    return this.sheet(sheet).notes.get(noteKey(address))?.content ?? null;
  }
  comment(sheet: string, address: string): string | null {
    const a = parseArea(address)!;
    return (
      this.comments.find((c) => c.sheet.name === sheet && c.row === a.top && c.col === a.left)?.content ??
      null
    );
  }
  validation(sheet: string, address: string): unknown {
    const { s, a } = this.cellOf(sheet, address);
    const v = s.peek(a.top, a.left)?.validation;
    return v ? v.rule : null;
  }
  fullValidation(sheet: string, address: string): FValidation | null {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.validation ?? null;
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  visibility(sheet: string): string {
    return this.sheet(sheet).visibility;
  }
  /** How many of the person's own actions Ctrl+Z can still step back through. */
  userUndoDepth(): number {
    return this.undoStack.filter((e) => e.by === "user").length;
  }
  /** Every cell's value, text, format, fill and validation, plus notes and comments: for before/after equality. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()]
        .filter(
          ([, c]) => c.value !== null || c.fill !== null || c.format !== "General" || c.validation !== null,
        )
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, c]) => [
          k,
          c.value,
          c.text,
          c.format,
          c.formula,
          c.fill,
          c.validation && [
            c.validation.type,
            c.validation.rule,
            c.validation.ignoreBlanks,
            c.validation.prompt,
            c.validation.errorAlert,
          ],
        ]),
      merges: s.merges,
      notes: [...s.notes.entries()].sort(),
      comments: this.comments.filter((c) => c.sheet === s).map((c) => [c.row, c.col, c.content]),
    }));
  }
  handlerCount(): number {
    return this.sheets.reduce((n, s) => n + s.handlers.size, this.collectionHandlers.size);
  }

  /** Saving and reopening: settings fall back to what was saved; event registrations are gone. */
  reopen(): void {
    this.settings = new Map(this.savedSettings);
    this.sheets.forEach((s) => s.handlers.clear());
    this.collectionHandlers.clear();
    this.selection = null;
    this.editing = null;
    this.undoStack = [];
    this.redoStack = [];
  }

  /** The Office.context.document.settings object (Common API, not an Excel JavaScript API). */
  readonly documentSettings = {
    get: (name: string): unknown => this.settings.get(name) ?? null,
    set: (name: string, value: unknown): void => {
      this.settings.set(name, JSON.parse(JSON.stringify(value)));
    },
    remove: (name: string): void => {
      this.settings.delete(name);
    },
    saveAsync: (callback?: (r: { status: string; error?: { message: string } }) => void): void => {
      this.savedSettings = new Map(this.settings);
      // [undoStack] harsher: the undo article covers Excel JavaScript APIs only; this one clears.
      this.clearUndo("Office.context.document.settings.saveAsync");
      setTimeout(() => callback?.({ status: "succeeded" }), 0);
    },
  };

  /** [libraryPresence] The Excel namespace's objects the loaded office.js has (support.ts asks them). */
  libraryObjects(): Record<string, unknown> {
    return fakeLibrary(this.library);
  }

  /** An Office-like object (the part kensho uses). */
  office(): {
    context: {
      requirements: { isSetSupported(name: string, v?: string): boolean };
      document: { settings: FakeExcel["documentSettings"] };
    };
  } {
    return {
      context: {
        requirements: { isSetSupported: (name, v) => this.isSetSupported(name, v) },
        document: { settings: this.documentSettings },
      },
    };
  }
}

/** Defines `Office` and `Excel` on a global (window in the browser shim, globalThis in tests). */
export function installFakeOffice(globalObj: Record<string, any>, fake: FakeExcel): void {
  const office = fake.office();
  globalObj.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      ...office.context,
      host: "Excel",
      platform: "OfficeOnline",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0" },
    },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  globalObj.Excel = {
    ...fake.libraryObjects(),
    run: (...args: [any] | [any, any]) => (fake.run as (...a: unknown[]) => Promise<unknown>)(...args),
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    EventSource: { local: "Local", remote: "Remote" },
    DataChangeType: {
      unknown: "Unknown",
      rangeEdited: "RangeEdited",
      rowInserted: "RowInserted",
      rowDeleted: "RowDeleted",
      columnInserted: "ColumnInserted",
      columnDeleted: "ColumnDeleted",
      cellInserted: "CellInserted",
      cellDeleted: "CellDeleted",
    },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    SpecialCellType: { visible: "Visible" },
    FillPattern: { none: "None", solid: "Solid" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      generalException: "GeneralException",
      itemNotFound: "ItemNotFound",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      rangeExceedsLimit: "RangeExceedsLimit",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };
}

export type { FValidation };
