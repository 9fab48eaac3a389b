import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleAssignmentSchema } from '../../src/model.js';
import { ASSIGN_DEFAULTS, createAssigner } from '../../src/assign/assign.js';
import { parseDraft } from '../../src/text/draft.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { LAWS } from '../support/paths.js';
import { join } from 'node:path';

const DRAFT = parseDraft(
  `某市电动自行车管理条例（征求意见稿）
第一章　总　　则
第一条〖目的依据〗为了加强电动自行车管理，制定本条例。
第二条 本条例适用于本市行政区域内电动自行车的销售、登记、通行和停放充电管理。
第二章　登记和通行
第三条 电动自行车所有人应当向公安机关交通管理部门申请登记，取得号牌。
登记不收取费用。
第四条 驾驶电动自行车应当遵守下列规定：
（一）佩戴安全头盔；
（二）不得载人超过一名；
（三）不得逆向行驶。
第三章　停放和充电
第五条（充电安全）禁止在楼道、电梯、住宅内为电动自行车充电；物业服务企业应当设置集中充电设施，建设充电桩。`,
  '草案.txt',
);
const { terms } = createSegmenter(SEGMENTER_DEFAULTS);
const assigner = createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, examples: [] });
const noDraft = createAssigner(null, terms, { ...ASSIGN_DEFAULTS, examples: [] });

type Row = [article: string | null, opinion: string, expected: [key: string, source: string, cited: string | null, notInDraft: boolean][]];

const OPINION = '建议修改。';

describe('createAssigner with a draft', () => {
  it.each<Row>([
    ['第三条', OPINION, [['3', 'column', '第三条', false]]],
    [' 第3条第2款 ', OPINION, [['3.2', 'column', '第3条第2款', false]]],
    ['第二条第二款', OPINION, [['2.2', 'column', '第二条第二款', true]]],
    ['第四条第一款第（三）项', OPINION, [['4.1.3', 'column', '第四条第一款第（三）项', false]]],
    ['第四条第一款第（五）项', OPINION, [['4.1.5', 'column', '第四条第一款第（五）项', true]]],
    ['第九十九条', OPINION, [['99', 'column', '第九十九条', true]]],
    ['第三章', OPINION, [['ch3', 'column', '第三章', false]]],
    ['第九章', OPINION, [['ch9', 'column', '第九章', true]]],
    ['总体意见', OPINION, [['general', 'general', '总体意见', false]]],
    ['名称', OPINION, [['title', 'column', '名称', false]]],
    ['第三条至第五条', OPINION, [['3', 'column', '第三条至第五条', false], ['4', 'column', '第三条至第五条', false], ['5', 'column', '第三条至第五条', false]]],
    // The column wins over citations in the text.
    ['第一条', '第五条的充电规定不合理。', [['1', 'column', '第一条', false]]],
    [null, '建议第五条增加充电桩的数量，第5条还应当明确费用。', [['5', 'text', '第五条', false]]],
    ['', '第三条、第四条都应修改。', [['3', 'text', '第三条、第四条', false], ['4', 'text', '第三条、第四条', false]]],
    // An unreadable cell falls through to the text.
    ['见附件乱码##', '建议第四条增加规定。', [['4', 'text', '第四条', false]]],
    [null, '《某市电动自行车管理条例（征求意见稿）》第二条的适用范围太窄。', [['2', 'text', '第二条', false]]],
    [null, '总的来看，条例写得很好，但是处罚偏轻。', [['general', 'general', '总的来看', false]]],
    [null, '对草案的总体意见：赞成。', [['general', 'general', '总体意见', false]]],
  ])('%j / %s', (article, opinion, expected) => {
    const found = assigner.assign({ article, opinion });
    expect(found.map((a) => [a.key, a.source, a.cited, a.notInDraft])).toEqual(expected);
    for (const a of found) {
      expect(a.confidence).toBe(1);
      expect(ArticleAssignmentSchema.safeParse(a).success).toBe(true);
    }
  });

  it.each([
    ['楼道里给电瓶车充电太危险了，小区应当多建集中充电桩。', '5'],
    ['骑电动车必须戴头盔，还要禁止逆行和载人。', '4'],
  ])('similarity: %s → %s', (opinion, key) => {
    const [found, ...rest] = assigner.assign({ article: null, opinion });
    expect(rest).toEqual([]);
    expect(found?.key).toBe(key);
    expect(found?.source).toBe('similarity');
    expect(found?.confidence).toBeGreaterThanOrEqual(ASSIGN_DEFAULTS.threshold);
    expect(found?.confidence).toBeLessThanOrEqual(1);
    expect(found?.cited).toBeNull();
  });

  it('a citation of another law is not a citation of the draft', () => {
    // Without the citation the opinion is a guess (or, with too little in common, left unassigned).
    const lenient = createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, threshold: 0.05, minLead: 0, minLeadUnanchored: 0, examples: [] });
    const [found] = lenient.assign({ article: null, opinion: '根据《中华人民共和国道路交通安全法》第五十一条，骑车应当戴安全头盔。' });
    expect(['similarity', 'none']).toContain(found?.source);
    expect(found?.source === 'similarity' ? found.key : found?.candidates?.[0]?.key).toBe('4');
  });

  // A law named without 《》 before the citation: 参照上位法第三条 is not the draft's 第三条; 本条例第三条 and 条例第三条 are.
  it.each([
    ['参照上位法第三条的规定，登记不应收费。', false],
    ['依照道路交通安全法第四条，应当戴头盔。', false],
    ['根据国家标准第5条，充电桩要有防护。', false],
    ['建议本条例第三条写明登记不收费。', true],
    ['条例第三条的登记规定很好。', true],
    ['第三条登记要简化。', true],
  ])('%s cites the draft: %s', (opinion, draft) => {
    const found = assigner.cited({ article: null, opinion });
    expect(found.some((a) => a.source === 'text')).toBe(draft);
  });

  it('a code excerpt is cited by its own name without 《》 (根据民法典第一千二百六十条)', () => {
    const code = parseDraft(readFileSync(join(LAWS, '中华人民共和国民法典.md'), 'utf8'), '民法典.md');
    const civil = createAssigner(code, terms, { ...ASSIGN_DEFAULTS, examples: [] });
    expect(civil.cited({ article: null, opinion: '根据民法典第一千二百六十条，建议修改施行日期的表述。' }).map((a) => [a.key, a.source])).toEqual([['1260', 'text']]);
    expect(civil.cited({ article: null, opinion: '本法第一千二百六十条的施行日期应当写明。' }).map((a) => [a.key, a.source])).toEqual([['1260', 'text']]);
    expect(civil.cited({ article: null, opinion: '参照道路交通安全法第五十一条，应当戴头盔。' })).toEqual([]);
  });

  it('off-topic opinions stay unassigned, with the best score as confidence', () => {
    const [found, ...rest] = assigner.assign({ article: null, opinion: '菜市场的卫生条件太差，希望整治。' });
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ key: 'unassigned', source: 'none', cited: null, notInDraft: false });
    expect(found?.confidence).toBeLessThan(ASSIGN_DEFAULTS.threshold);
  });

  it('a threshold of 1 leaves similar opinions unassigned; a large margin too', () => {
    const opinion = '楼道里给电瓶车充电太危险了，小区应当多建集中充电桩。';
    expect(createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, threshold: 1, examples: [] }).assign({ article: null, opinion })[0]?.key).toBe('unassigned');
    expect(createAssigner(DRAFT, terms, { threshold: 0, minMargin: 1, minLead: 0, minLeadUnanchored: 0, examples: [] }).assign({ article: null, opinion })[0]?.key).toBe('unassigned');
  });
});

