// Where the flag record lives: one custom XML part (ExcelApi 1.5) whose root is in kensho's
// namespace (docs/flag-record.md). Chosen against the undo article
// (excel-add-ins-undo-capabilities.md): adding, replacing and deleting custom XML parts is not on its
// list of APIs that clear the undo stack, while Worksheet.delete is ("No" everywhere) and
// Worksheet.visibility is on Windows and Mac — so the old very hidden state sheet, added, hidden and
// deleted as flags came and went, emptied staff's Ctrl+Z history. A part is also invisible, needs no
// sheet (workbook structure protection does not stand in its way), and is plain OOXML a file writer
// can produce.
//
// The part is found by namespace, listed in a read's first batch and read in its second, so a
// check learns whether a record exists from data it loads anyway; nothing is called on an object
// that may be null. Workbooks flagged by earlier versions keep their records on the very hidden
// sheet "kensho_state": those are read once, carried into the part, and the sheet is emptied with
// Range.clear — never deleted or re-hidden.
/* global Excel */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded
   properties are read in closures that callers run after the sync; the rule cannot follow closures. */
import {
  FLAG_RECORD_NAMESPACE,
  emptyRecord,
  mergeRecords,
  normalizeFill,
  parseFlagRecord,
  serializeFlagRecord,
  type CellContent,
  type FlagRecord,
  type FlagRecordDocument,
  type MessageKind,
  type UndoStep,
} from "../../core/flags";

/** The very hidden sheet earlier versions kept their records on. Read, emptied, never deleted. */
export const LEGACY_STATE_SHEET = "kensho_state";

/** What is stored, and where. */
export interface StoredRecord {
  doc: FlagRecordDocument;
  /** The parts holding kensho's record, in the order listed: the first one is written to. */
  partIds: string[];
  /** Parts in kensho's namespace this version cannot read: left exactly as they are. */
  unreadable: string[];
  /** Entries that were damaged and left out. */
  dropped: number;
  /** The legacy sheet holds records that are not yet in a part. */
  legacy: boolean;
}

export function noRecord(): StoredRecord {
  return { doc: emptyRecord(), partIds: [], unreadable: [], dropped: 0, legacy: false };
}

/** Sync 1: which parts are kensho's. */
export function queuePartList(ctx: Excel.RequestContext): () => string[] {
  const parts = ctx.workbook.customXmlParts.getByNamespace(FLAG_RECORD_NAMESPACE);
  parts.load("items/id");
  return () => parts.items.map((p) => p.id);
}

/** Sync 2: their XML, and the legacy sheet's rows when the sheet list showed it. */
export function queueRecordRead(
  ctx: Excel.RequestContext,
  partIds: string[],
  legacySheet: boolean,
): () => StoredRecord {
  const xml = partIds.map((id) => ({ id, xml: ctx.workbook.customXmlParts.getItem(id).getXml() }));
  const legacy = legacySheet
    ? ctx.workbook.worksheets.getItem(LEGACY_STATE_SHEET).getUsedRange(true).load("values")
    : null;
  return () => {
    const readable: string[] = [];
    const unreadable: string[] = [];
    const docs: FlagRecordDocument[] = [];
    let dropped = 0;
    for (const x of xml) {
      const parsed = parseFlagRecord(x.xml.value);
      if (parsed.unreadable) {
        unreadable.push(x.id);
        continue;
      }
      readable.push(x.id);
      docs.push(parsed.doc);
      dropped += parsed.dropped;
    }
    const old = legacy ? parseLegacyRows(legacy.values) : emptyRecord();
    const hasLegacy = old.flags.length > 0 || old.undo.length > 0;
    // Legacy records come last: a cell both record, the part's entry is the newer one.
    return {
      doc: mergeRecords([...docs, old]),
      partIds: readable,
      unreadable,
      dropped,
      legacy: hasLegacy,
    };
  };
}

/**
 * Queues the record's replacement: setXml on kensho's part (surplus parts of kensho's are deleted),
 * or a new part. The returned function gives the id of the part written, valid after the sync.
 * The legacy sheet, once carried over, is emptied in the same batch.
 */
export function queueRecordWrite(
  ctx: Excel.RequestContext,
  doc: FlagRecordDocument,
  stored: Pick<StoredRecord, "partIds" | "legacy">,
): () => string {
  const xml = serializeFlagRecord(doc);
  const parts = ctx.workbook.customXmlParts;
  const [first, ...surplus] = stored.partIds;
  let written: Excel.CustomXmlPart;
  if (first) {
    written = parts.getItem(first);
    written.setXml(xml);
  } else {
    written = parts.add(xml);
    written.load("id");
  }
  for (const id of surplus) parts.getItem(id).delete();
  if (stored.legacy) ctx.workbook.worksheets.getItem(LEGACY_STATE_SHEET).getRange().clear();
  return () => first ?? written.id;
}

// --- the earlier versions' rows -------------------------------------------------------------------

interface LegacyFlag {
  t: "flag";
  sheet: string;
  address: string;
  fill: string | null;
  pattern: string | null;
  msg: MessageKind;
}

interface LegacyUndo {
  t: "undo";
  sheet: string;
  address: string;
  formula: unknown;
}

function legacyContent(v: unknown): CellContent {
  if (v === null || v === undefined || v === "") return { type: "empty" };
  if (typeof v === "number") return { type: "number", number: v };
  if (typeof v === "boolean") return { type: "boolean", boolean: v };
  const s = String(v);
  return s.startsWith("=") ? { type: "formula", formula: s } : { type: "text", text: s };
}

/** One JSON record per row in column A, as versions before the custom XML part wrote them. */
export function parseLegacyRows(values: unknown[][] | null): FlagRecordDocument {
  const flags: FlagRecord[] = [];
  const undo: UndoStep = { action: "status", entries: [] };
  for (const row of values ?? []) {
    const text = row[0];
    if (typeof text !== "string" || !text.startsWith("{")) continue;
    try {
      const rec = JSON.parse(text) as LegacyFlag | LegacyUndo;
      if (rec.t === "flag") {
        flags.push({
          sheet: rec.sheet,
          cell: rec.address.replace(/\$/g, "").toUpperCase(),
          fill: normalizeFill({
            color: rec.fill,
            pattern: rec.fill === null ? "None" : (rec.pattern ?? "Solid"),
          }),
          painted: true,
          message: rec.msg,
        });
      } else if (rec.t === "undo") {
        // Input like any record: carried into the edit record through its schema
        // (core/edits/legacy.ts), a formula in it never written back.
        undo.entries.push({
          kind: "value",
          sheet: rec.sheet,
          cell: String(rec.address).replace(/\$/g, "").toUpperCase(),
          before: legacyContent(rec.formula),
        });
      }
    } catch {
      // A damaged row loses one record, not the whole state.
    }
  }
  return { flags, undo: undo.entries.length > 0 ? [undo] : [] };
}
