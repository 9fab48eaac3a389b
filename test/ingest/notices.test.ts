/**
 * Reading notices are values with one code per kind, made where they are found; their words come from
 * notices.ts alone and are the words people saw before the notices had codes (the expected lines below are
 * `yijian inspect fixtures/intake/fresh fixtures/intake/heldout` as printed before this change, codes added).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_CODES, type NoticeCode } from '../../src/codes.js';
import { readSubmissions, type IngestResult } from '../../src/ingest/index.js';
import { isSheetNotice, noticeLine, noticeText, type Notice } from '../../src/notices.js';
import { sheetDoubts } from '../../src/cli/guided-doubts.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from './helpers.js';

const EXPECTED: readonly string[] = [
  '文件 丰台区-新村街道立法联系点.xlsx 工作表“意见”：C 列「条款」与 B 列「条款编号」都像“条款”列，取 C 列（表头更贴近）；如不对，请用 --map 条款=<列> 指定。 [W_COLUMNS_COMPETE]',
  '文件 昌平区-天通苑北街道立法联系点.xlsx 工作表“意见”：第 5 行、第 9 行只有意见一格有字，是上一行意见的续行（上一行没有写完，或写明“续”“接上”），已接到上一行的意见后面（记为说明行）。 [W_CONTINUATION_JOINED]',
  '文件 浦东新区-花木街道立法联系点.xlsx 工作表“意见”：2 行的意见格内有多条编号意见，已拆为 5 条（第 4 行 2 条，第 7 行 3 条）；不想拆分可加 --no-split。 [W_CELLS_SPLIT]',
  '文件 海淀区司法局-各联系点意见汇总.xlsx 工作表“汇总”：第 3 行、第 7 行、第 10 行是分段标题，记为说明行；其下各行的联系点取自分段标题（万寿路街道立法联系点、甘家口街道立法联系点、北下关街道立法联系点）。 [W_SUBTITLE_ROWS]',
  '文件 石景山区-八角街道立法联系点.csv 工作表“石景山区-八角街道立法联系点”：1 行的意见格内有多条编号意见，已拆为 2 条（第 5 行 2 条）；不想拆分可加 --no-split。 [W_CELLS_SPLIT]',
  '文件 西城区-新街口街道立法联系点-反馈意见表.xlsx 工作表“反馈意见表”：C 列「条款」与 B 列「章节」都像“条款”列，取 C 列（表头更贴近）；如不对，请用 --map 条款=<列> 指定。 [W_COLUMNS_COMPETE]',
  '文件 西城区-新街口街道立法联系点-反馈意见表.xlsx 工作表“反馈意见表”：本表没有以“意见建议”为题的列；E 列「修改建议」的内容是成段的意见（平均 32 字），作“意见建议”列（按表头本应是“修改建议”列）；如不对，请用 --map 指定。 [W_OPINION_FROM_CONTENT]',
  "文件 顺义区-光明街道立法联系点.xlsx 工作表“Sheet1”：没有找到表头：本表只有 A 列有内容，按内容作“意见建议”列，第 1 行作标题（说明行）；如不对，请用 --map '顺义区-光明街道立法联系点.xlsx:Sheet1:意见建议=A' 指定。 [W_PASTED_OPINIONS]",
  '文件 徐汇区-田林街道立法联系点.xlsx 工作表“填写须知”：本表是填表说明，3 行记为说明行，不作意见。 [W_INSTRUCTION_SHEET]',
  '文件 海淀区-清河街道立法联系点.xlsx 工作表“Sheet1”：C 列「意见汇总/意见内容」与 D 列「意见汇总/修改意见及理由」都像“意见建议”列，取 C 列（表头更贴近）；如不对，请用 --map 意见建议=<列> 指定。 [W_COLUMNS_COMPETE]',
  '文件 海淀区-清河街道立法联系点.xlsx 工作表“Sheet1”：D 列「意见汇总/修改意见及理由」没有取作“意见建议”列，按表头中的另一词作“理由”列。 [W_COLUMN_FROM_OTHER_WORD]',
  '文件 西城区-什刹海街道立法联系点.xlsx 工作表“意见”：2 行的意见格内有多条编号意见，已拆为 4 条（第 2 行 2 条，第 6 行 2 条）；不想拆分可加 --no-split。 [W_CELLS_SPLIT]',
  '文件 长宁区-新华路街道立法联系点.xlsx 工作表“Sheet1”：B 列「条款内容」的表头像“意见建议”，但内容多为条款序号（如“第八十条”），改作“条款”列。 [W_OPINION_COLUMN_UNFIT]',
  '文件 长宁区-新华路街道立法联系点.xlsx 工作表“Sheet1”：本表没有以“意见建议”为题的列；D 列「意见说明」的内容是成段的意见（平均 25 字），作“意见建议”列（按表头本应是“理由”列）；如不对，请用 --map 指定。 [W_OPINION_FROM_CONTENT]',
  '文件 门头沟区-永定镇立法联系点.xlsx 工作表“意见”：C 列「意见」与 D 列「具体内容」都像“意见建议”列，取 C 列（表头更贴近）；如不对，请用 --map 意见建议=<列> 指定。 [W_COLUMNS_COMPETE]',
  '文件 门头沟区-永定镇立法联系点.xlsx 工作表“意见”：C 列「意见」的表头像“意见建议”，但内容多为条款序号（如“第八十条”），改作“条款”列；意见取自 D 列「具体内容」。 [W_OPINION_COLUMN_UNFIT]',
];

// Only the sheets with notices are read, to keep the test quick; the others of the two folders have none.
const INTAKE = join('fixtures', 'intake');
const inputs = ['fresh', 'heldout'].flatMap((dir) =>
  readdirSync(join(INTAKE, dir)).filter((name) => EXPECTED.some((line) => line.startsWith(`文件 ${name} `))).map((name) => join(INTAKE, dir, name)),
);

describe('the notices of the intake sheets', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await readSubmissions(inputs, options());
  }, 30_000);

  it('are said in the same words as before, each with the code of its kind', () => {
    expect(result.notices.map((notice) => `${noticeLine(notice)} [${notice.code}]`).sort()).toEqual([...EXPECTED].sort());
  });

  it('carry their place and what they found as data', () => {
    const of = (code: NoticeCode): Notice[] => result.notices.filter((notice) => notice.code === code);
    expect(of('W_CONTINUATION_JOINED').map((n) => [n.location, 'rows' in n ? n.rows : null])).toEqual([
      [{ file: '昌平区-天通苑北街道立法联系点.xlsx', sheet: '意见' }, [5, 9]],
    ]);
    // 条文序号 and 意见汇总/条款号 are named by their header words now, so no column of the corpus needs its content.
    expect(of('W_COLUMN_FROM_CONTENT').map((n) => n.location)).toEqual([]);
    expect(of('W_PASTED_OPINIONS')).toEqual([{
      code: 'W_PASTED_OPINIONS',
      location: { file: '顺义区-光明街道立法联系点.xlsx', sheet: 'Sheet1', column: 'A' },
      titleRows: 1,
      mapSpec: "--map '顺义区-光明街道立法联系点.xlsx:Sheet1:意见建议=A'",
    }]);
    expect(result.notices.every(isSheetNotice)).toBe(true);
  });

  it('are the words each sheet report keeps (digest.json files[].notices), the place left to the sheet', () => {
    for (const sheet of result.sheets) {
      const own = result.notices.filter((n) => n.location.file === sheet.file && n.location.sheet === sheet.sheet);
      expect(sheet.notices ?? [], `${sheet.file} ${sheet.sheet}`).toEqual(own.map(noticeText));
    }
  });
});

describe('the guided flow asks about a sheet by the codes of its notices', () => {
  // A split cell is said, not guessed: no question. Two columns competing for the opinions is a guess to look at.
  const out = ingestGrid(grid([
    ['序号', '意见', '意见建议'],
    ['1', '同意', '1.第十条应写明物业服务费的调整程序。2.第十二条的公示期建议延长到十五天。'],
    ['2', '同意', '建议增加业主大会线上表决的规定。'],
  ]), { file: '东湖社区.xlsx', path: '东湖社区.xlsx', encoding: null }, options());

  it('leaves out W_CELLS_SPLIT and keeps W_COLUMNS_COMPETE', () => {
    expect(out.notices.map((n) => n.code).sort()).toEqual(['W_CELLS_SPLIT', 'W_COLUMNS_COMPETE']);
    const doubts = sheetDoubts(out.report, out, new Map());
    expect(doubts.filter((d) => d.kind === 'notice').map((d) => d.message)).toEqual(
      out.notices.filter((n) => n.code === 'W_COLUMNS_COMPETE').map(noticeText),
    );
  });
});

describe('every notice code', () => {
  // One value of each kind, and its words as the creation site wrote them before the notices were values.
  const sheet = { file: '东湖.xlsx', sheet: '意见' };
  const samples: { [C in NoticeCode]: [Extract<Notice, { code: C }>, string] } = {
    W_SAME_FILE_TWICE: [{ code: 'W_SAME_FILE_TWICE', location: { file: './a.csv' }, first: 'a.csv' }, './a.csv 与 a.csv 是同一个文件，只读取一次。'],
    W_OUTPUT_FOLDER_SKIPPED: [{ code: 'W_OUTPUT_FOLDER_SKIPPED', location: { file: 'in/yijian-output' }, marker: 'digest.json' }, '文件夹 in/yijian-output 中有 digest.json，是 yijian 以前输出的结果，已跳过其中的文件。'],
    W_BROKEN_LINK: [{ code: 'W_BROKEN_LINK', location: { file: 'in/环a.csv' } }, 'in/环a.csv 是断开或循环的符号链接，已跳过。'],
    W_NOT_REGULAR_FILE: [{ code: 'W_NOT_REGULAR_FILE', location: { file: 'in/管道.csv' } }, 'in/管道.csv 不是普通文件（设备、管道或套接字），已跳过。'],
    W_FORMAT_SKIPPED: [
      { code: 'W_FORMAT_SKIPPED', location: { file: 'in/曹杨街道.et' }, format: 'et' },
      'in/曹杨街道.et 是 WPS 表格文件（.et），不能直接读取，已跳过；请用 WPS 打开后“另存为”Excel 工作簿（.xlsx）再读取。',
    ],
    W_OWN_REPORT_SKIPPED: [{ code: 'W_OWN_REPORT_SKIPPED', location: { file: '采纳情况登记表.xlsx' } }, '采纳情况登记表.xlsx 是 yijian 生成的报告，不是意见表，已跳过。'],
    W_MERGED_WITH_SOURCES: [
      { code: 'W_MERGED_WITH_SOURCES', location: { file: '汇总.xlsx' }, sources: ['a.csv', 'b.csv', 'c.csv', 'd.csv'] },
      '汇总.xlsx 是 yijian merge 合并的结果，其中的意见来自本次也在读取的 a.csv、b.csv、c.csv 等 4 个文件，已跳过，以免重复计数。',
    ],
    W_MERGED_RECORDS_ONLY: [
      { code: 'W_MERGED_RECORDS_ONLY', location: { file: '汇总.xlsx' }, records: '意见汇总', others: ['问题行', '核对'] },
      '汇总.xlsx 是 yijian merge 合并的结果：只读取其中的“意见汇总”工作表，“问题行”“核对”是合并时的核对记录。',
    ],
    W_WORD_NOT_OPINIONS: [
      { code: 'W_WORD_NOT_OPINIONS', location: { file: '条例（征求意见稿）.docx' }, kind: 'draft', articles: 32 },
      '条例（征求意见稿）.docx 是 Word 文档，看来是法规草案的条文（有 32 段以“第…条”开头），不是意见，已跳过；如其中确有意见，请整理到意见表（.xlsx，可用 yijian form 生成）中再读取。',
    ],
    W_WORD_DOCUMENT: [
      { code: 'W_WORD_DOCUMENT', location: sheet, tables: [{ firstRow: 3, lastRow: 12 }], paragraphs: 4 },
      '本表取自 Word 文档：文中 1 个表格在第 3–12 行，表格外的 4 个段落各占一行；行号从上到下计数，空段不计。',
    ],
    W_INSTRUCTION_SHEET: [{ code: 'W_INSTRUCTION_SHEET', location: sheet, rows: 4 }, '本表是填表说明，4 行记为说明行，不作意见。'],
    W_PASTED_OPINIONS: [
      { code: 'W_PASTED_OPINIONS', location: { ...sheet, column: 'A' }, titleRows: 2, mapSpec: "--map '东湖.xlsx:意见:意见建议=A'" },
      "没有找到表头：本表只有 A 列有内容，按内容作“意见建议”列，第 1–2 行作标题（说明行）；如不对，请用 --map '东湖.xlsx:意见:意见建议=A' 指定。",
    ],
    W_HTML_IN_CELLS: [
      { code: 'W_HTML_IN_CELLS', location: sheet, rows: [2, 3] },
      '第 2 行、第 3 行的意见（或修改建议、理由）带有网页格式（如 <p>、<br/>、&nbsp;），已按其显示的文字读取：换行处分行，格式标记去掉。',
    ],
    W_TABLES_IN_SHEET: [
      { code: 'W_TABLES_IN_SHEET', location: sheet, tables: [{ headerRow: 3, records: 2, opinion: 'D 列「意见建议」' }, { headerRow: 8, records: 5, opinion: 'D 列「具体意见」' }] },
      '本表上下有 2 张表，各按自己的表头读取：第 3 行表头下 2 条（意见取自D 列「意见建议」），第 8 行表头下 5 条（意见取自D 列「具体意见」）；请核对。',
    ],
    W_CHAT_SPEAKERS: [
      { code: 'W_CHAT_SPEAKERS', location: sheet, rows: [2, 4], inline: [9] },
      '第 2 行、第 4 行是聊天记录的发言人和时间（如“张阿姨 2024-05-20 10:23”），记为说明行，其下各条意见的提出人、日期取自这一行；第 9 行冒号前是发言人的姓名（如“赵某：……”），作这一条意见的提出人；请核对。',
    ],
    W_CONTINUATION_JOINED: [
      { code: 'W_CONTINUATION_JOINED', location: sheet, rows: [3, 4, 6, 8, 9, 12] },
      '第 3 行、第 4 行、第 6 行、第 8 行、第 9 行等只有意见一格有字，是上一行意见的续行（上一行没有写完，或写明“续”“接上”），已接到上一行的意见后面（记为说明行）。',
    ],
    W_SUBTITLE_ROWS: [{ code: 'W_SUBTITLE_ROWS', location: sheet, rows: [2], points: [] }, '第 2 行是分段标题，记为说明行。'],
    W_ARTICLE_QUESTIONS: [
      { code: 'W_ARTICLE_QUESTIONS', location: sheet, columns: [{ column: { column: 'G', header: '3、您对第十条有何意见？' }, article: '第十条' }], rows: 2, records: 3 },
      '本表按条设问：G 列「3、您对第十条有何意见？」（第十条）每格的回答各作一条意见，条款取自表头；2 行共读出 3 条，一行有几格回答的记为该行第 1 条、第 2 条……；请核对。',
    ],
    W_LABELLED_CELLS: [
      { code: 'W_LABELLED_CELLS', location: sheet, rows: [2, 4] },
      '第 2 行、第 4 行的意见一格写成“条款：…… 意见：…… 理由：……”，各部分已分别读作条款、意见、修改建议和理由（本行这几栏原有内容的，以原有内容为准）；请核对。',
    ],
    W_DITTO_FILLED: [
      { code: 'W_DITTO_FILLED', location: sheet, rows: [{ row: 3, field: 'article', from: 2 }, { row: 5, field: 'opinion', from: 4 }] },
      '2 处写的是“同上”（或“〃”），已取上一条意见的条款或意见（第 3 行的条款取自第 2 行，第 5 行的意见取自第 4 行）；意见写“同上”的，作与上一条相同的意见计入；请核对。',
    ],
    W_NO_OPINION_ANSWERS: [
      { code: 'W_NO_OPINION_ANSWERS', location: sheet, rows: [3, 5], examples: ['无', '暂无意见'] },
      '第 3 行、第 5 行的意见一格只写了“无”“暂无意见”，表示没有意见，记为说明行，不作意见（共 2 行）。',
    ],
    W_POINT_FROM_SHEET_NAME: [
      { code: 'W_POINT_FROM_SHEET_NAME', location: sheet, point: '东湖街道', records: 3 },
      '本表没有联系点列，工作簿的工作表按联系点命名：本表 3 条意见的联系点取自工作表名“东湖街道”；如不对，请用 --point 或配置文件 points 指定。',
    ],
    W_CELLS_SPLIT: [
      { code: 'W_CELLS_SPLIT', location: sheet, rows: [2, 3, 4, 5, 6, 7].map((row) => ({ row, parts: 2 })) },
      '6 行的意见格内有多条编号意见，已拆为 12 条（第 2 行 2 条，第 3 行 2 条，第 4 行 2 条，第 5 行 2 条，第 6 行 2 条……）；不想拆分可加 --no-split。',
    ],
    W_HIDDEN_COLUMN_READ: [
      { code: 'W_HIDDEN_COLUMN_READ', location: sheet, columns: [{ column: { column: 'C', header: '联系方式' }, field: 'contact' }] },
      'C 列「联系方式」在表格中是隐藏的，已照常读取（作“联系方式”）；请打开原表确认这一列是否应报送。',
    ],
    W_CONTACT_IN_UNREAD_COLUMN: [
      { code: 'W_CONTACT_IN_UNREAD_COLUMN', location: sheet, column: { column: 'E', header: '备注' }, rows: [2, 3], mapSpec: "--map '新村.xlsx:群众诉求:联系方式=E'" },
      "E 列「备注」没有读取，但第 2 行、第 3 行在这一列写有电话、邮箱或账号，本表又没有“联系方式”一栏，合并后的表中没有这些联系方式；如要读作联系方式，请用 --map '新村.xlsx:群众诉求:联系方式=E' 指定。",
    ],
    W_DATE_FROM_SERIAL: [
      { code: 'W_DATE_FROM_SERIAL', location: sheet, rows: [2, 5], example: { serial: '45424', date: '2024-05-12' } },
      '第 2 行、第 5 行“日期”一格是数字（如 45424），是没有设日期格式的 Excel 日期，已读作日期（45424 即 2024-05-12）；请核对。',
    ],
    W_OPINION_FROM_OTHER_CELL: [
      { code: 'W_OPINION_FROM_OTHER_CELL', location: sheet, rows: [{ row: 11, field: 'reason', column: { column: 'E', header: '修改理由' } }] },
      '1 行的“意见建议”格为空，但同一行的“修改建议”或“理由”有内容，已作为意见（第 11 行取自 E 列「修改理由」）；请核对。',
    ],
    W_COLUMNS_COMPETE: [
      {
        code: 'W_COLUMNS_COMPETE', location: { ...sheet, column: 'C' }, field: 'opinion',
        winner: { column: 'C', header: '意见建议及理由' }, others: [{ column: 'B', header: '意见' }], byContent: { winnerMean: 24, headerPickMean: 2 },
      },
      'C 列「意见建议及理由」与 B 列「意见」都像“意见建议”列，取 C 列（按内容：C 列平均 24 字，B 列平均 2 字；“意见”的表头更贴近）；如不对，请用 --map 意见建议=<列> 指定。',
    ],
    W_OPINION_COLUMN_UNFIT: [
      { code: 'W_OPINION_COLUMN_UNFIT', location: { ...sheet, column: 'B' }, from: { column: 'B', header: '意见' }, unfit: '日期', movedToArticle: false, replacement: null },
      'B 列「意见」的表头像“意见建议”，但内容多为日期，不作意见列。',
    ],
    W_COLUMN_FROM_CONTENT: [
      { code: 'W_COLUMN_FROM_CONTENT', location: { ...sheet, column: 'B' }, column: { column: 'B', header: '条文序号' }, field: 'article' },
      'B 列「条文序号」的内容多为条款序号，按内容作“条款”列。',
    ],
    W_OPINION_FROM_CONTENT: [
      { code: 'W_OPINION_FROM_CONTENT', location: { ...sheet, column: 'D' }, column: { column: 'D', header: '意见说明' }, meanLength: 26, previous: null },
      '本表没有以“意见建议”为题的列；D 列「意见说明」的内容是成段的意见（平均 26 字），作“意见建议”列；如不对，请用 --map 指定。',
    ],
    W_COLUMN_FROM_OTHER_WORD: [
      { code: 'W_COLUMN_FROM_OTHER_WORD', location: { ...sheet, column: 'D' }, column: { column: 'D', header: '修改意见及理由' }, lost: 'opinion', field: 'reason' },
      'D 列「修改意见及理由」没有取作“意见建议”列，按表头中的另一词作“理由”列。',
    ],
    W_MERGED_CELLS_SPREAD: [
      { code: 'W_MERGED_CELLS_SPREAD', location: { file: '登记表.xlsx', sheet: '采纳情况', row: 2, column: 'G' }, range: 'G2:G6', value: '部分采纳', rows: 5 },
      '文件 登记表.xlsx 工作表“采纳情况” G2:G6 是合并单元格，其中的“部分采纳”用于所覆盖的 5 行',
    ],
    W_HIDDEN_SHEET_SKIPPED: [
      { code: 'W_HIDDEN_SHEET_SKIPPED', location: { file: '登记表.xlsx', sheet: '采纳情况登记表' }, visible: ['定稿', '定稿 (2)'] },
      '文件 登记表.xlsx：工作表“采纳情况登记表”是隐藏的，未读取；采用可见的工作表“定稿”“定稿 (2)”',
    ],
    W_HIDDEN_SHEET_READ: [
      { code: 'W_HIDDEN_SHEET_READ', location: { file: '登记表.xlsx', sheet: '单条意见' }, perOpinion: true },
      '文件 登记表.xlsx：只在隐藏的工作表“单条意见”中找到单条意见，已读取，请确认这是要用的版本',
    ],
    W_HIDDEN_ROWS_READ: [
      { code: 'W_HIDDEN_ROWS_READ', location: sheet, rows: [3, 4, 9] },
      '文件 东湖.xlsx：工作表“意见”第 3、4、9 行在表格中是隐藏的（或被筛选掉），已照常读取；如这些行不应报送，请删除后再读取。',
    ],
    W_SUMMARY_SHEET_SKIPPED: [
      { code: 'W_SUMMARY_SHEET_SKIPPED', location: { file: '城南区汇总.xlsx', sheet: '汇总' }, records: 3, within: ['东湖街道', '桃源镇'] },
      '文件 城南区汇总.xlsx：工作表“汇总”的 3 条意见都已在本工作簿的“东湖街道”“桃源镇”工作表中（汇总表与各分表，或副本），本表未重复读取，以免每条意见计两次；如确是另外报送的意见，请用 --sheet 单独读取。',
    ],
    W_HIDDEN_SHEET_OPINIONS: [
      { code: 'W_HIDDEN_SHEET_OPINIONS', location: { file: '东湖.xlsx', sheet: '5月已报' }, records: 2 },
      '文件 东湖.xlsx：工作表“5月已报”在工作簿中是隐藏的（打开文件时看不到），其中 2 条意见已照常读取；如是上次报送的旧表或不应报送，请删除这张表，或用 --sheet 只读取要读的工作表。',
    ],
    W_COVER_SHEET: [
      { code: 'W_COVER_SHEET', location: sheet, rows: 5, point: '青石街道基层立法联系点' },
      '本表是封面（标题、报送单位、联系人、日期等），5 行记为说明行，不作意见；其中的联系点“青石街道基层立法联系点”用于本工作簿中没有写明联系点的工作表。',
    ],
    W_POINT_FROM_OTHER_SHEET: [
      { code: 'W_POINT_FROM_OTHER_SHEET', location: sheet, point: '青石街道基层立法联系点', from: '封面', kind: 'cover', records: 2 },
      '本表没有联系点列，联系点取自工作表“封面”（封面）：本表 2 条意见的联系点为“青石街道基层立法联系点”；如不对，请用 --point 或配置文件 points 指定。',
    ],
    W_EXAMPLE_ROWS: [
      { code: 'W_EXAMPLE_ROWS', location: sheet, rows: [2] },
      '第 2 行是表格自带的填写示例（序号写“示例”，或写明“此行为填写示例”），记为说明行，不作意见；如是真实意见，请删去“示例”字样后再读取。',
    ],
    W_HIDDEN_LIST_SHEET: [
      { code: 'W_HIDDEN_LIST_SHEET', location: sheet, rows: 7 },
      '本表在工作簿中是隐藏的，没有表头，只有简短的选项（多为下拉列表的数据源），7 行记为说明行，不作意见。',
    ],
    W_CONTROL_CHARACTERS: [
      { code: 'W_CONTROL_CHARACTERS', location: sheet, cells: [2, 3, 4, 5, 7, 9].map((row) => ({ row, column: 'D' })), count: 8 },
      '文件 东湖.xlsx：工作表“意见”第 2 行 D 列、第 3 行 D 列、第 4 行 D 列、第 5 行 D 列、第 7 行 D 列 等 6 处含不可见的控制字符（共 8 个），已删除；请核对这些单元格的文字。',
    ],
    W_MIXED_ENCODING: [
      { code: 'W_MIXED_ENCODING', location: { file: '华侨新村.csv', sheet: '华侨新村' }, gbkLines: [2, 4], utf8Lines: [1, 3] },
      '文件 华侨新村.csv：文件中 UTF-8 与 GBK 编码的行混杂（可能由不同软件导出后拼接），已逐行识别编码：第 2、4 行按 GBK，第 1、3 行按 UTF-8。请核对这些行的文字是否正确。',
    ],
  };

  it.each(NOTICE_CODES.map((code) => [code]))('%s has its words, made from the value alone', (code) => {
    const [notice, words] = samples[code];
    expect(notice.code).toBe(code);
    expect(noticeText(notice)).toBe(words);
    // A sheet's notice is printed after its place; every other one names its place in its own sentence.
    expect(noticeLine(notice)).toBe(isSheetNotice(notice) ? `文件 ${notice.location.file} 工作表“${notice.location.sheet}”：${words}` : words);
  });
});

describe("the ingest's row words come from location.ts and read as before", () => {
  it('names the row, and the row and column, of a 问题行', () => {
    const out = ingestGrid(grid([
      ['序号', '提出人', '意见建议'],
      ['1', '张建国', ''],
      ['2', '李秀英', '建议第十二条写明物业服务费的调整程序，并在小区公告栏公示不少于十五日，听取业主意见。'],
    ]), { file: '东湖社区.xlsx', path: '东湖社区.xlsx', encoding: null }, options({ limits: { maxCellLength: 20 } }));
    expect(out.rejects.map((r) => [r.reason, r.message])).toEqual([
      ['E_NO_OPINION', '第 2 行“意见建议”为空。'],
      ['E_CELL_TOO_LARGE', '第 3 行 C 列内容过长（42 字，上限 20 字）。'],
    ]);
  });
});
