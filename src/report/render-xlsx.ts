/**
 * Excel reports: SheetJS writes the cells; SheetJS community edition writes no styles, frozen
 * panes or data validation, so the sheet XML is finished here: frozen header row,
 * wrap-text styles, the decision drop-down list, print setup (xlsx-print.ts). Every text cell goes
 * through safeCell.
 *
 * Why not ExcelJS (issue 14 asked for a maintained library unless measured too slow at 100k rows): measured
 * with `node bench/xlsx-writers.mjs` (100k-row 采纳情况登记表: same columns, widths, wrap, row heights, frozen
 * header, drop-down on 采纳情况, landscape A4 fitted to width with the header repeated; each writer in its
 * own process, CPU s = user + system, 2-core machine under load):
 *
 *   this writer (SheetJS + sheet XML)   6.3 CPU s   peak RSS  613 MiB
 *   ExcelJS 4.4 streaming WorkbookWriter  19.8 CPU s   peak RSS  244 MiB
 *   ExcelJS 4.4 in-memory Workbook       32.1 CPU s   peak RSS 2063 MiB
 *
 * ExcelJS takes 3.1× (streaming) to 5.1× the CPU: the xlsx reports of a 100k digest, 7.6 CPU s here, would
 * alone exceed the 10 s budget for rendering every report. It would not remove the hand-written parts
 * either: both its writers date every zip entry with the current time (same input, different bytes) and
 * write no custom document properties (yijian's own-output marker), so its package would still be re-zipped
 * and patched. Streaming ExcelJS does use less memory (244 against 613 MiB); if a million-row merge runs out
 * of memory, that is where to look again.
 */
import * as XLSX from 'xlsx';
import { YijianError } from '../errors.js';
import { ORIGIN_PROPERTY } from '../ingest/xlsx-scan.js';
import { safeCell } from './cell-safety.js';
import { escapeXml } from './svg.js';
import type { LoadedTemplate } from './templates.js';
import type { XlsxLayout } from './xlsx-layout.js';
import { bodyRowsXml, rowHeightAttribute, wrappedLines, type BodyCell } from './xlsx-rows.js';
import { DEFAULT_PRINT, printPackage } from './xlsx-print.js';
import { packageZip } from './zip.js';
import { readZip } from './zip-writer.js';

/** A row: field name → cell value (text, a number, or a number shown through its own format). */
export type XlsxRow = Readonly<Record<string, BodyCell>>;
export type { FormattedNumber } from './xlsx-rows.js';

/** Styles: 0 default, 1 body (wrap, top, thin border), 2 header (bold, grey, centred, wrap, border), 3 body centred. */
const STYLES_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const STYLES_FONTS_TO_XFS =
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
  '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>';
/** The body styles 1 and 3 with a number format (numFmtId 0 is General). */
const bodyXf = (numFmtId: number): string =>
  `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="1" xfId="0"${numFmtId === 0 ? '' : ' applyNumberFormat="1"'} applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`;
const centredXf = (numFmtId: number): string =>
  `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="1" xfId="0"${numFmtId === 0 ? '' : ' applyNumberFormat="1"'} applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"/></xf>`;
const BASE_XFS =
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  bodyXf(0) +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">' +
  '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  centredXf(0);
const BASE_XF_COUNT = 4;
const STYLES_TAIL = '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
/** Excel's first number format id free for a workbook's own formats (0–163 are built in). */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * The workbook's style sheet: the four styles above, then for each custom number format (in `formats` order)
 * a body and a centred style showing it, numbered from 4. Without formats, the same bytes as ever.
 */
