/** The 对照表 shows the 编, 章 and 节 headings above their articles, and what became of each heading. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { makeTempDir, runYijian } from '../cli/run-cli.js';
import { alignDrafts, DEFAULT_ALIGN_OPTIONS } from '../../src/compare/align.js';
import { renderCompare } from '../../src/report/compare.js';
import { buildCompareView, type HeadingView } from '../../src/compare/view.js';
import { parseDraft } from '../../src/text/draft.js';

const OLD_LINES = [
  '某市物业管理条例（征求意见稿）',
  '第一章 总则',
  '第一条 为了规范物业管理活动，维护业主和物业服务人的合法权益，制定本条例。',
  '第二条 本市行政区域内的住宅物业管理活动适用本条例。',
  '第二章 前期物业',
  '第三条 建设单位销售房屋前，应当选聘前期物业服务人，签订前期物业服务合同。',
  '第四条 前期物业服务合同期限最长不超过二年。',
  '第三章 临时规定',
  '第五条 本条例施行前已成立的业主委员会，任期届满后依照本条例换届。',
  '第四章 附则',
  '第六条 本条例自2025年1月1日起施行。',
];
const NEW_LINES = [
  '某市物业管理条例（修改稿）',
  '第一章 总则',
  '第一条 为了规范物业管理活动，维护业主和物业服务人的合法权益，制定本条例。',
  '第二条 本市行政区域内的住宅物业管理活动适用本条例。',
  '第二章 前期物业管理',
  '第三条 建设单位销售房屋前，应当选聘前期物业服务人，签订前期物业服务合同。',
  '第四条 前期物业服务合同期限最长不超过三年。',
  '第三章 电动自行车停放',
  '第五条 新建住宅小区应当配建电动自行车集中停放场所和充电设施。',
  '第六条 禁止在楼道、楼梯间停放电动自行车或者为其充电。',
  '第四章 附则',
  '第七条 本条例自2025年5月1日起施行。',
];
const oldDraft = parseDraft(OLD_LINES.join('\n'), '征求意见稿.txt');
const newDraft = parseDraft(NEW_LINES.join('\n'), '修改稿.txt');

const line = (h: HeadingView): string =>
  `${h.kindText}：${(h.old ?? []).map((r) => (r.mark === 'deleted' ? `[-${r.text}]` : r.text)).join('')} → ${(h.new ?? []).map((r) => (r.mark === 'inserted' ? `[+${r.text}]` : r.text)).join('')}`;

describe('headings in the 对照表', () => {
  const alignment = alignDrafts(oldDraft, newDraft, DEFAULT_ALIGN_OPTIONS);

  it('opens each chapter above its first article and says what became of its heading', () => {
    const view = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: false });
    const shown = view.rows.map((row) => [...row.headings.map(line), `${row.no} ${row.kindText}`]);
    expect(shown).toEqual([
      ['未修改：第一章　总则 → 第一章　总则', '1 未修改'],
      ['2 未修改'],
      ['修改：第二章　前期物业 → 第二章　前期物业[+管理]', '3 未修改'],
      ['4 修改'],
      // The old chapter nothing continues opens where its article was; the new one where its first article is.
      ['删除：[-第三章　临时规定] → ', '5 删除'],
      ['新增： → [+第三章　电动自行车停放]', '6 新增'],
      ['7 新增'],
      ['未修改：第四章　附则 → 第四章　附则', '8 修改（条序调整）'],
    ]);
    expect(view.summaryLine).toContain('；章节标题修改 1 处，新增 1 处，删除 1 处。');
  });

  it('keeps, with --changed-only, the headings of the chapters it lists and every changed heading', () => {
    const view = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: true });
    expect(view.rows.map((row) => [...row.headings.map(line), `${row.no} ${row.kindText}`])).toEqual([
      ['修改：第二章　前期物业 → 第二章　前期物业[+管理]', '1 修改'],
      ['删除：[-第三章　临时规定] → ', '2 删除'],
      ['新增： → [+第三章　电动自行车停放]', '3 新增'],
      ['4 新增'],
      ['未修改：第四章　附则 → 第四章　附则', '5 修改（条序调整）'],
    ]);
  });

  it('says a chapter renumbered but not renamed is 章序调整', () => {
    const shifted = parseDraft(oldDraft.articles.length > 0 ? [
      '某市物业管理条例（修改稿）',
      '第一章 总则',
      '第一条 为了规范物业管理活动，维护业主和物业服务人的合法权益，制定本条例。',
      '第二条 本市行政区域内的住宅物业管理活动适用本条例。',
      '第二章 物业服务',
      '第三条 物业服务人应当按照物业服务合同的约定提供服务。',
      '第三章 前期物业',
      '第四条 建设单位销售房屋前，应当选聘前期物业服务人，签订前期物业服务合同。',
      '第五条 前期物业服务合同期限最长不超过二年。',
    ].join('\n') : '', '修改稿.txt');
    const view = buildCompareView(oldDraft, shifted, alignDrafts(oldDraft, shifted, DEFAULT_ALIGN_OPTIONS), { changedOnly: false });
    const headings = view.rows.flatMap((row) => row.headings.map(line));
    expect(headings).toContain('章序调整：第[-二]章　前期物业 → 第[+三]章　前期物业');
  });

  it('prints each heading as a row of its own, centred and kept with the article under it (Word), in Excel and Markdown', async () => {
    const view = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: false });
    const out = await renderCompare(view, ['docx', 'xlsx', 'md'], null);
    const xml = new PizZip(out.get('docx') as Buffer).file('word/document.xml')!.asText();
    const rows = xml.split('<w:tr>').slice(1);
    const headingRow = rows.find((r) => r.includes('前期物业') && r.includes('管理</w:t>') && !r.includes('第三条'));
    expect(headingRow).toBeDefined();
    expect(headingRow).toContain('<w:keepNext/><w:jc w:val="center"/>');
    const md = out.get('md') as string;
    expect(md).toContain('|  | 第二章　前期物业 | 第二章　前期物业**管理** | 修改 |');
    expect(md).toContain('|  | ~~第三章　临时规定~~ | — | 删除 |');
  });

  it('lists the changed headings in the terminal after the articles', async () => {
    const dir = makeTempDir('yijian-headings-');
    writeFileSync(join(dir, '征求意见稿.txt'), OLD_LINES.join('\n'));
    writeFileSync(join(dir, '修改稿.txt'), NEW_LINES.join('\n'));
    const run = await runYijian(['compare', '征求意见稿.txt', '修改稿.txt', '--formats', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  标题 第二章　前期物业 → 第二章　前期物业管理  修改');
    expect(lines).toContain('  删除标题 第三章　临时规定');
    expect(lines).toContain('  新增标题 第三章　电动自行车停放');
    expect(lines.findIndex((l) => l.startsWith('  标题'))).toBeGreaterThan(lines.findIndex((l) => l.includes('新增 现第')));
  });
});
