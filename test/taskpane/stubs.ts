// In-memory WorkbookHost and canned check results for the task pane's component tests.
import type { CheckedRow, Finding, ParsedValue, SheetGrid, WorkbookCheck } from "../../src/core/model";
import { emptySheetGrid } from "../../src/core/grid";
import { emptyValue } from "../../src/core/values/parseText";
import type {
  CellChange,
  CellEdit,
  CellFlag,
  CellLocation,
  HostNote,
  HostSupport,
  MarksWritten,
  SummarySheetResult,
  SummarySheetSpec,
  MergeEdit,
  MergeWriteResult,
  UndoOutcome,
  WorkbookHost,
} from "../../src/adapters/excel/workbookHost";

export const FULL_SUPPORT: HostSupport = {
  excelApi: "1.18",
  onChanged: true,
  dataValidation: true,
  comments: true,
  mergedAreas: true,
  notes: true,
  charts: true,
  undo: true,
  undoGrouping: true,
  libraryLacks: [],
};

export const OLD_SUPPORT: HostSupport = {
  excelApi: "1.4",
  onChanged: false,
  dataValidation: false,
  comments: false,
  mergedAreas: false,
  notes: false,
  charts: false,
  undo: false,
  undoGrouping: false,
  libraryLacks: [],
};

export class StubHost implements WorkbookHost {
  settings = new Map<string, unknown>();
  grids: SheetGrid[] = [grid("1-1"), grid("2-1")];
  flags: CellFlag[] = [];
  edits: CellEdit[][] = [];
  merges: MergeEdit[][] = [];
  /** Which list each undoable action went to, oldest first. */
  private steps: Array<"edit" | "merge"> = [];
  selected: CellLocation[] = [];
  dropdowns: CellLocation[][] = [];
  readCalls: (string[] | undefined)[] = [];
  clearCalls = 0;
  undoCalls = 0;
  changeHandler: ((changes: CellChange[]) => void) | null = null;
  /** Set to make the next write fail like a protected sheet. */
  failWrites: Error | null = null;
  /** The 集計 sheets added, in order (the last is the one present), and how many were removed. */
  summarySheets: SummarySheetSpec[] = [];
  summaryPresent = false;
  /** The workbook's custom document properties (split's marker lives there). */
  properties: Array<[string, unknown]> = [];

  constructor(readonly support: HostSupport = FULL_SUPPORT) {}

  documentProperties(): ReadonlyArray<[string, unknown]> {
    return this.properties;
  }

  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    this.readCalls.push(names);
    return names ? this.grids.filter((g) => names.includes(g.name)) : this.grids;
  }
  /** What the next writeFlags or clearFlags reports beyond the marks. */
  marksReport: Partial<MarksWritten> = {};
  /** Marks the workbook held when the pane opened (a previous session, a co-author, the CLI). */
  marksAtOpen = false;
  async writeFlags(flags: CellFlag[]): Promise<MarksWritten> {
    this.flags = flags;
    return this.report();
  }
  async clearFlags(): Promise<MarksWritten> {
    this.clearCalls++;
    this.flags = [];
    this.marksAtOpen = false;
    return this.report();
  }
  private report(): MarksWritten {
    return {
      wrote: true,
      skipped: [],
      unreachableNotes: [],
      legacyRestored: 0,
      legacyLeft: [],
      ...this.marksReport,
    };
  }
  hasMarks(): boolean {
    return this.marksAtOpen || this.flags.length > 0;
  }
  async writeValues(edits: CellEdit[]): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.edits.push(edits);
    this.steps.push("edit");
  }
  async writeMerge(edits: MergeEdit[]): Promise<MergeWriteResult> {
    if (this.failWrites) throw this.failWrites;
    this.merges.push(edits);
    this.steps.push("merge");
    return { written: edits.map((e) => ({ sheet: e.sheet, address: e.address })), formulaCells: [] };
  }
  /** What the next undoLastEdit reports as left alone (changed since kensho wrote them). */
  changedOnUndo: CellLocation[] = [];
  /** Notes the next action's notice carries (takeNotes). */
  notes: HostNote[] = [];
  async undoLastEdit(): Promise<UndoOutcome> {
    this.undoCalls++;
    const last = this.steps.pop();
    const cells = (list: Array<{ sheet: string; address: string }>) =>
      list.map((e) => ({ sheet: e.sheet, address: e.address }));
    let restored: CellLocation[] = [];
    if (last === "merge") restored = cells(this.merges.pop() ?? []);
    if (last === "edit") restored = cells(this.edits.pop() ?? []);
    const changed = this.changedOnUndo;
    this.changedOnUndo = [];
    const key = (c: CellLocation) => `${c.sheet}!${c.address}`;
    const left = new Set(changed.map(key));
    return {
      undone: last !== undefined,
      restored: restored.filter((c) => !left.has(key(c))),
      already: [],
      changed,
      unproven: [],
    };
  }
  takeNotes(): HostNote[] {
    const out = this.notes;
    this.notes = [];
    return out;
  }
  canUndo(): boolean {
    return this.steps.length > 0;
  }
  /** The words the last drop-down offered (undefined: the host's default, 伊勢崎's three). */
  dropdownLevels: readonly string[] | undefined;

  async addStatusDropdown(cells: CellLocation[], levels?: readonly string[]): Promise<void> {
    this.dropdownLevels = levels;
    this.dropdowns.push(cells);
  }
  async select(cell: CellLocation): Promise<void> {
    this.selected.push(cell);
  }
  async createSummarySheet(spec: SummarySheetSpec): Promise<SummarySheetResult> {
    if (this.failWrites) throw this.failWrites;
    this.summarySheets.push(spec);
    this.summaryPresent = true;
    return { name: spec.name, chart: this.support.charts };
  }
  async removeSummarySheet(): Promise<boolean> {
    const was = this.summaryPresent;
    this.summaryPresent = false;
    return was;
  }
  hasSummarySheet(): boolean {
    return this.summaryPresent;
  }
  loadSetting<T>(key: string): T | null {
    return (this.settings.get(key) as T | undefined) ?? null;
  }
  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
  }
  async onCellsChanged(handler: (changes: CellChange[]) => void): Promise<() => Promise<void>> {
    this.changeHandler = handler;
    return async () => {
      this.changeHandler = null;
    };
  }
}

