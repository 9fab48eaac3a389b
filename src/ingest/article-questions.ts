/**
 * An online form (问卷星, 腾讯问卷) or a county's own template that asks one question per article — 3、您对第十条
 * （登记上牌）有何意见？ | 4、您对第十九条（充电安全）有何意见？ | 6、其他意见和建议： — rather than a 条款 column beside
 * one 意见 column. Each answered cell of such a column is an opinion on the article its header names.
 */
import type { ColumnMapping } from '../model.js';
import { findArticleRefs } from '../text/article-ref.js';
import { columnLetter } from './grid.js';

/** A column whose header asks for opinions on one article (or chapter, or a few articles): the citation as written. */
export interface ArticleQuestion {
  /** 0-based column. */
  column: number;
  /** The citation in the header (第十条, 第十九条第二款, 第三章), given to each answer as its 条款. */
  article: string;
}

/** The header asks for an opinion, a suggestion or a view (not 条款（如第十条）, 原文（第十条）). */
const ASKS = /意见|建议|看法|想法|有何|怎么看|评价|修改/u;

/** The article a header asks about, or null: one citation, and words that ask for an opinion. */
export function articleOfQuestion(header: string): string | null {
  if (!ASKS.test(header)) return null;
  const refs = findArticleRefs(header).filter((ref) => ref.keys.length > 0 && !ref.keys.some((key) => key === 'general'));
  return refs.length === 1 ? refs[0]!.text : null;
}

/**
 * The columns of a sheet that ask about an article, among those no field took (an 意见建议 or 条款 column stays
 * what it is). Empty unless at least one does.
 */
export function articleQuestions(headers: readonly string[], columns: readonly ColumnMapping[]): ArticleQuestion[] {
  const unmapped = new Set(columns.filter((c) => c.field === null).map((c) => c.column));
  const found: ArticleQuestion[] = [];
  headers.forEach((header, column) => {
    if (!unmapped.has(columnLetter(column))) return;
    const article = articleOfQuestion(header);
    if (article !== null) found.push({ column, article });
  });
  return found;
}
