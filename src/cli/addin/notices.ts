// THIRD-PARTY-NOTICES.txt: the licences of everything kensho's files carry that kensho did not
// write. The package lists come from webpack-license-plugin (the modules actually bundled, read
// from each package's own LICENSE file); whole texts (Node.js's LICENSE, Microsoft's office.js
// terms) are added as they are.

/** One package as webpack-license-plugin reports it (oss-licenses.json). */
export interface LicenseRecord {
  name: string;
  version: string;
  license: string | null;
  licenseText: string | null;
  repository?: string | null;
  noticeText?: string;
}

export interface NoticeSection {
  title: string;
  packages?: LicenseRecord[];
  /** A whole licence text, for a component that is not an npm package bundled by webpack. */
  text?: string;
}

const RULE = "=".repeat(78);
const THIN = "-".repeat(78);

/** Packages sorted and deduplicated by name@version, so the file is the same on every build. */
function uniquePackages(list: LicenseRecord[]): LicenseRecord[] {
  const seen = new Map<string, LicenseRecord>();
  for (const p of list) seen.set(`${p.name}@${p.version}`, p);
  return [...seen.values()].sort((a, b) =>
    a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
}

export function renderNotices(sections: NoticeSection[]): string {
  const out: string[] = [
    "THIRD-PARTY SOFTWARE NOTICES AND INFORMATION / 第三者のソフトウェアに関する通知",
    "",
    "kensho (効果検証チェック) includes the third-party software listed below, each under its own",
    "licence. kensho's own code is under the MIT licence.",
    "",
  ];
  for (const s of sections) {
    out.push(RULE, s.title, RULE, "");
    if (s.text !== undefined) out.push(s.text.replace(/\r\n/g, "\n").trimEnd(), "");
    for (const p of uniquePackages(s.packages ?? [])) {
      out.push(THIN, `${p.name} ${p.version} (${p.license ?? "licence not stated"})`);
      if (p.repository) out.push(p.repository);
      out.push("");
      out.push(
        (p.licenseText ?? `Licence: ${p.license ?? "not stated"} (no licence file in the package)`).trimEnd(),
      );
      if (p.noticeText) out.push("", p.noticeText.trimEnd());
      out.push("");
    }
  }
  return `${out.join("\n")}\n`;
}
