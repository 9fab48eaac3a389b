/** Shapes written fresh by a bureau tester (session 22): each failed before its fix. */
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { buildSynonymIndex, DEFAULT_SYNONYMS, matchHeader } from '../../src/ingest/synonyms.js';
import { grid, merge, options } from './helpers.js';

const index = buildSynonymIndex(DEFAULT_SYNONYMS);
const source = { file: '新华路.xlsx', path: 'in/新华路.xlsx', encoding: null };

describe('a 条款号 column is the article column, not a 序号', () => {
  it.each(['条款号', '条文号', '意见建议/条款号', '條款號'])('%s → article', (header) => {
    expect(matchHeader(header, index)?.field).toBe('article');
  });
  it.each(['序号', '编号', '身份证号'])('%s stays what it was', (header) => {
    expect(matchHeader(header, index)?.field).not.toBe('article');
  });

  it.each([
    ['条文序号', 'article'], ['法条序号', 'article'], ['条款编号', 'article'], ['手机号', 'contact'], ['电话号', 'contact'], ['座机号', 'contact'],
    ['微信号', 'contact'], ['QQ号', 'contact'], ['QQ', 'contact'], ['修改后的条文', 'suggestion'], ['意见序号', 'seq'], ['序号', 'seq'], ['编号', 'seq'],
  ])('X号 is the number of X: %s → %s', (header, field) => expect(matchHeader(header, index)?.field).toBe(field));

  it.each(['身份证号', '身份证号码', '证件号码', '门牌号', '原文', '原条文', '原文内容'])('%s is none of ours (never read into a field)', (header) => {
    expect(matchHeader(header, index)).toBeNull();
  });

  it('an ID-card column is not the 序号, and a 原文内容 column is not the opinions', () => {
    const out = ingestGrid(grid([
      ['身份证号', '提出人', '条款', '原文内容', '修改意见', '微信号'],
      ['110101199003071234', '陈静', '第十条', '第十条 本市依法对饲养的犬只实施狂犬病强制免疫。', '免疫应当免费。', 'chenjing_88'],
    ]), source, options());
    expect(out.records.map((r) => [r.seq, r.opinion, r.contact])).toEqual([[null, '免疫应当免费。', 'chenjing_88']]);
  });

  it('a column of citations under a header that names none is still the article column by its content', () => {
    const out = ingestGrid(grid([['序号', '所在位置', '意见建议'], ['1', '第十条', '免疫应当免费。'], ['2', '第十二条', '租房者可以养犬。']]), source, options());
    expect(out.records.map((r) => r.article)).toEqual(['第十条', '第十二条']);
    expect(out.report.notices?.some((n) => n.includes('[W_COLUMN_FROM_CONTENT]') || n.includes('按内容作“条款”列'))).toBe(true);
  });

  it('WPS two-row header 意见建议 over 条款号 | 具体意见: the 条款号 cells reach the records', () => {
    const rows = [
      ['新华路街道立法联系点意见汇总表', '', '', '', ''],
      ['序号', '提出人', '意见建议', '', '理由'],
      ['', '', '条款号', '具体意见', ''],
      ['1', '王建国', '第3条', '建议增加街道办事处的协调职责。', ''],
      ['2', '李秀英', '第五条第二款', '收容所数量不足，建议每个区至少设一个。', ''],
      ['3', '张伟', '总则部分', '总则应当写明动物福利原则。', ''],
      ['4', '赵敏', '附则', '附则应明确过渡办法。', ''],
      ['5', '孙丽', '全文', '全文用语应当统一。', ''],
    ];
    const out = ingestGrid(grid(rows, [merge(0, 0, 0, 4), merge(1, 2, 1, 3), merge(1, 0, 2, 0), merge(1, 1, 2, 1), merge(1, 4, 2, 4)]), source, options());
    expect(out.records.map((r) => [r.seq, r.article])).toEqual([
      ['1', '第3条'], ['2', '第五条第二款'], ['3', '总则部分'], ['4', '附则'], ['5', '全文'],
    ]);
  });
});

describe('a form numbered in advance', () => {
  it('its empty numbered rows are 空行, not 问题行; a numbered row with other cells but no opinion is still a 问题行', () => {
    const rows = [
      ['序号', '提出人', '条款', '意见建议'],
      ['1', '王建国', '第十条', '免疫应当免费。'],
      ['2', '', '', ''],
      ['3', '李秀英', '第十二条', ''],
      ['4', '', '', ''],
      ['5.', '', '', ''],
    ];
    const out = ingestGrid(grid(rows), source, options());
    expect(out.records.map((r) => r.source.row)).toEqual([2]);
    expect(out.rejects.map((r) => [r.source.row, r.reason])).toEqual([[4, 'E_NO_OPINION']]);
    expect(out.report.blanks).toBe(3);
  });
});

