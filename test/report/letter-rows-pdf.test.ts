/**
 * A long feedback letter printed by LibreOffice: every opinion's row is on paper, under the table's header repeated
 * on every page. With the templates' line grid (docGrid), LibreOffice 7.4 printed only the table's header when its
 * repeated, cantSplit header row ended a page with no room for the first opinion below it — the 64-opinion letter to
 * 市公证协会立法联系点 (继承编 batch) came out as 2 pages, its 64 rows gone, while the page-count test passed; without
 * cantSplit on the header it printed the rows but stopped repeating the header. The layout that triggers it depends
 * on what is above the table, so this is the letter that showed it, decided as a drafter would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDecisionSheet, readDigestJson, yijian } from '../decisions/cli.js';
import { makeTempDir, onPath, REPO_ROOT } from '../cli/run-cli.js';

const hasTools = onPath('soffice') && onPath('pdfinfo') && onPath('pdftotext');
const DECISIONS = ['采纳', '部分采纳', '未采纳', '作为参考', '已转送'];
const REASONS = ['已在修改稿中吸收', '已有相关规定', '与上位法不一致', '将在配套文件中细化', '已转民政部门研究'];

describe.skipIf(!hasTools)('a 64-opinion letter printed to PDF', () => {
  const printed = new Map<string, { pages: number; decisions: number; headless: number[] }>();
  const sent = new Map<string, number>();

  beforeAll(async () => {
    const work = makeTempDir('yijian-letter-pdf-');
    const out = join(work, '报告');
    const batch = join(REPO_ROOT, 'fixtures/eval/民法典（继承留出）');
    const draft = join(REPO_ROOT, 'fixtures/eval/drafts/民法典（继承编节选）.md');
    expect((await yijian(['digest', batch, '--draft', draft, '-o', out, '--date', '2024-07-01', '--formats', 'xlsx'])).status).toBe(0);
    for (const r of readDigestJson(out).records) sent.set(r.point ?? '', (sent.get(r.point ?? '') ?? 0) + 1);
    fillDecisionSheet(join(out, '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), (_id, i) => [DECISIONS[(i + 1) % 5]!, REASONS[(i + 1) % 5]!]);
    const fb = join(work, '反馈');
    const run = await yijian(['feedback', '--digest', out, '--decisions', join(work, '已填写.xlsx'), '-o', fb, '--issuer', '某市司法局', '--contact', '张三，010-63210000', '--formats', 'docx']);
    expect(run.status, run.stderr).toBe(0);
    const letters = readdirSync(fb).filter((n) => n.endsWith('.docx')).map((n) => join(fb, n));
    const profile = `file://${join(work, 'lo-profile')}`;
    const convert = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'pdf'), ...letters], { encoding: 'utf8', timeout: 180_000 });
    expect(convert.status, convert.stderr).toBe(0);
    for (const name of readdirSync(join(work, 'pdf'))) {
      const path = join(work, 'pdf', name);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? 0);
      const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
      const lines = text.split(/[\n\f]/u).map((l) => l.trim());
      // Pages holding opinion rows that do not start with the table's header (the page that opens the table has the heading).
      const headless = text.split('\f').map((page, i) => ({ page: i + 1, lines: page.split('\n').map((l) => l.trim()).filter((l) => l !== '') }))
        .filter(({ lines: on }) => on.some((l) => !l.includes('采纳率') && DECISIONS.some((d) => l.startsWith(`${d} `))) && !on.includes('二、逐条意见采纳情况') && !(on[0] ?? '').startsWith('序号 '))
        .map(({ page }) => page);
      // A row's decision cell starts a line (部分采纳 已有相关规定); the totals table's header line starts with 采纳 once.
      const decisions = lines.filter((l) => DECISIONS.some((d) => l === d || l.startsWith(`${d} `))).length - 1;
      printed.set(name.replace(/-采纳情况反馈\.pdf$/u, ''), { pages, decisions, headless });
    }
  }, 300_000);

  it('prints the row of every opinion each point sent', () => {
    expect(printed.size).toBe(3);
    for (const [point, letter] of printed) {
      expect(letter.decisions, point).toBe(sent.get(point));
      // About four rows a page with its 提出人 column, never the 2 pages of a header alone.
      expect(letter.pages, point).toBeGreaterThan(Math.ceil((sent.get(point) ?? 0) / 6));
    }
  });

  it('repeats the table\'s header at the top of every page of rows', () => {
    for (const [point, letter] of printed) expect(letter.headless, point).toEqual([]);
  });
});
