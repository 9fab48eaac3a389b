import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findArticleRefs, parseArticleCell } from '../../src/text/article-ref.js';
import { foldForScan } from '../../src/text/article-ref-scan.js';
import { numberToChinese } from '../../src/numerals.js';
import { ArticleKeySchema } from '../../src/model.js';

const fullWidth = (n: number): string => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** DESIGN.md "Article references": one row, one test. */
describe('DESIGN.md table, 条款 cell', () => {
  test.each([
    [['第十二条', '第12条', '第１２条', '12条', '十二条', '条例第十二条'], ['12']],
    [['第十二条第二款', '第12条第2款', '12条2款'], ['12.2']],
    [['第十二条第二款第（三）项', '第十二条第二款第3项'], ['12.2.3']],
    [['第一千二百六十条'], ['1260']],
    [['第一百零八条'], ['108']],
    [['第两百条'], ['200']],
    [['第十二条之一'], ['12-1']],
    [['第十二条至第十五条', '第12-15条'], ['12', '13', '14', '15']],
    [['第十二、十三条'], ['12', '13']],
    [['第12条、第14条'], ['12', '14']],
    [['第三章'], ['ch3']],
    [['第三章第二节'], ['ch3.s2']],
    [['总体意见', '通篇', '整体', '全文'], ['general']],
    [['名称', '标题', '草案名称'], ['title']],
  ])('%j → %j', (cells, keys) => {
    for (const cell of cells) {
      const parsed = parseArticleCell(cell);
      expect(parsed, cell).toMatchObject({ keys, unreadable: false });
      expect(parsed.citations.length).toBeGreaterThan(0);
    }
  });

  test('blank → no keys, not unreadable; unreadable → flagged, never a guess', () => {
    for (const blank of ['', '   ', '\u3000', '/', '—', '无']) {
      expect(parseArticleCell(blank), blank).toEqual({ keys: [], unreadable: false, citations: [] });
    }
    for (const unreadable of ['看不清', '罚款部分', '第二款', '第十五条至第十二条', '第1条至第300条', '第零条', '0']) {
      expect(parseArticleCell(unreadable), unreadable).toMatchObject({ keys: [], unreadable: true });
    }
  });
});

describe('more cell forms from the brief', () => {
  test.each([
    ['12～15条', ['12', '13', '14', '15']],
    ['第12条到第15条', ['12', '13', '14', '15']],
    ['第十二条和第十四条', ['12', '14']],
    ['12条,14条', ['12', '14']],
    ['12条，14条', ['12', '14']],
    ['草案第十二条', ['12']],
    ['原第十二条', ['12']],
    ['《上海市养犬管理条例》第十二条', ['12']],
    ['征求意见稿第十二条', ['12']],
    ['第 12 条', ['12']],
    ['第十二条第二款、第三款', ['12.2', '12.3']],
    ['第十二条第二款至第四款', ['12.2', '12.3', '12.4']],
    ['第十二条之一第二款', ['12-1.2']],
    ['第十二条之一至第十四条', ['12-1', '13', '14']],
    ['第十二条第（三）项', ['12']],
    ['第三章第十二条', ['12']],
    ['第一编', ['part1']],
    ['第十二條', ['12']],
    ['12', ['12']],
    ['１２', ['12']],
    ['12.2', ['12.2']],
    ['12、13', ['12', '13']],
    ['十二', ['12']],
    ['总体意见；第十二条', ['general', '12']],
    ['第十二条关于罚款的规定', ['12']],
    ['第十二条、第十二条第二款', ['12', '12.2']],
  ])('%s → %j', (cell, keys) => {
    expect(parseArticleCell(cell)).toMatchObject({ keys, unreadable: false });
  });

  test('one malformed part makes the whole cell unreadable', () => {
    const parsed = parseArticleCell('第三条；第十五条至第十二条');
    expect(parsed.unreadable).toBe(true);
    expect(parsed.keys).toEqual([]);
    expect(parsed.citations.map((c) => c.text)).toEqual(['第三条']);
  });

  test('citation offsets point into the cell as given', () => {
    const cell = '  条例第十二条 ';
    const [citation] = parseArticleCell(cell).citations;
    expect(citation).toBeDefined();
    expect(cell.slice(citation!.start, citation!.end)).toBe(citation!.text);
    expect(citation!.text).toBe('第十二条');
  });
});

describe('traditional script, as some points write', () => {
  test.each([
    ['總體意見', ['general']],
    ['總體', ['general']],
    ['整體', ['general']],
    ['綜合', ['general']],
    ['條例名稱', ['title']],
    ['標題', ['title']],
    ['第十二條第二款', ['12.2']],
    ['徵求意見稿第十二條', ['12']],
  ])('cell %s → %j', (cell, keys) => {
    expect(parseArticleCell(cell).keys).toEqual(keys);
  });

  test('a citation keeps the words as written', () => {
    expect(parseArticleCell('總體意見').citations.map((c) => c.text)).toEqual(['總體意見']);
    expect(findArticleRefs('總體意見：同意').map((c) => [c.text, c.keys])).toEqual([['總體意見', ['general']]]);
  });
});

