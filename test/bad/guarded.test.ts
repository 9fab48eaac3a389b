/**
 * The guarded workbook reader other untrusted sheets go through (decision sheets: engineer H13b's
 * readers call it): the checks and limits of submissions, grids with merges and hidden sheets marked.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { GUARDED_READ_DEFAULTS, readGuardedFile } from '../../src/ingest/index.js';
import { YijianError } from '../../src/errors.js';
import { REPO, tempDir } from './cli.js';

const hostile = (await import(join(REPO, 'fixtures', 'bad', 'hostile.mjs'))) as { duplicateRowXlsx: () => Promise<Buffer> };

describe('readGuardedFile', () => {
  it('reads a 采纳情况登记表 as digest wrote it, both sheets, nothing hidden', async () => {
    const { grids } = await readGuardedFile(join(REPO, 'fixtures', 'bad', 'decision-sheet-seed.xlsx'), GUARDED_READ_DEFAULTS);
    expect(grids.map((g) => g.name)).toEqual(['采纳情况登记表', '单条意见']);
    expect(grids.every((g) => g.hidden !== true)).toBe(true);
    expect(grids[0]?.rows.length).toBeGreaterThan(1);
  });

  it('marks a hidden sheet, keeps merges', async () => {
    const book = XLSX.utils.book_new();
    const visible = XLSX.utils.aoa_to_sheet([['类别编号', '采纳情况'], ['c1', '采纳'], ['c2', '']]);
    visible['!merges'] = [{ s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }];
    XLSX.utils.book_append_sheet(book, visible, '登记表');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['类别编号', '采纳情况'], ['c1', '未采纳']]), '采纳情况登记表');
    book.Workbook = { Sheets: [{ name: '登记表', Hidden: 0 }, { name: '采纳情况登记表', Hidden: 1 }] };
    const dir = tempDir();
    writeFileSync(join(dir, '已填写.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const { grids } = await readGuardedFile(join(dir, '已填写.xlsx'), GUARDED_READ_DEFAULTS);
    expect(grids.map((g) => [g.name, g.hidden === true])).toEqual([['登记表', false], ['采纳情况登记表', true]]);
    expect(grids[0]?.merges).toEqual([{ s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }]);
  });

  it('refuses what submissions refuse: a crafted workbook, a device, an empty file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '重复行.xlsx'), await hostile.duplicateRowXlsx());
    symlinkSync('/dev/urandom', join(dir, '随机.xlsx'));
    writeFileSync(join(dir, '空.csv'), '');
    const codes = await Promise.all(
      ['重复行.xlsx', '随机.xlsx', '空.csv'].map((name) => readGuardedFile(join(dir, name), GUARDED_READ_DEFAULTS).then(() => 'read', (e: unknown) => (e instanceof YijianError ? e.code : String(e)))),
    );
    expect(codes).toEqual(['E_UNREADABLE_FILE', 'E_UNSUPPORTED_FORMAT', 'E_EMPTY_FILE']);
  });
});
