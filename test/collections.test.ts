/** The shared list helpers: groups keep first-seen key order and item order; names sort by pinyin. */
import { describe, expect, it } from 'vitest';
import { groupBy, pushTo } from '../src/collections.js';
import { bySubmissions, compareNames } from '../src/text/format.js';

describe('groupBy and pushTo', () => {
  it('groups by key, keys in the order first seen, items in their order', () => {
    const records = [
      { point: '东湖街道', id: 'r1' }, { point: '滨江社区', id: 'r2' }, { point: '东湖街道', id: 'r3' }, { point: '桃源镇', id: 'r4' },
    ];
    expect([...groupBy(records, (r) => r.point)].map(([point, list]) => [point, list.map((r) => r.id)])).toEqual([
      ['东湖街道', ['r1', 'r3']], ['滨江社区', ['r2']], ['桃源镇', ['r4']],
    ]);
    expect(groupBy([], (r: { point: string }) => r.point).size).toBe(0);
  });

  it('appends to the list already there (the same array), or starts one', () => {
    const byCluster = new Map<string, string[]>([['c1', ['r1']]]);
    const list = byCluster.get('c1');
    pushTo(byCluster, 'c1', 'r2');
    pushTo(byCluster, 'c2', 'r3');
    expect(byCluster.get('c1')).toBe(list);
    expect([...byCluster]).toEqual([['c1', ['r1', 'r2']], ['c2', ['r3']]]);
  });

  it('orders names by pinyin (滨江 before 东湖 before 桃源)', () => {
    expect(['桃源镇', '东湖街道', '滨江社区'].sort(compareNames)).toEqual(['滨江社区', '东湖街道', '桃源镇']);
  });

  it('ranks the point and county tables by submissions, then by name', () => {
    const rows = [{ name: '桃源镇', submissions: 8 }, { name: '东湖街道', submissions: 18 }, { name: '滨江社区', submissions: 8 }];
    expect(rows.sort(bySubmissions).map((r) => r.name)).toEqual(['东湖街道', '滨江社区', '桃源镇']);
  });
});
