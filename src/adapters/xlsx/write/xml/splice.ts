// Edits to a part's source text as replacements of offset ranges, applied in one pass. Everything
// outside the ranges is copied character for character.

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (insertions have start === end). Stable for equal starts. */
export function applySplices(source: string, splices: Splice[]): string {
  if (splices.length === 0) return source;
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping edits at ${s.start}`);
    out += source.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + source.slice(at);
}
