/**
 * A printed sheet says what it is: every page of the 登记表, the 对照表 (Excel), 统计 and the Excel 修改前后对照表
 * carries the document's title at its top (a page header), as the Word documents carry theirs. Before, a printed
 * page showed a bare table, and whoever took it to a meeting wrote the draft's name on it by hand.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument } from '../../src/decisions/feedback.js';
import { computeStats } from '../../src/decisions/stats.js';
import { renderStats } from '../../src/report/feedback.js';
import { renderReports } from '../../src/report/index.js';
import { printSheetXml } from '../../src/report/xlsx-print.js';
import { sampleDigest } from './sample-digest.js';

/** The centred page header of each sheet of a workbook, in sheet order, as Excel codes (&C…). */
function pageHeaders(xlsx: Buffer): string[] {
  const zip = new PizZip(xlsx);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
  return sheets.map((name) => {
    const header = /<oddHeader>([^<]*)<\/oddHeader>/u.exec(zip.file(name)!.asText())?.[1] ?? '';
    return header.replace(/&amp;/g, '&');
  });
}

describe('page headers of the printed sheets', () => {
  const digest = sampleDigest();
  const title = `《${digest.draft!.title}》`;

  it('titles the 登记表\'s two sheets and the Excel 对照表', async () => {
    const files = await renderReports(digest, { formats: ['xlsx'], templatesDir: null, showContact: false });
    const file = (name: string): Buffer => files.find((f) => f.name === name)!.data as Buffer;
    expect(pageHeaders(file('采纳情况登记表.xlsx'))).toEqual([`&C${title}意见采纳情况登记表`, `&C${title}意见采纳情况登记表（单条意见）`]);
    expect(pageHeaders(file('条文意见对照表.xlsx'))).toEqual([`&C${title}条文—意见对照表`]);
  });

  it('titles each sheet of 统计.xlsx with what it counts', async () => {
    const stats = computeStats([{ name: digest.draft!.title, document: buildFeedbackDocument(digest, null) }]);
    const [file] = await renderStats(stats, ['xlsx'], null, `${title}意见采纳情况统计`, '');
    expect(pageHeaders(file!.data as Buffer)).toEqual([
      `&C${title}意见采纳情况统计（各联系点）`, `&C${title}意见采纳情况统计（各县区）`, `&C${title}意见采纳情况统计（各草案）`,
    ]);
  });

  it('doubles an & so Excel prints it rather than reading a code, and writes no header when there is none', () => {
    const sheet = Buffer.from('<worksheet><sheetData></sheetData></worksheet>');
    expect(printSheetXml(sheet, { orientation: 'landscape', titleRows: 1, pageHeader: 'A&B条例' }).toString()).toContain('<oddHeader>&amp;CA&amp;&amp;B条例</oddHeader>');
    expect(printSheetXml(sheet).toString()).not.toContain('oddHeader');
  });
});
