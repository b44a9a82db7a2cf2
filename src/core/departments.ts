// What one 担当課 is, decided once for every front end: the check's report and --department, split,
// merge, the summary and the pane's filter all compare the name this module gives. Staff write the
// same department as ｼｮｳｺｳ課 or ショウコウ課, Ａ課 or A課, 商工 労働課 or 商工労働課, and a pasted
// name can carry characters nobody sees (U+200B, U+2060, U+FEFF, a right-to-left override): each
// spelling would otherwise be a department of its own, with its own copy, group and filter.
import { memoByString } from "./memo";
import { isDash } from "./text";

// White space of every kind, control (Cc) and format (Cf: zero-width, joiners, bidi embeddings,
// overrides and isolates, the BOM, soft hyphen) characters, lone surrogates (Cs in a `u` pattern) and
// the noncharacters U+FFFE and U+FFFF, which no XML part may carry.
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/gu;

/**
 * The department a cell names: NFKC (half-width kana, full-width letters and digits), with white
 * space and invisible characters removed; null when nothing is left or the cell holds a dash.
 */
export const departmentName: (text: string) => string | null = memoByString((text) => {
  const name = text.normalize("NFKC").replace(INVISIBLE, "");
  return name === "" || isDash(name) ? null : name;
}, 1024);

/** The spellings of one department as written in the cells, when there were several. */
export interface MergedSpellings {
  department: string;
  spellings: string[];
}

/**
 * Departments met under more than one spelling (as written, invisible characters shown as they
 * were typed apart from being removed), so a front end can say that they were taken as one.
 */
export function mergedSpellings(written: Iterable<string>): MergedSpellings[] {
  const byName = new Map<string, string[]>();
  for (const w of written) {
    const name = departmentName(w);
    if (name === null) continue;
    const shown = w.replace(INVISIBLE_EXCEPT_SPACE, "").trim();
    const list = byName.get(name);
    if (!list) byName.set(name, [shown]);
    else if (!list.includes(shown)) list.push(shown);
  }
  return [...byName.entries()]
    .filter(([, spellings]) => spellings.length > 1)
    .map(([department, spellings]) => ({ department, spellings }));
}

// The invisible characters without the visible spaces: a spelling is shown with its spaces.
const INVISIBLE_EXCEPT_SPACE = /[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/gu;
