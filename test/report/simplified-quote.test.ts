/**
 * A cluster is quoted in simplified characters when the same opinion was also sent so (an exact copy): the 华侨新村
 * point writes in traditional characters, and its letter on 第十九条 stood for a cluster of eight submissions from five
 * points in the summary, the 登记表 and the terminal, though three other points had sent it in simplified ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DRAFT_TXT, makeTempDir, runYijian, SUBMISSIONS } from '../cli/run-cli.js';
import { simplifiedCopy } from '../../src/text/normalize.js';

describe('simplifiedCopy', () => {
  it('keeps simplified text, and traditional text without a simplified copy', () => {
    expect(simplifiedCopy('建议先建充电桩。', () => ['建議先建充電樁。'])).toBe('建议先建充电桩。');
    expect(simplifiedCopy('建議先建充電樁。', () => ['建議先建充電樁。'])).toBe('建議先建充電樁。');
    expect(simplifiedCopy('建議先建充電樁。', () => [])).toBe('建議先建充電樁。');
  });
  it('takes the first copy written in simplified', () => {
    expect(simplifiedCopy('建議先建充電樁。', () => ['建議先建充電樁。', '建议先建充电桩。', '建议先建充电桩！'])).toBe('建议先建充电桩。');
  });
});

describe('the demo batch', () => {
  it('quotes the 第十九条 cluster in simplified everywhere it stands for others; the 第十四条 one, sent only in traditional, as written', async () => {
    const out = join(makeTempDir(), '报告');
    const run = await runYijian(['digest', SUBMISSIONS, '--draft', DRAFT_TXT, '-o', out, '--formats', 'md,xlsx']);
    expect(run.status).toBe(0);
    const simplified = '建议楼道充电要严格禁止，但是老旧小区没有充电桩，应当先建好集中充电设施再处罚。';
    const traditional = '建議樓道充電要嚴格禁止，但是老舊小區沒有充電樁，應當先建好集中充電設施再處罰。';
    expect(run.stdout).toContain(`第十九条，8 次提交，5 个联系点：${simplified}`);
    expect(run.stdout).toContain('第十四条，4 次提交，3 个联系点：僑眷聚居的老小區沒有停車棚');
    const summary = readFileSync(join(out, '汇总报告.md'), 'utf8');
    expect(summary).toContain(simplified);
    expect(summary).not.toContain(traditional);
    const sheet = XLSX.read(readFileSync(join(out, '采纳情况登记表.xlsx'))).Sheets['采纳情况登记表']!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    const column = rows[0]!.indexOf('代表性意见');
    const shown = rows.map((r) => String(r[column] ?? ''));
    expect(shown).toContain(simplified);
    expect(shown).not.toContain(traditional);
    // The 单条意见 sheet still lists the 华侨新村 letter as it wrote it.
    const single = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(join(out, '采纳情况登记表.xlsx'))).Sheets['单条意见']!, { header: 1 });
    expect(single.some((r) => r.includes(traditional))).toBe(true);
  });
});
