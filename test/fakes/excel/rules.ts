// The documented Office.js behaviour the fake enforces, one entry per rule, with where Microsoft says
// so. The fake's code cites these ids beside each rule; test/adapters/excel/fakeRules.test.ts has one
// test per entry, named after it. `harsher` marks the parts where the documentation is silent and the
// fake takes the reading that is harder on the add-in.
export interface DocumentedRule {
  title: string;
  /** URL or repository path of the documentation. */
  source: string;
  /** Microsoft's words. */
  quote: string;
  /** Where the documentation is silent: the reading the fake takes. */
  harsher?: string;
}

const DTS = "node_modules/@types/office-js/index.d.ts";
const UNDO = "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities";
const API_1_20 =
  "https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set";

export const DOCUMENTED_RULES = {
  veryHiddenDelete: {
    title: "Worksheet.delete() on a VeryHidden sheet fails with InvalidOperation",
    source: `${DTS} (Excel.Worksheet.delete)`,
    quote:
      'Note that if the worksheet\'s visibility is set to "VeryHidden", the delete operation will fail with an `InvalidOperation` exception. You should first change its visibility to hidden or visible before deleting it.',
  },
  mergedAreaLimit: {
    title: "getMergedAreasOrNullObject fails above 512 merged areas",
    source: `${DTS} (Excel.Range.getMergedAreasOrNullObject)`,
    quote:
      "Note that if the merged areas count in this range is more than 512, then this method will fail to return the result.",
    harsher:
      "The failure fails the whole batch with GeneralException. A merged area that only partly overlaps the range is reported clipped to the range (not whole), so a merge crossing two bands comes back as two pieces.",
  },
  cellEditMode: {
    title: "In cell-edit mode a batch fails unless Excel.run was given { delayForCellEdit: true }",
    source:
      "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit; " +
      `${DTS} (Excel.RunOptions.delayForCellEdit, Excel.ErrorCodes)`,
    quote:
      "delayForCellEdit: When `true`, Excel queues the batch until the user exits cell edit mode. When `false`, the batch fails immediately if the user is editing. The default value is `false`. [Behavior comparison, user editing, delayForCellEdit = false:] Batch fails (`InvalidOperation` error). [delayForCellEdit = true:] Batch waits; then runs after edit is committed or canceled.",
    harsher:
      "The failure carries the article's code, InvalidOperation, which Excel also uses for other invalid operations, so an add-in cannot tell the two apart; Excel.ErrorCodes' InvalidOperationInCellEditMode is the other form (option cellEditError).",
  },
  undoStack: {
    title: "APIs listed as not supporting undo clear the user's undo stack",
    source: UNDO,
    quote:
      "If you call an unsupported API in your add-in, the user's undo stack is cleared starting from that API call, and a user cannot undo actions past that point. [Table:] Worksheet.delete — web No, Windows/Mac No; Worksheet.visibility — web Yes, Windows/Mac No; Worksheet.name — web Yes, Windows/Mac No; Worksheet.position — web Yes, Windows/Mac No.",
    harsher:
      'Without a platform given, an API clears the stack when any platform lists it as unsupported. Below ExcelApi 1.20, which "adds undo support for Excel JavaScript APIs" (' +
      API_1_20 +
      "), every writing sync clears the stack. Office.context.document.settings.saveAsync is not an Excel JavaScript API and the article is silent on it: it clears the stack too.",
  },
  undoRecordPerSync: {
    title:
      "Each context.sync() that changes the workbook is one undo record (one per Excel.run with mergeUndoGroup)",
    source: `${DTS} (Excel.RunOptions.mergeUndoGroup, ExcelApi 1.20)`,
    quote:
      "When false, each `context.sync()` call creates an undo record. When true, all `context.sync()` calls in a single `Excel.run` are merged into one `undo` group.",
  },
  valuesAsFormulas: {
    title: "Range.values: strings starting with =, + or - are interpreted as formulas",
    source: `${DTS} (Excel.Range.values)`,
    quote:
      'If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula.',
    harsher:
      'A + or - string that is not a valid formula ("-", "+", "- 未定") fails the batch with InvalidArgument instead of being kept as text; plain numeric strings become numbers, as typed entries do.',
  },
  textEntry: {
    title: "What keeps a string as text: a leading apostrophe, or a cell formatted as Text beforehand",
    source:
      "https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/Office/Client/excel/long-numbers-incorrectly-in-excel.md",
    quote:
      "Method 1: Format the cell as text … (Be sure to set the cell format before you type the number). Method 2: Use a single quotation mark — type a single quotation mark (') first in the cell … the quotation mark will not be displayed after you press ENTER.",
    harsher:
      "The Office.js reference says nothing on whether the values setter follows these typed-entry rules; the fake assumes it does (values are 'interpreted' like entries). Reading `formulas` of an apostrophe cell returns the text without the apostrophe, so the add-in cannot learn the prefix from it (OfficeDev/office-js#6687).",
  },
  changeEvents: {
    title:
      "onChanged: inserts and deletes carry whole-row/whole-column addresses; ExcelApi 1.7 says Others where later versions say Unknown",
    source: `${DTS} (Excel.DataChangeType, Excel.WorksheetChangedEventArgs)`,
    quote:
      "`Unknown` indicates that the type of data change is not one of the listed types. [Api set: ExcelApi 1.8. The name of this value was 'Others' in ExcelApi 1.7] … `RowInserted` indicates that the data change event is triggered by inserting new rows. … address: Gets the range address that represents the changed area of a specific worksheet.",
    harsher:
      'Row inserts and deletes report "5:7"-style addresses, column ones "C:D". The change type is not trusted for the axis (a column inserted at A was reported as RowInserted: OfficeDev/office-js#669): the address shape says rows or columns.',
  },
  payloadLimit: {
    title:
      "The response payload limit surfaces as its own error code, as a GeneralException, or as values missing (null) from the response",
    source:
      "https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices; " +
      "https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling",
    quote:
      "Excel on the web limits requests and responses to 5 MB. The API returns a `RichAPI.Error` error if this limit is exceeded. On all platforms, a range is limited to five million cells for get operations. … When a get operation using `Range.values` exceeds the five-million-cell limit, the API doesn't always throw an error. In some cases, `Range.values` returns `null` instead. [Error table:] ResponsePayloadSizeLimitExceeded — The response payload size has exceeded the limit. GeneralException — There was an internal error while processing the request.",
    harsher:
      "Which form appears is chosen per test (payloadLimitForm). In the partial form every value loaded after the limit is crossed in that sync comes back null, without an error.",
  },
  fillProperties: {
    title:
      "A fill is color, pattern, patternColor, tintAndShade and patternTintAndShade (ExcelApi 1.9); gradients cannot be set",
    source: `${DTS} (Excel.RangeFill, Excel.CellPropertiesFillLoadOptions)`,
    quote:
      "pattern: The pattern of a range. … LinearGradient and RectangularGradient are not supported. patternColor: The HTML color code representing the color of the range pattern. patternTintAndShade / tintAndShade: Specifies a double that lightens or darkens a (pattern) color for the range fill. The value is between -1 (darkest) and 1 (brightest), with 0 for the original color.",
    harsher:
      "Setting color gives a solid fill with tintAndShade 0: a recorded tint must be written after the colour. Setting a gradient pattern fails with InvalidArgument.",
  },
  nullObjectChildren: {
    title: "Methods called on a null object: undocumented, so they fail",
    source:
      "https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties",
    quote:
      "The *OrNullObject methods return a null object … you can check the isNullObject property. (Nothing says what a method called on a null object returns.)",
    harsher: "A proxy derived from a null object fails the batch with GeneralException at sync.",
  },
  customXmlParts: {
    title:
      "Custom XML parts (ExcelApi 1.5): added, read, replaced and deleted by namespace and id; none of these is listed as clearing the undo stack",
    source: `${DTS} (Excel.CustomXmlPartCollection, Excel.CustomXmlPartScopedCollection, Excel.CustomXmlPart); ${UNDO}`,
    quote:
      "getByNamespace(namespaceUri): Gets a new scoped collection of custom XML parts whose namespaces match the given namespace. … getItem(id): Gets a custom XML part based on its ID. … setXml(xml): Sets the custom XML part's full XML content. … Most Excel JavaScript APIs do support undo actions.",
    harsher: "getItem of a missing id fails the batch with ItemNotFound.",
  },
  dataValidationRule: {
    title: "A DataValidationRule holds exactly one rule type",
    source: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation",
    quote:
      "This takes a DataValidationRule object which has seven optional properties. No more than one of these properties may be present in any DataValidationRule object.",
    harsher:
      "A rule read back lists the six other rule types as null, so writing it back unchanged fails with InvalidArgument.",
  },
  worksheetKey: {
    title: "WorksheetCollection.getItem and getItemOrNullObject take a worksheet's name or its ID",
    source: `${DTS} (Excel.WorksheetCollection.getItem, Excel.WorksheetCollection.getItemOrNullObject)`,
    quote:
      "getItem(key): Gets a worksheet object using its name or ID. … getItemOrNullObject(key): Gets a worksheet object using its name or ID. If the worksheet does not exist, then this method returns an object with its `isNullObject` property set to `true`. … @param key The name or ID of the worksheet.",
  },
  charts: {
    title:
      "ChartCollection.add (ExcelApi 1.1) makes a chart of a source range, its series by columns or rows; ChartSeries.hasDataLabels is ExcelApi 1.7",
    source: `${DTS} (Excel.ChartCollection.add, Excel.ChartSeriesBy, Excel.ChartSeriesCollection.getItemAt, Excel.ChartSeries.hasDataLabels, Excel.ChartFill.setSolidColor, Excel.Chart.setPosition); ${UNDO}`,
    quote:
      "add(type, sourceData, seriesBy): Creates a new chart. [Api set: ExcelApi 1.1] … seriesBy: Optional. Specifies the way columns or rows are used as data series on the chart. … getItemAt(index): Retrieves a series based on its position in the collection. … hasDataLabels: Specifies if the series has data labels. [Api set: ExcelApi 1.7] … setSolidColor(color): Sets the fill formatting of a chart element to a uniform color. … setPosition(startCell, endCell): Positions the chart relative to cells on the worksheet. (Neither ChartCollection.add nor these members is in the undo article's list of APIs that clear the undo stack.)",
    harsher:
      "With a header row and a label column in the source, series by columns are the source's columns after the first, named by the header row (by rows: the rows after the first, named by the first column). getItemAt past the last series fails the batch with ItemNotFound. seriesBy Auto is not modelled (the fake refuses it).",
  },
  undoGroup: {
    title:
      "Inside a mergeUndoGroup run an API that does not support undo fails the batch with UndoNotSupported",
    source: `${UNDO}; https://github.com/OfficeDev/office-js/issues/6491`,
    quote:
      "If an API within the group doesn't offer undo support, the `UndoNotSupported` error is thrown to let you know that the operation can't be grouped. Your add-in should gracefully handle this error and present a reasonable message to the user. [office-js#6491:] RichApi: UndoNotSupported error when inserting large number of formulas with mergeUndoGroup.",
    harsher:
      "The APIs of the article's table that are unsupported on the platform fail inside a group (any platform that lists them, without a platform given); what ran before the failing call in that sync stays applied. Excel refuses more than the table names (#6491): a test lists such APIs in the option groupRefuses.",
  },
  ctrlZ: {
    title: "Ctrl+Z takes back an action's cells, formats, notes and sheets, but not custom XML parts",
    source: `${UNDO}; https://github.com/OfficeDev/office-js/issues/6415`,
    quote:
      "Excel add-ins support undo behavior, preserving both actions performed by Excel JavaScript APIs and actions performed by the user in Excel. These actions are preserved in the undo stack for an individual user, allowing the user to step back through their actions when desired. [office-js#6415, CustomXml Parts are not included in Undo/Redo:] When using the undo/redo commands after using an add-in to modify both the worksheet and Custom Xml Parts, only the worksheet changes are Undone/Redone. Leaving potentially stale references to worksheet data in the Custom Xml Parts.",
    harsher:
      "Settings are not taken back either. Ctrl+Y puts back what the last Ctrl+Z took; any new action empties the redo list. Ctrl+Z fires onChanged for the cells it changed, as Unknown.",
  },
  libraryPresence: {
    title:
      "The loaded office.js may lack APIs the host reports: an older library has no Excel.NoteCollection or workbook.notes and ignores mergeUndoGroup",
    source:
      "node_modules/@microsoft/office-js/README.md (1.1.110) and its dist/excel-*.js; https://www.npmjs.com/package/@microsoft/office-js",
    quote:
      "While the Office.js CDN contains all currently available Office.js APIs at any moment in time, each version of the NPM package for Office.js contains only the Office.js APIs that were available at the point in time when that version of the NPM package was created. [1.1.110's excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js: no NoteCollection, no mergeUndoGroup; a CustomFunctionManager without the static setVisibility ExcelApi 1.20 added.]",
    harsher:
      "A missing property is undefined (calling into it throws a TypeError), as with the real library; a run asking for mergeUndoGroup makes one undo record per sync, silently.",
  },
  protection: {
    title:
      "On a protected sheet a locked cell refuses values with AccessDenied, an unlocked one takes them; every cell is locked unless unlocked",
    source: `${DTS} (Excel.WorksheetProtection.protected, Excel.FormatProtection.locked, Excel.WorksheetProtectionOptions); https://support.microsoft.com/office/lock-or-unlock-specific-areas-of-a-protected-worksheet-75481b72-db8a-4267-8c43-042a5f2cd93a`,
    quote:
      "protected: Specifies if the worksheet is protected. [ExcelApi 1.2] … locked: Specifies if Excel locks the cells in the object. A `null` value indicates that the entire range doesn't have a uniform lock setting. [ExcelApi 1.2] … By default, protecting a worksheet locks all cells so none of them are editable. To enable some cell editing, while leaving other cells locked, it's possible to unlock all the cells.",
    harsher:
      "A format write (fill, validation, note, comment) on a protected sheet fails whatever the cells' lock (the protection options allowing formats are not modelled).",
  },
} satisfies Record<string, DocumentedRule>;

export type RuleId = keyof typeof DOCUMENTED_RULES;

/** The test name for a rule: its title and its source, so a failing test points at the documentation. */
export function ruleTitle(id: RuleId): string {
  const r: DocumentedRule = DOCUMENTED_RULES[id];
  return `${r.title} — ${r.source}`;
}
