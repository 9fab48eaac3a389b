/**
 * Carry-forward (`digest --decisions OLD_SHEET`): when late submissions arrive, decisions already
 * made survive. A cluster with the same distinct opinions keeps its decision and reason; a cluster
 * that shares opinions with an old one but changed is pre-filled and marked for review.
 */
import type { ArticleAssignment, Digest, Draft } from '../model.js';
import type { CarriedDecision, CarriedDecisions } from './carried.js';
import type { LabelledExample } from '../assign/assign.js';
import { baseArticle } from '../article-key.js';
import { pushTo } from '../collections.js';
import {
  applyCorrections,
  type ClusterMove,
  type CorrectionCounts,
  correctedAssignments,
  type ResolvedCorrections,
  resolveCorrections,
} from './corrections.js';
import { type DecisionEntry, type DecisionProblem, type DecisionSheet, describeWritten } from './sheet.js';
import { PENDING } from './values.js';
import { opinionIdOf } from './apply.js';

/** What carrying forward did, for the terminal. */
export interface CarryForwardResult {
  carried: CarriedDecisions;
  kept: number;
  review: number;
  added: number;
  /** Old clusters none of whose opinions are in the new digest (their decisions have nowhere to go). */
  gone: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
};

/**
 * The members each old cluster had once its own sheet's moves were made: a move the drafters made is not
 * a change of membership to review again.
 */
function membersAfterMoves(old: DecisionSheet): Map<string, string[]> {
  const movedOut = new Set<string>();
  const movedIn = new Map<string, string[]>();
  const known = new Set(old.clusters.map((c) => c.id));
  for (const entry of old.opinions) {
    const target = entry.moveTo?.text.replace(/\s/g, '');
    if (target === undefined || !known.has(target)) continue;
    movedOut.add(entry.id);
    pushTo(movedIn, target, entry.id);
  }
  return new Map(old.clusters.map((e) => {
    if (e.members.length === 0) return [e.id, e.members];
    const kept = e.members.filter((m) => !movedOut.has(m));
    return [e.id, [...new Set([...kept, ...(movedIn.get(e.id) ?? [])])]];
  }));
}

