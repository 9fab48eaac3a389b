/** Wires the text core into the functions the digest needs, computing each opinion's terms once. */
import type { Draft } from '../model.js';
import { createInterner } from '../intern.js';
import { comparisonKey } from '../text/normalize.js';
import { createAssigner, type AssignOptions } from '../assign/assign.js';
import type { Segmenter } from '../text/segment.js';
import type { DigestText } from './build.js';

/** The digest's text functions: the digest computes each opinion's terms once and hands them to the assigner. */
export function createDigestText(draft: Draft | null, segmenter: Segmenter, options: AssignOptions): DigestText {
  // jieba returns a fresh string for every token: at a million opinions the same few tens of thousands of
  // words stood in memory as some fifteen million copies. One copy of each is kept and shared.
  const vocabulary = createInterner(Number.POSITIVE_INFINITY);
  const intern = (terms: string[]): string[] => {
    for (let i = 0; i < terms.length; i++) terms[i] = vocabulary(terms[i]!);
    return terms;
  };
  const assigner = createAssigner(draft, (text) => segmenter.terms(text), options);
  return {
    comparisonKey,
    terms: (text) => intern(segmenter.terms(text)),
    tokens: (text) => segmenter.tokens(text),
    ...(segmenter.forms === undefined ? {} : { forms: segmenter.forms }),
    cited: (input) => assigner.cited(input),
    learn: (input, found, termsOfOpinion) => assigner.learn(input, found, termsOfOpinion),
    guess: (input, termsOfOpinion) => assigner.guess(input, termsOfOpinion),
  };
}
