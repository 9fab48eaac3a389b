/**
 * The 主旨 column of the summary's per-article table, for articles without a caption: what the drafter reads
 * beside 第三十五条. Never a phrase broken off on a word that wants its object (…或者为, …在电动, …违反本);
 * a penalty article is named by the article it enforces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleGist } from '../../src/report/model.js';
import { DRAFT_TXT, makeTempDir, REPO_ROOT, runYijian, SUBMISSIONS } from '../cli/run-cli.js';

/** 条款 → 主旨 from the summary's table (| 第三十五条 | 主旨 | n | n |). */
function gists(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(/^\| (第[^|]+?条(?:之[^|]+?)?) \| ([^|]+?) \| \d+ \| \d+ \|$/gmu)].map((m) => [m[1]!, m[2]!]));
}

// 为 as a word (…或者为), not the end of 行为 (业主委员会委员等不得实施下列行为).
const DANGLING = /(?:或者|或者为|并|和|与|及|在|对|(?<!行)为|由|向|将|本|、)$/u;

describe('主旨 of articles without a caption', () => {
  let fixture: Map<string, string>;
  let property: Map<string, string>;

  beforeAll(async () => {
    const dir = makeTempDir('yijian-gist-');
    expect((await runYijian(['digest', SUBMISSIONS, '--draft', DRAFT_TXT, '-o', 'a', '--formats', 'md'], dir)).status).toBe(0);
    fixture = gists(readFileSync(join(dir, 'a/汇总报告.md'), 'utf8'));
    const batch = join(REPO_ROOT, 'fixtures/eval/北京市物业管理条例');
    expect((await runYijian(['digest', batch, '--draft', join(REPO_ROOT, 'fixtures/laws/北京市物业管理条例.md'), '-o', 'b', '--formats', 'md'], dir)).status).toBe(0);
    property = gists(readFileSync(join(dir, 'b/汇总报告.md'), 'utf8'));
  }, 120_000);

  it('names a penalty article by what it enforces', () => {
    expect(fixture.get('第三十五条')).toBe('违反第九条的处罚');
    expect(fixture.get('第三十八条')).toBe('违反第二十四条的处罚');
    expect(fixture.get('第三十九条')).toBe('平台企业违反第三十条的处罚');
  });

  it('cuts a long first clause before the word that joins what follows, and says it was cut', () => {
    expect(fixture.get('第四十一条')).toBe('有关部门及其工作人员……');
    // A whole clause stays as it is, without ……
    expect(fixture.get('第四十二条')).toBe('法律、行政法规已有处罚规定的');
  });

  it('never ends on a word left hanging, in the fixture draft or the 北京市物业管理条例', () => {
    expect(property.size).toBeGreaterThan(20);
    for (const [article, gist] of [...fixture, ...property]) {
      expect(gist.replace(/……$/u, ''), `${article}：${gist}`).not.toMatch(DANGLING);
      expect([...gist.replace(/……$/u, '')].length, `${article}：${gist}`).toBeLessThanOrEqual(16);
    }
  });

  it('cuts between words only: 为 inside 行为 is not the joining word 为 (session 22)', async () => {
    const dir = makeTempDir('yijian-gist-words-');
    const batch = join(REPO_ROOT, 'fixtures/eval/民法典（侵权责任留出）');
    const draft = join(REPO_ROOT, 'fixtures/eval/drafts/民法典（侵权责任节选）.md');
    expect((await runYijian(['digest', batch, '--draft', draft, '-o', 'c', '--formats', 'md'], dir)).status).toBe(0);
    const tort = gists(readFileSync(join(dir, 'c/汇总报告.md'), 'utf8'));
    // Was 无民事行…… (cut before the 为 of 行为).
    expect(tort.get('第一千一百八十八条')).toMatch(/^无民事行为能力人/u);
    for (const [article, gist] of tort) expect(gist, `${article}：${gist}`).not.toMatch(/民事行……|行为能……/u);
  });
});

