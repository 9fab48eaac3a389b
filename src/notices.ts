/**
 * Reading notices: what yijian decided on its own while reading (a column taken by its content, a sheet of
 * 填表说明 left out, a merged cell spread over its rows…), as typed values made where each is found. One
 * code per kind (codes.ts NOTICE_CODES), the place as data (location.ts), and the Chinese words made from
 * the value here only, so tests and scripts match `[W_COLUMN_FROM_CONTENT]` and people read the sentence.
 */
import { FIELD_HEADERS, type Field } from './model.js';
import type { NoticeCode } from './codes.js';
import { atPlace, cellWords, columnWords, headedColumnWords, rowColumnWords, rowListWords, rowNumbersWords, rowWords, sheetWords, type FileLocation, type SheetLocation } from './location.js';

/** A column as a notice names it: its letter and its header as the sheet has it. */
export interface ColumnRef {
  column: string;
  header: string;
}

/** Notices about the inputs as given: files and folders left out before anything is read. */
export type InputNotice =
  /** The same file named twice, or reached by two paths (a.csv and ./a.csv, a link to it); `first` is the path kept. */
  | { code: 'W_SAME_FILE_TWICE'; location: FileLocation; first: string }
  /** A folder an earlier run wrote its results to (it holds `marker`, digest.json or feedback.json). */
  | { code: 'W_OUTPUT_FOLDER_SKIPPED'; location: FileLocation; marker: string }
  | { code: 'W_BROKEN_LINK'; location: FileLocation }
  /** A device, pipe or socket with a table's extension. */
  | { code: 'W_NOT_REGULAR_FILE'; location: FileLocation }
  /** A file in a folder that a point may well have sent its opinions in, in a format yijian does not read (`format`: et, docx, txt …). */
  | { code: 'W_FORMAT_SKIPPED'; location: FileLocation; format: SkippedFormat };

/** What a skipped file is, by its extension: each has its own way to a readable table. */
export type SkippedFormat = 'et' | 'numbers' | 'word' | 'wps' | 'odt' | 'text' | 'pdf';

/** Notices about a file yijian itself wrote, found among the inputs. */
export type OwnOutputNotice =
  /** A report (登记表, 对照表, 统计): never submissions. */
  | { code: 'W_OWN_REPORT_SKIPPED'; location: FileLocation }
  /** A merged workbook whose source files are read in the same run (`sources`, as the inputs name them). */
  | { code: 'W_MERGED_WITH_SOURCES'; location: FileLocation; sources: string[] }
  /** A sheet whose `records` opinions are all on other sheets of its workbook (`within`): a 汇总 over them, read once. */
  | { code: 'W_SUMMARY_SHEET_SKIPPED'; location: SheetLocation; records: number; within: string[] }
  /** A merged workbook read alone: only its 意见汇总 sheet holds opinions. */
  | { code: 'W_MERGED_RECORDS_ONLY'; location: FileLocation; records: string; others: string[] }
  /** A Word document that is the draft's text (`articles` paragraphs begin like an article) or a notice (`title`): no opinions. */
  | { code: 'W_WORD_NOT_OPINIONS'; location: FileLocation; kind: 'draft'; articles: number }
  | { code: 'W_WORD_NOT_OPINIONS'; location: FileLocation; kind: 'notice'; title: string };

