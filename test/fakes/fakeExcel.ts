// A stateful fake of the slice of Office.js (Excel) that kensho uses. Browser-safe: no Node imports,
// so it can also be bundled as a shim that replaces office.js in Chromium tests (installFakeOffice).
//
// Faithful where bugs hide: properties throw PropertyNotLoaded until load() + sync(); writes are
// queued and applied in order at sync(); *OrNullObject proxies report isNullObject after a sync;
// APIs above the simulated requirement set fail at sync with ApiNotFound; protected sheets refuse
// writes with AccessDenied; onChanged fires (asynchronously) for user edits and for API writes.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { CellArea, CellValue, SheetGrid } from "../../src/core/model";
import { areaAddress, cellAddress, parseArea } from "../../src/adapters/excel/a1";

export interface FakeExcelOptions {
  /** Highest ExcelApi version the fake host supports (default "1.20"). */
  apiVersion?: string;
  /** Sheets whose cells refuse writes (AccessDenied at sync). */
  protectedSheets?: string[];
  /** Per-sync response limit, in loaded cell values (values/text/numberFormat/formulas each count). */
  maxResponseCells?: number;
  /** Whether fill/format writes fire onChanged like value writes do (default true: the worst case). */
  formatChangesFireOnChanged?: boolean;
  /** Report triggerSource "ThisLocalAddin" for API writes (ExcelApi 1.14 behaviour); default false: worst case. */
  reportTriggerSource?: boolean;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface FCell {
  value: CellValue;
  text: string;
  format: string;
  formula: string | null;
  fill: string | null;
  pattern: string;
  validation: unknown;
}

interface FNote {
  content: string;
}

interface FComment {
  id: string;
  sheet: FSheet;
  row: number;
  col: number;
  content: string;
}

type ChangedHandler = (args: any) => Promise<any> | void;

class FSheet {
  cells = new Map<string, FCell>();
  merges: CellArea[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  notes = new Map<string, FNote>();
  handlers = new Set<ChangedHandler>();
  visibility = "Visible";
  protected = false;
  constructor(
    public id: string,
    public name: string,
  ) {}

  cell(r: number, c: number): FCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        value: null,
        text: "",
        format: "General",
        formula: null,
        fill: null,
        pattern: "None",
        validation: null,
      };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(r: number, c: number): FCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  usedArea(valuesOnly: boolean): CellArea | null {
    let area: CellArea | null = null;
    for (const [key, cell] of this.cells) {
      const used =
        (cell.value !== null && cell.value !== "") ||
        (!valuesOnly && (cell.fill !== null || cell.format !== "General"));
      if (!used) continue;
      const [r, c] = key.split(",").map(Number);
      if (!area) area = { top: r, left: c, bottom: r, right: c };
      else
        area = {
          top: Math.min(area.top, r),
          left: Math.min(area.left, c),
          bottom: Math.max(area.bottom, r),
          right: Math.max(area.right, c),
        };
    }
    return area;
  }
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function apiAtLeast(version: string, wanted: string): boolean {
  const [a, b] = version.split(".").map(Number);
  const [c, d] = wanted.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

function splitProps(props: unknown): string[] {
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

// ---------------------------------------------------------------------------------------------
// Context and proxies

export class FakeContext {
  private queue: Array<() => void> = [];
  readonly workbook: FakeWorkbook;
  /** Cells loaded in the current sync, for the payload limit. */
  responseCells = 0;
  wrote = false;
  writtenRanges: Array<{ sheet: FSheet; area: CellArea; format: boolean }> = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
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

  async sync(): Promise<void> {
    this.fake.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.responseCells = 0;
    this.wrote = false;
    this.writtenRanges = [];
    this.fake.proxiesPerSync.push(ops.length);
    try {
      for (const op of ops) op();
      const limit = this.fake.options.maxResponseCells;
      if (limit !== undefined && this.responseCells > limit) {
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `Response of ${this.responseCells} cells exceeds ${limit}`,
        );
      }
    } finally {
      if (this.wrote) this.fake.writeSyncCount++;
      this.fake.afterWrites(this.writtenRanges);
    }
  }

  /** Marks a write; throws AccessDenied on protected sheets (checked at sync like Excel). */
  write(sheet: FSheet, area: CellArea | null, format: boolean): void {
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
    this.wrote = true;
    if (area) this.writtenRanges.push({ sheet, area, format });
  }
}

/** Base proxy: load() queues a snapshot; reading an unloaded property throws like Office.js. */
class FakeProxy<T> {
  protected loaded = new Map<string, unknown>();
  protected synced = false;
  protected target: T | null = null;

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

  /** Subclasses map property names to live values. */
  protected read(_t: T, prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `${this.label}: cannot load '${prop}'`);
  }

  protected nullable = false;

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
    this.context.enqueue(() => fn(this.resolveOrThrow()));
  }
}

interface RangeTarget {
  sheet: FSheet;
  area: CellArea;
}

class FakeRangeFill extends FakeProxy<RangeTarget> {
  protected read(t: RangeTarget, prop: string): unknown {
    const c = t.sheet.peek(t.area.top, t.area.left);
    if (prop === "color") return c?.fill ?? "#FFFFFF";
    if (prop === "pattern") return c?.fill ? c.pattern : "None";
    return super.read(t, prop);
  }
  override load(props?: unknown): this {
    if (splitProps(props).includes("pattern")) this.context.requireApi("1.9", "RangeFill.pattern");
    return super.load(props);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => {
        c.fill = v.toUpperCase();
        if (c.pattern === "None") c.pattern = "Solid";
      });
    });
  }
  get pattern(): string {
    return this.get("pattern");
  }
  set pattern(v: string) {
    this.context.requireApi("1.9", "RangeFill.pattern");
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => (c.pattern = v));
    });
  }
  clear(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => {
        c.fill = null;
        c.pattern = "None";
      });
    });
  }
}

