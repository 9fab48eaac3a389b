/**
 * `yijian form` and reading the form back: the form is generated, filled by a script the way a point fills
 * it (rows out of order, gaps, rows added below the prepared ones), once more saved by LibreOffice, and
 * digested; every record must come back with the right 条款 key, taken from the column.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TXT, REPO_ROOT, makeTempDir, onPath, runYijian, type CliRun } from '../cli/run-cli.js';
import { readZip } from '../../src/report/zip-writer.js';
import { DigestSchema, type Digest } from '../../src/model.js';
import { parseDraft } from '../../src/text/draft.js';
import { buildForm } from '../../src/form/build.js';
import { renderForm } from '../../src/report/form-workbook.js';
import { LAWS } from '../support/paths.js';

const FORM = '东湖街道立法联系点-意见征集表.xlsx';
const LIBRE = '东湖街道立法联系点-意见征集表（LibreOffice另存）.xlsx';
const draft = parseDraft(readFileSync(DRAFT_TXT, 'utf8'), 'draft.txt');
const SUBMITTERS: [string, string][] = [['张建华', '群众'], ['李秀英', '人大代表'], ['城东电动车行', '企业'], ['王律师', '律师'], ['赵教授', '专家学者'], ['刘芳', '政协委员'], ['陈师傅', '其他']];
const OPINIONS = [
  (topic: string) => `关于${topic}，建议明确牵头部门和办理时限，避免群众来回跑。`,
  (topic: string) => `${topic}的规定过于原则，建议细化具体标准，增强可操作性。`,
  (topic: string) => `建议在${topic}部分增加对老年人、残疾人等群体的便利措施。`,
  (topic: string) => `${topic}涉及的罚款数额偏高，建议区分情节轻重，首次违法可以教育为主。`,
];

/** What the script typed into one row, and the key yijian must read from its 条款 cell. */
interface Filled { row: number; choice: string; key: string; opinion: string; submitter: string; type: string }

/** Fills the form sheet as a point would: every choice once, rows out of order, some gaps, rows added at the end. */
function fill(book: XLSX.WorkBook): Filled[] {
  const sheet = book.Sheets['意见征集表']!;
  const form = buildForm(draft, { point: null, county: null, rows: 200 });
  const keys = ['general', 'title', ...draft.articles.map((a) => a.key)];
  const filled: Filled[] = [];
  // Header on row 3; the point typed from row 4 on, but in a shuffled order with gaps, and went past row 203.
  const order = form.choices.map((_, i) => (i * 29) % form.choices.length);
  order.forEach((index, n) => {
    const row = 4 + n * 4 + (n % 3);
    const [submitter, type] = SUBMITTERS[n % SUBMITTERS.length]!;
    const choice = form.choices[index]!;
    const topic = draft.articles[index - 2]?.caption ?? (index === 0 ? '草案整体' : '草案名称');
    const opinion = OPINIONS[n % OPINIONS.length]!(topic);
    const set = (col: number, value: string) => { sheet[XLSX.utils.encode_cell({ r: row - 1, c: col })] = { t: 's', v: value }; };
    set(0, String(n + 1));
    set(1, submitter);
    set(2, type);
    set(3, choice);
    set(4, opinion);
    set(5, n % 2 === 0 ? '建议修改为：……由市公安机关交通管理部门统一办理。' : '');
    set(6, '群众反映较多。');
    set(7, `1380013${String(1000 + n)}`);
    set(8, '2024-05-20');
    filled.push({ row, choice, key: keys[index]!, opinion, submitter, type });
  });
  const last = Math.max(...filled.map((f) => f.row));
  sheet['!ref'] = `A1:I${last}`;
  return filled;
}

let dir: string;
let filled: Filled[];
let formRun: CliRun;
let digestRun: CliRun;
let digest: Digest;
let libreOffice: string | null = null;

beforeAll(async () => {
  dir = makeTempDir('yijian-form-');
  formRun = await runYijian(['form', '--draft', DRAFT_TXT, '--point', '东湖街道立法联系点', '--county', '城东区'], dir);
  const book = XLSX.read(readFileSync(join(dir, FORM)), { type: 'buffer' });
  filled = fill(book);
  mkdirSync(join(dir, '报回'));
  writeFileSync(join(dir, '报回', FORM), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  if (onPath('soffice')) {
    // A profile of its own, so a LibreOffice another process runs does not hold the lock.
    const profile = `file://${join(dir, 'lo-profile')}`;
    const out = join(dir, 'lo');
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, join(dir, '报回', FORM)], { encoding: 'utf8', timeout: 120_000 });
    if (existsSync(join(out, FORM))) {
      copyFileSync(join(out, FORM), join(dir, '报回', LIBRE));
      libreOffice = join(dir, '报回', LIBRE);
    } else console.log(`LibreOffice 转换失败，跳过该项：${result.stderr}`);
  } else {
    console.log('未安装 LibreOffice（soffice），跳过经 LibreOffice 另存的读回检查。');
  }
  digestRun = await runYijian(['digest', join(dir, '报回'), '--draft', DRAFT_TXT, '-o', 'out', '--formats', 'xlsx'], dir);
  digest = DigestSchema.parse(JSON.parse(readFileSync(join(dir, 'out', 'digest.json'), 'utf8')));
});

