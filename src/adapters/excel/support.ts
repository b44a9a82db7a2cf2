// Requirement-set detection: which ExcelApi version this Office offers, and what kensho may use.
import type { HostSupport } from "./workbookHost";

/** The slice of Office.context.requirements we use. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export const MAX_KNOWN_MINOR = 20;

/** "1.14" >= "1.9": compares minor versions numerically, not as strings. */
export function apiAtLeast(version: string, wanted: string): boolean {
  const [aMaj, aMin] = version.split(".").map(Number);
  const [bMaj, bMin] = wanted.split(".").map(Number);
  return aMaj > bMaj || (aMaj === bMaj && (aMin ?? 0) >= (bMin ?? 0));
}

export function supportForVersion(excelApi: string, undo = apiAtLeast(excelApi, "1.20")): HostSupport {
  return {
    excelApi,
    onChanged: apiAtLeast(excelApi, "1.7"),
    dataValidation: apiAtLeast(excelApi, "1.8"),
    comments: apiAtLeast(excelApi, "1.10"),
    mergedAreas: apiAtLeast(excelApi, "1.13"),
    notes: apiAtLeast(excelApi, "1.18"),
    charts: apiAtLeast(excelApi, "1.7"),
    undo,
  };
}

/** Highest ExcelApi 1.x for which isSetSupported is true; "1.0" when even 1.1 is missing. */
export function detectSupport(requirements: RequirementsLike): HostSupport {
  let best = "1.0";
  for (let minor = 1; minor <= MAX_KNOWN_MINOR; minor++) {
    // Not strictly monotonic on every platform in theory, so scan all rather than stop early.
    if (requirements.isSetSupported("ExcelApi", `1.${minor}`)) best = `1.${minor}`;
  }
  // excel-add-ins-undo-capabilities.md: 'isSetSupported("ExcelUndoApiAll", "1.0")' tells whether
  // API actions join the user's undo stack; without it the pane warns before the first write.
  return supportForVersion(best, requirements.isSetSupported("ExcelUndoApiAll", "1.0"));
}
