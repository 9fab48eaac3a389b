/**
 * Output folders are left as they were when a run fails part-way (template error, a Word template that
 * is really a workbook), leftovers of killed runs are cleared by the next run, a point name too long for
 * a file name does not fail the feedback batch, and library English reaches people in Chinese.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyRowsXml, withinCellLimit } from '../../src/report/xlsx-rows.js';
import { chineseForThirdParty } from '../../src/io/third-party.js';
import { safeFileName } from '../../src/io/file-names.js';
import { GOOD, REPO, looksCrashed, runInProcess, tempDir, type CliRun } from './cli.js';

/** Every file under `dir` with its bytes, for before/after comparison. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = statSync(path).isDirectory() ? '<dir>' : readFileSync(path).toString('base64').slice(0, 64) + String(statSync(path).size);
  }
  return out;
}

describe('digest leaves the output folder as it was when it fails part-way', () => {
  let dir: string;
  let before: Record<string, string>;
  let broken: CliRun;
  let notWord: CliRun;
  let again: CliRun;
  beforeAll(async () => {
    dir = tempDir();
    const out = join(dir, 'out');
    await runInProcess(['digest', GOOD, '-o', out, '--formats', 'md,docx']);
    before = snapshot(out);
    // A copied template with a block left open: Handlebars fails after digest.json would have been written.
    mkdirSync(join(dir, 'tpl', 'summary'), { recursive: true });
    writeFileSync(join(dir, 'tpl', 'summary', 'summary.md.hbs'), '# {{title}}\n{{#each articles}}\n- {{label}}\n');
    broken = await runInProcess(['digest', GOOD, '-o', out, '--formats', 'md,docx', '--force', '--templates', join(dir, 'tpl'), '--date', '2024-06-01']);
    // A "Word" template that is really a workbook.
    mkdirSync(join(dir, 'tpl2', 'summary'), { recursive: true });
    copyFileSync(join(REPO, 'fixtures', 'bad', 'proto.xlsx'), join(dir, 'tpl2', 'summary', 'summary.docx'));
    notWord = await runInProcess(['--debug', 'digest', GOOD, '-o', out, '--formats', 'docx', '--force', '--templates', join(dir, 'tpl2'), '--date', '2024-06-01']);
    // What a killed run leaves: a staging folder of a process that is gone, a temporary file inside.
    mkdirSync(join(dir, `.out.yijian-staging-999999`));
    writeFileSync(join(dir, `.out.yijian-staging-999999`, 'digest.json'), '{');
    writeFileSync(join(out, '.digest.json.999999.1700000000000.tmp'), '{');
    again = await runInProcess(['digest', GOOD, '-o', out, '--formats', 'md,docx', '--force']);
  }, 120_000);

  it('a template error: exit 1, a Chinese message, and not one output file changed', () => {
    expect(broken.code).toBe(1);
    expect(looksCrashed(broken.stderr)).toBe(false);
    expect(broken.stderr).toContain('summary.md.hbs');
    expect(broken.stderr).not.toMatch(/Parse error|Expecting/u);
    expect(broken.stderr).toMatch(/语法有误/u);
    expect(before['digest.json']).toBeDefined();
  });

  it('a .docx template that is a workbook: said in Chinese, the original under --debug, nothing changed', () => {
    expect(notWord.code).toBe(1);
    expect(notWord.stderr).toContain('不是 Word（.docx）文件');
    expect(notWord.stderr).toContain('原始信息');
  });

  it('the output folder is exactly as before both failed runs, with no staging folder left beside it', () => {
    // Compared before the third run changed nothing either: it wrote the same bytes.
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    expect(again.code).toBe(0);
  });

  it('the next run removes what killed runs left', () => {
    expect(existsSync(join(dir, '.out.yijian-staging-999999'))).toBe(false);
    expect(existsSync(join(dir, 'out', '.digest.json.999999.1700000000000.tmp'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('yijian-staging'))).toEqual([]);
  });
});

describe('feedback with a point name too long for a file name', () => {
  it('writes every point, the long one under a shortened, distinct name', async () => {
    const dir = tempDir();
    const long = `城东区东湖街道${'和平里社区'.repeat(30)}基层立法联系点`;
    const long2 = `${long}（第二）`;
    const csv = `序号,联系点,条款,意见建议\r\n1,${long},第十二条,建议增加停车位。\r\n2,${long2},第十九条,罚款过高。\r\n3,滨江社区立法联系点,第二十条,建议明确责任。\r\n`;
    writeFileSync(join(dir, '意见.csv'), csv);
    const digest = await runInProcess(['digest', join(dir, '意见.csv'), '-o', join(dir, 'd'), '--formats', 'xlsx']);
    expect(digest.code).toBe(0);
    const run = await runInProcess(['feedback', '--digest', join(dir, 'd'), '--decisions', join(dir, 'd', '采纳情况登记表.xlsx'), '-o', join(dir, 'f'), '--formats', 'md,docx']);
    expect(looksCrashed(run.stderr)).toBe(false);
    expect(run.code).toBe(0);
    const names = readdirSync(join(dir, 'f'));
    expect(names.filter((n) => n.endsWith('-采纳情况反馈.docx'))).toHaveLength(3);
    expect(names.filter((n) => n.endsWith('-采纳情况反馈.md'))).toHaveLength(3);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(names.some((n) => n.startsWith('滨江社区立法联系点'))).toBe(true);
  }, 60_000);

  it('safeFileName: unsafe characters replaced, long names cut with a hash, the .md and .docx alike', () => {
    const taken = new Set<string>();
    const stem = `${'联系点'.repeat(40)}-采纳情况反馈`;
    const md = safeFileName(`${stem}.md`, taken);
    const docx = safeFileName(`${stem}.docx`, taken);
    expect(md.replace(/\.md$/u, '')).toBe(docx.replace(/\.docx$/u, ''));
    expect(md.endsWith('-采纳情况反馈.md')).toBe(true);
    expect(Buffer.byteLength(docx)).toBeLessThanOrEqual(215);
    expect(safeFileName('东湖/西湖:联系点.md', taken)).toBe('东湖_西湖_联系点.md');
    expect(safeFileName('东湖_西湖_联系点.md', taken)).not.toBe('东湖_西湖_联系点.md');
  });
});

describe('the cell writer and library English', () => {
  it('cuts a cell over 32,767 characters once, with a visible mark, instead of failing the workbook', () => {
    const long = '意'.repeat(40_000);
    const cut = withinCellLimit(long);
    expect(cut.length).toBeLessThanOrEqual(32_767);
    expect(cut).toContain('全文共 40000 字');
    expect(withinCellLimit('短意见')).toBe('短意见');
    expect(bodyRowsXml([[long]], 2)).toContain('已截断');
  });

  it('says the messages staff met in Chinese', () => {
    const cases: [string, RegExp][] = [
      ['Filetype xlsx is supported only with the paid XlsxModule', /实际是 xlsx 格式/u],
      ["Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html", /zip 压缩包的结尾找不到/u],
      ["Parse error on line 3:\n...{{/each}}\n---^\nExpecting 'EOF', got 'OPEN_ENDBLOCK'", /模板第 3 行/u],
      ['Too big: expected number to be <=255', /数值太大，不能超过 255/u],
    ];
    for (const [english, chinese] of cases) {
      const { text, changed } = chineseForThirdParty(`文件 a.docx：${english}`);
      expect(changed).toBe(true);
      expect(text).toMatch(chinese);
      expect(text).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/u);
    }
  });
});
