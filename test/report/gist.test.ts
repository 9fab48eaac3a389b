/**
 * The 主旨 of articles without a caption, worked out for the whole draft (report/gist.ts) on the real drafts of the
 * fixtures: what a drafter reads beside 第一千一百五十条 must tell it from the other articles of the draft, in whole
 * words, at most 16 characters and …… when cut. Before session 25 five articles of 继承编 all read 继承开始后.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleGist, draftGists, fitPhrase, GIST_CHARS, readSame } from '../../src/report/gist.js';
import { readDraft } from '../../src/text/read-draft.js';
import type { Draft } from '../../src/model.js';
import { REPO_ROOT } from '../cli/run-cli.js';

/** Every draft of the fixtures that has a batch (fixtures/eval/<name>/, fixtures/submissions). */
const DRAFTS = [
  'fixtures/eval/drafts/民法典（继承编节选）.md',
  'fixtures/eval/drafts/民法典（婚姻家庭节选）.md',
  'fixtures/eval/drafts/民法典（侵权责任节选）.md',
  'fixtures/eval/drafts/民法典（物业节选）.md',
  'fixtures/eval/drafts/民法典（租赁合同节选）.md',
  'fixtures/laws/北京市物业管理条例.md',
  'fixtures/laws/上海市养犬管理条例.md',
  'fixtures/laws/中华人民共和国民法典.md',
  'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt',
  'fixtures/eval/drafts/民法典（人格权编节选）.md',
] as const;

/** Words a gist must not end on (…或者为, …在电动, …车库应): words, so 行为, 平等 and 事由 may. */
const DANGLING = new Set(['或者', '或', '并', '和', '与', '及', '在', '对', '为', '由', '向', '将', '本', '、', '应', '应当', '可以', '给']);
/** A cut gist does not end on 等 or 的 either (a whole clause may: 担保财产毁损、灭失或者被征收等). */
const CUT_DANGLING = new Set([...DANGLING, '等', '的', '下列', '其他']);
const words = new Intl.Segmenter('zh', { granularity: 'word' });
const lastWord = (text: string): string => [...words.segment(text)].at(-1)?.segment ?? '';

const drafts = new Map<string, Draft>();
const gists = new Map<string, Map<string, string>>();
const gistOf = (draft: string, key: string): string | undefined => gists.get(draft)?.get(key);

beforeAll(async () => {
  for (const path of DRAFTS) {
    const draft = await readDraft(join(REPO_ROOT, path));
    drafts.set(path, draft);
    gists.set(path, draftGists(draft.articles));
  }
}, 60_000);

describe('主旨 on 民法典 继承编 (each read 继承开始后 before)', () => {
  const INHERITANCE = DRAFTS[0];
  it.each([
    ['1123', '继承开始后按照法定继承办理'],
    ['1124', '继承开始后继承人放弃继承的'],
    ['1145', '继承开始后遗嘱执行人为遗产管理人'],
    ['1150', '知道被继承人死亡的继承人及时通知……'],
    ['1152', '继承开始后继承人于遗产分割前死亡'],
    // 继承人有下列行为之一的，丧失继承权: who, with what follows.
    ['1125', '继承人丧失继承权'],
    // Were 自然人可以…… and 遗嘱应当…… and 遗产管理人可以…….
    ['1133', '自然人可以立遗嘱处分个人财产'],
    ['1149', '遗产管理人可以获得报酬'],
    ['1138', '遗嘱人在危急情况下立口头遗嘱'],
    ['1155', '遗产分割时保留胎儿的继承份额'],
  ])('第%s条 → %s', (key, gist) => expect(gistOf(INHERITANCE, key)).toBe(gist));
});

describe('主旨 on 民法典 婚姻家庭, 侵权责任, 租赁合同, 物业', () => {
  it('the articles that open with 离婚后 or 离婚时 say what happens then', () => {
    const family = DRAFTS[1];
    expect(gistOf(family, '1083')).toBe('离婚后男女双方自愿恢复婚姻关系的');
    expect(gistOf(family, '1085')).toBe('离婚后子女由一方直接抚养的');
    expect(gistOf(family, '1087')).toBe('夫妻的共同财产由双方协议处理');
    expect(gistOf(family, '1089')).toBe('离婚时夫妻共同债务应当共同偿还');
    expect(gistOf(family, '1090')).toBe('离婚时一方生活困难');
    // 有下列情形之一，导致离婚的，无过错方有权请求损害赔偿: the condition is too short to be the gist.
    expect(gistOf(family, '1091')).toBe('无过错方有权请求损害赔偿');
  });

  it('a list that opens the article is said by its first and 等; the one that says less of two alike moves on', () => {
    const tort = DRAFTS[2];
    expect(gistOf(tort, '1188')).toBe('无民事行为能力人等造成他人损害的');
    expect(gistOf(tort, '1189')).toBe('监护人将监护职责委托给他人的');
    expect(gistOf(tort, '1252')).toMatch(/^建筑物等设施倒塌、塌陷/u);
    // 违反管理规定 says nothing alone.
    expect(gistOf(tort, '1246')).toMatch(/^未对动物采取安全措施/u);
  });

  it('承租人经出租人同意 (three articles) and 租赁期限届满 (two) are told apart', () => {
    const lease = DRAFTS[4];
    // 承租人经出租人同意，可以对租赁物进行改善或者增设他物: the clause after the one 716 and 717 begin with too.
    expect(gistOf(lease, '715')).toBe('对租赁物进行改善或者增设他物');
    expect(gistOf(lease, '716')).toBe('将租赁物转租给第三人');
    expect(gistOf(lease, '717')).toMatch(/^承租人经出租人同意将租赁物/u);
    expect(gistOf(lease, '733')).toBe('租赁期限届满承租人应当返还租赁物');
    expect(gistOf(lease, '734')).toBe('租赁期限届满承租人继续使用租赁物');
    // Was 承租人应当……: 应当 → 应 lets the whole clause in.
    expect(gistOf(lease, '709')).toBe('承租人应按照约定的方法使用租赁物');
  });

  it('建筑区划内 (two articles of 物业) is read with what follows', () => {
    const property = DRAFTS[3];
    expect(gistOf(property, '275')).toMatch(/^建筑区划内规划用于停放汽车的车位/u);
    expect(gistOf(property, '276')).not.toBe('建筑区划内');
  });
});

