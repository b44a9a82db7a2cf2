// Notes (ExcelApi 1.18) and threaded comments (1.10) as kensho reads them: every one of the
// workbook, listed with its text in one batch and located in the next. They are few beside the cells,
// and kensho's part of each is recognised by its text (core/flags/marks.ts), wherever the cell went.
// Threaded comments cannot be looked up by cell without throwing, so the whole collection is listed.
/* global Excel */
import type { PresentMessage } from "../../core/flags";
import type { HostSupport } from "./workbookHost";

export interface MessageList {
  notes: Excel.Note[];
  comments: Excel.Comment[];
}

/** First batch: every note and comment with its text, as far as this host has them. */
export function queueMessageList(ctx: Excel.RequestContext, support: HostSupport): () => MessageList {
  const notes = support.notes ? ctx.workbook.notes.load("items/content") : null;
  const comments = support.comments ? ctx.workbook.comments.load("items/id,items/content") : null;
  return () => ({ notes: notes?.items ?? [], comments: comments?.items ?? [] });
}

/** "'My Sheet'!B3" -> ["My Sheet", "B3"]. */
export function splitLocation(qualified: string): { sheet: string; address: string } {
  const bang = qualified.lastIndexOf("!");
  const sheet = qualified
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, address: qualified.slice(bang + 1).replace(/\$/g, "") };
}

/** Next batch: where each one is. */
export function queueMessageLocations(list: MessageList): () => PresentMessage[] {
  const notes = list.notes.map((n) => ({ n, loc: n.getLocation().load("address") }));
  const comments = list.comments.map((c) => ({ c, loc: c.getLocation().load("address") }));
  return () => [
    ...notes.map(({ n, loc }) => ({
      ...splitLocation(loc.address),
      kind: "note" as const,
      content: n.content,
    })),
    ...comments.map(({ c, loc }) => ({
      ...splitLocation(loc.address),
      kind: "comment" as const,
      content: c.content,
      commentId: c.id,
    })),
  ];
}
