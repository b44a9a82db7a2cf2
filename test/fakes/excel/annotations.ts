// Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10).
import { cellAddress, parseArea } from "../../../src/adapters/excel/a1";
import { FakeProxy, splitProps, type FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FComment, FSheet } from "./model";
import { FakeRange } from "./range";

/** "B3" for a single-cell address; notes are keyed by it. */
export function noteKey(address: string): string {
  const a = parseArea(address);
  if (!a || a.top !== a.bottom || a.left !== a.right)
    throw new FakeOfficeError("InvalidCellAddress", `Not a single cell: ${address}`);
  return cellAddress(a.top, a.left);
}

type NoteTarget = { sheet: FSheet; key: string };

export class FakeNote extends FakeProxy<NoteTarget> {
  constructor(context: FakeContext, resolver: () => NoteTarget | null, label: string, nullable = false) {
    super(context, resolver, label);
    this.nullable = nullable;
  }
  protected read(t: NoteTarget, prop: string): unknown {
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
        const t = this.resolveForChild();
        return { sheet: t.sheet, area: parseArea(t.key)! };
      },
      `${this.label}.location`,
    );
  }
}

/** workbook.notes (ExcelApi 1.18): every note of every sheet, loaded as items. */
export class FakeWorkbookNoteCollection {
  private loadedItems: FakeNote[] | null = null;
  constructor(private readonly context: FakeContext) {}
  load(props?: unknown): this {
    this.context.requireApi("1.18", "Workbook.notes");
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      const sheets: FSheet[] = (this.context.fake as unknown as { sheets: FSheet[] }).sheets;
      this.loadedItems = sheets.flatMap((s) =>
        [...s.notes.keys()].map((key) =>
          new FakeNote(
            this.context,
            () => (sheets.includes(s) && s.notes.has(key) ? { sheet: s, key } : null),
            `note(${s.name}!${key})`,
          ).preload({ sheet: s, key }, names),
        ),
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

/** worksheet.notes (ExcelApi 1.18). */
export class FakeNoteCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FSheet,
    private readonly label: string,
  ) {}

  private note(address: string, nullable: boolean): FakeNote {
    this.context.requireApi("1.18", "NoteCollection");
    return new FakeNote(
      this.context,
      () => {
        const s = this.sheet();
        const key = noteKey(address);
        return s.notes.has(key) ? { sheet: s, key } : null;
      },
      `${this.label}.note(${address})`,
      nullable,
    );
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
      const key = noteKey(cellAddressOrRange);
      this.context.write(s, parseArea(key), true);
      if (s.notes.has(key)) throw new FakeOfficeError("InvalidOperation", `A note already exists at ${key}`);
      // [noteOrComment] (markRules.ts) a cell holds a note or a threaded comment, never both.
      const a = parseArea(key)!;
      const fake = this.context.fake as unknown as { comments: FComment[] };
      if (fake.comments.some((c) => c.sheet === s && c.row === a.top && c.col === a.left))
        throw new FakeOfficeError(
          "InvalidOperation",
          `${key} holds a threaded comment; a note cannot be added`,
        );
      s.notes.set(key, { content });
    });
    return this.note(cellAddressOrRange, false);
  }
}

export class FakeComment extends FakeProxy<FComment> {
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
      const fake = this.context.fake as unknown as { comments: FComment[] };
      fake.comments = fake.comments.filter((c) => c !== t);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolveForChild();
        return { sheet: t.sheet, area: { top: t.row, bottom: t.row, left: t.col, right: t.col } };
      },
      `${this.label}.location`,
    );
  }
}

/** workbook.comments (ExcelApi 1.10). */
export class FakeCommentCollection {
  private loadedItems: FakeComment[] | null = null;
  constructor(private readonly context: FakeContext) {}

  private get fake(): { comments: FComment[]; commentSeq: number; sheetByName(n: string): FSheet | null } {
    return this.context.fake as unknown as {
      comments: FComment[];
      commentSeq: number;
      sheetByName(n: string): FSheet | null;
    };
  }

  getItem(id: string): FakeComment {
    this.context.requireApi("1.10", "CommentCollection");
    return new FakeComment(
      this.context,
      () => this.fake.comments.find((c) => c.id === id) ?? null,
      `comment(${id})`,
    );
  }
  load(props?: unknown): this {
    this.context.requireApi("1.10", "CommentCollection");
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.loadedItems = this.fake.comments.map((c) =>
        new FakeComment(
          this.context,
          () => (this.fake.comments.includes(c) ? c : null),
          `comment(${c.id})`,
        ).preload(c, names),
      );
    });
    return this;
  }
  get items(): FakeComment[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "comments.items is not loaded");
    return this.loadedItems;
  }
  add(cellAddressOrRange: string, content: string): FakeComment {
    this.context.requireApi("1.10", "CommentCollection.add");
    const id = `c${++this.fake.commentSeq}`;
    this.context.enqueue(() => {
      const bang = cellAddressOrRange.lastIndexOf("!");
      if (bang < 0)
        throw new FakeOfficeError("InvalidArgument", "comments.add needs a sheet-qualified address");
      const name = cellAddressOrRange
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      const sheet = this.fake.sheetByName(name);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `No sheet ${name}`);
      const a = parseArea(noteKey(cellAddressOrRange.slice(bang + 1)))!;
      this.context.write(sheet, a, true);
      if (this.fake.comments.some((c) => c.sheet === sheet && c.row === a.top && c.col === a.left)) {
        throw new FakeOfficeError("InvalidOperation", `A comment already exists at ${cellAddressOrRange}`);
      }
      // [noteOrComment] (markRules.ts) a cell holds a note or a threaded comment, never both.
      if (sheet.notes.has(noteKey(cellAddressOrRange.slice(bang + 1))))
        throw new FakeOfficeError(
          "InvalidOperation",
          `${cellAddressOrRange} holds a note; a comment cannot be added`,
        );
      this.fake.comments.push({ id, sheet, row: a.top, col: a.left, content });
    });
    return this.getItem(id);
  }
}
