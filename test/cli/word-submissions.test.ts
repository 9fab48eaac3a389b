/** A folder of submissions with Word documents in it: tables and letters read, the draft and the notice left out. */
import { copyFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { makeTempDir, readWorkbook, REPO_ROOT, runYijian, sheetNamed } from './run-cli.js';

const WORD = join(REPO_ROOT, 'fixtures/word');
const DRAFT_DOCX = join(REPO_ROOT, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.docx');

/** The four Word fixtures and the draft's .docx, as a county's mailbox holds them. */
function mailbox(): string {
  const dir = makeTempDir();
  cpSync(WORD, dir, { recursive: true, filter: (path) => !path.endsWith('.mjs') });
  copyFileSync(DRAFT_DOCX, join(dir, '某市电动自行车管理条例（征求意见稿）.docx'));
  return dir;
}

function records(path: string): Record<string, string>[] {
  return XLSX.utils.sheet_to_json<Record<string, string>>(sheetNamed(readWorkbook(path), '意见汇总'), { raw: false, defval: '' });
}

describe('merge of a folder with Word documents', () => {
  it('reads the tables and the letter, and leaves the draft and the notice out with a notice each', async () => {
    const dir = mailbox();
    const out = join(makeTempDir(), '合并.xlsx');
    const run = await runYijian(['merge', dir, '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('某市电动自行车管理条例（征求意见稿）.docx 是 Word 文档，看来是法规草案的条文');
    expect(run.stderr).toContain('关于征求意见的通知.docx 是 Word 文档，标题为“关于征求《某市电动自行车管理条例（征求意见稿）》意见的通知”，看来是通知或说明');
    expect(run.stderr).toContain('核对：读取 3 个文件 3 个工作表，数据行 24 = 意见行 12（拆分后有效意见 13 条） + 问题行 0 + 空行 0 + 说明行 12');
    const rows = records(out);
    expect(rows).toHaveLength(13);
    const byFile = (file: string): Record<string, string>[] => rows.filter((row) => row['来源文件'] === file);

    // The table: point and county from the 联系点：… line, 提出人 merged down two rows, a tracked change accepted.
    const donghu = byFile('城东区-东湖街道立法联系点意见.docx');
    expect(donghu.map((row) => [row['联系点'], row['县（市、区）'], row['提出人'], row['条款']])).toEqual([
      ['东湖街道基层立法联系点', '城东区', '张建华', '第十条'],
      ['东湖街道基层立法联系点', '城东区', '张建华', '第十九条'],
      ['东湖街道基层立法联系点', '城东区', '李秀英', ''],
      ['东湖街道基层立法联系点', '城东区', '王海', '第二十五条'],
      ['东湖街道基层立法联系点', '城东区', '赵敏', ''],
    ]);
    expect(donghu[0]!['意见建议']).toBe('登记上牌要去车管所排队，老年人不方便。\n建议在街道便民服务中心设登记点。');
    expect(donghu[1]!['意见建议']).toBe('禁止在楼道充电是对的，但小区没有充电桩，建议先建设施再处罚。');
    // 条款 and 意见建议 merged into one cell on row 5: the text is the opinion, not a citation to fail on.
    expect(donghu[4]!['意见建议']).toBe('建议条例施行前多做宣传，让大家知道哪些车不能上路。');

    // Two tables under 一、… and 二、企业意见: both read, the second header a repeat, 企业 taken for no point.
    const park = byFile('城东区-科技园企业立法联系点意见.docx');
    expect(park).toHaveLength(4);
    expect(new Set(park.map((row) => row['联系点']))).toEqual(new Set(['城东区科技园企业立法联系点']));

    // The letter: one opinion per numbered paragraph, its number as 原表序号, the point from its title.
    const letter = byFile('河西县-桃源镇立法联系点意见.docx');
    expect(letter.map((row) => [row['联系点'], row['原表序号'], (row['意见建议'] ?? '').slice(0, 8)])).toEqual([
      ['桃源镇基层立法联系点', '一', '农村地区很多老人'],
      ['桃源镇基层立法联系点', '二', '第十一条要求提供'],
      ['桃源镇基层立法联系点', '三', '镇上没有登记点，'],
      ['桃源镇基层立法联系点', '四', '经销商反映，第八'],
    ]);
    expect(rows.map((row) => row['意见建议']).join('\n')).not.toMatch(/特此报送|县司法局：|如下：|桃源镇人民政府|各基层立法联系点/u);
  });

  it('digest leaves out the draft it was given from the same folder without a word about it', async () => {
    const dir = mailbox();
    const draft = join(dir, '某市电动自行车管理条例（征求意见稿）.docx');
    const out = makeTempDir();
    const run = await runYijian(['digest', dir, '--draft', draft, '-o', out, '--formats', 'md']);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('法规草案的条文');
    expect(run.stderr).toContain('关于征求意见的通知.docx 是 Word 文档');
    const report = readFileSync(join(out, '汇总报告.md'), 'utf8');
    expect(report).toContain('| 桃源镇基层立法联系点 | 河西县 | 4 | 4 |');
    // Two paragraphs of one cell read as one text: no space after 。 in the printed report.
    expect(report).toContain('登记上牌要去车管所排队，老年人不方便。建议在街道便民服务中心设登记点。');
    expect(readdirSync(out)).toContain('digest.json');
  });

  it('inspect says where the tables are and what the letter lines were taken for', async () => {
    const run = await runYijian(['inspect', join(WORD, '河西县-桃源镇立法联系点意见.docx'), join(WORD, '城东区-东湖街道立法联系点意见.docx')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('本表取自 Word 文档：文中没有表格，11 个段落各占一行；行号从上到下计数，空段不计。 [W_WORD_DOCUMENT]');
    expect(run.stdout).toContain('本表取自 Word 文档：文中 1 个表格在第 3–8 行，表格外的 4 个段落各占一行');
    expect(run.stdout).toContain('第 2 行来函的称呼、引言或结束语：县司法局：');
    expect(run.stdout).toContain('第 10 行签名落款行：桃源镇人民政府');
    expect(run.stdout).toContain('联系点：桃源镇基层立法联系点（取自表格上方的标题或“联系点：”一行）');
  });
});
