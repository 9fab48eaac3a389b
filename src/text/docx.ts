/**
 * A Word document's body (.docx) as blocks from top to bottom: a paragraph's text as Word shows it (changes accepted,
 * list numbers written before it), a table's rows of cell texts with its merged cells. Read by the opinion reader
 * (ingest/read-docx.ts) and the draft reader (text/read-draft.ts, for a draft whose articles Word numbers).
 */
import { createRequire } from 'node:module';
import type { DOMParser as XmlParser, Element, Node } from '@xmldom/xmldom';
import type PizZipType from 'pizzip';
import { YijianError } from '../errors.js';
import { createLabeller, readNumbering } from './docx-numbering.js';

/** A merged range of a table, 0-based corners (the shape SheetJS and the grid use). */
export interface BlockMerge {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** One block of the document body: a paragraph's text, or a table's rows of cell texts with its merges. */
export type DocBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][]; merges: BlockMerge[] };

const WORD_MAIN = 'word/document.xml';

// Loaded on the first Word document only: merge and digest of spreadsheets never pay for the zip and XML parsers.
const requireLazily = createRequire(import.meta.url);
let parsers: { PizZip: typeof PizZipType; DOMParser: typeof XmlParser } | null = null;
function wordParsers(): { PizZip: typeof PizZipType; DOMParser: typeof XmlParser } {
  parsers ??= {
    PizZip: requireLazily('pizzip') as typeof PizZipType,
    DOMParser: (requireLazily('@xmldom/xmldom') as { DOMParser: typeof XmlParser }).DOMParser,
  };
  return parsers;
}

/** The body blocks of a .docx; throws YijianError when the file is no Word document or is damaged. */
export function docxBlocks(bytes: Uint8Array): DocBlock[] {
  const { PizZip, DOMParser } = wordParsers();
  let xml: string;
  let numberingXml: string | null = null;
  let stylesXml: string | null = null;
  try {
    const zip = new PizZip(bytes);
    const entry = zip.file(WORD_MAIN);
    numberingXml = zip.file('word/numbering.xml')?.asText() ?? null;
    stylesXml = zip.file('word/styles.xml')?.asText() ?? null;
    if (entry === null) {
      throw new YijianError('E_UNSUPPORTED_FORMAT', '文件不是 Word 文档（.docx 中没有正文部分 word/document.xml）。', {
        hint: '请确认发送的是 Word 文档本身；如是改了扩展名的表格，请改回 .xlsx。',
      });
    }
    xml = entry.asText();
  } catch (error) {
    if (error instanceof YijianError) throw error;
    throw new YijianError('E_UNREADABLE_FILE', 'Word 文档已损坏（压缩数据无法解开）。', {
      hint: '请用 Word 或 WPS 打开后另存为 .docx，或让报送单位重新发送原文件。',
      cause: error,
    });
  }
  let failed: string | null = null;
  const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') failed ??= message; } }).parseFromString(xml, 'text/xml');
  const body = document.getElementsByTagNameNS('*', 'body')[0];
  if (failed !== null || body === undefined) {
    throw new YijianError('E_UNREADABLE_FILE', 'Word 文档的正文无法解析（文件可能已损坏）。', {
      hint: '请用 Word 或 WPS 打开后另存为 .docx，或让报送单位重新发送原文件。',
      ...(failed === null ? {} : { cause: failed }),
    });
  }
  // Word's automatic numbering (第%1条, 1.) is shown before the paragraph's text, as on screen; a damaged part is left out.
  const part = (text: string | null): Element | null => {
    if (text === null) return null;
    let broken = false;
    const parsed = new DOMParser({ onError: (level) => { if (level !== 'warning') broken = true; } }).parseFromString(text, 'text/xml');
    return broken ? null : (parsed.documentElement as Element | null);
  };
  const label = numberingXml === null ? () => '' : createLabeller(readNumbering(part(numberingXml), part(stylesXml)));
  const blocks: DocBlock[] = [];
  collectBlocks(body, blocks, label);
  return blocks;
}

// Body children that hold blocks in turn: content controls, custom XML, smart tags.
const BLOCK_WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag']);

/** The label Word's list numbering gives a paragraph ('' outside lists). */
type Labeller = (paragraph: Element) => string;

function collectBlocks(parent: Node, blocks: DocBlock[], label: Labeller): void {
  for (const child of elements(parent)) {
    const name = child.localName;
    if (name === 'p') {
      const text = paragraphText(child);
      // An empty numbered paragraph still takes its number in Word, and shows nothing worth a row.
      const shown = label(child);
      blocks.push({ kind: 'paragraph', text: text.trim() === '' ? text : `${shown}${text}` });
    } else if (name === 'tbl') blocks.push(tableBlock(child, label));
    else if (BLOCK_WRAPPERS.has(name ?? '')) collectBlocks(child, blocks, label);
  }
}