function forEachCell(t: RangeTarget, fn: (c: FCell, r: number, col: number) => void): void {
  for (let r = t.area.top; r <= t.area.bottom; r++)
    for (let c = t.area.left; c <= t.area.right; c++) fn(t.sheet.cell(r, c), r, c);
}

function matrix<V>(t: RangeTarget, fn: (c: FCell | undefined) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.area.top; r <= t.area.bottom; r++) {
    const row: V[] = [];
    for (let c = t.area.left; c <= t.area.right; c++) row.push(fn(t.sheet.peek(r, c)));
    out.push(row);
  }
  return out;
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

class FakeRangeAreas extends FakeProxy<{ sheet: FSheet; areas: CellArea[] }> {
  protected nullable = true;
  protected read(t: { sheet: FSheet; areas: CellArea[] }, prop: string): unknown {
    if (prop === "address")
      return t.areas.map((a) => `${quoteName(t.sheet.name)}!${areaAddress(a)}`).join(", ");
    if (prop === "areaCount") return t.areas.length;
    return super.read(t, prop);
  }
  get address(): string {
    return this.get("address");
  }
}

class FakeDataValidation extends FakeProxy<RangeTarget> {
  set rule(v: unknown) {
    this.context.requireApi("1.8", "DataValidation");
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => (c.validation = v));
    });
  }
  clear(): void {
    this.context.requireApi("1.8", "DataValidation");
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => (c.validation = null));
    });
  }
}

export class FakeRange extends FakeProxy<RangeTarget> {
  readonly format: { fill: FakeRangeFill };
  readonly dataValidation: FakeDataValidation;