/** Notices about one sheet's layout: rows that are not opinions, cells split, a table without a header. */
export type LayoutNotice =
  /** A Word document read as one sheet: where its tables are (rows, 1-based) and how many paragraphs are rows. */
  | { code: 'W_WORD_DOCUMENT'; location: SheetLocation; tables: { firstRow: number; lastRow: number }[]; paragraphs: number }
  /** A 填表说明 sheet: `rows` lines kept as 说明行, none an opinion. */
  | { code: 'W_INSTRUCTION_SHEET'; location: SheetLocation; rows: number }
  /** A cover sheet (封面): `rows` lines kept as 说明行; `point` the 报送单位 it names, given to the other sheets. */
  | { code: 'W_COVER_SHEET'; location: SheetLocation; rows: number; point: string | null }
  /**
   * A sheet that names no point, its `records` opinions given the point named on sheet `from` of the same workbook:
   * its cover (`kind` cover: 报送单位：…), or the line above another sheet's header (`kind` title).
   */
  | { code: 'W_POINT_FROM_OTHER_SHEET'; location: SheetLocation; point: string; from: string; kind: 'cover' | 'title'; records: number }
  /** The template's example rows under the header (序号 示例, 此行为填写示例): 说明行, not opinions. */
  | { code: 'W_EXAMPLE_ROWS'; location: SheetLocation; rows: number[] }
  /** A hidden sheet with no header, of short values (a drop-down list's options): `rows` lines kept as 说明行. */
  | { code: 'W_HIDDEN_LIST_SHEET'; location: SheetLocation; rows: number }
  /** No header, one column of opinions; `titleRows` lines above them are a title; `mapSpec` the --map that would say otherwise. */
  | { code: 'W_PASTED_OPINIONS'; location: SheetLocation & { column: string }; titleRows: number; mapSpec: string }
  /** Cells of opinions, 修改建议 or 理由 holding web markup (<p>, <br/>, &nbsp;), read as the text it shows. */
  | { code: 'W_HTML_IN_CELLS'; location: SheetLocation; rows: number[] }
  /** Two tables or more one below the other in one sheet, each read by its own header: row, records, opinion column. */
  | { code: 'W_TABLES_IN_SHEET'; location: SheetLocation; tables: { headerRow: number; records: number; opinion: string }[] }
  /** A chat log pasted as one column: `rows` name who wrote the messages below them and when (kept as 说明行). */
  | { code: 'W_CHAT_SPEAKERS'; location: SheetLocation; rows: number[]; inline: number[] }
  /** Rows where only the opinion cell is filled, joined onto the opinion above. */
  | { code: 'W_CONTINUATION_JOINED'; location: SheetLocation; rows: number[] }
  /** Sub-title rows (一、万寿路街道立法联系点); `points` the 联系点 taken from them for the rows below. */
  | { code: 'W_SUBTITLE_ROWS'; location: SheetLocation; rows: number[]; points: string[] }
  /** Columns asking about one article each; `rows` rows gave `records` opinions from them (and the general 意见 column). */
  | { code: 'W_ARTICLE_QUESTIONS'; location: SheetLocation; columns: { column: ColumnRef; article: string }[]; rows: number; records: number }
  /** Opinion cells written as 条款：… 意见：… 理由：…, their parts read into their fields. */
  | { code: 'W_LABELLED_CELLS'; location: SheetLocation; rows: number[] }
  /** 同上 / 〃 cells filled from the record above (`from`: its row). */
  | { code: 'W_DITTO_FILLED'; location: SheetLocation; rows: { row: number; field: 'article' | 'opinion'; from: number }[] }
  /** Rows whose opinion cell says only that there is none (`examples`: up to three of the answers as written). */
  | { code: 'W_NO_OPINION_ANSWERS'; location: SheetLocation; rows: number[]; examples: string[] }
  /** The sheet is named after a point (its workbook's sheets are named by point): `records` of its opinions are that point's. */
  | { code: 'W_POINT_FROM_SHEET_NAME'; location: SheetLocation; point: string; records: number }
  /** Cells holding several numbered opinions, split into `parts` records each. */
  | { code: 'W_CELLS_SPLIT'; location: SheetLocation; rows: { row: number; parts: number }[] }
  /** Columns hidden in Excel that were mapped to a field and hold something: read like the others, and said. */
  | { code: 'W_HIDDEN_COLUMN_READ'; location: SheetLocation; columns: { column: ColumnRef; field: Field }[] }
  /**
   * A column no field is read from (备注) holding phone numbers, e-mail addresses or accounts on opinion rows, on a
   * sheet without a 联系方式 column: what staff would call the person back with is not in the merged workbook.
   */
  | { code: 'W_CONTACT_IN_UNREAD_COLUMN'; location: SheetLocation; column: ColumnRef; rows: number[]; mapSpec: string }
  /** 日期 cells holding an Excel serial day number without a date format (45424), read as the date it is. */
  | { code: 'W_DATE_FROM_SERIAL'; location: SheetLocation; rows: number[]; example: { serial: string; date: string } }
  /** Rows whose 意见 cell is empty: the opinion was taken from the same row's 修改建议 or 理由 cell (`column`). */
  | { code: 'W_OPINION_FROM_OTHER_CELL'; location: SheetLocation; rows: { row: number; field: 'suggestion' | 'reason'; column: ColumnRef }[] };

