/**
 * A look at an .xlsx package's XML before SheetJS parses it: the work SheetJS would do is budgeted
 * (rows, columns, cells, shared strings), and rows it would lose or overwrite without a word — a row
 * numbered past the limit, a row number given twice, a CDATA section or comment left open — make the
 * file fail with a message naming the sheet and row instead. Also reads the marker yijian writes into
 * its own workbooks (a custom document property), so a run can recognise its earlier outputs.
 * The zip itself is read through sniff.ts (its header says why that parser is kept); what is done here
 * is byte-level XML scanning, which no zip or XML package offers without building strings of the parts.
 */
import { YijianError } from '../errors.js';
import { rowWords, sheetWords } from '../location.js';
import { entryBytes, usesZip64, zipEntryList, type ZipEntryInfo } from './sniff.js';

/** Excel's own sheet limits: nothing Excel or WPS saves goes past them. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
/**
 * Cells and shared strings one workbook may hold: Excel's full 1,048,576 rows across 16 columns. SheetJS
 * keeps an object per cell; a small, highly compressed file declaring more would exhaust memory.
 */
export const MAX_CELLS = 16_777_216;
export const MAX_SHARED_STRINGS = 16_777_216;

/** Name of the custom document property yijian writes into every workbook it creates. */
export const ORIGIN_PROPERTY = 'yijian';

/** What a yijian-made workbook says it is: a merged workbook (`merge`), or a report (登记表, 对照表, 统计). */
export interface WorkbookOrigin {
  kind: string;
}

/** What the scan found that is not a reason to refuse the file. */
export interface XlsxScan {
  origin: WorkbookOrigin | null;
  cells: number;
  sharedStrings: number;
  /** Rows Excel does not show (hidden, or filtered out), 1-based, by sheet name: they are read, and said to be. */
  hiddenRows: ReadonlyMap<string, number[]>;
  /** Columns hidden in Excel, as 0-based ranges [first, last], by sheet name: read, and said to be when mapped. */
  hiddenColumns: ReadonlyMap<string, (readonly [number, number])[]>;
}

