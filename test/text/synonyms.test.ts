/**
 * The bundled colloquial → legal lexicon (templates/dict/synonyms.txt): well-formed, every listed word cut whole
 * and folded, distinct legal concepts kept apart, and a user's list extending it as its header says.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { DEFAULT_STOP_WORDS, DEFAULT_SYNONYMS, parseSynonyms, readStopWords } from '../../src/text/dictionaries.js';
import { normalizeText } from '../../src/text/normalize.js';

const dir = mkdtempSync(join(tmpdir(), 'yijian-synonyms-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The groups as written, line by line (parseSynonyms would already have merged and de-duplicated them). */
const groups: { line: number; words: string[] }[] = readFileSync(DEFAULT_SYNONYMS, 'utf8')
  .split(/\r\n|\n/)
  .map((text, index) => ({ text: text.trim(), line: index + 1 }))
  .filter(({ text }) => text !== '' && !text.startsWith('#'))
  .map(({ text, line }) => ({ line, words: text.split(/[\s,，、]+/).filter((w) => w !== '') }));
const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const fold = (word: string): string | undefined => segmenter.terms(word)[0];

describe('the bundled synonym list is well-formed', () => {
  test('covers the domains the bureau drafts for, at hundreds of words', () => {
    const words = groups.flatMap((g) => g.words);
    expect(groups.length).toBeGreaterThanOrEqual(150);
    expect(words.length).toBeGreaterThanOrEqual(600);
    for (const head of ['出租人', '牵引带', '电动自行车', '物业服务人', '专项维修资金', '罚款', '投诉', '公安机关交通管理部门', '损耗']) {
      expect(groups.map((g) => g.words[0])).toContain(head);
    }
  });

  test('no empty or one-word group, no word twice, no head that is another group\'s word', () => {
    const seen = new Map<string, number>();
    for (const { line, words } of groups) {
      expect(words.length, `第 ${line} 行只有一个词`).toBeGreaterThanOrEqual(2);
      for (const word of words) {
        expect(seen.get(word), `“${word}”在第 ${seen.get(word)} 行和第 ${line} 行`).toBeUndefined();
        seen.set(word, line);
      }
    }
    // A word in one group only means every word folds to the head of its own line.
    const map = parseSynonyms(readFileSync(DEFAULT_SYNONYMS, 'utf8'));
    for (const { words } of groups) for (const word of words) expect(map.get(word)).toBe(words[0]);
  });

  test('words are written as the segmenter sees them and none is a stop word (it would be dropped, never folded)', () => {
    const stops = new Set(readStopWords(DEFAULT_STOP_WORDS));
    for (const { words } of groups) {
      for (const word of words) {
        expect(normalizeText(word)).toBe(word);
        expect(stops.has(word), `“${word}”是停用词`).toBe(false);
      }
    }
  });

  test('every listed word is cut whole, alone and inside a sentence, and folds to its head', () => {
    // Listed words used to join jieba's dictionary at its median weight (a frequency of 3): 出门, 小狗, 住房, 坏了 …
    // were cut apart in running text and never folded.
    const broken: string[] = [];
    for (const { words } of groups) {
      for (const word of words) {
        if ([...word].length === 1) continue;
        const alone = segmenter.tokens(word);
        const inside = segmenter.tokens(`他说${word}的事`);
        if (alone.length !== 1 || !inside.includes(word) || fold(word) !== words[0]) broken.push(`${word}: ${inside.join(' ')}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('colloquial opinions fold to the words of the legal text', () => {
  test.each([
    ['退房的时候房东扣押金不退', ['返还', '出租人', '押金'], ['扣押']],
    ['房东不给修，热水器坏了好几个月', ['出租人', '维修', '故障', '热水器'], []],
    ['电梯坏了物业也不来修', ['电梯', '故障', '物业服务人', '维修'], []],
    ['楼上漏水把我家天花板泡了，找物业也不管', ['漏水', '物业服务人'], []],
    ['房东涨房租太狠，一年涨两次', ['出租人', '涨租'], []],
    ['小区里遛狗不拴狗绳的太多了，狗屎也没人清理', ['小区', '遛狗', '牵引带', '粪便'], ['狗绳', '狗屎']],
    ['电瓶车在楼梯间里充电，私拉电线很危险', ['电动自行车', '楼道', '充电', '飞线充电'], []],
    ['开发商把车库卖给外面的人，业委会也不管', ['建设单位', '车位', '业主委员会'], []],
    ['建议加大罚款力度，城管执法不到位，打电话投诉、举报都没用', ['罚款', '城管执法部门', '投诉'], ['举报']],
    ['外卖小哥骑电驴逆行闯红灯，交警应该罚钱', ['骑手', '电动自行车', '逆向行驶', '闯红灯', '公安机关交通管理部门', '罚款'], []],
    ['租的房子在租期内被房东卖了，买卖不破租赁要写清楚', ['租赁物', '租赁期限', '出租人', '所有权变动'], []],
    ['狗狗要打疫苗、办狗证，还要植入芯片', ['犬只', '免疫', '养犬登记', '电子标识'], []],
    // Words that mean something else in another text stay out: 街道 (a street), 乱放 (杂物), 交房 (a developer's).
    ['电动车在街道上乱停乱放，占了盲道', ['电动自行车', '违规停放', '盲道'], ['街道办事处']],
    ['楼道里乱堆乱放杂物，堵了消防通道', ['楼道', '杂物', '消防通道'], ['违规停放']],
    ['开发商交房以后物业费谁来交', ['建设单位', '交付', '物业费'], ['返还']],
    // The general sections: family, inheritance, contracts, torts, personality rights, city management.
    ['老公出轨还家暴，我要离婚，孩子归我', ['配偶', '出轨', '家庭暴力', '离婚', '子女'], []],
    ['离婚后抚养权归谁，前夫不付抚养费', ['离婚', '直接抚养', '抚养费'], []],
    ['爷爷去世后留下的房子，手写的遗嘱算不算数', ['祖父母', '死亡', '房屋', '自书', '遗嘱'], []],
    ['楼上扔东西砸坏了我的车，要求赔钱', ['高空抛物', '赔偿'], []],
    ['网友在网上造谣，网站也不删帖', ['网络用户', '诽谤', '网络服务提供者', '删帖'], []],
    ['醉驾撞人后逃逸', ['醉酒驾驶', '交通事故', '逃逸'], ['酒后驾驶']],
    ['商家卖假货还不给退款，应当退一赔三', ['经营者', '假冒伪劣', '退款', '惩罚性赔偿'], []],
    ['快递公司把包裹弄丢了', ['快递企业', '快件', '灭失'], []],
    ['小区门口摆摊的小贩太多，垃圾桶也满了', ['小区', '占道经营', '摊贩', '收集容器'], []],
  ])('%s', (text, present, absent) => {
    const terms = segmenter.terms(text);
    expect(terms).toEqual(expect.arrayContaining(present));
    for (const word of absent) expect(terms).not.toContain(word);
  });

  test('the legal text keeps its own words (a colloquial word added to the dictionary does not cut them apart)', () => {
    expect(segmenter.terms('租赁物在承租人按照租赁合同占有期限内发生所有权变动的')).toEqual(
      expect.arrayContaining(['租赁物', '承租人', '所有权变动']),
    );
    expect(segmenter.terms('租赁物被司法机关或者行政机关依法查封、扣押')).toEqual(expect.arrayContaining(['租赁物', '查封', '扣押']));
    expect(segmenter.terms('及时向业主、物业使用人告知安全、合理使用物业的注意事项')).toContain('物业使用人');
    expect(segmenter.terms('及时向业主、物业使用人告知')).not.toContain('物业服务人');
    expect(segmenter.tokens('未经登记，不得饲养犬龄满三个月的犬只')).toEqual(expect.arrayContaining(['饲养', '犬龄']));
    expect(segmenter.tokens('立即将被伤害人送至医疗机构诊治')).toEqual(expect.arrayContaining(['被伤害人', '送至']));
    expect(segmenter.tokens('由区住房和城乡建设或者房屋主管部门责令限期改正')).not.toContain('区住');
  });

  test('a listed single character counts (修, 坏, 罚, 咬); others are still dropped', () => {
    expect(segmenter.terms('不给修')).toEqual(['维修']);
    expect(segmenter.terms('空调坏，房东也不管')).toEqual(expect.arrayContaining(['故障', '出租人']));
    expect(segmenter.terms('狗咬了孩子')).toEqual(expect.arrayContaining(['犬只', '伤害']));
    expect(segmenter.terms('乱停就罚')).toEqual(['违规停放', '罚款']);
    expect(segmenter.terms('他说了个好')).toEqual([]);
  });
});

describe('distinct legal concepts are not folded together', () => {
  test.each([
    ['罚款', '没收'],
    ['罚款', '处罚'],
    ['罚款', '警告'],
    ['出租人', '次承租人'],
    ['出租人', '承租人'],
    ['承租人', '次承租人'],
    ['业主大会', '业主委员会'],
    ['业主委员会', '物业管理委员会'],
    ['物业服务人', '物业使用人'],
    ['物业服务人', '建设单位'],
    ['管理规约', '业主大会议事规则'],
    ['共有部分', '专有部分'],
    ['大型犬', '烈性犬'],
    ['伤害', '恐吓'],
    ['遗弃', '收容所'],
    ['押金', '扣押'],
    ['押金', '租金'],
    ['押金', '保证金'],
    ['维修', '故障'],
    ['故障', '毁损'],
    ['毁损', '损耗'],
    ['交付', '返还'],
    ['拖欠', '迟延'],
    ['解除合同', '终止'],
    ['续订', '续聘'],
    ['高空抛物', '坠落'],
    ['号牌', '临时号牌'],
    ['停放', '违规停放'],
    ['物业费', '停车费'],
    ['专项维修资金', '公共收益'],
    ['公安部门', '公安机关交通管理部门'],
    ['城管执法部门', '公安部门'],
    ['赔偿', '补偿'],
    ['补偿', '经济补偿'],
    ['抚养', '扶养'],
    ['抚养', '赡养'],
    ['抚养费', '赡养费'],
    ['抚养', '直接抚养'],
    ['遗嘱', '遗赠'],
    ['遗赠', '遗赠扶养协议'],
    ['继承人', '被继承人'],
    ['遗嘱执行人', '遗产管理人'],
    ['定金', '预付款'],
    ['预付款', '押金'],
    ['侵权人', '被侵权人'],
    ['出卖人', '出租人'],
    ['出卖人', '买受人'],
    ['酒后驾驶', '醉酒驾驶'],
    ['工资', '报酬'],
    ['子女', '未成年人'],
    ['同居', '重婚'],
    ['生活垃圾', '建筑垃圾'],
    ['厨余垃圾', '餐厨垃圾'],
    ['诽谤', '侮辱'],
  ])('%s ≠ %s', (a, b) => {
    expect(fold(a)).toBeDefined();
    expect(fold(b)).toBeDefined();
    expect(fold(a)).not.toBe(fold(b));
  });
});

describe('a user\'s synonym list', () => {
  const file = join(dir, '本地同义词.txt');
  writeFileSync(
    file,
    [
      '# 本区常见说法',
      '电动自行车 电驴子', // joins a bundled group through its head
      '小租客 转租客', // joins through a bundled word that is not the head: 转租客 → 次承租人
      '楼栋长 楼长 单元长', // a group of the user's own, its words cut whole
      '租客 房东', // tries to re-route bundled words: they keep their bundled groups
    ].join('\n'),
    'utf8',
  );
  const user = createSegmenter({ ...SEGMENTER_DEFAULTS, synonymFiles: [file] });
  // Read with the bundled list alone before the user's list is loaded (a second dictionary costs jieba a reload).
  const bundledOnly = segmenter.tokens('电驴子进电梯');

  test('extends the bundled groups, adds its own, and cannot silently re-route a bundled word', () => {
    expect(user.terms('电驴子进电梯')).toEqual(['电动自行车', '电梯']);
    expect(user.terms('转租客不交房租')).toEqual(expect.arrayContaining(['次承租人', '租金']));
    expect(user.tokens('单元长和楼长')).toEqual(['单元长', '和', '楼长']);
    expect(user.terms('单元长和楼长')).toEqual(['楼栋长', '楼栋长']);
    expect(user.forms?.('电动自行车')).toEqual(expect.arrayContaining(['电瓶车', '电驴子']));
    expect(user.terms('租客和房东')).toEqual(['承租人', '出租人']);
    // The user's words are the user segmenter's only.
    expect(bundledOnly).not.toContain('电驴子');
  });
});

describe('a listed word jieba already knows keeps its own weight', () => {
  // Listed at the bundled 2000, 合同 (jieba 3572) lost to its neighbours: 订立合同时 → 订立 / 合 / 同时, and 道路
  // (5532) cut 他说道路太窄 as 他 / 说道 / 路. A listed word is weighted at least as jieba weighs it.
  const dir = mkdtempSync(join(tmpdir(), 'yijian-freq-'));
  const file = join(dir, '同义词.txt');
  writeFileSync(file, ['合同 合约 契约', '道路 马路'].join('\n'), 'utf8');
  const user = createSegmenter({ ...SEGMENTER_DEFAULTS, synonymFiles: [file] });

  test('合同 and 道路 stay whole beside the words they lean on', () => {
    expect(user.tokens('双方订立合同时应当写明')).toEqual(['双方', '订立', '合同', '时', '应当', '写明']);
    expect(user.tokens('他说道路太窄')).toEqual(['他', '说', '道路', '太窄']);
    expect(user.terms('马路太窄')).toContain('道路');
  });
});
