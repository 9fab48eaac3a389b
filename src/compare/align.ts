/**
 * Aligns the articles of two rounds of a draft by their text, not their numbers: which old article became
 * which new one (unchanged, modified, renumbered, moved), which were added or deleted, split or merged.
 *
 * Never all pairs: candidate pairs come from an index of shared rare bigrams (and the articles at the same
 * relative place), the order-preserving alignment is a weighted longest increasing chain over those pairs
 * (O(P log P)), and moves are the strong pairs that chain had to leave out.
 */
import type { Draft, DraftArticle } from '../model.js';
import { normalizeText } from '../text/normalize.js';
import { pushTo } from '../collections.js';
import { diffTexts } from './diff.js';
import { bigramSet, dice, intersectionSize, unionOf } from './grams.js';
import type { ArticleChange, ChangeKind, DraftAlignment } from './model.js';

/** Thresholds of the alignment; the defaults were chosen on generated rounds of the fixtures' laws. */
export interface AlignOptions {
  /** Lowest similarity at which two articles are one article, reworded (1:1). */
  match: number;
  /** Share of a new (old) article's text found in an old (new) one for it to be a split (merge) piece. */
  piece: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { match: 0.45, piece: 0.6 };

/** Candidates kept per article from the index, and the window of same-place articles added to them. */
const TOP_CANDIDATES = 8;
const PLACE_WINDOW = 2;
/** A chain pair must be near the best pair of both its articles: order is preferred among near-equals only. */
const CHAIN_SLACK = 0.15;
/** A 1:1 pair below this similarity may give way to a split or merge piece that explains its article better… */
const WEAK_PAIR = 0.75;
/** …by this much more of the article's text. */
const PIECE_LEAD = 0.2;
/** Pieces shorter than this (in bigrams) are boilerplate often found inside longer articles. */
const MIN_PIECE_GRAMS = 6;

/** The text an article is compared and shown on: caption (in brackets) then its paragraphs. */
export function articleBody(article: DraftArticle): string {
  return `${article.caption === null ? '' : `（${article.caption}）`}${article.text}`;
}

interface Side {
  articles: readonly DraftArticle[];
  grams: Int32Array[];
  normal: string[];
}

function sideOf(draft: Draft): Side {
  const articles = draft.articles;
  return {
    articles,
    grams: articles.map((a) => bigramSet(a.text === '' ? (a.caption ?? '') : a.text)),
    normal: articles.map((a) => normalizeText(articleBody(a))),
  };
}

/** For each article of `from`, the indexes of `to` articles worth scoring against it. */
function candidatesFor(from: Side, to: Side): number[][] {
  const postings = new Map<number, number[]>();
  to.grams.forEach((grams, index) => {
    for (const code of grams) {
      pushTo(postings, code, index);
    }
  });
  // Bigrams in more than a few per cent of articles (应当, 规定, 人民) say little about which one it is.
  const common = Math.max(20, Math.ceil(to.articles.length * 0.05));
  const counts = new Int32Array(to.articles.length);
  const ratio = to.articles.length / Math.max(1, from.articles.length);
  return from.grams.map((grams, index) => {
    const lists = [...grams].map((code) => postings.get(code) ?? []).filter((list) => list.length > 0);
    lists.sort((a, b) => a.length - b.length);
    const touched: number[] = [];
    lists.forEach((list, rank) => {
      // The five rarest bigrams always count, so an article made only of common words still finds partners.
      if (list.length > common && rank >= 5) return;
      for (const target of list) {
        if (counts[target] === 0) touched.push(target);
        counts[target]! += 1;
      }
    });
    touched.sort((a, b) => counts[b]! - counts[a]! || a - b);
    const chosen = new Set(touched.slice(0, TOP_CANDIDATES));
    for (const target of touched) counts[target] = 0;
    const place = Math.round(index * ratio);
    for (let j = place - PLACE_WINDOW; j <= place + PLACE_WINDOW; j++) if (j >= 0 && j < to.articles.length) chosen.add(j);
    return [...chosen];
  });
}

interface Pair {
  old: number;
  new: number;
  score: number;
}

/** The scored candidate pairs, each pair once, in (old, new) order. */
function scoredPairs(before: Side, after: Side): Pair[] {
  const seen = new Set<number>();
  const pairs: Pair[] = [];
  const width = after.articles.length;
  const add = (o: number, n: number): void => {
    const id = o * width + n;
    if (seen.has(id)) return;
    seen.add(id);
    const score = before.normal[o] === after.normal[n] ? 1 : dice(before.grams[o]!, after.grams[n]!);
    if (score > 0) pairs.push({ old: o, new: n, score });
  };
  candidatesFor(before, after).forEach((list, o) => list.forEach((n) => add(o, n)));
  candidatesFor(after, before).forEach((list, n) => list.forEach((o) => add(o, n)));
  return pairs.sort((a, b) => a.old - b.old || a.new - b.new);
}

/**
 * The heaviest chain of pairs increasing in both old and new index (weighted longest increasing
 * subsequence, a Fenwick tree of prefix maxima over the new index).
 */
export function heaviestChain<P extends { old: number; new: number; score: number }>(pairs: readonly P[], newCount: number): P[] {
  const sorted = [...pairs].sort((a, b) => a.old - b.old || b.new - a.new);
  const treeBest = new Float64Array(newCount + 1);
  const treeAt = new Int32Array(newCount + 1).fill(-1);
  const total = new Float64Array(sorted.length);
  const back = new Int32Array(sorted.length).fill(-1);
  const query = (limit: number): number => {
    // Best chain ending at a new index < limit.
    let best = 0;
    let at = -1;
    for (let i = limit; i > 0; i -= i & -i) {
      if (treeBest[i]! > best) {
        best = treeBest[i]!;
        at = treeAt[i]!;
      }
    }
    return at;
  };
  const update = (position: number, value: number, at: number): void => {
    for (let i = position + 1; i <= newCount; i += i & -i) {
      if (value > treeBest[i]!) {
        treeBest[i] = value;
        treeAt[i] = at;
      }
    }
  };
  // Pairs of one old article come in decreasing new order, so none of them can extend another.
  sorted.forEach((pair, index) => {
    const previous = query(pair.new);
    total[index] = pair.score + (previous < 0 ? 0 : total[previous]!);
    back[index] = previous;
    update(pair.new, total[index]!, index);
  });
  let end = -1;
  for (let i = 0; i < sorted.length; i++) if (end < 0 || total[i]! > total[end]!) end = i;
  const chain: P[] = [];
  for (let at = end; at >= 0; at = back[at]!) chain.push(sorted[at]!);
  return chain.reverse();
}

/** Four decimals: a similarity in a table or a JSON file need not say more. */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Aligns two rounds of a draft. Deterministic: the same two drafts give the same alignment. */
export function alignDrafts(oldDraft: Draft, newDraft: Draft, options: AlignOptions): DraftAlignment {
  const before = sideOf(oldDraft);
  const after = sideOf(newDraft);
  const pairs = scoredPairs(before, after);
  const bestOld = new Float64Array(before.articles.length);
  const bestNew = new Float64Array(after.articles.length);
  for (const p of pairs) {
    bestOld[p.old] = Math.max(bestOld[p.old]!, p.score);
    bestNew[p.new] = Math.max(bestNew[p.new]!, p.score);
  }

  // 1. In order, among pairs close to the best either article has.
  const orderly = pairs.filter((p) => p.score >= options.match && p.score >= bestOld[p.old]! - CHAIN_SLACK && p.score >= bestNew[p.new]! - CHAIN_SLACK);
  const partnerOfOld = new Int32Array(before.articles.length).fill(-1);
  const partnerOfNew = new Int32Array(after.articles.length).fill(-1);
  const scoreOfOld = new Float64Array(before.articles.length);
  for (const p of heaviestChain(orderly, after.articles.length)) {
    partnerOfOld[p.old] = p.new;
    partnerOfNew[p.new] = p.old;
    scoreOfOld[p.old] = p.score;
  }
  // 2. The strong pairs left: articles that moved, best first.
  const rest = pairs.filter((p) => p.score >= options.match && partnerOfOld[p.old] === -1 && partnerOfNew[p.new] === -1);
  rest.sort((a, b) => b.score - a.score || a.old - b.old || a.new - b.new);
  for (const p of rest) {
    if (partnerOfOld[p.old] !== -1 || partnerOfNew[p.new] !== -1) continue;
    partnerOfOld[p.old] = p.new;
    partnerOfNew[p.new] = p.old;
    scoreOfOld[p.old] = p.score;
  }
  // Which 1:1 pairs keep their order: the rest moved.
  const oneToOne = [...partnerOfOld].flatMap((n, o) => (n < 0 ? [] : [{ old: o, new: n, score: 1 + scoreOfOld[o]! }]));
  const inOrder = new Set(heaviestChain(oneToOne, after.articles.length).map((p) => p.old));

  // 3. Split pieces (new articles mostly made of one old article's text) and merged ones (the other way).
  const splitInto = new Map<number, number[]>();
  const mergedFrom = new Map<number, number[]>();
  const candidatesOfNew = new Map<number, Pair[]>();
  const candidatesOfOld = new Map<number, Pair[]>();
  for (const p of pairs) {
    pushTo(candidatesOfNew, p.new, p);
    pushTo(candidatesOfOld, p.old, p);
  }
  // What of an article its 1:1 partner does not explain: the text a diff finds only in it. Compared by
  // sequence, not by bigram sets, because the halves of a split often repeat each other's words
  // (代理人不得以被代理人的名义…, twice), and a set test would call the second half explained.
  const unexplainedOld = new Map<number, Int32Array>();
  const unexplainedNew = new Map<number, Int32Array>();
  const unexplainedText = (whole: string, partner: string): Int32Array =>
    bigramSet(diffTexts(whole, partner).filter((p) => p.kind === 'delete').map((p) => p.text).join(''));
  const piece = (grams: Int32Array, whole: Int32Array, unexplained: () => Int32Array): number => {
    if (grams.length < MIN_PIECE_GRAMS) return 0;
    const contained = intersectionSize(grams, whole) / grams.length;
    if (contained < options.piece) return 0;
    return intersectionSize(grams, unexplained()) / grams.length >= options.piece ? contained : 0;
  };
  // A weak 1:1 pair gives way when its new article is plainly a piece of another old one: a deleted
  // 罚则 often resembles the half of a split 罚则 more than anything else does.
  const unlink = (o: number, n: number): void => {
    partnerOfOld[o] = -1;
    partnerOfNew[n] = -1;
  };
  for (let n = 0; n < after.articles.length; n++) {
    const current = partnerOfNew[n]!;
    if (current !== -1 && scoreOfOld[current]! >= WEAK_PAIR) continue;
    let best = -1;
    let bestShare = current === -1 ? 0 : scoreOfOld[current]! + PIECE_LEAD;
    for (const p of candidatesOfNew.get(n) ?? []) {
      if (p.old === current) continue;
      const partner = partnerOfOld[p.old]!;
      const share = piece(after.grams[n]!, before.grams[p.old]!, () => {
        if (partner < 0) return before.grams[p.old]!;
        let found = unexplainedOld.get(p.old);
        if (found === undefined) unexplainedOld.set(p.old, (found = unexplainedText(before.articles[p.old]!.text, after.articles[partner]!.text)));
        return found;
      });
      if (share > bestShare) {
        bestShare = share;
        best = p.old;
      }
    }
    if (best < 0) continue;
    if (current !== -1) unlink(current, n);
    pushTo(splitInto, best, n);
  }
  const splitPieces = new Set([...splitInto.values()].flat());
  for (let o = 0; o < before.articles.length; o++) {
    const current = partnerOfOld[o]!;
    if ((current !== -1 && scoreOfOld[o]! >= WEAK_PAIR) || splitInto.has(o)) continue;
    let best = -1;
    let bestShare = current === -1 ? 0 : scoreOfOld[o]! + PIECE_LEAD;
    for (const p of candidatesOfOld.get(o) ?? []) {
      if (splitPieces.has(p.new) || p.new === current) continue;
      const partner = partnerOfNew[p.new]!;
      const share = piece(before.grams[o]!, after.grams[p.new]!, () => {
        if (partner < 0) return after.grams[p.new]!;
        let found = unexplainedNew.get(p.new);
        if (found === undefined) unexplainedNew.set(p.new, (found = unexplainedText(after.articles[p.new]!.text, before.articles[partner]!.text)));
        return found;
      });
      if (share > bestShare) {
        bestShare = share;
        best = p.new;
      }
    }
    if (best < 0) continue;
    if (current !== -1) unlink(o, current);
    pushTo(mergedFrom, best, o);
  }

  const changes: ArticleChange[] = [];
  const keyOld = (o: number): string => before.articles[o]!.key;
  const keyNew = (n: number): string => after.articles[n]!.key;
  const change = (kind: ChangeKind, olds: number[], news: number[]): ArticleChange => {
    const oldGrams = unionOf(olds.map((o) => before.grams[o]!));
    const newGrams = unionOf(news.map((n) => after.grams[n]!));
    const same = olds.length === 1 && news.length === 1 && before.normal[olds[0]!] === after.normal[news[0]!];
    return {
      kind,
      old: olds.map(keyOld),
      new: news.map(keyNew),
      renumbered: olds.length > 0 && news.length > 0 && (olds.length !== news.length || olds.some((o, i) => keyOld(o) !== keyNew(news[i]!))),
      textChanged: !same,
      similarity: olds.length === 0 || news.length === 0 ? 0 : same ? 1 : round4(dice(oldGrams, newGrams)),
    };
  };
  const mergedOld = new Set([...mergedFrom.values()].flat());
  for (let o = 0; o < before.articles.length; o++) {
    const pieces = splitInto.get(o);
    const partner = partnerOfOld[o]!;
    if (pieces !== undefined) {
      changes.push(change('split', [o], [...(partner < 0 ? [] : [partner]), ...pieces].sort((a, b) => a - b)));
    } else if (partner >= 0 && mergedFrom.has(partner)) {
      changes.push(change('merged', [o, ...mergedFrom.get(partner)!].sort((a, b) => a - b), [partner]));
    } else if (partner >= 0) {
      const same = before.normal[o] === after.normal[partner];
      changes.push(change(!inOrder.has(o) ? 'moved' : same ? 'unchanged' : 'modified', [o], [partner]));
    } else if (!mergedOld.has(o)) {
      changes.push(change('deleted', [o], []));
    }
  }
  // A merge whose target had no 1:1 partner: every old part came in as a piece.
  for (const [n, olds] of mergedFrom) {
    if (partnerOfNew[n] === -1) changes.push(change('merged', [...olds].sort((a, b) => a - b), [n]));
  }
  const covered = new Set(changes.flatMap((c) => c.new));
  for (let n = 0; n < after.articles.length; n++) if (!covered.has(keyNew(n))) changes.push(change('added', [], [n]));
  return orderChanges(changes, oldDraft, newDraft);
}

/**
 * The 对照表's order: the new draft's order, each deleted article right after the row of the old
 * article before it, as drafting offices lay the table out.
 */
function orderChanges(changes: ArticleChange[], oldDraft: Draft, newDraft: Draft): DraftAlignment {
  const newIndex = new Map(newDraft.articles.map((a, i) => [a.key, i]));
  const oldIndex = new Map(oldDraft.articles.map((a, i) => [a.key, i]));
  const placed = changes.filter((c) => c.new.length > 0);
  placed.sort((a, b) => newIndex.get(a.new[0]!)! - newIndex.get(b.new[0]!)!);
  const rows: ArticleChange[] = [];
  const deleted = changes.filter((c) => c.new.length === 0).sort((a, b) => oldIndex.get(a.old[0]!)! - oldIndex.get(b.old[0]!)!);
  // Each deleted article follows the row holding the nearest earlier old article that kept its place.
  const rowOfOld = new Map<number, number>();
  placed.forEach((c, row) => {
    if (c.kind === 'moved') return;
    for (const key of c.old) rowOfOld.set(oldIndex.get(key)!, row);
  });
  const after = new Map<number, ArticleChange[]>();
  for (const d of deleted) {
    let row = -1;
    for (let o = oldIndex.get(d.old[0]!)! - 1; o >= 0; o--) {
      const found = rowOfOld.get(o);
      if (found !== undefined) {
        row = found;
        break;
      }
    }
    pushTo(after, row, d);
  }
  rows.push(...(after.get(-1) ?? []));
  placed.forEach((c, row) => rows.push(c, ...(after.get(row) ?? [])));
  const oldToNew: Record<string, string[]> = {};
  for (const article of oldDraft.articles) oldToNew[article.key] = [];
  for (const c of rows) for (const key of c.old) oldToNew[key] = [...c.new];
  return { changes: rows, oldToNew };
}
