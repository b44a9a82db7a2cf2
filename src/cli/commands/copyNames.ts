// The file names of split's copies, planned all together before anything is written. Two
// departments must never share a file: 商工/労働課 and 商工:労働課 both become 商工_労働課, and on
// Windows (and macOS) A課 and a課 name the same file. Names are compared as those file systems do
// (NFKC, case folded); a later one gets a visible (2). A name longer than a file system takes
// (255 bytes of UTF-8 on Linux, 255 UTF-16 units on Windows) is shortened, visibly, with "…".

/** What a name must not hold: Windows' reserved characters, controls, and invisible characters. */
// eslint-disable-next-line no-control-regex -- controls are exactly what must not be in a name
const NOT_IN_NAME = /[\\/:*?"<>|\u0000-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\p{Cf}\p{Cs}\u2028\u2029\uFFFE\uFFFF]/gu;

/** Characters Windows does not allow in a file name become "_"; invisible characters go. */
export function safeFileName(name: string): string {
  return name.replace(INVISIBLE, "").replace(NOT_IN_NAME, "_").trim() || "_";
}

/** The longest file name (one path component) Linux and Windows both take. */
export const MAX_NAME_BYTES = 255;
export const MAX_NAME_UNITS = 255;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
const fits = (name: string) => utf8Length(name) <= MAX_NAME_BYTES && name.length <= MAX_NAME_UNITS;

/** How two names compare on a case-insensitive file system. */
export const nameKey = (name: string) => name.normalize("NFKC").toUpperCase().toLowerCase();

export interface PlannedName {
  department: string;
  /** The file name (no folder). */
  name: string;
  /** Another department's copy would have had the same name: this one was numbered. */
  numbered: boolean;
  /** The name was too long for a file system and was cut. */
  shortened: boolean;
}

/** `stem` + `tail`, the stem cut by whole code points (and marked "…") until the name fits. */
function fitted(stem: string, tail: string): { name: string; shortened: boolean } {
  if (fits(stem + tail)) return { name: stem + tail, shortened: false };
  const points = [...stem];
  while (points.length > 1 && !fits(`${points.join("")}…${tail}`)) points.pop();
  return { name: `${points.join("")}…${tail}`, shortened: true };
}

/** One distinct, valid file name per department: `<master>_<担当課>.xlsx`, in the order given. */
export function planCopyNames(master: string, departments: readonly string[]): PlannedName[] {
  const taken = new Set<string>();
  const out: PlannedName[] = [];
  for (const department of departments) {
    const stem = safeFileName(`${master}_${department}`);
    let n = 1;
    for (;;) {
      const suffix = n === 1 ? "" : `(${n})`;
      const { name, shortened } = fitted(stem, `${suffix}.xlsx`);
      if (!taken.has(nameKey(name))) {
        taken.add(nameKey(name));
        out.push({ department, name, numbered: n > 1, shortened });
        break;
      }
      n++;
    }
  }
  return out;
}
