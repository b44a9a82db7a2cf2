// A trend mark against last year (改善・悪化 as ○△×, 上昇/横ばい/低下, ↑→↓) is checked against the
// actuals, never read as a status: 改善 marks the KPI's own direction, 上昇 the figure's movement.
import type { CheckedRow, Finding } from "../model";
import { displayText, labelKey } from "../text";
import { trendOf } from "../aggregate/trend";
import { TOLERANCE } from "../progress/achievement";
import { finding } from "./findingFactory";

type Said = "improved" | "same" | "worse";

/** Marks that judge the KPI (better or worse in its direction). */
const QUALITY: ReadonlyMap<string, Said> = new Map([
  ["○", "improved"],
  ["〇", "improved"],
  ["改善", "improved"],
  ["△", "same"],
  ["維持", "same"],
  ["×", "worse"],
  ["✕", "worse"],
  ["悪化", "worse"],
]);

/** Marks that say which way the figure moved, whatever the KPI's direction. */
const MOVEMENT: ReadonlyMap<string, "up" | "flat" | "down"> = new Map([
  ["上昇", "up"],
  ["↑", "up"],
  ["↗", "up"],
  ["増加", "up"],
  ["横ばい", "flat"],
  ["→", "flat"],
  ["低下", "down"],
  ["↓", "down"],
  ["↘", "down"],
  ["減少", "down"],
]);

/** The trend-mismatch finding for a row whose mark contradicts its actuals; null otherwise. */
export function trendFinding(row: CheckedRow): Finding | null {
  const mark = labelKey(displayText(row.cells.trend?.cell));
  if (mark === "") return null;
  const quality = QUALITY.get(mark);
  if (quality) {
    const t = trendOf(row);
    if (t === null || t === "mixed") return null;
    const actual: Said = t === "improved" ? "improved" : t === "worsened" ? "worse" : "same";
    return actual === quality ? null : finding("trend-mismatch", row, "trend", { raw: mark, trend: actual });
  }
  const move = MOVEMENT.get(mark);
  const { actual, previous } = row.values;
  if (!move || actual.kind !== "number" || previous.kind !== "number") return null;
  const a = actual.number as number;
  const p = previous.number as number;
  const moved = Math.abs(a - p) <= TOLERANCE * Math.max(1, Math.abs(p)) ? "flat" : a > p ? "up" : "down";
  if (moved === move) return null;
  const said: Said = moved === "flat" ? "same" : moved === "up" ? "improved" : "worse";
  return finding("trend-mismatch", row, "trend", { raw: mark, trend: said, direction: null });
}