function stylesXml(formats: readonly string[]): string {
  const numFmts = formats.length === 0 ? '' : `<numFmts count="${formats.length}">${formats
    .map((format, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeXml(format)}"/>`).join('')}</numFmts>`;
  const extra = formats.map((_format, i) => bodyXf(FIRST_CUSTOM_FORMAT + i) + centredXf(FIRST_CUSTOM_FORMAT + i)).join('');
  return `${STYLES_HEAD}${numFmts}${STYLES_FONTS_TO_XFS}<cellXfs count="${BASE_XF_COUNT + 2 * formats.length}">${BASE_XFS}${extra}</cellXfs>${STYLES_TAIL}`;
}

/** The custom formats of a workbook's cells, in the order they first appear (so the same rows give the same bytes). */
function numberFormats(bodies: readonly (readonly (readonly BodyCell[])[])[]): string[] {
  const formats = new Set<string>();
  for (const body of bodies) for (const row of body) for (const cell of row) if (typeof cell === 'object') formats.add(cell.format);
  return [...formats];
}

/** Renders one sheet from `layout` and `rows`; a field the rows do not have → E_BAD_TEMPLATE. */
export function renderXlsx(
  template: LoadedTemplate, layout: XlsxLayout, rows: readonly XlsxRow[], known: readonly string[], origin?: string, pageHeader?: string,
): Buffer {
  return renderXlsxBook([{ template, layout, rows, known, ...(pageHeader === undefined ? {} : { pageHeader }) }], origin);
}

/** One sheet of a workbook: the layout it follows and its rows. */
export interface XlsxSheetSpec {
  /** The layout's template file, named when a field is wrong; absent for a layout built in code (the merged workbook). */
  template?: LoadedTemplate;
  layout: XlsxLayout;
  rows: readonly XlsxRow[];
  known: readonly string[];
  /** Printed at the top of every page, so a printed sheet says what it is (《草案》意见采纳情况登记表). */
  pageHeader?: string;
}

/**
 * Renders a workbook of several sheets, in order; each gets the header, styles and drop-downs of renderXlsx.
 * A cell given as a FormattedNumber is written as that number with its number format.
 * `origin` marks the workbook as yijian's own output ('report'), so later runs do not read it as submissions;
 * leave it out for workbooks people fill in and send back (the form).
 */
export function renderXlsxBook(specs: readonly XlsxSheetSpec[], origin?: string): Buffer {
  const sheets = specs.map((spec) => ({ ...spec, layout: withEmptyColumnsHidden(spec.layout, spec.rows) }));
  const book = XLSX.utils.book_new();
  if (origin !== undefined) book.Custprops = { [ORIGIN_PROPERTY]: origin };
  const bodies = sheets.map(({ template, layout, rows, known }) => {
    const { sheet, body } = sheetFor(template, layout, rows, known);
    XLSX.utils.book_append_sheet(book, sheet, layout.sheetName);
    return body;
  });
  const formats = numberFormats(bodies);
  const formatIndex = new Map(formats.map((format, i) => [format, i] as const));
  // A formatted number keeps its column's alignment: body style 1 → 4 + 2i, centred style 3 → 5 + 2i.
  const formatStyle = (format: string, columnStyle: number): number =>
    BASE_XF_COUNT + 2 * (formatIndex.get(format) ?? 0) + (columnStyle === 3 ? 1 : 0);
  // Stored, not compressed: the package is unpacked and deflated once more below, by native zlib.
  const written = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;

  const entries = new Map(readZip(written).map((entry) => [entry.name, entry.data] as const));
  sheets.forEach(({ layout, rows }, index) => {
    const path = `xl/worksheets/sheet${index + 1}.xml`;
    const sheetXml = entries.get(path);
    if (sheetXml === undefined) throw new YijianError('E_INTERNAL', `生成的工作簿缺少 ${path}`);
    const validations = layout.columns.flatMap((c, i): SheetValidation[] =>
      (c.list === undefined && c.prompt === undefined) || rows.length === 0
        ? []
        : [{ column: XLSX.utils.encode_col(i), ...(c.list === undefined ? {} : { list: c.list }), ...(c.prompt === undefined ? {} : { prompt: c.prompt }) }],
    );
    // A view on the entry's bytes, not a copy: the 单条意见 sheet is some 35 MB of XML at 100k opinions.
    const xml = Buffer.from(sheetXml.buffer, sheetXml.byteOffset, sheetXml.byteLength).toString('utf8');
    let finished = finishSheet(xml, validations, rows.length + 1);
    // The header row grows to its wrapped headers (意见数/提交数 in a narrow column), like the body rows.
    const headerLines = Math.max(1, ...layout.columns.map((c) => (c.hidden === true ? 1 : wrappedLines(c.header, c.width))));
    if (headerLines > 1) finished = finished.replace('<row r="1"', `<row r="1"${rowHeightAttribute(headerLines)}`);
    const end = finished.lastIndexOf('</sheetData>');
    if (end < 0) throw new YijianError('E_INTERNAL', `生成的工作簿 ${path} 缺少 sheetData`);
    const body = bodyRowsXml(bodies[index] ?? [], 2, {
      widths: layout.columns.map((c) => c.width),
      hidden: layout.columns.map((c) => c.hidden === true),
    }, layout.columns.map((c) => (c.align === 'center' ? 3 : 1)), formatStyle);
    entries.set(path, Buffer.from(finished.slice(0, end) + body + finished.slice(end), 'utf8'));
  });
  entries.set('xl/styles.xml', Buffer.from(stylesXml(formats), 'utf8'));
  printPackage(entries, sheets.map((s) => s.layout.sheetName), sheets.map((s) => ({
    orientation: s.layout.print?.orientation ?? DEFAULT_PRINT.orientation,
    titleRows: s.layout.print?.titleRows ?? DEFAULT_PRINT.titleRows,
    ...(s.pageHeader === undefined ? {} : { pageHeader: s.pageHeader }),
  })));
  return packageZip([...entries].map(([name, data]) => ({ name, data })));
}

/** The layout with each hideWhenEmpty column hidden when none of `rows` has text or a number in it. */
function withEmptyColumnsHidden(layout: XlsxLayout, rows: readonly XlsxRow[]): XlsxLayout {
  if (!layout.columns.some((c) => c.hideWhenEmpty === true)) return layout;
  const empty = (field: string): boolean => rows.every((row) => row[field] === undefined || row[field] === '');
  return { ...layout, columns: layout.columns.map((c) => (c.hideWhenEmpty === true && empty(c.field) ? { ...c, hidden: true } : c)) };
}

/**
 * SheetJS writes the header row and everything around the cells (dimension, columns, filter);
 * the body rows are returned as values and written by bodyRowsXml.
 */
function sheetFor(
  template: LoadedTemplate | undefined, layout: XlsxLayout, rows: readonly XlsxRow[], known: readonly string[],
): { sheet: XLSX.WorkSheet; body: BodyCell[][] } {
  const unknown = layout.columns.find((c) => !known.includes(c.field));
  if (unknown !== undefined && template === undefined) {
    throw new YijianError('E_INTERNAL', `工作表 ${layout.sheetName} 的字段 ${unknown.field} 不存在`);
  }
  if (unknown !== undefined && template !== undefined) {
    throw new YijianError('E_BAD_TEMPLATE', `模板 ${template.file} 中的字段 ${unknown.field} 不存在`, {
      hint: `可用字段：${known.join('、')}。请检查模板文件 ${template.path}。`,
      location: { file: template.path },
    });
  }
  const cell = (value: BodyCell | undefined): BodyCell =>
    typeof value === 'number' || typeof value === 'object' ? value : safeCell(value ?? '');
  const body = rows.map((row) => layout.columns.map((c) => cell(row[c.field])));
  const sheet = XLSX.utils.aoa_to_sheet([layout.columns.map((c) => safeCell(c.header))]);
  const lastColumn = XLSX.utils.encode_col(layout.columns.length - 1);
  // The sheet's extent covers the body rows written later, as if SheetJS had them.
  if (layout.columns.length > 0) sheet['!ref'] = `A1:${lastColumn}${rows.length + 1}`;
  sheet['!cols'] = layout.columns.map((c) => (c.hidden === true ? { wch: c.width, hidden: true } : { wch: c.width }));
  sheet['!autofilter'] = { ref: `A1:${lastColumn}${Math.max(1, rows.length + 1)}` };
  return { sheet, body };
}

/** A column's data validation: a drop-down list of values, an input message, or both. */
export interface SheetValidation {
  column: string;
  list?: readonly string[];
  prompt?: { title: string; text: string };
}

/** Adds the frozen header, cell styles, drop-down lists and input messages to SheetJS's sheet XML. */
export function finishSheet(xml: string, validations: readonly SheetValidation[], lastRow: number): string {
  const frozen =
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  let out = xml.replace(/<sheetViews>[\s\S]*?<\/sheetViews>/, frozen);
  out = out.replace(/<c r="([A-Z]+)(\d+)"/g, (_m, col: string, row: string) => `<c r="${col}${row}" s="${row === '1' ? 2 : 1}"`);
  if (validations.length > 0) {
    const body = validations
      .map((v) => {
        const prompt = v.prompt === undefined ? '' : ` promptTitle="${escapeXml(v.prompt.title)}" prompt="${escapeXml(v.prompt.text)}"`;
        const range = `sqref="${v.column}2:${v.column}${lastRow}"`;
        // An input message alone: no type, any text allowed (the reader checks it and names the cell).
        if (v.list === undefined) return `<dataValidation allowBlank="1" showInputMessage="1"${prompt} ${range}/>`;
        // Element text: quotes may stay as they are (Excel writes them so); the attribute needs them escaped.
        const formula = `"${v.list.join(',')}"`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        return (
          `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
          `errorTitle="无效的选项" error="${escapeXml(`请从下拉列表中选择：${v.list.join('、')}`)}"${prompt} ${range}>` +
          `<formula1>${formula}</formula1></dataValidation>`
        );
      })
      .join('');
    const block = `<dataValidations count="${validations.length}">${body}</dataValidations>`;
    // Schema order: dataValidations comes before hyperlinks, margins, ignoredErrors and the rest.
    const next = /<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|ignoredErrors|drawing|legacyDrawing|tableParts|extLst)[\s>/]/.exec(out);
    const at = next?.index ?? out.lastIndexOf('</worksheet>');
    out = out.slice(0, at) + block + out.slice(at);
  }
  return out;
}
