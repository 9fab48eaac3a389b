/**
 * Assigns each opinion to the articles (条) of the draft it concerns: the 条款 column first, then
 * citations in the opinion's text, then general-opinion wording, then similarity to the draft.
 */
import type { ArticleAssignment, ArticleKey, Draft } from '../model.js';
import { GENERAL, UNASSIGNED } from '../article-key.js';
import { createCaptionLookup, createDivisionTitleLookup, createDraftKeyCheck, createItemResolver, createQuoteLookup, createSelfNameCheck, hyphenRange } from './draft-keys.js';
import {
  createArticleMatcher,
  similarityAssignment,
  type ArticleMatcher,
  type RankedArticle,
  type SimilarityMatch,
} from './similarity.js';
import { findArticleRefs, parseArticleCell } from '../text/article-ref.js';
import { CANDIDATE_DEFAULTS, selectCandidates } from './candidates.js';
import { judgesSanction, PAIR_DEPTH, penaltyLinks, resolveDutyAndPenalty } from './structure.js';

/**
 * Defaults of the assigner's settings, for the option schemas at the edge (the core takes them resolved).
 * Chosen on the three tuning batches of fixtures/eval (`node bench/eval.mjs --part tuning --grid`): 0.22 /
 * 0.1 placed 46 % of the uncited opinions right and 2.1 % wrong; 0.21 already placed 3.8 % wrongly and
 * 0.2 4.7 %, more than a drafter can live with, while 0.25 gave up 6 points for 0.4 fewer wrong. A
 * confidence relative to the runner-up, to the spread of the opinion's scores over the draft, or to the
 * agreement of the word, bigram and nearest-opinion rankings ranked the guesses no better than this
 * similarity (session 16, measured on the same grid), so the threshold stays on the similarity itself.
 * Session 17 measured the most uncited opinions placed right at ≤ 3 % wrong by any threshold on each
 * confidence (tuning part; this similarity, no margin: top-1 73.1 %, 50.4 % right): a softmax over the
 * draft's scores (T 0.01–0.1) 39.7–47.4 %, score × softmax 46.6–50.0 %, √(score × lead) 48.3 %, a logistic
 * calibrator of score, lead, profile and nearest parts, agreement and length fitted on two tuning batches
 * and tried on the third 44.9–45.7 %, per-batch thresholds read off the citing opinions scored without
 * themselves (leave-one-out) 32.9–41.9 %, and the probability of a per-batch logistic regression
 * 50.0–51.7 % (at most three opinions of 234 more, from a ranking 2–6 points worse: see similarity.ts).
 * None is worth its cost; the ranking (`bench/eval.mjs --ranking`) is what limits the figures.
 * Session 18: with a duty and its penalty resolved (structure.ts) and the nearest learned opinion scaled by
 * how many opinions its article learned (similarity.ts), the scores are lower; chosen again on the same
 * grid: 0.15 / 0.1 places 54.7 % right and 2.6 % wrong (0.14 3.4 %, 0.13 3.8 %; 0.16 52.1 / 1.7 %). Scores
 * relative to the batch's median best score placed 46.1 % at ≤ 3 % wrong, below the absolute threshold.
 * Session 20: with the runner-up taken outside a duty–penalty pair, the lead in similarity itself (best −
 * runner-up) tells a guess from a coin toss better than the score: a third of 0.12 ahead is a couple of
 * shared words, while a lead of 0.05 is rarely wrong at any score. On the same grid (`--grid --lead`)
 * lead 0.05 with threshold 0.1 places 56.8 % right and 1.3 % wrong (0.15 without a lead: 55.1 / 2.6 %;
 * lead 0.045: 57.7 / 3.0 %; 0.055: 55.1 / 1.3 %; the threshold matters little at 0.05–0.12 once a lead is
 * required). Not kept: learning the guesses into the profiles and guessing again (self-training, one or
 * two rounds, weight 0.5 or 1): guesses ≥ 0.2–0.3 without a lead gave 55.6 / 3.0 % at best; guesses leading
 * by ≥ 0.06–0.12, with the final lead 0.05–0.07, gave 52.1–61.1 % right but 2.6–5.6 % wrong, never as
 * few wrong for as many right as the lead alone; a lower threshold (0.08–0.12) where the profile alone and
 * the nearest learned opinion alone agree on the best article placed no more at the same share wrong than
 * the threshold itself; opinion words no profile knows counted at 0.5 or 0.75 of their IDF in the opinion's
 * length (higher scores for long letters) 55.6 / 2.6 % and 56.4 / 1.3 % at best; chapter titles counted
 * twice or three times in an article's text changed no top-1 (titles add the same words to a chapter);
 * similarity.ts's NEAREST_SHARE 0.4–0.6 × NEAREST_HALF 1–4 and profiles.ts's LEARNED_MAX 2–6, tried again
 * under the lead (0.045–0.055), gave at most a point more right for twice the wrong (57.7 / 2.6 %).
 * Session 22: the tuning figures flatter the method (synonyms.txt was grown on them), so every setting was
 * also measured with the tuning domains' sections of synonyms.txt removed and with no synonyms at all
 * (`bench/eval-ablated.mjs domain|none`, stand-ins for a draft nobody curated words for: top-1 69.0 / 69.5 %
 * against 79.0 %) and chosen leaving one tuning batch out. What tells a wrong guess is whether the chosen
 * article's own text holds a word of the opinion that few articles hold (an anchor, similarity.ts): among
 * guesses leading by ≥ 0.02, 4 % with one were wrong and 45 % without (domain 7 / 35 %), while the word and
 * bigram spaces agreeing on the best article told little (14 / 20 % wrong with / without). So the lead asked
 * is 0.03 of an anchored article and 0.07 of one without: 60.3 / 1.3 % placed right / wrong (domain 47.9 /
 * 0.9 %, none 46.6 / 1.7 %) against 56.8 / 1.3 % (47.0 / 2.6 %, 47.0 / 3.0 %); each fold chose anchor share
 * 0.05, lead 0.03 and unanchored lead 0.07 (0.06 once) and gained on the batch left out. 0.05 / 0.07 (a larger
 * lead only) placed 4–5 fewer right; 0.025 / 0.07 placed 1–3 more with no more wrong but 0.02 adds wrong ones,
 * so 0.03 keeps a margin; threshold 0.08 placed 62.4 / 1.7 % (one more wrong in each condition). The held-out
 * parts, read once afterwards: 19 → 16 wrong and 142 → 137 right of their 344 uncited opinions
 * (bench/RESULTS.md): the drop in wrong carried over, the gain in right did not. Not kept: anchored articles
 * boosted in the ranking (+0.01–0.08 or × 1.1–1.8: top-1 151–156 of 200 against 158) or swapped in for an
 * unanchored best within 5–30 % (152–156); an anchor word required to be absent from the runner-up's text (2
 * fewer right, no fewer wrong); a lead of 0.05–0.06 where a rare word of the opinion is only in the article's
 * citing opinions (0.05: +12 right, +8 wrong over the three conditions); IDF^1.5 and IDF^2 (top-1 78.0 / 75.5
 * %, placed 56.0 / 1.7 and 53.8 / 3.0 %); 28 general colloquial → statutory synonym groups (不准 → 禁止, 赔钱 →
 * 赔偿, 老人 → 老年人 …: top-1 79.0 → 78.0 %, domain 69.0 → 68.5 %); a rule on 总则 / purpose articles (no
 * tuning guess but one right one went to a draft's first three articles).
 * Session 23: on unseen drafts the wrong guesses went mostly to a neighbour of the right article (1253 → 1254), so a
 * runner-up that is a structural neighbour was tried as a sign of a coin toss. The tuning part does not show it: of
 * its 113 / 83 / 82 guesses (shipped / domain / none) 3 / 2 / 4 are wrong, none with a runner-up within three
 * articles and none next to its right article (98 → 9, 27 → 32, 715 → 711; none: 65 → 76, 24 → 55), while 45 / 29 /
 * 25 right ones have such a runner-up; among the best articles leading by 0.03–0.07 (placed or not) a runner-up
 * within two articles was wrong 5 times in 18, a farther one 10 in 35 (shipped). A lead 0.01–0.08 larger when the
 * runner-up is within one, two or three articles, or in the same 节 or next to it, placed 1–21 fewer right and no
 * fewer wrong in every condition; within the same 章 2–30 fewer right for at most one wrong fewer; each left-out fold
 * chose no extra lead. Filing such a guess under the 节 / 章 both share would have moved only right guesses (the 租赁
 * draft is one chapter). Nor did the best and runner-up articles' likeness (the runner-up's score on the best
 * article's own text, as a share of the best's) tell wrong guesses (0–0.37) from right ones: a lead 0.02–0.04 larger
 * from 0.5 placed 1–2 fewer right, no fewer wrong (bench/RESULTS.md, session 23, engineer A). Nothing kept.
 */
