/**
 * What the 意见征集表 needs beyond the report sheets renderXlsxBook writes: title rows above the header,
 * the 条款 drop-down read from a range of the 填表说明 sheet (an inline list may not exceed 255
 * characters, and a draft's captions run to thousands), and print setup. Applied to the package
 * renderXlsxBook returns, touching only the first sheet's XML, the workbook's names and the styles.
 */
import * as XLSX from 'xlsx';
import { YijianError } from '../errors.js';
import { escapeCellText } from './xlsx-rows.js';
import { packageZip } from './zip.js';
import { readZip } from './zip-writer.js';

/** What finishing adds to the form sheet. */
export interface FormFinish {
  /** Lines above the header, the first being the title; each is merged across the table. */
  titleLines: string[];
  /** The form sheet's name, as its layout gives it (the print titles name it). */
  sheet: string;
  columns: number;
  /** 0-based column of 条款, and the range its drop-down reads (on the instruction sheet, 1-based rows). */
  articleColumn: number;
  list: { sheet: string; column: string; firstRow: number; lastRow: number };
  /** Header row and data rows before shifting (1-based), as renderXlsxBook wrote them. */
  lastRow: number;
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** Shifts every cell reference (A1, $A$1, A1:B2) in `text` down by `by` rows. */
function shiftRefs(text: string, by: number): string {
  return text.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) + by}`);
}

/** Adds a bold 16 pt title style and a bold 12 pt centred line style; returns their indexes. */
function addTitleStyles(styles: string): { xml: string; title: number; line: number } {
  const fonts = /<fonts count="(\d+)">/.exec(styles);
  const xfs = /<cellXfs count="(\d+)">/.exec(styles);
  if (fonts === null || xfs === null) throw new YijianError('E_INTERNAL', '生成的工作簿缺少字体或单元格样式表');
  const fontCount = Number(fonts[1]);
  const xfCount = Number(xfs[1]);
  const font = (size: number): string => `<font><b/><sz val="${size}"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`;
  const xf = (fontId: number): string =>
    `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>`;
  const xml = styles
    .replace(/<fonts count="\d+">([\s\S]*?)<\/fonts>/, (_m, inner: string) => `<fonts count="${fontCount + 2}">${inner}${font(16)}${font(12)}</fonts>`)
    .replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, inner: string) => `<cellXfs count="${xfCount + 2}">${inner}${xf(fontCount)}${xf(fontCount + 1)}</cellXfs>`);
  return { xml, title: xfCount, line: xfCount + 1 };
}

/** Inserts `block` before the first element of `after` that the sheet has, else before </worksheet>. */
function insertBefore(xml: string, block: string, after: readonly string[]): string {
  const next = new RegExp(`<(${after.join('|')})[\\s>/]`).exec(xml);
  const at = next?.index ?? xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + block + xml.slice(at);
}

const AFTER_MERGE = ['phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_PRINT = ['headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Finishes the form workbook `book` (renderXlsxBook's output, the form sheet first). */
export function finishForm(book: Buffer, finish: FormFinish): Buffer {
  const entries = new Map(readZip(book).map((e) => [e.name, Buffer.from(e.data)] as const));
  const sheet = entries.get(SHEET)?.toString('utf8');
  const workbook = entries.get('xl/workbook.xml')?.toString('utf8');
  const stylesXml = entries.get('xl/styles.xml')?.toString('utf8');
  if (sheet === undefined || workbook === undefined || stylesXml === undefined) throw new YijianError('E_INTERNAL', '生成的意见征集表缺少工作表、工作簿或样式部件');
  const by = finish.titleLines.length;
  const lastColumn = XLSX.utils.encode_col(finish.columns - 1);
  const styles = addTitleStyles(stylesXml);

  // Everything SheetJS placed from row 1 moves down under the title lines.
  let xml = sheet
    .replace(/<row r="(\d+)"/g, (_m, r: string) => `<row r="${Number(r) + by}"`)
    .replace(/<c r="([A-Z]+)(\d+)"/g, (_m, c: string, r: string) => `<c r="${c}${Number(r) + by}"`)
    .replace(/(ref|sqref|topLeftCell|activeCell)="([^"]*)"/g, (_m, name: string, value: string) => `${name}="${shiftRefs(value, by)}"`)
    .replace(/<pane ySplit="(\d+)"/, (_m, n: string) => `<pane ySplit="${Number(n) + by}"`)
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${lastColumn}${finish.lastRow + by}"/>`);
  const titleRows = finish.titleLines.map((line, i) =>
    `<row r="${i + 1}" ht="${i === 0 ? 40 : 24}" customHeight="1"><c r="A${i + 1}" s="${i === 0 ? styles.title : styles.line}" t="inlineStr"><is><t>${escapeCellText(line)}</t></is></c></row>`).join('');
  xml = xml.replace('<sheetData>', `<sheetData>${titleRows}`);
  const merges = finish.titleLines.map((_, i) => `<mergeCell ref="A${i + 1}:${lastColumn}${i + 1}"/>`).join('');
  xml = insertBefore(xml, `<mergeCells count="${finish.titleLines.length}">${merges}</mergeCells>`, AFTER_MERGE);

  // The 条款 drop-down reads its choices from the instruction sheet; typing two articles by hand stays
  // possible (a warning, not a refusal), since one opinion may concern 第十二条、第十三条.
  const column = XLSX.utils.encode_col(finish.articleColumn);
  const { sheet: listSheet, column: listColumn, firstRow, lastRow } = finish.list;
  const validation =
    `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
    `promptTitle="条款" prompt="请从下拉列表中选择意见针对的条文" errorTitle="不在列表中的条款" ` +
    `error="列表中没有这一项。一条意见涉及几个条文的，可以写“第十二条、第十三条”；确定这样填写请点“是”。" ` +
    `sqref="${column}${1 + by + 1}:${column}${finish.lastRow + by}">` +
    `<formula1>'${listSheet}'!$${listColumn}$${firstRow}:$${listColumn}$${lastRow}</formula1></dataValidation>`;
  if (xml.includes('<dataValidations count="')) {
    xml = xml.replace(/<dataValidations count="(\d+)">/, (_m, n: string) => `<dataValidations count="${Number(n) + 1}">${validation}`);
  } else {
    xml = insertBefore(xml, `<dataValidations count="1">${validation}</dataValidations>`, AFTER_MERGE.slice(3));
  }

  // Print: A4 landscape, one page wide, the title and header rows on every page (unless the renderer set it up already).
  if (!xml.includes('<pageSetup')) {
    xml = insertBefore(xml, '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>', AFTER_PRINT);
    xml = xml.includes('<sheetPr') ? xml : xml.replace(/<dimension /, '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ');
  }
  const printTitles = `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${escapeCellText(finish.sheet)}'!$1:$${1 + by}</definedName>`;
  let names = workbook
    .replace(/<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*<\/definedName>/, '')
    .replace(/(<definedName name="_xlnm._FilterDatabase" localSheetId="0"[^>]*>)([^<]*)(<\/definedName>)/, (_m, open: string, ref: string, close: string) => `${open}${shiftRefs(ref, by)}${close}`);
  names = names.includes('<definedNames>')
    ? names.replace('<definedNames>', `<definedNames>${printTitles}`)
    : names.replace('</sheets>', `</sheets><definedNames>${printTitles}</definedNames>`);

  entries.set(SHEET, Buffer.from(xml, 'utf8'));
  entries.set('xl/workbook.xml', Buffer.from(names, 'utf8'));
  entries.set('xl/styles.xml', Buffer.from(styles.xml, 'utf8'));
  return packageZip([...entries].map(([name, data]) => ({ name, data })));
}
