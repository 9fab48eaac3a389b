/** String pools: equal strings read from many rows or tokens kept as one copy. */

/**
 * A pool in which equal values share one string. Bounded by `limit` distinct values, so a column of
 * values that never repeat costs no more than that many entries; past it, new values pass through.
 */
export function createInterner(limit: number): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    const shared = pool.get(text);
    if (shared !== undefined) return shared;
    if (pool.size < limit) pool.set(text, text);
    return text;
  };
}