describe('a header below a long 填表说明 block', () => {
  const instructions = ['关于《某条例（草案）》征求意见的填表说明', '一、本表由各联系点填写。', '二、“条款”栏填写条文序号。', '三、每条意见单独一行。',
    '四、意见应当具体明确。', '五、“理由”栏简要说明。', '六、联系方式不对外公开。', '七、请于6月30日前报送。', '八、报送邮箱见通知。',
    '九、联系人：张老师。', '十、本说明不作为意见内容。'].map((line) => [line, '', '', '']);

  it('is found in row 13 and its rows are read, none rejected', () => {
    const rows = [...instructions, ['', '', '', ''], ['序号', '提出人', '条款', '意见建议'],
      ['1', '韩梅', '第十条', '建议免疫接种可以在社区集中进行。'], ['2', '李雷', '第二十二条', '建议明确遛狗时间段。']];
    const out = ingestGrid(grid(rows), source, options());
    expect(out.report.headerRows).toEqual([13]);
    expect(out.records.map((r) => [r.source.row, r.article, r.submitter])).toEqual([[14, '第十条', '韩梅'], [15, '第二十二条', '李雷']]);
    expect(out.rejects).toEqual([]);
  });

  it('must name two fields there: a lone 意见 among pasted opinions is no header', () => {
    const pasted = Array.from({ length: 14 }, (_, i) => [`第${i + 1}条：建议把期限改为十五日，便于群众办理。`]);
    const rows = [['光明街道关于养犬管理条例的意见'], ...pasted.slice(0, 12), ['意见'], ...pasted.slice(12)];
    const out = ingestGrid(grid(rows), source, options());
    expect(out.report.headerRows).not.toEqual([14]);
  });
});

describe('two opinion columns, one of them a template column left empty', () => {
  const opinions = ['建议免疫接种可以在社区集中进行。', '建议明确遛狗时间段。', '犬吠扰民处罚太轻。', '收容所应当向社会公开。'];
  const read = (rows: string[][]) => ingestGrid(grid(rows), source, options());

  it('the column the clerk typed into holds the opinions, with a notice saying why', () => {
    const out = read([['序号', '条款', '意见建议', '具体意见'], ...opinions.map((o, i) => [String(i + 1), '第十条', i === 0 ? '（模板示例）' : '', o])]);
    expect(out.records.map((r) => r.opinion)).toEqual(opinions);
    expect(out.rejects).toEqual([]);
    expect(out.report.notices?.join('\n') ?? '').toContain('D 列 4 格有字，C 列只有 1 格有字');
  });

  it('the header decides when both are filled, or when the fuller one holds only short words', () => {
    const both = read([['序号', '意见建议', '具体意见'], ...opinions.map((o, i) => [String(i + 1), o, `补充：${o}`])]);
    expect(both.records.map((r) => r.opinion)).toEqual(opinions);
    const short = read([['序号', '意见建议', '具体意见'], ...opinions.map((o, i) => [String(i + 1), i === 0 ? o : '', '同意'])]);
    expect(short.report.columns.find((c) => c.field === 'opinion')?.column).toBe('B');
  });
});

describe("a CSV whose first line is Excel's sep=", () => {
  it('numbers rows as Excel shows them (the sep= line hidden) and uses the delimiter it names', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { readSubmissions } = await import('../../src/ingest/index.js');
    const { tempDir } = await import('./helpers.js');
    const dir = tempDir();
    writeFileSync(join(dir, '淞南镇.csv'), 'sep=,\r\n序号,条款,意见建议\r\n1,第十条,"建议：\r\n1.免疫免费；\r\n2.社区集中接种。"\r\n2,第二十二条,建议明确遛狗时间段。\r\n');
    writeFileSync(join(dir, '淞南镇-分号.csv'), '\uFEFFsep=;\n序号;条款;意见建议\n1;第十条;免疫应当免费，社区集中接种。\n');
    const result = await readSubmissions([join(dir, '淞南镇.csv'), join(dir, '淞南镇-分号.csv')], options());
    expect(result.sheets.map((s) => [s.sheet, s.headerRows])).toEqual([['淞南镇-分号', [1]], ['淞南镇', [1]]]);
    expect(result.records.map((r) => [r.source.file, r.source.row, r.source.part ?? null, r.article])).toEqual([
      ['淞南镇-分号.csv', 2, null, '第十条'], ['淞南镇.csv', 2, 1, '第十条'], ['淞南镇.csv', 2, 2, '第十条'], ['淞南镇.csv', 3, null, '第二十二条'],
    ]);
  });
});

