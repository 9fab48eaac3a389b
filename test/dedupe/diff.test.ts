import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import fc from 'fast-check';
import { differenceText, nearDifferencesByCanonical, textDifference } from '../../src/dedupe/diff.js';
import type { DigestRecord, DuplicateGroup } from '../../src/model.js';

describe('textDifference', () => {
  it('names what a near copy adds and leaves out', () => {
    const canonical = '强烈要求：小区车位必须优先租给本小区业主，物业不得擅自把车位租给外来车辆！';
    const copy = '强烈要求：小区车位必须优先租给本小区的业主，物业不得把车位租给外来车辆！（3号楼全体业主）';
    expect(textDifference(canonical, copy)).toEqual({ added: ['的', '（3号楼全体业主）'], removed: ['擅自'] });
    expect(differenceText(textDifference(canonical, copy))).toBe('多“的”、“（3号楼全体业主）”；少“擅自”');
  });

  it('is empty for equal texts and says so', () => {
    expect(textDifference('同意', '同意')).toEqual({ added: [], removed: [] });
    expect(differenceText({ added: [], removed: [] })).toBe('与本条文字相同');
  });

  it('rebuilds the copy from the canonical text: common characters plus the added ones, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('车', '位', '业', '主', '，', '物') }), fc.string({ unit: fc.constantFrom('车', '位', '业', '主', '，', '物') }), (a, b) => {
        const d = textDifference(a, b);
        const added = d.added.join('').length;
        const removed = d.removed.join('').length;
        // Same common part on both sides: |a| − removed = |b| − added.
        expect([...a].length - removed).toBe([...b].length - added);
        if (a === b) expect(d).toEqual({ added: [], removed: [] });
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
