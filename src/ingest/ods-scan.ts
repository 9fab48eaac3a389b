/**
 * A look at an OpenDocument spreadsheet (.ods, as LibreOffice, WPS and 永中 save them on 信创 desktops, or a flat
 * .fods) before SheetJS parses it, doing for it what xlsx-scan.ts does for an .xlsx: SheetJS reads an ODS's cells,
 * merges and dates, but not which rows, columns and sheets are hidden, and it silently stops at its row limit.
 * So the content XML is walked here once: rows hidden by hand or by a filter (table:visibility="collapse" /
 * "filter"), hidden columns, sheets whose table style says table:display="false", and a budget of cells
 * (number-rows-repeated × number-columns-repeated can make a small file expand without end) and rows.
 */
import { YijianError } from '../errors.js';
import { rowWords, sheetWords } from '../location.js';
import { entryBytes, zipEntryList } from './sniff.js';
import { EXCEL_ROWS, MAX_CELLS } from './xlsx-scan.js';

/** What the scan found that is not a reason to refuse the file. */
export interface OdsScan {
  /** Rows with content not shown (hidden, or filtered out), 1-based, by sheet name. */
  hiddenRows: ReadonlyMap<string, number[]>;
  /** Hidden columns as 0-based ranges [first, last], by sheet name. */
  hiddenColumns: ReadonlyMap<string, (readonly [number, number])[]>;
  /** Sheets the workbook hides. */
  hiddenSheets: ReadonlySet<string>;
  /** How many sheets (table:table) the document has. */
  sheets: number;
  cells: number;
}

