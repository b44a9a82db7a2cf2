// Conditional formats (ExcelApi 1.6): each sheet's formats in priority order (index 0 on top), each
// applied to one or more areas. Range.conditionalFormats lists the formats that overlap the range;
// a custom format has a rule formula and a format (fill colour, font colour). What a person sees in
// a cell is the first true format's fill over the cell's own fill ([cfPriority], markRules.ts).
import type { CellArea } from "../../../src/core/model";
import { areaAddress } from "../../../src/adapters/excel/a1";
import { FakeClientResult, FakeProxy, type FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FSheet } from "./model";
import { FakeRange, FakeRangeAreas, quoteName, type RangeTarget } from "./range";

/** One conditional format on a sheet. */
export interface FCondFormat {
  id: string;
  type: string;
  areas: CellArea[];
  /** The rule's formula (custom formats). */
  formula: string;
  /** The format's fill colour ("#RRGGBB"), or null for none. */
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

let seq = 0;

/** The sheet's conditional formats, highest priority first (sheet state: Ctrl+Z takes it back). */
export function conditionalFormatsOf(sheet: FSheet): FCondFormat[] {
  return sheet.conditionalFormats;
}

export function setConditionalFormats(sheet: FSheet, list: FCondFormat[]): void {
  sheet.conditionalFormats = list;
}

export function newFormatId(): string {
  return `{cf-${++seq}}`;
}

function intersects(a: CellArea, b: CellArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function covers(a: CellArea, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** [cfPriority] harsher where silent: only =TRUE, =FALSE and ISTEXT("…") are evaluated; the rest is TRUE. */
export function ruleHolds(formula: string): boolean {
  const f = formula.replace(/^=/, "").trim().toUpperCase();
  if (f === "FALSE") return false;
  if (f === "TRUE") return true;
  if (/^ISTEXT\(\s*"[^"]*"\s*\)$/.test(f)) return true;
  return true;
}

/** The fill colour a person sees: the first true format's fill (stopIfTrue ends the search), else the cell's own. */
export function displayedFill(sheet: FSheet, row: number, col: number): string | null {
  for (const cf of conditionalFormatsOf(sheet)) {
    if (!cf.areas.some((a) => covers(a, row, col))) continue;
    if (!ruleHolds(cf.formula)) continue;
    if (cf.fill) return cf.fill;
    if (cf.stopIfTrue) break;
  }
  return sheet.peek(row, col)?.fill?.color ?? null;
}

/** What a snapshot shows of a sheet's formats (ids left out: they are the host's, not the workbook's look). */
export function describeConditionalFormats(sheet: FSheet): unknown[] {
  return conditionalFormatsOf(sheet).map((cf) => [
    cf.type,
    cf.areas.map(areaAddress).join(" "),
    cf.formula,
    cf.fill,
    cf.fontColor,
    cf.stopIfTrue,
  ]);
}

// --- proxies ----------------------------------------------------------------------------------

type CfTarget = { sheet: FSheet; cf: FCondFormat };

function hex(v: string): string {
  if (!/^#?[0-9a-fA-F]{6}$/.test(v))
    throw new FakeOfficeError("InvalidArgument", `'${v}' is not a #RRGGBB colour`);
  return (v.startsWith("#") ? v : `#${v}`).toUpperCase();
}

class FakeConditionalFill extends FakeProxy<CfTarget> {
  protected read(t: CfTarget, prop: string): unknown {
    if (prop === "color") return t.cf.fill;
    return super.read(t, prop);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      t.cf.fill = hex(v);
    });
  }
  clear(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      t.cf.fill = null;
    });
  }
}

class FakeConditionalFont {
  constructor(
    private readonly context: FakeContext,
    private readonly own: () => CfTarget,
  ) {}
  set color(v: string) {
    this.context.enqueue(() => {
      const t = this.own();
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      t.cf.fontColor = hex(v);
    });
  }
}

class FakeConditionalFormatRule extends FakeProxy<CfTarget> {
  protected read(t: CfTarget, prop: string): unknown {
    if (prop === "formula" || prop === "formulaLocal") return t.cf.formula;
    return super.read(t, prop);
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(v: string) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      t.cf.formula = v;
    });
  }
}

