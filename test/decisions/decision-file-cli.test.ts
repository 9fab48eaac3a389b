/**
 * Decision sheets as they come back from drafters' desks — merged cells, a hidden old copy, a CSV saved by
 * Chinese Excel (GBK) — and files that are not decision sheets at all: empty, truncated, a zip bomb, text
 * renamed .xlsx. Each through the real CLI, as the user would meet it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { draft, readDigestJson, repo, submissions, yijian } from './cli.js';

type Run = Awaited<ReturnType<typeof yijian>>;
interface FeedbackJson { records: { id: string; cluster: string; decision: string }[] }

const BAD = join(repo, 'fixtures/bad');

/** Rows of the 登记表's first sheet as digest wrote it: header and body. */
function clusterRows(path: string): { header: string[]; body: string[][] } {
  const book = XLSX.read(readFileSync(path), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet, { header: 1, defval: '' });
  return { header: rows[0] ?? [], body: rows.slice(1) };
}

describe('decision sheets as drafters return them, and files that are not one', () => {
  let work: string;
  let out: string;
  let digest: Digest;
  let header: string[];
  let body: string[][];
  let merged: Run;
  let gbk: Run;
  const failures: Record<string, Run> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-decision-files-'));
    out = join(work, 'digest');
    expect((await yijian(['digest', submissions, '--draft', draft, '-o', out, '--formats', 'xlsx'])).status).toBe(0);
    digest = readDigestJson(out);
    ({ header, body } = clusterRows(join(out, '采纳情况登记表.xlsx')));
    const at = header.indexOf('采纳情况');
    const reasonAt = header.indexOf('理由说明');

    // One 采纳 typed into H2 and merged down over the first five clusters; an older copy of the sheet, every
    // cluster 未采纳, kept hidden under the sheet's own name and first in the workbook.
    const visible = body.map((row, i) => row.map((cell, c) => (c === at && i === 0 ? '采纳' : c === reasonAt && i === 0 ? '已吸收' : cell)));
    const hidden = body.map((row) => row.map((cell, c) => (c === at ? '未采纳' : cell)));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...hidden]), '采纳情况登记表');
    const sheet = XLSX.utils.aoa_to_sheet([header, ...visible]);
    sheet['!merges'] = [{ s: { r: 1, c: at }, e: { r: 5, c: at } }, { s: { r: 1, c: reasonAt }, e: { r: 5, c: reasonAt } }];
    XLSX.utils.book_append_sheet(book, sheet, '采纳情况登记表（定稿）');
    book.Workbook = { Sheets: [{ name: '采纳情况登记表', Hidden: 1 }, { name: '采纳情况登记表（定稿）', Hidden: 0 }] };
    writeFileSync(join(work, '合并.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    merged = await yijian(['feedback', '--digest', out, '--decisions', join(work, '合并.xlsx'), '-o', join(work, 'fb-merged'), '--formats', 'md']);

    // Saved as CSV by Chinese Excel: GBK, CRLF; every third cluster 不予采纳 with a reason.
    const csvRows = [header, ...body.map((row, i) => row.map((cell, c) => (c === at ? (i % 3 === 0 ? '不予采纳' : '') : c === reasonAt && i % 3 === 0 ? '与上位法不一致' : cell)))];
    const csv = csvRows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
    writeFileSync(join(work, '登记表.csv'), iconv.encode(csv, 'gbk'));
    gbk = await yijian(['feedback', '--digest', out, '--decisions', join(work, '登记表.csv'), '-o', join(work, 'fb-gbk'), '--formats', 'md']);

    writeFileSync(join(work, '空.xlsx'), '');
    const bad: Record<string, string> = {
      empty: join(work, '空.xlsx'),
      truncated: join(BAD, 'truncated.xlsx'),
      bomb: join(BAD, 'zip-bomb.xlsx'),
      text: join(BAD, 'text-named.xlsx'),
      notDecisions: join(submissions, '河西县-华侨新村立法联系点-2024年5月.csv'),
    };
    for (const [name, path] of Object.entries(bad)) {
      failures[name] = await yijian(['feedback', '--digest', out, '--decisions', path, '-o', join(work, `fb-${name}`)]);
    }
    failures.digestBomb = await yijian(['digest', submissions, '--draft', draft, '-o', join(work, 'rerun-bomb'), '--formats', 'xlsx', '--decisions', bad.bomb as string]);
  }, 120_000);

  it('applies a merged 采纳情况 cell to every row it covers, and says so', async () => {
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('文件 合并.xlsx 工作表“采纳情况登记表（定稿）” H2:H6 是合并单元格，其中的“采纳”用于所覆盖的 5 行 [W_MERGED_CELLS_SPREAD]');
    const firstFive = new Set(body.slice(0, 5).map((row) => row[header.indexOf('编号')]));
    const records = (JSON.parse(readFileSync(join(work, 'fb-merged', 'feedback.json'), 'utf8')) as FeedbackJson).records;
    for (const record of records) {
      expect(record.decision, record.id).toBe(firstFive.has(record.cluster) ? '采纳' : '待研究');
    }
    expect(records.filter((r) => r.decision === '采纳').length).toBe(digest.records.filter((r) => firstFive.has(r.cluster)).length);
  });

  it('never prefers the hidden sheet named 采纳情况登记表 over the visible one, and says so', async () => {
    expect(merged.stderr).toContain('工作表“采纳情况登记表”是隐藏的，未读取；采用可见的工作表“采纳情况登记表（定稿）” [W_HIDDEN_SHEET_SKIPPED]');
    const records = (JSON.parse(readFileSync(join(work, 'fb-merged', 'feedback.json'), 'utf8')) as FeedbackJson).records;
    expect(records.some((r) => r.decision === '未采纳')).toBe(false);
  });

  it('reads a 登记表 saved as a GBK CSV with its decisions, not every one 待研究', async () => {
    expect(gbk.status, gbk.stderr).toBe(0);
    const rejected = new Set(body.filter((_, i) => i % 3 === 0).map((row) => row[header.indexOf('编号')]));
    const records = (JSON.parse(readFileSync(join(work, 'fb-gbk', 'feedback.json'), 'utf8')) as FeedbackJson).records;
    expect(records.filter((r) => r.decision === '未采纳').length).toBe(digest.records.filter((r) => rejected.has(r.cluster)).length);
    for (const record of records) expect(record.decision).toBe(rejected.has(record.cluster) ? '未采纳' : '待研究');
    expect(gbk.stderr).not.toContain('不认识的采纳情况');
  });

  it.each([
    ['empty', '空.xlsx', '0 字节'],
    ['truncated', 'truncated.xlsx', '不完整'],
    ['bomb', 'zip-bomb.xlsx', '超过上限'],
    ['text', 'text-named.xlsx', '纯文本'],
    ['notDecisions', '河西县-华侨新村立法联系点-2024年5月.csv', '没有找到含“编号”和“采纳情况”列的工作表'],
  ])('stops on a decision sheet that cannot be used (%s): Chinese message naming the file, exit 1, nothing written', (name, file, words) => {
    const run = failures[name] as Run;
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`采纳情况登记表 ${file}`);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(work, `fb-${name}`))).toBe(false);
  });

  it('stops digest --decisions on a zip bomb given as the old sheet, before writing anything', async () => {
    const run = failures.digestBomb as Run;
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('采纳情况登记表 zip-bomb.xlsx');
    expect(existsSync(join(work, 'rerun-bomb'))).toBe(false);
  });
});
