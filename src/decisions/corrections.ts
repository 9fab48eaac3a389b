/**
 * Corrections in the 采纳情况登记表 (更正条款, 移入类编号): a person settles an opinion's or a whole
 * cluster's article, or moves an opinion to another cluster. Checked against the draft, resolved to
 * record ids, and applied to a digest, so feedback, stats and a rerun all see the corrected article.
 * Pure: no files, no terminal.
 */
import type { ArticleAssignment, ArticleKey, Cluster, Digest, DigestRecord, Draft } from '../model.js';
import { parseArticleCell } from '../text/article-ref.js';
import { groupBy, pushTo } from '../collections.js';
import { createDraftKeyCheck } from '../assign/draft-keys.js';
import { articleLabel, baseArticle } from '../article-key.js';
import { opinionIdOf } from './apply.js';
import { type CellRef, type DecisionEntry, type DecisionProblem, type DecisionSheet, type WrittenCell, describeCell, describeWritten } from './sheet.js';

/** A 更正条款 cell read to article keys and found in the draft. */
export interface ArticleCorrection {
  keys: ArticleKey[];
  written: string;
  cell: CellRef;
}

/** A 移入类编号 cell naming a known cluster. */
export interface ClusterMove {
  target: string;
  written: string;
  cell: CellRef;
  header: string;
}

/** Corrections resolved to ids: per distinct opinion (cluster rows already spread to their members). */
export interface ResolvedCorrections {
  /** Distinct opinion id → its corrected article; an opinion's own row wins over its cluster's. */
  articles: Map<string, ArticleCorrection>;
  /** Cluster id → the correction written on its row. */
  clusterArticles: Map<string, ArticleCorrection>;
  /** Distinct opinion id → the cluster it is moved to. */
  moves: Map<string, ClusterMove>;
  /** Cells that could not be applied, each named. */
  problems: DecisionProblem[];
}

/** What a sheet's ids are resolved against: a digest's clusters and records, or an old sheet's. */
export interface CorrectionTarget {
  draft: Draft | null;
  /** Cluster id → its distinct opinion ids. */
  clusters: ReadonlyMap<string, readonly string[]>;
  /** Record id → the distinct opinion it belongs to; ids not here are unknown. */
  opinionOf: ReadonlyMap<string, string>;
  /** Report rows whose id is unknown (false where applyDecisions already reports them). */
  reportUnknownIds: boolean;
}

const EXAMPLES = '可写 第十二条、第12条第2款、第十二条之一、总体意见、草案名称';

/** Reads one 更正条款 cell: keys the draft has, or a problem naming the cell. */
export function checkCorrection(written: WrittenCell, draft: Draft | null, what: string): ArticleCorrection | DecisionProblem {
  const parsed = parseArticleCell(written.text);
  const where = describeWritten(written);
  if (parsed.unreadable || parsed.keys.length === 0) {
    return {
      code: 'W_UNKNOWN_ARTICLE',
      message: `${where}：${what}的更正条款“${written.text}”无法识别为条款（${EXAMPLES}），此更正未使用`,
      cell: written.cell,
    };
  }
  const inDraft = createDraftKeyCheck(draft);
  const missing = parsed.keys.filter((key) => !inDraft(key));
  if (missing.length > 0) {
    const count = draft === null ? '' : `（草案共 ${draft.articles.length} 条）`;
    return {
      code: 'W_ARTICLE_NOT_IN_DRAFT',
      message: `${where}：${what}的更正条款“${written.text}”中的 ${missing.map((k) => articleLabel(k, draft)).join('、')} 在草案中不存在${count}，此更正未使用`,
      cell: written.cell,
    };
  }
  return { keys: parsed.keys, written: written.text, cell: written.cell };
}

const isProblem = (value: ArticleCorrection | DecisionProblem): value is DecisionProblem => 'code' in value;

/** 编号 when known, else the hidden check copy; null when neither is. */
function knownId(entry: DecisionEntry, known: (id: string) => boolean): string | null {
  if (known(entry.id)) return entry.id;
  return entry.checkId !== '' && known(entry.checkId) ? entry.checkId : null;
}

