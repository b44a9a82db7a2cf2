// Sheet protection as Excel 2013 and later write it: <sheetProtection algorithmName="SHA-512"
// hashValue saltValue spinCount sheet="1" …>, never the legacy 16-bit `password` hash.
//
// The hash is the ISO write-protection method ([MS-OFFCRYPTO] 2.4.2.4, ECMA-376 Part 1 18.3.1.85):
//   H0 = SHA-512(salt ‖ UTF-16LE(password));  Hn = SHA-512(Hn-1 ‖ uint32le(n-1)), n = 1 … spinCount
// with a random 16-byte salt and spinCount 100000, both base64 in the attributes. The test checks it
// against a published vector. SHA-512 comes from Web Crypto, so this module runs in the browser too.
import { attrsXml } from "./xml/xmlBuild";

export const SPIN_COUNT = 100_000;
export const SALT_BYTES = 16;

export interface ProtectionHash {
  algorithmName: "SHA-512";
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function utf16le(text: string): Uint8Array {
  // A leading BOM is not part of the password (ECMA-376 18.3.1.85).
  const t = text.startsWith("\ufeff") ? text.slice(1) : text;
  const out = new Uint8Array(t.length * 2);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** A SHA-512 function. The CLI passes Node's synchronous one (100,000 rounds in well under a second);
 * the default, Web Crypto, works anywhere but pays an await per round. */
export type Sha512 = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const webSha512: Sha512 = async (data) =>
  new Uint8Array(await globalThis.crypto.subtle.digest("SHA-512", data as BufferSource));

/** The hash of a password with a given salt (base64) and spin count. */
export async function hashPassword(
  password: string,
  saltBase64: string,
  spinCount = SPIN_COUNT,
  sha512: Sha512 = webSha512,
): Promise<string> {
  const salt = fromBase64(saltBase64);
  const pw = utf16le(password);
  const first = new Uint8Array(salt.length + pw.length);
  first.set(salt);
  first.set(pw, salt.length);
  let hash = await sha512(first);
  const buf = new Uint8Array(64 + 4);
  const view = new DataView(buf.buffer);
  for (let i = 0; i < spinCount; i++) {
    buf.set(hash);
    view.setUint32(64, i, true);
    const next = sha512(buf);
    // A synchronous SHA-512 (Node's) is not awaited: 100,000 awaits cost as much as the hashing.
    hash = next instanceof Uint8Array ? next : await next;
  }
  return toBase64(hash);
}

/** A fresh salted hash for a password. */
export async function protectionHash(password: string, sha512: Sha512 = webSha512): Promise<ProtectionHash> {
  const salt = new Uint8Array(SALT_BYTES);
  globalThis.crypto.getRandomValues(salt);
  const saltValue = toBase64(salt);
  return {
    algorithmName: "SHA-512",
    hashValue: await hashPassword(password, saltValue, SPIN_COUNT, sha512),
    saltValue,
    spinCount: SPIN_COUNT,
  };
}

/**
 * The <sheetProtection> element: the sheet is protected (locked cells cannot change), cells can
 * still be selected, and rows and columns can still be resized for long ①②③ text. Objects and
 * scenarios are protected as Excel's default dialog does.
 */
export function sheetProtectionXml(qualifiedName: string, hash: ProtectionHash | null): string {
  const attrs: Record<string, string | number | undefined> = {
    ...(hash ?? {}),
    sheet: 1,
    objects: 1,
    scenarios: 1,
    formatColumns: 0,
    formatRows: 0,
  };
  return `<${qualifiedName}${attrsXml(attrs)}/>`;
}
