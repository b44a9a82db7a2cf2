// Finding kensho's marks in the workbook (docs/flag-record.md): every sheet's conditional formats
// are listed with their custom rule's formula (ExcelApi 1.6), in a batch that knows the sheet names;
// those whose formula carries kensho's marker are then located in the next batch, getRanges
// (ExcelApi 1.9) or getRangeOrNullObject (1.6; null when a format covers several areas). Both
// batches hold one request per sheet or per mark, never per row.
//
// d.ts, ConditionalFormatCollection: "Represents a collection of all the conditional formats that
// are overlap the range"; Worksheet.getRange() with no address is the whole sheet, so its collection
// is every format of the sheet. ConditionalFormat.priority: "The priority (or index) within the
// conditional format collection"; a kensho format with a format of another kind above it is
// "buried" (a city's own format could hide it) and is drawn again on top.
/* global Excel */
import { parseMarkFormula, type MarkKind, type PresentMark } from "../../core/flags";
import { parseAreas } from "./a1";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

/** A kensho format found by the listing, with its proxy (valid in the batch that listed it). */
export interface FoundMark {
  sheet: string;
  item: Excel.ConditionalFormat;
  id: string;
  kind: MarkKind;
  buried: boolean;
}

const LIST_OPTIONS = {
  id: true,
  type: true,
  priority: true,
  // "For EACH ITEM in the collection: Returns the custom conditional format properties if the
  // current conditional format is a custom type": the OrNullObject form, since most formats are not.
  customOrNullObject: { rule: { formula: true } },
} as Excel.Interfaces.ConditionalFormatCollectionLoadOptions;

/** Every sheet's conditional formats, in one batch; after the sync, kensho's among them. */
export function queueFormatList(ctx: Excel.RequestContext, sheets: string[]): () => FoundMark[] {
  const lists = sheets.map((sheet) => {
    const formats = ctx.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    formats.load(LIST_OPTIONS);
    return { sheet, formats };
  });
  return () =>
    lists.flatMap(({ sheet, formats }) => {
      const items = [...formats.items].sort((a, b) => a.priority - b.priority);
      const found: FoundMark[] = [];
      let foreignAbove = false;
      for (const item of items) {
        const custom = item.customOrNullObject;
        const kind = custom.isNullObject ? null : parseMarkFormula(custom.rule.formula);
        if (!kind) {
          foreignAbove = true;
          continue;
        }
        found.push({ sheet, item, id: item.id, kind, buried: foreignAbove });
      }
      return found;
    });
}

/** Where each found mark is, queued in the next batch of the same run. */
export function queueMarkAreas(found: FoundMark[], support: HostSupport): () => PresentMark[] {
  const located = found.map((f) => ({
    f,
    range: apiAtLeast(support.excelApi, "1.9")
      ? f.item.getRanges().load("address")
      : f.item.getRangeOrNullObject().load("address"),
  }));
  return () =>
    located.map(({ f, range }) => ({
      id: f.id,
      sheet: f.sheet,
      kind: f.kind,
      buried: f.buried,
      areas: range.isNullObject ? null : parseAreas(range.address),
    }));
}