  constructor(context: FakeContext, resolver: () => RangeTarget | null, label: string, nullable = false) {
    super(context, resolver, label);
    this.nullable = nullable;
    const fill = new FakeRangeFill(context, resolver, `${label}.format.fill`);
    (fill as any).nullable = nullable;
    this.format = { fill };
    this.dataValidation = new FakeDataValidation(context, resolver, `${label}.dataValidation`);
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const a = t.area;
    const cells = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    switch (prop) {
      case "address":
        return `${quoteName(t.sheet.name)}!${areaAddress(a)}`;
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "values":
        this.context.responseCells += cells;
        return matrix(t, (c) => (c?.value === null || c?.value === undefined ? "" : c.value));
      case "text":
        this.context.responseCells += cells;
        return matrix(t, (c) => c?.text ?? "");
      case "numberFormat":
        this.context.responseCells += cells;
        return matrix(t, (c) => c?.format ?? "General");
      case "formulas":
        this.context.responseCells += cells;
        return matrix(t, (c) => c?.formula ?? (c?.value === null || c?.value === undefined ? "" : c.value));
      case "rowHidden":
        return tri(range(a.top, a.bottom).map((r) => t.sheet.hiddenRows.has(r)));
      case "columnHidden":
        return tri(range(a.left, a.right).map((c) => t.sheet.hiddenCols.has(c)));
    }
    return super.read(t, prop);
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get rowHidden(): boolean | null {
    return this.get("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this.get("columnHidden");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, false);
      forEachCell(t, (c, r, col) => setCellValue(c, cellAt(v, r - t.area.top, col - t.area.left)));
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, false);
      forEachCell(t, (c, r, col) => {
        const f = cellAt(v, r - t.area.top, col - t.area.left);
        if (typeof f === "string" && f.startsWith("="))
          c.formula = f; // The fake cannot evaluate; the value stays.
        else setCellValue(c, f);
      });
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c, r, col) => (c.format = String(cellAt(v, r - t.area.top, col - t.area.left))));
    });
  }

  private child(area: (a: CellArea) => CellArea, label: string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolver();
        return t ? { sheet: t.sheet, area: area(t.area) } : null;
      },
      `${this.label}.${label}`,
      this.nullable,
    );
  }

  getCell(row: number, col: number): FakeRange {
    return this.child(
      (a) => ({ top: a.top + row, left: a.left + col, bottom: a.top + row, right: a.left + col }),
      `getCell(${row},${col})`,
    );
  }
  getRow(i: number): FakeRange {
    return this.child(
      (a) => ({ top: a.top + i, bottom: a.top + i, left: a.left, right: a.right }),
      `getRow(${i})`,
    );
  }
  getColumn(j: number): FakeRange {
    return this.child(
      (a) => ({ top: a.top, bottom: a.bottom, left: a.left + j, right: a.left + j }),
      `getColumn(${j})`,
    );
  }

  /**
   * ExcelApi 1.9. Only the fill subset kensho uses ({ format: { fill: { color, pattern } } }); asking
   * for anything else fails loudly rather than returning made-up data. Each cell counts once toward
   * the payload limit. On a null object the result stays null (kensho never reads it then).
   */
  getCellProperties(options: any): FakeClientResult<any[][] | null> {
    this.context.requireApi("1.9", "Range.getCellProperties");
    const keys = Object.keys(options ?? {});
    const fillKeys = Object.keys(options?.format?.fill ?? {});
    if (
      keys.join() !== "format" ||
      Object.keys(options.format).join() !== "fill" ||
      fillKeys.length === 0 ||
      fillKeys.some((k) => k !== "color" && k !== "pattern")
    ) {
      throw new Error(`fake: getCellProperties(${JSON.stringify(options)}) not implemented`);
    }
    const result = new FakeClientResult<any[][] | null>(`${this.label}.getCellProperties`);
    this.context.enqueue(() => {
      const t = this.nullable ? this.resolver() : this.resolveOrThrow();
      if (t === null) {
        result.settle(null);
        return;
      }
      const a = t.area;
      this.context.responseCells += (a.bottom - a.top + 1) * (a.right - a.left + 1);
      result.settle(
        matrix(t, (c) => {
          const fill: Record<string, string> = {};
          // Same reporting as RangeFill: no fill reads as white with pattern None.
          if (options.format.fill.color) fill.color = c?.fill ?? "#FFFFFF";
          if (options.format.fill.pattern) fill.pattern = c?.fill ? c.pattern : "None";
          return { format: { fill } };
        }),
      );
    });
    return result;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.resolver();
        if (!t) return null;
        const areas = t.sheet.merges.filter(
          (m) =>
            m.top <= t.area.bottom &&
            t.area.top <= m.bottom &&
            m.left <= t.area.right &&
            t.area.left <= m.right,
        );
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      `${this.label}.mergedAreas`,
    );
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    this.context.requireApi("1.9", "Range.getSpecialCellsOrNullObject");
    if (cellType !== "Visible") throw new Error(`fake: getSpecialCells(${cellType}) not implemented`);
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.resolver();
        if (!t) return null;
        const rowRuns = runs(t.area.top, t.area.bottom, (r) => !t.sheet.hiddenRows.has(r));
        const colRuns = runs(t.area.left, t.area.right, (c) => !t.sheet.hiddenCols.has(c));
        const areas = rowRuns.flatMap(([top, bottom]) =>
          colRuns.map(([left, right]) => ({ top, bottom, left, right })),
        );
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      `${this.label}.visible`,
    );
  }

  select(): void {
    this.mutate((t) => {
      this.context.fake.selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
    });
  }

  clear(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, null, false);
      for (const [key] of [...t.sheet.cells]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= t.area.top && r <= t.area.bottom && c >= t.area.left && c <= t.area.right)
          t.sheet.cells.delete(key);
      }
    });
  }
}

