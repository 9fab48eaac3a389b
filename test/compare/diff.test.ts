import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffParagraphs, diffTexts, type DiffPart } from '../../src/compare/diff.js';

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

describe('diffParagraphs', () => {
  it('keeps both texts whole, paragraph breaks included, for any pair of texts', () => {
    const line = fc.array(fc.constantFrom('（一）', '物业', '管理', '应当', '业主', '。', '；', '甲', '乙'), { maxLength: 6 }).map((w) => w.join(''));
    const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffParagraphs(before, after);
        expect(side(parts, 'insert')).toBe(before);
        expect(side(parts, 'delete')).toBe(after);
      }),
      { numRuns: 400 },
    );
  });

  it('marks an item inserted in a list whole, and the item it pushed down only in its number', () => {
    const before = '移交下列资料：\n（四）物业质量保修文件；\n（五）物业管理必需的其他资料。\n资料不全的，应当补齐。';
    const after = '移交下列资料：\n（四）物业质量保修文件；\n（五）物业服务用房、共用部位的清单；\n（六）物业管理必需的其他资料。\n资料不全的，应当补齐。';
    const parts = diffParagraphs(before, after);
    const inserted = parts.filter((p) => p.kind === 'insert').map((p) => p.text);
    expect(inserted).toEqual(['\n（五）物业服务用房、共用部位的清单；', '六']);
    expect(parts.filter((p) => p.kind === 'delete').map((p) => p.text)).toEqual(['五']);
    // The character diff alone shares 物业 between the new item and the old one.
    expect(diffTexts(before, after).filter((p) => p.kind === 'insert').map((p) => p.text)).not.toContain('\n（五）物业服务用房、共用部位的清单；');
  });

  it('deletes a paragraph with nothing like it whole and diffs the reworded one by characters', () => {
    const parts = diffParagraphs('第一款。\n应当在三十日内办理。\n第三款另有规定。', '第一款。\n应当在十五日内办理。');
    expect(parts.filter((p) => p.kind === 'delete').map((p) => p.text)).toEqual(['三十', '\n第三款另有规定。']);
    expect(parts.filter((p) => p.kind === 'insert').map((p) => p.text)).toEqual(['十五']);
  });
});
