// What every sheet of the summary workbook is told: the year, how to name and link a file, when.
export interface SummaryContext {
  /** The fiscal year to print in titles ("令和5年度"), or null. */
  fiscalYear: string | null;
  /** The link to an input workbook, relative to the summary's folder (a URI reference, no fragment). */
  linkTo: (file: string) => string;
  /** How a file is named in the summary: its name, never its folder (the path as given by default). */
  fileLabel?: (file: string) => string;
  /** Where a file is, for the one hidden column that may hold it (the path as given by default). */
  location?: (file: string) => string;
  /** The distributed workbook's name, when 提出状況 is asked for. */
  master: string | null;
  version: string;
  now: Date;
}

export const PERCENT = "0.0%";

export function share(n: number, of: number): number | null {
  return of === 0 ? null : n / of;
}

export const label = (ctx: SummaryContext, file: string) => (ctx.fileLabel ? ctx.fileLabel(file) : file);
