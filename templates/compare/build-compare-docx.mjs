#!/usr/bin/env node
/**
 * Builds templates/compare/compare.docx, the 修改前后对照表, from the summary report's Word template:
 * its styles, fonts, page setup and "— 1 —" footer are taken as they are (one official-document look,
 * defined once in templates/build-docx.mjs), and only the body is replaced. Run after build-docx.mjs:
 *   node templates/compare/build-compare-docx.mjs
 * Cells hold {@oldXml} / {@newXml}: paragraphs the renderer builds, with the changed words marked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const FIXED_DATE = new Date(2024, 0, 1, 0, 0, 0);
const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const base = new PizZip(readFileSync(here('../summary/summary.docx')));
const summaryXml = base.file('word/document.xml').asText();
const sectPr = summaryXml.slice(summaryXml.lastIndexOf('<w:sectPr'), summaryXml.lastIndexOf('</w:body>'));
const head = summaryXml.slice(0, summaryXml.indexOf('<w:body>') + '<w:body>'.length);

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (text, style = null) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}</w:pPr>` +
  (text === '' ? '' : `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`) + '</w:p>';
const cell = (width, inner) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;

// Text width of the page: 21 - 2.8 - 2.6 = 15.6 cm, shared by the two columns.
const half = Math.round(7.8 * 567);
const widths = [half, half];
const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${cell(half, p('原条文', 'TableHead'))}${cell(half, p('修改后条文', 'TableHead'))}</w:tr>`;
// The loop opens in the first cell and closes in the second, so docxtemplater repeats the table row.
const row = `<w:tr>${cell(half, p('{#rows}{@oldXml}', 'TableText'))}${cell(half, p('{@newXml}{/rows}', 'TableText'))}</w:tr>`;
const table =
  `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${half * 2}" w:type="dxa"/><w:jc w:val="center"/>` +
  `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${header}${row}</w:tbl>`;
const body = p('{titleLines}', 'Title') + p('{sourceLine}') + p('{summaryLine}') + p('{legend}') + table;

const zip = new PizZip();
for (const name of Object.keys(base.files)) {
  const entry = base.files[name];
  if (entry.dir) continue;
  const data = name === 'word/document.xml' ? `${head}${body}${sectPr}</w:body></w:document>` : entry.asUint8Array();
  zip.file(name, data, { date: FIXED_DATE, createFolders: false });
}
writeFileSync(here('compare.docx'), zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log('built compare/compare.docx');
