import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitOpinion } from '../../src/ingest/split.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { recordId } from '../../src/ingest/rows.js';
import { grid, options } from './helpers.js';

describe('splitOpinion', () => {
  it.each([
    ['1.建议公开账目。2.建议按季度公示。', ['建议公开账目。', '建议按季度公示。']],
    ['1、第四十七条太宽泛。\n2、第九十七条罚款太低。', ['第四十七条太宽泛。', '第九十七条罚款太低。']],
    ['一、增加听证。二、公开成本。三、设热线。', ['增加听证。', '公开成本。', '设热线。']],
    ['（1）犬链不超过两米；（2）电梯内抱起犬只。', ['犬链不超过两米', '电梯内抱起犬只。']],
    ['①多设便便箱②多设遛狗区', ['多设便便箱', '多设遛狗区']],
    ['（一）明确交接时限。（二）由街道组织接管。', ['明确交接时限。', '由街道组织接管。']],
    ['提两点意见：1.电梯内抱起犬只。2.大型犬戴嘴套。', ['提两点意见：电梯内抱起犬只。', '提两点意见：大型犬戴嘴套。']],
  ])('%s', (text, parts) => {
    expect(splitOpinion(text)?.map((p) => p.text)).toEqual(parts);
  });

  it.each([
    '建议在2024.5之前完成公示。',
    '第1、2款的表述重复，建议合并。',
    '1.建议对高空抛物安装监控。',
    '审批时间控制在24小时内，3.5万元以下简化程序。',
    '第十二条第二款第（三）项与第（四）项重复。',
    '一、总体赞成。',
    '建议分1、2、3号楼分别公示。',
    '第（1）项和第（2）项合并。',
    '2.建议公开。3.建议公示。',
  ])('%s is not a list', (text) => {
    expect(splitOpinion(text)).toBeNull();
  });

  const item = fc.stringMatching(/^[\u4e00-\u9fa5]{2,12}$/u);
  it('splits any numbered list of n items back into its n items (arabic, 、, 一、, （n）, ①)', () => {
    const markers = [(i: number) => `${i}.`, (i: number) => `${i}、`, (i: number) => `${'一二三四五六七八九'[i - 1]}、`, (i: number) => `（${i}）`, (i: number) => '①②③④⑤⑥⑦⑧⑨'[i - 1] ?? ''];
    fc.assert(
      fc.property(fc.array(item, { minLength: 2, maxLength: 9 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('', '\n', '；', '。'), (items, style, given) => {
        const marker = markers[style] ?? markers[0]!;
        // 1. and 一、 need a sentence end or a line break before the next number; （2） and ② do not.
        const sep = given === '' && style < 3 ? '\n' : given;
        const text = items.map((body, i) => `${marker(i + 1)}${body}`).join(sep);
        const parts = splitOpinion(text);
        expect(parts?.map((p) => p.text)).toEqual(items.map((b, i) => (sep === '。' && i < items.length - 1 ? `${b}。` : b)));
        expect(parts?.map((p) => p.part)).toEqual(items.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('never splits text without a 1 marker, and never loses text: parts are substrings in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parts = splitOpinion(text);
        if (parts === null) return;
        expect(parts.length).toBeGreaterThanOrEqual(2);
        let at = 0;
        for (const part of parts) {
          const found = text.indexOf(part.text, at);
          expect(found).toBeGreaterThanOrEqual(0);
          at = found + part.text.length;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('split records', () => {
  const source = { file: 'a.xlsx', path: 'in/a.xlsx', encoding: null };
  const g = grid([
    ['序号', '条款', '意见建议'],
    ['1', '第四十七条、第九十七条', '1、第四十七条的范围太宽。2、第九十七条的罚款太低。'],
    ['2', '第十条', '建议写清楚防护物资由谁承担。'],
  ]);

  it('one record per part, same row, its own part number, stable ids, the citation with its part', () => {
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.source.row, r.source.part, r.article, r.opinion])).toEqual([
      [2, 1, '第四十七条', '第四十七条的范围太宽。'],
      [2, 2, '第九十七条', '第九十七条的罚款太低。'],
      [3, undefined, '第十条', '建议写清楚防护物资由谁承担。'],
    ]);
    // An unsplit row keeps the id it always had; parts get ids of their own, the same on every run.
    expect(out.records[2]?.id).toBe(recordId({ file: 'a.xlsx', sheet: 'Sheet1', row: 3 }));
    expect(out.records[0]?.id).toBe(recordId({ file: 'a.xlsx', sheet: 'Sheet1', row: 2, part: 1 }));
    expect(new Set(out.records.map((r) => r.id)).size).toBe(3);
    expect(ingestGrid(g, source, options()).records.map((r) => r.id)).toEqual(out.records.map((r) => r.id));
    expect(out.report).toMatchObject({ rows: 2, records: 3, splitParts: 1, splitRows: [{ row: 2, parts: 2 }] });
    expect(out.report.notices?.join('')).toContain('--no-split');
  });

  it('split: false keeps the cell whole', () => {
    const out = ingestGrid(g, source, options({ split: false }));
    expect(out.records.map((r) => r.source.part)).toEqual([undefined, undefined]);
    expect(out.report.splitParts).toBe(0);
  });
});
