/**
 * An opinion left 未归入 that has likely articles and reads like an article's cluster: one bracket saying once that
 * both are guesses (before, the 对照表 printed 按内容推测，待人工确认 twice, in three brackets in a row).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { guessMark } from '../../src/report/model.js';
import { REPO_ROOT } from '../cli/run-cli.js';

const likely = '可能涉及：第八条、第十九条（按内容推测，待人工确认）';
const near = '可能与第十九条“信息系统向居委会开放”的意见同类（相似度 0.30，按内容推测，待人工确认）';

describe('guessMark', () => {
  it('joins both guesses in one bracket and says once that they are guesses', () => {
    const mark = guessMark(likely, near);
    expect(mark).toBe('（可能涉及：第八条、第十九条；可能与第十九条“信息系统向居委会开放”的意见同类，相似度 0.30；均按内容推测，待人工确认）');
    expect(mark.match(/按内容推测/gu)).toHaveLength(1);
  });

  it('is either alone as its own mark, and empty without a guess', () => {
    expect(guessMark(likely, '')).toBe('（可能涉及：第八条、第十九条，按内容推测，待人工确认）');
    expect(guessMark('', near)).toBe('（可能与第十九条“信息系统向居委会开放”的意见同类，相似度 0.30，按内容推测，待人工确认）');
    expect(guessMark('', '')).toBe('');
  });

  it('is what the 对照表 prints after each opinion', () => {
    const xml = new PizZip(readFileSync(join(REPO_ROOT, 'templates/article-digest/article-digest.docx'))).file('word/document.xml')!.asText().replace(/<[^>]+>/gu, '');
    expect(xml).toContain('{assignmentMark}{guessMark}');
    expect(xml).not.toContain('{candidatesMark}{nearbyMark}');
  });
});
