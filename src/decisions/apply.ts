/**
 * Decisions applied to a digest: a cluster's decision reaches every opinion in it and every
 * duplicate of those opinions; a 单条意见 row overrides it for one opinion and its duplicates.
 */
import type { Digest, DigestRecord } from '../model.js';
import { type DecisionEntry, type DecisionProblem, type DecisionSheet, describeCell } from './sheet.js';
import { type Decision, PENDING } from './values.js';
import { applyCorrections, type CorrectionCounts, digestTarget, resolveCorrections } from './corrections.js';

/** What became of one record, and where that came from. */
export interface RecordDecision {
  recordId: string;
  /** The distinct opinion it belongs to: its duplicate group's canonical record, or itself. */
  opinionId: string;
  clusterId: string;
  decision: Decision;
  reason: string;
  /** cluster: the 采纳情况 row; opinion: a 单条意见 override; none: no row or blank (待研究). */
  from: 'cluster' | 'opinion' | 'none';
}

/** Decisions for every record of the digest, plus the sheet's problems and those found matching it. */
export interface AppliedDecisions {
  records: RecordDecision[];
  problems: DecisionProblem[];
  /** Clusters that had a row with a decision other than 待研究. */
  decidedClusters: number;
}

/** The distinct opinion each record stands for (canonical record id of its duplicate group). */
export function opinionIdOf(digest: Digest): (record: DigestRecord) => string {
  const canonical = new Map(digest.duplicateGroups.map((g) => [g.id, g.canonical]));
  return (record) => (record.duplicateGroup === null ? record.id : (canonical.get(record.duplicateGroup) ?? record.id));
}

/** Resolves which digest id a row means: 编号 when known, else the hidden check copy. */
function resolveId(entry: DecisionEntry, known: ReadonlySet<string>, problems: DecisionProblem[], what: string): string | null {
  const candidates = [entry.id, entry.checkId].filter((id) => id !== '');
  const matches = [...new Set(candidates.filter((id) => known.has(id)))];
  if (matches.length === 0) {
    problems.push({
      code: 'W_UNKNOWN_ID',
      message: `${describeCell(entry.idCell)}：${what} ${entry.id} 不在本次汇总（digest.json）中，此行未使用`,
      cell: entry.idCell,
    });
    return null;
  }
  if (matches.length > 1) {
    problems.push({
      code: 'W_ID_MISMATCH',
      message: `${describeCell(entry.idCell)}：编号 ${entry.id} 与 编号（核对用） ${entry.checkId} 不一致，按核对用编号处理`,
      cell: entry.idCell,
    });
    return entry.checkId;
  }
  return matches[0] ?? null;
}

/** Applies `sheet` to `digest` (pure). Every record gets a decision; unmatched rows become problems. */
export function applyDecisions(digest: Digest, sheet: DecisionSheet): AppliedDecisions {
  const problems: DecisionProblem[] = [...sheet.problems];
  const clusterIds = new Set(digest.clusters.map((c) => c.id));
  const recordIds = new Set(digest.records.map((r) => r.id));
  const byCluster = new Map<string, DecisionEntry>();
  for (const entry of sheet.clusters) {
    const id = resolveId(entry, clusterIds, problems, '意见类编号');
    if (id !== null && !byCluster.has(id)) byCluster.set(id, entry);
  }
  const byRecord = new Map<string, DecisionEntry>();
  for (const entry of sheet.opinions) {
    const id = resolveId(entry, recordIds, problems, '意见编号');
    // Only a filled decision overrides; a blank 单条意见 row means "as the cluster".
    if (id !== null && entry.written !== '' && !byRecord.has(id)) byRecord.set(id, entry);
  }
  const opinionOf = opinionIdOf(digest);
  const recordById = new Map(digest.records.map((r) => [r.id, r]));
  const records = digest.records.map((record): RecordDecision => {
    const opinionId = opinionOf(record);
    // Duplicates follow their canonical opinion's cluster, so a decision reaches every copy.
    const clusterId = recordById.get(opinionId)?.cluster ?? record.cluster;
    const override = byRecord.get(record.id) ?? byRecord.get(opinionId);
    if (override !== undefined) {
      return { recordId: record.id, opinionId, clusterId, decision: override.decision, reason: override.reason, from: 'opinion' };
    }
    const row = byCluster.get(clusterId);
    if (row !== undefined && (row.written !== '' || row.reason !== '')) {
      return { recordId: record.id, opinionId, clusterId, decision: row.decision, reason: row.reason, from: 'cluster' };
    }
    return { recordId: record.id, opinionId, clusterId, decision: PENDING, reason: '', from: 'none' };
  });
  const decidedClusters = [...byCluster.values()].filter((e) => e.decision !== PENDING).length;
  return { records, problems, decidedClusters };
}

/** A decision sheet applied whole: its corrections first (articles, moves), then its decisions on the corrected digest. */
export interface AppliedSheet {
  /** The digest as corrected: what feedback letters, feedback.json and stats are built from. */
  digest: Digest;
  applied: AppliedDecisions;
  corrections: CorrectionCounts;
}

/** Applies corrections and decisions of `sheet` to `digest` (pure); problems of both are in `applied.problems`. */
export function applySheet(digest: Digest, sheet: DecisionSheet): AppliedSheet {
  // Unknown ids are reported once, by applyDecisions.
  const resolved = resolveCorrections(sheet, digestTarget(digest, false));
  // Emptied clusters stay: their rows in the sheet are still known ids.
  const corrected = applyCorrections(digest, resolved, false);
  const applied = applyDecisions(corrected.digest, sheet);
  return { digest: corrected.digest, applied: { ...applied, problems: [...applied.problems, ...resolved.problems] }, corrections: corrected.counts };
}