/** Resolves the corrections of `sheet` against `target` (pure). */
export function resolveCorrections(sheet: DecisionSheet, target: CorrectionTarget): ResolvedCorrections {
  const result: ResolvedCorrections = { articles: new Map(), clusterArticles: new Map(), moves: new Map(), problems: [] };
  const unknown = (entry: DecisionEntry, what: string): void => {
    const filled = entry.correction ?? entry.moveTo;
    if (!target.reportUnknownIds || filled === null) return;
    result.problems.push({
      code: 'W_UNKNOWN_ID',
      message: `${describeCell(entry.idCell)}：${what} ${entry.id} 不在本次汇总中，此行的更正（${describeWritten(filled)}）未使用`,
      cell: entry.idCell,
    });
  };
  const fromClusters = new Map<string, ArticleCorrection>();
  for (const entry of sheet.clusters) {
    if (entry.correction === null) continue;
    const id = knownId(entry, (x) => target.clusters.has(x));
    if (id === null) {
      unknown(entry, '意见类编号');
      continue;
    }
    const checked = checkCorrection(entry.correction, target.draft, `意见类 ${id} `);
    if (isProblem(checked)) {
      result.problems.push(checked);
      continue;
    }
    result.clusterArticles.set(id, checked);
    for (const opinion of target.clusters.get(id) ?? []) if (!fromClusters.has(opinion)) fromClusters.set(opinion, checked);
  }
  for (const entry of sheet.opinions) {
    if (entry.correction === null && entry.moveTo === null) continue;
    const recordId = knownId(entry, (x) => target.opinionOf.has(x));
    if (recordId === null) {
      unknown(entry, '意见编号');
      continue;
    }
    const opinion = target.opinionOf.get(recordId) ?? recordId;
    if (entry.correction !== null) {
      const checked = checkCorrection(entry.correction, target.draft, `意见 ${entry.id} `);
      if (isProblem(checked)) result.problems.push(checked);
      else if (!result.articles.has(opinion)) result.articles.set(opinion, checked);
    }
    if (entry.moveTo !== null) {
      const wanted = entry.moveTo.text.replace(/\s/g, '');
      if (!target.clusters.has(wanted)) {
        result.problems.push({
          code: 'W_UNKNOWN_CLUSTER',
          message: `${describeWritten(entry.moveTo)}：意见 ${entry.id} 的移入类编号“${entry.moveTo.text}”不是本次汇总中的意见类编号，此移动未使用`,
          cell: entry.moveTo.cell,
        });
      } else if (!result.moves.has(opinion)) {
        result.moves.set(opinion, { target: wanted, written: entry.moveTo.text, cell: entry.moveTo.cell, header: entry.moveTo.header });
      }
    }
  }
  for (const [opinion, correction] of fromClusters) {
    // An opinion moved out of the cluster takes the article of the cluster it was moved to, not this one's correction.
    const move = result.moves.get(opinion);
    const leaves = move !== undefined && !(target.clusters.get(move.target) ?? []).includes(opinion);
    if (!result.articles.has(opinion) && !leaves) result.articles.set(opinion, correction);
  }
  return result;
}

/** The correction as the assignments of a record: every key a person named, marked `corrected`. */
export function correctedAssignments(keys: readonly ArticleKey[], cited: string | null): ArticleAssignment[] {
  return keys.map((key) => ({ key, source: 'corrected', confidence: 1, cited, notInDraft: false }));
}

/** The digest's ids, for resolving a sheet against it. */
export function digestTarget(digest: Digest, reportUnknownIds: boolean): CorrectionTarget {
  const opinionIdOfRecord = opinionIdOf(digest);
  return {
    draft: digest.draft,
    clusters: new Map(digest.clusters.map((c) => [c.id, c.opinions])),
    opinionOf: new Map(digest.records.map((r) => [r.id, opinionIdOfRecord(r)])),
    reportUnknownIds,
  };
}

/** What applying corrections changed, for the terminal. */
export interface CorrectionCounts {
  /** Records (duplicates included) whose article a person corrected. */
  articles: number;
  /** Distinct opinions moved to another cluster. */
  moves: number;
}

/**
 * Applies resolved corrections to a digest (pure): corrected records get their article as `corrected`
 * (a duplicate follows its distinct opinion); a moved opinion and its duplicates join the target cluster
 * and take its article when it is another one. `dropEmpty` removes clusters a move left without opinions.
 */
