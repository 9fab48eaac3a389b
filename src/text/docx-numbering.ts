/**
 * Word's automatic list numbering (编号): a draft whose articles are numbered by a list style (第%1条 in
 * numbering.xml, 第一条 on screen) holds no 第一条 in its text, and neither do opinions numbered 1. 2. 3. by Word. The
 * labels are rendered here as Word shows them, so a paragraph's text starts with its number as printed.
 */
import type { Element } from '@xmldom/xmldom';
import { numberToChinese } from '../numerals.js';

/** One level of a list: how its number is written and what surrounds it. */
interface ListLevel {
  start: number;
  format: string;
  /** lvlText: 第%1条, %1., （%2）. */
  text: string;
  /** What follows the label: a tab (shown as a space), a space, or nothing. */
  suffix: string;
}

/** The lists of a document and the paragraph styles that carry one, read from numbering.xml and styles.xml. */
export interface Numbering {
  /** numId → its levels (0–8), abstract definitions resolved, level overrides applied. */
  lists: Map<string, Map<number, ListLevel>>;
  /** Paragraph style id → the list it numbers (numId, level), following basedOn. */
  styles: Map<string, { numId: string; level: number }>;
}

/** Elements below `parent` (any depth) with this local name. */
function all(parent: Element | null, name: string): Element[] {
  if (parent === null) return [];
  return [...(parent.getElementsByTagNameNS('*', name) as unknown as Iterable<Element>)];
}

function child(parent: Element | null, name: string): Element | null {
  if (parent === null) return null;
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) return node as Element;
  }
  return null;
}

const val = (element: Element | null): string | null => element?.getAttribute('w:val') ?? null;

function levelOf(lvl: Element): ListLevel {
  const start = Number.parseInt(val(child(lvl, 'start')) ?? '1', 10);
  const suffix = val(child(lvl, 'suff')) ?? 'tab';
  return {
    start: Number.isFinite(start) ? start : 1,
    format: val(child(lvl, 'numFmt')) ?? 'decimal',
    text: val(child(lvl, 'lvlText')) ?? '',
    suffix: suffix === 'nothing' ? '' : ' ',
  };
}

/** The lists and numbered styles of a document; empty maps for a document without numbering. */
export function readNumbering(numberingXml: Element | null, stylesXml: Element | null): Numbering {
  const abstracts = new Map<string, Map<number, ListLevel>>();
  for (const abstract of all(numberingXml, 'abstractNum')) {
    const levels = new Map<number, ListLevel>();
    for (const lvl of all(abstract, 'lvl')) levels.set(Number.parseInt(lvl.getAttribute('w:ilvl') ?? '0', 10), levelOf(lvl));
    abstracts.set(abstract.getAttribute('w:abstractNumId') ?? '', levels);
  }
  const lists = new Map<string, Map<number, ListLevel>>();
  for (const num of all(numberingXml, 'num')) {
    const levels = new Map(abstracts.get(val(child(num, 'abstractNumId')) ?? '') ?? []);
    for (const override of all(num, 'lvlOverride')) {
      const ilvl = Number.parseInt(override.getAttribute('w:ilvl') ?? '0', 10);
      const lvl = child(override, 'lvl');
      const base = lvl === null ? levels.get(ilvl) : levelOf(lvl);
      const start = val(child(override, 'startOverride'));
      if (base !== undefined) levels.set(ilvl, start === null ? base : { ...base, start: Number.parseInt(start, 10) || 1 });
    }
    lists.set(num.getAttribute('w:numId') ?? '', levels);
  }
  const own = new Map<string, { numId: string | null; level: number | null; basedOn: string | null }>();
  for (const style of all(stylesXml, 'style')) {
    if (style.getAttribute('w:type') !== 'paragraph') continue;
    const numPr = child(child(style, 'pPr'), 'numPr');
    const level = val(child(numPr, 'ilvl'));
    own.set(style.getAttribute('w:styleId') ?? '', { numId: val(child(numPr, 'numId')), level: level === null ? null : Number.parseInt(level, 10), basedOn: val(child(style, 'basedOn')) });
  }
  const styles = new Map<string, { numId: string; level: number }>();
  for (const id of own.keys()) {
    let at: string | null = id;
    let numId: string | null = null;
    let level: number | null = null;
    for (let depth = 0; at !== null && depth < 10 && (numId === null || level === null); depth += 1) {
      const style = own.get(at);
      if (style === undefined) break;
      numId ??= style.numId;
      level ??= style.level;
      at = style.basedOn;
    }
    if (numId !== null && numId !== '0') styles.set(id, { numId, level: level ?? 0 });
  }
  return { lists, styles };
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';

/** A counter written in a list format as Word shows it; null for bullets and formats not known here. */
function formatted(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n >= 0 && n < 1e12 ? numberToChinese(n) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'ideographTraditional':
      return HEAVENLY[n - 1] ?? String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'none':
      return '';
    default:
      return null;
  }
}

/**
 * Numbers the paragraphs of one document in order: `label(paragraph)` gives the text Word shows before the
 * paragraph (第三条 , 2. , （一）), or '' for a paragraph outside any list; counters go on through the document.
 */
export function createLabeller(numbering: Numbering): (paragraph: Element) => string {
  const counters = new Map<string, number[]>();
  return (paragraph) => {
    const properties = child(paragraph, 'pPr');
    const numPr = child(properties, 'numPr');
    const style = numbering.styles.get(val(child(properties, 'pStyle')) ?? '');
    const numId = val(child(numPr, 'numId')) ?? style?.numId ?? null;
    if (numId === null || numId === '0') return '';
    const direct = val(child(numPr, 'ilvl'));
    const level = direct === null ? (style?.numId === numId ? style.level : 0) : Number.parseInt(direct, 10) || 0;
    const levels = numbering.lists.get(numId);
    const definition = levels?.get(level);
    if (levels === undefined || definition === undefined || definition.format === 'bullet') return '';
    const counts = counters.get(numId) ?? [];
    counters.set(numId, counts);
    counts[level] = (counts[level] ?? definition.start - 1) + 1;
    // A deeper level starts again under each new number of this one.
    counts.length = level + 1;
    let unknown = false;
    const text = definition.text.replace(/%(\d)/gu, (_, digit: string) => {
      const at = Number(digit) - 1;
      const shown = formatted(counts[at] ?? levels.get(at)?.start ?? 1, levels.get(at)?.format ?? 'decimal');
      if (shown === null) unknown = true;
      return shown ?? '';
    });
    return unknown || text.trim() === '' ? '' : `${text}${definition.suffix}`;
  };
}
