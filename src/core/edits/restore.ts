// What 元に戻す may do with each cell of a step. A cell goes back only while it still holds exactly
// what kensho wrote; a cell that holds what it held before is back already (Ctrl+Z took it back:
// Excel's undo reverts cells but not the custom XML part, OfficeDev/office-js#6415); anything else
// was changed since, by a person or another pane, and is listed and left alone.
//
// The record comes from the workbook. A formula or a validation rule is written back only when this
// session recorded that very entry itself (SessionProof, memory only): a crafted part must never make
// 元に戻す write `=WEBSERVICE(…)` or a validation formula into a cell.
import { STATUS_WORDS } from "../model";
import {
  canonical,
  isStatusDropdown,
  sameContent,
  sameValidation,
  type CellContent,
  type ValidationState,
} from "./content";
import type { EditEntry, EditStep } from "./editRecord";

/** What a cell holds now: its content for a value entry, its validation for a validation entry. */
export type CurrentCell = { content: CellContent } | { validation: ValidationState };

export interface RestorePlan {
  /** Still kensho's: written back. */
  restore: EditEntry[];
  /** Hold what they held before kensho wrote: nothing to do. */
  already: EditEntry[];
  /** Changed since kensho wrote them: left alone and listed. */
  changed: EditEntry[];
  /** Would need a formula or a validation rule written from a record this session did not write. */
  unproven: EditEntry[];
}

/** Entries whose restore would write a formula or a validation rule. */
export function needsProof(e: EditEntry): boolean {
  return e.kind === "value" ? e.before.type === "formula" : e.before.type !== "None";
}

function entryKey(e: EditEntry): string {
  return e.kind === "value"
    ? `value|${canonical(e.before)}|${canonical(e.after)}`
    : `validation|${canonical(e.before)}`;
}

/** The steps this session recorded, in memory only: a workbook cannot forge it. */
export class SessionProof {
  private readonly recorded = new Map<string, Set<string>>();

  remember(step: EditStep): void {
    this.recorded.set(step.id, new Set(step.entries.map(entryKey)));
  }

  vouches(step: EditStep, e: EditEntry): boolean {
    return this.recorded.get(step.id)?.has(entryKey(e)) ?? false;
  }
}

function stillKenshos(e: EditEntry, now: CurrentCell): boolean {
  if (e.kind === "validation") return "validation" in now && isStatusDropdown(now.validation);
  if (!("content" in now)) return false;
  if (e.after !== null) return sameContent(now.content, e.after);
  // A status step of an earlier version: it wrote one of the three words.
  return now.content.type === "text" && (STATUS_WORDS as readonly string[]).includes(now.content.text);
}

function asBefore(e: EditEntry, now: CurrentCell): boolean {
  if (e.kind === "validation") return "validation" in now && sameValidation(now.validation, e.before);
  return "content" in now && sameContent(now.content, e.before);
}

export function planRestore(
  step: EditStep,
  current: (e: EditEntry) => CurrentCell | null,
  proof: SessionProof,
): RestorePlan {
  const plan: RestorePlan = { restore: [], already: [], changed: [], unproven: [] };
  for (const e of step.entries) {
    const now = current(e);
    if (now === null) plan.changed.push(e);
    else if (asBefore(e, now)) plan.already.push(e);
    else if (!stillKenshos(e, now)) plan.changed.push(e);
    else if (needsProof(e) && !proof.vouches(step, e)) plan.unproven.push(e);
    else plan.restore.push(e);
  }
  return plan;
}
