// JSON.parse that also knows where each value stands: a profile's problems are reported with the
// key and the line, as planning staff see them in their editor. A small recursive-descent reader
// of RFC 8259 JSON; syntax errors carry their line too.

export type JsonPath = (string | number)[];

export type JsonRead =
  | { ok: true; value: unknown; lineOf: (path: JsonPath) => number | null }
  | { ok: false; line: number; message: "syntax" };

class Syntax extends Error {
  constructor(readonly at: number) {
    super("syntax");
  }
}

export function parseJsonWithLines(text: string): JsonRead {
  const lines = new Map<string, number>();
  let i = 0;
  const lineAt = (pos: number) => {
    let n = 1;
    for (let k = 0; k < pos && k < text.length; k++) if (text.charCodeAt(k) === 10) n++;
    return n;
  };
  const ws = () => {
    while (i < text.length && /[ \t\r\n\uFEFF]/.test(text[i])) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) throw new Syntax(i);
    i++;
  };
  const str = (): string => {
    const start = i;
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) throw new Syntax(i);
      i++;
    }
    expect('"');
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new Syntax(start);
    }
  };
  const value = (path: JsonPath): unknown => {
    ws();
    lines.set(JSON.stringify(path), i);
    const c = text[i];
    if (c === "{") {
      i++;
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === "}") {
        i++;
        return out;
      }
      for (;;) {
        ws();
        const keyAt = i;
        const key = str();
        ws();
        expect(":");
        out[key] = value([...path, key]);
        lines.set(JSON.stringify([...path, key]), keyAt);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("}");
        return out;
      }
    }
    if (c === "[") {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return out;
      }
      for (;;) {
        out.push(value([...path, out.length]));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("]");
        return out;
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) throw new Syntax(i);
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  try {
    const v = value([]);
    ws();
    if (i < text.length) throw new Syntax(i);
    return {
      ok: true,
      value: v,
      lineOf: (path) => {
        const at = lines.get(JSON.stringify(path));
        return at === undefined ? null : lineAt(at);
      },
    };
  } catch (err) {
    if (err instanceof Syntax) return { ok: false, line: lineAt(err.at), message: "syntax" };
    throw err;
  }
}
