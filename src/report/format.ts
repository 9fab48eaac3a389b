/** Formatting helpers shared by the view model and the templates: numerals, dates, percentages, labels. */
import type { Draft } from '../model.js';
import { numberToChinese } from '../text/numerals.js';

/** Chinese numerals for templates (十二, 一百零八); numbers the text module cannot write stay Arabic. */
export function chineseNumber(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 1e12 ? numberToChinese(value) : String(value);
}

/** 2024-05-01 → 2024年5月1日; anything that is not an ISO date is returned as written. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (match === null) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** part of whole as a percentage with one decimal: 12.5%; 0.0% when whole is 0. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0.0%';
  // Always one decimal: a column reading 14% above 12.8% looks like a mistake to a reader.
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

/** Where a row came from, for people: `file / sheet`, or just `file` when the sheet is only the file's own name (CSV). */
export function sourcePlace(file: string, sheet: string): string {
  const stem = file.replace(/\.[^./\\]+$/, '');
  return sheet === '' || sheet === file || sheet === stem ? file : `${file} / ${sheet}`;
}

/** The article a key belongs to: 7.2 → 7, 12-1.2.3 → 12-1; other keys unchanged. */
export function baseArticleKey(key: string): string {
  const match = /^(\d+(?:-\d+)?)(?:\.\d+)*$/.exec(key);
  return match?.[1] ?? key;
}

/** How people name a key: 第四条, 第十二条之一第二款, 第二章第一节, 总体意见 … (the draft's label when it has one). */
export function articleKeyLabel(key: string, draft: Draft | null): string {
  const article = draft?.articles.find((a) => a.key === key);
  if (article !== undefined) return article.label;
  const division = draft?.divisions.find((d) => d.key === key);
  if (division !== undefined) return division.label;
  if (key === 'general') return '总体意见';
  if (key === 'title') return '草案名称';
  if (key === 'unassigned') return '未归入条款';
  const cn = (digits: string | undefined): string => chineseNumber(Number(digits ?? '0'));
  const numbered = /^(\d+)(?:-(\d+))?(?:\.(\d+))?(?:\.(\d+))?$/.exec(key);
  if (numbered !== null) {
    const [, art, sub, para, item] = numbered;
    const articleKey = sub === undefined ? (art ?? '') : `${art}-${sub}`;
    const own = `第${cn(art)}条${sub === undefined ? '' : `之${cn(sub)}`}`;
    const head = draft?.articles.find((a) => a.key === articleKey)?.label ?? own;
    return `${head}${para === undefined ? '' : `第${cn(para)}款`}${item === undefined ? '' : `第（${cn(item)}）项`}`;
  }
  const chapter = /^ch(\d+)(?:\.s(\d+))?$/.exec(key);
  if (chapter !== null) return `第${cn(chapter[1])}章${chapter[2] === undefined ? '' : `第${cn(chapter[2])}节`}`;
  const part = /^part(\d+)$/.exec(key);
  if (part !== null) return `第${cn(part[1])}编`;
  return key;
}
