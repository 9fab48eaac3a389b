import { describe, expect, it } from 'vitest';
import { diffTexts, type DiffPart } from '../../src/compare/diff.js';

const side = (parts: DiffPart[], drop: DiffPart['kind']): string => parts.filter((p) => p.kind !== drop).map((p) => p.text).join('');

describe('diffTexts', () => {
  const table: [string, string][] = [
    ['养犬人应当为犬只办理登记。', '养犬人应当在取得犬只之日起三十日内为犬只办理登记手续。'],
    ['本条例自2011年5月15日起施行。', '本条例自2025年5月1日起施行。'],
    ['', '新增的条文。'],
    ['删除的条文。', ''],
    ['业主大会应当\n（一）制定管理规约；\n（二）选举业主委员会。', '业主大会可以\n（一）制定、修改管理规约；\n（二）选举业主委员会。'],
    ['甲乙丙丁', '戊己庚辛'],
  ];
  it.each(table)('keeps both texts whole: %s → %s', (before, after) => {
    const parts = diffTexts(before, after);
    expect(side(parts, 'insert')).toBe(before);
    expect(side(parts, 'delete')).toBe(after);
  });

  it('marks the inserted words, not the shared ones', () => {
    const parts = diffTexts('养犬人应当为犬只办理登记。', '养犬人应当在三十日内为犬只办理登记。');
    expect(parts).toEqual([
      { kind: 'equal', text: '养犬人应当' },
      { kind: 'insert', text: '在三十日内' },
      { kind: 'equal', text: '为犬只办理登记。' },
    ]);
  });

  it('reads a rewritten phrase as one change, not as marks around a shared character', () => {
    const parts = diffTexts('由区人民政府负责', '由市场监督管理部门负责');
    const changes = parts.filter((p) => p.kind !== 'equal');
    expect(changes.map((p) => p.kind)).toEqual(['delete', 'insert']);
  });

  it('keeps paragraph breaks out of the marks', () => {
    const parts = diffTexts('第一款。\n第二款。', '第一款内容。\n第二款。');
    expect(parts.some((p) => p.kind !== 'equal' && p.text.includes('\n'))).toBe(false);
  });
});
