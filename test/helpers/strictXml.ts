// Every XML part of a package through a strict XML 1.0 parser (saxes: well-formedness, the
// characters XML 1.0 allows, namespaces), as Excel reads them: one that fails is a file Excel calls
// damaged.
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/** The problems of each part that is not well-formed XML 1.0 ("part: message"); [] when none. */
export function xmlProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    try {
      const parser = new SaxesParser({ xmlns: true });
      parser.write(decoder.decode(data)).close();
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}
