// A cell's data validation as kensho reads it (for the edit record) and puts it back (元に戻す).
/* global Excel */
import type { ValidationState } from "../../core/edits";

export const VALIDATION_PROPS = "type,rule,ignoreBlanks,prompt,errorAlert";

/** What a loaded DataValidation holds. */
export function validationOf(dv: Excel.DataValidation): ValidationState {
  return {
    type: dv.type,
    rule: dv.rule,
    ignoreBlanks: dv.ignoreBlanks,
    prompt: dv.prompt,
    errorAlert: dv.errorAlert,
  };
}

/** Puts a cell's data validation back as it was (none: cleared). */
export function restoreValidation(dv: Excel.DataValidation, before: ValidationState): void {
  dv.clear();
  if (before.type === "None") return;
  // "No more than one of these properties may be present in any DataValidationRule object": a rule
  // read back may list the others as null.
  const rule = Object.fromEntries(
    Object.entries((before.rule ?? {}) as Record<string, unknown>).filter(
      ([, v]) => v !== null && v !== undefined,
    ),
  );
  dv.rule = rule as Excel.DataValidationRule;
  dv.ignoreBlanks = before.ignoreBlanks;
  if (before.prompt) dv.prompt = before.prompt as Excel.DataValidationPrompt;
  if (before.errorAlert) dv.errorAlert = before.errorAlert as Excel.DataValidationErrorAlert;
}
