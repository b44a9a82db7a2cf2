// Reads an .xlsx package's bytes into the core's sparse SheetGrids: streamed, bounded by the
// limits, with no Node or DOM APIs (the task pane imports it lazily; the CLI through ../readWorkbook).
import type { SheetGrid } from "../../../core/model";
import { numFmtCode, OpcPackage, PackageError, readCustomProperties, type RawInflater } from "../package";
import { WorkbookReadError, type UnreadableReason } from "./errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { sniffWorkbookBytes } from "./sniff";
import { worksheetReader } from "./worksheet";

export interface ReadOptions {
  /** The file's name, for messages (and to recognise Excel's "~$" lock files). */
  name?: string;
  limits?: Partial<ReadLimits>;
  /** A faster raw inflater for small parts, where the host has one (Node's zlib); fflate otherwise. */
  inflateRaw?: RawInflater;
  /**
   * Given the package's custom document properties (where `kensho split` records a copy's
   * department). A part that cannot be read gives []: it never makes the workbook unreadable.
   */
  onCustomProperties?: (properties: Array<[string, string | number | boolean]>) => void;
}

const PACKAGE_REASONS: Record<PackageError["reason"], UnreadableReason> = {
  "not-zip": "not-zip",
  corrupt: "corrupt",
  "encrypted-entry": "corrupt",
  "unsupported-compression": "corrupt",
  "part-too-large": "part-too-large",
  "missing-part": "corrupt",
  "string-too-long": "string-too-long",
};

/** Every worksheet of the workbook, in tab order. Throws WorkbookReadError, never anything else. */
export function readWorkbookBytesSync(bytes: Uint8Array, options: ReadOptions = {}): SheetGrid[] {
  const file = options.name ?? "";
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const sniffed = sniffWorkbookBytes(bytes);
  if (sniffed) {
    const lock = /^~\$/.test(file) && (sniffed === "not-zip" || sniffed === "empty");
    throw new WorkbookReadError(lock ? "lock-file" : sniffed, { file });
  }
  try {
    return readPackage(bytes, file, limits, options.inflateRaw, options.onCustomProperties);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    if (err instanceof PackageError) {
      const reason =
        err.reason === "missing-part" && /workbook\.xml$/i.test(err.params.part ?? "")
          ? "no-worksheets"
          : PACKAGE_REASONS[err.reason];
      throw new WorkbookReadError(
        reason,
        { file, part: err.params.part, limit: err.params.limit },
        { cause: err },
      );
    }
    // Anything else is a file we could not make sense of (or a bug): never let it escape as a crash.
    throw new WorkbookReadError("parse-failed", { file }, { cause: err });
  }
}

/** The same, as a promise: the pane awaits it, and a later version may yield while reading. */
export async function readWorkbookBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return readWorkbookBytesSync(bytes, options);
}

function readPackage(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
  inflateRaw: RawInflater | undefined,
  onCustomProperties?: ReadOptions["onCustomProperties"],
): SheetGrid[] {
  const pkg = OpcPackage.open(bytes, { inflateRaw });
  if (onCustomProperties) onCustomProperties(customPropertiesOf(pkg));
  const wb = pkg.workbook();
  const worksheets = wb.sheets.filter((s) => s.kind === "worksheet");
  if (worksheets.length === 0) throw new WorkbookReadError("no-worksheets", { file });
  const sharedStrings = pkg.sharedStrings(
    { maxChars: limits.maxStringChars, maxBytes: limits.maxPartBytes },
    wb.part,
  );
  const styles = pkg.styles(wb.part);
  // One string per style, shared by every cell of that style.
  const formats = styles.cellXfs.map((xf) => numFmtCode(styles, xf.numFmtId));
  const grids: SheetGrid[] = [];
  let used = 0;
  for (const sheet of worksheets) {
    if (!sheet.part || !pkg.has(sheet.part))
      throw new WorkbookReadError("corrupt", { file, sheet: sheet.name });
    const left = limits.maxTotalCells - used;
    const perSheet = limits.maxCellsPerSheet <= left;
    const reader = worksheetReader({
      name: sheet.name,
      file,
      sharedStrings,
      formats,
      date1904: wb.date1904,
      maxCells: perSheet ? limits.maxCellsPerSheet : left,
      limitReason: perSheet ? "too-many-cells" : "too-many-cells-total",
      limitValue: perSheet ? limits.maxCellsPerSheet : limits.maxTotalCells,
      maxStringChars: limits.maxStringChars,
    });
    pkg.stream(sheet.part, reader.write, { maxBytes: limits.maxPartBytes });
    const grid = reader.end();
    used += grid.cells.length;
    grids.push(grid);
  }
  return grids;
}

function customPropertiesOf(pkg: OpcPackage): Array<[string, string | number | boolean]> {
  try {
    return readCustomProperties(pkg);
  } catch {
    return [];
  }
}
