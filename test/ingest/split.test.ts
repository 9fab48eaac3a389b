import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKER_STYLES, splitOpinion } from '../../src/ingest/split.js';
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
    ['一是物业费标准要公开；二是公共收益要按季度公示。', ['物业费标准要公开', '公共收益要按季度公示。']],
    ['建议如下：一是委员候选人应当交纳物业费。二是任期改为三年。三是公开公共收益。', ['建议如下：委员候选人应当交纳物业费。', '建议如下：任期改为三年。', '建议如下：公开公共收益。']],
    ['第一，免疫点设在社区卫生服务站。第二，免疫证明可以在手机上查询。', ['免疫点设在社区卫生服务站。', '免疫证明可以在手机上查询。']],
    ['首先，收容期限要延长。其次，领养要有动物保护组织参与。最后，扑杀要严格限制。', ['收容期限要延长。', '领养要有动物保护组织参与。', '扑杀要严格限制。']],
    ['其一，物业费用要公开；其二，维修资金账目要公示。', ['物业费用要公开', '维修资金账目要公示。']],
    ['一是第四十条候选人要交费；二是第四十一条任期太长。', ['第四十条候选人要交费', '第四十一条任期太长。']],
    // Session 22, fresh sheets: a number right after 2、, Word's list characters, labelled and bare-citation lists.
    ['1、罚款5000元太高。2、120平方米的要求不合理。', ['罚款5000元太高。', '120平方米的要求不合理。']],
    ['1）登记材料应当简化；2）30日内办结。', ['登记材料应当简化', '30日内办结。']],
    ['⑴登记材料应当简化⑵可以网上办理', ['登记材料应当简化', '可以网上办理']],
    ['㈠登记材料应当简化；㈡可以网上办理。', ['登记材料应当简化', '可以网上办理。']],
    ['❶登记材料应当简化❷可以网上办理❸年检应当取消', ['登记材料应当简化', '可以网上办理', '年检应当取消']],
    ['⒈登记材料应当简化⒉可以网上办理', ['登记材料应当简化', '可以网上办理']],
    ['一）登记材料应当简化；二）可以网上办理。', ['登记材料应当简化', '可以网上办理。']],
    ['意见一：登记材料应当简化。意见二：可以网上办理。', ['登记材料应当简化。', '可以网上办理。']],
    ['建议1：登记材料应当简化；建议2：可以网上办理。', ['登记材料应当简化', '可以网上办理。']],
    ['第一点，登记材料应当简化；第二点，可以网上办理。', ['登记材料应当简化', '可以网上办理。']],
    ['第十二条 1.登记材料应当简化；2.可以网上办理。', ['第十二条 登记材料应当简化', '第十二条 可以网上办理。']],
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
    '第一条的表述不清，第二条也有问题。',
    '第一条：建议删除。第二条：建议合并。',
    '建议写明电梯内应当抱起犬只，一是为了安全，这一点大家都同意。',
    '这样一是浪费，二是不安全。',
    '一是一，二是二。',
    '首先要公开物业费标准，其次要公示收益。',
    '统一是好事，唯一是问题。',
    '二是建议公示。三是建议听证。',
    '大家意见一致：建议二次审议。',
    '⑵可以网上办理⑶年检应当取消',
    '①登记材料应当简化⑵可以网上办理',
    '第十二条1.5米的规定不合理，2.5米更合适。',
    '建议分1、2、3号楼分别公示，2、3号楼先行。',
  ])('%s is not a list', (text) => {
    expect(splitOpinion(text)).toBeNull();
  });

  const markers = [
    (i: number) => `${i}.`, (i: number) => `${i}、`, (i: number) => `${'一二三四五六七八九'[i - 1]}、`, (i: number) => `（${i}）`,
    (i: number) => '①②③④⑤⑥⑦⑧⑨'[i - 1] ?? '', (i: number) => '⑴⑵⑶⑷⑸⑹⑺⑻⑼'[i - 1] ?? '', (i: number) => '㈠㈡㈢㈣㈤㈥㈦㈧㈨'[i - 1] ?? '',
  ];
  /** The cell the list property writes: items behind markers of one style, joined by the separator. */
  function numberedCell(items: readonly string[], style: number, given: string): { text: string; sep: string } {
    const marker = markers[style] ?? markers[0]!;
    // 1. and 一、 need a sentence end or a line break before the next number; （2） and ② do not.
    const sep = given === '' && style < 3 ? '\n' : given;
    return { text: items.map((body, i) => `${marker(i + 1)}${body}`).join(sep), sep };
  }

  // An item ending in 第 right before （2） writes 第（2）, the citation of an item (第（2）项), not a marker: such a
  // cell is not a list of n items, and the splitter rightly keeps it whole (the fixed example below).
  const item = fc.stringMatching(/^[\u4e00-\u9fa5]{2,12}$/u).filter((b) => !b.endsWith('第'));
  it('splits any numbered list of n items back into its n items (arabic, 、, 一、, （n）, ①, ⑴, ㈠)', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 2, maxLength: 9 }), fc.integer({ min: 0, max: markers.length - 1 }), fc.constantFrom('', '\n', '；', '。'), (items, style, given) => {
        const { text, sep } = numberedCell(items, style, given);
        const parts = splitOpinion(text);
        expect(parts?.map((p) => p.text)).toEqual(items.map((b, i) => (sep === '。' && i < items.length - 1 ? `${b}。` : b)));
        expect(parts?.map((p) => p.part)).toEqual(items.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  // Found by the property above (seed -1324097273) before its items were kept from ending in 第.
  it('counterexample [["一第","一一","一一"],3,""]: （1）一第（2）一一（3）一一 stays whole, 第（2） is a citation', () => {
    const { text } = numberedCell(['一第', '一一', '一一'], 3, '');
    expect(text).toBe('（1）一第（2）一一（3）一一');
    expect(splitOpinion(text)).toBeNull();
  });

  it.each([
    ['（1）建议删除第（2）项（2）增加听证程序', ['建议删除第（2）项', '增加听证程序']],
    ['（1）第十条第（2）项与第（3）项重复，建议合并（2）第十一条罚款太低', ['第十条第（2）项与第（3）项重复，建议合并', '第十一条罚款太低']],
  ])('%s: 第（n） is a citation and stays with its own part', (text, parts) => {
    expect(splitOpinion(text)?.map((p) => p.text)).toEqual(parts);
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

// Every marker the splitter knows, and every citation-like look-alike it must leave alone.
const WORD_MARKERS = [
  (i: number) => `${'一二三四五六七八九'[i - 1]}是`,
  (i: number) => `第${'一二三四五六七八九'[i - 1]}，`,
  (i: number, n: number) => (i === n ? '最后，' : i === 1 ? '首先，' : i === 2 ? '其次，' : '再次，'),
  (i: number) => `其${'一二三四五六七八九'[i - 1]}，`,
];
const body = fc.stringMatching(/^[\u4e00-\u9fa5]{4,14}$/u).filter((b) => !/[是其第首次最再然一二三四五六七八九十]/u.test(b));

describe('enumerations in words (一是, 第一，, 首先, 其一) — properties', () => {
  it('a list of n items written with any word marker splits back into its n items', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('。', '；', '\n'), fc.constantFrom('', '提几点建议：'), (items, style, sep, leadIn) => {
        fc.pre(style !== 2 || items.length <= 4);
        const marker = WORD_MARKERS[style]!;
        const text = leadIn + items.map((b, i) => `${marker(i + 1, items.length)}${b}`).join(sep);
        const parts = splitOpinion(text);
        expect(parts?.map((p) => p.text)).toEqual(items.map((b, i) => `${leadIn}${b}${sep === '。' && i < items.length - 1 ? '。' : ''}`));
      }),
      { numRuns: 300 },
    );
  });

  const fragment = fc.oneof(
    body,
    fc.constantFrom('一是', '二是', '三是', '第一，', '第二，', '第一条', '第二条', '首先，', '其次，', '最后，', '其一，', '其二，', '1.', '2.', '（1）', '（2）', '。', '；', '\n', '：', '，'),
  );
  it('no text is lost: the parts, in order, cover the cell but for markers, lead-in and separators', () => {
    const gap = /^(?:[\s。；;，,：:.、]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、：:]|其[一二三四五六七八九十]+[，,、：:是]?|首先[，,：:]|其次[，,：:]|再次[，,：:]|然后[，,：:]|最后[，,：:]|\d{1,2}[.．、)）]|[（(][\d一二三四五六七八九十]{1,3}[)）]|[①-⑳])*$/u;
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 14 }).map((f) => f.join('')), (text) => {
        const parts = splitOpinion(text);
        if (parts === null) return;
        // The lead-in is what every part begins with and the cell itself begins with.
        const leadIn = commonPrefix([text.trim(), ...parts.map((p) => p.text)]);
        let at = text.indexOf(leadIn) + leadIn.length;
        expect(text.slice(0, text.indexOf(leadIn)).trim()).toBe('');
        for (const part of parts) {
          const own = part.text.slice(leadIn.length);
          const found = text.indexOf(own, at);
          expect(found, JSON.stringify({ text, parts })).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, found)).toMatch(gap);
          at = found + own.length;
        }
        expect(text.slice(at)).toMatch(gap);
      }),
      { numRuns: 600 },
    );
  });

  it('a citation goes with its part only: n parts citing n articles get one article each', () => {
    const numerals = ['十', '二十', '三十', '四十', '五十', '六十', '七十', '八十'];
    fc.assert(
      fc.property(fc.shuffledSubarray(numerals, { minLength: 2, maxLength: 5 }), fc.array(body, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 1 }), (cited, bodies, style) => {
        const articles = cited.map((n) => `第${n}条`);
        const marker = WORD_MARKERS[style]!;
        const cell = articles.map((a, i) => `${marker(i + 1, articles.length)}${a}${bodies[i]}`).join('；');
        const out = ingestGrid(grid([['条款', '意见建议'], [articles.join('、'), cell]]), { file: 'a.xlsx', path: 'a.xlsx', encoding: null }, options());
        expect(out.records.map((r) => r.article)).toEqual(articles);
        expect(out.records.map((r) => r.source.part)).toEqual(articles.map((_, i) => i + 1));
      }),
      { numRuns: 100 },
    );
  });
});

function commonPrefix(texts: readonly string[]): string {
  const first = texts[0] ?? '';
  let n = 0;
  while (n < first.length && texts.every((t) => t[n] === first[n])) n += 1;
  return first.slice(0, n);
}

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

describe('marker hints', () => {
  it('every text a style\'s pattern matches passes its hint (a hint only skips texts without a marker)', () => {
    const unit = fc.constantFrom('1', '2', '0', '.', '．', '、', ')', '）', '(', '（', '一', '二', '十', '是', '其', '第', '首先', '最后', '，', ',', '：', '①', '⑳', '建', '议', '\n', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        for (const style of MARKER_STYLES) {
          if (new RegExp(style.pattern.source, 'u').test(text)) expect(style.hint.test(text), `${style.name}: ${text}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