export const ASSIGN_DEFAULTS = {
  /** Minimum similarity, 0..1, for an assignment by similarity. */
  threshold: 0.1,
  /** Minimum lead of the best article over the runner-up, as a share of the best score. */
  minMargin: 0.1,
  /** Minimum lead of the best article over the runner-up, in similarity (0..1), when the article is anchored. */
  minLead: 0.03,
  /** The same when the article's own text holds no anchor word of the opinion (similarity.ts, ANCHOR_SHARE). */
  minLeadUnanchored: 0.07,
} as const;

/**
 * The least lead when the best article's own text shares no word with the opinion but everyday ones (everyday.ts,
 * SimilarityMatch.grounded): the match rests on the words of the letters that cite it (老人, 孩子, 小区 mentioned in
 * passing). Not a user option, like the anchor share (similarity.ts). Session 26 (bench/RESULTS.md): on all eval
 * parts 0.08 / 0.1 / 0.12 / 0.15 placed 360 / 360 / 360 / 358 of 885 uncited opinions right and 36 / 34 / 32 / 32
 * wrong (0: 361 / 39), no part losing more than two right.
 */
export const MIN_LEAD_UNGROUNDED = 0.12;

/**
 * Below this lead a guess must not rest on one word: leaving any one word of the opinion out must keep more than
 * 1 − ONE_WORD_SHARE of the article's score. One shared word (居委会, 物业 named in passing, a topic word in a list of
 * topics) is an incidental mention as often as the opinion's subject, and a small lead says nothing else is shared.
 * Session 26 (bench/RESULTS.md): with MIN_LEAD_UNGROUNDED, share 0.8 at lead 0.08 placed 355 right and 26 wrong of
 * 885 (none: 360 / 32; 0.75: 352 / 25; 0.85: 359 / 28; lead 0.06: 356 / 30, 0.1: 350 / 26). Not user options.
 */
