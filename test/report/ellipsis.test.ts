/**
 * A text cut short is marked as Chinese marks it: ……, never a single … (cluster labels in the 登记表 and the
 * summary's headings, the 主旨 column, chart labels, the terminal summary, messages quoting a cell).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { barChart } from '../../src/report/svg.js';
import { cutText, ELLIPSIS } from '../../src/text/format.js';
import { makeTempDir } from '../cli/run-cli.js';
import { draft, submissions, yijian } from '../decisions/cli.js';

/** A single … with no … beside it: the Western ellipsis. */
const LONE = /(?<!…)…(?!…)/u;

describe('cutText', () => {
  it.each([
    ['短句不截', 10, '短句不截'],
    ['号牌变更补领和转移登记', 4, '号牌变更……'],
    ['正好四字', 4, '正好四字'],
    // Counted in characters, not UTF-16 units: an astral character is one.
    ['𠀀𠀁𠀂𠀃', 2, '𠀀𠀁……'],
  ])('cutText(%s, %d) = %s', (text, max, expected) => expect(cutText(text, max)).toBe(expected));

  it('writes the Chinese ellipsis', () => expect(ELLIPSIS).toBe('……'));
});

describe('chart labels', () => {
  it('cut a long point name with …… and keep the label column\'s width', () => {
    const name = '城东区东湖街道办事处基层立法联系点（社区工作站）';
    const svg = barChart('各联系点报送意见数', [{ label: name, value: 3 }]);
    const shown = /<text[^>]*text-anchor="end">([^<]*)<\/text>/u.exec(svg)?.[1] ?? '';
    expect(shown.endsWith('……')).toBe(true);
    expect(shown).not.toMatch(LONE);
    expect([...shown].length).toBeLessThanOrEqual(18);
    // The whole name stays in the tooltip.
    expect(svg).toContain(`<title>${name}：3</title>`);
  });
});

describe('the reports of the fixtures', () => {
  const texts = new Map<string, string>();
  let stdout = '';

  beforeAll(async () => {
    const out = join(makeTempDir('yijian-ellipsis-'), '报告');
    const run = await yijian(['digest', submissions, '--draft', draft, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
    for (const name of readdirSync(out)) {
      const path = join(out, name);
      if (name.endsWith('.docx')) texts.set(name, (await mammoth.extractRawText({ path })).value);
      else if (name.endsWith('.xlsx')) {
        const book = XLSX.read(readFileSync(path), { type: 'buffer' });
        texts.set(name, book.SheetNames.map((sheet) => XLSX.utils.sheet_to_csv(book.Sheets[sheet] as XLSX.WorkSheet)).join('\n'));
      } else if (/\.(md|html)$/.test(name)) texts.set(name, readFileSync(path, 'utf8'));
    }
  });

  it('cut labels and gists with …… in every report (the fixture draft\'s 第四十一条, the 第十二条 label)', () => {
    expect([...texts.keys()].sort()).toEqual(['条文意见对照表.docx', '条文意见对照表.xlsx', '汇总报告.docx', '汇总报告.html', '汇总报告.md', '采纳情况登记表.xlsx']);
    for (const [name, text] of texts) expect(text, name).not.toMatch(LONE);
    expect(texts.get('汇总报告.md')).toContain('有关部门及其工作人员……');
    expect(texts.get('汇总报告.docx')).toMatch(/第十二条：\S+……（\d+ 次提交/u);
    expect(texts.get('采纳情况登记表.xlsx')).toContain('……');
  });

  it('cut the terminal summary\'s excerpts the same way', () => {
    expect(stdout).toContain('……');
    expect(stdout).not.toMatch(LONE);
  });
});