describe('yijian form --draft DRAFT --point --county', () => {
  it('writes the form under the point\'s name', () => {
    expect(formRun.status, formRun.stderr).toBe(0);
    expect(formRun.stdout).toContain('“条款”下拉列表 48 项');
  });

  it('has the title, the point line, the standard header, and a 填表说明 sheet', () => {
    const book = XLSX.read(readFileSync(join(dir, FORM)), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['意见征集表', '填表说明']);
    const sheet = book.Sheets['意见征集表']!;
    expect(sheet['A1']?.v).toBe('《某市电动自行车管理条例（征求意见稿）》意见征集表');
    expect(sheet['A2']?.v).toBe('联系点：东湖街道立法联系点　　县（市、区）：城东区');
    const header = Array.from({ length: 9 }, (_, c) => sheet[XLSX.utils.encode_cell({ r: 2, c })]?.v);
    expect(header).toEqual(['序号', '提出人', '身份', '条款', '意见建议', '修改建议', '理由', '联系方式', '日期']);
    expect(sheet['!merges']?.map((m) => XLSX.utils.encode_range(m))).toEqual(['A1:I1', 'A2:I2']);
    const options = book.Sheets['填表说明']!;
    expect(options['B2']?.v).toBe('总体意见');
    expect(options['B3']?.v).toBe('草案名称');
    expect(options['B4']?.v).toBe('第一条（目的依据）');
  });

  it('puts the drop-downs on 条款 (from the list sheet) and 身份, print setup and frozen header in the sheet XML', () => {
    const entries = new Map(readZip(readFileSync(join(dir, FORM))).map((e) => [e.name, Buffer.from(e.data).toString('utf8')]));
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain(`sqref="D4:D203"><formula1>'填表说明'!$B$2:$B$49</formula1>`);
    expect(sheet).toMatch(/sqref="C4:C203"><formula1>"群众,企业,人大代表,政协委员,律师,专家学者,其他"<\/formula1>/);
    expect(sheet).toContain('<pane ySplit="3" topLeftCell="A4"');
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(entries.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'意见征集表'!$1:$3</definedName>`);
  });

  it('keeps a drop-down longer than Excel\'s 255-character inline limit in a list range (民法典, 1,260 articles)', async () => {
    const code = parseDraft(readFileSync(join(LAWS, '中华人民共和国民法典.md'), 'utf8'), '中华人民共和国民法典.md');
    const model = buildForm(code, { point: null, county: null, rows: 10 });
    expect(model.choices.join(',').length).toBeGreaterThan(255);
    const sheet = readZip(await renderForm(model, null)).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(Buffer.from(sheet.data).toString('utf8')).toContain(`<formula1>'填表说明'!$B$2:$B$${model.choices.length + 1}</formula1>`);
  });
});

describe('a form laid out by a custom template', () => {
  it('names its own sheet (from the layout, not read back from the workbook) in the print titles', async () => {
    const templates = makeTempDir();
    mkdirSync(join(templates, 'form'));
    const layout = JSON.parse(readFileSync(join(REPO_ROOT, 'templates/form/form.xlsx.json'), 'utf8')) as { sheetName: string };
    writeFileSync(join(templates, 'form', 'form.xlsx.json'), JSON.stringify({ ...layout, sheetName: '东湖R&D意见表' }));
    const model = buildForm(draft, { point: '东湖街道立法联系点', county: null, rows: 5 });
    const entries = new Map(readZip(await renderForm(model, templates)).map((e) => [e.name, Buffer.from(e.data).toString('utf8')]));
    expect(entries.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'东湖R&amp;D意见表'!$1:$3</definedName>`);
  });
});

describe('reading the filled form back', () => {
  const recordsOf = (file: string) => digest.records.filter((r) => r.source.file === file);

  it('digests it', () => {
    expect(digestRun.status, digestRun.stderr).toBe(0);
  });

  it.each([[FORM], [LIBRE]])('%s: every filled row is a record, with the right 条款 key from the column', (file) => {
    if (file === LIBRE && libreOffice === null) {
      console.log('跳过：没有经 LibreOffice 另存的文件');
      return;
    }
    const records = recordsOf(file);
    expect(records).toHaveLength(filled.length);
    expect(digest.rejects.filter((r) => r.source.file === file && r.source.sheet === '意见征集表')).toEqual([]);
    for (const f of filled) {
      const record = records.find((r) => r.source.row === f.row);
      expect(record, `${file} 第 ${f.row} 行`).toBeDefined();
      expect(record!.article).toBe(f.choice);
      expect(record!.opinion).toBe(f.opinion);
      expect(record!.submitter).toBe(f.submitter);
      expect(record!.submitterType).toBe(f.type);
      expect(record!.point).toBe('东湖街道立法联系点');
      expect(record!.articles.map((a) => [a.key, a.source === 'general' ? 'column' : a.source, a.notInDraft]), f.choice).toEqual([[f.key, 'column', false]]);
    }
    const form = digest.files.find((s) => s.file === file && s.sheet === '意见征集表')!;
    expect(form.headerRows).toEqual([3]);
    expect(form.problems).toEqual([]);
  });

  // The 填表说明 sheet is recognised by the intake's instruction-sheet rule (src/ingest/non-data.ts).
  it('recognises the 填表说明 sheet as instructions, not as problems', () => {
    for (const file of [FORM, ...(libreOffice === null ? [] : [LIBRE])]) {
      const sheet = digest.files.find((s) => s.file === file && s.sheet === '填表说明')!;
      expect(sheet.problems).toEqual([]);
      expect(sheet.records).toBe(0);
      expect(sheet.rejects).toBe(0);
    }
  });
});

describe('defaultFormName', () => {
  it('starts with the point, so the returned file names its point; never a path', async () => {
    const { defaultFormName } = await import('../../src/cli/options/form.js');
    expect(defaultFormName({ point: '东湖街道立法联系点', county: '城东区', rows: 1 })).toBe('东湖街道立法联系点-意见征集表.xlsx');
    expect(defaultFormName({ point: '../东湖/街道', county: null, rows: 1 })).toBe('.._东湖_街道-意见征集表.xlsx');
    expect(defaultFormName({ point: null, county: null, rows: 1 })).toBe('意见征集表.xlsx');
  });
});
