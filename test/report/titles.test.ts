/**
 * Document titles as they are printed: the letter is titled as an official letter (关于《……》意见采纳情况的
 * 反馈), and Word titles break between words — before （征求意见稿） or after the name — never inside a word
 * where the 20 characters of a 22 pt line run out (关于《某市电动自行车管理条例（征求意 / 见稿）》…).
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, feedbackDetails, pointFeedback } from '../../src/decisions/feedback.js';
import { renderFeedback } from '../../src/report/feedback.js';
import { renderReports } from '../../src/report/index.js';
import { breakTitle, TITLE_LINE_CHARS, titleLines } from '../../src/text/format.js';
import { alignDrafts, DEFAULT_ALIGN_OPTIONS } from '../../src/compare/align.js';
import { buildCompareView } from '../../src/compare/view.js';
import { renderCompare } from '../../src/report/compare.js';
import { parseDraft } from '../../src/text/draft.js';
import { sampleDigest } from './sample-digest.js';

/** The lines of the first paragraph (the title) of a .docx: its text split at <w:br/>. */
function titleOf(docx: Buffer): string[] {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  const first = /<w:p>.*?<\/w:p>/su.exec(xml.slice(xml.indexOf('<w:body>')))?.[0] ?? '';
  return first.split(/<w:br\/>/u).map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''));
}

describe('titleLines', () => {
  it.each([
    ['关于', '某市电动自行车管理条例（征求意见稿）', '意见采纳情况的反馈', '关于《某市电动自行车管理条例\n（征求意见稿）》意见采纳情况的反馈'],
    ['', '某市电动自行车管理条例（征求意见稿）', '意见汇总报告', '《某市电动自行车管理条例（征求意见稿）》\n意见汇总报告'],
    ['关于', '某市养犬管理条例', '意见采纳情况的反馈', '关于《某市养犬管理条例》\n意见采纳情况的反馈'],
    ['关于', '某市文明行为促进条例', '意见', '关于《某市文明行为促进条例》意见'],
    // 关于 never stands on a line of its own, even before a name too long for one line.
    ['关于', '某市住宅小区物业服务和电动自行车停放充电安全管理若干规定', '意见采纳情况的反馈', '关于《某市住宅小区物业服务和电动自行车停放充电安全管理若干规定》\n意见采纳情况的反馈'],
    // A part longer than a line breaks at its spaces, not inside 第四章 (…一般规定至第四 / 章 遗产的处理）》).
    ['', '中华人民共和国民法典（节选：第六编 继承 第一章 一般规定至第四章 遗产的处理）', '意见汇总报告', '《中华人民共和国民法典\n（节选：第六编 继承 第一章\n一般规定至第四章 遗产的处理）》\n意见汇总报告'],
  ])('titleLines(%s, %s, %s)', (before, title, after, expected) => {
    expect(titleLines(before, title, after)).toBe(expected);
  });

  it('fits a line of 22 pt characters on the text width', () => expect(TITLE_LINE_CHARS).toBe(20));

  it('breaks a name written without 《》 the same way (修改前后对照表)', () => {
    expect(breakTitle('', '某市电动自行车管理条例（征求意见稿）（修改稿）', '修改前后对照表'))
      .toBe('某市电动自行车管理条例（征求意见稿）\n（修改稿）修改前后对照表');
  });
});

describe('the titles of the Word documents', () => {
  const digest = sampleDigest();
  const title = digest.draft!.title;

  it('titles the letter 关于《……》意见采纳情况的反馈, broken between words in Word', async () => {
    const letter = pointFeedback(buildFeedbackDocument(digest, null), { issuer: '某市司法局', dateText: '2024年6月10日' }, feedbackDetails(digest))[0]!;
    expect(letter.feedbackTitle).toBe(`关于《${title}》意见采纳情况的反馈`);
    const files = await renderFeedback([letter], ['docx', 'md'], null);
    const lines = titleOf(files.find((f) => f.name.endsWith('.docx'))!.data as Buffer);
    expect(lines.join('')).toBe(letter.feedbackTitle);
    expect(lines).toEqual(titleLines('关于', title, '意见采纳情况的反馈').split('\n'));
    expect(String(files.find((f) => f.name.endsWith('.md'))!.data).split('\n')[0]).toBe(`# 关于《${title}》意见采纳情况的反馈`);
  });

  it('breaks the summary\'s and the 对照表\'s titles the same way', async () => {
    const files = await renderReports(digest, { formats: ['docx'], templatesDir: null, showContact: false });
    const summary = titleOf(files.find((f) => f.name === '汇总报告.docx')!.data as Buffer);
    expect(summary).toEqual(titleLines('', title, '意见汇总报告').split('\n'));
    const table = titleOf(files.find((f) => f.name === '条文意见对照表.docx')!.data as Buffer);
    expect(table).toEqual(titleLines('', title, '条文—意见对照表').split('\n'));
  });
});

describe('the title of the 修改前后对照表', () => {
  it('breaks before （修改稿） in Word, not inside it (…（修 / 改稿）修改前后对照表)', async () => {
    const article = '第一条 为了规范电动自行车管理，制定本条例。\n第二条 本条例自2025年1月1日起施行。';
    const before = parseDraft(`某市电动自行车管理条例（征求意见稿）\n${article}`, '征求意见稿.txt');
    const after = parseDraft(`某市电动自行车管理条例（征求意见稿）（修改稿）\n${article.replace('2025年1月1日', '2025年5月1日')}`, '修改稿.txt');
    const view = buildCompareView(before, after, alignDrafts(before, after, DEFAULT_ALIGN_OPTIONS), { changedOnly: false });
    const docx = (await renderCompare(view, ['docx', 'md'], null)).get('docx') as Buffer;
    expect(titleOf(docx)).toEqual(['某市电动自行车管理条例（征求意见稿）', '（修改稿）修改前后对照表']);
  });
});