function cellAt(v: unknown[][], r: number, c: number): unknown {
  // Office.js accepts a single value for a whole range as a 1x1 array broadcast.
  const row = v[r] ?? v[0];
  return row[c] ?? row[0];
}

function setCellValue(c: FCell, v: unknown): void {
  c.formula = null;
  c.value = v === "" || v === undefined || v === null ? null : (v as CellValue);
  c.text = c.value === null ? "" : String(c.value);
}

function tri(flags: boolean[]): boolean | null {
  return flags.every(Boolean) ? true : flags.some(Boolean) ? null : false;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function runs(a: number, b: number, keep: (i: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = a; i <= b + 1; i++) {
    if (i <= b && keep(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

class FakeNote extends FakeProxy<{ sheet: FSheet; key: string }> {
  protected read(t: { sheet: FSheet; key: string }, prop: string): unknown {
    if (prop === "content") return t.sheet.notes.get(t.key)!.content;
    return super.read(t, prop);
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.mutate((t) => {
      this.context.write(t.sheet, null, true);
      t.sheet.notes.get(t.key)!.content = v;
    });
  }
  delete(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, null, true);
      t.sheet.notes.delete(t.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolver();
        const a = t ? parseArea(t.key) : null;
        return t && a ? { sheet: t.sheet, area: a } : null;
      },
      `${this.label}.location`,
    );
  }
}

/** workbook.notes (ExcelApi 1.18): every note of every sheet, loaded as items. */
class FakeWorkbookNoteCollection {
  private loadedItems: FakeNote[] | null = null;
  constructor(private readonly context: FakeContext) {}
  load(props?: unknown): this {
    this.context.requireApi("1.18", "Workbook.notes");
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.loadedItems = this.context.fake.sheets.flatMap((s) =>
        [...s.notes.keys()].map((key) => {
          const proxy = new FakeNote(
            this.context,
            () => (this.context.fake.sheets.includes(s) && s.notes.has(key) ? { sheet: s, key } : null),
            `note(${s.name}!${key})`,
          );
          (proxy as any).synced = true;
          (proxy as any).target = { sheet: s, key };
          for (const n of names) (proxy as any).loaded.set(n, (proxy as any).read({ sheet: s, key }, n));
          return proxy;
        }),
      );
    });
    return this;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", "workbook.notes.items is not loaded");
    return this.loadedItems;
  }
}

function cellKeyOf(address: string): string {
  const a = parseArea(address);
  if (!a || a.top !== a.bottom || a.left !== a.right)
    throw new FakeOfficeError("InvalidCellAddress", `Not a single cell: ${address}`);
  return cellAddress(a.top, a.left);
}

class FakeNoteCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FSheet | null,
    private readonly label: string,
  ) {}

  private note(address: string, nullable: boolean): FakeNote {
    this.context.requireApi("1.18", "NoteCollection");
    const proxy = new FakeNote(
      this.context,
      () => {
        const s = this.sheet();
        const key = cellKeyOf(address);
        return s && s.notes.has(key) ? { sheet: s, key } : null;
      },
      `${this.label}.note(${address})`,
    );
    (proxy as any).nullable = nullable;
    return proxy;
  }
  getItem(address: string): FakeNote {
    return this.note(address, false);
  }
  getItemOrNullObject(address: string): FakeNote {
    return this.note(address, true);
  }
  add(cellAddressOrRange: string, content: string): FakeNote {
    this.context.requireApi("1.18", "NoteCollection.add");
    this.context.enqueue(() => {
      const s = this.sheet();
      if (!s) throw new FakeOfficeError("ItemNotFound", `${this.label}: sheet missing`);
      const key = cellKeyOf(cellAddressOrRange);
      this.context.write(s, parseArea(key), true);
      if (s.notes.has(key)) throw new FakeOfficeError("InvalidOperation", `A note already exists at ${key}`);
      s.notes.set(key, { content });
    });
    return this.note(cellAddressOrRange, false);
  }
}

