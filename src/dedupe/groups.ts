/**
 * Exact and near duplicate groups over records in canonical source order: the first record of a
 * group is its canonical record. Pure: takes comparison keys, returns DuplicateGroup values.
 */
import { YijianError } from '../errors.js';
import type { DuplicateGroup } from '../model.js';
import { hashHex } from './hash.js';
import { findNearPairs } from './near.js';
import { buildShingleSetTable, jaccard, shingleSet } from './shingles.js';
import { groupAroundCanonicals } from './canonical-split.js';

/** One record as deduplication sees it. */
export interface DedupeItem {
  readonly id: string;
  /** comparisonKey() of the opinion: normalised, punctuation removed. */
  readonly key: string;
  /** 联系点 */
  readonly point: string | null;
  /** 县（市、区） */
  readonly county: string | null;
}

/** Options, already normalised by the caller. */
export interface DedupeOptions {
  /** Jaccard similarity of 3-character shingle sets at or above which two opinions are near duplicates. */
  readonly near: number;
}

/**
 * Measured on test/dedupe/examples.ts (3-gram Jaccard to the form letter): edited copies
 * 0.60–0.92 (greeting or closing added 0.89–0.92, a sentence added 0.80, words changed 0.61,
 * half the letter removed 0.60); unrelated opinions on the same article 0.03–0.18, and at most
 * 0.16 between each other. 0.5 keeps a wide margin on the false-positive side.
 */
export const DEFAULT_NEAR_THRESHOLD = 0.5;

/**
 * Keys shorter than this ("同意", "无意见", "同意草案") are only exact-matched: a few characters
 * leave too few shingles, so unrelated short opinions would look alike.
 */
export const MIN_NEAR_LENGTH = 8;

/** Groups records that say the same thing; only sets of two or more records become groups. */
export function findDuplicateGroups(items: readonly DedupeItem[], options: DedupeOptions): DuplicateGroup[] {
  const seenIds = new Set<string>();
  for (const item of items) {
    if (seenIds.has(item.id)) throw new YijianError('E_INTERNAL', `去重时发现重复的记录编号 ${item.id}`);
    seenIds.add(item.id);
  }
  return groupsFromSets(items, findDuplicateSets(items.map((item) => item.key), options));
}

/** A set of records that say the same thing, by position in the keys given; the first is canonical. */
export interface DuplicateSet {
  readonly kind: DuplicateGroup['kind'];
  /** Positions, ascending: the canonical record first. */
  readonly members: readonly number[];
  readonly minSimilarity: number;
}

/**
 * The duplicate sets among comparison keys given in canonical order — all the search needs, so it can
 * run where the records are not (dedupe/background.ts). Only sets of two or more records are returned.
 */
