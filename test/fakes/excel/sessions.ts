// Panes on one workbook ([coauthoring], [paneLifecycle] in markRules.ts): each Excel.run belongs to a
// session (1: this pane; 2, 3…: co-authors' panes), and each event handler to the session that
// registered it, so a change reaches a handler as Local from its own session and Remote otherwise.
import type { ChangedHandler } from "./model";

const sessions = new WeakMap<ChangedHandler, number>();

export function tagHandler(handler: ChangedHandler, session: number): void {
  sessions.set(handler, session);
}

export function sessionOf(handler: ChangedHandler): number {
  return sessions.get(handler) ?? 1;
}