class FakeComment extends FakeProxy<FComment> {
  protected read(t: FComment, prop: string): unknown {
    if (prop === "id") return t.id;
    if (prop === "content") return t.content;
    return super.read(t, prop);
  }
  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.mutate((t) => {
      this.context.write(t.sheet, null, true);
      t.content = v;
    });
  }
  delete(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, null, true);
      this.context.fake.comments = this.context.fake.comments.filter((c) => c !== t);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolver();
        return t ? { sheet: t.sheet, area: { top: t.row, bottom: t.row, left: t.col, right: t.col } } : null;
      },
      `${this.label}.location`,
    );
  }
}

class FakeCommentCollection {
  private loadedItems: FakeComment[] | null = null;
  constructor(private readonly context: FakeContext) {}

  private byId(id: string): FakeComment {
    this.context.requireApi("1.10", "CommentCollection");
    return new FakeComment(
      this.context,
      () => this.context.fake.comments.find((c) => c.id === id) ?? null,
      `comment(${id})`,
    );
  }
  getItem(id: string): FakeComment {
    return this.byId(id);
  }
  load(props?: unknown): this {
    this.context.requireApi("1.10", "CommentCollection");
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.loadedItems = this.context.fake.comments.map((c) => {
        const proxy = new FakeComment(
          this.context,
          () => (this.context.fake.comments.includes(c) ? c : null),
          `comment(${c.id})`,
        );
        (proxy as any).synced = true;
        (proxy as any).target = c;
        for (const n of names) (proxy as any).loaded.set(n, (proxy as any).read(c, n));
        return proxy;
      });
    });
    return this;
  }
  get items(): FakeComment[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "comments.items is not loaded");
    return this.loadedItems;
  }
  add(cellAddressOrRange: string, content: string): FakeComment {
    this.context.requireApi("1.10", "CommentCollection.add");
    const id = `c${++this.context.fake.commentSeq}`;
    this.context.enqueue(() => {
      const bang = cellAddressOrRange.lastIndexOf("!");
      if (bang < 0)
        throw new FakeOfficeError("InvalidArgument", "comments.add needs a sheet-qualified address");
      const name = cellAddressOrRange
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      const sheet = this.context.fake.sheetByName(name);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `No sheet ${name}`);
      const a = parseArea(cellKeyOf(cellAddressOrRange.slice(bang + 1)))!;
      this.context.write(sheet, a, true);
      if (this.context.fake.comments.some((c) => c.sheet === sheet && c.row === a.top && c.col === a.left)) {
        throw new FakeOfficeError("InvalidOperation", `A comment already exists at ${cellAddressOrRange}`);
      }
      this.context.fake.comments.push({ id, sheet, row: a.top, col: a.left, content });
    });
    return this.byId(id);
  }
}

class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly set: () => Set<ChangedHandler> | null,
    private readonly version: string,
  ) {}
  add(handler: ChangedHandler): { context: FakeContext; remove(): void } {
    this.context.requireApi(this.version, "onChanged");
    const context = this.context;
    context.enqueue(() => this.set()?.add(handler));
    return {
      context,
      remove: () => context.enqueue(() => this.set()?.delete(handler)),
    };
  }
}

