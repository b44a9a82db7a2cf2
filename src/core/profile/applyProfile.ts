// A profile's word on a header: the headings and columns it pins to fields override what kensho's
// own vocabulary made of them, and the headings it ignores are not read. Nothing else changes.
import type { FieldKey, LayoutProfile, ProfileField } from "../model";
import { columnLetters } from "../address";
import { labelKey } from "../text";
import type { HeaderMeaning } from "../layout/headerLabels";
import type { HeaderSegment } from "../layout/composeHeader";

/** "C" or "C:D" for a run of columns. */
function letters(cols: number[]): string[] {
  const first = columnLetters(cols[0]);
  const last = columnLetters(cols[cols.length - 1]);
  return cols.length === 1 ? [first] : [`${first}:${last}`, first];
}

/** How well a profile's field names a segment: by column (best), by its longest heading word, or not. */
function score(field: ProfileField, key: string, names: string[]): number {
  if (field.columns?.some((c) => names.includes(labelKey(c).toUpperCase()))) return 1000;
  let best = 0;
  for (const h of field.headings ?? []) {
    const w = labelKey(h);
    if (w !== "" && key.includes(w)) best = Math.max(best, w.length);
  }
  return best;
}

/** The meaning a profile gives a field's heading: 実績値 and 目標値 keep their year logic. */
function meaningOf(field: FieldKey): HeaderMeaning {
  return field;
}

/** Applies a profile to a header's segments in place; returns whether it changed any. */
export function applyProfile(segments: HeaderSegment[], profile: LayoutProfile | null | undefined): boolean {
  if (!profile) return false;
  const fields = Object.entries(profile.fields ?? {}) as [FieldKey, ProfileField][];
  if (profile.reasonColumn) fields.push(["reason", profile.reasonColumn]);
  const ignore = (profile.ignore ?? []).map(labelKey).filter((w) => w !== "");
  let changed = false;
  for (const s of segments) {
    if (s.header === "" && !fields.some(([, f]) => f.columns)) continue;
    const key = labelKey(s.header);
    const names = letters(s.cols);
    let best: { field: FieldKey; score: number } | null = null;
    for (const [field, spec] of fields) {
      const sc = score(spec, key, names);
      if (sc > 0 && (!best || sc > best.score)) best = { field, score: sc };
    }
    if (best) {
      s.meaning = meaningOf(best.field);
      s.fromProfile = true;
      changed = true;
    } else if (key !== "" && ignore.some((w) => key.includes(w))) {
      s.meaning = "remarks";
      s.fromProfile = true;
      changed = true;
    }
  }
  return changed;
}
