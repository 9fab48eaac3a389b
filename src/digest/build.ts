/**
 * The digest model: from records to assignments, duplicate groups and clusters. Pure but for the duplicate
 * search, which runs in a worker thread (dedupe/background.ts) — and the text
 * functions (keys, terms, assignment) are injected so this file knows no files, no jieba, no terminal.
 */
import {
  DIGEST_SCHEMA_VERSION,
  type ArticleAssignment,
  type AssignmentSource,
  type Cluster,
  type Digest,
  type DigestRecord,
  type Draft,
  type DuplicateGroup,
  type FileFailure,
  type OpinionRecord,
  type Reject,
  type SheetReport,
} from '../model.js';
import { startDuplicateSearch } from '../dedupe/background.js';
import { clusterOpinions } from '../cluster/index.js';

/** What was read: the output of ingestion. */
export interface DigestSource {
  sheets: readonly SheetReport[];
  failures: readonly FileFailure[];
  records: readonly OpinionRecord[];
  rejects: readonly Reject[];
}

/** The text functions the digest needs, built once by the caller. */
export interface DigestText {
  comparisonKey(text: string): string;
  terms(text: string): string[];
  assign(input: { article: string | null; opinion: string }, terms: () => string[]): ArticleAssignment[];
}

/** Normalised settings of a digest run. */
export interface DigestSettings {
  near: number;
  assignThreshold: number;
  clusterThreshold: number;
  /** Only when the user asked for one (--date); otherwise outputs carry no date. */
  date: string | null;
}

/** Steps of a long run, for a progress bar at the edge. */
export type DigestStep = 'assign' | 'dedupe' | 'cluster';