/** Notices about how a sheet's columns were mapped, where the tool chose between readings. */
export type ColumnNotice =
  /**
   * Two or more columns headed like one field: `winner` took it. `byContent` when the content overruled the
   * header (the header's pick is `others[0]`), with the mean lengths, or the filled cells (`filled`), that decided.
   */
  | {
      code: 'W_COLUMNS_COMPETE';
      location: SheetLocation & { column: string };
      field: Field;
      winner: ColumnRef;
      others: ColumnRef[];
      byContent: { winnerMean: number; headerPickMean: number; filled?: { winner: number; headerPick: number } } | null;
    }
  /** A column headed like the opinion column whose content cannot be opinions (`unfit`: 条款序号（如“第八十条”）). */
  | {
      code: 'W_OPINION_COLUMN_UNFIT';
      location: SheetLocation & { column: string };
      from: ColumnRef;
      unfit: string;
      movedToArticle: boolean;
      replacement: ColumnRef | null;
    }
  /** A column nobody headed as the article column, taken for it because its cells are citations (第八十条). */
  | { code: 'W_COLUMN_FROM_CONTENT'; location: SheetLocation & { column: string }; column: ColumnRef; field: 'article' | 'contact' }
  /** No column headed as the opinion column; one whose header speaks of opinions holds paragraphs (`previous`: the field its header gave it). */
  | { code: 'W_OPINION_FROM_CONTENT'; location: SheetLocation & { column: string }; column: ColumnRef; meanLength: number; previous: Field | null }
  /** A column that lost `lost` to another keeps `field`, a later word of its header (修改意见及理由 → 理由). */
  | { code: 'W_COLUMN_FROM_OTHER_WORD'; location: SheetLocation & { column: string }; column: ColumnRef; lost: Field; field: Field };

/** Notices of reading a filled 采纳情况登记表. */
export type DecisionSheetNotice =
  /** A merged range (`range`, G2:G6) in a decision column: its `value` is used for the `rows` rows it covers. */
  | { code: 'W_MERGED_CELLS_SPREAD'; location: SheetLocation & { row: number; column: string }; range: string; value: string; rows: number }
  /** A hidden sheet left out since visible ones of its kind (`visible`) have the decision columns. */
  | { code: 'W_HIDDEN_SHEET_SKIPPED'; location: SheetLocation; visible: string[] }
  /** Only a hidden sheet has them: read, and said, so a person checks it is the version meant. */
  | { code: 'W_HIDDEN_SHEET_READ'; location: SheetLocation; perOpinion: boolean };

/**
 * Notices of the file reader: text it changed or decoded on its own while reading a file, kept as read and
 * worth a look. They name their own place, and are shown as a problem of their sheet (提示 on stderr even with
 * --quiet, under the sheet in inspect and in digest.json's files[].problems, counted by --strict), since each
 * asks a person to check the text of the cells or lines it names.
 */
export type ReaderNotice =
  /** Control characters (U+0001, U+0008 …) removed at intake from `cells`, `count` characters in all. */
  | { code: 'W_CONTROL_CHARACTERS'; location: SheetLocation; cells: { row: number; column: string }[]; count: number }
  /** A CSV whose lines mix UTF-8 and GBK, each line decoded in its own: `gbkLines` as GBK, `utf8Lines` as UTF-8 (1-based, by line feed). */
  | { code: 'W_MIXED_ENCODING'; location: SheetLocation; gbkLines: number[]; utf8Lines: number[] }
  /** Rows with content that Excel does not show (hidden by hand or filtered out), read like the others. */
  | { code: 'W_HIDDEN_ROWS_READ'; location: SheetLocation; rows: number[] }
  /** A sheet the workbook hides, whose `records` opinions were read like the others' (made by ingest, not by the file reader). */
  | { code: 'W_HIDDEN_SHEET_OPINIONS'; location: SheetLocation; records: number };

/** A reader notice as the file reader makes it, before the file has its display name: on `sheet`, or without it every sheet of the file. */
export type ReaderFinding = ReaderNotice extends infer N ? (N extends ReaderNotice ? Omit<N, 'location'> & { sheet?: string } : never) : never;

