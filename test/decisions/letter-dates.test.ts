/**
 * The Markdown letter's table has a 日期 column only when the point's sheet gave dates (session 22): a column empty
 * on every row was printed for every point whose form has no 日期.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, feedbackDetails, pointFeedback } from '../../src/decisions/feedback.js';
import type { Digest } from '../../src/model.js';
import { renderFeedback } from '../../src/report/feedback.js';
import { sampleDigest } from '../report/sample-digest.js';

const SIGNED = { issuer: '某市司法局', dateText: '2024年6月10日' };

async function markdownLetters(digest: Digest): Promise<Map<string, string>> {
  const letters = pointFeedback(buildFeedbackDocument(digest, null), SIGNED, feedbackDetails(digest));
  const out = new Map<string, string>();
  for (const letter of letters) {
    const files = await renderFeedback([letter], ['md'], null);
    out.set(letter.point, String(files[0]!.data));
  }
  return out;
}

const header = (md: string): string => md.split('\n').find((l) => l.startsWith('| 序号 |')) ?? '';

describe('the letter\'s 日期 column', () => {
  it('is left out for a point that sent no dates, and kept with the dates it sent', async () => {
    const digest = sampleDigest();
    const withDates: Digest = { ...digest, records: digest.records.map((r) => ({ ...r, date: '2024-05-20' })) };
    const without: Digest = { ...digest, records: digest.records.map((r) => ({ ...r, date: null })) };
    for (const md of (await markdownLetters(without)).values()) {
      expect(header(md)).toBe('| 序号 | 提出人 | 条款 | 意见 | 采纳情况 | 理由说明 |');
      expect(md).toContain('下表“序号”“提出人”为你单位报送表格中所填。');
    }
    for (const md of (await markdownLetters(withDates)).values()) {
      expect(header(md)).toBe('| 序号 | 提出人 | 日期 | 条款 | 意见 | 采纳情况 | 理由说明 |');
      expect(md).toContain('2024年5月20日');
    }
  });

  it('is named in the Word letter\'s note and column header only when the point sent dates', async () => {
    const digest = sampleDigest();
    for (const [date, note, header] of [
      [null, '下表“序号”“提出人”为你单位报送表格中所填。', /提出人\s*意见/u],
      ['2024-05-20', '下表“序号”“提出人”“日期”为你单位报送表格中所填。', /提出人及日期/u],
    ] as const) {
      const shaped: Digest = { ...digest, records: digest.records.map((r) => ({ ...r, date })) };
      const letter = pointFeedback(buildFeedbackDocument(shaped, null), SIGNED, feedbackDetails(shaped))[0]!;
      const files = await renderFeedback([letter], ['docx'], null);
      const text = (await mammoth.extractRawText({ buffer: files[0]!.data as Buffer })).value;
      expect(text).toContain(note);
      expect(text).toMatch(header);
      if (date === null) expect(text).not.toContain('提出人及日期');
    }
  });
});

describe('the letter\'s 附：意见来源 lines', () => {
  it('say a run of rows numbered down the sheet once (序号 1–4 在第 2–5 行), and the rest one by one', () => {
    const digest = sampleDigest();
    const point = digest.records[0]!.point;
    let n = 0;
    const shaped: Digest = {
      ...digest,
      records: digest.records.map((r) => {
        if (r.point !== point) return r;
        n += 1;
        // Rows 2–5 numbered 1–4, then a row whose 序号 skips (7 on row 9).
        const row = n <= 4 ? n + 1 : n + 4;
        const seq = n <= 4 ? String(n) : String(n + 2);
        return { ...r, seq, source: { ...r.source, file: '东湖.xlsx', sheet: '意见', row } };
      }),
    };
    const letter = pointFeedback(buildFeedbackDocument(shaped, null), SIGNED, feedbackDetails(shaped)).find((l) => l.point === point)!;
    const text = letter.sourceGroups.map((g) => g.rowsText).join('');
    expect(n).toBeGreaterThanOrEqual(4);
    expect(text.startsWith('序号 1–4 在第 2–5 行')).toBe(true);
    if (n > 4) expect(text).toContain('序号 7 在第 9 行');
  });
});

describe('the letter\'s 提出人 column and note', () => {
  // A point whose sheet had no 提出人 column (编号, 涉及条款, 意见内容, 修改理由, 类别) got an empty 提出人 column on every
  // row, and a note saying its 提出人 were as filled in its sheet.
  it('is left out, with its word in the note, for a point that named nobody, in Markdown and Word', async () => {
    const digest = sampleDigest();
    const nobody: Digest = { ...digest, records: digest.records.map((r) => ({ ...r, submitter: null, date: null })) };
    for (const md of (await markdownLetters(nobody)).values()) {
      expect(header(md)).toBe('| 序号 | 条款 | 意见 | 采纳情况 | 理由说明 |');
      expect(md).not.toContain('“提出人”');
    }
    const letter = pointFeedback(buildFeedbackDocument(nobody, null), SIGNED, feedbackDetails(nobody))[0]!;
    const text = (await mammoth.extractRawText({ buffer: (await renderFeedback([letter], ['docx'], null))[0]!.data as Buffer })).value;
    expect(text).not.toContain('提出人');
    expect(text).toMatch(/序号\s*意见\s*采纳情况\s*理由说明/u);
    expect(text).toContain(letter.items[0]!.opinion);
  });

  it('names only what the sheet gave: dates without names, and no note when it gave neither 序号 nor names nor dates', async () => {
    const digest = sampleDigest();
    const datesOnly: Digest = { ...digest, records: digest.records.map((r) => ({ ...r, submitter: null, date: '2024-05-20' })) };
    const md = [...(await markdownLetters(datesOnly)).values()][0]!;
    expect(header(md)).toBe('| 序号 | 日期 | 条款 | 意见 | 采纳情况 | 理由说明 |');
    const bare: Digest = { ...digest, records: digest.records.map((r) => ({ ...r, seq: null, submitter: null, date: null })) };
    const letter = pointFeedback(buildFeedbackDocument(bare, null), SIGNED, feedbackDetails(bare))[0]!;
    expect(letter.tableNote).toBe('');
    expect(String((await renderFeedback([letter], ['md'], null))[0]!.data)).not.toContain('为你单位报送表格中所填');
  });
});