export class FakeWorksheet extends FakeProxy<FSheet> {
  readonly notes: FakeNoteCollection;
  readonly protection: FakeProtection;
  readonly onChanged: FakeEventHandlers;

  constructor(context: FakeContext, resolver: () => FSheet | null, label: string, nullable: boolean) {
    super(context, resolver, label);
    this.nullable = nullable;
    this.notes = new FakeNoteCollection(context, resolver, `${label}.notes`);
    this.protection = new FakeProtection(context, resolver, `${label}.protection`, nullable);
    this.onChanged = new FakeEventHandlers(context, () => resolver()?.handlers ?? null, "1.7");
  }

  protected read(t: FSheet, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "id") return t.id;
    if (prop === "visibility") return t.visibility;
    if (prop === "position") return this.context.fake.sheets.indexOf(t);
    return super.read(t, prop);
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.mutate((t) => {
      this.context.wrote = true;
      t.visibility = v;
    });
  }

  private rangeProxy(area: (s: FSheet) => CellArea | null, label: string, nullable = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.resolver();
        const a = s ? area(s) : null;
        return s && a ? { sheet: s, area: a } : null;
      },
      `${this.label}.${label}`,
      nullable || this.nullable,
    );
  }

  getRange(address?: string): FakeRange {
    if (address === undefined)
      return this.rangeProxy(() => ({ top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }), "getRange()");
    const area = parseArea(address);
    if (!area) throw new FakeOfficeError("InvalidArgument", `fake: unsupported address ${address}`);
    return this.rangeProxy(() => area, `getRange(${address})`);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.context.requireApi("1.7", "getRangeByIndexes");
    return this.rangeProxy(
      () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
      `getRangeByIndexes(${row},${col},${rows},${cols})`,
    );
  }
  getUsedRange(valuesOnly = false): FakeRange {
    const r = this.rangeProxy(
      (s) => s.usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      "usedRange",
    );
    return r;
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.rangeProxy((s) => s.usedArea(valuesOnly), "usedRangeOrNull", true);
  }
  activate(): void {
    this.mutate((t) => (this.context.fake.activeSheet = t.name));
  }
  delete(): void {
    this.mutate((t) => {
      this.context.wrote = true;
      this.context.fake.sheets = this.context.fake.sheets.filter((s) => s !== t);
      this.context.fake.comments = this.context.fake.comments.filter((c) => c.sheet !== t);
    });
  }
}

