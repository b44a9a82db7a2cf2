// What the last read saw of kensho's marks, so the next writeFlags can go out in ONE sync (or none,
// when nothing changed): which sheets exist and which are protected, every kensho mark with where it
// is, every note and threaded comment, and earlier versions' fills still to clear.
//
// A cache, never trusted beyond the moment: any change a person or a co-author makes drops it (the
// change feed), rows moving drop it, and a write that Excel refuses because it went stale (a format
// deleted meanwhile) is retried once from a fresh read. What is written is only ever kensho's own
// marks and kensho's part of a message.
import type { LegacyPlan, PresentMark, PresentMessage } from "../../core/flags";

export interface ReadCache {
  /** Every sheet that existed at the read (the legacy state sheet excluded). */
  sheets: Set<string>;
  protectedSheets: Set<string>;
  marks: PresentMark[];
  /** Every note (ExcelApi 1.18) and threaded comment (1.10) with its text and cell. */
  messages: PresentMessage[];
  /** Earlier versions' fills to put back, planned against the cells as read; null when none. */
  legacy: LegacyPlan | null;
}
