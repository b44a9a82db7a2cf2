// The request context and the proxy base: load() queues a snapshot, reading an unloaded property
// throws, writes are queued and applied in order at sync(). Rules that concern a whole batch live
// here: cell-edit mode, the payload limit, undo records.

import type { CellArea } from "../../../src/core/model";
import { FakeOfficeError } from "./errors";
import type { FSheet } from "./model";
import type { UndoCapture } from "./undo";
import type { FakeWorkbook } from "./worksheet";

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export type PayloadForm = "error" | "general" | "partial";

/** What a context needs from the fake workbook (implemented by FakeExcel). */
export interface FakeHost {
  readonly apiVersion: string;
  readonly payloadLimit: number | undefined;
  readonly payloadForm: PayloadForm;
  readonly cellEditMode: boolean;
  syncCount: number;
  writeSyncCount: number;
  proxiesPerSync: number[];
  cellEditEnded(): Promise<void>;
  /** [libraryPresence] What the loaded office.js has. */
  readonly library: { notes: boolean; mergeUndoGroup: boolean };
  /** Which column of the undo article's table applies (undefined: any platform that lists the API). */
  readonly platform: "web" | "windows" | "mac" | undefined;
  /** [cellEditMode] The code a batch refused in cell-edit mode carries. */
  readonly cellEditErrorCode: string;
  /** [undoGroup] The run's syncs are one undo group (asked for, ExcelApi 1.20, and a library that knows it). */
  grouped(ctx: FakeContext): boolean;
  /** [undoGroup] An API the test says Excel refuses inside a group besides the article's table. */
  refusesInGroup(api: string): boolean;
  /** [ctrlZ] An action is about to change this state. */
  journal(ctx: FakeContext, sheet: FSheet | null, area: CellArea | null): void;
  /** A writing sync finished: one undo record, or a cleared stack where undo is unsupported. */
  recordApiUndo(ctx: FakeContext): void;
  /** An API the undo article lists as unsupported was called. */
  clearUndoFor(api: string, unsupportedOn: Array<"web" | "windows" | "mac">): void;
  afterWrites(written: Array<{ sheet: FSheet; area: CellArea; format: boolean }>): void;
}

/** Documented get limit per range (performance.md): "a range is limited to five million cells for get operations". */
export const MAX_GET_CELLS = 5_000_000;

export function apiAtLeast(version: string, wanted: string): boolean {
  const [a, b] = version.split(".").map(Number);
  const [c, d] = wanted.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

export function splitProps(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === "string")
    return props
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(splitProps);
  if (typeof props === "object" && props) {
    const o = props as Record<string, unknown>;
    if (typeof o.select === "string") return splitProps(o.select);
    return Object.keys(o).filter((k) => o[k]);
  }
  return [];
}

export class FakeContext {
  private queue: Array<() => void> = [];
  readonly workbook: FakeWorkbook;
  /** Cells loaded in the current sync, for the payload limit. */
  responseCells = 0;
  /** The partial-response form: once crossed, every later value of this sync comes back null. */
  private truncated = false;
  wrote = false;
  /** mergeUndoGroup: this run already made its undo record. */
  undoRecorded = false;
  /** [ctrlZ] What the current undo record will take back (per sync, or per run when grouped). */
  capture: UndoCapture | null = null;
  writtenRanges: Array<{ sheet: FSheet; area: CellArea; format: boolean }> = [];