export const ONE_WORD_LEAD = 0.08;
export const ONE_WORD_SHARE = 0.8;

/**
 * Whether one word of the opinion carries more than `share` of the article's score: the opinion without it (each
 * distinct word left out in turn, one scoring each) keeps less than the rest.
 */
export function restsOnOneWord(matcher: ArticleMatcher, opinionTerms: readonly string[], key: ArticleKey, share: number): boolean {
  // The article's own score (a duty chosen over its penalty carries the pair's best score in the ranking).
  const floor = (1 - share) * matcher.scoreOf(opinionTerms, key);
  for (const term of new Set(opinionTerms)) {
    if (matcher.scoreOf(opinionTerms.filter((t) => t !== term), key) < floor) return true;
  }
  return false;
}

/** ASSIGN_DEFAULTS.threshold, under the name earlier callers import. */
export const DEFAULT_ASSIGN_THRESHOLD: number = ASSIGN_DEFAULTS.threshold;
/** ASSIGN_DEFAULTS.minMargin, under the name earlier callers import. */
export const DEFAULT_ASSIGN_MARGIN: number = ASSIGN_DEFAULTS.minMargin;

/** An opinion whose article a person (or an earlier run's correction) has settled. */
export interface LabelledExample {
  opinion: string;
  key: ArticleKey;
}