describe('a file renamed or re-saved keeps its old extension in its name', () => {
  it.each([
    ['徐汇区-枫林街道立法联系点.txt.tsv', '徐汇区枫林街道立法联系点', '徐汇区'],
    ['城东区-东湖街道立法联系点.xls.xlsx', '城东区东湖街道立法联系点', '城东区'],
    ['东湖街道立法联系点.csv.xlsx', '东湖街道立法联系点', null],
    ['东湖街道立法联系点.xlsx', '东湖街道立法联系点', null],
    ['东湖街道.v2.xlsx', '东湖街道v2', null],
  ])('%s → %s', async (file, point, county) => {
    const { countyFromFileName, pointFromFileName } = await import('../../src/ingest/point.js');
    expect(pointFromFileName(file)).toBe(point);
    expect(countyFromFileName(file)).toBe(county);
  });
});

describe('the end of a form: totals, 以上共N条, （完）, the date under the signature', () => {
  it('are 说明行, not opinions, wherever they were typed', () => {
    const rows = [
      ['序号', '提出人', '条款', '意见建议'],
      ['1', '韩梅', '第十条', '建议免疫接种可以在社区集中进行。'],
      ['2', '李雷', '第二十二条', '建议明确遛狗时间段。'],
      ['', '', '', '以上共2条意见'],
      ['', '', '', '共收集意见二条。'],
      ['', '', '', '（完）'],
      ['', '', '', '——以下空白——'],
      ['', '', '', '2024年5月20日'],
      ['2024.5.20', '', '', ''],
    ];
    const out = ingestGrid(grid(rows), source, options());
    expect(out.records.map((r) => r.source.row)).toEqual([2, 3]);
    expect(out.rejects).toEqual([]);
    expect(out.report.notes).toBe(6);
  });

  it('an opinion that speaks of a count or ends on a date is still an opinion', () => {
    const rows = [
      ['序号', '条款', '意见建议'],
      ['1', '第十条', '以上共2条意见我都同意，另建议免疫免费。'],
      ['2', '第十二条', '建议自2024年5月20日起施行'],
      ['3', '第十三条', '完善登记制度'],
    ];
    const out = ingestGrid(grid(rows), source, options());
    expect(out.records.map((r) => r.source.row)).toEqual([2, 3, 4]);
  });
});

describe('rows Excel does not show', () => {
  it('are read like the others, and said to be hidden (xlsx), empty hidden rows not', async () => {
    const XLSX = await import('xlsx');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { readSubmissions } = await import('../../src/ingest/index.js');
    const { tempDir } = await import('./helpers.js');
    const sheet = XLSX.utils.aoa_to_sheet([
      ['序号', '条款', '意见建议'], ['1', '第十条', '免疫应当免费。'], ['2', '第十二条', '租房者可以养犬。'], ['', '', ''], ['3', '第十三条', '单位养犬条件放宽。'],
    ]);
    sheet['!rows'] = [{}, {}, { hidden: true }, { hidden: true }, {}];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '意见');
    const dir = tempDir();
    writeFileSync(join(dir, '筛选过.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    writeFileSync(join(dir, '未筛选.xlsx'), XLSX.write((() => { const b = XLSX.utils.book_new(); XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet([['意见建议'], ['免疫应当免费。']]), '意见'); return b; })(), { type: 'buffer', bookType: 'xlsx' }));
    const result = await readSubmissions([join(dir, '筛选过.xlsx'), join(dir, '未筛选.xlsx')], options());
    expect(result.records.filter((r) => r.source.file === '筛选过.xlsx').map((r) => r.source.row)).toEqual([2, 3, 5]);
    // Said as a problem of its sheet, as the reader's other findings are (inspect ⚠, digest.json files[].problems).
    expect(result.problems.filter((p) => p.code === 'W_HIDDEN_ROWS_READ').map((p) => [p.file, p.sheet, p.message])).toEqual([
      ['筛选过.xlsx', '意见', '文件 筛选过.xlsx：工作表“意见”第 3 行在表格中是隐藏的（或被筛选掉），已照常读取；如这些行不应报送，请删除后再读取。'],
    ]);
  });
});
