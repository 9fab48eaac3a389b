import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import fc from 'fast-check';
import { differenceText, nearDifferencesByCanonical, textDifference } from '../../src/dedupe/diff.js';
import type { DigestRecord, DuplicateGroup } from '../../src/model.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);

describe('textDifference', () => {
  it('names what a near copy adds and leaves out', () => {
    const canonical = '强烈要求：小区车位必须优先租给本小区业主，物业不得擅自把车位租给外来车辆！';
    const copy = '强烈要求：小区车位必须优先租给本小区的业主，物业不得把车位租给外来车辆！（3号楼全体业主）';
    expect(textDifference(canonical, copy)).toEqual({
      added: ['的', '（3号楼全体业主）'],
      removed: ['擅自'],
      changes: [{ from: '', to: '的' }, { from: '擅自', to: '' }, { from: '', to: '（3号楼全体业主）' }],
    });
    expect(differenceText(textDifference(canonical, copy))).toBe('多“的”；少“擅自”；多“（3号楼全体业主）”');
  });

  it('is empty for equal texts and says so', () => {
    expect(textDifference('同意', '同意')).toEqual({ added: [], removed: [], changes: [] });
    expect(differenceText({ added: [], removed: [], changes: [] })).toBe('与本条文字相同');
    expect(differenceText({ added: [], removed: [] })).toBe('与本条文字相同');
  });

  it('reads a digest written before changes were kept as before', () => {
    expect(differenceText({ added: ['的', '（3号楼全体业主）'], removed: ['擅自'] })).toBe('多“的”、“（3号楼全体业主）”；少“擅自”');
  });

  it('with the segmenter, names whole words and what replaced what (session 22)', () => {
    // Seen on a fresh batch: 多“老百姓”；少“群众”、“情” — 情 is half of 事情, and nothing said 老百姓 stands for 群众.
    const canonical = '总体上赞成本编的规定，希望加大普法宣传力度，让群众知道出了事情找谁赔。';
    const copy = '总体上赞成本编的规定，希望加大普法宣传力度，让老百姓知道出了事找谁赔。';
    const d = textDifference(canonical, copy, segmenter.tokens);
    expect(d.changes).toEqual([{ from: '群众', to: '老百姓' }, { from: '事情', to: '事' }]);
    expect(differenceText(d)).toBe('“群众”改为“老百姓”；“事情”改为“事”');
    expect(d.removed).toEqual(['群众', '事情']);
    expect(d.added).toEqual(['老百姓', '事']);
  });

  it('segments only around changes that may cut a word; a greeting or signature at a sentence edge needs none', () => {
    const seen: string[] = [];
    const spy = (text: string): string[] => {
      seen.push(text);
      return segmenter.tokens(text);
    };
    const d = textDifference('您好！建议物业公司公开收费标准。', '建议物业服务人公开收费标准，望采纳。', spy);
    expect(differenceText(d)).toBe('少“您好！”；“物业公司”改为“物业服务人”；多“，望采纳”');
    // Two short windows around 物业公司 → 物业服务人, never a whole letter.
    expect(seen.length).toBe(2);
    for (const window of seen) expect([...window].length).toBeLessThanOrEqual(13);
    const greetingOnly = textDifference('建议公开收费标准。', '您好！建议公开收费标准。望采纳。', spy);
    // Where the second 。 goes is a tie (望采纳。 after it or 。望采纳 before it): either way nothing was removed.
    expect(greetingOnly.changes!.map((c) => c.from)).toEqual(['', '']);
    expect(greetingOnly.changes![0]!.to).toBe('您好！');
    expect(greetingOnly.changes![1]!.to).toContain('望采纳');
    expect(seen.length).toBe(2);
  });

  it('counts the changes past the sixth instead of listing them', () => {
    const changes = Array.from({ length: 9 }, (_, i) => ({ from: `甲${i}`, to: `乙${i}` }));
    const line = differenceText({ added: changes.map((c) => c.to), removed: changes.map((c) => c.from), changes });
    expect(line.split('；')).toHaveLength(7);
    expect(line.endsWith('另有 3 处不同')).toBe(true);
  });

  it('with the segmenter, still accounts for every character (property)', () => {
    const unit = fc.constantFrom('车位', '业主', '物业', '事情', '事', '的', '，', '。', '小区', '建议', '不得');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.array(unit, { maxLength: 12 }), (pa, pb) => {
        const a = pa.join('');
        const b = pb.join('');
        const d = textDifference(a, b, segmenter.tokens);
        const from = d.changes!.map((c) => c.from).join('').length;
        const to = d.changes!.map((c) => c.to).join('').length;
        expect(a.length - from).toBe(b.length - to);
        expect(d.added).toEqual(d.changes!.filter((c) => c.to !== '').map((c) => c.to));
        if (a === b) expect(d.changes).toEqual([]);
        else expect(d.changes!.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('rebuilds the copy from the canonical text: common characters plus the added ones, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('车', '位', '业', '主', '，', '物') }), fc.string({ unit: fc.constantFrom('车', '位', '业', '主', '，', '物') }), (a, b) => {
        const d = textDifference(a, b);
        const added = d.added.join('').length;
        const removed = d.removed.join('').length;
        // Same common part on both sides: |a| − removed = |b| − added.
        expect([...a].length - removed).toBe([...b].length - added);
        if (a === b) expect(d).toEqual({ added: [], removed: [], changes: [] });
      }),
    );
  });
});

describe('nearDifferencesByCanonical', () => {
  it('lists each near copy with its file and row, masked, under its canonical record', () => {
    const base = { seq: null, point: null, pointSource: 'none' as const, county: null, submitter: null, submitterType: null, article: null, suggestion: null, reason: null, contact: null, date: null, articles: [{ key: checkedKey('unassigned'), source: 'none' as const, confidence: 0, cited: null, notInDraft: false }], cluster: 'c' };
    const records: DigestRecord[] = [
      { ...base, id: 'r1', source: { file: 'a.csv', sheet: 'a', row: 2 }, opinion: '建议降低表决比例。', duplicateGroup: 'g', canonical: true },
      { ...base, id: 'r2', source: { file: 'b.csv', sheet: 'b', row: 5 }, opinion: '建议降低表决比例。电话13800001111', duplicateGroup: 'g', canonical: false, difference: { added: ['电话13800001111'], removed: [] } },
    ];
    const groups: DuplicateGroup[] = [{ id: 'g', kind: 'near', canonical: 'r1', members: ['r1', 'r2'], submissions: 2, points: [], counties: [], minSimilarity: 0.8 }];
    const text = nearDifferencesByCanonical(records, groups, (t) => t.replace(/1\d{10}/g, '***'));
    expect(text.get('r1')).toBe('其他 1 份近似：\n1. b.csv 第 5 行：多“电话***”');
    expect(text.has('r2')).toBe(false);
  });
});