  constructor(
    readonly fake: FakeHost,
    readonly options: RunOptions,
    makeWorkbook: (ctx: FakeContext) => FakeWorkbook,
  ) {
    this.workbook = makeWorkbook(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  /** Operations queued and never sent (a bug in the caller). */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues an ApiNotFound failure when the simulated host lacks `version`. */
  requireApi(version: string, what: string): void {
    if (!apiAtLeast(this.fake.apiVersion, version)) {
      this.enqueue(() => {
        throw new FakeOfficeError(
          "ApiNotFound",
          `${what} needs ExcelApi ${version}; this host has ${this.fake.apiVersion}`,
        );
      });
    }
  }

  /**
   * Accounts for `cells` loaded values. Returns false when the value must come back null (the
   * partial-response form of the payload limit); throws for the error forms.
   */
  respond(cells: number): boolean {
    // [payloadLimit] "a range is limited to five million cells for get operations"; the limit
    // per response is the 5 MB of Excel on the web, counted here in cells (payloadLimit option).
    this.responseCells += cells;
    const limit = this.fake.payloadLimit;
    const over = cells > MAX_GET_CELLS || (limit !== undefined && this.responseCells > limit);
    if (!over && !this.truncated) return true;
    switch (this.fake.payloadForm) {
      case "partial":
        // "In some cases, `Range.values` returns `null` instead."
        this.truncated = true;
        return false;
      case "general":
        // "The API returns a `RichAPI.Error` error": internal error, no specific code.
        throw new FakeOfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
        );
      default:
        throw new FakeOfficeError(
          cells > MAX_GET_CELLS ? "RangeExceedsLimit" : "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit (${this.responseCells} cells).`,
        );
    }
  }

  async sync(): Promise<void> {
    this.fake.syncCount++;
    if (this.fake.cellEditMode) {
      // [cellEditMode] "When `false`, if the user is in cell edit when the batch request is
      // processed by the host, the batch automatically fails. When `true` … the batch request is
      // delayed until the user exits cell edit mode."
      if (this.options.delayForCellEdit) {
        await this.fake.cellEditEnded();
      } else {
        this.queue = [];
        throw new FakeOfficeError(
          this.fake.cellEditErrorCode,
          "The operation isn't available while Excel is in Edit cell mode.",
        );
      }
    }
    const ops = this.queue;
    this.queue = [];
    this.responseCells = 0;
    this.truncated = false;
    this.wrote = false;
    this.writtenRanges = [];
    this.fake.proxiesPerSync.push(ops.length);
    try {
      // Not rolled back on failure: what ran before the failing operation stays applied.
      for (const op of ops) op();
    } finally {
      if (this.wrote) {
        this.fake.writeSyncCount++;
        this.fake.recordApiUndo(this);
      }
      this.fake.afterWrites(this.writtenRanges);
    }
  }

  /**
   * Marks a write, checked at sync like Excel. [protection] On a protected sheet a value write to a
   * locked cell fails with AccessDenied, one to unlocked cells goes through; a format write (fill,
   * validation, note…) fails whatever the lock (harsher). `part`: a custom XML part or a setting,
   * which Ctrl+Z does not take back ([ctrlZ]).
   */
  write(sheet: FSheet | null, area: CellArea | null, format: boolean, scope?: "part"): void {
    if (sheet?.protected && (format || area === null || lockedIn(sheet, area)))
      throw new FakeOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
    if (scope !== "part") this.fake.journal(this, sheet, area);
    this.wrote = true;
    if (sheet && area) this.writtenRanges.push({ sheet, area, format });
  }

  /**
   * [undoStack] An API the undo article lists as not supporting undo on these platforms was called.
   * [undoGroup] Inside a group it fails the batch with UndoNotSupported ("If an API within the group
   * doesn't offer undo support, the UndoNotSupported error is thrown"); otherwise it clears the stack.
   */
  undoUnsupported(api: string, unsupportedOn: Array<"web" | "windows" | "mac">): void {
    const platform = this.fake.platform;
    const applies = platform ? unsupportedOn.includes(platform) : unsupportedOn.length > 0;
    if (applies && this.fake.grouped(this))
      throw new FakeOfficeError("UndoNotSupported", `${api} does not support undo and cannot be grouped.`);
    this.fake.clearUndoFor(api, unsupportedOn);
  }

  /** [undoGroup] An API the test says Excel refuses inside a group (office-js#6491). */
  groupable(api: string): void {
    if (this.fake.grouped(this) && this.fake.refusesInGroup(api))
      throw new FakeOfficeError("UndoNotSupported", `${api} cannot be grouped here.`);
  }
}

/** OfficeExtension.ClientResult: `value` throws until the sync that fills it. */
export class FakeClientResult<T> {
  private settled = false;
  private result: T | undefined;
  constructor(private readonly label: string) {}
  settle(v: T): void {
    this.settled = true;
    this.result = v;
  }
  get value(): T {
    if (!this.settled)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `${this.label}.value is not available before context.sync()`,
      );
    return this.result as T;
  }
}

/** Base proxy: load() queues a snapshot; reading an unloaded property throws like Office.js. */
export class FakeProxy<T> {
  protected loaded = new Map<string, unknown>();
  protected synced = false;
  protected target: T | null = null;
  /** An *OrNullObject proxy: resolving to nothing is a state, not an error. */
  protected nullable = false;

  constructor(
    readonly context: FakeContext,
    protected readonly resolver: () => T | null,
    protected readonly label: string,
  ) {}

  protected resolveOrThrow(): T {
    const t = this.resolver();
    if (t === null) throw new FakeOfficeError("ItemNotFound", `${this.label} does not exist`);
    return t;
  }

  /**
   * What a child proxy (a property or method result) resolves through. [nullObjectChildren] What a
   * method called on a null object returns is undocumented: the fake fails the batch.
   */
  resolveForChild(): T {
    const t = this.resolver();
    if (t !== null) return t;
    if (this.nullable)
      throw new FakeOfficeError(
        "GeneralException",
        `${this.label} is a null object; calling its members is undocumented`,
      );
    throw new FakeOfficeError("ItemNotFound", `${this.label} does not exist`);
  }

  /** Subclasses map property names to live values. */
  protected read(_t: T, prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `${this.label}: cannot load '${prop}'`);
  }

  load(props?: unknown): this {
    const names = splitProps(props);
    this.context.enqueue(() => {
      const t = this.nullable ? this.resolver() : this.resolveOrThrow();
      this.synced = true;
      this.target = t;
      if (t === null) return;
      for (const n of names) this.loaded.set(n, this.read(t, n));
    });
    return this;
  }

  /** Marks the proxy as loaded from a collection's items (already resolved). */
  preload(t: T, props: string[]): this {
    this.synced = true;
    this.target = t;
    for (const p of props) this.loaded.set(p, this.read(t, p));
    return this;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' of ${this.label} is not available. Call load() and context.sync() first.`,
      );
    }
    return this.loaded.get(prop) as V;
  }

  get isNullObject(): boolean {
    if (!this.synced)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `isNullObject of ${this.label} needs load() and context.sync()`,
      );
    return this.target === null;
  }

  /** Queues a write against the resolved target. */
  protected mutate(fn: (t: T) => void): void {
    this.context.enqueue(() => fn(this.resolveForChild()));
  }
}

/** Whether any cell of the area is locked: every cell is, unless unlocked (FormatProtection.locked). */
function lockedIn(sheet: FSheet, area: CellArea): boolean {
  const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  if (size > 4096) return true;
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) if (sheet.peek(r, c)?.locked !== false) return true;
  return false;
}
