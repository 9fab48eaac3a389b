/**
 * A whole batch assigned the way digest and inspect both do it: every explicit assignment first, each
 * teaching the article profiles its words, then the guesses for the rest, so that every uncited opinion
 * profits from every citing one, wherever it stands in the batch.
 */
import type { ArticleAssignment } from '../model.js';
import { UNASSIGNED } from '../article-key.js';
import type { AssignInput } from './assign.js';

/** The three steps of an assigner, with an opinion's terms handed in (the digest computes them once). */
export interface BatchAssigner {
  cited(input: AssignInput, terms: () => string[]): ArticleAssignment[];
  learn(input: AssignInput, found: readonly ArticleAssignment[], terms: () => string[]): void;
  guess(input: AssignInput, terms: () => string[]): ArticleAssignment[];
}

/** What assignBatch reads of the batch, by position. */
export interface BatchSource {
  readonly count: number;
  /** The opinion at `index`, or null when its article is already settled (a carried correction). */
  input(index: number): AssignInput | null;
  /** Its terms (the caller may cache them: clustering needs them too). */
  terms(index: number): string[];
}

/** Assignments by position; `undefined` where the source settled the article itself. */
export function assignBatch(
  assigner: BatchAssigner,
  source: BatchSource,
  onProgress: (done: number) => void = () => undefined,
): (ArticleAssignment[] | undefined)[] {
  const found: (ArticleAssignment[] | undefined)[] = new Array<ArticleAssignment[] | undefined>(source.count);
  const uncited: number[] = [];
  for (let index = 0; index < source.count; index++) {
    if (index % 5000 === 0) onProgress(index);
    const input = source.input(index);
    if (input === null) continue;
    const cited = assigner.cited(input, () => source.terms(index));
    if (cited.length === 0) {
      uncited.push(index);
      continue;
    }
    assigner.learn(input, cited, () => source.terms(index));
    found[index] = cited;
  }
  // The same text gets the same guess: exact copies of a letter are matched once (with their 修改建议, read too).
  const guessed = new Map<string, ArticleAssignment[]>();
  for (const index of uncited) {
    const input = source.input(index)!;
    const key = input.suggestion == null || input.suggestion === '' ? input.opinion : `${input.opinion}\u0000${input.suggestion}`;
    let guess = guessed.get(key);
    if (guess === undefined) {
      guess = assigner.guess(input, () => source.terms(index));
      if (guess.length === 0) guess = [{ key: UNASSIGNED, source: 'none', confidence: 0, cited: null, notInDraft: false }];
      guessed.set(key, guess);
    }
    found[index] = guess;
  }
  onProgress(source.count);
  return found;
}
