/**
 * Near-duplicate evidence as the drafter reads it (session 22): a copy that rewords its canonical letter is shown
 * in the 登记表's 单条意见 sheet and in digest.json as what changed into what, in whole words.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readDigestJson, yijian, draft } from '../decisions/cli.js';

const work = mkdtempSync(join(tmpdir(), 'yijian-near-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('near-duplicate evidence from the CLI', () => {
  it('says 群众 was replaced by 老百姓 and 事情 by 事, not 少“情”', async () => {
    const input = join(work, 'in');
    const out = join(work, 'out');
    const rows = [
      ['序号', '姓名', '涉及条款', '意见建议'],
      ['1', '王伟', '', '总体上赞成本条例的规定，条文清楚，希望加大普法宣传力度，让群众知道出了事情找谁处理。'],
      ['2', '李敏', '第十条', '建议电动自行车停放点设置充电设施，方便居民夜间充电。'],
      ['3', '张静', '', '总体上赞成本条例的规定，条文清楚，希望加大普法宣传力度，让老百姓知道出了事找谁处理。'],
    ];
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, '城东区-东湖街道立法联系点.csv'), '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
    const run = await yijian(['digest', input, '--draft', draft, '-o', out, '--force', '--formats', 'xlsx']);
    expect(run.status, run.stderr).toBe(0);
    const digest = readDigestJson(out);
    const copy = digest.records.find((r) => r.difference !== undefined);
    expect(copy?.difference?.changes).toEqual([{ from: '群众', to: '老百姓' }, { from: '事情', to: '事' }]);
    const wb = XLSX.read(readFileSync(join(out, '采纳情况登记表.xlsx')));
    const sheet = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['单条意见']!, { header: 1 });
    const column = sheet[0]!.indexOf('近似重复及差异');
    expect(column).toBeGreaterThanOrEqual(0);
    const cells = sheet.slice(1).map((r) => r[column] ?? '').filter((c) => c !== '');
    expect(cells).toHaveLength(1);
    expect(cells[0]).toContain('“群众”改为“老百姓”；“事情”改为“事”');
    expect(cells[0]).not.toContain('“情”');
  });
});
