/**
 * A printed letter never leaves a heading or the sentence introducing a table at the foot of a page while the
 * table starts on the next: a letter row is never split (cantSplit), so a tall first row moved the table and left
 * 二、逐条意见采纳情况 and its note alone at the bottom of page 1 (a letter with a long opening, --cited-draft).
 * The 对照表 ended pages on an article's text with its opinions' table on the next (第二十二条 of the fixtures).
 * Word and LibreOffice keep a paragraph marked keepNext with the first row of the table after it.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, feedbackDetails, pointFeedback } from '../../src/decisions/feedback.js';
import { renderFeedback } from '../../src/report/feedback.js';
import { renderReports } from '../../src/report/index.js';
import { sampleDigest } from './sample-digest.js';

/** The text of each paragraph right before a table, and whether it (or its style) keeps with the next. */
function beforeTables(docx: Buffer): { text: string; keeps: boolean }[] {
  const zip = new PizZip(docx);
  const xml = zip.file('word/document.xml')!.asText();
  const styles = zip.file('word/styles.xml')!.asText();
  const keepingStyles = new Set([...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>(.*?)<\/w:style>/gsu)]
    .filter((m) => (m[2] ?? '').includes('<w:keepNext/>')).map((m) => m[1]));
  const body = xml.slice(xml.indexOf('<w:body>'));
  const found: { text: string; keeps: boolean }[] = [];
  for (const table of body.matchAll(/<w:tbl>/gu)) {
    const before = body.slice(0, table.index);
    const paragraph = before.slice(before.lastIndexOf('<w:p>'));
    const style = /<w:pStyle w:val="([^"]+)"\/>/u.exec(paragraph)?.[1];
    found.push({
      text: [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''),
      keeps: paragraph.includes('<w:keepNext/>') || (style !== undefined && keepingStyles.has(style)),
    });
  }
  return found;
}

describe('the letter\'s tables', () => {
  it('keeps the totals sentence and the note under 二、逐条意见采纳情况 with their tables', async () => {
    const digest = sampleDigest();
    const letter = pointFeedback(buildFeedbackDocument(digest, null), { issuer: '某市司法局', dateText: '2024年6月10日' }, feedbackDetails(digest))[0]!;
    const files = await renderFeedback([letter], ['docx'], null);
    const found = beforeTables(files[0]!.data as Buffer);
    expect(found.map((f) => f.text)).toEqual([letter.totalsSentence, '下表“序号”“提出人”“日期”为你单位报送表格中所填。']);
    expect(found.filter((f) => !f.keeps)).toEqual([]);
  });

  it('heads the column that holds the name and the date under it 提出人及日期', async () => {
    const digest = sampleDigest();
    const letter = pointFeedback(buildFeedbackDocument(digest, null), { issuer: '', dateText: '' }, feedbackDetails(digest))[0]!;
    const xml = new PizZip((await renderFeedback([letter], ['docx'], null))[0]!.data as Buffer).file('word/document.xml')!.asText();
    // The opinions' table is the second one (after the totals); its header row is the repeated one.
    const second = xml.split('<w:tbl>')[2] ?? '';
    const header = /<w:tblHeader\/>.*?<\/w:tr>/su.exec(second)?.[0] ?? '';
    const heads = [...header.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]);
    expect(heads).toEqual(['序号', '提出人及日期', '意见', '采纳情况', '理由说明']);
  });
});

describe('the 对照表 keeps each article with the table of its opinions', () => {
  it('keeps the article text (or, without text, the heading) before every table with it', async () => {
    const digest = sampleDigest();
    const files = await renderReports(digest, { formats: ['docx'], templatesDir: null, showContact: false });
    const found = beforeTables(files.find((f) => f.name === '条文意见对照表.docx')!.data as Buffer);
    expect(found.length).toBeGreaterThan(5);
    // The last 款 of 第四条 (登记办理应当便民高效…) is the paragraph right before its opinions.
    expect(found.some((f) => f.text.startsWith('登记办理应当便民高效'))).toBe(true);
    expect(found.filter((f) => !f.keeps)).toEqual([]);
  });
});
