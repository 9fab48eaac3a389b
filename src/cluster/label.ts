/**
 * A cluster's label: the clause of its most central opinion that carries most of the cluster's
 * weight, cut only between words when it is too long — a drafter reads "车位应该先保障本小区业主",
 * not a row of keywords, and never a broken word like 市住.
 */
import { normalizeText } from '../text/normalize.js';
import { maskPersonalData } from '../text/pii.js';

/** Longest label, in characters, before the ellipsis. */
export const LABEL_MAX_CHARS = 24;

/** Clause boundaries: sentence ends, commas, semicolons, colons, line breaks. */
const CLAUSE = /[。！？!?；;，,：:\n\r]+/u;
/** The cluster's words a clause is scored on. */
const SCORED_WORDS = 12;
/** A clause this short says too little alone ("第一", "对此"): it is skipped when a longer one exists. */
const CLAUSE_MIN_CHARS = 4;

/** Where each token starts and ends in `text` (tokens are substrings, in order, punctuation skipped). */
function tokenSpans(text: string, tokens: readonly string[]): { start: number; end: number; token: string }[] {
  const spans: { start: number; end: number; token: string }[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, cursor);
    if (at < 0) continue;
    spans.push({ start: at, end: at + token.length, token });
    cursor = at + token.length;
  }
  return spans;
}

/**
 * The label. `weights` are the cluster's heaviest words with their weights, heaviest first; `keywords` the fallback when
 * there is no text or no segmenter: then the label is its first keywords, joined by 、.
 */
export function clusterLabel(
  text: string | null,
  weights: readonly (readonly [word: string, weight: number])[],
  keywords: readonly string[],
  tokens: ((text: string) => string[]) | null,
): string {
  const fallback = keywords.slice(0, 3).join('、');
  if (text === null || tokens === null) return fallback;
  // Masked before it is cut: a phone or ID number cut in half by the length limit is no longer recognisable
  // as one, and the label is printed wherever the cluster is named.
  text = maskPersonalData(text);
  // The clause as the writer wrote it (full-width punctuation and all), unless normalising changes its
  // length: then word positions in the normalised text no longer fit the original, and the label is normalised.
  const clauses = text
    .split(CLAUSE)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => {
      const normalized = normalizeText(c);
      return normalized.length === c.length ? { shown: c, normalized } : { shown: normalized, normalized };
    });
  if (clauses.length === 0) return fallback;
  // Clauses are scored by the cluster's heaviest words they contain (a substring test: segmenting every
  // clause of every representative cost more than the clustering); only the chosen one is segmented.
  const heaviest = weights.slice(0, SCORED_WORDS);
  let best: { shown: string; normalized: string; score: number } | null = null;
  for (const clause of clauses) {
    let score = 0;
    for (const [word, weight] of heaviest) if (clause.normalized.includes(word)) score += weight;
    // Short clauses only win when nothing longer carries any weight.
    if ([...clause.shown].length < CLAUSE_MIN_CHARS) score *= 0.01;
    if (best === null || score > best.score) best = { ...clause, score };
  }
  if (best === null) return fallback;
  const { shown, normalized } = best;
  if ([...shown].length <= LABEL_MAX_CHARS) return shown;
  // Too long: the longest prefix ending at a word's end, so no word is cut in two.
  let end = 0;
  for (const span of tokenSpans(normalized, tokens(normalized))) {
    if ([...normalized.slice(0, span.end)].length > LABEL_MAX_CHARS) break;
    end = span.end;
  }
  return end === 0 ? fallback : `${shown.slice(0, end)}…`;
}