describe('findArticleRefs in free text', () => {
  test.each([
    ['建议第十二条第二款删除“应当”二字', [['第十二条第二款', ['12.2']]]],
    ['依照第十二条至第十五条、第二十条的规定', [['第十二条至第十五条、第二十条', ['12', '13', '14', '15', '20']]]],
    ['第12条规定的罚款和第15条重复', [['第12条', ['12']], ['第15条', ['15']]]],
    ['条例十二条的罚款太高', [['十二条', ['12']]]],
    ['第三章应当增加一节', [['第三章', ['ch3']]]],
    ['建议将草案名称改为“管理办法”', [['草案名称', ['title']]]],
    ['总体意见：同意', [['总体意见', ['general']]]],
    ['12条2款太严', [['12条2款', ['12.2']]]],
    ['第１２条应删除', [['第１２条', ['12']]]],
  ])('%s', (text, expected) => {
    expect(findArticleRefs(text).map((c) => [c.text, c.keys])).toEqual(expected);
  });

  test.each([
    '一条龙服务',
    '这条路太窄',
    '我有三条建议',
    '3条建议如下',
    '第一时间处理',
    '第二天再说',
    '第二款应当修改',
    '全文读下来很好',
    '标题党',
    '两条腿走路',
    '十条措施',
    '第一，第二，',
    '第十二条至第九条',
  ])('%s has no citation', (text) => {
    expect(findArticleRefs(text)).toEqual([]);
  });
});

describe('properties', () => {
  test('every n in 1–2000 as 第<Chinese>条, 第<n>条, 第<full-width n>条 reads as [n]', () => {
    for (let n = 1; n <= 2000; n++) {
      for (const written of [`第${numberToChinese(n)}条`, `第${n}条`, `第${fullWidth(n)}条`]) {
        expect(parseArticleCell(written).keys, written).toEqual([String(n)]);
        const refs = findArticleRefs(`建议${written}修改`);
        expect(refs.map((r) => r.keys), written).toEqual([[String(n)]]);
      }
    }
  });

  const fragments = fc.constantFrom(
    '第', '条', '款', '项', '章', '节', '编', '之', '至', '到', '-', '、', '和', '（', '）', '(', ')', '十', '百', '千',
    '零', '两', '一', '二', '三', '12', '１２', '0', '999999', '总体意见', '草案名称', '条例', '》', ' ', '\u3000', '😀',
  );
  const mixed = fc.array(fc.oneof(fragments, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join(''));

  test('never throws; spans slice the input to their text; keys are canonical', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mixed), (text) => {
        let last = 0;
        for (const ref of findArticleRefs(text)) {
          expect(text.slice(ref.start, ref.end)).toBe(ref.text);
          expect(ref.start).toBeGreaterThanOrEqual(last);
          expect(ref.keys.length).toBeGreaterThan(0);
          for (const key of ref.keys) expect(ArticleKeySchema.safeParse(key).success, key).toBe(true);
          last = ref.end;
        }
        const cell = parseArticleCell(text);
        if (cell.unreadable) expect(cell.keys).toEqual([]);
        for (const key of cell.keys) expect(ArticleKeySchema.safeParse(key).success, key).toBe(true);
        for (const c of cell.citations) expect(text.slice(c.start, c.end)).toBe(c.text);
      }),
      { numRuns: 3000 },
    );
  });

  test('ranges expand to every article, reversed or too wide ones are unreadable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1500 }), fc.integer({ min: -20, max: 260 }), (from, span) => {
        const to = Math.max(1, from + span);
        const parsed = parseArticleCell(`第${numberToChinese(from)}条至第${numberToChinese(to)}条`);
        if (to < from || to - from + 1 > 200) {
          expect(parsed).toMatchObject({ keys: [], unreadable: true });
        } else {
          expect(parsed.keys).toEqual(Array.from({ length: to - from + 1 }, (_, i) => String(from + i)));
        }
      }),
    );
  });
});

describe('foldForScan', () => {
  test('folds one code unit for one, across the chunks a long text is built in', () => {
    expect(foldForScan('第１２条（二）、第十三條，～')).toBe('第12条(二)、第十三条,-');
    expect(foldForScan('，'.repeat(9_000))).toBe(','.repeat(9_000));
    const long = `${'第十二条'.repeat(3_000)}（三）`;
    expect(foldForScan(long)).toBe(`${'第十二条'.repeat(3_000)}(三)`);
    // A text with nothing to fold is itself.
    expect(foldForScan('建议修改第十二条')).toBe('建议修改第十二条');
  });

  test('keeps every position (citations index the original text) and folding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('第', '条', '１', '2', '（', ')', '，', '　', '條', '總', '～', '-', 'a', '\u{1F600}') }), (text) => {
        const folded = foldForScan(text);
        expect(folded.length).toBe(text.length);
        expect(foldForScan(folded)).toBe(folded);
      }),
    );
  });
});
