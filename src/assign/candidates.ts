/**
 * The likely articles of an opinion the assigner could not place: when the best article does not lead
 * clearly, the person correcting the 登记表 still gets the few articles the opinion is most like, to check
 * and write in the correction column. A suggestion only: the opinion stays `unassigned`.
 */
import type { ArticleCandidate } from '../model.js';
import type { RankedArticle } from './similarity.js';

/**
 * Defaults of the suggestion, chosen on the tuning batches of fixtures/eval (`node bench/eval.mjs
 * --ranking --part tuning`, the 未归入 rows: gold among the suggestions against how many are shown).
 */
export const CANDIDATE_DEFAULTS = {
  /** At most this many articles are suggested: beyond three a drafter reads a list, not a suggestion. */
  limit: 3,
  /** An article is suggested only when its similarity is at least this share of the best article's. */
  share: 0.7,
} as const;

/** Four decimals, as the assignment's confidence is written in digest.json. */
const rounded = (score: number): number => Math.round(score * 1e4) / 1e4;

/**
 * The suggested articles from a ranking: at most `limit`, best first (equal scores in ranking order), each
 * scoring at least `share` × the best score; [] when nothing scores above 0. Pure and deterministic.
 */
export function selectCandidates(
  ranked: readonly RankedArticle[],
  share: number = CANDIDATE_DEFAULTS.share,
  limit: number = CANDIDATE_DEFAULTS.limit,
): ArticleCandidate[] {
  // Sorted here (stable), so the rule holds whatever order the ranking was handed in.
  const ordered = ranked
    .map((r, at) => ({ r, at }))
    .filter(({ r }) => r.score > 0 && Number.isFinite(r.score))
    .sort((a, b) => b.r.score - a.r.score || a.at - b.at)
    .map(({ r }) => r);
  const best = ordered[0]?.score ?? 0;
  if (!(best > 0)) return [];
  const seen = new Set<string>();
  const chosen: ArticleCandidate[] = [];
  for (const r of ordered) {
    if (chosen.length >= limit || r.score < share * best) break;
    if (seen.has(r.key)) continue;
    seen.add(r.key);
    chosen.push({ key: r.key, score: rounded(Math.min(1, r.score)) });
  }
  return chosen;
}