export class FakeCustomConditionalFormat extends FakeProxy<CfTarget> {
  readonly rule: FakeConditionalFormatRule;
  readonly format: { fill: FakeConditionalFill; font: FakeConditionalFont };
  constructor(context: FakeContext, resolver: () => CfTarget | null, label: string, nullable: boolean) {
    super(context, resolver, label);
    this.nullable = nullable;
    const own = () => this.resolveForChild();
    this.rule = new FakeConditionalFormatRule(context, own, `${label}.rule`);
    this.format = {
      fill: new FakeConditionalFill(context, own, `${label}.format.fill`),
      font: new FakeConditionalFont(context, own),
    };
  }
  /** Marks the object resolved (or null) within a collection load, as Office.js expands navigation properties. */
  preloadTarget(t: CfTarget | null): void {
    this.synced = true;
    this.target = t;
  }
}

export class FakeConditionalFormat extends FakeProxy<CfTarget> {
  readonly custom: FakeCustomConditionalFormat;
  readonly customOrNullObject: FakeCustomConditionalFormat;

  constructor(context: FakeContext, resolver: () => CfTarget | null, label: string, nullable = false) {
    super(context, resolver, label);
    this.nullable = nullable;
    const own = () => this.resolveForChild();
    // [cfRanges] harsher: `custom` of a format of another type fails the batch.
    this.custom = new FakeCustomConditionalFormat(
      context,
      () => {
        const t = own();
        if (t.cf.type !== "Custom")
          throw new FakeOfficeError("InvalidOperation", `${label} is a ${t.cf.type} format, not Custom`);
        return t;
      },
      `${label}.custom`,
      false,
    );
    this.customOrNullObject = new FakeCustomConditionalFormat(
      context,
      () => {
        const t = own();
        return t.cf.type === "Custom" ? t : null;
      },
      `${label}.customOrNullObject`,
      true,
    );
  }

  protected read(t: CfTarget, prop: string): unknown {
    if (prop === "id") return t.cf.id;
    if (prop === "type") return t.cf.type;
    if (prop === "priority") return conditionalFormatsOf(t.sheet).indexOf(t.cf);
    if (prop === "stopIfTrue")
      return t.cf.type === "Custom" || t.cf.type === "CellValue" ? t.cf.stopIfTrue : null;
    return super.read(t, prop);
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  /** [cfPriority] "Changing this also changes other conditional formats' priorities". */
  set priority(v: number) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      const list = conditionalFormatsOf(t.sheet).filter((c) => c !== t.cf);
      const at = v < 0 ? Math.max(0, list.length + 1 + v) : Math.min(v, list.length);
      list.splice(at, 0, t.cf);
      setConditionalFormats(t.sheet, list);
    });
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.mutate((t) => {
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      t.cf.stopIfTrue = v;
    });
  }
  delete(): void {
    this.mutate((t) => {
      this.context.write(t.sheet, t.cf.areas[0] ?? null, true);
      setConditionalFormats(
        t.sheet,
        conditionalFormatsOf(t.sheet).filter((c) => c !== t.cf),
      );
    });
  }
  /** [cfRanges] "Throws an error if the conditional format is applied to multiple ranges." */
  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolveForChild();
        if (t.cf.areas.length !== 1)
          throw new FakeOfficeError("InvalidOperation", `${this.label} is applied to several ranges`);
        return { sheet: t.sheet, area: t.cf.areas[0] };
      },
      `${this.label}.range`,
    );
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolveForChild();
        return t.cf.areas.length === 1 ? { sheet: t.sheet, area: t.cf.areas[0] } : null;
      },
      `${this.label}.rangeOrNull`,
      true,
    );
  }
  getRanges(): FakeRangeAreas {
    this.context.requireApi("1.9", "ConditionalFormat.getRanges");
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.resolveForChild();
        return { sheet: t.sheet, areas: t.cf.areas.map((a) => ({ ...a })) };
      },
      `${this.label}.ranges`,
    );
  }
}

