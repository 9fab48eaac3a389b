/**
 * The digest model: from records to assignments, duplicate groups and clusters. Pure but for the duplicate
 * search, which runs in a worker thread (dedupe/background.ts) — and the text
 * functions (keys, terms, assignment) are injected so this file knows no files, no jieba, no terminal.
 */
import {
  DIGEST_SCHEMA_VERSION,
  type ArticleAssignment,
  type AssignmentSource,
  type ArticleKey,
  type Cluster,
  type Digest,
  type DigestRecord,
  type Draft,
  type DuplicateGroup,
  type FileFailure,
  type OpinionRecord,
  type Reject,
  type SheetReport,
  type TextDifference,
} from '../model.js';
import { UNASSIGNED } from '../article-key.js';
import { comparisonKey } from '../text/normalize.js';
import { type DuplicateSearch, startDuplicateSearch } from '../dedupe/background.js';
import { groupsFromSets } from '../dedupe/groups.js';
import { textDifference } from '../dedupe/diff.js';
import { CLUSTER_DEFAULTS } from '../cluster/index.js';
import { clusterOpinionsInThreads, type ThreadOptions } from '../cluster/threads.js';
import { assignBatch, type BatchAssigner } from '../assign/batch.js';

/** What was read: the output of ingestion. */
export interface DigestSource {
  sheets: readonly SheetReport[];
  failures: readonly FileFailure[];
  records: readonly OpinionRecord[];
  rejects: readonly Reject[];
}

/** The text functions the digest needs, built once by the caller; cited / learn / guess as in assign/batch.ts. */
export interface DigestText extends BatchAssigner {
  comparisonKey(text: string): string;
  terms(text: string): string[];
  /** Words of a text, in order, punctuation out: cluster labels are cut at their boundaries. */
  tokens?(text: string): string[];
  /** The written forms of a term (itself and its folded synonyms): labels are matched on what people wrote. */
  forms?(term: string): readonly string[];
}

/** Normalised settings of a digest run. */
export interface DigestSettings {
  near: number;
  assignThreshold: number;
  clusterThreshold: number;
  /** Only when the user asked for one (--date); otherwise outputs carry no date. */
  date: string | null;
  /** Articles a person settled for these record ids (`digest --decisions` carrying corrections): not assigned again. */
  corrected?: ReadonlyMap<string, readonly ArticleAssignment[]>;
  /** With --cited-draft: the earlier round the submissions cite (their citations were mapped to `draft`). */
  citedDraft?: { title: string; file: string } | null;
}

/** Steps of a long run, for a progress bar at the edge. */
export type DigestStep = 'segment' | 'assign' | 'dedupe' | 'cluster';

/**
 * Builds the digest: every record ends up with article keys, a duplicate group (or none) and a cluster.
 * `threads.onThreadFailure` hears of a clustering thread that failed (the result is the same, only slower),
 * for the edge to say so.
 */
export async function buildDigest(
  source: DigestSource,
  draft: Draft | null,
  text: DigestText,
  settings: DigestSettings,
  onStep: (step: DigestStep, done: number, total: number) => void = () => undefined,
  threads: ThreadOptions = {},
): Promise<Digest> {
  const records = canonicalOrder(source.records, source.sheets);
  // The duplicate search needs only the comparison keys: it runs in a second thread while this one assigns
  // articles. With the standard key the thread makes the keys itself from the opinions (the second core is idle
  // until it has them); another key function is applied here, inline, so nothing here holds the keys once posted.
  const search = text.comparisonKey === comparisonKey
    ? startDuplicateSearch(records.map((record) => record.opinion), { near: settings.near, texts: true })
    : startDuplicateSearch(records.map((record) => text.comparisonKey(record.opinion)), { near: settings.near });
  try {
    return await buildAround(source, records, search, draft, text, settings, onStep, threads);
  } finally {
    // A digest that fails before it waits for the answer must not leave the search running: an in-process
    // run (a script, a test) goes on after it. Harmless once the answer has come.
    search.cancel?.();
  }
}

