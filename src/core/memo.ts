/**
 * Memoises a pure function of one string. Header labels, units and reference periods come from a small
 * vocabulary (件, 人, (令和3年) …) that recurs on every row, so a bounded cache pays off; the
 * results are frozen because they are shared between values.
 */
export function memoByString<T>(fn: (s: string) => T, max = 512): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const result = fn(s);
    if (result !== null && typeof result === "object") Object.freeze(result);
    if (cache.size >= max) cache.clear();
    cache.set(s, result);
    return result;
  };
}