export function findDuplicateSets(itemKeys: readonly string[], options: DedupeOptions): DuplicateSet[] {
  // Validated where the user gave it (cli/options): the core trusts its options.
  const near = options.near;

  // Exact: one slot per distinct non-empty key, in order of first appearance.
  const slotOfKey = new Map<string, number>();
  const keys: string[] = [];
  const slotOfItem = new Int32Array(itemKeys.length);
  for (let i = 0; i < itemKeys.length; i++) {
    const key = itemKeys[i]!;
    // An empty key (an opinion of punctuation only) says nothing to compare: never a duplicate.
    if (key.length === 0) {
      slotOfItem[i] = -1;
      continue;
    }
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slotOfKey.set(key, slot);
      keys.push(key);
    }
    slotOfItem[i] = slot;
  }
  slotOfKey.clear();

  // Near: among distinct keys long enough to compare, similar pairs found by LSH, then groups built
  // around canonical keys (dedupe/canonical-split.ts). Each key's group is named by its canonical key's slot.
  let eligibleCount = 0;
  for (const key of keys) if (key.length >= MIN_NEAR_LENGTH) eligibleCount++;
  const eligible = new Uint32Array(eligibleCount);
  for (let slot = 0, e = 0; slot < keys.length; slot++) {
    if (keys[slot]!.length >= MIN_NEAR_LENGTH) eligible[e++] = slot;
  }
  const table = buildShingleSetTable(keys, eligible);
  const canonicalOf = groupAroundCanonicals(table, findNearPairs(table, near), near);
  const rootOf = new Uint32Array(keys.length);
  for (let slot = 0; slot < keys.length; slot++) rootOf[slot] = slot;
  for (let e = 0; e < eligibleCount; e++) rootOf[eligible[e]!] = eligible[canonicalOf[e]!]!;

  // Records per group, so groups are built only for groups of two or more records.
  const recordsPerRoot = new Uint32Array(keys.length);
  for (let i = 0; i < itemKeys.length; i++) {
    const slot = slotOfItem[i]!;
    if (slot >= 0) recordsPerRoot[rootOf[slot]!]!++;
  }
  const byRoot = new Map<number, number[]>();
  const order: number[][] = [];
  for (let i = 0; i < itemKeys.length; i++) {
    const slot = slotOfItem[i]!;
    if (slot < 0) continue;
    const root = rootOf[slot]!;
    if (recordsPerRoot[root]! < 2) continue;
    let members = byRoot.get(root);
    if (members === undefined) {
      members = [];
      byRoot.set(root, members);
      order.push(members);
    }
    members.push(i);
  }

  return order.map((members) => duplicateSet(keys, slotOfItem, members));
}

function duplicateSet(keys: readonly string[], slotOfItem: Int32Array, members: readonly number[]): DuplicateSet {
  const canonicalSlot = slotOfItem[members[0]!]!;
  const otherSlots = new Set<number>();
  for (const index of members) if (slotOfItem[index] !== canonicalSlot) otherSlots.add(slotOfItem[index]!);
  let minSimilarity = 1;
  if (otherSlots.size > 0) {
    // Measured against the canonical record, which every member is within the threshold of.
    const canonicalSet = shingleSet(keys[canonicalSlot]!);
    for (const slot of otherSlots) {
      minSimilarity = Math.min(minSimilarity, jaccard(canonicalSet, shingleSet(keys[slot]!)));
    }
    // Rounded down so the figure never overstates the similarity; 4 digits keep JSON diffs quiet.
    minSimilarity = Math.floor(minSimilarity * 10000) / 10000;
  }
  return { kind: otherSlots.size > 0 ? 'near' : 'exact', members, minSimilarity };
}

/** What a group needs of a record besides its key. */
export type GroupedRecord = Pick<DedupeItem, 'id' | 'point' | 'county'>;

/** Duplicate groups from sets found over `records`' keys (same positions): ids, points, counties. */
export function groupsFromSets(records: readonly GroupedRecord[], sets: readonly DuplicateSet[]): DuplicateGroup[] {
  const groups = sets.map((set): DuplicateGroup => {
    const points = new Set<string>();
    const counties = new Set<string>();
    for (const index of set.members) {
      const record = records[index]!;
      if (record.point !== null) points.add(record.point);
      if (record.county !== null) counties.add(record.county);
    }
    return {
      id: '', // assigned by assignIds once every group is known
      kind: set.kind,
      canonical: records[set.members[0]!]!.id,
      members: set.members.map((index) => records[index]!.id),
      submissions: set.members.length,
      points: [...points].sort(),
      counties: [...counties].sort(),
      minSimilarity: set.minSimilarity,
    };
  });
  assignIds(groups);
  return groups;
}

/**
 * 'D' + 12 hex digits of the canonical id's hash: record ids do not depend on file order, so
 * neither do these. Should two canonical ids ever share a hash, all of them get the canonical
 * id appended, which is unique and still independent of order.
 */
function assignIds(groups: DuplicateGroup[]): void {
  const uses = new Map<string, number>();
  for (const group of groups) {
    group.id = `D${hashHex(group.canonical, 12)}`;
    uses.set(group.id, (uses.get(group.id) ?? 0) + 1);
  }
  for (const group of groups) {
    if (uses.get(group.id)! > 1) group.id = `${group.id}-${group.canonical}`;
  }
}