function elements(parent: Node): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) if (child.nodeType === 1) found.push(child as Element);
  return found;
}

// Parts of a paragraph that are no text shown: properties, deleted or moved-away text, field codes, the fallback
// copy of a drawing's content (mc:Fallback repeats mc:Choice), footnote and comment marks.
const SKIPPED_PARTS = new Set(['pPr', 'rPr', 'del', 'moveFrom', 'instrText', 'delInstrText', 'Fallback', 'footnoteReference', 'endnoteReference', 'commentReference']);

/** A paragraph's text as Word shows it: runs joined, line breaks as \n, tabs as a space. */
function paragraphText(paragraph: Element): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (const child of elements(node)) {
      const name = child.localName ?? '';
      if (SKIPPED_PARTS.has(name)) continue;
      if (name === 't') parts.push(child.textContent ?? '');
      else if (name === 'tab' || name === 'ptab') parts.push(' ');
      else if (name === 'br' || name === 'cr') parts.push('\n');
      else if (name === 'noBreakHyphen') parts.push('-');
      else if (name === 'p') {
        // A text box's paragraphs inside this one: each on its own line.
        if (parts.length > 0) parts.push('\n');
        parts.push(paragraphText(child));
      } else walk(child);
    }
  };
  walk(paragraph);
  return parts.join('');
}

/** A table's rows on its grid of columns: a cell spanning columns fills the first, continued vertical merges are empty. */
function tableBlock(table: Element, label: Labeller): DocBlock {
  const rows: string[][] = [];
  const merges: BlockMerge[] = [];
  // Per grid column, the merge a vMerge="restart" cell opened, extended by the cells that continue it.
  const open = new Map<number, { s: { r: number; c: number }; e: { r: number; c: number } }>();
  for (const tr of elements(table).filter((e) => e.localName === 'tr')) {
    const r = rows.length;
    const row: string[] = [];
    let column = intValue(first(first(tr, 'trPr'), 'gridBefore')) ?? 0;
    for (const tc of cellsOf(tr)) {
      const properties = first(tc, 'tcPr');
      const span = Math.max(1, intValue(first(properties, 'gridSpan')) ?? 1);
      const vMerge = first(properties, 'vMerge');
      // <w:vMerge/> and <w:vMerge w:val="continue"/> go on with the cell above; w:val="restart" opens a merge.
      const continues = vMerge !== null && (vMerge.getAttribute('w:val') || 'continue') === 'continue';
      while (row.length < column) row.push('');
      row.push(continues ? '' : cellText(tc, label));
      for (let extra = 1; extra < span; extra += 1) row.push('');
      const merge = open.get(column);
      if (continues && merge !== undefined) merge.e.r = r;
      else {
        open.delete(column);
        if (vMerge !== null) {
          const opened = { s: { r, c: column }, e: { r, c: column + span - 1 } };
          open.set(column, opened);
          merges.push(opened);
        } else if (span > 1) merges.push({ s: { r, c: column }, e: { r, c: column + span - 1 } });
      }
      column += span;
    }
    rows.push(row);
  }
  // A vertical merge that never went past its first row is no merge.
  return { kind: 'table', rows, merges: merges.filter((m) => m.e.r > m.s.r || m.e.c > m.s.c) };
}

/** The cells of a table row, content controls around them unwrapped. */
function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (const child of elements(row)) {
    if (child.localName === 'tc') cells.push(child);
    else if (BLOCK_WRAPPERS.has(child.localName ?? '')) cells.push(...cellsOf(child));
  }
  return cells;
}

/** A cell's text: its paragraphs one per line, a table inside it row by row. */
function cellText(cell: Element, label: Labeller): string {
  const lines: string[] = [];
  const blocks: DocBlock[] = [];
  collectBlocks(cell, blocks, label);
  for (const block of blocks) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else for (const row of block.rows) lines.push(row.filter((text) => text.trim() !== '').join(' '));
  }
  return lines.join('\n').replace(/^\n+|\n+$/gu, '');
}

function first(parent: Element | null, name: string): Element | null {
  if (parent === null) return null;
  return elements(parent).find((child) => child.localName === name) ?? null;
}

function intValue(element: Element | null): number | null {
  if (element === null) return null;
  const value = Number.parseInt(element.getAttribute('w:val') ?? '', 10);
  return Number.isFinite(value) ? value : null;
}
