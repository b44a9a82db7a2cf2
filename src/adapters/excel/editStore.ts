// Where the pane's undoable edits live: one custom XML part in their own namespace
// (urn:kensho:edits:1, docs/edit-record.md), apart from the flag record. Adding, replacing and
// deleting custom XML parts is not on the undo article's list of APIs that clear the person's undo
// stack (excel-add-ins-undo-capabilities.md). Found by namespace in one batch and read in the next,
// like the flag record (recordStore.ts); a part this version cannot read is left exactly as it is.
/* global Excel */
import {
  EDIT_RECORD_NAMESPACE,
  emptyEdits,
  mergeEdits,
  parseEdits,
  serializeEdits,
  type EditDocument,
} from "../../core/edits";

export interface StoredEdits {
  doc: EditDocument;
  /** kensho's readable edit parts, in the order listed: the first one is written to. */
  partIds: string[];
  /** Parts in the namespace this version cannot read: never overwritten or deleted. */
  unreadable: string[];
  /** Steps that failed the schema and were left out. */
  dropped: number;
}

export function noEdits(): StoredEdits {
  return { doc: emptyEdits(), partIds: [], unreadable: [], dropped: 0 };
}

/** Which parts are the edit record's. */
export function queueEditList(ctx: Excel.RequestContext): () => string[] {
  const parts = ctx.workbook.customXmlParts.getByNamespace(EDIT_RECORD_NAMESPACE);
  parts.load("items/id");
  return () => parts.items.map((p) => p.id);
}

/** Their XML, parsed against the schema. */
export function queueEditRead(ctx: Excel.RequestContext, partIds: string[]): () => StoredEdits {
  const xml = partIds.map((id) => ({ id, xml: ctx.workbook.customXmlParts.getItem(id).getXml() }));
  return () => {
    const readable: string[] = [];
    const unreadable: string[] = [];
    const docs: EditDocument[] = [];
    let dropped = 0;
    for (const x of xml) {
      const parsed = parseEdits(x.xml.value);
      if (parsed.unreadable) {
        unreadable.push(x.id);
        continue;
      }
      readable.push(x.id);
      docs.push(parsed.doc);
      dropped += parsed.dropped;
    }
    return { doc: mergeEdits(docs), partIds: readable, unreadable, dropped };
  };
}

/**
 * Queues the record's replacement into kensho's first part (its other readable parts deleted), or a
 * new part. Returns the written part's id after the sync; null when nothing needed a part.
 */
export function queueEditWrite(
  ctx: Excel.RequestContext,
  doc: EditDocument,
  stored: Pick<StoredEdits, "partIds">,
): () => string | null {
  const parts = ctx.workbook.customXmlParts;
  const [first, ...surplus] = stored.partIds;
  for (const id of surplus) parts.getItem(id).delete();
  if (first) {
    parts.getItem(first).setXml(serializeEdits(doc));
    return () => first;
  }
  if (doc.steps.length === 0) return () => null;
  const added = parts.add(serializeEdits(doc));
  added.load("id");
  return () => added.id;
}
