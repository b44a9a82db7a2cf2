// Range and what hangs off it: format.fill, dataValidation, merged and visible areas, cell properties.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { CellArea } from "../../../src/core/model";
import { areaAddress } from "../../../src/adapters/excel/a1";
import { FakeClientResult, FakeProxy, type FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FCell, FFill, FSheet, FValidation } from "./model";
import { enterFormula, enterValue, formulaOf, valueType } from "./values";

export interface RangeTarget {
  sheet: FSheet;
  area: CellArea;
}

export function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function forEachCell(t: RangeTarget, fn: (c: FCell, r: number, col: number) => void): void {
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

function cellCount(a: CellArea): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

function cellAt(v: unknown, r: number, c: number): unknown {
  if (!Array.isArray(v)) return v; // a single value for the whole range
  const row = (v[r] ?? v[0]) as unknown[];
  return row[c] ?? row[0];
}

// --- fills -------------------------------------------------------------------------------------

const HEX = /^#?[0-9a-fA-F]{6}$/;
const GRADIENTS = new Set(["LinearGradient", "RectangularGradient"]);

function hex(v: string, what: string): string {
  if (!HEX.test(v)) throw new FakeOfficeError("InvalidArgument", `${what}: '${v}' is not a #RRGGBB colour`);
  return (v.startsWith("#") ? v : `#${v}`).toUpperCase();
}

/** How Excel reports a fill property; "no fill" reads as white with pattern None. */
export function fillProperty(fill: FFill | null, prop: string): unknown {
  switch (prop) {
    case "color":
      return fill?.color ?? "#FFFFFF";
    case "pattern":
      return fill?.pattern ?? "None";
    case "patternColor":
      return fill?.patternColor ?? "#000000";
    case "tintAndShade":
      return fill?.tintAndShade ?? 0;
    case "patternTintAndShade":
      return fill?.patternTintAndShade ?? 0;
  }
  return undefined;
}

const FILL_PROPS = new Set(["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"]);
const FILL_19 = new Set(["pattern", "patternColor", "tintAndShade", "patternTintAndShade"]);

function baseFill(c: FCell): FFill {
  return (
    c.fill ?? {
      color: "#FFFFFF",
      pattern: "Solid",
      patternColor: "#000000",
      tintAndShade: 0,
      patternTintAndShade: 0,
    }
  );
}

class FakeRangeFill extends FakeProxy<RangeTarget> {
  protected read(t: RangeTarget, prop: string): unknown {
    if (FILL_PROPS.has(prop)) return fillProperty(t.sheet.peek(t.area.top, t.area.left)?.fill ?? null, prop);
    return super.read(t, prop);
  }
  override load(props?: unknown): this {
    const names = typeof props === "string" ? props.split(",").map((p) => p.trim()) : [];
    if (names.some((n) => FILL_19.has(n)))
      this.context.requireApi("1.9", "RangeFill (ExcelApi 1.9 properties)");
    return super.load(props);
  }
  private setEach(prop: string, fn: (c: FCell) => void, api19 = true): void {
    if (api19) this.context.requireApi("1.9", `RangeFill.${prop}`);
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, fn);
    });
  }
  get color(): string {
    return this.get("color");
  }
  /** [fillProperties] harsher: a colour write is a plain solid fill, tintAndShade back to 0. */
  set color(v: string) {
    this.setEach(
      "color",
      (c) => {
        const f = baseFill(c);
        c.fill = {
          ...f,
          color: hex(v, "RangeFill.color"),
          pattern: f.pattern === "None" ? "Solid" : f.pattern,
          tintAndShade: 0,
        };
      },
      false,
    );
  }
  get pattern(): string {
    return this.get("pattern");
  }
  /** [fillProperties] "LinearGradient and RectangularGradient are not supported." */
  set pattern(v: string) {
    this.setEach("pattern", (c) => {
      if (GRADIENTS.has(v))
        throw new FakeOfficeError("InvalidArgument", `RangeFill.pattern: ${v} is not supported`);
      c.fill = v === "None" ? null : { ...baseFill(c), pattern: v };
    });
  }
  get patternColor(): string {
    return this.get("patternColor");
  }
  set patternColor(v: string) {
    this.setEach(
      "patternColor",
      (c) => (c.fill = { ...baseFill(c), patternColor: hex(v, "RangeFill.patternColor") }),
    );
  }
  get tintAndShade(): number {
    return this.get("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.setEach("tintAndShade", (c) => {
      if (!(v >= -1 && v <= 1))
        throw new FakeOfficeError("InvalidArgument", "tintAndShade must be between -1 and 1");
      c.fill = { ...baseFill(c), tintAndShade: v };
    });
  }
  get patternTintAndShade(): number {
    return this.get("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.setEach("patternTintAndShade", (c) => {
      if (!(v >= -1 && v <= 1))
        throw new FakeOfficeError("InvalidArgument", "patternTintAndShade must be between -1 and 1");
      c.fill = { ...baseFill(c), patternTintAndShade: v };
    });
  }
  clear(): void {
    this.setEach("clear", (c) => (c.fill = null), false);
  }
}

