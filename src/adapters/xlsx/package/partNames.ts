// Open Packaging Conventions part names: "/xl/workbook.xml" for the zip entry "xl/workbook.xml".

/** The zip entry name of a part name (drops the leading "/", decodes %-escapes). */
export function entryName(partName: string): string {
  const bare = partName.replace(/^\/+/, "");
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/** The part name of a zip entry ("xl/workbook.xml" -> "/xl/workbook.xml"). */
export function partName(entry: string): string {
  return entry.startsWith("/") ? entry : `/${entry}`;
}

/** The relationships part of a part: "/xl/workbook.xml" -> "/xl/_rels/workbook.xml.rels"; "/" -> "/_rels/.rels". */
export function relsPartFor(part: string): string {
  const p = partName(part);
  if (p === "/") return "/_rels/.rels";
  const slash = p.lastIndexOf("/");
  return `${p.slice(0, slash)}/_rels/${p.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against the part that holds the relationship. Absolute targets
 * ("/xl/worksheets/sheet1.xml") stand as they are; relative ones ("worksheets/sheet1.xml",
 * "../drawings/drawing1.xml") are taken from the source part's folder.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.split("#")[0].replace(/\\/g, "/");
  const base = clean.startsWith("/") ? [] : partName(sourcePart).split("/").slice(1, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return `/${base.join("/")}`;
}