describe('a penalty article keeps its 违反第X条的处罚', () => {
  it('in the 上海市养犬管理条例 (第四十一条 to 第五十四条) and the 北京市物业管理条例', () => {
    const dogs = DRAFTS[6];
    expect(gistOf(dogs, '41')).toBe('违反第十条的处罚');
    expect(gistOf(dogs, '53')).toBe('违反第三十八条、第四十条的处罚');
    const beijing = DRAFTS[5];
    expect(gistOf(beijing, '97')).toBe('物业服务人违反第七十六条的处罚');
    // 有下列行为之一的，由有关主管部门按照下列规定予以查处：（一）违反本条例第七十八条第二款第（一）项规定的 …
    expect(gistOf(beijing, '98')).toBe('违反第七十八条的处罚');
  });
});

describe('every draft of the fixtures', () => {
  it.each(DRAFTS)('%s: no two articles read the same, unless their texts are the same', (path) => {
    const draft = drafts.get(path)!;
    const own = gists.get(path)!;
    const open = draft.articles.filter((a) => a.caption === null);
    const same: string[] = [];
    for (let i = 0; i < open.length; i += 1) {
      for (let j = i + 1; j < open.length; j += 1) {
        const a = open[i]!;
        const b = open[j]!;
        if (readSame(own.get(a.key)!, own.get(b.key)!) && a.text !== b.text) same.push(`${a.label}「${own.get(a.key)}」 ${b.label}「${own.get(b.key)}」`);
      }
    }
    expect(same).toEqual([]);
  }, 60_000);

  it('the 民法典 has one pair of the same words: 第九百六十条 and 第九百六十六条 (本章没有规定的，参照适用委托合同的有关规定)', () => {
    const code = DRAFTS[7];
    expect(gistOf(code, '960')).toBe(gistOf(code, '966'));
    expect(gistOf(code, '960')).toBe('参照适用委托合同的有关规定');
  });

  it.each(DRAFTS)('%s: at most 16 characters and ……, never ending on a word left hanging', (path) => {
    const draft = drafts.get(path)!;
    for (const article of draft.articles.filter((a) => a.caption === null)) {
      const gist = gists.get(path)!.get(article.key)!;
      const text = gist.replace(/……$/u, '');
      expect(gist, article.label).not.toBe('');
      expect([...text].length, `${article.label}：${gist}`).toBeLessThanOrEqual(GIST_CHARS);
      // A cut gist ends on a whole word that wants nothing after it; a whole one ends where the article's clause does.
      if (gist.endsWith('……')) expect(CUT_DANGLING.has(lastWord(text)), `${article.label}：${gist}`).toBe(false);
      else expect(text, `${article.label}：${gist}`).not.toMatch(/(?:或者|、|，)$/u);
      expect(text, `${article.label}：${gist}`).not.toMatch(/……/u);
    }
  });

  it('captions are shown as the drafter wrote them', () => {
    const bikes = drafts.get(DRAFTS[8])!;
    for (const article of bikes.articles.filter((a) => a.caption !== null)) expect(gistOf(DRAFTS[8], article.key)).toBe(article.caption);
  });

  it('is the same on every run (deterministic)', () => {
    const draft = drafts.get(DRAFTS[1])!;
    expect([...draftGists(draft.articles)]).toEqual([...gists.get(DRAFTS[1])!]);
  });
});

describe('one article on its own (articleGist) and one phrase (fitPhrase)', () => {
  it.each([
    // A time alone is read with what follows when that has no subject, left out when it has one.
    ['继承开始后，按照法定继承办理；有遗嘱的，按照遗嘱继承或者遗赠办理。', '继承开始后按照法定继承办理'],
    ['有下列情形之一的，婚姻无效：\n（一）重婚；', '婚姻无效'],
    ['本章没有规定的，适用承揽合同的有关规定。', '适用承揽合同的有关规定'],
    // 依照法律规定或者按照约定 says nothing of this article.
    ['遗产管理人可以依照法律规定或者按照约定获得报酬。', '遗产管理人可以获得报酬'],
    ['无民事行为能力人、限制民事行为能力人造成他人损害的，由监护人承担侵权责任。', '无民事行为能力人等造成他人损害的'],
  ])('%s → %s', (text, gist) => expect(articleGist(text)).toBe(gist));

  it('cuts between words, not inside 承租人, and before the joining word that leaves the phrase hanging', () => {
    expect(fitPhrase('有关部门及其工作人员在电动自行车管理工作中滥用职权、玩忽职守').text).toBe('有关部门及其工作人员……');
    // 承租人未…… said nothing: the phrase the joining word opens is kept when two words of it fit.
    expect(fitPhrase('承租人未按照约定的方法或者未根据租赁物的性质使用租赁物').text).toBe('承租人未按照约定的方法……');
  });

  it('a pair the draft writes together is not cut apart (婚姻 before 登记机关)', () => {
    const phrase = '要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记';
    expect(fitPhrase(phrase, new Set(['婚姻|登记'])).text).not.toMatch(/婚姻……$/u);
  });
});
