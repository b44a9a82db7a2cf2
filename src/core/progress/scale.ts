// A city's evaluation scale as data: ordered levels, best first, each with the lowest achievement
// rate that earns it. 伊勢崎's three words are the default, with the thresholds of the progress rule;
// the presets are the scales other cities publish (docs/layouts.md names the sources).
import type { ProgressRule, Scale } from "../model";
import { STATUS_WORDS } from "../model";
import { labelKey } from "../text";
import { TOLERANCE } from "./achievement";

/** 伊勢崎's scale under a rule's thresholds: 順調に進捗, 概ね順調に進捗, 進捗の遅れ. */
export function isesakiScale(rule: Pick<ProgressRule, "onTrack" | "nearlyOnTrack">): Scale {
  return {
    id: "isesaki",
    levels: [
      { name: STATUS_WORDS[0], min: rule.onTrack },
      { name: STATUS_WORDS[1], min: rule.nearlyOnTrack },
      { name: STATUS_WORDS[2], min: null },
    ],
    needsReason: [STATUS_WORDS[2]],
  };
}

/** The built-in scales other than 伊勢崎's, by id. */
export const SCALE_PRESETS: Readonly<Record<string, Scale>> = {
  // いの町: 目標値以上 ◎, 目標値と同等 ○, 目標値未満 △, 進捗なし・事業終了 ×.
  maru: {
    id: "maru",
    levels: [
      { name: "◎", min: 1.0 },
      { name: "○", min: 0.85, aliases: ["〇"] },
      { name: "△", min: 0, exclusive: true },
      { name: "×", min: null, aliases: ["✕", "✖", "X"] },
    ],
    needsReason: ["△", "×"],
  },
  // 杵築市: A 目標を上回る, B 目標の80%以上, C 改善や工夫が必要, D 注視を継続.
  abcd: {
    id: "abcd",
    levels: [
      { name: "A", min: 1.0 },
      { name: "B", min: 0.8 },
      { name: "C", min: 0.5 },
      { name: "D", min: null },
    ],
    needsReason: ["C", "D"],
  },
  // 長与町's five grades (S, A, B, C and − for not evaluable), on the achievement rate.
  sabc: {
    id: "sabc",
    levels: [
      { name: "S", min: 1.0 },
      { name: "A", min: 0.8 },
      { name: "B", min: 0.5 },
      { name: "C", min: null },
    ],
    needsReason: ["B", "C"],
    notEvaluated: ["−", "-", "－", "ー", "―"],
  },
  // A/B+/B/C at 100%, 80% and 50%.
  abplus: {
    id: "abplus",
    levels: [
      { name: "A", min: 1.0 },
      { name: "B+", min: 0.8 },
      { name: "B", min: 0.5 },
      { name: "C", min: null },
    ],
    needsReason: ["B", "C"],
  },
};

/** The words of a scale's levels, best first. */
export function levelNames(scale: Scale): string[] {
  return scale.levels.map((l) => l.name);
}

/** The level a rate earns on a scale: the first whose lower bound it reaches. */
export function levelForRate(rate: number, scale: Scale): string {
  for (const level of scale.levels) {
    if (level.min === null) return level.name;
    if (level.exclusive ? rate > level.min + TOLERANCE : rate >= level.min - TOLERANCE) return level.name;
  }
  return scale.levels[scale.levels.length - 1].name;
}

/** The level staff meant by what they typed (stray spaces, full-width forms, an alias), or null. */
export function recogniseLevel(text: string, scale: Scale): string | null {
  const key = labelKey(text);
  if (key === "") return null;
  for (const level of scale.levels) {
    if (level.name === text || labelKey(level.name) === key) return level.name;
    if (level.aliases?.some((a) => labelKey(a) === key)) return level.name;
  }
  return null;
}

/** Whether the typed text says "not evaluated" on this scale (−). */
export function isNotEvaluated(text: string, scale: Scale): boolean {
  const key = labelKey(text);
  return key !== "" && (scale.notEvaluated ?? []).some((w) => labelKey(w) === key);
}

/** The best level (a met direction-only target) and the first level that needs a reason (missed). */
export function bestLevel(scale: Scale): string {
  return scale.levels[0].name;
}

export function firstBehindLevel(scale: Scale): string {
  return scale.needsReason[0] ?? scale.levels[scale.levels.length - 1].name;
}

/** A scale by its id or as given; null for an unknown id. */
export function resolveScale(spec: string | Scale | undefined, rule: ProgressRule): Scale | null {
  if (spec === undefined || spec === "isesaki") return isesakiScale(rule);
  if (typeof spec === "string") return SCALE_PRESETS[spec] ?? null;
  return spec;
}

/** Words only one preset uses: an entered status in one of them says which scale the sheet is on. */
const EVIDENCE: ReadonlyArray<[string, string[]]> = [
  ["maru", ["◎", "○", "〇", "△", "×"]],
  ["sabc", ["S"]],
  ["abplus", ["B+"]],
  ["abcd", ["D"]],
];

/**
 * The preset a sheet's entered statuses show, when they show exactly one: each entered word is one
 * of its levels, and one of them is a word only that preset uses (◎, S, B+, D). null otherwise,
 * and always when any entry is one of 伊勢崎's words: then the default scale stands.
 */
export function scaleShownBy(entered: readonly string[]): Scale | null {
  const keys = entered.map(labelKey).filter((k) => k !== "");
  if (keys.length === 0 || keys.some((k) => (STATUS_WORDS as readonly string[]).includes(k))) return null;
  const shown = EVIDENCE.filter(([, words]) => words.some((w) => keys.includes(labelKey(w))));
  if (shown.length !== 1) return null;
  const scale = SCALE_PRESETS[shown[0][0]];
  const fits = keys.every((k) => recogniseLevel(k, scale) !== null || isNotEvaluated(k, scale));
  return fits ? scale : null;
}
