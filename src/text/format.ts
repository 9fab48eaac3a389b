/** Formatting helpers shared by the view model and the templates: numerals, dates, percentages, labels. */
import { articleLabel, baseArticle } from '../article-key.js';
import { numberToChinese } from '../numerals.js';

/** Pinyin order for names (联系点, 县区, 文件): the same for a given Node/ICU, so outputs do not reorder between runs. */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('zh-CN').compare;

/** How the per-point and per-county tables rank their rows: most submissions first, then by name. */
export function bySubmissions(a: { submissions: number; name: string }, b: { submissions: number; name: string }): number {
  return b.submissions - a.submissions || compareNames(a.name, b.name);
}

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

/** A date as staff type it (2024-05-06, 2024/5/6, 2024.5.6, 2024年5月6日, 2024年5月6号, 20240506) as YYYY-MM-DD, or null. */
export function isoDate(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/.exec(text) ?? /^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match;
  return validDate(Number(year), Number(month), Number(day));
}

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date written without its year (5月20日, 5月20号, 5.20, 5/20): month and day, or null. */
function monthDay(text: string): { month: number; day: number } | null {
  const match = /^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*$/.exec(text);
  if (match === null) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { month, day } : null;
}

/**
 * The 日期 cells read: full dates (YYYY-MM-DD), dates without a year given the year of the full dates when they all
 * have one year (the batch's), and how many of each kind there were: without a year, and unreadable (上周三).
 */
function readDates(dates: Iterable<string | null>): { isos: string[]; noYear: number; borrowedYear: number | null; unreadable: number } {
  const isos: string[] = [];
  const partial: { month: number; day: number }[] = [];
  let unreadable = 0;
  for (const text of dates) {
    if (text === null || text.trim() === '') continue;
    const iso = isoDate(text);
    if (iso !== null) {
      isos.push(iso);
      continue;
    }
    const md = monthDay(text);
    if (md !== null) partial.push(md);
    else unreadable += 1;
  }
  const years = new Set(isos.map((iso) => iso.slice(0, 4)));
  const borrowedYear = partial.length > 0 && years.size === 1 ? Number([...years][0]) : null;
  if (borrowedYear !== null) for (const md of partial) isos.push(validDate(borrowedYear, md.month, md.day)!);
  else unreadable += partial.length;
  return { isos, noYear: borrowedYear === null ? 0 : partial.length, borrowedYear, unreadable };
}

/**
 * The period the opinions were collected in, from their 日期 cells: 2024年5月6日至5月28日; '' when no
 * date can be read. A date without its year (5月20日) takes the year every full date of the batch has; dates
 * that cannot be read are left out of the range, not guessed (periodNote says how many).
 */
export function periodText(dates: Iterable<string | null>): string {
  const { isos } = readDates(dates);
  let first: string | null = null;
  let last: string | null = null;
  for (const iso of isos) {
    if (first === null || iso < first) first = iso;
    if (last === null || iso > last) last = iso;
  }
  if (first === null || last === null) return '';
  if (first === last) return chineseDate(first);
  const end = first.slice(0, 4) === last.slice(0, 4) ? chineseDate(last).replace(/^\d{4}年/, '') : chineseDate(last);
  return `${chineseDate(first)}至${end}`;
}

/**
 * What periodText took on trust or left out, in brackets to follow it: （其中 2 条的日期未写年份，按 2024 年计；另有 1 条
 * 的日期无法识别，未计入） — '' when every date was read whole, or when no date could be read at all.
 */
export function periodNote(dates: Iterable<string | null>): string {
  const { isos, noYear, borrowedYear, unreadable } = readDates(dates);
  if (isos.length === 0) return '';
  const parts = [
    ...(noYear > 0 ? [`其中 ${noYear} 条的日期未写年份，按 ${borrowedYear} 年计`] : []),
    ...(unreadable > 0 ? [`另有 ${unreadable} 条的日期无法识别，未计入`] : []),
  ];
  return parts.length === 0 ? '' : `（${parts.join('；')}）`;
}

