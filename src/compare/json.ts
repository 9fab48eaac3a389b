/** The `compare --json` document: each old key's new keys with a similarity, for scripts. */
import type { Draft } from '../model.js';
import type { ArticleChange, DraftAlignment } from './model.js';

/** What one old article became. */
export interface OldArticleFate {
  new: string[];
  kind: ArticleChange['kind'];
  similarity: number;
  renumbered: boolean;
  textChanged: boolean;
}

/** Builds the JSON document; keys in the old draft's order, then the new keys no old article became. */
export function alignmentJson(oldDraft: Draft, newDraft: Draft, alignment: DraftAlignment): Record<string, unknown> {
  const fateOf = new Map<string, ArticleChange>();
  for (const change of alignment.changes) for (const key of change.old) fateOf.set(key, change);
  const mapping: Record<string, OldArticleFate> = {};
  for (const article of oldDraft.articles) {
    const change = fateOf.get(article.key);
    if (change === undefined) continue;
    mapping[article.key] = { new: [...change.new], kind: change.kind, similarity: change.similarity, renumbered: change.renumbered, textChanged: change.textChanged };
  }
  const counts: Record<string, number> = {};
  for (const change of alignment.changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return {
    old: { title: oldDraft.title, file: oldDraft.file, articles: oldDraft.articles.length },
    new: { title: newDraft.title, file: newDraft.file, articles: newDraft.articles.length },
    counts,
    mapping,
    added: alignment.changes.filter((c) => c.kind === 'added').flatMap((c) => c.new),
    changes: alignment.changes,
  };
}
