// The split marker: what `kensho split` records in each department's copy so that the copy knows
// whose it is and which master it came from (domain.md, "Planning's year, continued"). It travels
// as custom document properties (docProps/custom.xml): Excel keeps them on every save, staff can
// see them under ファイル → 情報 → プロパティ → 詳細プロパティ → ユーザー設定, LibreOffice keeps them as
// user-defined properties, and the pane reads them through workbook.properties.custom (ExcelApi
// 1.7, kensho's minimum). Pure: properties in, a marker out, and the digest of a master's KPI list.
//
// A marker is input like any cell: a returned file may carry anything. It is read only when every
// value is a string within Excel's 255-character limit and the version is one kensho wrote.
import type { VerificationRow } from "../model";
import { rowIdentity } from "./identity";

export interface SplitMarker {
  /** The 担当課 the copy was made for, as the master writes it. */
  department: string;
  /** The master's file name (base name, no folder) when the copy was made. */
  masterFile: string;
  /** The master's fiscal year ("令和5年度"); "" when the master states none. */
  fiscalYear: string;
  /** kpiListDigest of the master's rows. */
  kpiDigest: string;
}

/** The property names, in the order they are written. Excel compares keys case-insensitively. */
export const MARKER_KEYS = {
  version: "kensho.split.version",
  department: "kensho.split.department",
  masterFile: "kensho.split.master",
  fiscalYear: "kensho.split.fiscalYear",
  kpiDigest: "kensho.split.kpiDigest",
} as const;

export const MARKER_VERSION = "1";

/**
 * Excel keeps at most 255 characters of a custom property's value ("The value is limited to 255
 * characters outside of Excel on the web (larger values are automatically trimmed to 255 characters
 * on other platforms)": Excel.CustomPropertyCollection.add, @types/office-js). A marker value longer
 * than that could not survive a save whole, so split refuses to write one.
 */
export const MARKER_VALUE_LIMIT = 255;

/** The marker as property name and value pairs, in writing order. */
export function markerProperties(marker: SplitMarker): Array<[string, string]> {
  return [
    [MARKER_KEYS.version, MARKER_VERSION],
    [MARKER_KEYS.department, marker.department],
    [MARKER_KEYS.masterFile, marker.masterFile],
    [MARKER_KEYS.fiscalYear, marker.fiscalYear],
    [MARKER_KEYS.kpiDigest, marker.kpiDigest],
  ];
}

/** The first marker value too long to survive Excel's save, or null. */
export function overlongMarkerValue(marker: SplitMarker): string | null {
  for (const [, v] of markerProperties(marker)) if (v.length > MARKER_VALUE_LIMIT) return v;
  return null;
}

/** Whether a property name is one of the marker's (case-insensitive, as Excel's keys are). */
export function isMarkerKey(name: string): boolean {
  const lower = name.toLowerCase();
  return Object.values(MARKER_KEYS).some((k) => k.toLowerCase() === lower);
}

/**
 * The marker among a workbook's custom properties, or null when there is none or it is not one
 * kensho wrote (a missing key, a value that is not text, too long, or an unknown version).
 */
export function readSplitMarker(properties: Iterable<[string, unknown]>): SplitMarker | null {
  const byKey = new Map<string, unknown>();
  for (const [k, v] of properties) byKey.set(k.toLowerCase(), v);
  const get = (key: string): string | null => {
    const v = byKey.get(key.toLowerCase());
    return typeof v === "string" && v.length <= MARKER_VALUE_LIMIT ? v : null;
  };
  const version = byKey.get(MARKER_KEYS.version.toLowerCase());
  if (String(version ?? "") !== MARKER_VERSION) return null;
  const department = get(MARKER_KEYS.department);
  const masterFile = get(MARKER_KEYS.masterFile);
  const fiscalYear = get(MARKER_KEYS.fiscalYear);
  const kpiDigest = get(MARKER_KEYS.kpiDigest);
  if (department === null || department.trim() === "" || masterFile === null) return null;
  if (fiscalYear === null || kpiDigest === null || !/^[0-9a-f]{16}$/.test(kpiDigest)) return null;
  return { department, masterFile, fiscalYear, kpiDigest };
}

// FNV-1a, 64 bits: a digest that tells one KPI list from another, not a security measure (a marker
// can be edited by anyone who opens the file's properties). Pure and the same in Node and browsers.
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  const add = (byte: number) => {
    h ^= BigInt(byte);
    h = (h * FNV_PRIME) & MASK;
  };
  // The text's UTF-8 bytes (the core has no TextEncoder).
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) add(c);
    else if (c < 0x800) [0xc0 | (c >> 6), 0x80 | (c & 63)].forEach(add);
    else if (c < 0x10000) [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(add);
    else [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(add);
  }
  return h.toString(16).padStart(16, "0");
}

/**
 * The digest of a master's KPI list: every named row's identity (基本目標, 施策, name and kind, as
 * merge matches rows), sorted, so that the order of rows and sheets does not change it but a KPI
 * added, removed or renamed does.
 */
export function kpiListDigest(rows: readonly VerificationRow[]): string {
  const ids = rows.filter((r) => r.name !== "").map((r) => rowIdentity(r).full);
  ids.sort();
  return fnv1a64(ids.join("\n"));
}
