// Value parsing for the value cells of the sheet. NFKC is applied here only, never to other text.
export { parseValue } from "./parseValue";
export { normalizeValueText } from "./normalize";
export { normalizeUnit, sameUnit, unitKey, unitsComparable, writtenUnit, parseUnitSuffix } from "./units";
export type { UnitSuffix } from "./units";
export { parseReferencePeriod, makeReferencePeriod, samePeriod } from "./referencePeriod";
export { EXCEL_ERROR_CODES, excelErrorCode } from "./excelErrors";
export type { ExcelErrorCode } from "./excelErrors";
export { peelQualifiers } from "./qualifiers";
export { assumeUnitsFromTarget, numbersBesideNumericTarget } from "./rowUnits";
export { isIsoDateText, isoDateForDisplay, serialToDateText, looksLikeRecentSerial } from "./dates";