/** Maps an old decision sheet onto a new digest's clusters (pure); corrections and moves are pre-filled too. */
export function carryForward(old: DecisionSheet, digest: Digest, movedTo: ReadonlyMap<string, string> = new Map()): CarryForwardResult {
  const oldById = new Map(old.clusters.map((e) => [e.id, e]));
  const membersOf = membersAfterMoves(old);
  // For overlaps, old members under their distinct opinion in this run: a late copy can become its group's
  // canonical record (then the cluster is flagged for review under its old id, not shown as new).
  const opinionOfRecord = opinionIdOf(digest);
  const opinionOf = new Map(digest.records.map((r) => [r.id, opinionOfRecord(r)]));
  const oldByMember = new Map<string, DecisionEntry[]>();
  const oldByFirst = new Map<string, DecisionEntry[]>();
  for (const entry of old.clusters) {
    const members = membersOf.get(entry.id) ?? [];
    for (const member of new Set(members.map((m) => opinionOf.get(m) ?? m))) pushTo(oldByMember, member, entry);
    const first = [...members].sort()[0];
    if (first !== undefined) pushTo(oldByFirst, first, entry);
  }
  // An id embeds the article: a cluster whose article was corrected, or renumbered in a new round of the draft
  // (digest --cited-draft), comes back under another id with the very same opinions.
  const sameOpinions = (opinions: readonly string[]): DecisionEntry | undefined =>
    (oldByFirst.get([...opinions].sort()[0] ?? '') ?? []).find((e) => sameSet(membersOf.get(e.id) ?? [], opinions));
  const withoutMembers = old.clusters.filter((e) => e.members.length === 0);
  const clusters = new Map<string, CarriedDecision>();
  const touched = new Set<string>();
  let kept = 0;
  let review = 0;
  let added = 0;
  for (const cluster of digest.clusters) {
    // Ids come from the sorted member ids, so an equal id means equal membership; the members column double-checks.
    const byId = oldById.get(cluster.id);
    const byIdMembers = byId === undefined ? [] : (membersOf.get(byId.id) ?? []);
    const same = byId !== undefined && (byIdMembers.length === 0 || sameSet(byIdMembers, cluster.opinions)) ? byId : sameOpinions(cluster.opinions);
    if (same !== undefined) {
      touched.add(same.id);
      // The drafters' own correction moved the id: nothing to say. Otherwise the draft's numbering changed.
      // A row still marked 需复核 was not reviewed: the mark stays (cleared, the unreviewed decision read as checked).
      const status = same.status.startsWith('需复核') ? same.status
        : same.id === cluster.id || same.correction !== null ? '' : `条文编号有变化（原编号 ${same.id}）`;
      clusters.set(cluster.id, { decision: decisionText(same), reason: same.reason, status, correction: same.correction?.text ?? '' });
      kept += 1;
      continue;
    }
    // An old sheet without the members column: a renumbered article changes only the article part of the id.
    const suffix = cluster.id.slice(cluster.article.length);
    const renumbered = (oldByMember.get(cluster.opinions[0] ?? '') ?? withoutMembers)
      .find((e) => e.id !== cluster.id && (e.members.length > 0 ? sameSet(e.members, cluster.opinions) : e.id.endsWith(suffix)));
    if (renumbered !== undefined) {
      touched.add(renumbered.id);
      clusters.set(cluster.id, { decision: decisionText(renumbered), reason: renumbered.reason, status: `条文编号有变化（原编号 ${renumbered.id}）` });
      kept += 1;
      continue;
    }
    const overlap = new Map<string, number>();
    for (const opinion of cluster.opinions) {
      for (const entry of oldByMember.get(opinion) ?? []) overlap.set(entry.id, (overlap.get(entry.id) ?? 0) + 1);
    }
    const ranked = [...overlap].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (ranked.length === 0) {
      clusters.set(cluster.id, { decision: '', reason: '', status: '新增' });
      added += 1;
      continue;
    }
    for (const [id] of ranked) touched.add(id);
    const best = oldById.get(ranked[0]?.[0] ?? '');
    const ids = ranked.map(([id]) => id).join('、');
    clusters.set(cluster.id, {
      decision: best === undefined ? '' : decisionText(best),
      reason: best?.reason ?? '',
      status: `需复核：成员有变化（原编号 ${ids}）`,
      correction: best?.correction?.text ?? '',
    });
    review += 1;
  }
  // 单条意见 rows are keyed by the distinct opinion, as the cluster members are.
  const opinions = new Map<string, CarriedDecision>();
  for (const entry of old.opinions) {
    const id = opinionOf.get(entry.id);
    if (id === undefined || opinions.has(id)) continue;
    if (entry.written === '' && entry.reason === '' && entry.correction === null && entry.moveTo === null) continue;
    opinions.set(id, {
      decision: decisionText(entry),
      reason: entry.reason,
      status: '',
      correction: entry.correction?.text ?? '',
      // The cluster it was moved to, under its id in this run; as written when it could not be followed.
      moveTo: entry.moveTo === null ? '' : (movedTo.get(entry.id) ?? entry.moveTo.text),
    });
  }
  // A cluster the drafters emptied by moving its opinions elsewhere is not "gone": its opinions went where they were sent.
  const emptiedByMoves = (e: DecisionEntry): boolean => e.members.length > 0 && (membersOf.get(e.id) ?? []).length === 0;
  const gone = old.clusters.filter((e) => !touched.has(e.id) && !emptiedByMoves(e) && (e.written !== '' || e.reason !== '')).map((e) => e.id);
  return { carried: { clusters, opinions }, kept, review, added, gone };
}

/** The decision to pre-fill: the canonical word, or the old text when it was not one (so nothing typed is lost). */
function decisionText(entry: DecisionEntry): string {
  if (entry.written === '') return '';
  return entry.decision === PENDING && entry.written.replace(/\s/g, '') !== PENDING ? entry.written : entry.decision;
}

