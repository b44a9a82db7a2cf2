// The value cache must be invisible: a hit only for the very same cell content, results frozen so
// that sharing them is safe, and a sheet whose figures never repeat parsed as if there were no cache.
import type { ParsedValue, RawCell } from "../../../src/core/model";
import { memoByCell } from "../../../src/core/values/valueCache";
import { parseValue } from "../../../src/core/values/parseValue";
import { emptyValue } from "../../../src/core/values/parseText";

function counting() {
  const seen: RawCell[] = [];
  const parse = (cell: RawCell): ParsedValue => {
    seen.push(cell);
    return { ...emptyValue(`${String(cell.value)}|${cell.text}|${cell.format}`), kind: "note" };
  };
  return { seen, cached: memoByCell(parse) };
}

test("a cell is parsed once per distinct value, text and format", () => {
  const { seen, cached } = counting();
  const a = cached({ value: "65件", text: "65件", format: "General" });
  expect(cached({ value: "65件", text: "65件", format: "General" })).toBe(a);
  expect(seen).toHaveLength(1);
  // Same text, other format or other value: parsed anew.
  expect(cached({ value: "65件", text: "65件", format: '#,##0"件"' }).raw).toBe('65件|65件|#,##0"件"');
  expect(cached({ value: 65, text: "65件", format: "General" }).raw).toBe("65|65件|General");
  expect(cached({ value: 65.4, text: "65件", format: "General" }).raw).toBe("65.4|65件|General");
  // A blank text falls back to the value, which must then match too.
  expect(cached({ value: "x", text: "", format: "General" }).raw).toBe("x||General");
  expect(cached({ value: null, text: "", format: "General" }).raw).toBe("null||General");
  expect(seen).toHaveLength(6);
});

test("cells outside the contract are parsed every time, never cached", () => {
  const { seen, cached } = counting();
  const odd = { value: 1, text: 1, format: null } as unknown as RawCell;
  cached(odd);
  cached(odd);
  expect(seen).toHaveLength(2);
});

test("shared results are frozen, parts and qualifiers included", () => {
  const v = parseValue({
    value: "小学校88.7% 中学校82.8%",
    text: "小学校88.7% 中学校82.8%",
    format: "General",
  });
  expect(v.kind).toBe("parts");
  expect(Object.isFrozen(v)).toBe(true);
  expect(Object.isFrozen(v.parts)).toBe(true);
  expect(Object.isFrozen(v.parts[0])).toBe(true);
  expect(Object.isFrozen(v.qualifiers)).toBe(true);
});

test("figures that never repeat: every cell still gets its own, correct parse", () => {
  const { seen, cached } = counting();
  const n = 50_000;
  for (let i = 0; i < n; i++) {
    const text = `${i}人`;
    expect(cached({ value: text, text, format: "General" }).raw).toBe(`${text}|${text}|General`);
  }
  expect(seen).toHaveLength(n);
  // The cache stood aside for a while; a sheet that then repeats itself is served from it again.
  const before = seen.length;
  const same: RawCell = { value: "1人", text: "1人", format: "General" };
  for (let i = 0; i < 40_000; i++) cached(same);
  expect(seen.length - before).toBeLessThan(40_000);
  const last = cached(same);
  expect(cached(same)).toBe(last);
});

test("parseValue gives the same answer cached as fresh, for every kind of value", () => {
  const cells: RawCell[] = [
    { value: "1,634件 (令和元年)", text: "1,634件 (令和元年)", format: "General" },
    { value: 1563, text: "1,563件", format: '#,##0"件"' },
    { value: -3, text: "▲3", format: '"▲"0;"▲"0' },
    { value: 0.805, text: "80.5%", format: "0.0%" },
    { value: 45000, text: "2023/3/15", format: "yyyy/m/d" },
    { value: "#DIV/0!", text: "#DIV/0!", format: "General" },
    { value: "8800", text: "8800", format: '#,##0"億円"' },
    { value: "約8,800億円（速報値）", text: "約8,800億円（速報値）", format: "General" },
    { value: null, text: "", format: "General" },
  ];
  for (const cell of cells) {
    const first = parseValue(cell);
    const copy = JSON.parse(JSON.stringify(first));
    expect(parseValue({ ...cell })).toBe(first);
    expect(JSON.parse(JSON.stringify(parseValue({ ...cell })))).toEqual(copy);
  }
});
