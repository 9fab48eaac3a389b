/**
 * #13 "show how each assignment was made": an opinion placed under an article by similarity is marked
 * with its confidence wherever a person reads it (对照表, 登记表, summary, letters — there in the point's words);
 * a cited one is not;
 * one a person corrected reads 已人工更正.
 */
import mammoth from 'mammoth';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { feedbackDetails, pointFeedback, buildFeedbackDocument } from '../../src/decisions/feedback.js';
import type { Digest } from '../../src/model.js';
import { assignmentNote, groupAssignmentNote, topicPhrase } from '../../src/text/format.js';
import { renderReports } from '../../src/report/index.js';
import { sampleDigest } from './sample-digest.js';

const ALL = { formats: ['md', 'docx', 'xlsx'] as const, templatesDir: null, showContact: false };
const GUESSED = '农村地区到县城办理号牌路途远，建议在乡镇设点集中上牌。';
const MARK = '自动归入，请核对（相似度 0.62）';
/** The note in brackets after an opinion or an article: one pair of brackets, never （…（…））. */
const BRACKETED = '（自动归入，请核对，相似度 0.62）';

function rowsOf(data: Buffer | string, sheet: string): string[][] {
  const book = XLSX.read(data, { type: typeof data === 'string' ? 'string' : 'buffer' });
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[sheet] as XLSX.WorkSheet, { header: 1, defval: '' }).map((r) => r.map(String));
}

describe('assignment notes', () => {
  it('marks similarity with its confidence, 已人工更正 for a correction, nothing for a citation', () => {
    expect(assignmentNote([{ key: '4', source: 'similarity', confidence: 0.4249 }], '4')).toBe('自动归入，请核对（相似度 0.42）');
    expect(assignmentNote([{ key: '4.2', source: 'corrected', confidence: 1 }], '4')).toBe('已人工更正');
    for (const source of ['column', 'text', 'general']) expect(assignmentNote([{ key: '4', source, confidence: 1 }], '4')).toBe('');
    expect(groupAssignmentNote([{ source: 'column', confidence: 1 }, { source: 'similarity', confidence: 0.3 }, { source: 'similarity', confidence: 0.51 }]))
      .toBe('其中 2 条自动归入，请核对（相似度 0.30–0.51）');
    expect(groupAssignmentNote([{ source: 'column', confidence: 1 }])).toBe('');
  });

  it('takes a topic from an opinion without openers, citations or broken words', () => {
    expect(topicPhrase('建议第十九条增加规定：小区物业服务人应当安装智能充电桩')).toBe('小区物业服务人应当安装智能充电桩');
    expect(topicPhrase('我认为第24条限速15公里太低了，建议调整')).toBe('限速15公里太低了');
  });
});

describe('a similarity assignment in every report', () => {
  it('is marked in the 对照表 (Word and Excel), the 登记表 and the summary; cited opinions are not', async () => {
    const digest = sampleDigest();
    const files = await renderReports(digest, ALL);
    const file = (name: string): Buffer | string => files.find((f) => f.name === name)?.data ?? '';
    const docx = (await mammoth.extractRawText({ buffer: file('条文意见对照表.docx') as Buffer })).value;
    expect(docx).toContain(`${GUESSED}（`);
    expect(docx).toContain(BRACKETED);
    expect(docx).not.toMatch(/（[^（）]*（[^（）]*））/u);
    expect(docx.match(/自动归入，请核对/g)).toHaveLength(digest.records.filter((r) => r.articles.some((a) => a.source === 'similarity')).length);

    const opinions = rowsOf(file('采纳情况登记表.xlsx'), '单条意见');
    const note = opinions[0]?.indexOf('归入方式') ?? -1;
    expect(note).toBeGreaterThan(0);
    const guessedRow = opinions.find((r) => r.includes(GUESSED));
    expect(guessedRow?.[note]).toBe(MARK);
    expect(opinions.slice(1).filter((r) => r[note] !== '')).toHaveLength(1);
    const clusters = rowsOf(file('采纳情况登记表.xlsx'), '采纳情况登记表');
    const clusterNote = clusters[0]?.indexOf('归入方式') ?? -1;
    expect(clusters.find((r) => r[0] === 'c4-1')?.[clusterNote]).toBe('其中 1 条自动归入，请核对（相似度 0.62）');

    expect(String(file('汇总报告.md'))).toContain('（其中 1 条自动归入，请核对，相似度 0.62）');
    expect(String(file('汇总报告.md'))).not.toContain('））');
    const xlsxMembers = rowsOf(file('条文意见对照表.xlsx'), '条文意见对照表').flat().join('\n');
    expect(xlsxMembers).toContain(`${GUESSED}（`);
    expect(xlsxMembers).toContain(BRACKETED);
  });

  it('shows 已人工更正 for a corrected article, without depending on the model having that source yet', async () => {
    const digest = sampleDigest();
    const corrected: Digest = {
      ...digest,
      records: digest.records.map((r) =>
        r.opinion === GUESSED ? { ...r, articles: r.articles.map((a) => ({ ...a, source: 'corrected' as never, confidence: 1 })) } : r),
    };
    const files = await renderReports(corrected, { ...ALL, formats: ['docx'] });
    const docx = (await mammoth.extractRawText({ buffer: files.find((f) => f.name === '条文意见对照表.docx')?.data as Buffer })).value;
    expect(docx).toContain('（已人工更正）');
    expect(docx).not.toContain('自动归入，请核对');
  });

  it('is marked in the point\'s feedback letter, beside the article', () => {
    const digest = sampleDigest();
    const letters = pointFeedback(buildFeedbackDocument(digest, null), { issuer: '某市司法局', dateText: '2024年6月10日' }, feedbackDetails(digest));
    const item = letters.flatMap((l) => l.items).find((i) => i.opinion === GUESSED);
    // In the letter's words: the point cannot check anything (test/decisions/letter-marks.test.ts).
    expect(item?.assignmentMark).toBe('（未注明条款，按内容归入本条，相似度 0.62）');
    // Besides it, only the opinions left 未归入 are marked, and in the letter's own words (letters-unplaced.test.ts).
    const others = letters.flatMap((l) => l.items).filter((i) => i.assignmentMark !== '' && i !== item);
    expect(others.every((i) => i.articleLabel === '未确定具体条款' && i.assignmentMark === '（正在核对）'), JSON.stringify(others.map((i) => i.assignmentMark))).toBe(true);
    const letter = letters.find((l) => l.items.includes(item as never));
    expect(letter?.issuer).toBe('某市司法局');
    expect(letter?.opening).not.toContain('未注明');
  });
});
