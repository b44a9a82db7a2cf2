// Charts (ExcelApi 1.1): worksheet.charts.add(type, sourceData, seriesBy) and the members kensho uses.
// [charts] in rules.ts: series come from the source's columns or rows; ChartSeries.hasDataLabels is
// ExcelApi 1.7; a series past the end fails (harsher: the reference does not say what getItemAt does).
import type { CellArea, CellValue } from "../../../src/core/model";
import { FakeProxy, splitProps, type FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FSheet } from "./model";
import type { FakeRange } from "./range";

export interface FSeries {
  name: string;
  color: string | null;
  hasDataLabels: boolean;
}

export interface FChart {
  name: string;
  type: string;
  source: CellArea;
  seriesBy: string;
  title: string;
  legendPosition: string;
  position: { from: string; to: string } | null;
  series: FSeries[];
}

const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "Pie",
]);

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/** Series from a source range: the first row names them (by columns), or the first column (by rows). */
function seriesOf(sheet: FSheet, a: CellArea, by: string): FSeries[] {
  const out: FSeries[] = [];
  if (by === "Columns") {
    for (let c = a.left + 1; c <= a.right; c++)
      out.push({ name: text(sheet.peek(a.top, c)?.value), color: null, hasDataLabels: false });
  } else {
    for (let r = a.top + 1; r <= a.bottom; r++)
      out.push({ name: text(sheet.peek(r, a.left)?.value), color: null, hasDataLabels: false });
  }
  return out;
}

class FakeChartFill {
  constructor(
    private readonly context: FakeContext,
    private readonly series: () => FSeries,
  ) {}
  setSolidColor(color: string): void {
    this.context.enqueue(() => {
      this.context.write(null, null, true);
      this.series().color = color;
    });
  }
}

class FakeChartSeries extends FakeProxy<FSeries> {
  readonly format: { fill: FakeChartFill };
  constructor(context: FakeContext, resolver: () => FSeries | null, label: string) {
    super(context, resolver, label);
    this.format = { fill: new FakeChartFill(context, () => this.resolveForChild()) };
  }
  protected read(t: FSeries, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "hasDataLabels") return t.hasDataLabels;
    return super.read(t, prop);
  }
  get name(): string {
    return this.get("name");
  }
  get hasDataLabels(): boolean {
    return this.get("hasDataLabels");
  }
  /** [charts] ExcelApi 1.7. */
  set hasDataLabels(v: boolean) {
    this.context.requireApi("1.7", "ChartSeries.hasDataLabels");
    this.mutate((t) => {
      this.context.write(null, null, true);
      t.hasDataLabels = v;
    });
  }
}

export class FakeChart extends FakeProxy<FChart> {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt(i: number): FakeChartSeries; readonly count: number };

  constructor(context: FakeContext, resolver: () => FChart | null, label: string) {
    super(context, resolver, label);
    const own = () => this.resolveForChild();
    const set = (fn: (c: FChart) => void) =>
      context.enqueue(() => {
        context.write(null, null, true);
        fn(own());
      });
    this.title = {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", `${label}.title.text is not loaded`);
      },
      set text(v: string) {
        set((c) => (c.title = v));
      },
    };
    this.legend = {
      get position(): string {
        throw new FakeOfficeError("PropertyNotLoaded", `${label}.legend.position is not loaded`);
      },
      set position(v: string) {
        set((c) => (c.legendPosition = v));
      },
    };
    this.series = {
      getItemAt: (i: number) =>
        new FakeChartSeries(
          context,
          () => {
            const s = own().series[i];
            // [charts] harsher: a series that does not exist fails the batch.
            if (!s) throw new FakeOfficeError("ItemNotFound", `${label}.series(${i}) does not exist`);
            return s;
          },
          `${label}.series(${i})`,
        ),
      get count(): number {
        throw new FakeOfficeError("PropertyNotLoaded", `${label}.series.count is not loaded`);
      },
    };
  }
  protected read(t: FChart, prop: string): unknown {
    if (prop === "name") return t.name;
    return super.read(t, prop);
  }
  get name(): string {
    return this.get("name");
  }
  setPosition(from: string, to?: string): void {
    this.mutate((c) => {
      this.context.write(null, null, true);
      c.position = { from, to: to ?? from };
    });
  }
  delete(): void {
    this.mutate((c) => {
      this.context.write(null, null, true);
      const sheet = (this.context.fake as unknown as { sheets: FSheet[] }).sheets.find((s) =>
        s.charts.includes(c),
      );
      if (sheet) sheet.charts = sheet.charts.filter((x) => x !== c);
    });
  }
}

export class FakeChartCollection {
  private loadedItems: FakeChart[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FSheet,
    private readonly label: string,
  ) {}

  /** [charts] "Creates a new chart." ExcelApi 1.1; the source range must be on a sheet of the workbook. */
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    this.context.requireApi("1.1", "ChartCollection.add");
    if (!CHART_TYPES.has(type)) throw new Error(`fake: chart type ${type} not implemented`);
    if (seriesBy !== "Columns" && seriesBy !== "Rows")
      throw new Error(`fake: seriesBy ${seriesBy} not implemented`);
    let made: FChart | null = null;
    this.context.enqueue(() => {
      const s = this.sheet();
      const src = sourceData.resolveForChild();
      this.context.write(null, null, true);
      made = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: { ...src.area },
        seriesBy,
        title: "",
        legendPosition: "Right",
        position: null,
        series: seriesOf(src.sheet, src.area, seriesBy),
      };
      s.charts.push(made);
    });
    return new FakeChart(this.context, () => made, `${this.label}.chart`);
  }

  load(props?: unknown): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      const s = this.sheet();
      this.loadedItems = s.charts.map((c) =>
        new FakeChart(
          this.context,
          () => (s.charts.includes(c) ? c : null),
          `${this.label}(${c.name})`,
        ).preload(c, names),
      );
    });
    return this;
  }
  get items(): FakeChart[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", `${this.label}.items is not loaded`);
    return this.loadedItems;
  }
}
