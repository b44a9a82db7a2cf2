// Words that could mean two fields (現状値, 目標指標, 施策目標の達成状況) are decided by the structure
// around them: a 基準値 beside them, a year in their heading, a band of the other kind. When nothing
// decides, the header is not read and the columns are named: kensho never guesses.
import type { HeaderMeaning } from "./headerLabels";
import type { HeaderSegment } from "./composeHeader";

export interface Ambiguity {
  meaning: HeaderMeaning;
  segments: HeaderSegment[];
}

const has = (segments: HeaderSegment[], meanings: HeaderMeaning[]) =>
  segments.some((s) => s.meaning !== null && meanings.includes(s.meaning));

/** 現状値: this year's figure when a 基準値 stands beside it, else the baseline when a 実績 does. */
function baselineOrActual(s: HeaderSegment, all: HeaderSegment[]): HeaderMeaning | null {
  const baselines = all.filter((x) => x.meaning === "baseline");
  if (baselines.length > 0) {
    // A dated baseline earlier than this heading's year, or an undated 現状値 beside a 基準値.
    const base = baselines[0].year;
    if (s.year === null || base === null || s.year > base) return "actualOrPrevious";
    return null;
  }
  if (has(all, ["actualOrPrevious", "targetOrActual"])) return "baseline";
  return null;
}

/** Resolves every two-meaning heading in place; returns the first that nothing decides. */
export function resolveTwoMeanings(segments: HeaderSegment[]): Ambiguity | null {
  // A 数値目標 column with no KPI column beside it names the rows itself (長与町's 数値目標 list).
  const measures = segments.filter((s) => s.meaning === "measure");
  if (
    measures.length === 1 &&
    !has(segments, ["kpi", "kpiOrTarget"]) &&
    has(segments, ["actualOrPrevious", "baselineOrActual"])
  )
    measures[0].meaning = "kpi";
  const undecided: HeaderSegment[] = [];
  let first: HeaderMeaning | null = null;
  const decide = (s: HeaderSegment, to: HeaderMeaning | null) => {
    if (to !== null) s.meaning = to;
    else if (first === null || s.meaning === first) {
      first ??= s.meaning;
      undecided.push(s);
    }
  };
  // Each kind is decided against the others as written, before any is rewritten.
  const written = segments.map((s) => ({ ...s }));
  for (const s of segments) {
    if (s.meaning === "baselineOrActual") decide(s, baselineOrActual(s, written));
    else if (s.meaning === "kpiOrTarget") {
      if (has(written, ["target", "finalTarget"])) decide(s, "kpi");
      else if (has(written, ["kpi"])) decide(s, "target");
      else decide(s, null);
    } else if (s.meaning === "targetOrActual") {
      if (has(written, ["target"])) decide(s, "actualOrPrevious");
      else if (has(written, ["actualOrPrevious"])) decide(s, "target");
      else decide(s, null);
    }
  }
  return first === null ? null : { meaning: first, segments: undecided };
}
