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
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (let i = 0; i < v.length; i++) {
      yield inner;
      const item: unknown = v[i] === undefined ? null : v[i];
      // A report's rows and findings are flat records: one JSON.stringify each, re-indented, is
      // the same text as walking them key by key through nested generators, at a fraction of it.
      if (isFlatRecord(item)) yield flatRecordJson(String(i), item, inner, replacer);
      else yield* emit(String(i), item, inner, replacer);
      yield i < v.length - 1 ? ",\n" : "\n";
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

/** A plain object (no toJSON) whose values are strings, finite-or-not numbers, booleans or null. */
function isFlatRecord(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  if (Object.getPrototypeOf(x) !== Object.prototype) return false;
  for (const key in x) {
    const value = (x as Record<string, unknown>)[key];
    const t = typeof value;
    if (value !== null && t !== "string" && t !== "number" && t !== "boolean" && t !== "undefined")
      return false;
  }
  return true;
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
