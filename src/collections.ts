/**
 * Lists kept under keys, the way every stage groups its records (by point, by cluster, by article): one helper,
 * in linear time (copying a list per item, `[...list, item]`, is quadratic on a large batch).
 */

/** Appends `value` to the list under `key`, starting the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The items grouped by `keyOf`: keys in the order first seen, each list in the items' order. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) pushTo(groups, keyOf(item), item);
  return groups;
}