describe('createAssigner without a draft', () => {
  it.each<Row>([
    ['第九十九条', OPINION, [['99', 'column', '第九十九条', false]]],
    [null, '第三条应当删除。', [['3', 'text', '第三条', false]]],
    [null, '根据《中华人民共和国民法典》第一千二百条，建议修改。', [['unassigned', 'none', null, false]]],
    [null, '楼道里给电瓶车充电太危险了。', [['unassigned', 'none', null, false]]],
  ])('%j / %s', (article, opinion, expected) => {
    const found = noDraft.assign({ article, opinion });
    expect(found.map((a) => [a.key, a.source, a.cited, a.notInDraft])).toEqual(expected);
  });
});

describe('createAssigner on the 民法典 (chapters keyed per 编)', () => {
  const code = parseDraft(readFileSync(join(LAWS, '中华人民共和国民法典.md'), 'utf8'), '民法典.md');
  const civil = createAssigner(code, terms, { ...ASSIGN_DEFAULTS, examples: [] });
  it.each([
    ['第三章', false],
    ['第二编第三章', false],
    ['第九十章', true],
    ['第一千二百六十条', false],
    ['第一千二百六十一条', true],
    ['第一千二百六十条第二款', true],
  ])('%s → notInDraft %s', (cell, notInDraft) => {
    const found = civil.assign({ article: cell, opinion: OPINION });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((a) => a.notInDraft === notInDraft)).toBe(true);
  });
});

describe('properties', () => {
  it('any input gives at least one valid assignment and never throws', () => {
    const pieces = fc.constantFrom('第三条', '第九十九条', '第三章', '之一', '至', '、', '总体意见', '充电', '头盔', '《', '》', '法', '款', '项');
    const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.option(text), text, (article, opinion) => {
        const found = assigner.assign({ article, opinion });
        expect(found.length).toBeGreaterThan(0);
        for (const a of found) expect(ArticleAssignmentSchema.safeParse(a).success).toBe(true);
        expect(new Set(found.map((a) => a.key)).size).toBe(found.length);
        expect(noDraft.assign({ article, opinion }).every((a) => !a.notInDraft)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    const input = { article: null, opinion: '小区应当多建集中充电桩，禁止在楼道充电。' };
    expect(createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, threshold: 0.1, examples: [] }).assign(input)).toEqual(assigner.assign(input));
  });
});
