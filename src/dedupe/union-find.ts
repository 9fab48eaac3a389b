/** Disjoint sets over 0..n-1 in typed arrays (path halving, union by size): linear memory. */
export class UnionFind {
  private readonly parent: Uint32Array;
  private readonly size: Uint32Array;

  constructor(count: number) {
    this.parent = new Uint32Array(count);
    this.size = new Uint32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  /** The representative of `node`'s set. */
  find(node: number): number {
    const parent = this.parent;
    let x = node;
    while (parent[x] !== x) {
      const grand = parent[parent[x]!]!;
      parent[x] = grand;
      x = grand;
    }
    return x;
  }

  /** Joins the sets of `a` and `b`; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = this.size[ra]! + this.size[rb]!;
    return true;
  }
}
