// kensho-win-x64.exe says it is kensho: its version resource (what Explorer's Properties, Task
// Manager and antivirus logs show) and its icon replace node.exe's, written with resedit (a
// maintained PE resource editor, on pe-library). OriginalFilename matches the file's name, so
// the exe does not look like a renamed binary.
import * as ResEdit from "resedit";
import { EXE_ICON_SIZES, iconPng } from "./exeIcons";

export interface ExeIdentity {
  /** File name of the executable, e.g. kensho-win-x64.exe (OriginalFilename). */
  fileName: string;
  /** kensho's version, e.g. 0.1.0. */
  version: string;
  nodeVersion: string;
  companyName: string;
}

/** The string values of the version resource, in the order Windows lists them. */
export function versionStrings(id: ExeIdentity): Record<string, string> {
  return {
    CompanyName: id.companyName,
    FileDescription: "kensho 効果検証チェック",
    FileVersion: id.version,
    InternalName: "kensho",
    LegalCopyright: "kensho: MIT License. Includes Node.js and other software: see THIRD-PARTY-NOTICES.txt",
    OriginalFilename: id.fileName,
    ProductName: "kensho 効果検証チェック",
    ProductVersion: id.version,
    Comments: `Node.js ${id.nodeVersion} single executable application`,
  };
}

const versionParts = (v: string) => {
  const parts = v
    .split(/[.+-]/)
    .slice(0, 4)
    .map((p) => Number.parseInt(p, 10) || 0);
  while (parts.length < 4) parts.push(0);
  return parts as [number, number, number, number];
};

/** The executable with kensho's version resource and icon in place of node.exe's. */
export function applyExeIdentity(exe: Buffer, id: ExeIdentity): Buffer {
  const image = ResEdit.NtExecutable.from(exe);
  const res = ResEdit.NtExecutableResource.from(image);

  const [info] = ResEdit.Resource.VersionInfo.fromEntries(res.entries);
  if (!info) throw new Error("node.exe has no version resource to replace");
  const languages = info.getAllLanguagesForStringValues();
  // Node's own strings go (all languages), kensho's are written for Node's first language.
  for (const l of languages) info.removeAllStringValues(l);
  const lang = languages[0] ?? { lang: 1033, codepage: 1200 };
  info.setStringValues(lang, versionStrings(id));
  const [a, b, c, d] = versionParts(id.version);
  info.fixedInfo.fileVersionMS = (a << 16) | b;
  info.fixedInfo.fileVersionLS = (c << 16) | d;
  info.fixedInfo.productVersionMS = (a << 16) | b;
  info.fixedInfo.productVersionLS = (c << 16) | d;
  info.outputToResourceEntries(res.entries);

  const groups = ResEdit.Resource.IconGroupEntry.fromEntries(res.entries);
  if (groups.length === 0) throw new Error("node.exe has no icon to replace");
  const icons = EXE_ICON_SIZES.map((s) => ResEdit.Data.RawIconItem.from(iconPng(s), s, s, 32));
  for (const g of groups)
    ResEdit.Resource.IconGroupEntry.replaceIconsForResource(res.entries, g.id, g.lang, icons);

  res.outputResource(image);
  return Buffer.from(image.generate());
}
