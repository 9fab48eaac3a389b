/**
 * Per-article clustering of distinct opinions (意见归类): stable ids, a representative, keywords,
 * and the submissions and contact points behind each cluster.
 */
import { YijianError } from '../errors.js';
import type { ArticleKey, Cluster } from '../model.js';
import { hashHex } from '../dedupe/hash.js';
import { compareArticleKeys } from './article-order.js';
import { cosineToCentroid, type LeaderCluster, leaderCluster } from './leader.js';
import { buildVectors } from './vectors.js';

/** One distinct opinion: the canonical record of a duplicate group, or a record without duplicates. */
export interface ClusterItem {
  /** Canonical record id. */
  readonly id: string;
  readonly article: ArticleKey;
  /** Meaning-bearing words (segmenter terms), stop words already out. */
  readonly terms: readonly string[];
  /** Submissions behind this opinion, its duplicates included (≥ 1). */
  readonly submissions: number;
  readonly points: readonly string[];
  readonly counties: readonly string[];
}

/** Clustering options, normalised by the caller. */
export interface ClusterOptions {
  /** Cosine similarity to a cluster's centroid at or above which an opinion joins it. */
  readonly threshold?: number;
}

/**
 * Measured on test/cluster/examples.ts (32 opinions, four topics of one article, jieba terms,
 * 30 different id orders): at 0.2 no cluster mixed two topics in any order, every topic had a
 * cluster of 3+ (on average 21 of 32 opinions sat in their topic's largest cluster, 10.7
 * clusters); at 0.16–0.18 mixed clusters appeared (0.2–0.3 per run), at 0.12 fewer, larger
 * clusters (5.7) but still some mixing. Splitting is the safer error: a drafter sees both halves.
 */
export const DEFAULT_CLUSTER_THRESHOLD = 0.2;

/** Keywords kept per cluster. */
const KEYWORDS = 5;

/** Clusters distinct opinions within each article; singletons are clusters too. */
export function clusterOpinions(items: readonly ClusterItem[], options: ClusterOptions = {}): Cluster[] {
  const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new YijianError('E_USAGE', `归类阈值应在 0 到 1 之间，收到 ${String(threshold)}`, {
      hint: `默认值为 ${DEFAULT_CLUSTER_THRESHOLD}`,
    });
  }
  const byArticle = new Map<ArticleKey, ClusterItem[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new YijianError('E_INTERNAL', `归类时发现重复的意见编号 ${item.id}`);
    seen.add(item.id);
    let list = byArticle.get(item.article);
    if (list === undefined) {
      list = [];
      byArticle.set(item.article, list);
    }
    list.push(item);
  }

  const clusters: Cluster[] = [];
  for (const [article, list] of byArticle) {
    // Sorted by id so the result does not depend on the order files were read in.
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const { vocabulary, vectors } = buildVectors(list.map((item) => item.terms));
    for (const found of leaderCluster(vectors, threshold)) {
      clusters.push(describe(article, list, vocabulary, vectors, found));
    }
  }
  assignIds(clusters);
  return clusters.sort(
    (a, b) =>
      compareArticleKeys(a.article, b.article) || b.submissions - a.submissions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function describe(
  article: ArticleKey,
  list: readonly ClusterItem[],
  vocabulary: readonly string[],
  vectors: ReturnType<typeof buildVectors>['vectors'],
  found: LeaderCluster,
): Cluster {
  // Members are positions in the id-sorted list, ascending: the first best score wins ties by id.
  let representative = found.members[0]!;
  let bestScore = -1;
  for (const position of found.members) {
    const score = cosineToCentroid(vectors[position]!, found.centroid, found.norm2);
    if (score > bestScore) {
      bestScore = score;
      representative = position;
    }
  }
  const keywords = [...found.centroid]
    .map(([term, weight]) => ({ term: vocabulary[term]!, weight }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, KEYWORDS)
    .map((k) => k.term);
  const points = new Set<string>();
  const counties = new Set<string>();
  let submissions = 0;
  for (const position of found.members) {
    const item = list[position]!;
    submissions += Math.max(1, item.submissions);
    for (const p of item.points) points.add(p);
    for (const c of item.counties) counties.add(c);
  }
  return {
    id: '', // assigned by assignIds once every cluster is known
    article,
    representative: list[representative]!.id,
    keywords,
    opinions: [representative, ...found.members.filter((p) => p !== representative)].map((p) => list[p]!.id),
    submissions,
    points: [...points].sort(),
    counties: [...counties].sort(),
  };
}

/**
 * `<article>-<8 hex>` from the sorted member ids. Clusters whose short ids collide (likely
 * among ~100,000 clusters) all get 16 hex digits instead, and in the never-seen case that those
 * collide too, their smallest member id (unique: clusters are disjoint). Independent of order.
 */
function assignIds(clusters: Cluster[]): void {
  const signature = (c: Cluster): string => [...c.opinions].sort().join('\u0000');
  const counts = new Map<string, number>();
  const proposals = clusters.map((c) => {
    const id = `${c.article}-${hashHex(signature(c), 8)}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return id;
  });
  const longCounts = new Map<string, number>();
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    if (counts.get(proposals[i]!)! > 1) {
      proposals[i] = `${c.article}-${hashHex(signature(c), 16)}`;
      longCounts.set(proposals[i]!, (longCounts.get(proposals[i]!) ?? 0) + 1);
    }
  }
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const id = proposals[i]!;
    c.id = (longCounts.get(id) ?? 0) > 1 ? `${id}-${[...c.opinions].sort()[0]!}` : id;
  }
}
