/**
 * The mark on an opinion placed by similarity, in the letter to the contact point. The bureau's own reports
 * ask their reader to check it (自动归入，请核对); the point receiving the letter cannot check anything, so the
 * letter says what was done — the opinion named no article and was placed by its content — with the same
 * confidence, and explains that mark once below the table.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, feedbackDetails, pointFeedback, SIMILARITY_EXPLAINED } from '../../src/decisions/feedback.js';
import type { Digest } from '../../src/model.js';
import { checkedKey, UNASSIGNED } from '../../src/article-key.js';
import { renderFeedback } from '../../src/report/feedback.js';
import { deletedCitationNote, letterArticlesNote, letterAssignmentNote } from '../../src/text/letter-notes.js';
import { sampleDigest } from '../report/sample-digest.js';

const GUESSED = '农村地区到县城办理号牌路途远，建议在乡镇设点集中上牌。';
const SIGNED = { issuer: '某市司法局', dateText: '2024年6月10日' };

describe('letterAssignmentNote', () => {
  const cases: [string, Parameters<typeof letterAssignmentNote>[0], string, string][] = [
    ['a guess by similarity', [{ key: '19', source: 'similarity', confidence: 0.2349 }], '19', '未注明条款，按内容归入本条（相似度 0.23）'],
    ['a guess for a paragraph, shown on its article', [{ key: '19.2', source: 'similarity', confidence: 0.4 }], '19', '未注明条款，按内容归入本条（相似度 0.40）'],
    ['an earlier round\'s article, deleted since', [{ key: '13', source: 'similarity', confidence: 0.31, originalKey: '12', originalDeleted: true }], '13',
      '所提原第十二条在修改稿中已删除，按内容归入本条（相似度 0.31）'],
    ['an earlier round\'s article, renumbered', [{ key: '13', source: 'column', confidence: 1, originalKey: '12' }], '13', '原第十二条'],
    // The letter's 条款 are articles: the 项 of the earlier citation stays out (its （三） once came out as 第，三项).
    ['an earlier round\'s 项, renumbered', [{ key: '13', source: 'column', confidence: 1, originalKey: '12.2.3' }], '13', '原第十二条'],
    ['an earlier round\'s article, same number', [{ key: '12', source: 'column', confidence: 1, originalKey: '12.2' }], '12', ''],
    ['a person\'s correction', [{ key: '4', source: 'corrected', confidence: 1 }], '4', '经核对归入本条'],
    ['a citation in the 条款 column', [{ key: '4', source: 'column', confidence: 1 }], '4', ''],
    ['a citation in the text', [{ key: '4', source: 'text', confidence: 1 }], '4', ''],
  ];
  it.each(cases)('%s', (_name, articles, key, expected) => {
    expect(letterAssignmentNote(articles, key)).toBe(expected);
  });

  it('joins the renumbered citations of one opinion, then its guesses', () => {
    expect(letterArticlesNote([
      { key: '22', source: 'column', confidence: 1, originalKey: '20' },
      { key: '23', source: 'column', confidence: 1, originalKey: '21' },
      { key: '24', source: 'column', confidence: 1, originalKey: '22' },
    ])).toBe('原第二十条、第二十一条、第二十二条');
    expect(letterArticlesNote([{ key: '4', source: 'column', confidence: 1 }])).toBe('');
    expect(letterArticlesNote([{ key: 'unassigned', source: 'none', confidence: 0, originalKey: '14', originalDeleted: true }])).toBe('');
    expect(deletedCitationNote([{ key: 'unassigned', source: 'none', confidence: 0, originalKey: '14', originalDeleted: true }])).toBe('所提原第十四条在修改稿中已删除');
    expect(deletedCitationNote([{ key: 'unassigned', source: 'none', confidence: 0 }])).toBe('');
  });

  it('never asks the point to check (请核对) and never says 自动', () => {
    for (const [, articles, key] of cases) expect(letterAssignmentNote(articles, key)).not.toMatch(/请核对|自动/u);
  });
});

describe('a point\'s letter with an opinion placed by similarity', () => {
  const digest = sampleDigest();
  const letters = pointFeedback(buildFeedbackDocument(digest, null), SIGNED, feedbackDetails(digest));
  const letter = letters.find((l) => l.items.some((i) => i.opinion === GUESSED))!;
  const item = letter.items.find((i) => i.opinion === GUESSED)!;

  it('marks the article with what was done and the confidence, in one pair of brackets', () => {
    expect(item.articleLabel).toBe('第四条');
    expect(item.assignmentMark).toBe('（未注明条款，按内容归入本条，相似度 0.62）');
    expect(item.byContent).toBe(true);
  });

  it('explains the mark below the table only in a letter that has one', () => {
    expect(letter.similarityExplained).toBe(SIMILARITY_EXPLAINED);
    for (const other of letters.filter((l) => l !== letter)) {
      expect(other.items.some((i) => i.byContent), other.point).toBe(false);
      expect(other.similarityExplained, other.point).toBe('');
    }
  });

  it('prints the mark and its explanation in the Word and Markdown letter, without 请核对', async () => {
    const files = await renderFeedback([letter], ['docx', 'md'], null);
    const docx = (await mammoth.extractRawText({ buffer: files.find((f) => f.name.endsWith('.docx'))!.data as Buffer })).value;
    const md = String(files.find((f) => f.name.endsWith('.md'))!.data);
    for (const text of [docx, md]) {
      expect(text).toContain('第四条（未注明条款，按内容归入本条，相似度 0.62）');
      expect(text).toContain(SIMILARITY_EXPLAINED);
      expect(text).not.toContain('请核对');
      expect(text).not.toContain('自动归入');
    }
  });

  it('says which article of the earlier round a renumbered citation was (digest --cited-draft)', () => {
    const renumbered: Digest = {
      ...digest,
      records: digest.records.map((r) => (r.opinion === GUESSED ? { ...r, articles: r.articles.map((a) => ({ ...a, source: 'column' as const, confidence: 1, originalKey: checkedKey('3') })) } : r)),
    };
    const line = pointFeedback(buildFeedbackDocument(renumbered, null), SIGNED, feedbackDetails(renumbered)).flatMap((l) => l.items).find((i) => i.opinion === GUESSED)!;
    expect(`${line.articleLabel}${line.assignmentMark}`).toBe('第四条（原第三条）');
    expect(line.byContent).toBe(false);
  });

  it('says of an opinion left 未确定具体条款 that the article it cited was deleted, and that it is being checked', () => {
    const deleted: Digest = {
      ...digest,
      records: digest.records.map((r) => (r.opinion === GUESSED
        ? { ...r, articles: [{ key: UNASSIGNED, source: 'none' as const, confidence: 0, cited: '第三条', notInDraft: false, originalKey: checkedKey('3'), originalDeleted: true }] }
        : r)),
    };
    const line = pointFeedback(buildFeedbackDocument(deleted, null), SIGNED, feedbackDetails(deleted)).flatMap((l) => l.items).find((i) => i.opinion === GUESSED)!;
    expect(`${line.articleLabel}${line.assignmentMark}`).toBe('未确定具体条款（所提原第三条在修改稿中已删除，正在核对）');
  });

  it('thanks the point for its opinions on the round it wrote on (digest --cited-draft), with the 条款 of the current one', () => {
    const earlier = '某市电动自行车管理条例（征求意见稿）';
    const second: Digest = { ...digest, citedDraft: { title: earlier, file: '征求意见稿.docx' } };
    const view = pointFeedback(buildFeedbackDocument(second, null), SIGNED, feedbackDetails(second))[0]!;
    expect(view.feedbackTitle).toBe(`关于《${earlier}》意见采纳情况的反馈`);
    expect(view.opening).toContain(`感谢你单位对《${earlier}》提出的意见建议。`);
    expect(view.opening).toContain(`（条款按《${digest.draft!.title}》的条文编号，括号内注明原条款）`);
    // One round only: nothing about numbering.
    const plain = pointFeedback(buildFeedbackDocument(digest, null), SIGNED, feedbackDetails(digest))[0]!;
    expect(plain.opening).not.toContain('条文编号');
    expect(plain.feedbackTitle).toBe(`关于《${digest.draft!.title}》意见采纳情况的反馈`);
  });

  it('prints no explanation where nothing was placed by content', async () => {
    const cited: Digest = {
      ...digest,
      records: digest.records.map((r) => ({ ...r, articles: r.articles.map((a) => (a.source === 'similarity' ? { ...a, source: 'column' as const, confidence: 1 } : a)) })),
    };
    const plain = pointFeedback(buildFeedbackDocument(cited, null), SIGNED, feedbackDetails(cited)).find((l) => l.point === letter.point)!;
    const files = await renderFeedback([plain], ['docx', 'md'], null);
    const docx = (await mammoth.extractRawText({ buffer: files.find((f) => f.name.endsWith('.docx'))!.data as Buffer })).value;
    expect(docx).not.toContain('按内容归入');
    expect(String(files.find((f) => f.name.endsWith('.md'))!.data)).not.toContain('按内容归入');
  });
});