export const grid = emptySheetGrid;

const blank: ParsedValue = emptyValue("");

export function row(p: Partial<CheckedRow> & { sheet: string; row: number; name: string }): CheckedRow {
  const statusAddress = `L${p.row}`;
  return {
    kind: "KPI",
    hidden: false,
    goal: null,
    subGoal: null,
    measure: null,
    department: null,
    cells: {
      status: {
        row: p.row - 1,
        col: 11,
        address: statusAddress,
        cell: { value: p.enteredStatus ?? null, text: p.enteredStatus ?? "", format: "General" },
      },
    },
    values: { baseline: blank, previous: blank, actual: blank, target: blank, finalTarget: blank },
    direction: "increase",
    directionSource: "inferred",
    achievement: null,
    enteredStatus: null,
    computedStatus: null,
    noStatus: null,
    ...p,
  };
}

export function finding(p: Partial<Finding> & Pick<Finding, "sheet" | "cell" | "row">): Finding {
  return { code: "missing-actual", severity: "error", kpi: null, params: {}, ...p };
}

/** Three rows on two sheets, two 担当課, one status that differs from the computed one. */
export function sampleCheck(): WorkbookCheck {
  const rows = [
    row({
      sheet: "1-1",
      row: 6,
      kind: "数値目標",
      name: "新規求人数",
      department: "商工労働課",
      achievement: 0.9235,
      enteredStatus: "順調に進捗",
      computedStatus: "概ね順調に進捗",
    }),
    row({
      sheet: "1-1",
      row: 8,
      name: "新技術・新製品等の開発数",
      department: "商工労働課",
      achievement: 0.5,
      enteredStatus: "進捗の遅れ",
      computedStatus: "進捗の遅れ",
    }),
    row({
      sheet: "2-1",
      row: 7,
      name: "観光入込客数",
      department: "文化観光課",
      achievement: 1.2,
      enteredStatus: "順調に進捗",
      computedStatus: "順調に進捗",
    }),
  ];
  const findings = [
    finding({
      code: "status-mismatch",
      severity: "warning",
      sheet: "1-1",
      cell: "L6",
      row: 6,
      kpi: "新規求人数",
    }),
    finding({
      code: "missing-delay-reason",
      severity: "error",
      sheet: "1-1",
      cell: "M8",
      row: 8,
      kpi: "新技術・新製品等の開発数",
    }),
    finding({
      code: "unit-mismatch",
      severity: "warning",
      sheet: "1-1",
      cell: "M8",
      row: 8,
      kpi: "新技術・新製品等の開発数",
    }),
    finding({
      code: "unexpected-delay-reason",
      severity: "info",
      sheet: "2-1",
      cell: "M7",
      row: 7,
      kpi: "観光入込客数",
    }),
  ];
  return {
    fiscalYear: "令和5年度",
    sheets: [
      {
        sheet: "1-1",
        blocks: [],
        fiscalYear: "令和5年度",
        fiscalYearSource: "title",
        yearClaims: [],
        conflict: null,
      },
      {
        sheet: "2-1",
        blocks: [],
        fiscalYear: "令和5年度",
        fiscalYearSource: "title",
        yearClaims: [],
        conflict: null,
      },
    ],
    rows,
    findings,
    fileError: null,
  };
}
