/**
 * Reads the text of a draft (草案) into its structure: 编, 章, 节, 条 and 款.
 *
 * Division keys: `part2` for 编; chapters `ch3` — or `part2.ch3` in codes split into 编, where
 * chapter numbers restart in every 编 (民法典); sections `ch3.s2` / `part2.ch3.s2`. 分编 headings
 * end the article before them but make no division (the model has no kind for them).
 */
import type { Draft, DraftArticle, DraftDivision } from '../model.js';
import { classifyLine, type DraftLine } from './draft-lines.js';

type Heading = Extract<DraftLine, { kind: 'heading' }>;

/** Where the real text begins: after the title, and after a 目录 that lists the headings first. */
function bodyStart(lines: readonly DraftLine[], afterTitle: number): number {
  const firstArticle = lines.findIndex((line, index) => index >= afterTitle && line.kind === 'article');
  const end = firstArticle === -1 ? lines.length : firstArticle;
  let start = afterTitle;
  const toc = lines.findIndex((line, index) => index >= afterTitle && index < end && line.kind === 'toc');
  if (toc !== -1) start = toc + 1;
  const first = lines.findIndex((line, index) => index >= start && index < end && line.kind === 'heading');
  const head = lines[first];
  if (first === -1 || head === undefined || head.kind !== 'heading') return start;
  // The table of contents repeats: the real headings start at the last repeat of the first one.
  let real = first;
  for (let index = first + 1; index < end; index += 1) {
    const line = lines[index];
    if (line?.kind === 'heading' && line.level === head.level && line.number === head.number) real = index;
  }
  return real;
}

/** The title: the first line with content, unless it is already structure (then the file name). */
function findTitle(lines: readonly DraftLine[], file: string): { title: string; next: number } {
  const index = lines.findIndex((line) => line.kind !== 'noise');
  const line = lines[index];
  if (line !== undefined && (line.kind === 'text' || line.kind === 'markdownHeading' || line.kind === 'item')) {
    const title = line.text.replace(/^《([^》]*)》/, '$1').trim();
    if (title !== '') return { title, next: index + 1 };
  }
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return { title: stem.replace(/^《([^》]*)》/, '$1'), next: Math.max(index, 0) };
}

/** Mutable state of the walk over the lines; the result is built from it. */
interface Walk {
  divisions: DraftDivision[];
  articles: DraftArticle[];
  part: DraftDivision | null;
  chapter: DraftDivision | null;
  section: DraftDivision | null;
  article: DraftArticle | null;
  keys: Set<string>;
  maxPart: number;
  maxChapter: number;
}

function uniqueKey(walk: Walk, key: string): string {
  let candidate = key;
  // Two headings with one number (a typo in the draft) must not merge: the second gets a suffix.
  for (let n = 2; walk.keys.has(candidate); n += 1) candidate = `${key}_${n}`;
  walk.keys.add(candidate);
  return candidate;
}

function openDivision(walk: Walk, heading: Heading): void {
  walk.article = null;
  if (heading.level === 'subpart') return;
  let level = heading.level;
  let number = heading.number;
  if (number === null) {
    // An unnumbered 附则 sits at the top level: beside the 编 in a code, else beside the chapters.
    level = walk.maxPart > 0 ? 'part' : 'chapter';
    number = (level === 'part' ? walk.maxPart : walk.maxChapter) + 1;
  }
  let key: string;
  if (level === 'part') {
    key = `part${number}`;
    walk.maxPart = Math.max(walk.maxPart, number);
  } else if (level === 'chapter') {
    key = walk.part === null ? `ch${number}` : `${walk.part.key}.ch${number}`;
    walk.maxChapter = Math.max(walk.maxChapter, number);
  } else {
    const parent = walk.chapter ?? walk.part;
    key = parent === null ? `s${number}` : `${parent.key}.s${number}`;
  }
  const division: DraftDivision = {
    key: uniqueKey(walk, key),
    kind: level,
    label: heading.label,
    title: heading.title,
    articles: [],
  };
  walk.divisions.push(division);
  if (level === 'part') {
    walk.part = division;
    walk.chapter = null;
    walk.section = null;
  } else if (level === 'chapter') {
    walk.chapter = division;
    walk.section = null;
  } else {
    walk.section = division;
  }
}

function openArticle(walk: Walk, line: Extract<DraftLine, { kind: 'article' }>): void {
  const key = line.sub === null ? String(line.number) : `${line.number}-${line.sub}`;
  const article: DraftArticle = {
    key,
    label: line.label,
    caption: line.caption,
    chapter: walk.chapter?.key ?? null,
    section: walk.section?.key ?? null,
    paragraphs: line.rest === '' ? [] : [line.rest],
    text: '',
  };
  walk.articles.push(article);
  walk.article = article;
  for (const division of [walk.part, walk.chapter, walk.section]) division?.articles.push(key);
}

/** Adds a line to the current article: a new 款, or an item (项) inside the last one. */
function addText(article: DraftArticle, text: string, isItem: boolean): void {
  const last = article.paragraphs.length - 1;
  if (isItem && last >= 0) article.paragraphs[last] = `${article.paragraphs[last] ?? ''}\n${text}`;
  else article.paragraphs.push(text);
}

/** Parses the text of a draft; never throws: text that is not structure is article text or skipped. */
export function parseDraft(text: string, file: string): Draft {
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '\n');
  const lines = withoutComments.split(/\r\n|\r|\n|\u2028|\u2029/).map(classifyLine);
  const { title, next } = findTitle(lines, file);
  const walk: Walk = {
    divisions: [],
    articles: [],
    part: null,
    chapter: null,
    section: null,
    article: null,
    keys: new Set(),
    maxPart: 0,
    maxChapter: 0,
  };
  for (let index = bodyStart(lines, next); index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined) continue;
    switch (line.kind) {
      case 'heading':
        openDivision(walk, line);
        break;
      case 'article':
        openArticle(walk, line);
        break;
      case 'markdownHeading':
        walk.article = null;
        break;
      case 'text':
      case 'item':
        // Text before the first article of a division (preambles, notes) belongs to no article.
        if (walk.article !== null) addText(walk.article, line.text, line.kind === 'item');
        break;
      case 'toc':
      case 'noise':
        break;
    }
  }
  for (const article of walk.articles) article.text = article.paragraphs.join('\n');
  return { title, file, divisions: walk.divisions, articles: walk.articles };
}
