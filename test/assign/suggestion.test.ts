/**
 * The 修改建议 cell is read for the article: 建议将第十九条第二款修改为…… names it when the 条款 cell is empty and the
 * opinion does not, and the wording it proposes is the article's own (before, only the opinion was read).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DRAFT_TXT, makeTempDir, runYijian } from '../cli/run-cli.js';
import { ASSIGN_DEFAULTS, createAssigner, extraSuggestion } from '../../src/assign/assign.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { parseDraft } from '../../src/text/draft.js';
import type { Digest } from '../../src/model.js';

const draft = parseDraft(readFileSync(DRAFT_TXT, 'utf8'), 'draft.txt');
const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const assigner = createAssigner(draft, (text) => segmenter.terms(text), { ...ASSIGN_DEFAULTS, examples: [] });

describe('a citation in the 修改建议 cell', () => {
  it('files the opinion under it when neither the 条款 cell nor the opinion names one', () => {
    const found = assigner.cited({ article: null, opinion: '充电的问题很严重，希望重视。', suggestion: '建议将第十九条第二款修改为：禁止在楼道、楼梯间充电。' });
    expect(found.map((a) => [a.key, a.source, a.cited])).toEqual([['19.2', 'text', '第十九条第二款']]);
  });

  it('gives way to the 条款 cell and to the opinion\'s own citation', () => {
    expect(assigner.cited({ article: '第二十五条', opinion: '头盔要统一发放。', suggestion: '第十九条也要改。' }).map((a) => a.key)).toEqual(['25']);
    expect(assigner.cited({ article: null, opinion: '第二十五条的头盔要统一发放。', suggestion: '第十九条也要改。' }).map((a) => a.key)).toEqual(['25']);
  });

  it('of another law is not an article of the draft', () => {
    expect(assigner.cited({ article: null, opinion: '充电的问题很严重。', suggestion: '参照《消防法》第十六条的规定。' })).toEqual([]);
  });

  it('is not read twice when the opinion was taken from it', () => {
    expect(extraSuggestion({ article: null, opinion: '建议将第十九条修改为……', suggestion: '建议将第十九条修改为……' })).toBeNull();
    expect(extraSuggestion({ article: null, opinion: '头盔', suggestion: '  ' })).toBeNull();
  });
});

describe('the wording of the 修改建议 cell', () => {
  it('tells the article of an opinion that says only that the article is wrong', () => {
    const vague = { article: null, opinion: '这一条规定得不合理，请再研究。' };
    expect(assigner.guess(vague)[0]!.key).toBe('unassigned');
    const withSuggestion = assigner.guess({ ...vague, suggestion: '改为：驾驶电动自行车应当佩戴安全头盔，乘坐的十二周岁以下儿童可以不戴头盔。' })[0]!;
    expect([withSuggestion.key, withSuggestion.source]).toEqual(['25', 'similarity']);
  });
});

describe('yijian digest on a sheet whose 修改建议 cells cite', () => {
  it('files each opinion under the article its 修改建议 names', async () => {
    const dir = makeTempDir('yijian-suggestion-');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
      ['联系点', '条款', '意见建议', '修改建议'],
      ['东湖街道立法联系点', '', '充电的问题很严重，希望重视。', '建议将第十九条第二款修改为：禁止在楼道、楼梯间充电。'],
      ['东湖街道立法联系点', '', '罚款太轻。', '第三十七条中“五百元以下”改为“一千元以下”。'],
    ]), '意见');
    writeFileSync(join(dir, '东湖.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const run = await runYijian(['digest', '东湖.xlsx', '--draft', DRAFT_TXT, '-o', 'out', '--formats', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    const digest = JSON.parse(readFileSync(join(dir, 'out', 'digest.json'), 'utf8')) as Digest;
    expect(digest.records.map((r) => r.articles.map((a) => [a.key, a.source]))).toEqual([[['19.2', 'text']], [['37', 'text']]]);
  });
});