/** A finding of the file reader placed on its file and sheet. */
export function readerNotice(finding: ReaderFinding, file: string, sheet: string): ReaderNotice {
  const location = { file, sheet };
  switch (finding.code) {
    case 'W_CONTROL_CHARACTERS':
      return { code: finding.code, location, cells: finding.cells, count: finding.count };
    case 'W_MIXED_ENCODING':
      return { code: finding.code, location, gbkLines: finding.gbkLines, utf8Lines: finding.utf8Lines };
    case 'W_HIDDEN_ROWS_READ':
      return { code: finding.code, location, rows: finding.rows };
    case 'W_HIDDEN_SHEET_OPINIONS':
      return { code: finding.code, location, records: finding.records };
  }
}

/** Every notice raised while reading one sheet (layout and columns). */
export type SheetNotice = LayoutNotice | ColumnNotice;

/** Every reading notice. */
export type Notice = InputNotice | OwnOutputNotice | SheetNotice | DecisionSheetNotice | ReaderNotice;

/**
 * Where each kind is shown: `sheet`, under its sheet (inspect) or after 文件 … 工作表“…”： (the terminal); `own`,
 * a sentence naming its own place. A Record, so that every code of codes.ts has a kind here.
 */
const SHOWN: Readonly<Record<NoticeCode, 'sheet' | 'own'>> = {
  W_SAME_FILE_TWICE: 'own',
  W_OUTPUT_FOLDER_SKIPPED: 'own',
  W_BROKEN_LINK: 'own',
  W_NOT_REGULAR_FILE: 'own',
  W_FORMAT_SKIPPED: 'own',
  W_OWN_REPORT_SKIPPED: 'own',
  W_MERGED_WITH_SOURCES: 'own',
  W_MERGED_RECORDS_ONLY: 'own',
  W_SUMMARY_SHEET_SKIPPED: 'own',
  W_WORD_NOT_OPINIONS: 'own',
  W_WORD_DOCUMENT: 'sheet',
  W_INSTRUCTION_SHEET: 'sheet',
  W_HIDDEN_LIST_SHEET: 'sheet',
  W_EXAMPLE_ROWS: 'sheet',
  W_COVER_SHEET: 'sheet',
  W_POINT_FROM_OTHER_SHEET: 'sheet',
  W_PASTED_OPINIONS: 'sheet',
  W_CONTINUATION_JOINED: 'sheet',
  W_CHAT_SPEAKERS: 'sheet',
  W_TABLES_IN_SHEET: 'sheet',
  W_HTML_IN_CELLS: 'sheet',
  W_HIDDEN_COLUMN_READ: 'sheet',
  W_CONTACT_IN_UNREAD_COLUMN: 'sheet',
  W_DATE_FROM_SERIAL: 'sheet',
  W_SUBTITLE_ROWS: 'sheet',
  W_NO_OPINION_ANSWERS: 'sheet',
  W_DITTO_FILLED: 'sheet',
  W_LABELLED_CELLS: 'sheet',
  W_ARTICLE_QUESTIONS: 'sheet',
  W_POINT_FROM_SHEET_NAME: 'sheet',
  W_CELLS_SPLIT: 'sheet',
  W_OPINION_FROM_OTHER_CELL: 'sheet',
  W_COLUMNS_COMPETE: 'sheet',
  W_OPINION_COLUMN_UNFIT: 'sheet',
  W_COLUMN_FROM_CONTENT: 'sheet',
  W_OPINION_FROM_CONTENT: 'sheet',
  W_COLUMN_FROM_OTHER_WORD: 'sheet',
  W_MERGED_CELLS_SPREAD: 'own',
  W_HIDDEN_SHEET_SKIPPED: 'own',
  W_HIDDEN_SHEET_READ: 'own',
  W_CONTROL_CHARACTERS: 'own',
  W_HIDDEN_ROWS_READ: 'own',
  W_HIDDEN_SHEET_OPINIONS: 'own',
  W_MIXED_ENCODING: 'own',
};

/** A notice about one sheet of the submissions: shown under that sheet, its place said by the heading or prefix. */
export function isSheetNotice(notice: Notice): notice is SheetNotice {
  return SHOWN[notice.code] === 'sheet';
}

/** A notice the reader raised about `sheet` of `file`. */
export function noticesOf(notices: readonly Notice[], file: string, sheet: string): SheetNotice[] {
  return notices.filter((notice): notice is SheetNotice => isSheetNotice(notice) && notice.location.file === file && notice.location.sheet === sheet);
}

