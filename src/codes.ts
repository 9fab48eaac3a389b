/**
 * Every code yijian gives a problem, in one union (as csv-parse keeps its CsvErrorCode): errors that
 * stop a command, reasons a row did not become a record, problems of a decision sheet, and warnings.
 * The CLI prints the code after each error and warning (`[E_NO_OPINION_COLUMN]`) so that scripts and
 * tests can match it; people read the Chinese message beside it. README.md lists the same table.
 *
 * E_…: errors (a command stops, a file is skipped, a row is rejected, a sheet has no opinions).
 * W_…: warnings (the command goes on; with --strict a decision-sheet problem stops it), reading notices included.
 */
// No zod here: the terminal prints codes on every run, --help included, and zod loads only with an action (model.ts has the schemas).

/** Errors a YijianError can carry; a file that cannot be read is reported under one of these. */
export const ERROR_CODES = [
  'E_USAGE',
  'E_FILE_NOT_FOUND',
  'E_UNREADABLE_FILE',
  'E_UNSUPPORTED_FORMAT',
  'E_EMPTY_FILE',
  'E_ENCRYPTED',
  'E_TRUNCATED',
  'E_TOO_LARGE',
  'E_TOO_MANY_ROWS',
  'E_PARSE_TIMEOUT',
  'E_NO_HEADER',
  'E_NO_OPINION_COLUMN',
  'E_NO_POINT',
  'E_BAD_MAPPING',
  'E_BAD_CONFIG',
  'E_OUTPUT_EXISTS',
  'E_WRITE_FAILED',
  'E_BAD_DRAFT',
  'E_BAD_DIGEST',
  'E_BAD_TEMPLATE',
  'E_BAD_DECISIONS',
  'E_INTERNAL',
  /** merge/digest read their inputs and found not one opinion. */
  'E_NO_RECORDS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a row did not become a record (the 问题行 of merge and digest). */
export const REJECT_REASONS = [
  'E_NO_OPINION',
  'E_UNREADABLE_CELL',
  'E_CELL_TOO_LARGE',
  'E_INVALID_ROW',
  /** A CSV row with text right of the header's last column: a cell split by an unquoted comma. */
  'E_EXTRA_CELLS',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** What can be wrong in a filled 采纳情况登记表; each names its cell when there is one. */
export const DECISION_PROBLEM_CODES = [
  'W_UNKNOWN_DECISION',
  'W_MISSING_ID',
  'W_DUPLICATE_ID',
  'W_UNKNOWN_ID',
  'W_ID_MISMATCH',
  'W_NO_DECISION_SHEET',
  'W_UNKNOWN_ARTICLE',
  'W_ARTICLE_NOT_IN_DRAFT',
  'W_UNKNOWN_CLUSTER',
  /** A person wrote in 可能涉及条文 (the tool's guess): not read as a correction, and said. */
  'W_SUGGESTION_EDITED',
  /** A carried decision on a cluster marked 需复核 (digest --decisions): the letters would send it unreviewed. */
  'W_NOT_REVIEWED',
] as const;
export type DecisionProblemCode = (typeof DECISION_PROBLEM_CODES)[number];

/** Warnings the CLI prints that are not decision-sheet problems. */
export const WARNING_CODES = [
  'W_REJECTED_ROWS',
  'W_DECISION_PROBLEMS',
  'W_NO_ISSUER',
  /** No --date, here or at digest: the letters go out without the date of their 落款. */
  'W_NO_LETTER_DATE',
  'W_DECISIONS_GONE',
  'W_NO_INPUT_FILES',
  'W_COLUMN_DOUBT',
  /** The second thread of the clustering failed: this thread clustered its articles, to the same result. */
  'W_CLUSTER_THREAD',
  /** Point names that differ as written but look like one point (东湖街道立法联系点 / 东湖街道基层立法联系点). */
  'W_POINT_NAMES_ALIKE',
  /** stats: two inputs are the same draft's feedback (a rerun and its earlier run): every opinion counted twice. */
  'W_SAME_DRAFT_TWICE',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Reading notices (notices.ts), one per kind: what the reader decided on its own and says, so that nothing is
 * dropped or misread silently. Inputs left out, yijian's own outputs, a sheet's layout, its columns, a decision sheet.
 */
export const NOTICE_CODES = [
  'W_SAME_FILE_TWICE',
  'W_OUTPUT_FOLDER_SKIPPED',
  'W_BROKEN_LINK',
  'W_NOT_REGULAR_FILE',
  'W_FORMAT_SKIPPED',
  'W_OWN_REPORT_SKIPPED',
  'W_MERGED_WITH_SOURCES',
  'W_MERGED_RECORDS_ONLY',
  /** A 汇总 sheet (or a copy) whose opinions are all on the workbook's other sheets: left out, so none counts twice. */
  'W_SUMMARY_SHEET_SKIPPED',
  'W_WORD_NOT_OPINIONS',
  'W_WORD_DOCUMENT',
  'W_INSTRUCTION_SHEET',
  /** A cover sheet (封面: title, 报送单位：…, 联系人：…): its lines are 说明行; it names the point of the other sheets. */
  'W_COVER_SHEET',
  /** A template's example row under the header (序号 示例, 此行为填写示例): 说明行. */
  'W_EXAMPLE_ROWS',
  'W_POINT_FROM_OTHER_SHEET',
  'W_PASTED_OPINIONS',
  'W_CONTINUATION_JOINED',
  /** Columns that each ask about one article (问卷: 您对第十条有何意见？): each answered cell an opinion on it. */
  'W_ARTICLE_QUESTIONS',
  /** Opinion cells written as 条款：… 意见：… 理由：…, each part read into its field. */
  'W_LABELLED_CELLS',
  /** 同上 / 〃 in a 条款 or 意见建议 cell, taken from the record above. */
  'W_DITTO_FILLED',
  /** Rows whose opinion cell only says there is none (无, 暂无意见, 没有): 说明行, counted and said. */
  'W_NO_OPINION_ANSWERS',
  /** A chat log pasted as one column: its speaker lines name the 提出人 and 日期 of the messages below. */
  'W_CHAT_SPEAKERS',
  /** Two tables or more one below the other in one sheet, each read by its own header. */
  'W_TABLES_IN_SHEET',
  /** Cells with web markup (<p>, &nbsp;) read as the text it shows. */
  'W_HTML_IN_CELLS',
  'W_SUBTITLE_ROWS',
  /** A workbook's sheets named by point (东湖街道, 桃源镇): the rows of each are that point's. */
  'W_POINT_FROM_SHEET_NAME',
  'W_CELLS_SPLIT',
  'W_DATE_FROM_SERIAL',
  'W_OPINION_FROM_OTHER_CELL',
  'W_COLUMNS_COMPETE',
  'W_OPINION_COLUMN_UNFIT',
  'W_COLUMN_FROM_CONTENT',
  'W_OPINION_FROM_CONTENT',
  'W_COLUMN_FROM_OTHER_WORD',
  'W_MERGED_CELLS_SPREAD',
  'W_HIDDEN_SHEET_SKIPPED',
  'W_HIDDEN_SHEET_READ',
  /** Read, and the text changed or decoded on its own (were E_CONTROL_CHARACTERS and E_MIXED_ENCODING). */
  'W_CONTROL_CHARACTERS',
  'W_HIDDEN_ROWS_READ',
  /** A hidden sheet that holds opinions (last month's version, a copy): read, and said as its sheet's problem. */
  'W_HIDDEN_SHEET_OPINIONS',
  /** A hidden sheet without a header (the values of a drop-down list): 说明行, not 问题行. */
  'W_HIDDEN_LIST_SHEET',
  'W_HIDDEN_COLUMN_READ',
  'W_CONTACT_IN_UNREAD_COLUMN',
  'W_MIXED_ENCODING',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** The one union. */
export type Code = ErrorCode | RejectReason | DecisionProblemCode | WarningCode | NoticeCode;
export const CODES: readonly Code[] = [...ERROR_CODES, ...REJECT_REASONS, ...DECISION_PROBLEM_CODES, ...WARNING_CODES, ...NOTICE_CODES];

/** What each code means, in the words of the README's table. */
export const CODE_MEANINGS: Readonly<Record<Code, string>> = {
  E_USAGE: '命令用法有误（选项、参数或取值）',
  E_FILE_NOT_FOUND: '找不到输入的文件或文件夹',
  E_UNREADABLE_FILE: '文件无法读取',
  E_UNSUPPORTED_FORMAT: '不支持的文件格式',
  E_EMPTY_FILE: '文件是空的',
  E_ENCRYPTED: '文件已加密，无法读取',
  E_TRUNCATED: '文件不完整（传输中被截断）',
  E_TOO_LARGE: '文件或内容超过大小限制',
  E_TOO_MANY_ROWS: '工作表行数超过限制',
  E_PARSE_TIMEOUT: '解析文件超时',
  E_NO_HEADER: '找不到表头',
  E_NO_OPINION_COLUMN: '找不到“意见建议”列',
  E_NO_POINT: '无法确定联系点名称',
  E_BAD_MAPPING: '列映射（--map）有误',
  E_BAD_CONFIG: '配置文件有误',
  E_OUTPUT_EXISTS: '输出文件已存在（加 --force 覆盖）',
  E_WRITE_FAILED: '写入输出文件失败',
  E_BAD_DRAFT: '草案无法读取',
  E_BAD_DIGEST: 'digest.json 无效或不完整',
  E_BAD_TEMPLATE: '模板有误',
  E_BAD_DECISIONS: '采纳情况登记表无法使用',
  E_INTERNAL: '内部错误（yijian 的缺陷）',
  E_NO_RECORDS: '没有读到任何意见',
  E_NO_OPINION: '问题行：没有意见内容',
  E_UNREADABLE_CELL: '问题行：单元格无法读取',
  E_CELL_TOO_LARGE: '问题行：单元格内容过长',
  E_INVALID_ROW: '问题行：工作表没有意见列，本行无法读取',
  E_EXTRA_CELLS: '问题行：表头最后一列右侧还有内容（多为未加引号的逗号）',
  W_UNKNOWN_DECISION: '登记表：采纳情况无法识别',
  W_MISSING_ID: '登记表：填了采纳情况但没有编号',
  W_DUPLICATE_ID: '登记表：同一编号出现多次',
  W_UNKNOWN_ID: '登记表：编号不在本次汇总中',
  W_ID_MISMATCH: '登记表：编号与核对用编号不一致',
  W_NO_DECISION_SHEET: '登记表：找不到采纳情况登记表',
  W_UNKNOWN_ARTICLE: '登记表：更正条款无法识别',
  W_ARTICLE_NOT_IN_DRAFT: '登记表：更正条款在草案中不存在',
  W_UNKNOWN_CLUSTER: '登记表：移入类编号不存在',
  W_SUGGESTION_EDITED: '登记表：“可能涉及条文”列被改写，不作为更正（更正请填“更正条款”）',
  W_NOT_REVIEWED: '登记表：标“需复核”的意见类仍是上次的采纳情况，新加入的意见未经复核',
  W_REJECTED_ROWS: '有的行未能成为有效意见（见“问题行”）',
  W_DECISION_PROBLEMS: '登记表有问题，已按提示处理',
  W_NO_ISSUER: '反馈函没有落款单位',
  W_NO_LETTER_DATE: '反馈函没有落款日期',
  W_DECISIONS_GONE: '上次登记表中的意见类在本次汇总中已不存在',
  W_NO_INPUT_FILES: '所给位置下没有可读取的表格文件',
  W_COLUMN_DOUBT: '引导模式：某张表的列映射需要人确认（列是猜的、两列相争、内容与字段不符）',
  W_CLUSTER_THREAD: '意见归类的第二线程出错，已在主线程归类完毕（结果不变，只是较慢）',
  W_POINT_NAMES_ALIKE: '几个联系点名称写法不同，像是同一个联系点（可在配置文件 pointNames 中统一）',
  W_SAME_DRAFT_TWICE: '统计：两份输入是同一草案同一批意见的结果，这些意见计了两次',
  W_SAME_FILE_TWICE: '输入文件：同一个文件给了两次（或经两条路径、符号链接到达），只读取一次',
  W_OUTPUT_FOLDER_SKIPPED: '输入文件：文件夹是 yijian 以前输出的结果（有 digest.json 或 feedback.json），已跳过',
  W_BROKEN_LINK: '输入文件：断开或循环的符号链接，已跳过',
  W_NOT_REGULAR_FILE: '输入文件：不是普通文件（设备、管道或套接字），已跳过',
  W_FORMAT_SKIPPED: '输入文件：文件夹中的 WPS 表格（.et）、旧版 Word（.doc）、WPS 或 OpenDocument 文字文档（.odt）、文本或 PDF 文件不能直接读取，已跳过（说明如何另存）',
  W_OWN_REPORT_SKIPPED: '输入文件：yijian 生成的报告，不是意见表，已跳过',
  W_MERGED_WITH_SOURCES: '输入文件：合并表的来源文件本次也在读取，合并表已跳过，以免重复计数',
  W_MERGED_RECORDS_ONLY: '合并表只读取“意见汇总”工作表（“问题行”“核对”是合并时的核对记录）',
  W_SUMMARY_SHEET_SKIPPED: '工作表的意见都在同一工作簿的其他工作表中（汇总表或副本），未重复读取',
  W_WORD_NOT_OPINIONS: '输入文件：Word 文档是草案文本或通知、说明，不是意见，已跳过',
  W_WORD_DOCUMENT: '从 Word 文档读取：表格和段落从上到下各占一行（空段不计），说明行号怎样对应文档',
  W_INSTRUCTION_SHEET: '工作表是填表说明，各行记为说明行',
  W_EXAMPLE_ROWS: '表头下表格自带的填写示例行（序号“示例”、写明“此行为填写示例”）记为说明行，不作意见',
  W_COVER_SHEET: '工作表是封面（标题、报送单位、联系人、日期），各行记为说明行',
  W_POINT_FROM_OTHER_SHEET: '表中没有联系点，联系点取自同一工作簿的封面（报送单位：……）或另一工作表表头上方的联系点一行',
  W_PASTED_OPINIONS: '工作表没有表头、只有一列内容，按内容作“意见建议”列',
  W_CONTINUATION_JOINED: '只有意见一格有字的行已接到上一行的意见后面（续行）',
  W_ARTICLE_QUESTIONS: '按条设问的列（如“您对第十条有何意见？”）：每格回答作一条意见，条款取自表头',
  W_LABELLED_CELLS: '意见一格写成“条款：… 意见：… 理由：…”的，各部分分别读作条款、意见、修改建议和理由',
  W_DITTO_FILLED: '条款或意见一格写“同上”“〃”的，取上一条意见的条款或意见',
  W_NO_OPINION_ANSWERS: '意见一格写的是“无”“暂无意见”“没有”等的行记为说明行，不作意见',
  W_CHAT_SPEAKERS: '粘贴的聊天记录中，发言人和时间行记为说明行，其下的意见记在此人名下、记为此时间',
  W_TABLES_IN_SHEET: '一张工作表里上下有几张表，各按自己的表头读取',
  W_HTML_IN_CELLS: '意见等单元格带有网页格式标记（段落、换行、空格符号），已按其显示的文字读取',
  W_SUBTITLE_ROWS: '分段标题行记为说明行（其下各行的联系点可取自标题）',
  W_POINT_FROM_SHEET_NAME: '工作簿的各工作表以联系点命名，各表意见的联系点取自工作表名',
  W_CELLS_SPLIT: '一格内的多条编号意见已拆为多条（--no-split 不拆）',
  W_DATE_FROM_SERIAL: '“日期”一格是未设日期格式的 Excel 日期序号（如 45424），已读作日期',
  W_OPINION_FROM_OTHER_CELL: '意见格为空的行，以同一行“修改建议”或“理由”的内容作意见',
  W_COLUMNS_COMPETE: '两列都像同一字段，取了其中一列',
  W_OPINION_COLUMN_UNFIT: '表头像“意见建议”的列内容不像意见，未作意见列',
  W_COLUMN_FROM_CONTENT: '按内容认出列：多为条款序号的作“条款”列，表头像“提出人”而多为电话号码的作“联系方式”列',
  W_OPINION_FROM_CONTENT: '没有以“意见建议”为题的列，按内容（成段的意见）认出意见列',
  W_COLUMN_FROM_OTHER_WORD: '列没有取作表头首词的字段，按表头中的另一词对应字段',
  W_MERGED_CELLS_SPREAD: '登记表：合并单元格的内容已用于所覆盖的各行',
  W_HIDDEN_SHEET_SKIPPED: '登记表：隐藏的工作表未读取，采用可见的工作表',
  W_HIDDEN_SHEET_READ: '登记表：只在隐藏的工作表中找到登记内容，已读取，请确认',
  W_CONTROL_CHARACTERS: '文件中有控制字符，已去除',
  W_HIDDEN_ROWS_READ: '工作表中有隐藏（或被筛选掉）的行，已照常读取，请确认是否应报送',
  W_HIDDEN_SHEET_OPINIONS: '隐藏的工作表中有意见，已照常读取，请确认是否应报送（如上次报送的旧表）',
  W_HIDDEN_LIST_SHEET: '隐藏的工作表没有表头（多为下拉列表的选项），各行记为说明行',
  W_HIDDEN_COLUMN_READ: '读取的某一列在表格中是隐藏的，已照常读取，请确认',
  W_CONTACT_IN_UNREAD_COLUMN: '没有读取的列（如备注）里写有电话、邮箱或账号，表中又没有联系方式一栏',
  W_MIXED_ENCODING: '文件中 UTF-8 与 GBK 编码的行混杂，已逐行识别',
};

/** A message as the CLI prints it: the Chinese words, then the code in brackets, the one place this is written. */
export function withCode(code: Code, message: string): string {
  return `${message} [${code}]`;
}
