import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftSchema, type Draft } from '../../src/model.js';
import { parseDraft } from '../../src/text/draft.js';
import { LAWS } from '../support/paths.js';

const DATA = LAWS;
const read = (file: string): Draft => parseDraft(readFileSync(`${DATA}/${file}`, 'utf8'), file);
const article = (draft: Draft, key: string) => draft.articles.find((a) => a.key === key);

describe('parseDraft on real texts', () => {
  const code = read('中华人民共和国民法典.md');

  it('民法典: 1,260 articles, keys 1..1260 in order, none empty', () => {
    expect(code.title).toBe('中华人民共和国民法典');
    expect(code.articles.map((a) => a.key)).toEqual(Array.from({ length: 1260 }, (_, i) => String(i + 1)));
    expect(code.articles.every((a) => a.text.length > 0 && a.paragraphs.length > 0)).toBe(true);
    expect(DraftSchema.safeParse(code).success).toBe(true);
  });

  it('民法典: 7 编 plus 附则, chapters keyed per 编, unique division keys', () => {
    const parts = code.divisions.filter((d) => d.kind === 'part');
    expect(parts.map((p) => p.label)).toEqual([
      '第一编 总则', '第二编 物权', '第三编 合同', '第四编 人格权', '第五编 婚姻家庭', '第六编 继承', '第七编 侵权责任', '附则',
    ]);
    expect(parts.at(-1)?.articles).toEqual(['1259', '1260']);
    expect(new Set(code.divisions.map((d) => d.key)).size).toBe(code.divisions.length);
    // Every article belongs to exactly one 编.
    expect(parts.flatMap((p) => p.articles)).toEqual(code.articles.map((a) => a.key));
    expect(code.divisions.find((d) => d.key === 'part2.ch2')?.title).toBe('物权的设立、变更、转让和消灭');
    expect(code.divisions.find((d) => d.key === 'part1.ch2.s2')?.label).toBe('第二节 监护');
  });

  it('民法典: texts, paragraphs and items', () => {
    expect(article(code, '1260')?.text.startsWith('本法自2021年1月1日起施行')).toBe(true);
    expect(article(code, '1260')?.label).toBe('第一千二百六十条');
    expect(article(code, '1')?.chapter).toBe('part1.ch1');
    expect(article(code, '31')?.section).toBe('part1.ch2.s2');
    // 第二十七条: two paragraphs, the second with its three items inside it.
    const a27 = article(code, '27');
    expect(a27?.paragraphs).toHaveLength(2);
    expect(a27?.paragraphs[1]?.split('\n')).toHaveLength(4);
    expect(a27?.paragraphs[1]?.split('\n')[1]).toBe('（一）祖父母、外祖父母；');
    // The adoption dates after the 附则 heading are not article text.
    expect(article(code, '1258')?.text).not.toContain('通过');
    expect(code.articles.some((a) => a.text.includes('全国人民代表大会第三次会议通过'))).toBe(false);
  });

  it('北京市物业管理条例: 104 articles, sections in chapter 4', () => {
    const draft = read('北京市物业管理条例.md');
    expect(draft.articles.map((a) => a.key)).toEqual(Array.from({ length: 104 }, (_, i) => String(i + 1)));
    expect(draft.divisions.filter((d) => d.kind === 'chapter').map((d) => d.label)[0]).toBe('第一章 总则');
    expect(draft.divisions.filter((d) => d.kind === 'section').map((d) => d.key)).toEqual(['ch4.s1', 'ch4.s2', 'ch4.s3']);
    expect(draft.articles.some((a) => a.text.includes('\u200b'))).toBe(false);
  });

  it('上海市养犬管理条例: .md and .txt give the same 61 articles', () => {
    const md = read('上海市养犬管理条例.md');
    const txt = read('上海市养犬管理条例.txt');
    expect(md.articles).toHaveLength(61);
    expect(txt.articles.map((a) => [a.key, a.text, a.chapter])).toEqual(md.articles.map((a) => [a.key, a.text, a.chapter]));
    expect(txt.divisions.map((d) => d.label)).toEqual(md.divisions.map((d) => d.label));
    expect(md.divisions.map((d) => d.key)).toEqual(['ch1', 'ch2', 'ch3', 'ch4', 'ch5', 'ch6', 'ch7']);
    // References to other articles inside the text do not start new articles.
    expect(article(txt, '51')?.text).toContain('第三十八条第二款');
  });
});

const CONSULTATION = `
《某市电动自行车管理条例》（征求意见稿）

目　　录
第一章　总　　则
第二章　登记管理
　第一节　一般规定
　第二节　临时号牌
第三章　附　　则

第一章　总　　则

第一条〖目的依据〗　为了加强电动自行车管理，根据有关法律法规，制定本条例。
第二条（适用范围）本条例适用于本市行政区域内电动自行车的登记。
第三条【管理部门】 公安机关负责电动自行车登记管理。
交通运输部门按照职责做好相关工作。
第三条之一[标准] 电动自行车应当符合国家标准。
第二章　登记管理
第一节　一般规定
第四条　电动自行车所有人应当办理登记，提交下列材料：
（一）身份证明；
（二）购车发票；
依照本条例第十条规定，登记应当免费。
第五条 (备案) 销售者应当备案。
第二节　临时号牌
第六条
临时号牌有效期为三十日。
第三章　附　　则
第七条 本条例自2025年1月1日起施行。
`;

