// Large reports are written in pieces of about 64 KB rather than built as one string, and a slow
// reader (a pipe) is waited for between pieces: a report of 200,000 rows is otherwise held in
// memory twice over, as text and as the stream's queue.

const FLUSH_AT = 64 * 1024;

/** Collects text and hands it to `write` in pieces; call flush() at the end. */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

/** Writes pieces batched to about 64 KB, awaiting `wait` after each batch. */
export async function writePieces(
  pieces: Iterable<string>,
  write: (text: string) => void,
  wait: () => Promise<void>,
): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= FLUSH_AT) {
      write(parts.join(""));
      parts = [];
      size = 0;
      await wait();
    }
  }
  if (parts.length > 0) write(parts.join(""));
}

type Replacer = (key: string, value: unknown) => unknown;

/**
 * A list whose items are made as they are written (a report's rows as JSON): its length and its
 * items on demand, so that the whole list never sits in memory as JSON objects at once.
 * JSON.stringify sees the items made (toJSON).
 */
export class LazyList<T, U> {
  constructor(
    private readonly source: readonly T[],
    private readonly make: (item: T) => U,
  ) {}
  get length(): number {
    return this.source.length;
  }
  at(i: number): U {
    return this.make(this.source[i]);
  }
  toJSON(): U[] {
    return this.source.map((x) => this.make(x));
  }
}

/**
 * The text of JSON.stringify(value, replacer, 2), piece by piece. Only plain data is expected
 * (objects, arrays, strings, numbers, booleans, null); `replacer` maps each value.
 */
export function* jsonPieces(value: unknown, replacer: Replacer = (_k, v) => v): Generator<string> {
  yield* emit("", value, "", replacer);
}

function* emit(key: string, raw: unknown, indent: string, replacer: Replacer): Generator<string> {
  const v = replacer(key, raw);
  if (v === null || typeof v !== "object") {
    yield JSON.stringify(v) ?? "null";
    return;
  }
  const inner = `${indent}  `;
  const lazy = v instanceof LazyList ? (v as LazyList<unknown, unknown>) : null;
  if (Array.isArray(v) || lazy) {
    const list = v as { length: number };
    if (list.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (let i = 0; i < list.length; i++) {
      yield inner;
      const raw = lazy ? lazy.at(i) : (v as unknown[])[i];
      const item: unknown = raw === undefined ? null : raw;
      // A report's rows and findings are flat records: one JSON.stringify each, re-indented, is
      // the same text as walking them key by key through nested generators, at a fraction of it.
      if (isFlatRecord(item)) yield flatRecordJson(String(i), item, inner, replacer);
      else yield* emit(String(i), item, inner, replacer);
      yield i < list.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(
    ([k, x]) => x !== undefined && typeof x !== "function" && replacer(k, x) !== undefined,
  );
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (let i = 0; i < entries.length; i++) {
    const [k, x] = entries[i];
    yield `${inner}${JSON.stringify(k)}: `;
    yield* emit(k, x, inner, replacer);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}}`;
}

/**
 * A small plain record: a plain object (no toJSON) whose values are strings, finite-or-not numbers,
 * booleans, null, or plain objects and arrays of the same, with at most MAX_LEAVES values in all. A
 * row with its 見通し is one; a file with its thousands of rows is not (it is streamed item by item).
 */
function isFlatRecord(x: unknown): x is Record<string, unknown> {
  const budget = { left: MAX_LEAVES };
  return isSmallRecord(x, budget);
}

const MAX_LEAVES = 256;

function isSmallRecord(x: unknown, budget: { left: number }): boolean {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  if (Object.getPrototypeOf(x) !== Object.prototype) return false;
  for (const key in x) if (!isPlainValue((x as Record<string, unknown>)[key], budget)) return false;
  return true;
}

function isPlainValue(value: unknown, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  const t = typeof value;
  if (value === null || t === "string" || t === "number" || t === "boolean" || t === "undefined") return true;
  if (Array.isArray(value)) return value.every((v) => isPlainValue(v, budget));
  return isSmallRecord(value, budget);
}

/**
 * A flat record as emit() writes it at `indent`: JSON.stringify with the replacer (applied to the
 * record itself first, as emit does, and not again at JSON.stringify's root), lines re-indented.
 * JSON strings hold no raw line breaks, so every "\n" in the text is a line of the layout.
 */
function flatRecordJson(
  key: string,
  record: Record<string, unknown>,
  indent: string,
  replacer: Replacer,
): string {
  const v = replacer(key, record);
  if (v !== record) {
    // The replacer swapped the record for something else: leave it to the general path.
    let out = "";
    for (const piece of emit(key, record, indent, replacer)) out += piece;
    return out;
  }
  let root = true;
  const text = JSON.stringify(
    record,
    (k, x: unknown) => {
      if (root) {
        root = false;
        return x;
      }
      return replacer(k, x);
    },
    2,
  );
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}

/** Writes `value` as JSON.stringify(value, replacer, 2) would, through a ChunkedWriter. */
export function writeJson(value: unknown, out: ChunkedWriter, replacer?: Replacer): void {
  for (const piece of jsonPieces(value, replacer)) out.push(piece);
}
