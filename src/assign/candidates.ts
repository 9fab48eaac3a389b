/**
 * The likely articles of an opinion the assigner could not place: when the best article does not lead
 * clearly, the person correcting the 登记表 still gets the few articles the opinion is most like, to check
 * and write in the correction column. A suggestion only: the opinion stays `unassigned`.
 */
import type { ArticleCandidate } from '../model.js';
import type { RankedArticle } from './similarity.js';

/** How the suggestions are chosen from a ranking. */
export interface CandidateOptions {
  /** At most this many articles. */
  limit: number;
  /** An article is suggested only when its similarity is at least this share of the best article's. */
  share: number;
  /** Nothing is suggested when even the best article scores below this. */
  floor: number;
}

/**
 * Defaults of the suggestion, chosen on the tuning batches of fixtures/eval (`node bench/eval.mjs
 * --ranking --part tuning`, its 未归入 tables; held-out parts only reported). Of the 119 uncited opinions
 * left 未归入 whose gold is an article, the gold is among the suggestions for 63.9 % with the best one
 * alone, 68.1 % at share 0.9 (1.25 shown), 73.1 % at 0.8 (1.53), 77.3 % at 0.7 (1.85), 80.7 % at 0.6
 * (2.21), 83.2 % with all three (3.00): below 0.7 each extra article shown finds fewer than 10 more gold
 * articles in 100. A floor of 0.05 on the best score loses one of those (76.5 %, 1.78 shown) and spares 6 of
 * the 18 general or off-topic opinions left 未归入 a suggestion that can only be wrong; 0.08 loses 6 points.
 */
export const CANDIDATE_DEFAULTS: Readonly<CandidateOptions> = {
  /** Beyond three a drafter reads a list, not a suggestion. */
  limit: 3,
  share: 0.7,
  floor: 0.05,
};

/** Four decimals, as the assignment's confidence is written in digest.json. */
const rounded = (score: number): number => Math.round(score * 1e4) / 1e4;

/**
 * The suggested articles from a ranking: at most `limit`, best first (equal scores in ranking order), each
 * scoring at least `share` × the best score; [] when the best scores below `floor` (or not above 0).
 * Pure and deterministic.
 */
export function selectCandidates(ranked: readonly RankedArticle[], options: Readonly<CandidateOptions> = CANDIDATE_DEFAULTS): ArticleCandidate[] {
  const { limit, share, floor } = options;
  // Sorted here (stable), so the rule holds whatever order the ranking was handed in.
  const ordered = ranked
    .map((r, at) => ({ r, at }))
    .filter(({ r }) => r.score > 0 && Number.isFinite(r.score))
    .sort((a, b) => b.r.score - a.r.score || a.at - b.at)
    .map(({ r }) => r);
  const best = ordered[0]?.score ?? 0;
  if (!(best > 0) || best < floor) return [];
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
