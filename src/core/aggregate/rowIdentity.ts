// What a row *is*, independent of where it sits: its kind, its 小基本目標's number and its name key.
// Rows of a returned copy are matched with the distributed workbook's by this, never by position.
import type { VerificationRow } from "../model";
import { kpiNameKey } from "../master/kpiMaster";

/** "1-1" from "1-1 安定した雇用の創出"; otherwise the 小基本目標 (or 基本目標) as a key. */
function blockKey(row: Pick<VerificationRow, "goal" | "subGoal">): string {
  const text = (row.subGoal ?? row.goal ?? "").normalize("NFKC");
  const m = /^\s*(\d+)\s*[-‐－ー―−]\s*(\d+)/.exec(text);
  return m ? `${Number(m[1])}-${Number(m[2])}` : text.replace(/\s+/g, "");
}

export function rowIdentity(
  row: Pick<VerificationRow, "kind" | "goal" | "subGoal" | "measure" | "name">,
): string {
  return `${row.kind}\u0000${blockKey(row)}\u0000${kpiNameKey(row.name)}`;
}
