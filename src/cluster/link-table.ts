/**
 * The links between clusters while they merge (agglomerate.ts): an undirected graph with one number per
 * edge (ΣA · ΣC). It was a Map per cluster; at a million opinions that was some 700,000 Maps churned by
 * every merge, and garbage collection was about a fifth of the clustering's time. Here it is
 * one open-addressing table of edges in typed arrays, and per cluster a list of the clusters it was
 * linked to in one shared pool. Lists are pruned lazily: an edge deleted from the table leaves its list
 * entries behind until the list is next read, so a delete costs one table probe.
 */

const EMPTY = -1;
const DELETED = -2;

/** Edges keyed by their two ends (smaller first), each with a value; and each node's neighbours. */
export class LinkTable {
  private first: Int32Array;
  private second: Int32Array;
  private values: Float64Array;
  private mask: number;
  /** Slots holding a live edge or a deletion mark: the table is rebuilt before probes grow long. */
  private used = 0;
  private live = 0;
  private readonly listStart: Int32Array;
  private readonly listLength: Int32Array;
  private readonly listCapacity: Int32Array;
  private pool: Int32Array;
  private poolEnd = 0;
  /** Marks of one collection (see begin): a node listed in it, or left out on purpose. */
  private readonly seen: Int32Array;
  private stamp = 0;

  /** A table for nodes 0 … nodes − 1; `degrees[i]` is how many edges node i is expected to get at first. */
  constructor(nodes: number, degrees: Int32Array) {
    this.listStart = new Int32Array(nodes);
    this.listLength = new Int32Array(nodes);
    this.listCapacity = new Int32Array(nodes);
    let total = 0;
    for (let i = 0; i < nodes; i++) {
      this.listStart[i] = total;
      this.listCapacity[i] = degrees[i]!;
      total += degrees[i]!;
    }
    // Room for the lists that grow with merges (16 new neighbours at most per merge) before the pool must grow.
    this.pool = new Int32Array(Math.max(16, total + (total >> 1)));
    this.poolEnd = total;
    const capacity = tableSize(total >> 1);
    this.first = new Int32Array(capacity).fill(EMPTY);
    this.second = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.seen = new Int32Array(nodes);
  }

  /** The slot of edge {a, b}, or −1 when there is none. */
  find(a: number, b: number): number {
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    let slot = slotOf(x, y) & this.mask;
    for (;;) {
      const f = this.first[slot]!;
      if (f === EMPTY) return -1;
      if (f === x && this.second[slot] === y) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The value in a slot that find returned. */
  valueAt(slot: number): number {
    return this.values[slot]!;
  }

  /** Sets edge {a, b} to `value`; a new edge goes on both ends' lists. */
  set(a: number, b: number, value: number): void {
    const found = this.find(a, b);
    if (found >= 0) {
      this.values[found] = value;
      return;
    }
    if (this.used + 1 > this.mask * 0.6) this.rebuild();
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    let slot = slotOf(x, y) & this.mask;
    // A deletion mark may be reused, since find has just said the edge is nowhere along the probe.
    while (this.first[slot]! >= 0) slot = (slot + 1) & this.mask;
    if (this.first[slot] === EMPTY) this.used++;
    this.first[slot] = x;
    this.second[slot] = y;
    this.values[slot] = value;
    this.live++;
    this.append(a, b);
    this.append(b, a);
  }

  /** Removes edge {a, b} if there is one (the list entries go when the lists are next read). */
  delete(a: number, b: number): void {
    const slot = this.find(a, b);
    if (slot < 0) return;
    this.first[slot] = DELETED;
    this.live--;
  }

  /** Empties a's list; its edges must have been deleted already. */
  forget(a: number): void {
    this.listLength[a] = 0;
  }

  /** Starts a collection: appendNeighbours lists each node at most once until the next begin. */
  begin(): void {
    this.stamp++;
  }

  /** Keeps `node` out of the collection under way. */
  exclude(node: number): void {
    this.seen[node] = this.stamp;
  }

  /** Appends a's live neighbours not yet in this collection to `out`, and drops a's dead list entries. */
  appendNeighbours(a: number, out: number[]): void {
    const start = this.listStart[a]!;
    const length = this.listLength[a]!;
    let kept = 0;
    for (let k = 0; k < length; k++) {
      const c = this.pool[start + k]!;
      if (this.find(a, c) < 0) continue;
      this.pool[start + kept++] = c;
      if (this.seen[c] === this.stamp) continue;
      this.seen[c] = this.stamp;
      out.push(c);
    }
    this.listLength[a] = kept;
  }

  private append(a: number, b: number): void {
    let length = this.listLength[a]!;
    if (length === this.listCapacity[a]!) {
      // Prune first: a list full of dead entries need not move.
      const start = this.listStart[a]!;
      let kept = 0;
      for (let k = 0; k < length; k++) {
        const c = this.pool[start + k]!;
        if (this.find(a, c) >= 0) this.pool[start + kept++] = c;
      }
      this.listLength[a] = length = kept;
    }
    if (length === this.listCapacity[a]!) {
      const capacity = Math.max(4, 2 * length);
      if (this.poolEnd + capacity > this.pool.length) {
        const larger = new Int32Array(Math.max(2 * this.pool.length, this.poolEnd + capacity));
        larger.set(this.pool.subarray(0, this.poolEnd));
        this.pool = larger;
      }
      this.pool.copyWithin(this.poolEnd, this.listStart[a]!, this.listStart[a]! + length);
      this.listStart[a] = this.poolEnd;
      this.listCapacity[a] = capacity;
      this.poolEnd += capacity;
    }
    this.pool[this.listStart[a]! + length] = b;
    this.listLength[a] = length + 1;
  }

  /** A table with room for twice the live edges and no deletion marks. */
  private rebuild(): void {
    const first = this.first;
    const second = this.second;
    const values = this.values;
    const capacity = tableSize(this.live);
    this.first = new Int32Array(capacity).fill(EMPTY);
    this.second = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let old = 0; old < first.length; old++) {
      const x = first[old]!;
      if (x < 0) continue;
      let slot = slotOf(x, second[old]!) & this.mask;
      while (this.first[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.first[slot] = x;
      this.second[slot] = second[old]!;
      this.values[slot] = values[old]!;
    }
    this.used = this.live;
  }
}

/** A power of two at least four times `edges`: probes stay short until the next rebuild at 60 % full. */
function tableSize(edges: number): number {
  let size = 1024;
  while (size < 4 * edges) size *= 2;
  return size;
}

/** A well-spread hash of an ordered pair of node ids. */
function slotOf(x: number, y: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
