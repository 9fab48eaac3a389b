/**
 * A point's letter about an opinion no article could be found for: the bureau's reports say 未归入条文 and
 * list the likely articles; the letter says the article is not settled (and, while undecided, being checked),
 * never the tool's word — a point reads 未归入条文 as "not taken into the text" — nor the guesses.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../cli/run-cli.js';
import { draft, fillDecisionSheet, readDigestJson, yijian } from './cli.js';

const VAGUE = '停车和充电都不方便，希望政府想想办法。';

async function letter(dir: string, out: string): Promise<{ md: string; docx: string }> {
  const md = readdirSync(join(dir, out)).find((name) => name.endsWith('-采纳情况反馈.md'))!;
  const docx = md.replace(/\.md$/, '.docx');
  return {
    md: readFileSync(join(dir, out, md), 'utf8'),
    docx: (await mammoth.extractRawText({ path: join(dir, out, docx) })).value,
  };
}

describe('feedback letters: an opinion left 未归入', () => {
  let dir: string;
  let unplacedCluster: string;
  let unplacedRecord: string;

  beforeAll(async () => {
    dir = makeTempDir('yijian-letters-unplaced-');
    writeFileSync(join(dir, '东湖街道立法联系点.csv'), ['序号,条款,意见建议', `1,,${VAGUE}`, '2,第十九条,楼道里充电太危险，要严格禁止。'].join('\n'));
    const run = await yijian(['digest', '东湖街道立法联系点.csv', '--draft', draft, '-o', 'r', '--formats', 'xlsx'], dir);
    expect(run.status, run.stderr).toBe(0);
    const digest = readDigestJson(join(dir, 'r'));
    const record = digest.records.find((r) => r.opinion === VAGUE)!;
    // The premise: the tool left it 未归入, with likely articles for the bureau.
    expect(record.articles[0]?.key).toBe('unassigned');
    expect(record.articles[0]?.candidates?.length ?? 0).toBeGreaterThan(0);
    unplacedCluster = record.cluster;
    unplacedRecord = record.id;
  });

  it('while undecided: 未确定具体条款（正在核对）, in the md and the Word letter, without 未归入 or guesses', async () => {
    const run = await yijian(['feedback', '--digest', 'r', '--decisions', 'r/采纳情况登记表.xlsx', '-o', 'f1'], dir);
    expect(run.status, run.stderr).toBe(0);
    const { md, docx } = await letter(dir, 'f1');
    for (const text of [md, docx]) {
      expect(text).toContain('未确定具体条款（正在核对）');
      expect(text).not.toContain('未归入');
      expect(text).not.toContain('可能涉及');
      expect(text).not.toContain('按内容推测');
    }
    expect(md).toMatch(new RegExp(`\\| 未确定具体条款（正在核对） \\| ${VAGUE} \\| 待研究 \\|`, 'u'));
  });

  it('once decided: 未确定具体条款 with the decision; once corrected: the article a person wrote, marked so', async () => {
    fillDecisionSheet(join(dir, 'r/采纳情况登记表.xlsx'), join(dir, '已填写.xlsx'), (id) => (id === unplacedCluster ? ['作为参考', '将在配套文件中考虑。'] : ['采纳', '已修改。']));
    expect((await yijian(['feedback', '--digest', 'r', '--decisions', '已填写.xlsx', '-o', 'f2'], dir)).status).toBe(0);
    const decided = (await letter(dir, 'f2')).md;
    expect(decided).toMatch(new RegExp(`\\| 未确定具体条款 \\| ${VAGUE} \\| 作为参考 \\|`, 'u'));
    expect(decided).not.toContain('正在核对');

    fillDecisionSheet(join(dir, 'r/采纳情况登记表.xlsx'), join(dir, '已更正.xlsx'), () => ['采纳', '已修改。'], { [unplacedRecord]: ['', '', '第二十二条'] });
    expect((await yijian(['feedback', '--digest', 'r', '--decisions', '已更正.xlsx', '-o', 'f3'], dir)).status).toBe(0);
    const corrected = (await letter(dir, 'f3')).md;
    expect(corrected).toMatch(new RegExp(`\\| 第二十二条（经核对归入本条） \\| ${VAGUE} \\|`, 'u'));
    expect(corrected).not.toContain('未确定具体条款');
  });
});