describe('主旨 of a penalty article that cites a list of 款 or 项', () => {
  // 第四十三条 of 上海市养犬管理条例 (违反本条例第二十二条第一、二、三项规定的，由公安部门责令改正) was headed 由公安部门责令改正,
  // beside 第四十二条 headed 违反第十一条的处罚: the list of items did not read as a reference.
  it.each([
    ['违反本条例第二十二条第一、二、三项规定的，由公安部门责令改正，可以处五十元以上二百元以下罚款。', '违反第二十二条的处罚'],
    ['违反本条例第三十八条第一款和第四十条规定，不按照规定办理的，处一千元罚款。', '违反第三十八条、第四十条的处罚'],
    ['违反本条例第二十六条第一款、第二十七条第一款规定，处以罚款。', '违反第二十六条、第二十七条的处罚'],
    ['违反本条例第六十五条第（一）项至第（六）项规定的，由区住房和城乡建设主管部门责令改正，处一万元罚款。', '违反第六十五条的处罚'],
    ['违反本条例第七十八条第二款第（十二）项、第（十三）项规定的，责令改正。', '违反第七十八条的处罚'],
    ['平台企业违反本条例第三十条规定的，处一万元罚款。', '平台企业违反第三十条的处罚'],
  ])('%s → %s', (text, expected) => expect(articleGist(text)).toBe(expected));
});

describe('主旨 on a fresh draft without captions: 民法典 继承编 and its held-out batch (session 25)', () => {
  let markdown: Map<string, string>;
  let html: Map<string, string>;

  beforeAll(async () => {
    const dir = makeTempDir('yijian-gist-inheritance-');
    const batch = join(REPO_ROOT, 'fixtures/eval/民法典（继承留出）');
    const draft = join(REPO_ROOT, 'fixtures/eval/drafts/民法典（继承编节选）.md');
    expect((await runYijian(['digest', batch, '--draft', draft, '-o', 'd', '--formats', 'md,html'], dir)).status).toBe(0);
    markdown = gists(readFileSync(join(dir, 'd/汇总报告.md'), 'utf8'));
    // <tr><td>第一千一百五十条</td><td>主旨</td><td class="n">5</td>…
    html = new Map([...readFileSync(join(dir, 'd/汇总报告.html'), 'utf8')
      .matchAll(/<tr><td>(第[^<]+?条(?:之[^<]+?)?)<\/td><td>([^<]*)<\/td><td class="n">\d+<\/td>/gu)].map((m) => [m[1]!, m[2]!]));
  }, 120_000);

  it('no two articles of the table read the same, and none only says when (继承开始后)', () => {
    expect(markdown.size).toBeGreaterThan(30);
    const seen = [...markdown.values()];
    expect(new Set(seen).size).toBe(seen.length);
    for (const [article, gist] of markdown) {
      expect(gist, article).not.toBe('继承开始后');
      for (const [other, otherGist] of markdown) {
        if (other !== article) expect(otherGist.replace(/……$/u, '').startsWith(gist.replace(/……$/u, '')), `${article}：${gist} / ${other}：${otherGist}`).toBe(false);
      }
    }
  });

  it('the five articles that open with 继承开始后 say what happens then', () => {
    expect(markdown.get('第一千一百二十三条')).toBe('继承开始后按照法定继承办理');
    expect(markdown.get('第一千一百二十四条')).toBe('继承开始后继承人放弃继承的');
    expect(markdown.get('第一千一百四十五条')).toBe('继承开始后遗嘱执行人为遗产管理人');
    expect(markdown.get('第一千一百五十条')).toBe('知道被继承人死亡的继承人及时通知……');
    expect(markdown.get('第一千一百五十二条')).toBe('继承开始后继承人于遗产分割前死亡');
  });

  it('the HTML summary shows the same gists as the Markdown one', () => {
    expect(html.size).toBe(markdown.size);
    for (const [article, gist] of markdown) expect(html.get(article), article).toBe(gist);
  });
});
