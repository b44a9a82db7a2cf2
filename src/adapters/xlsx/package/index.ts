// The xlsx package layer, shared by the reader (../read) and the surgical writer (../write).
// Bytes in, parts out; no Node or DOM APIs, so it runs in Node and in the browser alike.
// Additive changes only: other modules build on this API.
export { PackageError, type PackageErrorParams, type PackageErrorReason } from "./errors";
export {
  DEFAULT_MAX_PART_BYTES,
  ZipPackage,
  type RawInflater,
  type ReadLimit,
  type ZipEntry,
  type ZipOptions,
} from "./zip";
export { OpcPackage, type SheetRef } from "./opcPackage";
export { CONTENT_TYPES_PART, contentTypeOf, parseContentTypes, type ContentTypes } from "./contentTypes";
export { parseRelationships, REL, relType, type Relationship } from "./relationships";
export { entryName, partName, relsPartFor, resolveTarget } from "./partNames";
export { parseWorkbook, type SheetState, type WorkbookInfo, type WorkbookSheet } from "./workbook";
export { DEFAULT_MAX_STRING_CHARS, sharedStringsReader, type SharedStringLimits } from "./sharedStrings";
export {
  BUILTIN_NUM_FMTS,
  EMPTY_STYLES,
  numFmtCode,
  parseStyles,
  type CellXf,
  type ColorRef,
  type Fill,
  type Styles,
} from "./styles";
export {
  attrLocal,
  decodeXString,
  parseXml,
  xmlTrue,
  XmlStream,
  type XmlAttributes,
  type XmlHandler,
} from "./xml";
export { readCustomProperties } from "./customProperties";