/** What each skipped format is and how to make it readable. */
const SKIPPED_FORMAT_WORDS: Readonly<Record<SkippedFormat, string>> = {
  et: '是 WPS 表格文件（.et），不能直接读取，已跳过；请用 WPS 打开后“另存为”Excel 工作簿（.xlsx）再读取。',
  numbers: '是 Numbers 表格，不能直接读取，已跳过；请导出为 Excel 工作簿（.xlsx）再读取。',
  word: '是旧版 Word 文档（.doc），不能直接读取，已跳过；请用 Word 或 WPS 打开后“另存为”Word 文档（.docx）再读取。',
  wps: '是 WPS 文字文档，不能直接读取，已跳过；请用 WPS 打开后“另存为”Word 文档（.docx）再读取。',
  odt: '是 OpenDocument 文字文档（.odt），不能直接读取，已跳过；请用 WPS 或 LibreOffice 打开后“另存为”Word 文档（.docx）再读取。',
  text: '是文本文件（.txt），已跳过；如是 Excel 另存的“Unicode 文本”或制表符分隔的表格，请把扩展名改为 .tsv 再读取。',
  pdf: '是 PDF 文件，不能读取其中的意见，已跳过；请向报送单位要原表格（.xlsx）。',
};

function columnLabel(column: ColumnRef): string {
  return headedColumnWords(column.column, column.header);
}

/**
 * The Chinese words of a notice. A sheet notice's words leave its place out (they are shown under the sheet,
 * or after {@link noticeLine}'s 文件 … 工作表“…”：); every other notice names its place in the sentence.
 */