/** Nested load paths, from "items/a/b,items/c" or { a: { b: true }, c: true }. */
function loadPaths(props: unknown): string[] {
  if (typeof props === "string")
    return props
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(loadPaths);
  if (props && typeof props === "object") {
    const out: string[] = [];
    for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
      if (k === "$all" || !v) continue;
      if (typeof v === "object") for (const sub of loadPaths(v)) out.push(`${k}/${sub}`);
      else out.push(k);
    }
    return out;
  }
  return [];
}

const SCALARS = new Set(["id", "type", "priority", "stopIfTrue"]);

/** Range.conditionalFormats (ExcelApi 1.6): the formats that overlap the range. */
export class FakeConditionalFormatCollection {
  private loadedItems: FakeConditionalFormat[] | null = null;

  constructor(
    private readonly context: FakeContext,
    private readonly range: () => RangeTarget,
    private readonly label: string,
  ) {
    context.requireApi("1.6", "ConditionalFormatCollection");
  }

  private overlapping(): { sheet: FSheet; list: FCondFormat[] } {
    const t = this.range();
    return {
      sheet: t.sheet,
      list: conditionalFormatsOf(t.sheet).filter((cf) => cf.areas.some((a) => intersects(a, t.area))),
    };
  }

  private byId(id: string, nullable: boolean): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => {
        const { sheet, list } = this.overlapping();
        const cf = list.find((c) => c.id === id);
        return cf ? { sheet, cf } : null;
      },
      `${this.label}.conditionalFormat(${id})`,
      nullable,
    );
  }

  /** [cfPriority] "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): FakeConditionalFormat {
    const id = newFormatId();
    this.context.enqueue(() => {
      const t = this.range();
      this.context.write(t.sheet, t.area, true);
      conditionalFormatsOf(t.sheet).unshift({
        id,
        type,
        areas: [{ ...t.area }],
        formula: "",
        fill: null,
        fontColor: null,
        stopIfTrue: false,
      });
    });
    return this.byId(id, false);
  }
  getItem(id: string): FakeConditionalFormat {
    return this.byId(id, false);
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    this.context.requireApi("1.14", "ConditionalFormatCollection.getItemOrNullObject");
    return this.byId(id, true);
  }
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => {
        const { sheet, list } = this.overlapping();
        return list[index] ? { sheet, cf: list[index] } : null;
      },
      `${this.label}.conditionalFormatAt(${index})`,
    );
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>(`${this.label}.getCount`);
    this.context.enqueue(() => r.settle(this.overlapping().list.length));
    return r;
  }
  load(props?: unknown): this {
    const paths = loadPaths(props);
    const scalars = paths.filter((p) => SCALARS.has(p));
    const nested = (name: string) =>
      paths.filter((p) => p.startsWith(`${name}/`)).map((p) => p.slice(name.length + 1));
    this.context.enqueue(() => {
      const { sheet, list } = this.overlapping();
      this.loadedItems = list.map((cf) => {
        const item = new FakeConditionalFormat(
          this.context,
          () => (conditionalFormatsOf(sheet).includes(cf) ? { sheet, cf } : null),
          `${this.label}.conditionalFormat(${cf.id})`,
        ).preload({ sheet, cf }, scalars);
        for (const name of ["custom", "customOrNullObject"] as const) {
          const sub = nested(name);
          if (sub.length === 0) continue;
          const proxy = item[name];
          // Resolved within this same sync, like Office.js expands navigation properties.
          const rule = sub.filter((p) => p.startsWith("rule/")).map((p) => p.slice(5));
          const target = name === "custom" || cf.type === "Custom" ? { sheet, cf } : null;
          if (name === "custom" && cf.type !== "Custom")
            throw new FakeOfficeError("InvalidOperation", `${cf.id} is a ${cf.type} format, not Custom`);
          proxy.preloadTarget(target);
          if (target) proxy.rule.preload(target, rule);
        }
        return item;
      });
    });
    return this;
  }
  get items(): FakeConditionalFormat[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", `${this.label}.conditionalFormats.items is not loaded`);
    return this.loadedItems;
  }
}

/** A format's areas as an address ("'1-1'!L9, '1-1'!M3:M4"), as RangeAreas reports it. */
export function areasAddress(sheet: FSheet, areas: CellArea[]): string {
  return areas.map((a) => `${quoteName(sheet.name)}!${areaAddress(a)}`).join(", ");
}
