import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkTable } from '../../src/cluster/link-table.js';

/** The links as they were before the table: one Map per node, kept symmetric by hand. */
class MapLinks {
  readonly maps: Map<number, number>[];
  constructor(nodes: number) {
    this.maps = Array.from({ length: nodes }, () => new Map<number, number>());
  }
  set(a: number, b: number, value: number): void {
    this.maps[a]!.set(b, value);
    this.maps[b]!.set(a, value);
  }
  delete(a: number, b: number): void {
    this.maps[a]!.delete(b);
    this.maps[b]!.delete(a);
  }
}

const NODES = 60;
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), a: fc.nat(NODES - 1), b: fc.nat(NODES - 1), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('delete' as const), a: fc.nat(NODES - 1), b: fc.nat(NODES - 1) }),
  fc.record({ kind: fc.constant('forget' as const), a: fc.nat(NODES - 1) }),
);

describe('the link table', () => {
  it('holds the same edges, values and neighbours as a Map per node, through sets, deletes and rebuilds', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 3000 }), (ops) => {
        // No room reserved at first, so lists move and the table is rebuilt along the way.
        const table = new LinkTable(NODES, new Int32Array(NODES));
        const model = new MapLinks(NODES);
        for (const op of ops) {
          if (op.kind === 'forget') {
            // As agglomerate does: a node's edges are deleted before its list is emptied.
            for (const c of [...model.maps[op.a]!.keys()]) {
              model.delete(op.a, c);
              table.delete(op.a, c);
            }
            table.forget(op.a);
            continue;
          }
          if (op.a === op.b) continue;
          if (op.kind === 'set') {
            model.set(op.a, op.b, op.value);
            table.set(op.a, op.b, op.value);
          } else {
            model.delete(op.a, op.b);
            table.delete(op.a, op.b);
          }
        }
        for (let a = 0; a < NODES; a++) {
          const out: number[] = [];
          table.begin();
          table.appendNeighbours(a, out);
          expect(out.sort((x, y) => x - y)).toEqual([...model.maps[a]!.keys()].sort((x, y) => x - y));
          for (const [b, value] of model.maps[a]!) expect(table.valueAt(table.find(a, b))).toBe(value);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists a neighbour of two nodes once in one collection, and never an excluded node', () => {
    const table = new LinkTable(4, Int32Array.from([2, 2, 2, 2]));
    table.set(0, 2, 0.5);
    table.set(1, 2, 0.25);
    table.set(0, 1, 0.75);
    table.set(1, 3, 0.1);
    const out: number[] = [];
    table.begin();
    table.exclude(0);
    table.exclude(1);
    table.appendNeighbours(0, out);
    table.appendNeighbours(1, out);
    expect(out).toEqual([2, 3]);
  });
});