/** Resolved options of the assigner (the edge fills them from ASSIGN_DEFAULTS, flags and config). */
export interface AssignOptions {
  /** Minimum similarity, 0..1, for an assignment by similarity. */
  threshold: number;
  /** Minimum lead of the best article over the second best, as a share of the best score. */
  minMargin: number;
  /**
   * Minimum lead of the best article over the second best, in similarity itself: a lead that is a fair
   * share of a small score is still a few shared words.
   */
  minLead: number;
  /**
   * Minimum lead when the best article's own text holds no word of the opinion that few articles hold
   * (SimilarityMatch.anchored): a match on words every article has, or on the citing letters' wording alone,
   * is wrong far more often.
   */
  minLeadUnanchored: number;
  /**
   * Opinions with a known article (corrections made in the 登记表): their words enrich the article's
   * profile before anything is assigned by similarity, as the opinions that cite do.
   */
  examples: readonly LabelledExample[];
}

/** What the assigner reads of a record. */
export interface AssignInput {
  /** The 条款 cell as written, or null. */
  article: string | null;
  opinion: string;
  /**
   * The 修改建议 cell, or null: 建议将第十九条第二款修改为…… names the article when the 条款 cell is empty, and the
   * wording it proposes is the article's own.
   */
  suggestion?: string | null | undefined;
  /** Where it was read; `part` is set on each opinion of a cell split into several (ingest/split.ts). */
  source?: { readonly part?: number | undefined } | undefined;
}

/** An opinion's terms, computed only when asked (a cited opinion on no draft never needs them). */
export type TermsOf = () => readonly string[];

/**
 * Assigns opinions to articles of one draft (or none). A batch is assigned in two passes (assignBatch):
 * `cited` for every opinion, `learn` from those that name their article, then `guess` for the rest, so an
 * uncited opinion early in the batch profits from citing opinions that come after it. Terms are handed
 * in with each call; the assigner segments only the draft, the examples and, when no terms are given, the
 * opinion itself.
 */
export interface Assigner {
  /** Cited, else a guess from what was learned so far. Never empty: at least `unassigned` with source `none`. */
  assign(input: AssignInput, terms?: TermsOf): ArticleAssignment[];
  /** The 条款 column, a citation in the text or general-opinion wording; [] when there is none. */
  cited(input: AssignInput): ArticleAssignment[];
  /** Adds an opinion to the profiles of the articles it was explicitly assigned to. */
  learn(input: AssignInput, found: readonly ArticleAssignment[], terms?: TermsOf): void;
  /**
   * An assignment by similarity, or `unassigned` when the best article does not lead clearly; that one
   * carries the likely articles (`candidates`, see candidates.ts) when any article shares a term.
   */
  guess(input: AssignInput, terms?: TermsOf): ArticleAssignment[];
  /**
   * The `limit` articles most similar to the opinion, best first, whatever the threshold: what `guess`
   * chose among ([] without a draft). For measuring the ranking itself (bench/eval.mjs --ranking).
   */
  candidates(input: AssignInput, limit: number, terms?: TermsOf): RankedArticle[];
}

/**
 * Wording that marks an opinion on the draft as a whole (总体意见). Kept small and precise:
 * a word like 整体 alone also means "the whole of a building" in opinions on property rules.
 */
export const GENERAL_PHRASES: readonly string[] = [
  '总体意见',
  '整体意见',
  '总体上',
  '整体上',
  '通篇',
  '总的来看',
  '总体来看',
  '整体来看',
  '总的来说',
  '整部条例',
  '整个条例',
  '整部草案',
  '整个草案',
  '草案全文',
  '条例全文',
];

