// The documented behaviour behind kensho's marks that the fake enforces: conditional formats, cells
// that move (insert, sort, cut and paste, a copied sheet), a pane closed and reopened, a second pane
// on the same workbook, a note and a threaded comment on one cell. Kept beside excel/rules.ts in
// the same shape; test/adapters/excel/fakeMarkRules.test.ts has one test per entry.
import type { DocumentedRule } from "./rules";

const DTS = "node_modules/@types/office-js/index.d.ts";
const CF_ARTICLE =
  "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting";
const EVENTS = "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events";

export const MARK_RULES = {
  cfPriority: {
    title:
      "A conditional format is added at the top priority; priority is its index in the sheet's collection; the first true format's fill wins, and stopIfTrue stops the rest",
    source: `${DTS} (Excel.ConditionalFormatCollection.add, Excel.ConditionalFormat.priority, Excel.ConditionalFormat.stopIfTrue); ${CF_ARTICLE} (Multiple formats and priority)`,
    quote:
      "add(type): Adds a new conditional format to the collection at the first/top priority. … priority: The priority (or index) within the conditional format collection that this conditional format currently exists in. Changing this also changes other conditional formats' priorities, to allow for a contiguous priority order. … If the formats have conflicting elements, such as differing font colors, only one format applies that particular element. Precedence is defined by the ConditionalFormat.priority property. … The lower the priority value, the higher the priority of the format is. … When a range matching the conditional format with stopIfTrue === true is applied, no subsequent conditional formats are applied, even if their formatting details are not contradictory.",
    harsher:
      "A conditional format's fill shows over the cell's own fill (RangeFill reports the cell's own fill only). The fake evaluates =TRUE, =FALSE and ISTEXT(\"…\") rules; any other formula is taken as TRUE, so a city's own format is assumed to apply.",
  },
  cfRanges: {
    title:
      "ConditionalFormat.getRange fails on several areas, getRangeOrNullObject is then null, getRanges (ExcelApi 1.9) gives every area; a custom rule's formula reads back as set",
    source: `${DTS} (Excel.ConditionalFormat.getRange, getRangeOrNullObject, getRanges, customOrNullObject, Excel.ConditionalFormatRule.formula, Excel.ConditionalFormatCollection.getItem)`,
    quote:
      "getRange(): Returns the range the conditonal format is applied to. Throws an error if the conditional format is applied to multiple ranges. … getRangeOrNullObject(): If the conditional format is applied to multiple ranges, then this method returns an object with its isNullObject property set to true. … getRanges(): Returns the RangeAreas, comprising one or more rectangular ranges, to which the conditional format is applied. [ExcelApi 1.9] … customOrNullObject: Returns the custom conditional format properties if the current conditional format is a custom type. … getItem(id): Returns a conditional format for the given ID.",
    harsher:
      "getRange on several areas fails the batch with InvalidOperation; getItem of a deleted format fails it with ItemNotFound; loading `custom` of a format of another type fails it with InvalidOperation (use customOrNullObject).",
  },
  cellsMove: {
    title:
      "Cells moved by inserted rows, a sort, a cut and paste or a copied sheet take their formats, notes, threaded comments and conditional formats with them",
    source: `${DTS} (Excel.Range.insert, Excel.Range.moveTo, Excel.RangeSort.apply, Excel.Worksheet.copy); https://excelribbon.tips.net/T001143 ("conditional formatting is just that—formatting—and is treated as such when you copy and paste"); https://superuser.com/questions/648176`,
    quote:
      'insert(shift): Inserts a cell or a range of cells into the worksheet in place of this range, and shifts the other cells to make space. [ExcelApi 1.1] … moveTo(destinationRange): Moves cell values, formatting, and formulas from current range to the destination range, replacing the old information in those cells. The destination range will be expanded automatically if it is smaller than the current range. [ExcelApi 1.11] … RangeSort.apply(fields, …): Perform a sort operation. [ExcelApi 1.2] … Worksheet.copy(positionType, relativeTo): Copies a worksheet and places it at the specified position. The default value is "None", which inserts the worksheet at the beginning of the worksheet. [ExcelApi 1.7] … (superuser) Conditional Formatting formulas and ranges will automatically adjust when you copy, delete, or move data around in a spreadsheet.',
    harsher:
      "Notes and threaded comments move with their cells in a sort and a cut and paste too. A conditional format's range follows its cells cell by cell and may break into pieces; rows inserted inside it are not added to it. A sort refuses a range that holds merged cells (Excel: \"all the merged cells need to be the same size\"). Pasting replaces the destination cells' notes, comments and conditional formats.",
  },
  paneLifecycle: {
    title:
      "Closing (or reloading) the pane destroys its event handlers; nothing of them is saved in the file",
    source: `${EVENTS} (Lifecycle of an event handler)`,
    quote:
      "An event handler is created when an add-in registers the event handler. It is destroyed when the add-in unregisters the event handler or when the add-in is refreshed, reloaded, or closed. Event handlers do not persist as part of the Excel file, or across sessions with Excel on the web.",
    harsher: "Whatever people do while the pane is closed is never reported to it later.",
  },
  coauthoring: {
    title:
      "A change made by a co-author (another pane on the same workbook) reaches this pane's handlers with source Remote",
    source: `${EVENTS} (Events and coauthoring)`,
    quote:
      "For events that can be triggered by a coauthor, such as onChanged, the corresponding Event object will contain a source property that indicates whether the event was triggered locally by the current user (event.source = Local) or was triggered by the remote coauthor (event.source = Remote).",
  },
  noteOrComment: {
    title: "A cell holds a note or a threaded comment, never both",
    source:
      'https://support.microsoft.com/office/the-difference-between-threaded-comments-and-notes-75a51eec-4092-42ab-abf8-7669077b7be3; kensho issue 18 ("re-flagging calls comments.add on a cell that already holds a note")',
    quote:
      "Threaded comments … Notes work the way comments worked in earlier versions of Excel. (Excel offers New Comment or Edit Note for a cell, not both; the Office.js reference is silent.)",
    harsher:
      "NoteCollection.add on a cell with a threaded comment, and CommentCollection.add on a cell with a note, fail the batch with InvalidOperation.",
  },
} satisfies Record<string, DocumentedRule>;

export type MarkRuleId = keyof typeof MARK_RULES;

export function markRuleTitle(id: MarkRuleId): string {
  const r: DocumentedRule = MARK_RULES[id];
  return `${r.title} — ${r.source}`;
}
