// The 達成率 distribution the board reads (≥100%, 85–100%, 50–85%, <50% by default): the two upper
// boundaries are the rule's thresholds, so the bands always agree with the statuses.
import type { ProgressRule } from "../model";
import { TOLERANCE } from "../progress/achievement";

/** A band of rates, [min, max): min null is unbounded below, max null unbounded above. */
export interface RateBand {
  min: number | null;
  max: number | null;
}

/** Below the lower threshold, the board also tells "behind" from "far behind" at half the target. */
export const FAR_BEHIND = 0.5;

/** The bands, highest first. Boundaries that coincide or fall out of order are dropped. */
export function rateBands(rule: Pick<ProgressRule, "onTrack" | "nearlyOnTrack">): RateBand[] {
  const bounds = [rule.onTrack, rule.nearlyOnTrack, FAR_BEHIND].filter(
    (b, i, all) => i === 0 || b < all[i - 1] - TOLERANCE,
  );
  const bands: RateBand[] = [{ min: bounds[0], max: null }];
  for (let i = 1; i < bounds.length; i++) bands.push({ min: bounds[i], max: bounds[i - 1] });
  bands.push({ min: null, max: bounds[bounds.length - 1] });
  return bands;
}

/** The index of the band a rate falls in, with the same tolerance as the statuses; null for no rate. */
export function bandIndex(bands: readonly RateBand[], rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  for (let i = 0; i < bands.length; i++) {
    const min = bands[i].min;
    if (min === null || rate >= min - TOLERANCE) return i;
  }
  return bands.length - 1;
}
