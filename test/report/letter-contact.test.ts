/**
 * A letter to a contact point names whom at the bureau to call (附注 below the date, GB/T 9704:
 * （联系人：张三，021-63210000））. Without it every letter was sent with the line written in by hand.
 */
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, contactLineOf, feedbackDetails, pointFeedback } from '../../src/decisions/feedback.js';
import { renderFeedback } from '../../src/report/feedback.js';
import { sampleDigest } from './sample-digest.js';

const SIGNED = { issuer: '某市司法局', dateText: '2024年6月10日', contact: '张三，021-63210000' };

describe('contactLineOf', () => {
  it.each([
    ['张三，021-63210000', '（联系人：张三，021-63210000）'],
    ['联系人：张三，电话：13812345678', '（联系人：张三，电话：13812345678）'],
    ['（张三，021-63210000）', '（联系人：张三，021-63210000）'],
    ['  ', ''],
    ['', ''],
  ])('%j → %j', (contact, expected) => expect(contactLineOf(contact)).toBe(expected));
});

describe('the letter\'s 联系人 line', () => {
  const digest = sampleDigest();
  const letters = (signature: typeof SIGNED | { issuer: string; dateText: string }) =>
    pointFeedback(buildFeedbackDocument(digest, null), signature, feedbackDetails(digest));

  it('stands below the date, the bureau\'s number unmasked, in Markdown and Word', async () => {
    const [letter] = letters(SIGNED);
    const [md, docx] = await renderFeedback([letter!], ['md', 'docx'], null);
    const mdText = md!.data.toString();
    const wordText = (await mammoth.extractRawText({ buffer: docx!.data as Buffer })).value;
    for (const text of [mdText, wordText]) {
      const [body = ''] = text.split('附：意见来源');
      const date = body.lastIndexOf('2024年6月10日');
      const line = body.indexOf('（联系人：张三，021-63210000）');
      expect(date).toBeGreaterThan(0);
      expect(line).toBeGreaterThan(date);
    }
  });

  it('is left out, with no empty bracket, when no contact was given', async () => {
    const [letter] = letters({ issuer: '某市司法局', dateText: '2024年6月10日' });
    expect(letter!.contactLine).toBe('');
    const [md, docx] = await renderFeedback([letter!], ['md', 'docx'], null);
    const wordText = (await mammoth.extractRawText({ buffer: docx!.data as Buffer })).value;
    for (const text of [md!.data.toString(), wordText]) expect(text).not.toContain('联系人');
  });
});

describe('the 落款 block', () => {
  const digest = sampleDigest();
  /** The Word paragraph that holds the signature date (the last one that does, before 附：意见来源). */
  async function dateParagraph(signature: typeof SIGNED | { issuer: string; dateText: string }): Promise<string> {
    const [letter] = pointFeedback(buildFeedbackDocument(digest, null), signature, feedbackDetails(digest));
    const [docx] = await renderFeedback([letter!], ['docx'], null);
    const xml = new PizZip(docx!.data as Buffer).file('word/document.xml')!.asText();
    const body = xml.slice(0, xml.indexOf('附：意见来源'));
    return body.split('<w:p>').filter((paragraph) => paragraph.includes('2024年6月10日')).at(-1) ?? '';
  }

  it('keeps the date with the 联系人 line, and not with 附：意见来源 when there is none', async () => {
    // Kept with the 附 heading and its first line, 特此反馈 and the whole 落款 went to a page of their own.
    expect(await dateParagraph({ issuer: '某市司法局', dateText: '2024年6月10日' })).not.toContain('<w:keepNext/>');
    expect(await dateParagraph(SIGNED)).toContain('<w:keepNext/>');
  });
});
