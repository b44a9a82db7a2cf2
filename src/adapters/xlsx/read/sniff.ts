// What a file is, from its first bytes, before any unzipping.
import type { UnreadableReason } from "./errors";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: legacy .xls, and also every password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Uint8Array, magic: number[]): boolean =>
  buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/** Whether the bytes hold `name` as UTF-16LE, as OLE directory entries store stream names. */
function hasUtf16Name(buf: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const end = buf.length - name.length * 2;
  outer: for (let i = 0; i <= end; i++) {
    if (buf[i] !== first || buf[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (buf[i + 2 * k] !== name.charCodeAt(k) || buf[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Classifies a file by its bytes; null when it looks like a zip (an .xlsx candidate). */
export function sniffWorkbookBytes(buf: Uint8Array): UnreadableReason | null {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, OLE_MAGIC)) {
    // A password-protected .xlsx is an OLE file with an "EncryptedPackage" stream; an .xls has "Workbook".
    if (hasUtf16Name(buf, "EncryptedPackage")) return "encrypted";
    if (hasUtf16Name(buf, "Workbook") || hasUtf16Name(buf, "Book")) return "legacy-xls";
    return "legacy-or-encrypted";
  }
  if (startsWith(buf, EMPTY_ZIP_MAGIC)) return "corrupt";
  if (!startsWith(buf, ZIP_MAGIC)) return "not-zip";
  return null;
}