/** Scans the package; throws YijianError (E_TOO_MANY_ROWS, E_TOO_LARGE, E_UNREADABLE_FILE) naming sheet and row. */
export function scanXlsx(bytes: Uint8Array, maxRows: number): XlsxScan {
  if (usesZip64(bytes)) {
    throw new YijianError('E_UNREADABLE_FILE', '工作簿使用 ZIP64 压缩格式（Excel 和 WPS 保存的意见表不会用到），无法安全读取。', {
      hint: '请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
    });
  }
  const entries = zipEntryList(bytes);
  const byName = new Map(entries.map((entry) => [entry.name.replace(/^\//u, ''), entry] as const));
  const names = sheetNames(bytes, byName);
  let cells = 0;
  const hiddenRows = new Map<string, number[]>();
  const hiddenColumns = new Map<string, (readonly [number, number])[]>();
  for (const entry of entries) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/iu.test(entry.name)) continue;
    const xml = entryBytes(bytes, entry);
    if (xml === null) continue;
    const sheet = names.get(entry.name.replace(/^\//u, '')) ?? entry.name;
    const hidden: number[] = [];
    const columns: (readonly [number, number])[] = [];
    cells += scanSheet(xml, sheet, maxRows, MAX_CELLS - cells, hidden, columns);
    if (hidden.length > 0) hiddenRows.set(sheet, hidden);
    if (columns.length > 0) hiddenColumns.set(sheet, columns);
  }
  const strings = countSharedStrings(bytes, byName.get('xl/sharedStrings.xml'));
  if (strings > MAX_SHARED_STRINGS || strings > 2 * cells + 100_000) {
    throw new YijianError(
      'E_TOO_LARGE',
      `工作簿的共享字符串表有 ${strings} 条，而各工作表只有 ${cells} 个单元格，已拒绝读取（可能是恶意文件）。`,
      { hint: '请用 Excel 或 WPS 打开后另存为 .xlsx 再试。' },
    );
  }
  return { origin: readOrigin(bytes, byName.get('docProps/custom.xml')), cells, sharedStrings: strings, hiddenRows, hiddenColumns };
}

const enum Char {
  lt = 0x3c,
  gt = 0x3e,
  slash = 0x2f,
  colon = 0x3a,
  quote = 0x22,
  apostrophe = 0x27,
}

/**
 * Walks the row and cell tags of one worksheet part, byte by byte (a sheet's XML can be hundreds of
 * megabytes: no string of it is made). Returns the number of cells; the rows marked hidden go to `hidden`.
 */
function scanSheet(xml: Buffer, sheet: string, maxRows: number, cellBudget: number, hidden: number[], hiddenColumns: (readonly [number, number])[]): number {
  let previousRow = 0;
  let rowCells = 0;
  let previousColumn = -1;
  let cells = 0;
  // A plain loop, not Buffer#indexOf: each indexOf call crosses into C++, and a sheet has tens of millions of tags.
  const length = xml.length;
  for (let at = 0; at < length; at += 1) {
    if (xml[at] !== Char.lt) continue;
    if (xml[at + 1] === 0x21) {
      // <!-- … --> or <![CDATA[ … ]]>: skipped whole (what is inside is not rows), and one left open is refused.
      at = sectionEnd(xml, at, sheet, previousRow);
      continue;
    }
    const tag = tagName(xml, at + 1);
    if (tag === 'row') {
      const span = attributeSpan(xml, at, 'r');
      const row = span === null ? previousRow + 1 : rowNumberAt(xml, span);
      if (!Number.isInteger(row) || row < 1) {
        throw broken(sheet, `${rowWords(previousRow + 1)}附近的行号“${attribute(xml, at, 'r') ?? ''}”无效`);
      }
      if (row > Math.min(maxRows, EXCEL_ROWS)) {
        throw new YijianError(
          'E_TOO_MANY_ROWS',
          `${sheetWords(sheet)}行数超过上限 ${Math.min(maxRows, EXCEL_ROWS)} 行（其中有${rowWords(row)}），未读取。`,
          { hint: row > EXCEL_ROWS ? `Excel 最多只有 ${EXCEL_ROWS} 行，文件可能已损坏或被改动。` : '请拆分工作表，或在配置中调高 limits.maxRowsPerSheet。', location: { sheet, row } },
        );
      }
      if (row <= previousRow) {
        throw broken(sheet, row === previousRow ? `${rowWords(row)}出现了两次` : `${rowWords(row)}排在${rowWords(previousRow)}之后`, row);
      }
      previousRow = row;
      if (isHiddenRow(xml, at)) hidden.push(row);
      rowCells = 0;
      previousColumn = -1;
    } else if (tag === 'col') {
      // <col min="4" max="4" hidden="1"/>: a few per sheet, at its top; read as text.
      const end = xml.indexOf(Char.gt, at);
      const text = xml.toString('latin1', at, end < 0 ? Math.min(length, at + 512) : Math.min(end, at + 512));
      if (/\shidden\s*=\s*["'](?:1|true)["']/u.test(text)) {
        const min = Number(/\smin\s*=\s*["'](\d+)["']/u.exec(text)?.[1]);
        const max = Number(/\smax\s*=\s*["'](\d+)["']/u.exec(text)?.[1] ?? min);
        if (Number.isInteger(min) && min >= 1) hiddenColumns.push([min - 1, Math.max(min, Number.isInteger(max) ? max : min) - 1]);
      }
    } else if (tag === 'c') {
      const span = attributeSpan(xml, at, 'r');
      const column = span === null ? previousColumn + 1 : columnAt(xml, span);
      if (column === null || column >= EXCEL_COLUMNS || rowCells >= EXCEL_COLUMNS) {
        const ref = attribute(xml, at, 'r');
        throw new YijianError(
          'E_TOO_LARGE',
          `${sheetWords(sheet)}${rowWords(previousRow)}有单元格超出 Excel 的列范围（${ref ?? `第 ${rowCells + 1} 个单元格`}，最多 XFD 列），已拒绝读取。`,
          { hint: '文件可能已损坏或被改动。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。', location: { sheet, row: previousRow } },
        );
      }
      previousColumn = column;
      rowCells += 1;
      cells += 1;
      if (cells > cellBudget) {
        throw new YijianError('E_TOO_LARGE', `工作簿的单元格超过 ${MAX_CELLS} 个（读到${sheetWords(sheet)}${rowWords(previousRow)}），已拒绝读取。`, {
          hint: '请拆分文件后再试。',
          location: { sheet, row: previousRow },
        });
      }
    } else if (tag === 'dimension') {
      const ref = attribute(xml, at, 'ref');
      const last = ref?.split(':').at(-1) ?? '';
      const column = columnOf(last);
      const row = Number(/\d+$/u.exec(last)?.[0] ?? '1');
      if (ref !== null && (column === null || column >= EXCEL_COLUMNS || row > EXCEL_ROWS)) {
        throw new YijianError('E_TOO_LARGE', `${sheetWords(sheet)}声明的范围 ${ref} 超出 Excel 的行列上限，已拒绝读取。`, {
          hint: '文件可能已损坏或被改动。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
          location: { sheet },
        });
      }
    }
  }
  return cells;
}

const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');

/**
 * The last byte of the CDATA section or comment starting at `at`. One that never closes swallows
 * the rows after it, which SheetJS then drops without a word: refused, naming the row it is in.
 */
function sectionEnd(xml: Buffer, at: number, sheet: string, row: number): number {
  for (const [open, close, what] of [[CDATA_OPEN, CDATA_CLOSE, 'CDATA 段'], [COMMENT_OPEN, COMMENT_CLOSE, 'XML 注释']] as const) {
    if (xml.compare(open, 0, open.length, at, at + open.length) !== 0) continue;
    const end = xml.indexOf(close, at + open.length);
    if (end < 0) throw broken(sheet, `${rowWords(Math.max(1, row))}附近的 ${what}没有结束`, Math.max(1, row));
    return end + close.length - 1;
  }
  return at;
}

function broken(sheet: string, what: string, row?: number): YijianError {
  return new YijianError('E_UNREADABLE_FILE', `${sheetWords(sheet)}的数据结构有误：${what}，部分行会丢失或被覆盖，已拒绝读取。`, {
    hint: '文件可能已损坏或被其他程序改动。请用 Excel 或 WPS 打开、核对后另存为 .xlsx 再试。',
    location: row === undefined ? { sheet } : { sheet, row },
  });
}

/** The tags the scan looks at, by local name (any namespace prefix). */
const TAGS = { row: Buffer.from('row'), c: Buffer.from('c'), col: Buffer.from('col'), dimension: Buffer.from('dimension'), si: Buffer.from('si') } as const;
type Tag = keyof typeof TAGS;

/** The local name of the tag starting at `at` (after `<`) when it is one of {@link TAGS}, without making a string. */
function tagName(xml: Buffer, at: number): Tag | '' {
  let start = at;
  let end = at;
  while (end < xml.length && end - at < 32) {
    const byte = xml[end] ?? 0;
    if (byte === Char.colon) start = end + 1;
    else if (!isNameByte(byte)) break;
    end += 1;
  }
  const length = end - start;
  if (length === 1) return xml[start] === 0x63 ? 'c' : '';
  if (length === 2) return xml[start] === 0x73 && xml[start + 1] === 0x69 ? 'si' : '';
  if (length === 3) return xml.compare(TAGS.row, 0, 3, start, end) === 0 ? 'row' : xml.compare(TAGS.col, 0, 3, start, end) === 0 ? 'col' : '';
  if (length === 9) return xml.compare(TAGS.dimension, 0, 9, start, end) === 0 ? 'dimension' : '';
  return '';
}

function isNameByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f || byte === 0x2d || byte === 0x2e;
}

/** True when the row tag at `at` says hidden="1" (or "true"): a row hidden by hand or by a filter. */
function isHiddenRow(xml: Buffer, at: number): boolean {
  const span = attributeSpan(xml, at, 'hidden');
  return span !== null && (xml[span[0]] === 0x31 || xml[span[0]] === 0x74);
}

const HIDDEN_NAME = Buffer.from('hidden');

/** Where the value of attribute `r`, `ref` or `hidden` lies in the tag starting at `at`: [start, end), or null. */
function attributeSpan(xml: Buffer, at: number, name: 'r' | 'ref' | 'hidden'): [number, number] | null {
  const limit = Math.min(xml.length, at + 4096);
  let i = at + 1;
  // Skip the tag name, then look at each attribute name in turn.
  while (i < limit && (isNameByte(xml[i] ?? 0) || xml[i] === Char.colon)) i += 1;
  while (i < limit) {
    const byte = xml[i] ?? 0;
    if (byte === Char.gt || byte === Char.slash) return null;
    if (!isNameByte(byte)) {
      i += 1;
      continue;
    }
    const nameStart = i;
    while (i < limit && (isNameByte(xml[i] ?? 0) || xml[i] === Char.colon)) i += 1;
    const matches = name === 'r'
      ? i - nameStart === 1 && xml[nameStart] === 0x72
      : name === 'ref'
        ? i - nameStart === 3 && xml[nameStart] === 0x72 && xml[nameStart + 1] === 0x65 && xml[nameStart + 2] === 0x66
        : i - nameStart === 6 && xml.compare(HIDDEN_NAME, 0, 6, nameStart, i) === 0;
    while (i < limit && xml[i] !== Char.quote && xml[i] !== Char.apostrophe) i += 1;
    const quote = xml[i];
    const valueEnd = xml.indexOf(quote ?? Char.quote, i + 1);
    if (valueEnd < 0 || valueEnd > limit) return null;
    if (matches) return [i + 1, valueEnd];
    i = valueEnd + 1;
  }
  return null;
}

/** The value of attribute `r` or `ref`, as text (for messages and the rare tags that need it). */
function attribute(xml: Buffer, at: number, name: 'r' | 'ref'): string | null {
  const span = attributeSpan(xml, at, name);
  return span === null ? null : xml.toString('latin1', span[0], span[1]);
}

/** A row number written in decimal digits, read from the bytes; NaN when it is anything else. */
function rowNumberAt(xml: Buffer, span: [number, number]): number {
  let n = 0;
  if (span[1] <= span[0] || span[1] - span[0] > 12) return Number.NaN;
  for (let i = span[0]; i < span[1]; i += 1) {
    const digit = (xml[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

/** The 0-based column of a cell reference (A1, $B$2) read from the bytes; null when it is not one or is past 4 letters. */
function columnAt(xml: Buffer, span: [number, number]): number | null {
  let i = span[0];
  if (xml[i] === 0x24) i += 1;
  let n = 0;
  let letters = 0;
  for (; i < span[1]; i += 1) {
    const byte = (xml[i] ?? 0) | 0x20;
    if (byte < 0x61 || byte > 0x7a) break;
    n = n * 26 + (byte - 0x60);
    letters += 1;
  }
  if (letters === 0 || letters > 4) return null;
  return n - 1;
}

/** 0-based column of a cell reference (A1, $B$2); null when it is not one. */
function columnOf(ref: string): number | null {
  const letters = /^\$?([A-Za-z]+)\$?\d*$/u.exec(ref)?.[1];
  if (letters === undefined || letters.length > 4) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function countSharedStrings(bytes: Uint8Array, entry: ZipEntryInfo | undefined): number {
  if (entry === undefined) return 0;
  const xml = entryBytes(bytes, entry);
  if (xml === null) return 0;
  let count = 0;
  for (let at = 0; at < xml.length; at += 1) {
    if (xml[at] === Char.lt && tagName(xml, at + 1) === 'si') count += 1;
  }
  return count;
}

/** Worksheet part → sheet name, from workbook.xml and its relationships; parts it does not name keep their path. */
function sheetNames(bytes: Uint8Array, byName: ReadonlyMap<string, ZipEntryInfo>): Map<string, string> {
  const names = new Map<string, string>();
  const book = text(bytes, byName.get('xl/workbook.xml'));
  const rels = text(bytes, byName.get('xl/_rels/workbook.xml.rels'));
  if (book === null || rels === null) return names;
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    const id = /\bId="([^"]*)"/u.exec(match[0])?.[1];
    const target = /\bTarget="([^"]*)"/u.exec(match[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const match of book.matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const name = /\bname="([^"]*)"/u.exec(match[0])?.[1];
    const id = /\br:id="([^"]*)"/u.exec(match[0])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part, unescapeXml(name));
  }
  return names;
}

function readOrigin(bytes: Uint8Array, entry: ZipEntryInfo | undefined): WorkbookOrigin | null {
  const xml = text(bytes, entry);
  if (xml === null) return null;
  for (const match of xml.matchAll(/<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/gu)) {
    if (/\bname="([^"]*)"/u.exec(match[1] ?? '')?.[1] !== ORIGIN_PROPERTY) continue;
    const value = /<(?:\w+:)?lpwstr>([^<]*)</u.exec(match[2] ?? '')?.[1];
    if (value !== undefined) return { kind: unescapeXml(value) };
  }
  return null;
}

// Only small parts (workbook.xml, its relationships, custom properties) are read as text.
function text(bytes: Uint8Array, entry: ZipEntryInfo | undefined): string | null {
  if (entry === undefined || entry.declaredBytes > 16 * 1024 * 1024) return null;
  return entryBytes(bytes, entry)?.toString('utf8') ?? null;
}

function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/giu, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/gu, '&');
}
