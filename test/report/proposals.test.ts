/**
 * The 修改建议 (建议修改为) and 理由 a point wrote beside an opinion reach the drafter's 对照表. They were read into every
 * record and printed nowhere: a law school's proposed wording of 第十二条 was missing from the 条文—意见对照表, the one
 * document where the drafter sets proposals against the article.
 */
import mammoth from 'mammoth';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.js';
import { proposalLines } from '../../src/report/model.js';
import type { Digest } from '../../src/model.js';
import { sampleDigest } from './sample-digest.js';

const SUGGESTION = '个人在城市化地区内饲养犬只的，每户限养一条；经居民委员会同意的，可以饲养两条。';
const REASON = '一律限养一条执行效果不佳。';

describe('proposalLines', () => {
  it.each([
    [{ opinion: '建议放宽。', suggestion: SUGGESTION, reason: REASON }, [`建议修改为：${SUGGESTION}`, `理由：${REASON}`]],
    [{ opinion: '建议放宽。', suggestion: null, reason: REASON }, [`理由：${REASON}`]],
    [{ opinion: '建议放宽。', suggestion: '  ', reason: null }, []],
    // The opinion cell was empty and the 修改建议 cell read as the opinion (W_OPINION_FROM_OTHER_CELL): not twice.
    [{ opinion: SUGGESTION, suggestion: SUGGESTION, reason: null }, []],
  ])('%j', (record, expected) => expect(proposalLines(record)).toEqual(expected));
});

describe('the 对照表 with a proposal', () => {
  const base = sampleDigest();
  // The first record of the first cluster on an article: a member of some cluster the 对照表 prints.
  const target = base.clusters.find((c) => /^\d/u.test(c.article))!.opinions[0]!;
  const digest: Digest = { ...base, records: base.records.map((r) => (r.id === target ? { ...r, suggestion: SUGGESTION, reason: REASON } : r)) };
  const opinion = base.records.find((r) => r.id === target)!.opinion;

  it('prints the proposed wording and the reason under the opinion, in Word and in Excel', async () => {
    const files = await renderReports(digest, { formats: ['docx', 'xlsx'], templatesDir: null, showContact: false });
    const word = (await mammoth.extractRawText({ buffer: files.find((f) => f.name === '条文意见对照表.docx')!.data as Buffer })).value;
    const after = word.slice(word.indexOf(opinion.slice(0, 12)));
    expect(after.indexOf(`建议修改为：${SUGGESTION}`)).toBeGreaterThan(0);
    expect(after.indexOf(`理由：${REASON}`)).toBeGreaterThan(after.indexOf(`建议修改为：${SUGGESTION}`));
    const book = XLSX.read(files.find((f) => f.name === '条文意见对照表.xlsx')!.data as Buffer, { type: 'buffer' });
    const cells = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: '' }).flat().map(String);
    const members = cells.find((c) => c.includes(opinion.slice(0, 12)) && c.includes('建议修改为'));
    expect(members).toContain(`   建议修改为：${SUGGESTION}\n   理由：${REASON}`);
  });

  it('prints no proposal line for opinions without one', async () => {
    const files = await renderReports(base, { formats: ['docx'], templatesDir: null, showContact: false });
    const word = (await mammoth.extractRawText({ buffer: files.find((f) => f.name === '条文意见对照表.docx')!.data as Buffer })).value;
    const given = base.records.filter((r) => (r.suggestion ?? '').trim() !== '' && r.suggestion !== r.opinion).length;
    expect((word.match(/建议修改为：/gu) ?? []).length).toBeLessThanOrEqual(given);
  });
});
