/**
 * Classifies one line of a draft (草案): article start, 编/章/节 heading, 目录, noise, or plain text.
 * The draft parser walks these classes; keeping the patterns here keeps the parser about structure only.
 */
import { CHINESE_NUMERAL_CHARS, parseNumeral } from '../numerals.js';

/** Heading levels found in drafts; `subpart` (分编) is recognised so it never becomes article text. */
export type HeadingLevel = 'part' | 'subpart' | 'chapter' | 'section';

/** What one line of a draft is. */
export type DraftLine =
  | {
      kind: 'article';
      /** 12 for 第十二条. */
      number: number;
      /** 1 for 第十二条之一, else null. */
      sub: number | null;
      /** As written, spaces removed: 第十二条之一. */
      label: string;
      caption: string | null;
      /** The text after the number and caption; may be empty when it continues on the next line. */
      rest: string;
    }
  | {
      kind: 'heading';
      level: HeadingLevel;
      /** null for unnumbered headings (附则 written without 第…章). */
      number: number | null;
      /** Spaces folded: 第一章 总则. */
      label: string;
      /** 总则; empty when the heading has no title. */
      title: string;
    }
  | { kind: 'toc' }
  | { kind: 'item'; text: string }
  | { kind: 'noise' }
  | { kind: 'markdownHeading'; text: string }
  | { kind: 'text'; text: string };

const NUMERAL = `[${CHINESE_NUMERAL_CHARS}0-9０-９]+`;
const ARTICLE_RE = new RegExp(`^第(${NUMERAL})条(?:之(${NUMERAL}))?`);
const HEADING_RE = new RegExp(`^第(${NUMERAL})(分编|编|章|节)(?:$|[\\s　]+|(?=[^\\s　]))(.*)$`);
const UNNUMBERED_HEADING_RE = /^(附\s*则|总\s*则)$/;
const TOC_RE = /^目\s*录$/;
/** An item (项) line: （一）, (1), （１）. */
export const ITEM_RE = /^[（(][一二三四五六七八九十百]+[）)]|^[（(][0-9０-９]+[）)]/;
// 2020年5月28日 第十三届…会议通过 / 2021年1月1日 施行 / （2011年…修正）: dates of adoption, not text.
const ADOPTION_RE =
  /^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,120}(通过|施行|公布|修正|修订|批准|发布)[^。]{0,40}$/;
/** Brackets a caption may be written in, right after the article number. */
const CAPTION_RE = /^[\s　]*(?:（([^（）。，；\n]{1,24})）|\(([^()。，；\n]{1,24})\)|〖([^〖〗\n]{1,24})〗|【([^【】\n]{1,24})】|\[([^[\]\n]{1,24})\])/;
// Words that follow 第十条 when a line starts with a reference rather than an article (第十条规定的…).
const REFERENCE_CONTINUATION_RE = /^(?:第|规定|所称|所列|中|的|、|至|和|或|及|之外|以外)/;
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACE_RE = /[\s\u3000\u00a0]+/g;

/** Removes invisible characters, Markdown emphasis and the surrounding white space of a line. */
export function cleanLine(raw: string): string {
  return raw.replace(INVISIBLE_RE, '').replace(/\*\*|__/g, '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

/** 第一章　总　　则 → 第一章 总则: spacing inside headings is typography, not content. */
function foldHeadingSpaces(text: string): string {
  return text.replace(SPACE_RE, ' ').trim();
}

function classifyHeading(line: string): DraftLine | null {
  const match = HEADING_RE.exec(line);
  if (match === null) return null;
  const [, numeral = '', word = '', rawTitle = ''] = match;
  const title = rawTitle.replace(SPACE_RE, '');
  // A heading is short and has no sentence punctuation; otherwise it is text starting with 第一章….
  if (title.length > 40 || /[。，；：“”？！]/.test(title)) return null;
  const number = parseNumeral(numeral);
  if (number === null) return null;
  const level: HeadingLevel =
    word === '编' ? 'part' : word === '分编' ? 'subpart' : word === '章' ? 'chapter' : 'section';
  const head = `第${numeral}${word}`;
  return { kind: 'heading', level, number, label: title === '' ? head : `${head} ${title}`, title };
}

function classifyArticle(line: string): DraftLine | null {
  const match = ARTICLE_RE.exec(line);
  if (match === null) return null;
  const number = parseNumeral(match[1] ?? '');
  const sub = match[2] === undefined ? null : parseNumeral(match[2]);
  if (number === null || number === 0 || (match[2] !== undefined && sub === null)) return null;
  let after = line.slice(match[0].length);
  const separated = /^[\s\u3000]/.test(after);
  if (!separated && REFERENCE_CONTINUATION_RE.test(after)) return null;
  let caption: string | null = null;
  const captionMatch = CAPTION_RE.exec(after);
  if (captionMatch !== null) {
    caption = foldHeadingSpaces(captionMatch.slice(1).find((group) => group !== undefined) ?? '');
    after = after.slice(captionMatch[0].length);
  }
  return {
    kind: 'article',
    number,
    sub,
    label: match[0],
    caption: caption === '' ? null : caption,
    rest: after.replace(/^[\s\u3000:：]+/, ''),
  };
}

/** Classifies one raw line of a draft (HTML comments are removed by the caller). */
export function classifyLine(raw: string): DraftLine {
  const cleaned = cleanLine(raw);
  if (cleaned === '') return { kind: 'noise' };
  const markdown = /^#{1,6}(?:\s+|$)/.exec(cleaned);
  const line = markdown === null ? cleaned : cleaned.slice(markdown[0].length).trim();
  if (line === '' || /^[-*_=]{3,}$/.test(line) || line.startsWith('>')) return { kind: 'noise' };
  if (TOC_RE.test(line)) return { kind: 'toc' };
  const heading = classifyHeading(line);
  if (heading !== null) return heading;
  if (UNNUMBERED_HEADING_RE.test(line)) {
    const title = line.replace(SPACE_RE, '');
    return { kind: 'heading', level: 'chapter', number: null, label: title, title };
  }
  // A Markdown heading is never article text (## 第一条 is still an article, though).
  const article = classifyArticle(line);
  if (article !== null) return article;
  if (markdown !== null) return { kind: 'markdownHeading', text: line };
  if (ADOPTION_RE.test(line)) return { kind: 'noise' };
  if (ITEM_RE.test(line)) return { kind: 'item', text: line };
  return { kind: 'text', text: line };
}