/** The mark of a text cut short: Chinese writes the ellipsis as two (……), never one (…). */
export const ELLIPSIS = '……';

/** `text` cut to its first `maxChars` characters with …… after them, or whole when it is short enough. */
export function cutText(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}${ELLIPSIS}` : text;
}

/** Characters of a Word title line: 22 pt 小标宋 across the 15.6 cm text width of the official-document page. */
export const TITLE_LINE_CHARS = 20;

/**
 * A document title as the lines Word prints it in, joined by \n: `before` the draft's name in 《》 and `after`
 * it (关于 + 《…》 + 意见采纳情况的反馈). A title breaks between words, not inside one (GB/T 9704 回行词意完整):
 * only before a bracketed part of the name (（征求意见稿）) and after the name, and 关于 never stands alone.
 */
export function titleLines(before: string, draftTitle: string, after: string, maxChars = TITLE_LINE_CHARS): string {
  return breakTitle(before, draftTitle === '' ? '' : `《${draftTitle}》`, after, maxChars);
}

/** titleLines for a name written without 《》 (修改前后对照表: 某市……条例（修改稿）修改前后对照表). */
export function breakTitle(before: string, name: string, after: string, maxChars = TITLE_LINE_CHARS): string {
  const parts = [...(name === '' ? [] : name.split(/(?=（)/u)), after];
  parts[0] = `${before}${parts[0] ?? ''}`;
  const lines: string[] = [];
  const fits = (line: string, piece: string): boolean => [...line].length + [...piece].length <= maxChars;
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && fits(last, part)) {
      lines[lines.length - 1] = `${last}${part}`;
    } else if ([...part].length > maxChars && /[ \u3000]/u.test(part)) {
      // Too long for a line: broken at its spaces (（节选：第六编 继承 第一章 一般规定至第四章 遗产的处理）), on lines of its
      // own, not where the line runs out (…至第四 / 章 遗产…); the space at a line's end is dropped.
      const own: string[] = [];
      for (const word of part.split(/(?<=[ \u3000])/u)) {
        const at = own.at(-1);
        if (at !== undefined && fits(at.trimEnd(), word)) own[own.length - 1] = `${at}${word}`;
        else own.push(word);
      }
      lines.push(...own);
    } else {
      lines.push(part);
    }
  }
  return lines.map((line) => line.replace(/[ \u3000]+$/u, '')).join('\n');
}

/** part of whole as a percentage with one decimal: 12.5%; 0.0% when whole is 0. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0.0%';
  // Always one decimal: a column reading 14% above 12.8% looks like a mistake to a reader.
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

/** Where a row came from, for people: `file / sheet`, or just `file` when the sheet is only the file's own name (CSV). */
export { sourcePlace } from '../provenance.js';

/** The part of an article assignment a report needs to say how it was made. */
export interface AssignmentEvidence {
  key: string;
  source: string;
  confidence: number;
  /** The close second of a similarity guess (ArticleAssignment.runnerUp). */
  runnerUp?: { key: string } | undefined;
}

/**
 * 自动归入，请核对（相似度 0.42）: the words every report uses for an article found by similarity; with the article
 * that came close second, 自动归入，请核对（相似度 0.42，次选第十三条）.
 */
export function similarityNote(confidence: number, runnerUp?: string): string {
  return `自动归入，请核对（相似度 ${confidence.toFixed(2)}${runnerUp === undefined ? '' : `，次选${runnerUp}`}）`;
}

/**
 * A note in brackets after an article or a source: （自动归入，请核对，相似度 0.42）. The similarity the note
 * itself puts in brackets joins the sentence, so a reader meets one pair of brackets, not （…（…））.
 */
export function bracketedNote(note: string): string {
  return note === '' ? '' : `（${note.replace(/（([^（）]*)）/gu, '，$1')}）`;
}

/** What a person corrected in the 登记表 is shown as settled, in these words. */
export const CORRECTED_NOTE = '已人工更正';

/**
 * How the article `key` of one opinion was found, in the words reports print: a similarity guess is
 * marked with its confidence, a person's correction is marked as such, a citation (column, text,
 * 总体意见 wording) is not marked at all. `source` is a string so the note also knows sources the
 * model may gain (`corrected`) without depending on them.
 */
export function assignmentNote(articles: readonly AssignmentEvidence[], key: string): string {
  const base = baseArticle(key);
  const found = articles.find((a) => a.key === key) ?? articles.find((a) => baseArticle(a.key) === base);
  if (found === undefined) return '';
  if (found.source === 'similarity') return similarityNote(found.confidence, found.runnerUp === undefined ? undefined : articleLabel(found.runnerUp.key));
  if (found.source === 'corrected') return CORRECTED_NOTE;
  return '';
}

/**
 * The note for a group of opinions (a cluster): every guess marked, with the range of confidences;
 * '' when every opinion cited its article.
 */
export function groupAssignmentNote(notes: readonly { source: string; confidence: number }[]): string {
  const guessed = notes.filter((n) => n.source === 'similarity');
  const corrected = notes.filter((n) => n.source === 'corrected').length;
  const parts: string[] = [];
  if (guessed.length > 0) {
    const low = Math.min(...guessed.map((n) => n.confidence)).toFixed(2);
    const high = Math.max(...guessed.map((n) => n.confidence)).toFixed(2);
    const range = low === high ? low : `${low}–${high}`;
    parts.push(guessed.length === notes.length
      ? `自动归入，请核对（相似度 ${range}）`
      : `其中 ${guessed.length} 条自动归入，请核对（相似度 ${range}）`);
  }
  if (corrected > 0) parts.push(corrected === notes.length ? CORRECTED_NOTE : `其中 ${corrected} 条${CORRECTED_NOTE}`);
  return parts.join('；');
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Words that open an opinion without saying what it is about. */
const OPENERS = /^(?:(?:我们|我|本人|居民|群众)?(?:认为|建议|希望|提出|反映|觉得)[，,：:]?|关于|对于|针对)+/;

/** Clauses that announce a change without naming it. */
const GENERIC = /^(?:增加|增设|补充|修改|删除|明确)(?:规定|一款|一项|一条|内容|如下)?$|^(?:作|做)?如下修改$|^修改为$/;

/**
 * A short topic phrase from an opinion, for a heading: its first clause, without openers such as
 * 建议 / 我认为 and without the article citation, cut at a word boundary (never inside a word).
 */
export function topicPhrase(text: string, maxChars = 18): string {
  const clause = (text.split(/[。；;！!？?\n]/)[0] ?? '').trim();
  const firstPart = clause
    .replace(/(?:草案|条例)?第[一二三四五六七八九十百千零〇两\d]+[章节](?:第[一二三四五六七八九十\d]+节)?(?:中|的)*/g, '')
    .replace(/(?:草案|条例)?第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十\d]+)?(?:第[一二三四五六七八九十\d]+款)?(?:第[（(]?[一二三四五六七八九十\d]+[)）]?项)?(?:中|的|规定)*[，,：:]?/g, '')
    .replace(OPENERS, '')
    .replace(/^[，,：:、\s]+/, '');
  // "增加规定：……" says nothing yet; the clause after it does.
  const parts = firstPart.split(/[，,：:]/).map((part) => part.trim().replace(OPENERS, ''));
  const chosen = parts.find((part) => [...part].length >= 4 && !GENERIC.test(part)) ?? parts[0] ?? firstPart;
  const words = [...wordSegmenter.segment(chosen)].map((s) => s.segment);
  let phrase = '';
  for (const word of words) {
    if ([...phrase].length + [...word].length > maxChars) break;
    phrase += word;
  }
  return phrase === '' ? [...chosen].slice(0, maxChars).join('') : phrase;
}