// --- areas ------------------------------------------------------------------------------------

export class FakeRangeAreas extends FakeProxy<{ sheet: FSheet; areas: CellArea[] }> {
  constructor(
    context: FakeContext,
    resolver: () => { sheet: FSheet; areas: CellArea[] } | null,
    label: string,
  ) {
    super(context, resolver, label);
    this.nullable = true;
  }
  protected read(t: { sheet: FSheet; areas: CellArea[] }, prop: string): unknown {
    if (prop === "address")
      return t.areas.map((a) => `${quoteName(t.sheet.name)}!${areaAddress(a)}`).join(", ");
    if (prop === "areaCount") return t.areas.length;
    return super.read(t, prop);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

// --- data validation --------------------------------------------------------------------------

const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

function emptyValidation(): FValidation {
  return {
    rule: {},
    type: "None",
    ignoreBlanks: true,
    prompt: { showPrompt: false, title: "", message: "" },
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  };
}

function clone<V>(v: V): V {
  return JSON.parse(JSON.stringify(v)) as V;
}

class FakeDataValidation extends FakeProxy<RangeTarget> {
  protected read(t: RangeTarget, prop: string): unknown {
    const v = t.sheet.peek(t.area.top, t.area.left)?.validation ?? emptyValidation();
    // [dataValidationRule] harsher where silent: a rule reads back with every other type as null.
    if (prop === "rule")
      return { ...Object.fromEntries(Object.keys(RULE_TYPES).map((k) => [k, null])), ...clone(v.rule) };
    if (prop === "type" || prop === "ignoreBlanks" || prop === "prompt" || prop === "errorAlert")
      return clone(v[prop]);
    return super.read(t, prop);
  }
  override load(props?: unknown): this {
    this.context.requireApi("1.8", "DataValidation");
    return super.load(props);
  }
  private update(fn: (v: FValidation) => void): void {
    this.context.requireApi("1.8", "DataValidation");
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => {
        const v = c.validation ? clone(c.validation) : emptyValidation();
        fn(v);
        c.validation = v;
      });
    });
  }
  get rule(): Record<string, unknown> {
    return this.get("rule");
  }
  set rule(rule: Record<string, unknown>) {
    // "No more than one of these properties may be present in any DataValidationRule object."
    const keys = Object.keys(rule ?? {}).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
    if (keys.length !== 1 || !RULE_TYPES[keys[0]])
      throw new FakeOfficeError("InvalidArgument", "A DataValidationRule holds exactly one rule type.");
    this.update((v) => {
      v.rule = clone(rule);
      v.type = RULE_TYPES[keys[0]];
    });
  }
  get type(): string {
    return this.get("type");
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(b: boolean) {
    this.update((v) => (v.ignoreBlanks = b));
  }
  get prompt(): Record<string, unknown> {
    return this.get("prompt");
  }
  set prompt(p: Record<string, unknown>) {
    this.update((v) => (v.prompt = { ...v.prompt, ...clone(p) }));
  }
  get errorAlert(): Record<string, unknown> {
    return this.get("errorAlert");
  }
  set errorAlert(e: Record<string, unknown>) {
    this.update((v) => (v.errorAlert = { ...v.errorAlert, ...clone(e) }));
  }
  clear(): void {
    this.context.requireApi("1.8", "DataValidation");
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => (c.validation = null));
    });
  }
}

