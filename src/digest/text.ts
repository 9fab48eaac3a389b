/** Wires the text core into the functions the digest needs, computing each opinion's terms once. */
import type { Draft } from '../model.js';
import { createInterner } from '../intern.js';
import { comparisonKey } from '../text/normalize.js';
import { createAssigner, type AssignOptions } from '../assign/assign.js';
import type { Segmenter } from '../text/segment.js';
import type { DigestText } from './build.js';

/**
 * The assigner asks for an opinion's terms while the digest also needs them for clustering: a
 * one-slot hand-over lets both use one segmentation of the text.
 */
export function createDigestText(draft: Draft | null, segmenter: Segmenter, options: AssignOptions): DigestText {
  // jieba returns a fresh string for every token: at a million opinions the same few tens of thousands of
  // words stood in memory as some fifteen million copies. One copy of each is kept and shared.
  const vocabulary = createInterner(Number.POSITIVE_INFINITY);
  const intern = (terms: string[]): string[] => {
    for (let i = 0; i < terms.length; i++) terms[i] = vocabulary(terms[i]!);
    return terms;
  };
  let pending: { text: string; terms: () => string[] } | null = null;
  const terms = (text: string): string[] => (pending !== null && pending.text === text ? pending.terms() : segmenter.terms(text));
  const assigner = createAssigner(draft, terms, options);
  const withTerms = <T>(opinion: string, termsOfOpinion: () => string[], run: () => T): T => {
    pending = { text: opinion, terms: termsOfOpinion };
    try {
      return run();
    } finally {
      pending = null;
    }
  };
  return {
    comparisonKey,
    terms: (text) => intern(segmenter.terms(text)),
    tokens: (text) => segmenter.tokens(text),
    cited: (input, termsOfOpinion) => withTerms(input.opinion, termsOfOpinion, () => assigner.cited(input)),
    learn: (input, found, termsOfOpinion) => withTerms(input.opinion, termsOfOpinion, () => assigner.learn(input, found)),
    guess: (input, termsOfOpinion) => withTerms(input.opinion, termsOfOpinion, () => assigner.guess(input)),
  };
}
