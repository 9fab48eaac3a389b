/** Wires the text core into the functions the digest needs, computing each opinion's terms once. */
import type { Draft } from '../model.js';
import { comparisonKey } from '../text/normalize.js';
import { createAssigner, type AssignOptions } from '../assign/assign.js';
import type { Segmenter } from '../text/segment.js';
import type { DigestText } from './build.js';

/** The digest's text functions: the digest computes each opinion's terms once and hands them to the assigner. */
export function createDigestText(draft: Draft | null, segmenter: Segmenter, options: AssignOptions): DigestText {
  // jieba returns a fresh string for every token, but the segmenter hands out the one string it kept for each
  // token it judged (text/segment.ts, judge), and terms segmented ahead come interned by segment-ahead.ts: a
  // pool here too was a second map look-up per term (0.2 s of the main thread at 100,000 opinions) for no copy saved.
  const assigner = createAssigner(draft, (text) => segmenter.terms(text), options);
  return {
    comparisonKey,
    terms: (text) => segmenter.terms(text),
    tokens: (text) => segmenter.tokens(text),
    ...(segmenter.forms === undefined ? {} : { forms: segmenter.forms }),
    cited: (input) => assigner.cited(input),
    learn: (input, found, termsOfOpinion) => assigner.learn(input, found, termsOfOpinion),
    guess: (input, termsOfOpinion) => assigner.guess(input, termsOfOpinion),
  };
}
