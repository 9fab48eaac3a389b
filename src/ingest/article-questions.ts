/**
 * An online form (问卷星, 腾讯问卷) or a county's own template that asks one question per article — 3、您对第十条
 * （登记上牌）有何意见？ | 4、您对第十九条（充电安全）有何意见？ | 6、其他意见和建议： — rather than a 条款 column beside
 * one 意见 column. Each answered cell of such a column is an opinion on the article its header names.
 */
import type { ColumnMapping } from '../model.js';
import type { ColumnPlan } from './columns.js';
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

/**
 * The sheet's article questions, with `plan` made to say so: each such column shows its article (ColumnMapping.question),
 * and the last question, when its words or content took it for the 意见 column (a form with no 其他意见 question), is
 * a question like the others rather than the opinion column. [] and `plan` untouched for any other sheet.
 */
export function askArticles(plan: ColumnPlan, headers: readonly string[]): ArticleQuestion[] {
  const questions = articleQuestions(headers, plan.columns);
  if (questions.length === 0) return questions;
  const opinionAt = plan.fieldColumns.get('opinion');
  const opinionAsks = opinionAt === undefined ? null : articleOfQuestion(headers[opinionAt] ?? '');
  if (opinionAt !== undefined && opinionAsks !== null && plan.columns.find((c) => c.column === columnLetter(opinionAt))?.how !== 'forced') {
    const letter = columnLetter(opinionAt);
    questions.push({ column: opinionAt, article: opinionAsks });
    questions.sort((a, b) => a.column - b.column);
    plan.fieldColumns = new Map([...plan.fieldColumns].filter(([field]) => field !== 'opinion'));
    plan.columns = plan.columns.map((c) => (c.column === letter ? { ...c, field: null, how: 'none' } : c));
    plan.notices = plan.notices.filter((n) => !(n.code === 'W_OPINION_FROM_CONTENT' && n.column.column === letter));
  }
  const asked = new Map(questions.map((q) => [columnLetter(q.column), q.article]));
  plan.columns = plan.columns.map((c) => (asked.has(c.column) ? { ...c, question: asked.get(c.column)! } : c));
  return questions;
}
