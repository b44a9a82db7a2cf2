// Worksheets, their collection and protection, event registration, and the workbook object.
import type { CellArea } from "../../../src/core/model";
import { parseArea } from "../../../src/adapters/excel/a1";
import { FakeProxy, splitProps, type FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FSheet, MAX_COL, MAX_ROW, type ChangedHandler, type FComment, type FXmlPart } from "./model";
import { FakeCommentCollection, FakeNoteCollection, FakeWorkbookNoteCollection } from "./annotations";
import { FakeRange } from "./range";
import { FakeCustomXmlPartCollection, FakeSettingCollection } from "./storage";
import { FakeChartCollection } from "./charts";

/** What the worksheet proxies need from the fake workbook. */
interface SheetHost {
  sheets: FSheet[];
  comments: FComment[];
  xmlParts: FXmlPart[];
  collectionHandlers: Set<ChangedHandler>;
  sheetSeq: number;
  activeSheet: string | null;
  sheetByName(name: string): FSheet | null;
}

function host(ctx: FakeContext): SheetHost {
  return ctx.fake as unknown as SheetHost;
}

/** A sheet by its name or by its id. */
function byKey(h: SheetHost, key: string): FSheet | null {
  return h.sheetByName(key) ?? h.sheets.find((s) => s.id === key) ?? null;
}

class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly set: () => Set<ChangedHandler>,
    private readonly version: string,
  ) {}
  add(handler: ChangedHandler): { context: FakeContext; remove(): void } {
    this.context.requireApi(this.version, "onChanged");
    const context = this.context;
    context.enqueue(() => this.set().add(handler));
    return {
      context,
      remove: () => context.enqueue(() => this.set().delete(handler)),
    };
  }
}

class FakeProtection extends FakeProxy<FSheet> {
  protected read(t: FSheet, prop: string): unknown {
    if (prop === "protected") return t.protected;
    return super.read(t, prop);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

export class FakeWorksheet extends FakeProxy<FSheet> {
  /** [libraryPresence] Undefined when the loaded office.js has no notes, as the property is then. */
  readonly notes: FakeNoteCollection;
  readonly protection: FakeProtection;
  readonly onChanged: FakeEventHandlers;
  readonly charts: FakeChartCollection;

  constructor(context: FakeContext, resolver: () => FSheet | null, label: string, nullable: boolean) {
    super(context, resolver, label);
    this.nullable = nullable;
    const own = () => this.resolveForChild();
    this.charts = new FakeChartCollection(context, own, `${label}.charts`);
    this.notes = context.fake.library.notes
      ? new FakeNoteCollection(context, own, `${label}.notes`)
      : (undefined as unknown as FakeNoteCollection);
    this.protection = new FakeProtection(context, own, `${label}.protection`);
    this.onChanged = new FakeEventHandlers(context, () => own().handlers, "1.7");
  }

  protected read(t: FSheet, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "id") return t.id;
    if (prop === "visibility") return t.visibility;
    if (prop === "position") return host(this.context).sheets.indexOf(t);
    return super.read(t, prop);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.mutate((t) => {
      // [undoStack] Worksheet.name: web Yes, Windows/Mac No.
      this.context.undoUnsupported("Worksheet.name", ["windows", "mac"]);
      this.context.write(t, null, false);
      t.name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.mutate((t) => {
      // [undoStack] Worksheet.visibility: web Yes, Windows/Mac No.
      this.context.undoUnsupported("Worksheet.visibility", ["windows", "mac"]);
      this.context.write(t, null, false);
      t.visibility = v;
    });
  }

  private rangeProxy(area: (s: FSheet) => CellArea | null, label: string, nullable = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.resolveForChild();
        const a = area(s);
        return a ? { sheet: s, area: a } : null;
      },
      `${this.label}.${label}`,
      nullable,
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
  /** d.ts: "If the entire worksheet is blank, this function will return the top left cell". */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.rangeProxy(
      (s) => s.usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      "usedRange",
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.rangeProxy((s) => s.usedArea(valuesOnly), "usedRangeOrNull", true);
  }
  activate(): void {
    this.mutate((t) => (host(this.context).activeSheet = t.name));
  }
  /**
   * [veryHiddenDelete] "if the worksheet's visibility is set to "VeryHidden", the delete operation
   * will fail with an `InvalidOperation` exception." [undoStack] Worksheet.delete: No everywhere.
   */
  delete(): void {
    this.mutate((t) => {
      if (t.visibility === "VeryHidden")
        throw new FakeOfficeError(
          "InvalidOperation",
          `The sheet '${t.name}' is very hidden and cannot be deleted.`,
        );
      this.context.undoUnsupported("Worksheet.delete", ["web", "windows", "mac"]);
      this.context.write(null, null, false);
      const h = host(this.context);
      h.sheets = h.sheets.filter((s) => s !== t);
      h.comments = h.comments.filter((c) => c.sheet !== t);
    });
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  readonly onChanged: FakeEventHandlers;

  constructor(private readonly context: FakeContext) {
    this.onChanged = new FakeEventHandlers(context, () => host(context).collectionHandlers, "1.9");
  }

  load(props?: unknown): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      const h = host(this.context);
      this.loadedItems = h.sheets.map((s) =>
        new FakeWorksheet(
          this.context,
          () => (h.sheets.includes(s) ? s : null),
          `worksheet(${s.name})`,
          false,
        ).preload(s, names),
      );
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "worksheets.items is not loaded");
    return this.loadedItems;
  }
  /** [worksheetKey] "Gets a worksheet object using its name or ID." */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => byKey(host(this.context), key), `worksheet(${key})`, false);
  }
  /** The sheet staff are on (documentation samples start here). */
  getActiveWorksheet(): FakeWorksheet {
    const h = host(this.context);
    return new FakeWorksheet(
      this.context,
      () => (h.activeSheet === null ? null : h.sheetByName(h.activeSheet)),
      "activeWorksheet",
      false,
    );
  }
  /** [worksheetKey] "Gets a worksheet object using its name or ID." */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => byKey(host(this.context), key), `worksheet(${key})?`, true);
  }
  add(name: string): FakeWorksheet {
    this.context.enqueue(() => {
      const h = host(this.context);
      if (h.sheetByName(name)) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists`);
      this.context.write(null, null, false);
      h.sheets.push(new FSheet(`{sheet-${++h.sheetSeq}}`, name));
    });
    return this.getItem(name);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly comments: FakeCommentCollection;
  /** [libraryPresence] Undefined when the loaded office.js has no notes (1.1.110). */
  readonly notes: FakeWorkbookNoteCollection;
  private xml: FakeCustomXmlPartCollection | null = null;
  private settingsProxy: FakeSettingCollection | null = null;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.comments = new FakeCommentCollection(context);
    this.notes = context.fake.library.notes
      ? new FakeWorkbookNoteCollection(context)
      : (undefined as unknown as FakeWorkbookNoteCollection);
  }
  /** ExcelApi 1.5: checked when first used, like any member. */
  get customXmlParts(): FakeCustomXmlPartCollection {
    return (this.xml ??= new FakeCustomXmlPartCollection(this.context));
  }
  /** ExcelApi 1.4. */
  get settings(): FakeSettingCollection {
    return (this.settingsProxy ??= new FakeSettingCollection(this.context));
  }
  getSelectedRange(): never {
    throw new Error("fake: getSelectedRange not implemented");
  }
}

export type { SheetHost };