describe('parseDraft on a consultation draft', () => {
  const draft = parseDraft(CONSULTATION, '草案.txt');

  it('keeps the title with its （征求意见稿） and skips the 目录', () => {
    expect(draft.title).toBe('某市电动自行车管理条例（征求意见稿）');
    expect(draft.divisions.map((d) => [d.key, d.kind, d.label, d.title, d.articles.join(',')])).toEqual([
      ['ch1', 'chapter', '第一章 总则', '总则', '1,2,3,3-1'],
      ['ch2', 'chapter', '第二章 登记管理', '登记管理', '4,5,6'],
      ['ch2.s1', 'section', '第一节 一般规定', '一般规定', '4,5'],
      ['ch2.s2', 'section', '第二节 临时号牌', '临时号牌', '6'],
      ['ch3', 'chapter', '第三章 附则', '附则', '7'],
    ]);
  });

  it.each([
    ['1', '第一条', '目的依据', '为了加强电动自行车管理，根据有关法律法规，制定本条例。'],
    ['2', '第二条', '适用范围', '本条例适用于本市行政区域内电动自行车的登记。'],
    ['3', '第三条', '管理部门', '公安机关负责电动自行车登记管理。\n交通运输部门按照职责做好相关工作。'],
    ['3-1', '第三条之一', '标准', '电动自行车应当符合国家标准。'],
    ['5', '第五条', '备案', '销售者应当备案。'],
    ['6', '第六条', null, '临时号牌有效期为三十日。'],
  ])('article %s: label, caption (bracket style), text', (key, label, caption, text) => {
    const found = article(draft, key);
    expect(found?.label).toBe(label);
    expect(found?.caption).toBe(caption);
    expect(found?.text).toBe(text);
  });

  it('items stay in their paragraph; a reference at a line start is text', () => {
    expect(article(draft, '4')?.paragraphs).toEqual([
      '电动自行车所有人应当办理登记，提交下列材料：\n（一）身份证明；\n（二）购车发票；',
      '依照本条例第十条规定，登记应当免费。',
    ]);
    expect(article(draft, '4')?.section).toBe('ch2.s1');
    expect(draft.articles.map((a) => a.key)).toEqual(['1', '2', '3', '3-1', '4', '5', '6', '7']);
  });
});

describe('parseDraft: variants', () => {
  it.each([
    ['digits and full-width digits', '条例\n第1条 甲。\n第１２条 乙。', ['1', '12']],
    ['Markdown headings and bold labels', '# 办法\n## 第一章 总则\n**第一条** 甲。\n### 第二条 乙。', ['1', '2']],
    ['no title line: file name', '第一条 甲。', ['1']],
    ['HTML comments and zero-width lines', '办法\n<!-- 第九条 注释\n多行 -->\n\u200b\n第一条 甲。', ['1']],
    ['之二 and 两', '办法\n第二条之二 甲。\n第两百条 乙。', ['2-2', '200']],
  ])('%s', (_name, text, keys) => {
    expect(parseDraft(text, 'x/办法.md').articles.map((a) => a.key)).toEqual(keys);
  });

  it('title falls back to the file name when the text starts with an article', () => {
    expect(parseDraft('第一条 甲。', 'dir/某某办法（草案）.docx').title).toBe('某某办法（草案）');
  });

  it('an unnumbered 附则 after numbered chapters becomes the next chapter', () => {
    const draft = parseDraft('办法\n第一章 总则\n第一条 甲。\n附　则\n第二条 乙。', 'a.txt');
    expect(draft.divisions.map((d) => [d.key, d.label])).toEqual([['ch1', '第一章 总则'], ['ch2', '附则']]);
    expect(article(draft, '2')?.chapter).toBe('ch2');
  });

  it('a TOC without the word 目录 is still skipped (first heading repeats)', () => {
    const draft = parseDraft('办法\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。', 'a.txt');
    expect(draft.divisions.map((d) => d.articles)).toEqual([['1'], ['2']]);
  });

  it('a repeated chapter number keeps both chapters apart', () => {
    const draft = parseDraft('办法\n第一章 甲\n第一条 甲。\n第一章 乙\n第二条 乙。', 'a.txt');
    expect(draft.divisions.map((d) => d.key)).toEqual(['ch1', 'ch1_2']);
  });

  it('random text never throws and always gives a valid draft', () => {
    const pieces = fc.constantFrom(
      '第一条', '第十二条之一', '第三章', '第二节', '第一编', '附则', '目录', '（一）', '〖', '】', '(', '#', '## ',
      '<!--', '-->', '\n', '\u3000', '\u200b', '文字', '2020年5月28日通过', '第', '条', '之', '零', '万',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 60 }), (parts) => {
        const draft = parseDraft(parts.join(''), 'f.txt');
        expect(DraftSchema.safeParse(draft).success).toBe(true);
        for (const a of draft.articles) expect(a.text).toBe(a.paragraphs.join('\n'));
      }),
      { numRuns: 500 },
    );
  });
});
