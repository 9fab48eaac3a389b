/**
 * Carry-forward (`digest --decisions OLD_SHEET`): when late submissions arrive, decisions already
 * made survive. A cluster with the same distinct opinions keeps its decision and reason; a cluster
 * that shares opinions with an old one but changed is pre-filled and marked for review.
 */
import type { Digest } from '../model.js';
import type { CarriedDecision, CarriedDecisions } from '../report/index.js';
import type { DecisionEntry, DecisionSheet } from './sheet.js';
import { PENDING } from './values.js';

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

/** Maps an old decision sheet onto a new digest's clusters (pure). */
export function carryForward(old: DecisionSheet, digest: Digest): CarryForwardResult {
  const oldById = new Map(old.clusters.map((e) => [e.id, e]));
  const oldByMember = new Map<string, DecisionEntry[]>();
  for (const entry of old.clusters) {
    for (const member of entry.members) {
      const list = oldByMember.get(member);
      if (list === undefined) oldByMember.set(member, [entry]);
      else list.push(entry);
    }
  }
  const withoutMembers = old.clusters.filter((e) => e.members.length === 0);
  const clusters = new Map<string, CarriedDecision>();
  const touched = new Set<string>();
  let kept = 0;
  let review = 0;
  let added = 0;
  for (const cluster of digest.clusters) {
    const same = oldById.get(cluster.id);
    // Ids come from the sorted member ids, so an equal id means equal membership; the members column double-checks.
    if (same !== undefined && (same.members.length === 0 || sameSet(same.members, cluster.opinions))) {
      touched.add(same.id);
      clusters.set(cluster.id, { decision: decisionText(same), reason: same.reason, status: '' });
      kept += 1;
      continue;
    }
    // A renumbered article (digest --cited-draft) changes the article part of a cluster id, not its members:
    // the same opinions keep their decision, and the note says where the old id went.
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
    });
    review += 1;
  }
  const recordIds = new Set(digest.records.map((r) => r.id));
  const opinions = new Map<string, CarriedDecision>();
  for (const entry of old.opinions) {
    if (entry.written !== '' && recordIds.has(entry.id)) opinions.set(entry.id, { decision: decisionText(entry), reason: entry.reason, status: '' });
  }
  const gone = old.clusters.filter((e) => !touched.has(e.id) && (e.written !== '' || e.reason !== '')).map((e) => e.id);
  return { carried: { clusters, opinions }, kept, review, added, gone };
}

/** The decision to pre-fill: the canonical word, or the old text when it was not one (so nothing typed is lost). */
function decisionText(entry: DecisionEntry): string {
  if (entry.written === '') return '';
  return entry.decision === PENDING && entry.written.replace(/\s/g, '') !== PENDING ? entry.written : entry.decision;
}