/** The digest around a running duplicate search (which buildDigest ends, whatever happens here). */
async function buildAround(
  source: DigestSource,
  records: readonly OpinionRecord[],
  search: DuplicateSearch,
  draft: Draft | null,
  text: DigestText,
  settings: DigestSettings,
  onStep: (step: DigestStep, done: number, total: number) => void,
  threads: ThreadOptions,
): Promise<Digest> {
  const total = records.length;

  // Everything per record is kept by position in `records`, not in maps keyed by id: at a million
  // records each such map costs about a hundred megabytes.
  const termsAt: (string[] | undefined)[] = new Array<string[] | undefined>(total);
  const termsFor = (index: number): string[] => {
    let terms = termsAt[index];
    if (terms === undefined) {
      terms = text.terms(records[index]!.opinion);
      termsAt[index] = terms;
    }
    return terms;
  };

  // Most records carry one of a few thousand assignments (the same 条款 cell, the same article): one
  // frozen copy of each is shared, and nothing downstream can change a shared one by accident.
  const sharedAssignments = new Map<string, readonly ArticleAssignment[]>();
  // The assigner hands out one array for many records (a 条款 cell's citations, the guess for copies of a text):
  // such an array is looked up as itself, before its key is spelled out (2 s of the main thread at 1M).
  const sharedByArray = new Map<readonly ArticleAssignment[], readonly ArticleAssignment[]>();
  const share = (found: readonly ArticleAssignment[]): ArticleAssignment[] => {
    const same = sharedByArray.get(found);
    if (same !== undefined) return same as ArticleAssignment[];
    const key = found.map((a) => `${a.key}\u0001${a.source}\u0001${a.confidence}\u0001${a.cited ?? '\u0002'}\u0001${a.notInDraft}\u0001${a.originalKey ?? ''}\u0001${a.originalDeleted ?? ''}\u0001${a.candidates?.map((c) => `${c.key}:${c.score}`).join(' ') ?? ''}\u0001${a.runnerUp === undefined ? '' : `${a.runnerUp.key}:${a.runnerUp.score}`}`).join('\u0003');
    let shared = sharedAssignments.get(key);
    if (shared === undefined) {
      shared = Object.freeze(
        found.map((a) => Object.freeze({
          key: a.key, source: a.source, confidence: a.confidence, cited: a.cited, notInDraft: a.notInDraft,
          // Present only for opinions on an earlier round (--cited-draft), so other digests keep their exact shape.
          ...(a.originalKey === undefined ? {} : { originalKey: a.originalKey }),
          ...(a.originalDeleted === undefined ? {} : { originalDeleted: a.originalDeleted }),
          // Present only on opinions left 未归入 by similarity: the likely articles, for a person to check.
          ...(a.candidates === undefined ? {} : { candidates: Object.freeze(a.candidates.map((c) => Object.freeze({ key: c.key, score: c.score }))) as ArticleAssignment['candidates'] }),
          // Present only on a similarity guess whose second choice came close: named beside the guess.
          ...(a.runnerUp === undefined ? {} : { runnerUp: Object.freeze({ key: a.runnerUp.key, score: a.runnerUp.score }) }),
        })),
      );
      sharedAssignments.set(key, shared);
    }
    sharedByArray.set(found, shared);
    return shared as ArticleAssignment[];
  };
  // Every opinion is segmented once, here: assignment and clustering both read these terms.
  onStep('segment', 0, total);
  for (let index = 0; index < total; index++) {
    termsFor(index);
    if (index % 5000 === 4999) onStep('segment', index + 1, total);
  }
  onStep('segment', total, total);
  const found = assignBatch(text, {
    count: total,
    // A person settled these articles (corrections carried from the old 登记表): not assigned again.
    input: (index) => {
      const record = records[index]!;
      return settings.corrected?.has(record.id) === true ? null : { article: record.article, opinion: record.opinion, suggestion: record.suggestion, source: record.source };
    },
    terms: termsFor,
  }, (done) => onStep('assign', done, total));
  const articlesAt: ArticleAssignment[][] = new Array<ArticleAssignment[]>(total);
  for (let index = 0; index < total; index++) {
    articlesAt[index] = share(found[index] ?? settings.corrected!.get(records[index]!.id)!);
  }
  found.length = 0;
  sharedAssignments.clear();
  sharedByArray.clear();
  onStep('assign', total, total);

  // Every opinion was segmented above: what is left is to wait for the duplicate search.
  onStep('dedupe', 0, total);
  const sets = await search.sets();
  const groups = groupsFromSets(records, sets);
  onStep('dedupe', total, total);
  // Which set (and group: same index) each record is in, −1 for none.
  const setAt = new Int32Array(total).fill(-1);
  sets.forEach((set, index) => {
    for (const member of set.members) setAt[member] = index;
  });
  const groupAt = (index: number): DuplicateGroup | undefined => groups[setAt[index]!];

  const distinct: number[] = [];
  for (let index = 0; index < total; index++) {
    const group = groupAt(index);
    if (group === undefined || group.canonical === records[index]!.id) distinct.push(index);
    else termsAt[index] = undefined; // only distinct opinions are clustered
  }
  // What each near copy changes in its group's canonical record (the canonical records of near groups by id):
  // worked out on this thread while the clustering thread clusters, so the second core is not idle meanwhile.
  const nearCanonical = new Map<string, OpinionRecord>();
  for (let index = 0; index < total; index++) {
    const group = groupAt(index);
    if (group?.kind === 'near' && group.canonical === records[index]!.id) nearCanonical.set(group.canonical, records[index]!);
  }
  const differenceAt = new Map<number, TextDifference>();
  // Near copies of one letter mostly differ in the same few places, and a change that may cut a word has a few
  // characters' window around it segmented (dedupe/diff.ts): each such window is segmented once. On the 100k
  // benchmark 18k distinct windows of 50k; the segmenter gives the same words for the same text.
  const windowTokens = new Map<string, string[]>();
  const tokensOfWindow = text.tokens === undefined ? undefined : (window: string): string[] => {
    let words = windowTokens.get(window);
    if (words === undefined) {
      words = text.tokens!(window);
      if (windowTokens.size < WINDOWS_KEPT) windowTokens.set(window, words);
    }
    return words;
  };
  let differenced = 0;
  const differences = (): boolean => {
    for (let made = 0; differenced < total && made < DIFFERENCES_PER_TURN; differenced++) {
      const group = groupAt(differenced);
      const record = records[differenced]!;
      if (group?.kind !== 'near' || group.canonical === record.id) continue;
      const canonicalRecord = nearCanonical.get(group.canonical)!;
      differenceAt.set(differenced, textDifference(canonicalRecord.opinion, record.opinion, tokensOfWindow));
      made++;
    }
    if (differenced >= total) windowTokens.clear();
    return differenced >= total;
  };
  onStep('cluster', 0, distinct.length);
  const clusters = await clusterOpinionsInThreads(
    distinct.map((index) => {
      const record = records[index]!;
      const group = groupAt(index);
      const members = setAt[index]! < 0 ? [index] : sets[setAt[index]!]!.members;
      const article = primaryArticle(members.map((member) => articlesAt[member]!));
      const candidates = article === UNASSIGNED ? likelyArticles(members.map((member) => articlesAt[member]!)) : [];
      return {
        id: record.id,
        article,
        ...(candidates.length === 0 ? {} : { candidates }),
        terms: termsFor(index),
        text: record.opinion,
        submissions: members.length,
        points: group?.points ?? (record.point === null ? [] : [record.point]),
        counties: group?.counties ?? (record.county === null ? [] : [record.county]),
      };
    }),
    {
      ...CLUSTER_DEFAULTS,
      threshold: settings.clusterThreshold,
      tokens: text.tokens === undefined ? null : (t: string) => text.tokens!(t),
      forms: text.forms === undefined ? null : (t: string) => text.forms!(t),
    },
    // The clusters are the same either way; only slower, and the edge says so.
    { ...threads, beside: differences },
  );
  while (!differences()); // clusterOpinionsInThreads ran it to the end: this only checks
  onStep('cluster', distinct.length, distinct.length);
  termsAt.length = 0;

  const clusterOf = new Map<string, string>();
  for (const cluster of clusters) for (const id of cluster.opinions) clusterOf.set(id, cluster.id);

  const digestRecords: DigestRecord[] = records.map((record, index) => {
    const group = groupAt(index);
    const canonicalId = group?.canonical ?? record.id;
    const difference = differenceAt.get(index);
    // Every field spelled out, not `...record`: V8 gave each spread copy a hidden class of its own (a
    // heap snapshot showed one per record, some 300 bytes each), most of a gigabyte at a million records.
    return {
      id: record.id,
      source: record.source,
      seq: record.seq,
      point: record.point,
      pointSource: record.pointSource,
      county: record.county,
      submitter: record.submitter,
      submitterType: record.submitterType,
      article: record.article,
      opinion: record.opinion,
      suggestion: record.suggestion,
      reason: record.reason,
      contact: record.contact,
      date: record.date,
      articles: articlesAt[index]!,
      duplicateGroup: group?.id ?? null,
      canonical: canonicalId === record.id,
      cluster: clusterOf.get(canonicalId) ?? '',
      ...(difference === undefined ? {} : { difference }),
    };
  });

  return {
    schemaVersion: DIGEST_SCHEMA_VERSION,
    date: settings.date,
    draft,
    ...(settings.citedDraft === undefined || settings.citedDraft === null ? {} : { citedDraft: settings.citedDraft }),
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

/** Near copies' differences worked out per turn beside the clustering (a turn lets the clustering thread's answers in). */
const DIFFERENCES_PER_TURN = 200;
/** Windows of near copies' differences whose words are kept for the next copy (a few megabytes at most). */
const WINDOWS_KEPT = 100_000;

const SOURCE_STRENGTH: Readonly<Record<AssignmentSource, number>> = {
  // A person's correction beats what the submitter wrote.
  corrected: 5,
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
export function primaryArticle(memberAssignments: readonly ArticleAssignment[][]): ArticleKey {
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
  return best?.key ?? UNASSIGNED;
}

/** The likely articles (可能涉及条文) of a group left 未归入, from its members' assignments, best first, each once. */
export function likelyArticles(memberAssignments: readonly ArticleAssignment[][]): ArticleKey[] {
  const keys: ArticleKey[] = [];
  for (const found of memberAssignments) for (const c of found[0]?.candidates ?? []) if (!keys.includes(c.key)) keys.push(c.key);
  return keys;
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
  const notes = source.sheets.reduce((sum, sheet) => sum + (sheet.notes ?? 0), 0);
  const splitParts = source.sheets.reduce((sum, sheet) => sum + (sheet.splitParts ?? 0), 0);
  const noOpinions = source.sheets.reduce((sum, sheet) => sum + (sheet.noteRows ?? []).filter((note) => note.kind === 'noOpinion').length, 0);
  return {
    files: new Set(source.sheets.map((sheet) => sheet.file)).size + source.failures.length,
    failedFiles: source.failures.length,
    rows,
    records: records.length,
    rejects: source.rejects.length,
    blanks,
    ...(notes > 0 ? { notes } : {}),
    ...(noOpinions > 0 ? { noOpinions } : {}),
    ...(splitParts > 0 ? { splitParts } : {}),
    exactGroups: groups.filter((group) => group.kind === 'exact').length,
    nearGroups: groups.filter((group) => group.kind === 'near').length,
    duplicates: groups.reduce((sum, group) => sum + group.members.length - 1, 0),
    distinctOpinions: records.filter((record) => record.canonical).length,
    clusters: clusters.length,
    points: count(records.map((record) => record.point)),
    counties: count(records.map((record) => record.county)),
  };
}
