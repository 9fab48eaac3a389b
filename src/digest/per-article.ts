/**
 * Opinions per article, counted one way for every place that shows it (the terminal summary, the reports):
 * by article (第八条第二款 counts for 第八条), an opinion citing two articles for both.
 */
import { baseArticle } from '../article-key.js';
import { pushTo } from '../collections.js';
import type { DigestRecord, DuplicateGroup } from '../model.js';
import { simplifiedCopy } from '../text/normalize.js';

/** The records of each article key (base article, 章/节 or a word key such as general), in record order. */
export function recordsPerArticle<R extends Pick<DigestRecord, 'articles'>>(records: readonly R[]): Map<string, R[]> {
  const perKey = new Map<string, R[]>();
  for (const r of records) {
    // Most records cite one article: no set to build for them.
    if (r.articles.length === 1) pushTo(perKey, baseArticle(r.articles[0]!.key), r);
    else for (const key of new Set(r.articles.map((a) => baseArticle(a.key)))) pushTo(perKey, key, r);
  }
  return perKey;
}

/**
 * The words a cluster's representative (record `id`) is quoted by wherever it stands for others (the reports, the
 * terminal): its opinion, or an exact copy of it written in simplified characters (simplifiedCopy). Undefined for an
 * id no record has.
 */
export function representativeText(
  id: string,
  byId: ReadonlyMap<string, Pick<DigestRecord, 'opinion' | 'duplicateGroup'>>,
  groups: ReadonlyMap<string, Pick<DuplicateGroup, 'kind' | 'members'>>,
): string | undefined {
  const record = byId.get(id);
  if (record === undefined) return undefined;
  const group = record.duplicateGroup === null ? undefined : groups.get(record.duplicateGroup);
  return simplifiedCopy(record.opinion, () => (group?.kind === 'exact' ? group.members.flatMap((m) => byId.get(m)?.opinion ?? []) : []));
}
