import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { CELL_GUARD, safeCell } from '../../src/report/cell-safety.js';
import { articleLabel, baseArticle } from '../../src/article-key.js';
import { chineseDate, chineseNumber, percent } from '../../src/text/format.js';
import { escapeMarkdown } from '../../src/report/render-text.js';
import { DEFAULT_TEMPLATES_DIR, exportTemplates, listTemplates } from '../../src/report/templates.js';
import { sampleDigest } from './sample-digest.js';

describe('safeCell', () => {
  it.each([
    ['=1+1', `${CELL_GUARD}=1+1`],
    ['+86 138', `${CELL_GUARD}+86 138`],
    ['-建议删除', `${CELL_GUARD}-建议删除`],
    ['@SUM(A1)', `${CELL_GUARD}@SUM(A1)`],
    ['\t=cmd', `${CELL_GUARD}\t=cmd`],
    ['\r=cmd', `${CELL_GUARD}\r=cmd`],
    ['建议=删除', '建议=删除'],
    ['＝全角等号', '＝全角等号'],
    [' =前有空格', ' =前有空格'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('never lets a cell start with a formula character, and only ever adds the guard', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = safeCell(text);
        expect(safe).toMatch(/^(?![=+\-@\t\r])/);
        expect([text, CELL_GUARD + text]).toContain(safe);
      }),
    );
  });
});

describe('format helpers', () => {
  it.each([
    [1, '一'], [10, '十'], [12, '十二'], [108, '一百零八'], [110, '一百一十'], [1260, '一千二百六十'], [-1, '-1'], [1.5, '1.5'],
  ])('chineseNumber(%s) = %s', (n, expected) => expect(chineseNumber(n)).toBe(expected));

  it.each([
    ['2024-05-01', '2024年5月1日'], ['2024-12-31T08:00:00Z', '2024年12月31日'], ['五月', '五月'],
  ])('chineseDate(%s) = %s', (iso, expected) => expect(chineseDate(iso)).toBe(expected));

  it.each([
    [1, 8, '12.5%'], [13, 25, '52.0%'], [1, 3, '33.3%'], [0, 0, '0.0%'], [2, 2, '100.0%'],
  ])('percent(%s, %s) = %s', (part, whole, expected) => expect(percent(part, whole)).toBe(expected));

  it.each([
    ['7.2', '7'], ['12-1.2.3', '12-1'], ['12', '12'], ['ch3.s2', 'ch3.s2'], ['general', 'general'],
  ])('baseArticle(%s) = %s', (key, expected) => expect(baseArticle(key)).toBe(expected));

  const draft = sampleDigest().draft;
  it.each([
    ['4', '第四条'], ['7.2', '第七条第二款'], ['12-1', '第十二条之一'], ['12.2.3', '第十二条第二款第（三）项'],
    ['ch2', '第二章 管理措施'], ['ch3.s2', '第三章第二节'], ['part1', '第一编'], ['general', '总体意见'],
    ['title', '草案名称'], ['unassigned', '未归入条文'],
  ])('articleLabel(%s) = %s', (key, expected) => expect(articleLabel(key, draft)).toBe(expected));

  it.each([
    ['a*b*', 'a\\*b\\*'], ['<b>', '\\<b\\>'], ['x|y', 'x\\|y'], ['# 标题', '\\# 标题'], ['1. 第一', '1\\. 第一'],
    ['- 列表', '\\- 列表'], ['两行\n文字', '两行 文字'], ['[链接](x)', '\\[链接\\](x)'], ['普通文字。', '普通文字。'],
    // A line break after a full-width mark (a cell of two paragraphs) folds to nothing: no space after 。 in Chinese.
    ['不方便。\n建议设点。', '不方便。建议设点。'], ['第一，\r\n 第二', '第一，第二'], ['1 km\n2 km', '1 km 2 km'],
  ])('escapeMarkdown(%j) = %j', (text, expected) => expect(escapeMarkdown(text)).toBe(expected));
});

describe('templates list / export', () => {
  it('lists every default template, and each exists', () => {
    const list = listTemplates();
    expect(list.map((t) => t.file)).toContain('decision-sheet/decision-sheet.xlsx.json');
    for (const entry of list) expect(existsSync(join(DEFAULT_TEMPLATES_DIR, entry.file))).toBe(true);
  });

  it('exports copies of the defaults, then refuses to overwrite without force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yijian-export-'));
    const written = await exportTemplates(dir, false);
    expect(written).toHaveLength(listTemplates().length);
    const copied = await readFile(join(dir, 'summary', 'summary.md.hbs'), 'utf8');
    expect(copied).toBe(await readFile(join(DEFAULT_TEMPLATES_DIR, 'summary', 'summary.md.hbs'), 'utf8'));
    await writeFile(join(dir, 'summary', 'summary.md.hbs'), '本局修改过');
    const error = await exportTemplates(dir, false).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(YijianError);
    expect((error as YijianError).code).toBe('E_OUTPUT_EXISTS');
    expect(await readFile(join(dir, 'summary', 'summary.md.hbs'), 'utf8')).toBe('本局修改过');
    await exportTemplates(dir, true);
    expect(await readFile(join(dir, 'summary', 'summary.md.hbs'), 'utf8')).toBe(copied);
  });

  it('refuses when even one file exists, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yijian-export-'));
    await mkdir(join(dir, 'decision-sheet'), { recursive: true });
    await writeFile(join(dir, 'decision-sheet', 'decision-sheet.xlsx.json'), '{}');
    await expect(exportTemplates(dir, false)).rejects.toMatchObject({ code: 'E_OUTPUT_EXISTS' });
    expect(existsSync(join(dir, 'summary', 'summary.md.hbs'))).toBe(false);
  });
});
