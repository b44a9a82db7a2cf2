// Undo steps earlier versions kept (in the flag record's "undo" list, or as rows of the very hidden
// kensho_state sheet) come from the workbook like any record: each is rebuilt as an edit step and
// passed through the same schema. They never recorded what kensho wrote, so only status steps are
// carried over (kensho wrote one of the three status words); a merge step cannot be checked against
// its cells and is dropped. No session recorded them, so a formula in them is never written back.
import { canonical } from "./content";
import { readStep, type EditStep } from "./editRecord";
import { isObject } from "./schema";

function hash(text: string): string {
  // FNV-1a: a stable id for a step that never had one, so the same legacy step keeps its id.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export interface LegacySteps {
  steps: EditStep[];
  /** Steps that could not be carried over (merge steps, or entries that failed the schema). */
  dropped: number;
}

/** Earlier versions' steps (`{ action, entries: [{ kind, sheet, cell, before }] }`), oldest first. */
export function legacySteps(raw: readonly unknown[]): LegacySteps {
  const steps: EditStep[] = [];
  let dropped = 0;
  raw.forEach((s, i) => {
    if (!isObject(s) || !Array.isArray(s.entries)) {
      dropped++;
      return;
    }
    const candidate = {
      id: `legacy-${i}-${hash(canonical(s))}`,
      action: s.action,
      entries: s.entries.map((e: unknown) => (isObject(e) && e.kind === "value" ? { ...e, after: null } : e)),
    };
    const step = s.action === "merge" ? null : readStep(candidate);
    if (step) steps.push(step);
    else dropped++;
  });
  return { steps, dropped };
}
