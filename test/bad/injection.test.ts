/**
 * Hostile opinions through the real digest: personal data masked in every report, markup and template tags
 * shown as text, formula-like cells neutralised in every workbook written.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { runYijian } from '../cli/run-cli.js';

const PERSONAL = ['13812345678', '138 1234 5678', '0571-87654321', '(010)12345678', '11010519491231002X', 'zhang.wei@example.com'];
const CONTACT = '13987654321';

const rows = [
  ['联系点', '条款', '意见建议', '联系方式'],
  ['东湖街道立法联系点', '第三条', '建议延长办理时限，有事请打我手机13812345678或+86 138 1234 5678。', CONTACT],
  ['东湖街道立法联系点', '第四条', '请联系办公室0571-87654321，或北京(010)12345678，身份证号11010519491231002X。', CONTACT],
  ['东湖街道立法联系点', '第五条', '意见发到zhang.wei@example.com，<script>alert(1)</script> 也请一并处理。', CONTACT],
  ['东湖街道立法联系点', '第六条', '模板标签{{constructor}}和{#x}{/x}以及{{#each this}}应原样显示。', CONTACT],
  ['东湖街道立法联系点', '第七条', '=HYPERLINK("http://evil.example","点我")建议删除本条。', CONTACT],
  ['东湖街道立法联系点', '第八条', '+1 建议提高罚款标准。', CONTACT],
  ['东湖街道立法联系点', '第九条', '@SUM(A1) 建议明确主管部门。', CONTACT],
  ['东湖街道立法联系点', '第十条', '-2 建议减少审批环节。', CONTACT],
];

function csv(table: string[][]): string {
  return `${table.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n')}\r\n`;
}

async function docxText(path: string): Promise<string> {
  return (await mammoth.extractRawText({ path })).value;
}

function workbookTexts(path: string): string[] {
  const book = XLSX.read(readFileSync(path), { type: 'buffer' });
  const texts: string[] = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (sheet === undefined) continue;
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!')) continue;
      const value = cell as XLSX.CellObject;
      expect(value.f, `${name}!${address} holds a formula`).toBeUndefined();
      if (typeof value.v === 'string') texts.push(value.v);
    }
  }
  return texts;
}

describe('hostile opinions through digest', () => {
  let out: string;
  let outWithContacts: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yijian-inject-'));
    writeFileSync(join(dir, '东湖.csv'), csv(rows));
    out = join(dir, 'out');
    outWithContacts = join(dir, 'out-contacts');
    expect((await runYijian(['digest', join(dir, '东湖.csv'), '-o', out], dir)).status).toBe(0);
    expect((await runYijian(['digest', join(dir, '东湖.csv'), '-o', outWithContacts, '--show-contact'], dir)).status).toBe(0);
  });

  it('masks phone, landline, ID-card numbers and e-mail in every report', async () => {
    const texts: Record<string, string> = {
      '汇总报告.md': readFileSync(join(out, '汇总报告.md'), 'utf8'),
      '汇总报告.html': readFileSync(join(out, '汇总报告.html'), 'utf8'),
      '汇总报告.docx': await docxText(join(out, '汇总报告.docx')),
      '条文意见对照表.docx': await docxText(join(out, '条文意见对照表.docx')),
      '条文意见对照表.xlsx': workbookTexts(join(out, '条文意见对照表.xlsx')).join('\n'),
      '采纳情况登记表.xlsx': workbookTexts(join(out, '采纳情况登记表.xlsx')).join('\n'),
    };
    for (const [name, text] of Object.entries(texts)) {
      for (const raw of [...PERSONAL, CONTACT]) expect(text, `${name} shows ${raw}`).not.toContain(raw);
    }
    expect(texts['条文意见对照表.docx']).toContain('建议延长办理时限');
    // Masked, not dropped: the reader still sees that a number was there.
    expect(texts['汇总报告.html']).toContain('138****5678');
    expect(texts['条文意见对照表.docx']).toContain('138****5678');
  });

  it('shows the contact only on the decision sheet, and only with --show-contact', () => {
    const decision = workbookTexts(join(outWithContacts, '采纳情况登记表.xlsx')).join('\n');
    expect(decision).toContain(CONTACT);
    for (const name of ['汇总报告.md', '汇总报告.html']) {
      expect(readFileSync(join(outWithContacts, name), 'utf8')).not.toContain(CONTACT);
    }
    expect(workbookTexts(join(outWithContacts, '条文意见对照表.xlsx')).join('\n')).not.toContain(CONTACT);
  });

  it('shows markup and template tags as text', async () => {
    const html = readFileSync(join(out, '汇总报告.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const digestDocx = await docxText(join(out, '条文意见对照表.docx'));
    expect(digestDocx).toContain('<script>alert(1)</script>');
    expect(digestDocx).toContain('{{constructor}}和{#x}{/x}');
    const xml = new PizZip(readFileSync(join(out, '条文意见对照表.docx'))).file('word/document.xml')?.asText() ?? '';
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('neutralises formula-like cells in every workbook it writes', () => {
    for (const name of readdirSync(out).filter((file) => file.endsWith('.xlsx'))) {
      const texts = workbookTexts(join(out, name));
      for (const text of texts) expect(text, `${name}: ${text.slice(0, 20)}`).not.toMatch(/^[=+\-@\t\r]/);
      expect(texts.some((text) => text.includes('HYPERLINK')), name).toBe(true);
    }
  });
});