/** True when a zip package is an OpenDocument document rather than an Office Open XML one. */
export function isOdsPackage(bytes: Uint8Array): boolean {
  const names = new Set(zipEntryList(bytes).map((entry) => entry.name.replace(/^\//u, '')));
  return names.has('content.xml') && !names.has('xl/workbook.xml') && !names.has('[Content_Types].xml');
}

/** Scans an .ods package: its content.xml (refused when encrypted: the manifest says so). Throws YijianError. */
export function scanOds(bytes: Uint8Array, maxRows: number): OdsScan {
  const entries = zipEntryList(bytes);
  const byName = new Map(entries.map((entry) => [entry.name.replace(/^\//u, ''), entry] as const));
  const manifest = byName.get('META-INF/manifest.xml');
  const manifestXml = manifest === undefined ? null : entryBytes(bytes, manifest);
  if (manifestXml !== null && manifestXml.includes('encryption-data')) {
    throw new YijianError('E_ENCRYPTED', '文件设有打开密码（已加密），无法读取。', {
      hint: '请在 LibreOffice 或 WPS 中取消密码（文件 → 属性 → 安全，或另存时不勾选“使用密码保存”）后另存再试。',
    });
  }
  // An OpenDocument package says what it is first: a text document (.odt) or a presentation named .ods is no table.
  const mimetype = byName.get('mimetype');
  const kind = mimetype === undefined ? null : entryBytes(bytes, mimetype)?.toString('latin1').trim() ?? null;
  if (kind !== null && kind.startsWith('application/vnd.oasis.opendocument.') && !kind.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
    const text = kind.startsWith('application/vnd.oasis.opendocument.text');
    throw new YijianError('E_UNSUPPORTED_FORMAT', `文件是 OpenDocument ${text ? '文字文档（.odt）' : '文档'}，不是表格，无法读取其中的意见。`, {
      hint: text ? '请用 WPS 或 LibreOffice 打开后“另存为”Word 文档（.docx）再读取。' : '请向报送单位要意见表（.xlsx 或 .ods）。',
    });
  }
  const content = byName.get('content.xml');
  const xml = content === undefined ? null : entryBytes(bytes, content);
  if (xml === null) {
    throw new YijianError('E_UNREADABLE_FILE', 'OpenDocument 表格中没有可读的内容（content.xml 缺失或损坏）。', {
      hint: '请用 LibreOffice 或 WPS 打开后另存为 .xlsx 或 .ods 再试。',
    });
  }
  const scan = scanOdsXml(xml.toString('utf8'), maxRows);
  if (scan.sheets === 0) {
    throw new YijianError('E_UNREADABLE_FILE', 'OpenDocument 文件中没有工作表，不是表格。', {
      hint: '请确认发送的是意见表本身；如是表格，请用 LibreOffice 或 WPS 打开后另存为 .xlsx 再试。',
    });
  }
  return scan;
}

/** One tag of interest: its local name, whether it closes, whether it is empty (<…/>), and its attributes text. */
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(table|table-row|table-column|table-cell|covered-table-cell|style|table-properties)(?=[\s/>])([^>]*)>/gu;

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(text: string, local: string): string | null {
  // Most tags carry none of the attributes asked for: a substring test is much cheaper than the pattern.
  if (!text.includes(local)) return null;
  let pattern = ATTRIBUTES.get(local);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u');
    ATTRIBUTES.set(local, pattern);
  }
  const match = pattern.exec(text);
  return match === null ? null : (match[1] ?? match[2] ?? '');
}

function repeat(text: string, local: string): number {
  const value = Number.parseInt(attribute(text, local) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

/** XML's five entities and numeric references, as a sheet name (table:name) is written. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/giu, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

/** Walks the content XML of an .ods (or a whole .fods document). Throws YijianError E_TOO_MANY_ROWS / E_TOO_LARGE. */
export function scanOdsXml(xml: string, maxRows: number): OdsScan {
  const limit = Math.min(maxRows, EXCEL_ROWS);
  const hiddenStyles = new Set<string>();
  const hiddenRows = new Map<string, number[]>();
  const hiddenColumns = new Map<string, (readonly [number, number])[]>();
  const hiddenSheets = new Set<string>();
  let cells = 0;
  let sheets = 0;
  // Style being read (style:style family="table"), and the table being walked.
  let tableStyle: string | null = null;
  let sheet: string | null = null;
  let nextRow = 1;
  let nextColumn = 0;
  let row: { first: number; repeat: number; hidden: boolean; filled: number } | null = null;
  const closeRow = (): void => {
    if (row === null || sheet === null) return;
    const last = row.first + row.repeat - 1;
    if (row.filled > 0) {
      if (last > limit) {
        throw new YijianError(
          'E_TOO_MANY_ROWS',
          `${sheetWords(sheet)}行数超过上限 ${limit} 行（${rowWords(Math.max(row.first, limit + 1))}还有内容），未读取。`,
          { hint: '请拆分工作表，或在配置中调高 limits.maxRowsPerSheet。', location: { sheet, row: Math.max(row.first, limit + 1) } },
        );
      }
      cells += row.filled * row.repeat;
      if (cells > MAX_CELLS) {
        throw new YijianError('E_TOO_LARGE', `${sheetWords(sheet)}重复的单元格展开后超过 ${MAX_CELLS} 个，已拒绝读取（可能是恶意文件）。`, {
          hint: '请用 LibreOffice 或 WPS 打开后另存为 .xlsx 再试。',
          location: { sheet },
        });
      }
      if (row.hidden) {
        const list = hiddenRows.get(sheet) ?? [];
        for (let r = row.first; r <= last; r += 1) list.push(r);
        hiddenRows.set(sheet, list);
      }
    }
    nextRow = last + 1;
    row = null;
  };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(xml); match !== null; match = TAG.exec(xml)) {
    const closing = match[1] === '/';
    const local = match[2];
    const attributes = match[3] ?? '';
    const empty = attributes.endsWith('/');
    switch (local) {
      case 'style':
        if (closing) tableStyle = null;
        else if (!empty && attribute(attributes, 'family') === 'table') tableStyle = attribute(attributes, 'name');
        break;
      case 'table-properties':
        if (tableStyle !== null && attribute(attributes, 'display') === 'false') hiddenStyles.add(tableStyle);
        break;
      case 'table':
        if (closing) {
          closeRow();
          sheet = null;
        } else if (!empty) {
          sheet = unescapeXml(attribute(attributes, 'name') ?? '');
          sheets += 1;
          nextRow = 1;
          nextColumn = 0;
          const style = attribute(attributes, 'style-name');
          if (style !== null && hiddenStyles.has(style)) hiddenSheets.add(sheet);
        }
        break;
      case 'table-column': {
        if (closing || sheet === null) break;
        const count = repeat(attributes, 'number-columns-repeated');
        if (attribute(attributes, 'visibility') === 'collapse' || attribute(attributes, 'visibility') === 'filter') {
          const ranges = hiddenColumns.get(sheet) ?? [];
          const previous = ranges[ranges.length - 1];
          if (previous !== undefined && previous[1] === nextColumn - 1) ranges[ranges.length - 1] = [previous[0], nextColumn + count - 1];
          else ranges.push([nextColumn, nextColumn + count - 1]);
          hiddenColumns.set(sheet, ranges);
        }
        nextColumn += count;
        break;
      }
      case 'table-row':
        if (sheet === null) break;
        if (closing) {
          closeRow();
          break;
        }
        closeRow();
        row = {
          first: nextRow,
          repeat: repeat(attributes, 'number-rows-repeated'),
          hidden: ['collapse', 'filter'].includes(attribute(attributes, 'visibility') ?? ''),
          filled: 0,
        };
        if (empty) closeRow();
        break;
      case 'table-cell':
        // A cell with a value type or with text inside holds something; a bare <table:table-cell/> is blank.
        if (!closing && row !== null && (!empty || attribute(attributes, 'value-type') !== null)) {
          row.filled += repeat(attributes, 'number-columns-repeated');
        }
        break;
      default:
        break;
    }
  }
  return { hiddenRows, hiddenColumns, hiddenSheets, sheets, cells };
}