export function applyCorrections(digest: Digest, resolved: ResolvedCorrections, dropEmpty: boolean): { digest: Digest; counts: CorrectionCounts } {
  const clusterById = new Map(digest.clusters.map((c) => [c.id, c]));
  const opinionOf = opinionIdOf(digest);
  const recordById = new Map(digest.records.map((r) => [r.id, r]));
  // A correction on any copy of a duplicate group reaches the whole group (the canonical copy can change in a rerun).
  const groupCorrection = new Map<string, ArticleCorrection>();
  for (const group of digest.duplicateGroups) {
    const found = group.members.map((m) => resolved.articles.get(m)).find((c) => c !== undefined);
    if (found !== undefined) groupCorrection.set(group.id, found);
  }
  const moves = new Map<string, ClusterMove>();
  for (const [opinion, move] of resolved.moves) {
    const record = recordById.get(opinion);
    if (record !== undefined && record.cluster !== move.target && clusterById.has(move.target)) moves.set(opinion, move);
  }
  let articles = 0;
  const records = digest.records.map((record): DigestRecord => {
    const opinion = opinionOf(record);
    const own = resolved.articles.get(record.id) ?? resolved.articles.get(opinion)
      ?? (record.duplicateGroup === null ? undefined : groupCorrection.get(record.duplicateGroup));
    const move = moves.get(opinion);
    let assigned = record.articles;
    if (own !== undefined) {
      assigned = correctedAssignments(own.keys, own.written);
    } else if (move !== undefined) {
      assigned = movedAssignments(record.articles, clusterById.get(move.target), resolved);
    }
    if (assigned !== record.articles) articles += 1;
    if (assigned === record.articles && move === undefined) return record;
    return { ...record, articles: assigned, cluster: move?.target ?? record.cluster };
  });
  const clusters = regroup(digest.clusters, moves, records, recordById, resolved, dropEmpty);
  return {
    digest: { ...digest, records, clusters, totals: { ...digest.totals, clusters: clusters.length } },
    counts: { articles, moves: moves.size },
  };
}

/** The article an opinion takes in the cluster it is moved to: the cluster's (corrected) one when it is another article. */
function movedAssignments(current: ArticleAssignment[], target: Cluster | undefined, resolved: ResolvedCorrections): ArticleAssignment[] {
  if (target === undefined) return current;
  const corrected = resolved.clusterArticles.get(target.id);
  if (corrected !== undefined) return correctedAssignments(corrected.keys, corrected.written);
  if (target.article === 'unassigned') return current;
  const mine = current[0]?.key;
  // 第八条第二款 moved into a cluster on 第八条 keeps its paragraph.
  if (mine !== undefined && baseArticle(mine) === baseArticle(target.article)) return current;
  return correctedAssignments([target.article], null);
}

/** Clusters after the moves: members, counts, points and the representative follow the opinions. */
function regroup(
  clusters: readonly Cluster[],
  moves: ReadonlyMap<string, ClusterMove>,
  records: readonly DigestRecord[],
  before: ReadonlyMap<string, DigestRecord>,
  resolved: ResolvedCorrections,
  dropEmpty: boolean,
): Cluster[] {
  const corrected = (c: Cluster): Cluster => {
    const key = resolved.clusterArticles.get(c.id)?.keys[0];
    return key === undefined || key === c.article ? c : { ...c, article: key };
  };
  if (moves.size === 0) return clusters.map(corrected);
  const arriving = new Map<string, string[]>();
  for (const [opinion, move] of moves) pushTo(arriving, move.target, opinion);
  const byCluster = groupBy(records, (r) => r.cluster);
  const out: Cluster[] = [];
  for (const cluster of clusters) {
    const opinions = [...cluster.opinions.filter((o) => !moves.has(o)), ...(arriving.get(cluster.id) ?? [])];
    if (opinions.length === cluster.opinions.length && !arriving.has(cluster.id)) {
      out.push(corrected(cluster));
      continue;
    }
    if (opinions.length === 0 && dropEmpty) continue;
    const members = byCluster.get(cluster.id) ?? [];
    const first = opinions[0];
    out.push(corrected({
      ...cluster,
      opinions,
      // The representative was the first opinion; when it left, the next one stands for the cluster.
      representative: first === cluster.opinions[0] || first === undefined ? cluster.representative : (before.get(first)?.opinion ?? cluster.representative),
      submissions: members.length,
      points: [...new Set(members.map((r) => r.point).filter((p): p is string => p !== null && p !== ''))].sort(),
      counties: [...new Set(members.map((r) => r.county).filter((p): p is string => p !== null && p !== ''))].sort(),
    }));
  }
  return out;
}
