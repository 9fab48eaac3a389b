/**
 * The 可能涉及条文 cell of the 登记表 read back. The tool writes its guess there (candidatesCell in
 * src/report/candidates.ts: `第十二条(0.18)` and `第十三条(0.15)` a line each; `第十二条（0.18）；…` before) and never takes it for a correction; a
 * person who types the article they mean into it instead of 更正条款 must be told, or the edit is silently lost.
 *
 * What counts as the tool's own text (no notice), after the reader's trim and formula-guard removal:
 * - a blank cell;
 * - one to three parts `<label>(<score>)` or `<label>（<score>）` joined by line breaks, `；` or spaces, where <label> is what articleLabel writes for a
 *   numbered article (第十二条, 第十二条之一, with 第二款 / 第（三）项 if ever suggested) in Chinese numerals
 *   spelled exactly as the tool spells them, or 总体意见 / 草案名称, and <score> is two decimals 0.00–1.00;
 *   no label twice;
 * - the same with some parts deleted: the separators and spaces a deletion leaves (`第十二条（0.18）；`,
 *   `；；`, a `;` or a space) do not count. Deleting a wrong suggestion changes nothing, so it is not an edit.
 * Anything else is an edit: a bare 第十九条, 第19条, a score removed or changed to words, a note added, a fourth
 * part. Not checked (the sheet reader has no digest): whether the articles and scores are the ones the tool
 * wrote on that row, and their order; an article retyped in the tool's exact form with a score is not noticed.
 * The sheet reader (sheet.ts) also stays silent when the row's 更正条款 holds the same text: it is read from there.
 */
import { articleLabel } from '../article-key.js';
import { chineseToNumber } from '../numerals.js';

/** The most parts the tool writes in one cell (CANDIDATE_DEFAULTS.limit and the cluster cell's limit). */
const MOST_PARTS = 3;

/** Labels of the keys that name no article. */
const WORD_LABELS: ReadonlySet<string> = new Set([articleLabel('general'), articleLabel('title')]);

const NUMERAL = '([^条之款项（）第]+)';
const ARTICLE_LABEL = new RegExp(`^第${NUMERAL}条(?:之${NUMERAL})?(?:第${NUMERAL}款(?:第（${NUMERAL}）项)?)?$`, 'u');
// Half-width brackets since session 20 (第七十二条(0.18)); sheets written before have full-width ones.
const PART = /^(.+)(?:（(?:0\.\d\d|1\.00)）|\((?:0\.\d\d|1\.00)\))$/u;

/** True when `label` is exactly what articleLabel writes for some article key (or 总体意见 / 草案名称). */
export function isToolLabel(label: string): boolean {
  if (WORD_LABELS.has(label)) return true;
  const match = ARTICLE_LABEL.exec(label);
  if (match === null) return false;
  const numbers = match.slice(1).map((text) => (text === undefined ? null : chineseToNumber(text)));
  if (numbers.some((n, i) => match[i + 1] !== undefined && (n === null || !Number.isInteger(n)))) return false;
  const [article, sub, paragraph, item] = numbers;
  const key = `${article}${sub === null ? '' : `-${sub}`}${paragraph === null ? '' : `.${paragraph}`}${item === null ? '' : `.${item}`}`;
  // The round trip keeps out 第一十二条 and 第拾贰条: the tool spells every number one way.
  return articleLabel(key) === label;
}

/** True when a 可能涉及条文 cell holds nothing but (some of) the tool's own suggestion; false when a person wrote in it. */
export function isToolSuggestion(text: string): boolean {
  const parts = text.split(/[；;\s]+/u).filter((part) => part !== '');
  if (parts.length > MOST_PARTS) return false;
  const labels = new Set<string>();
  for (const part of parts) {
    const label = PART.exec(part)?.[1];
    if (label === undefined || !isToolLabel(label) || labels.has(label)) return false;
    labels.add(label);
  }
  return true;
}
