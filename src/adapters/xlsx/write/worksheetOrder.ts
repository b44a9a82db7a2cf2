// CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99): Excel refuses a sheet whose
// children are out of order, so a new element goes after the last one present before it.
export const WORKSHEET_ORDER: readonly string[] = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The children that must come after `local`: a new element goes before the first one present. */
export function worksheetChildrenAfter(local: string): readonly string[] {
  return WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1);
}
