// Large reports are written in pieces of about 64 KB rather than built as one string: a report of
// 200,000 rows would otherwise be held twice over (the parts and the joined text) at the very end.

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

/**
 * Writes `value` as JSON.stringify(value, replacer, 2) would, piece by piece. Only plain data is
 * expected (objects, arrays, strings, numbers, booleans, null); `replacer` maps each value.
 */
export function writeJson(
  value: unknown,
  out: ChunkedWriter,
  replacer: (key: string, value: unknown) => unknown = (_k, v) => v,
): void {
  const emit = (key: string, raw: unknown, indent: string): void => {
    const v = replacer(key, raw);
    if (v === null || typeof v !== "object") {
      out.push(JSON.stringify(v) ?? "null");
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push("[]");
        return;
      }
      out.push("[\n");
      v.forEach((item, i) => {
        out.push(inner);
        emit(String(i), item === undefined ? null : item, inner);
        out.push(i < v.length - 1 ? ",\n" : "\n");
      });
      out.push(`${indent}]`);
      return;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(
      ([k, x]) => x !== undefined && typeof x !== "function" && replacer(k, x) !== undefined,
    );
    if (entries.length === 0) {
      out.push("{}");
      return;
    }
    out.push("{\n");
    entries.forEach(([k, x], i) => {
      out.push(`${inner}${JSON.stringify(k)}: `);
      emit(k, x, inner);
      out.push(i < entries.length - 1 ? ",\n" : "\n");
    });
    out.push(`${indent}}`);
  };
  emit("", value, "");
}