export function noticeText(notice: Notice): string {
  switch (notice.code) {
    case 'W_SAME_FILE_TWICE':
      return notice.first === notice.location.file
        ? `${notice.location.file} 给了不止一次，只读取一次。`
        : `${notice.location.file} 与 ${notice.first} 是同一个文件，只读取一次。`;
    case 'W_OUTPUT_FOLDER_SKIPPED':
      return `文件夹 ${notice.location.file} 中有 ${notice.marker}，是 yijian 以前输出的结果，已跳过其中的文件。`;
    case 'W_BROKEN_LINK':
      return `${notice.location.file} 是断开或循环的符号链接，已跳过。`;
    case 'W_NOT_REGULAR_FILE':
      return `${notice.location.file} 不是普通文件（设备、管道或套接字），已跳过。`;
    case 'W_FORMAT_SKIPPED':
      return `${notice.location.file} ${SKIPPED_FORMAT_WORDS[notice.format]}`;
    case 'W_OWN_REPORT_SKIPPED':
      return `${notice.location.file} 是 yijian 生成的报告，不是意见表，已跳过。`;
    case 'W_MERGED_WITH_SOURCES': {
      const shown = notice.sources.slice(0, 3).join('、') + (notice.sources.length > 3 ? ` 等 ${notice.sources.length} 个文件` : '');
      return `${notice.location.file} 是 yijian merge 合并的结果，其中的意见来自本次也在读取的 ${shown}，已跳过，以免重复计数。`;
    }
    case 'W_MERGED_RECORDS_ONLY':
      return `${notice.location.file} 是 yijian merge 合并的结果：只读取其中的“${notice.records}”工作表，${notice.others.map((name) => `“${name}”`).join('')}是合并时的核对记录。`;
    case 'W_SUMMARY_SHEET_SKIPPED':
      return atPlace(
        { file: notice.location.file },
        `${sheetWords(notice.location.sheet)}的 ${notice.records} 条意见都已在本工作簿的${notice.within.map((name) => `“${name}”`).join('')}工作表中（汇总表与各分表，或副本），本表未重复读取，以免每条意见计两次；如确是另外报送的意见，请用 --sheet 单独读取。`,
      );
    case 'W_WORD_NOT_OPINIONS':
      return notice.kind === 'draft'
        ? `${notice.location.file} 是 Word 文档，看来是法规草案的条文（有 ${notice.articles} 段以“第…条”开头），不是意见，已跳过；如其中确有意见，请整理到意见表（.xlsx，可用 yijian form 生成）中再读取。`
        : `${notice.location.file} 是 Word 文档，标题为“${notice.title}”，看来是通知或说明，不是意见，已跳过；如其中确有意见，请整理到意见表（.xlsx，可用 yijian form 生成）中再读取。`;
    case 'W_WORD_DOCUMENT': {
      const tables = notice.tables.map((t) => `第 ${t.firstRow}–${t.lastRow} 行`);
      const where = tables.length === 0 ? '文中没有表格' : `文中 ${tables.length} 个表格在${tables.join('、')}`;
      const paragraphs = notice.paragraphs === 0 ? '' : tables.length === 0 ? `，${notice.paragraphs} 个段落各占一行` : `，表格外的 ${notice.paragraphs} 个段落各占一行`;
      return `本表取自 Word 文档：${where}${paragraphs}；行号从上到下计数，空段不计。`;
    }
    case 'W_INSTRUCTION_SHEET':
      return `本表是填表说明，${notice.rows} 行记为说明行，不作意见。`;
    case 'W_COVER_SHEET':
      return `本表是封面（标题、报送单位、联系人、日期等），${notice.rows} 行记为说明行，不作意见` +
        (notice.point === null ? '。' : `；其中的联系点“${notice.point}”用于本工作簿中没有写明联系点的工作表。`);
    case 'W_POINT_FROM_OTHER_SHEET':
      return `本表没有联系点列，联系点取自${notice.kind === 'cover' ? `工作表“${notice.from}”（封面）` : `同一工作簿工作表“${notice.from}”表头上方的一行`}：本表 ${notice.records} 条意见的联系点为“${notice.point}”；如不对，请用 --point 或配置文件 points 指定。`;
    case 'W_EXAMPLE_ROWS':
      return `${rowListWords(notice.rows)}是表格自带的填写示例（序号写“示例”，或写明“此行为填写示例”），记为说明行，不作意见；如是真实意见，请删去“示例”字样后再读取。`;
    case 'W_HIDDEN_LIST_SHEET':
      return `本表在工作簿中是隐藏的，没有表头，只有简短的选项（多为下拉列表的数据源），${notice.rows} 行记为说明行，不作意见。`;
    case 'W_PASTED_OPINIONS': {
      const title = notice.titleRows === 0 ? '' : `，第 ${notice.titleRows === 1 ? '1' : `1–${notice.titleRows}`} 行作标题（说明行）`;
      return `没有找到表头：本表只有 ${columnWords(notice.location.column)}有内容，按内容作“${FIELD_HEADERS.opinion}”列${title}；如不对，请用 ${notice.mapSpec} 指定。`;
    }
    case 'W_HIDDEN_COLUMN_READ':
      return `${notice.columns.map((c) => `${columnLabel(c.column)}`).join('、')}在表格中是隐藏的，已照常读取（作${notice.columns.map((c) => `“${FIELD_HEADERS[c.field]}”`).join('、')}）；请打开原表确认这一列是否应报送。`;
    case 'W_CONTACT_IN_UNREAD_COLUMN':
      return `${columnLabel(notice.column)}没有读取，但${rowListWords(notice.rows)}在这一列写有电话、邮箱或账号，本表又没有“${FIELD_HEADERS.contact}”一栏，合并后的表中没有这些联系方式；如要读作联系方式，请用 ${notice.mapSpec} 指定。`;
    case 'W_DATE_FROM_SERIAL':
      return `${rowListWords(notice.rows)}“日期”一格是数字（如 ${notice.example.serial}），是没有设日期格式的 Excel 日期，已读作日期（${notice.example.serial} 即 ${notice.example.date}）；请核对。`;
    case 'W_HTML_IN_CELLS':
      return `${rowListWords(notice.rows)}的意见（或修改建议、理由）带有网页格式（如 <p>、<br/>、&nbsp;），已按其显示的文字读取：换行处分行，格式标记去掉。`;
    case 'W_TABLES_IN_SHEET':
      return `本表上下有 ${notice.tables.length} 张表，各按自己的表头读取：${notice.tables.map((t) => `第 ${t.headerRow} 行表头下 ${t.records} 条（意见取自${t.opinion}）`).join('，')}；请核对。`;
    case 'W_CHAT_SPEAKERS': {
      const lines = notice.rows.length === 0 ? [] : [`${rowListWords(notice.rows)}是聊天记录的发言人和时间（如“张阿姨 2024-05-20 10:23”），记为说明行，其下各条意见的提出人、日期取自这一行`];
      if (notice.inline.length > 0) lines.push(`${rowListWords(notice.inline)}冒号前是发言人的姓名（如“赵某：……”），作这一条意见的提出人`);
      return `${lines.join('；')}；请核对。`;
    }
    case 'W_CONTINUATION_JOINED':
      return `${rowListWords(notice.rows)}只有意见一格有字，是上一行意见的续行（上一行没有写完，或写明“续”“接上”），已接到上一行的意见后面（记为说明行）。`;
    case 'W_SUBTITLE_ROWS':
      return `${rowListWords(notice.rows)}是分段标题，记为说明行` +
        (notice.points.length > 0 ? `；其下各行的联系点取自分段标题（${notice.points.join('、')}）。` : '。');
    case 'W_ARTICLE_QUESTIONS': {
      const shown = notice.columns.map((c) => `${columnLabel(c.column)}（${c.article}）`).join('、');
      return `本表按条设问：${shown}每格的回答各作一条意见，条款取自表头；${notice.rows} 行共读出 ${notice.records} 条，一行有几格回答的记为该行第 1 条、第 2 条……；请核对。`;
    }
    case 'W_LABELLED_CELLS':
      return `${rowListWords(notice.rows)}的意见一格写成“条款：…… 意见：…… 理由：……”，各部分已分别读作条款、意见、修改建议和理由（本行这几栏原有内容的，以原有内容为准）；请核对。`;
    case 'W_DITTO_FILLED': {
      const shown = notice.rows.slice(0, 5).map((d) => `${rowWords(d.row)}的${d.field === 'article' ? '条款' : '意见'}取自${rowWords(d.from)}`).join('，');
      return `${notice.rows.length} 处写的是“同上”（或“〃”），已取上一条意见的条款或意见（${shown}${notice.rows.length > 5 ? '……' : ''}）；意见写“同上”的，作与上一条相同的意见计入；请核对。`;
    }
    case 'W_NO_OPINION_ANSWERS':
      return `${rowListWords(notice.rows)}的意见一格只写了${notice.examples.map((e) => `“${e}”`).join('')}${notice.examples.length < notice.rows.length ? '等' : ''}，表示没有意见，记为说明行，不作意见（共 ${notice.rows.length} 行）。`;
    case 'W_POINT_FROM_SHEET_NAME':
      return `本表没有联系点列，工作簿的工作表按联系点命名：本表 ${notice.records} 条意见的联系点取自工作表名“${notice.point}”；如不对，请用 --point 或配置文件 points 指定。`;
    case 'W_CELLS_SPLIT': {
      const shown = notice.rows.slice(0, 5).map((split) => `${rowWords(split.row)} ${split.parts} 条`).join('，');
      const parts = notice.rows.reduce((sum, split) => sum + split.parts, 0);
      return `${notice.rows.length} 行的意见格内有多条编号意见，已拆为 ${parts} 条（${shown}${notice.rows.length > 5 ? '……' : ''}）；不想拆分可加 --no-split。`;
    }
    case 'W_OPINION_FROM_OTHER_CELL': {
      const shown = notice.rows.slice(0, 5).map((r) => `${rowWords(r.row)}取自 ${columnLabel(r.column)}`).join('，');
      return `${notice.rows.length} 行的“${FIELD_HEADERS.opinion}”格为空，但同一行的“${FIELD_HEADERS.suggestion}”或“${FIELD_HEADERS.reason}”有内容，已作为意见（${shown}${notice.rows.length > 5 ? '……' : ''}）；请核对。`;
    }
    case 'W_COLUMNS_COMPETE': {
      const header = notice.others[0]?.header ?? '';
      const why = notice.byContent === null
        ? '表头更贴近'
        : notice.byContent.filled !== undefined
        ? `按内容：${columnWords(notice.winner.column)} ${notice.byContent.filled.winner} 格有字，${columnWords(notice.others[0]?.column ?? '')}只有 ${notice.byContent.filled.headerPick} 格有字；“${header}”的表头更贴近`
        : `按内容：${columnWords(notice.winner.column)}平均 ${notice.byContent.winnerMean} 字，${columnWords(notice.others[0]?.column ?? '')}平均 ${notice.byContent.headerPickMean} 字；“${header}”的表头更贴近`;
      const field = FIELD_HEADERS[notice.field];
      return `${columnLabel(notice.winner)}与 ${notice.others.map(columnLabel).join('、')}都像“${field}”列，取 ${columnWords(notice.winner.column)}（${why}）；如不对，请用 --map ${field}=<列> 指定。`;
    }
    case 'W_OPINION_COLUMN_UNFIT':
      return `${columnLabel(notice.from)}的表头像“${FIELD_HEADERS.opinion}”，但内容多为${notice.unfit}，${notice.movedToArticle ? `改作“${FIELD_HEADERS.article}”列` : '不作意见列'}` +
        (notice.replacement === null ? '。' : `；意见取自 ${columnLabel(notice.replacement)}。`);
    case 'W_COLUMN_FROM_CONTENT':
      return `${columnLabel(notice.column)}的内容多为${notice.field === 'article' ? '条款序号' : '电话号码'}，按内容作“${FIELD_HEADERS[notice.field]}”列。`;
    case 'W_OPINION_FROM_CONTENT':
      return `本表没有以“${FIELD_HEADERS.opinion}”为题的列；${columnLabel(notice.column)}的内容是成段的意见（平均 ${notice.meanLength} 字），` +
        `作“${FIELD_HEADERS.opinion}”列${notice.previous === null ? '' : `（按表头本应是“${FIELD_HEADERS[notice.previous]}”列）`}；如不对，请用 --map 指定。`;
    case 'W_COLUMN_FROM_OTHER_WORD':
      return `${columnLabel(notice.column)}没有取作“${FIELD_HEADERS[notice.lost]}”列，按表头中的另一词作“${FIELD_HEADERS[notice.field]}”列。`;
    case 'W_MERGED_CELLS_SPREAD':
      return `${cellWords(notice.location.file, notice.location.sheet, notice.range)} 是合并单元格，其中的“${notice.value}”用于所覆盖的 ${notice.rows} 行`;
    case 'W_HIDDEN_SHEET_SKIPPED':
      return atPlace({ file: notice.location.file }, `${sheetWords(notice.location.sheet)}是隐藏的，未读取；采用可见的工作表“${notice.visible.join('”“')}”`);
    case 'W_HIDDEN_SHEET_READ':
      return atPlace({ file: notice.location.file }, `只在隐藏的${sheetWords(notice.location.sheet)}中找到${notice.perOpinion ? '单条意见' : '采纳情况'}，已读取，请确认这是要用的版本`);
    case 'W_CONTROL_CHARACTERS': {
      const cells = notice.cells;
      const shown = cells.slice(0, 5).map((cell) => rowColumnWords(cell.row, cell.column)).join('、') + (cells.length > 5 ? ` 等 ${cells.length} 处` : '');
      return atPlace({ file: notice.location.file }, `${sheetWords(notice.location.sheet)}${shown}含不可见的控制字符（共 ${notice.count} 个），已删除；请核对这些单元格的文字。`);
    }
    case 'W_HIDDEN_ROWS_READ':
      return atPlace(
        { file: notice.location.file },
        `${sheetWords(notice.location.sheet)}${rowNumbersWords(notice.rows, 10)}在表格中是隐藏的（或被筛选掉），已照常读取；如这些行不应报送，请删除后再读取。`,
      );
    case 'W_HIDDEN_SHEET_OPINIONS':
      return atPlace(
        { file: notice.location.file },
        `${sheetWords(notice.location.sheet)}在工作簿中是隐藏的（打开文件时看不到），其中 ${notice.records} 条意见已照常读取；如是上次报送的旧表或不应报送，请删除这张表，或用 --sheet 只读取要读的工作表。`,
      );
    case 'W_MIXED_ENCODING':
      return atPlace(
        { file: notice.location.file },
        `文件中 UTF-8 与 GBK 编码的行混杂（可能由不同软件导出后拼接），已逐行识别编码：${rowNumbersWords(notice.gbkLines, 10)}按 GBK，${rowNumbersWords(notice.utf8Lines, 10)}按 UTF-8。请核对这些行的文字是否正确。`,
      );
  }
}

/** A notice as one line for the terminal: a sheet notice after its place (文件 … 工作表“…”：), the others as they are. */
export function noticeLine(notice: Notice): string {
  return isSheetNotice(notice) ? atPlace({ file: notice.location.file, sheet: notice.location.sheet }, noticeText(notice)) : noticeText(notice);
}
