/**
 * A 日期 cell typed in a cell without a date format holds Excel's day number (session 22, found on a fresh sheet):
 * 45424 reached the digest and the feedback letters as the date. It is read as the day it is, and said.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readDigestJson, repo, yijian } from '../decisions/cli.js';

const work = mkdtempSync(join(tmpdir(), 'yijian-serial-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Excel day numbers in the 日期 column', () => {
  it('are read as dates, with a notice naming the rows; a formatted date and a typed one are unchanged', async () => {
    const input = join(work, 'in');
    mkdirSync(input, { recursive: true });
    const ws = XLSX.utils.aoa_to_sheet([
      ['序号', '提出人', '日期', '意见建议'],
      [1, '王伟', 45424, '建议遛狗必须拴绳。'],
      [2, '李敏', 45425, '建议设立宠物公园。'],
      [3, '张静', '2024-05-14', '建议公布烈性犬目录。'],
      [4, '赵军', 45427, '建议简化犬证办理。'],
    ]);
    // Row 5's day number has a date format: it is shown (and was read) as a date already.
    ws['C5']!.z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '意见');
    writeFileSync(join(input, '闵行区-古美路街道立法联系点.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const out = join(work, 'out');
    const run = await yijian(['digest', input, '--draft', join(repo, 'fixtures/laws/上海市养犬管理条例.md'), '-o', out, '--force', '--formats', 'md']);
    expect(run.status, run.stderr).toBe(0);
    const dates = readDigestJson(out).records.map((r) => [r.source.row, r.date]);
    expect(dates).toEqual([[2, '2024-05-12'], [3, '2024-05-13'], [4, '2024-05-14'], [5, '2024-05-15']]);
    const said = `${run.stdout}\n${run.stderr}`;
    expect(said).toContain('W_DATE_FROM_SERIAL');
    expect(said).toMatch(/第 2 行、第 3 行“日期”一格是数字（如 45424），是没有设日期格式的 Excel 日期，已读作日期（45424 即 2024-05-12）/u);
  });
});