/** Builds the digest: every record ends up with article keys, a duplicate group (or none) and a cluster. */
export async function buildDigest(
  source: DigestSource,
  draft: Draft | null,
  text: DigestText,
  settings: DigestSettings,
  onStep: (step: DigestStep, done: number, total: number) => void = () => undefined,
): Promise<Digest> {
  const records = canonicalOrder(source.records, source.sheets);
  const total = records.length;

  // The duplicate search needs only the comparison keys: it runs in a second thread while this one assigns
  // articles. The keys are built inline so that nothing here holds them once they are posted.
  const search = startDuplicateSearch(
    records.map((record) => ({ id: record.id, key: text.comparisonKey(record.opinion), point: record.point, county: record.county })),
    { near: settings.near },
  );

  // Terms are the costly part (jieba); compute them once per record, only when something asks.
  const termsOf = new Map<string, string[]>();
  const termsFor = (record: OpinionRecord): string[] => {
    let terms = termsOf.get(record.id);
    if (terms === undefined) {
      terms = text.terms(record.opinion);
      termsOf.set(record.id, terms);
    }
    return terms;
  };

  const assignments = new Map<string, ArticleAssignment[]>();
  records.forEach((record, index) => {
    if (index % 5000 === 0) onStep('assign', index, total);
    const found = text.assign({ article: record.article, opinion: record.opinion }, () => termsFor(record));
    assignments.set(record.id, found.length > 0 ? found : [unassigned()]);
  });
  onStep('assign', total, total);

  // While the search is still running, segment ahead: clustering needs the terms of (nearly) every record.
  onStep('dedupe', 0, total);
  for (let next = 0; !search.done() && next < total; ) {
    const end = Math.min(total, next + 2000);
    for (; next < end; next++) termsFor(records[next]!);
    onStep('dedupe', next, total);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const groups = await search.groups();
  onStep('dedupe', total, total);
  const groupOf = new Map<string, DuplicateGroup>();
  for (const group of groups) for (const member of group.members) groupOf.set(member, group);

  const byId = new Map(records.map((record) => [record.id, record]));
  const distinct = records.filter((record) => {
    const group = groupOf.get(record.id);
    return group === undefined || group.canonical === record.id;
  });
  onStep('cluster', 0, distinct.length);
  const clusters = clusterOpinions(
    distinct.map((record) => {
      const group = groupOf.get(record.id);
      const members = group === undefined ? [record] : group.members.map((id) => byId.get(id) ?? record);
      return {
        id: record.id,
        article: primaryArticle(members.map((member) => assignments.get(member.id) ?? [])),
        terms: termsFor(record),
        submissions: members.length,
        points: group?.points ?? (record.point === null ? [] : [record.point]),
        counties: group?.counties ?? (record.county === null ? [] : [record.county]),
      };
    }),
    { threshold: settings.clusterThreshold },
  );
  onStep('cluster', distinct.length, distinct.length);
  termsOf.clear();

  const clusterOf = new Map<string, string>();
  for (const cluster of clusters) for (const id of cluster.opinions) clusterOf.set(id, cluster.id);

  const digestRecords: DigestRecord[] = records.map((record) => {
    const group = groupOf.get(record.id);
    const canonicalId = group?.canonical ?? record.id;
    return {
      ...record,
      articles: assignments.get(record.id) ?? [unassigned()],
      duplicateGroup: group?.id ?? null,
      canonical: canonicalId === record.id,
      cluster: clusterOf.get(canonicalId) ?? '',
    };
  });

  return {
    schemaVersion: DIGEST_SCHEMA_VERSION,
    date: settings.date,
    draft,
    totals: totalsOf(source, digestRecords, groups, clusters),
    settings: { near: settings.near, assignThreshold: settings.assignThreshold },
    files: [...source.sheets],
    failures: [...source.failures],
    records: digestRecords,
    duplicateGroups: groups,
    clusters,
    rejects: [...source.rejects],
  };
}

function unassigned(): ArticleAssignment {
  return { key: 'unassigned', source: 'none', confidence: 0, cited: null, notInDraft: false };
}

const SOURCE_STRENGTH: Readonly<Record<AssignmentSource, number>> = {
  column: 4,
  text: 3,
  general: 2,
  similarity: 1,
  none: 0,
};

/**
 * The article a group of duplicates is clustered under: the first key of the member whose assignment
 * is strongest (an explicit 条款 beats a guess), so a copy without a citation does not pull it away.
 */
export function primaryArticle(memberAssignments: readonly ArticleAssignment[][]): string {
  let best: ArticleAssignment | undefined;
  for (const found of memberAssignments) {
    const first = found[0];
    if (first === undefined) continue;
    if (
      best === undefined ||
      SOURCE_STRENGTH[first.source] > SOURCE_STRENGTH[best.source] ||
      (first.source === best.source && first.source === 'similarity' && first.confidence > best.confidence)
    ) {
      best = first;
    }
  }
  return best?.key ?? 'unassigned';
}

/**
 * Records in canonical order — file name, then the sheet's order in its workbook, then row — so the
 * canonical member of a duplicate group does not depend on the order files were named on the command line.
 */
export function canonicalOrder(records: readonly OpinionRecord[], sheets: readonly SheetReport[]): OpinionRecord[] {
  const sheetIndex = new Map<string, number>();
  sheets.forEach((sheet, index) => {
    const key = `${sheet.file}\u0000${sheet.sheet}`;
    if (!sheetIndex.has(key)) sheetIndex.set(key, index);
  });
  const order = (record: OpinionRecord): number => sheetIndex.get(`${record.source.file}\u0000${record.source.sheet}`) ?? 0;
  return [...records].sort((a, b) => {
    if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
    return order(a) - order(b) || a.source.row - b.source.row;
  });
}

function totalsOf(
  source: DigestSource,
  records: readonly DigestRecord[],
  groups: readonly DuplicateGroup[],
  clusters: readonly Cluster[],
): Digest['totals'] {
  const count = (values: Iterable<string | null>): number => new Set([...values].filter((v) => v !== null && v !== '')).size;
  const rows = source.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
  const blanks = source.sheets.reduce((sum, sheet) => sum + sheet.blanks, 0);
  return {
    files: new Set(source.sheets.map((sheet) => sheet.file)).size + source.failures.length,
    failedFiles: source.failures.length,
    rows,
    records: records.length,
    rejects: source.rejects.length,
    blanks,
    exactGroups: groups.filter((group) => group.kind === 'exact').length,
    nearGroups: groups.filter((group) => group.kind === 'near').length,
    duplicates: groups.reduce((sum, group) => sum + group.members.length - 1, 0),
    distinctOpinions: records.filter((record) => record.canonical).length,
    clusters: clusters.length,
    points: count(records.map((record) => record.point)),
    counties: count(records.map((record) => record.county)),
  };
}
