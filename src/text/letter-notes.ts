/**
 * How a letter to a contact point says how each opinion's article was found. The bureau's reports ask their
 * reader to check a guess (自动归入，请核对, format.ts); the point receiving the letter cannot check anything,
 * so it is told what was done and how sure it is, and which article of the earlier round its citation was.
 */
import { articleLabel, baseArticle, UNASSIGNED } from '../article-key.js';

/** A correction in the 登记表, as the point's letter says it. */
export const LETTER_CORRECTED_NOTE = '经核对归入本条';

/** What the letter needs of an assignment: how it was made, and the article cited in an earlier round. */
export interface LetterAssignmentEvidence {
  key: string;
  source: string;
  confidence: number;
  originalKey?: string | undefined;
  originalDeleted?: boolean | undefined;
}

/** 原第十二条: the article an earlier round's citation named (its 款 and 项 left out, as the letter's 条款 are). */
function wasLabel(originalKey: string): string {
  return `原${articleLabel(baseArticle(originalKey))}`;
}

/**
 * The note on one article of an opinion: 未注明条款，按内容归入本条（相似度 0.42） for a guess, 所提原第十二条在修改稿中
 * 已删除，按内容归入本条（…） when the earlier round's article is gone, 原第十二条 for a renumbered citation,
 * 经核对归入本条 for a correction made by the bureau (its reports say 已人工更正: to the point, what was done, not
 * the bureau's working word), '' for a citation of the current draft.
 */
export function letterAssignmentNote(articles: readonly LetterAssignmentEvidence[], key: string): string {
  const base = baseArticle(key);
  const found = articles.find((a) => a.key === key) ?? articles.find((a) => baseArticle(a.key) === base);
  if (found === undefined) return '';
  if (found.source === 'corrected') return LETTER_CORRECTED_NOTE;
  const was = found.originalKey === undefined ? '' : wasLabel(found.originalKey);
  if (found.source === 'similarity') {
    const why = found.originalDeleted === true && was !== '' ? `所提${was}在修改稿中已删除` : '未注明条款';
    return `${why}，按内容归入本条（相似度 ${found.confidence.toFixed(2)}）`;
  }
  return was !== '' && baseArticle(found.originalKey ?? '') !== base ? was : '';
}

/**
 * The note on all the articles of one opinion, for the letter's 条款: the renumbered citations together
 * (原第二十条、第二十一条), then each guess or correction; '' when it cited the current draft's articles.
 */
export function letterArticlesNote(articles: readonly LetterAssignmentEvidence[]): string {
  const placed = articles.filter((a) => a.key !== UNASSIGNED);
  const notes = [...new Set(placed.map((a) => letterAssignmentNote([a], a.key)).filter((n) => n !== ''))];
  const renumbered = notes.filter((n) => /^原第[^，（]*$/u.test(n));
  const others = notes.filter((n) => !renumbered.includes(n));
  const together = renumbered.length === 0 ? [] : [`原${renumbered.map((n) => n.slice(1)).join('、')}`];
  return [...together, ...others].join('；');
}

/**
 * An opinion left without an article because the article it cited was deleted from the current draft:
 * 所提原第十四条在修改稿中已删除; '' for any other.
 */
export function deletedCitationNote(articles: readonly LetterAssignmentEvidence[]): string {
  const gone = [...new Set(articles.filter((a) => a.key === UNASSIGNED && a.originalDeleted === true && a.originalKey !== undefined)
    .map((a) => articleLabel(baseArticle(a.originalKey ?? ''))))];
  return gone.length === 0 ? '' : `所提原${gone.join('、')}在修改稿中已删除`;
}