/** The old sheet's corrections, resolved against the records just read, for building the new digest. */
export interface CarriedCorrections {
  /** Opinion ids are the new records'; move targets are the old sheet's cluster ids. */
  resolved: ResolvedCorrections;
  /** Record id → its corrected assignments: the assigner is not asked again for these. */
  assignments: Map<string, ArticleAssignment[]>;
  /** The corrected opinions as labelled examples: they enrich the article profiles of the new run. */
  examples: LabelledExample[];
}

/** Reads the old sheet's corrections against the new records and draft, before the digest is built (pure). */
export function correctionsBeforeBuild(
  old: DecisionSheet,
  records: readonly { id: string; opinion: string }[],
  draft: Draft | null,
): CarriedCorrections {
  const membersOf = membersAfterMoves(old);
  const resolved = resolveCorrections(old, {
    draft,
    clusters: new Map(old.clusters.map((e) => [e.id, membersOf.get(e.id) ?? []])),
    opinionOf: new Map(records.map((r) => [r.id, r.id])),
    reportUnknownIds: true,
  });
  const text = new Map(records.map((r) => [r.id, r.opinion]));
  const assignments = new Map<string, ArticleAssignment[]>();
  const examples: LabelledExample[] = [];
  const articles = new Set((draft?.articles ?? []).map((a) => a.key));
  for (const [id, correction] of resolved.articles) {
    const opinion = text.get(id);
    if (opinion === undefined) continue;
    assignments.set(id, correctedAssignments(correction.keys, correction.written));
    for (const key of new Set(correction.keys.map(baseArticle))) if (articles.has(key)) examples.push({ opinion, key });
  }
  return { resolved, assignments, examples };
}

/** The new digest with the old sheet's corrections and moves applied, and what could not be carried. */
export interface CarriedCorrectionResult {
  digest: Digest;
  counts: CorrectionCounts;
  /** Old opinion id → the id in this run of the cluster it was moved to. */
  movedTo: Map<string, string>;
  problems: DecisionProblem[];
}

/**
 * Applies carried corrections to the new digest (pure). A move's old target cluster is followed to the
 * new cluster holding most of its opinions; a target none of whose opinions are left is reported.
 */
export function carryCorrections(old: DecisionSheet, carried: CarriedCorrections, digest: Digest): CarriedCorrectionResult {
  const problems: DecisionProblem[] = [...carried.resolved.problems];
  const membersOf = membersAfterMoves(old);
  const clusterOf = new Map(digest.clusters.flatMap((c) => c.opinions.map((o) => [o, c.id] as const)));
  const opinionOfRecord = opinionIdOf(digest);
  const opinionOf = new Map(digest.records.map((r) => [r.id, opinionOfRecord(r)]));
  const recordCluster = new Map(digest.records.map((r) => [r.id, clusterOf.get(opinionOf.get(r.id)!) ?? r.cluster]));
  const moves = new Map<string, ClusterMove>();
  const movedTo = new Map<string, string>();
  for (const [opinion, move] of carried.resolved.moves) {
    const votes = new Map<string, number>();
    for (const member of membersOf.get(move.target) ?? []) {
      const now = member === opinion ? undefined : recordCluster.get(member);
      if (now !== undefined) votes.set(now, (votes.get(now) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const id = opinionOf.get(opinion);
    if (best === undefined || id === undefined) {
      problems.push({
        code: 'W_UNKNOWN_CLUSTER',
        message: `${describeWritten({ text: move.written, cell: move.cell, header: move.header })}：移入的意见类 ${move.target} 的意见在本次汇总中都已不在，此移动未沿用`,
        cell: move.cell,
      });
      continue;
    }
    moves.set(id, { ...move, target: best });
    movedTo.set(opinion, best);
  }
  // Cluster-row corrections were spread to their opinions before the build; clusters were made on the corrected articles.
  const applied = applyCorrections(digest, { articles: carried.resolved.articles, clusterArticles: new Map(), moves, problems: [] }, true);
  return { digest: applied.digest, counts: applied.counts, movedTo, problems };
}
