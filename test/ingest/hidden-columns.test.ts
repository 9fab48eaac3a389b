/**
 * A column hidden in Excel that a field is read from is said (session 22): what the person checking the sheet in
 * Excel does not see — a hidden 联系方式, a hidden opinion column — was read without a word.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readDigestJson, repo, yijian } from '../decisions/cli.js';

const work = mkdtempSync(join(tmpdir(), 'yijian-hidden-cols-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function workbook(hidden: readonly number[]): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ['序号', '提出人', '联系方式', '涉及条款', '意见建议', '备注'],
    [1, '王伟', '13812345678', '第二十二条', '建议遛狗必须拴绳。', ''],
    [2, '李敏', '', '', '建议设立宠物公园。', ''],
  ]);
  ws['!cols'] = [0, 1, 2, 3, 4, 5].map((c) => ({ wch: 12, hidden: hidden.includes(c) }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '意见');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function digestOf(hidden: readonly number[], name: string): Promise<{ said: string; contact: string | null }> {
  const input = join(work, name);
  mkdirSync(input, { recursive: true });
  writeFileSync(join(input, '闵行区-古美路街道立法联系点.xlsx'), workbook(hidden));
  const out = join(work, `${name}-out`);
  const run = await yijian(['digest', input, '--draft', join(repo, 'fixtures/laws/上海市养犬管理条例.md'), '-o', out, '--force', '--formats', 'md']);
  expect(run.status, run.stderr).toBe(0);
  return { said: `${run.stdout}\n${run.stderr}`, contact: readDigestJson(out).records[0]!.contact };
}

describe('hidden columns', () => {
  it('reads a hidden 联系方式 column and says so, naming the column', async () => {
    const { said, contact } = await digestOf([2], 'contact');
    expect(contact).toBe('13812345678');
    expect(said).toContain('W_HIDDEN_COLUMN_READ');
    expect(said).toMatch(/C 列「联系方式」在表格中是隐藏的，已照常读取（作“联系方式”）/u);
  });

  it('says nothing of a hidden column no field is read from, or of a sheet without hidden columns', async () => {
    expect((await digestOf([5], 'unmapped')).said).not.toContain('W_HIDDEN_COLUMN_READ');
    expect((await digestOf([], 'none')).said).not.toContain('W_HIDDEN_COLUMN_READ');
  });
});