/**
 * A similarity guess names the article that came second when it scored at least this share of the guess: a real
 * competitor, not the best of the rest. Set by judgment (a display, not a decision), then described on every eval
 * batch (session 22, guesses by similarity): at 0.6, 43 of 257 guesses name a second, 10 of them wrong guesses, 6
 * of which name the right article; at 0.75 only 7 (1 wrong); at 0.5 82 (14 wrong, 6 with the right second). The
 * assignment itself is unchanged by it.
 */
const RUNNER_UP_SHOWN = 0.6;

/** What may stand before the citation a split part opens with: nothing, a bracket, 关于 / 对 / 针对. */
const OPENING = /^[\s（(“"]*(?:关于|对于|对|针对)?$/u;

/** Distinct 条款 cells remembered; beyond this (free text in the column) cells are parsed every time. */
const COLUMN_CACHE_MAX = 50_000;

const NO_MATCH: SimilarityMatch = { key: null, score: 0, runnerUp: 0, anchored: false };

/**
 * The 修改建议 cell when it says something the opinion does not: null when empty, or when the reader took the
 * opinion from it (an empty 意见 cell) or the opinion already holds it.
 */
export function extraSuggestion(input: AssignInput): string | null {
  const suggestion = input.suggestion?.trim() ?? '';
  if (suggestion === '' || input.opinion.includes(suggestion)) return null;
  return suggestion;
}

/** Keys in order of first appearance, without repeats. */
export function firstOfEach<T extends { key: ArticleKey }>(assignments: T[]): T[] {
  const seen = new Set<string>();
  return assignments.filter((a) => {
    if (seen.has(a.key)) return false;
    seen.add(a.key);
    return true;
  });
}

/** The 《name》 written right before a citation, if any (《动物防疫法》第三十条). */
function bracketedNameBefore(text: string, start: number): string | null {
  const match = /《([^《》]{1,60})》\s*$/.exec(text.slice(Math.max(0, start - 64), start));
  return match?.[1] ?? null;
}

/**
 * The words right before a citation when they end in the name of a kind of law, written without 《》 (参照上位法,
 * 依照道路交通安全法, 建议本条例, 根据民法典): the run of Chinese characters up to the citation, or null.
 */
function plainLawBefore(text: string, start: number): string | null {
  const match = /[\p{Script=Han}]{1,16}$/u.exec(text.slice(Math.max(0, start - 16), start));
  return match !== null && /(?:法典|法|条例|办法|规定|规范|标准|细则)$/u.test(match[0]) ? match[0] : null;
}

/**
 * Whether a run ending in a law's name names the draft: some ending of it of two characters or more does (本条例, 条例,
 * 民法典 for a code's excerpt); 参照上位法 and 依照道路交通安全法 do not, nor does 安全法 in a code whose title holds 法.
 */
function namesSelf(run: string, isSelf: (name: string) => boolean): boolean {
  const chars = [...run];
  for (let from = chars.length - 2; from >= 0; from--) if (isSelf(chars.slice(from).join(''))) return true;
  return false;
}

/**
 * Creates an assigner; the draft's articles (and the examples) are segmented once, here, with `segment`,
 * which also serves opinions handed in without their terms.
 */
export function createAssigner(
  draft: Draft | null,
  segment: (text: string) => string[],
  options: AssignOptions,
): Assigner {
  const inDraft = createDraftKeyCheck(draft);
  const isSelf = createSelfNameCheck(draft);
  const divisionTitled = createDivisionTitleLookup(draft);
  const captioned = createCaptionLookup(draft);
  const itemOf = createItemResolver(draft);
  const quoted = createQuoteLookup(draft);
  const matcher: ArticleMatcher | null =
    draft === null || draft.articles.length === 0 ? null : createArticleMatcher(draft, segment);
  const { threshold, minMargin, minLead, minLeadUnanchored } = options;

  const punishes = draft === null ? new Map<ArticleKey, ArticleKey[]>() : penaltyLinks(draft);
  /** The ranking with a duty and its penalty resolved by what the opinion is about (structure.ts). */
  const ranking = (input: AssignInput, terms: TermsOf | undefined, limit: number): { ranked: RankedArticle[]; runnerUp: number; opinionTerms: readonly string[] } => {
    const opinionTerms = termsOf(input, terms);
    const resolved = resolveDutyAndPenalty(matcher!.rankTerms(opinionTerms, Math.max(limit, PAIR_DEPTH)), punishes, judgesSanction(input.opinion));
    return { ranked: resolved.ranked.slice(0, limit), runnerUp: resolved.runnerUp, opinionTerms };
  };

  const explicit = (written: ArticleKey, source: 'column' | 'text', cited: string): ArticleAssignment => {
    // 第四十三条第（二）项: the item of the article's one list, which the citation alone cannot place in a 款.
    const key = itemOf(written, cited) ?? written;
    return { key, source: key === 'general' ? 'general' : source, confidence: 1, cited, notInDraft: draft !== null && !inDraft(key) };
  };

  // A batch holds a few thousand distinct 条款 cells at most (第十二条, 12条 …): each is parsed once.
  const columnCache = new Map<string, readonly ArticleAssignment[]>();
  const fromColumn = (cell: string | null): ArticleAssignment[] => {
    if (cell === null || cell.trim() === '') return [];
    let found = columnCache.get(cell);
    if (found === undefined) {
      const parsed = parseArticleCell(cell);
      // 总则, 附则, 法律责任: a chapter named by its title, not its number; 佩戴头盔: an article by its caption.
      // 禁止下列违规充电行为：…… pasted from the draft: the article whose words the cell quotes.
      const titled = parsed.keys.length === 0 ? (divisionTitled(cell) ?? captioned(cell) ?? quoted(cell)) : null;
      // 19-20 where the draft has no 第十九条之二十 but has 第十九条 and 第二十条: the two articles.
      const range = parsed.keys.length === 1 ? hyphenRange(cell, parsed.keys[0]!, inDraft) : null;
      const keys = titled !== null ? [titled] : (range ?? parsed.keys);
      found = firstOfEach(keys.map((key) => explicit(key, 'column', cell.trim())));
      if (columnCache.size < COLUMN_CACHE_MAX) columnCache.set(cell, found);
    }
    return found.map((a) => ({ ...a }));
  };

  const fromText = (opinion: string): ArticleAssignment[] =>
    firstOfEach(
      findArticleRefs(opinion)
        // 《民法典》第十条 and 参照上位法第十九条 cite another law, not the draft.
        .filter((citation) => {
          const name = bracketedNameBefore(opinion, citation.start);
          if (name !== null) return isSelf(name);
          const plain = plainLawBefore(opinion, citation.start);
          return plain === null || namesSelf(plain, isSelf);
        })
        .flatMap((citation) => citation.keys.map((key) => explicit(key, 'text', citation.text))),
    );

  const fromGeneralWording = (opinion: string): ArticleAssignment[] => {
    const phrase = GENERAL_PHRASES.find((p) => opinion.includes(p));
    if (phrase === undefined) return [];
    return [{ key: GENERAL, source: 'general', confidence: 1, cited: phrase, notInDraft: false }];
  };

  /**
   * The article a numbered part opens with (2、第四十三条罚款太低 → 第四十三条; also 关于第四十三条，…), when that
   * citation is of this draft; [] otherwise.
   */
  const openingCitation = (opinion: string): ArticleAssignment[] => {
    const first = findArticleRefs(opinion)[0];
    if (first === undefined || !OPENING.test(opinion.slice(0, first.start))) return [];
    const name = bracketedNameBefore(opinion, first.start);
    if (name !== null && !isSelf(name)) return [];
    const found = firstOfEach(first.keys.map((key) => explicit(key, 'text', first.text)));
    return found.length > 0 && found.every((a) => !a.notInDraft) ? found : [];
  };

  const cited = (input: AssignInput): ArticleAssignment[] => {
    // A cell split into numbered opinions shares the row's 条款 cell, written for all of them (第十条、第十二条):
    // a part that opens by naming its own article (2、第十二条……) is about that one.
    if (input.source?.part !== undefined) {
      const opening = openingCitation(input.opinion);
      if (opening.length > 0) return opening;
    }
    const suggestion = extraSuggestion(input);
    for (const step of [
      () => fromColumn(input.article),
      () => fromText(input.opinion),
      () => (suggestion === null ? [] : fromText(suggestion)),
      () => fromGeneralWording(input.opinion),
    ]) {
      const found = step();
      if (found.length > 0) return found;
    }
    return [];
  };
  const termsOf = (input: AssignInput, terms: TermsOf | undefined): readonly string[] => {
    const own = terms === undefined ? segment(input.opinion) : terms();
    const suggestion = extraSuggestion(input);
    return suggestion === null ? own : [...own, ...segment(suggestion)];
  };
  const guess = (input: AssignInput, terms?: TermsOf): ArticleAssignment[] => {
    if (matcher === null) return [similarityAssignment(NO_MATCH, threshold, minMargin, minLead, minLeadUnanchored, MIN_LEAD_UNGROUNDED)];
    // One scoring pass serves both the assignment and, when it abstains, the suggestions; one article more
    // than shown, so the runner-up outside a duty–penalty pair is known.
    const { ranked, runnerUp, opinionTerms } = ranking(input, terms, CANDIDATE_DEFAULTS.limit + 1);
    const [best] = ranked;
    const found: SimilarityMatch =
      best === undefined
        ? NO_MATCH
        : { key: best.key, score: best.score, runnerUp, anchored: matcher.anchors(opinionTerms, best.key), grounded: matcher.grounds(opinionTerms, best.key) };
    let assignment = similarityAssignment(found, threshold, minMargin, minLead, minLeadUnanchored, MIN_LEAD_UNGROUNDED);
    if (assignment.source !== 'none' && best!.score - runnerUp < ONE_WORD_LEAD && restsOnOneWord(matcher, opinionTerms, best!.key, ONE_WORD_SHARE)) {
      assignment = { ...assignment, key: UNASSIGNED, source: 'none' };
    }
    if (assignment.source !== 'none') {
      // The runner-up (outside a duty–penalty pair: the one whose score `runnerUp` is), when it came close.
      const second = ranked.slice(1).find((r) => Math.abs(r.score - runnerUp) < 1e-9);
      return [second === undefined || second.score < RUNNER_UP_SHOWN * best!.score
        ? assignment
        : { ...assignment, runnerUp: { key: second.key, score: Math.round(second.score * 1e4) / 1e4 } }];
    }
    const candidates = selectCandidates(ranked);
    return [candidates.length === 0 ? assignment : { ...assignment, candidates }];
  };
  const learn = (input: AssignInput, found: readonly ArticleAssignment[], terms?: TermsOf): void => {
    if (matcher === null) return;
    // Only what the writer or a person said: guesses would teach the profiles their own mistakes.
    const keys = found.filter((a) => a.source !== 'similarity' && a.source !== 'none' && !a.notInDraft).map((a) => a.key);
    if (keys.length === 0) return;
    const opinionTerms = termsOf(input, terms);
    // An opinion on two articles teaches each half as much.
    for (const key of keys) matcher.learn(key, opinionTerms, 1 / keys.length, input.opinion);
  };
  for (const example of options.examples) {
    learn({ article: null, opinion: example.opinion }, [{ key: example.key, source: 'column', confidence: 1, cited: null, notInDraft: false }]);
  }

  return {
    assign(input, terms) {
      const found = cited(input);
      return found.length > 0 ? found : guess(input, terms);
    },
    cited,
    learn,
    guess,
    candidates: (input, limit, terms) => (matcher === null ? [] : ranking(input, terms, limit).ranked),
  };
}