class FakeProtection extends FakeProxy<FSheet> {
  constructor(context: FakeContext, resolver: () => FSheet | null, label: string, nullable: boolean) {
    super(context, resolver, label);
    this.nullable = nullable;
  }
  protected read(t: FSheet, prop: string): unknown {
    if (prop === "protected") return t.protected;
    return super.read(t, prop);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  readonly onChanged: FakeEventHandlers;

  constructor(private readonly context: FakeContext) {
    this.onChanged = new FakeEventHandlers(context, () => context.fake.collectionHandlers, "1.9");
  }

  private proxyFor(s: FSheet, props: string[]): FakeWorksheet {
    const ws = new FakeWorksheet(
      this.context,
      () => (this.context.fake.sheets.includes(s) ? s : null),
      `worksheet(${s.name})`,
      false,
    );
    (ws as any).synced = true;
    (ws as any).target = s;
    for (const p of props) (ws as any).loaded.set(p, (ws as any).read(s, p));
    return ws;
  }

  load(props?: unknown): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.loadedItems = this.context.fake.sheets.map((s) => this.proxyFor(s, names));
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "worksheets.items is not loaded");
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.fake.sheetByName(name),
      `worksheet(${name})`,
      false,
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.fake.sheetByName(name),
      `worksheet(${name})?`,
      true,
    );
  }
  add(name: string): FakeWorksheet {
    this.context.enqueue(() => {
      if (this.context.fake.sheetByName(name))
        throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists`);
      this.context.wrote = true;
      this.context.fake.sheets.push(new FSheet(`{sheet-${++this.context.fake.sheetSeq}}`, name));
    });
    return this.getItem(name);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly comments: FakeCommentCollection;
  readonly notes: FakeWorkbookNoteCollection;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.comments = new FakeCommentCollection(context);
    this.notes = new FakeWorkbookNoteCollection(context);
  }
}

// ---------------------------------------------------------------------------------------------
// The fake workbook and Office host

export class FakeExcel {
  sheets: FSheet[] = [];
  comments: FComment[] = [];
  collectionHandlers = new Set<ChangedHandler>();
  readonly options: FakeExcelOptions;
  readonly apiVersion: string;
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
  private pendingEvents: Array<Promise<void>> = [];

  constructor(grids: SheetGrid[], options: FakeExcelOptions = {}) {
    this.options = options;
    this.apiVersion = options.apiVersion ?? "1.20";
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

  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && apiAtLeast(this.apiVersion, version);
  }

  /** Excel.run: a fresh context per batch, like Office.js. */
  run = async <T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    // Strict: work queued after the last sync is never sent; count it so tests can catch it.
    this.droppedOps += (ctx as any).queue.length;
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

  private fire(
    sheet: FSheet,
    address: string,
    triggerSource: string,
    source = "Local",
    details?: { valueBefore: CellValue; valueAfter: CellValue },
  ): void {
    const args = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address,
      changeType: "RangeEdited",
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

  // --- Test hooks -------------------------------------------------------------------------

  /** A person types into cells: sets the value(s) and fires onChanged (Local, RangeEdited). */
  async userEdit(
    sheet: string,
    address: string,
    value: CellValue,
    opts: { source?: "Local" | "Remote" } = {},
  ): Promise<void> {
    const { s, a } = this.cellOf(sheet, address);
    const before = s.peek(a.top, a.left)?.value ?? null;
    forEachCell({ sheet: s, area: a }, (c) => setCellValue(c, value));
    this.fire(s, areaAddress(a), "Unknown", opts.source ?? "Local", this.detailsFor(a, before, value));
    await this.flushEvents();
  }

  /** Waits until every event fired so far has been delivered to handlers. */
  async flushEvents(): Promise<void> {
    while (this.pendingEvents.length > 0) {
      const batch = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.all(batch);
    }
  }

  /** Test setup (no sync): a cell's own fill; null for none. Optional non-solid pattern. */
  setFill(sheet: string, address: string, color: string | null, pattern = "Solid"): void {
    const { s, a } = this.cellOf(sheet, address);
    forEachCell({ sheet: s, area: a }, (c) => {
      c.fill = color?.toUpperCase() ?? null;
      c.pattern = color ? pattern : "None";
    });
  }
  setNote(sheet: string, address: string, content: string): void {
    this.sheet(sheet).notes.set(cellKeyOf(address), { content });
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

  // --- Inspectors -------------------------------------------------------------------------

  value(sheet: string, address: string): CellValue {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.value ?? null;
  }
  text(sheet: string, address: string): string {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.text ?? "";
  }
  /** The cell's own fill: "#RRGGBB" or null for none. */
  fill(sheet: string, address: string): string | null {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.fill ?? null;
  }
  pattern(sheet: string, address: string): string {
    const { s, a } = this.cellOf(sheet, address);
    return s.peek(a.top, a.left)?.pattern ?? "None";
  }
  note(sheet: string, address: string): string | null {
    return this.sheet(sheet).notes.get(cellKeyOf(address))?.content ?? null;
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
    return s.peek(a.top, a.left)?.validation ?? null;
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  visibility(sheet: string): string {
    return this.sheet(sheet).visibility;
  }
  /** Every cell's value, text, format, fill and pattern, plus notes and comments: for before/after equality. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()]
        .filter(
          ([, c]) => c.value !== null || c.fill !== null || c.format !== "General" || c.validation !== null,
        )
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, c]) => [k, c.value, c.text, c.format, c.fill, c.fill ? c.pattern : "None", c.validation]),
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
  }

  /** The Office.context.document.settings object. */
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
      setTimeout(() => callback?.({ status: "succeeded" }), 0);
    },
  };

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
    run: (batch: (ctx: FakeContext) => Promise<unknown>) => fake.run(batch),
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
      itemNotFound: "ItemNotFound",
      invalidOperation: "InvalidOperation",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };
}
