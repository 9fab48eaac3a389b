/**
 * Print setup for every sheet yijian writes (登记表, 对照表.xlsx, 统计.xlsx, the merged workbook):
 * landscape A4, all columns fitted to one page width, the header row repeated on every page, page
 * numbers in the footer. SheetJS community edition writes none of this, so it is added to the
 * package it wrote. Only the head and tail of a sheet's XML are touched (as bytes, not one string),
 * so a merged sheet of a million rows costs no more than copying it. Kept as XML rather than written with
 * ExcelJS: at 100k rows ExcelJS took 3.1× the CPU of this path (19.8 against 6.3 CPU s; figures and
 * reasons in render-xlsx.ts, `node bench/xlsx-writers.mjs`).
 */
import { escapeXml } from './svg.js';

/** How a sheet prints; every field has the default staff expect. */
export interface SheetPrint {
  orientation: 'landscape' | 'portrait';
  /** Rows repeated at the top of each printed page (1 = the header row). */
  titleRows: number;
  /** Printed at the top of every page (what the sheet is: 《草案》意见采纳情况登记表); '' for none. */
  pageHeader?: string;
}

export const DEFAULT_PRINT: SheetPrint = { orientation: 'landscape', titleRows: 1 };

/** Elements that come after pageSetup/headerFooter in a worksheet (schema order). */
const AFTER_PAGE_SETUP = /<(rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]/;

/** Adds print setup to one sheet's XML (bytes in, bytes out). */
export function printSheetXml(xml: Buffer, print: SheetPrint = DEFAULT_PRINT): Buffer {
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.lastIndexOf('</sheetData>');
  if (dataStart < 0 || dataEnd < 0) return xml;
  let head = xml.subarray(0, dataStart).toString('utf8');
  let tail = xml.subarray(dataEnd).toString('utf8');
  const fit = '<pageSetUpPr fitToPage="1"/>';
  if (/<sheetPr\b[^>]*\/>/.test(head)) head = head.replace(/<sheetPr\b([^>]*)\/>/, `<sheetPr$1>${fit}</sheetPr>`);
  else if (/<sheetPr\b[^>]*>/.test(head)) head = head.replace(/<sheetPr\b([^>]*)>/, `<sheetPr$1>${fit}`);
  else head = head.replace(/(<worksheet\b[^>]*>)/, `$1<sheetPr>${fit}</sheetPr>`);
  tail = tail.replace(/<printOptions\b[^>]*\/>|<pageMargins\b[^>]*\/>|<pageSetup\b[^>]*\/>|<headerFooter\b[\s\S]*?<\/headerFooter>/g, '');
  const setup =
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.25" right="0.25" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    // paperSize 9 is A4; fitToHeight 0 lets the rows run on to as many pages as they need.
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter>${headerXml(print.pageHeader ?? '')}<oddFooter>${escapeXml('&C第 &P 页，共 &N 页')}</oddFooter></headerFooter>`;
  const at = AFTER_PAGE_SETUP.exec(tail)?.index ?? tail.lastIndexOf('</worksheet>');
  tail = tail.slice(0, at) + setup + tail.slice(at);
  return Buffer.concat([Buffer.from(head, 'utf8'), xml.subarray(dataStart, dataEnd), Buffer.from(tail, 'utf8')]);
}

/** Excel's limit on a header's text, codes included. */
const HEADER_LIMIT = 255;

/** The page header: the text centred (&C), its & doubled so Excel does not read it as a code; cut at Excel's limit. */
function headerXml(text: string): string {
  if (text === '') return '';
  const coded = `&C${[...text.replace(/&/g, '&&')].slice(0, HEADER_LIMIT - 2).join('')}`;
  return `<oddHeader>${escapeXml(coded)}</oddHeader>`;
}

/** Quotes a sheet name for a formula: '采纳情况登记表'!$1:$1. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Adds the repeated title rows (_xlnm.Print_Titles) of each sheet to workbook.xml. `names` are the
 * sheets in workbook order.
 */
export function printTitlesXml(workbookXml: string, names: readonly string[], prints: readonly SheetPrint[]): string {
  const defined = names
    .map((name, i) => {
      const rows = prints[i]?.titleRows ?? 1;
      return rows > 0 ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${sheetRef(name)}!$1:$${rows}`)}</definedName>` : '';
    })
    .join('');
  if (defined === '') return workbookXml;
  const cleaned = workbookXml.replace(/<definedName name="_xlnm\.Print_Titles"[^>]*>[^<]*<\/definedName>/g, '');
  if (cleaned.includes('<definedNames>')) return cleaned.replace('<definedNames>', `<definedNames>${defined}`);
  if (cleaned.includes('<definedNames/>')) return cleaned.replace('<definedNames/>', `<definedNames>${defined}</definedNames>`);
  return cleaned.replace('</sheets>', `</sheets><definedNames>${defined}</definedNames>`);
}

/** Adds print setup to every sheet of a package (entries by name), sheets named in workbook order. */
export function printPackage(entries: Map<string, Uint8Array>, names: readonly string[], prints: readonly SheetPrint[] = []): void {
  names.forEach((_name, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = entries.get(path);
    if (xml !== undefined) entries.set(path, printSheetXml(asBuffer(xml), prints[i] ?? DEFAULT_PRINT));
  });
  const workbook = entries.get('xl/workbook.xml');
  if (workbook !== undefined) {
    entries.set('xl/workbook.xml', Buffer.from(printTitlesXml(asBuffer(workbook).toString('utf8'), names, names.map((_n, i) => prints[i] ?? DEFAULT_PRINT)), 'utf8'));
  }
}

/** A Buffer view on the bytes (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