// --- the range --------------------------------------------------------------------------------

function tri(flags: boolean[]): boolean | null {
  return flags.every(Boolean) ? true : flags.some(Boolean) ? null : false;
}

function span(a: number, b: number): number[] {
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

export const MERGED_AREA_LIMIT = 512;

/** RangeFont (ExcelApi 1.1): the write side kensho uses; each cell keeps what was set. */
class FakeRangeFont {
  constructor(
    private readonly context: FakeContext,
    private readonly own: () => RangeTarget,
  ) {}
  private set(key: "bold" | "size" | "color", v: boolean | number | string): void {
    this.context.enqueue(() => {
      const t = this.own();
      this.context.write(t.sheet, t.area, true);
      forEachCell(t, (c) => (c.font = { ...c.font, [key]: v }));
    });
  }
  set bold(v: boolean) {
    this.set("bold", v);
  }
  set size(v: number) {
    this.set("size", v);
  }
  set color(v: string) {
    this.set("color", v);
  }
}

/**
 * [protection] FormatProtection (ExcelApi 1.2): "locked: Specifies if Excel locks the cells in the
 * object. A null value indicates that the entire range doesn't have a uniform lock setting."
 */
class FakeFormatProtection extends FakeProxy<RangeTarget> {
  protected read(t: RangeTarget, prop: string): unknown {
    if (prop !== "locked") return super.read(t, prop);
    const flags: boolean[] = [];
    forEachCellPeek(t, (c) => flags.push(c?.locked !== false));
    return tri(flags);
  }
  override load(props?: unknown): this {
    this.context.requireApi("1.2", "FormatProtection");
    return super.load(props);
  }
  get locked(): boolean | null {
    return this.get("locked");
  }
}

function forEachCellPeek(t: RangeTarget, fn: (c: FCell | undefined) => void): void {
  for (let r = t.area.top; r <= t.area.bottom; r++)
    for (let c = t.area.left; c <= t.area.right; c++) fn(t.sheet.peek(r, c));
}

export class FakeRange extends FakeProxy<RangeTarget> {
  readonly format: {
    fill: FakeRangeFill;
    font: FakeRangeFont;
    protection: FakeFormatProtection;
    autofitColumns(): void;
  };
  readonly dataValidation: FakeDataValidation;

  constructor(context: FakeContext, resolver: () => RangeTarget | null, label: string, nullable = false) {
    super(context, resolver, label);
    this.nullable = nullable;
    const own = () => this.resolveForChild();
    this.format = {
      fill: new FakeRangeFill(context, own, `${label}.format.fill`),
      font: new FakeRangeFont(context, own),
      protection: new FakeFormatProtection(context, own, `${label}.format.protection`),
      // RangeFormat.autofitColumns, ExcelApi 1.2.
      autofitColumns: () => {
        context.requireApi("1.2", "RangeFormat.autofitColumns");
        this.mutate((t) => {
          context.write(t.sheet, t.area, true);
          for (let c = t.area.left; c <= Math.min(t.area.right, t.area.left + 1000); c++)
            t.sheet.autofitted.add(c);
        });
      },
    };
    this.dataValidation = new FakeDataValidation(context, own, `${label}.dataValidation`);
  }

  /** A loaded matrix that counts toward the payload limit (null in the partial-response form). */
  private cellsOf<V>(t: RangeTarget, fn: (c: FCell | undefined) => V): V[][] | null {
    return this.context.respond(cellCount(t.area)) ? matrix(t, fn) : null;
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const a = t.area;
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
      case "cellCount":
        return cellCount(a);
      case "values":
        return this.cellsOf(t, (c) => (c?.value === null || c?.value === undefined ? "" : c.value));
      case "text":
        return this.cellsOf(t, (c) => c?.text ?? "");
      case "numberFormat":
        return this.cellsOf(t, (c) => c?.format ?? "General");
      case "formulas":
        return this.cellsOf(t, formulaOf);
      case "valueTypes":
        return this.cellsOf(t, valueType);
      case "rowHidden":
        return tri(span(a.top, a.bottom).map((r) => t.sheet.hiddenRows.has(r)));
      case "columnHidden":
        return tri(span(a.left, a.right).map((c) => t.sheet.hiddenCols.has(c)));
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
  get cellCount(): number {
    return this.get("cellCount");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
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
      this.context.groupable("Range.values");
      this.context.write(t.sheet, t.area, false);
      forEachCell(t, (c, r, col) => enterValue(c, cellAt(v, r - t.area.top, col - t.area.left)));
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.mutate((t) => {
      this.context.groupable("Range.formulas");
      this.context.write(t.sheet, t.area, false);
      forEachCell(t, (c, r, col) => enterFormula(c, cellAt(v, r - t.area.top, col - t.area.left)));
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
        const t = this.resolveForChild();
        return { sheet: t.sheet, area: area(t.area) };
      },
      `${this.label}.${label}`,
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
   * ExcelApi 1.9. [fillProperties] The fill subset ({ format: { fill: {...} } }) with any of the five
   * documented fill properties; anything else fails loudly rather than returning made-up data. Each
   * cell counts once toward the payload limit; in the partial form the value is null.
   */
  getCellProperties(options: any): FakeClientResult<any[][] | null> {
    this.context.requireApi("1.9", "Range.getCellProperties");
    const fillKeys = Object.keys(options?.format?.fill ?? {}).filter((k) => options.format.fill[k]);
    if (
      Object.keys(options ?? {}).join() !== "format" ||
      Object.keys(options.format).join() !== "fill" ||
      fillKeys.length === 0 ||
      fillKeys.some((k) => !FILL_PROPS.has(k))
    ) {
      throw new Error(`fake: getCellProperties(${JSON.stringify(options)}) not implemented`);
    }
    const result = new FakeClientResult<any[][] | null>(`${this.label}.getCellProperties`);
    this.context.enqueue(() => {
      const t = this.resolveForChild();
      if (!this.context.respond(cellCount(t.area))) {
        result.settle(null);
        return;
      }
      result.settle(
        matrix(t, (c) => {
          const fill: Record<string, unknown> = {};
          for (const k of fillKeys) fill[k] = fillProperty(c?.fill ?? null, k);
          return { format: { fill } };
        }),
      );
    });
    return result;
  }

  /**
   * ExcelApi 1.13. [mergedAreaLimit] "if the merged areas count in this range is more than 512, then
   * this method will fail to return the result." Harsher where silent: the batch fails, and merges
   * that only partly overlap the range are reported clipped to it.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.resolveForChild();
        const a = t.area;
        const areas = t.sheet.merges
          .filter((m) => m.top <= a.bottom && a.top <= m.bottom && m.left <= a.right && a.left <= m.right)
          .map((m) => ({
            top: Math.max(m.top, a.top),
            left: Math.max(m.left, a.left),
            bottom: Math.min(m.bottom, a.bottom),
            right: Math.min(m.right, a.right),
          }));
        if (areas.length > MERGED_AREA_LIMIT)
          throw new FakeOfficeError(
            "GeneralException",
            `${areas.length} merged areas in ${areaAddress(a)}: more than ${MERGED_AREA_LIMIT}`,
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
        const t = this.resolveForChild();
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
      (this.context.fake as any).selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
    });
  }

  clear(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, t.area, false);
      for (const [key] of [...t.sheet.cells]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= t.area.top && r <= t.area.bottom && c >= t.area.left && c <= t.area.right)
          t.sheet.cells.delete(key);
      }
    });
  }
}
