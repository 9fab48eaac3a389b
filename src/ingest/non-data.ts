/**
 * Rows and sheets that are neither opinions nor problems: totals (合计, 共10条), signature and footer
 * lines (填表人：张三 审核：李四), remarks under the table (注：…), and instruction sheets (填表说明).
 * They are counted as 说明行 so that the figures still reconcile, and shown so nobody wonders where they went.
 */
import { toSimplified } from '../text/normalize.js';
import { cutText } from '../text/format.js';
import { cellText, type GridCell, type SheetGrid } from './grid.js';
import { cellKind } from './content.js';

/** What a 说明行 was taken for. */
export type NoteKind = 'total' | 'signature' | 'remark' | 'instruction' | 'header' | 'subtitle' | 'continuation' | 'title' | 'speaker' | 'media' | 'tableHeader' | 'letter' | 'noOpinion';

/** The Chinese name of each kind, for inspect. */
export const NOTE_LABELS: Readonly<Record<NoteKind, string>> = {
  total: '合计行',
  signature: '签名落款行',
  remark: '注释行',
  instruction: '填表说明',
  header: '重复的表头行',
  subtitle: '分段标题行',
  continuation: '续行',
  title: '标题行',
  speaker: '聊天记录的发言人行',
  media: '聊天记录的图片、表情等',
  tableHeader: '另一张表的表头行',
  letter: '来函的称呼、引言或结束语',
  noOpinion: '答“无意见”的行',
};

const TOTAL_CELL = /^(?:合\s*计|总\s*计|小\s*计|共\s*计|总\s*数|合计条数)\s*[:：]?\s*(?:共?\s*\d+\s*(?:条|件|项|人次?)?(?:意见(?:建议)?)?)?$|^共\s*(?:计)?\s*\d+\s*(?:条|件|项)(?:意见(?:建议)?)?[。.]?$|^(?:以上|本页|本表|上述)\s*[,，]?\s*(?:共|合计|总计|共计)\s*(?:收集|收到|汇总|整理)?\s*(?:意见(?:建议)?)?\s*[0-9一二三四五六七八九十百]+\s*(?:条|件|项)(?:意见(?:建议)?)?[。.]?$|^(?:共|合计)\s*(?:收集|收到|汇总|整理)\s*(?:意见(?:建议)?)?\s*[0-9一二三四五六七八九十百]+\s*(?:条|件|项)(?:意见(?:建议)?)?[。.]?$/u;
const FOOTER_LABEL =
  /^(?:填表人|填报人|制表人?|审核人?|审批人?|经办人|负责人|联系人|报送人|报送日期|填报日期|填表日期|制表日期|报送时间|填报时间|联系电话|单位盖章|盖章|签字|签名|单位负责人|部门负责人|分管领导|主要负责人|报送单位|填报单位)\s*[（(]?[^：:]{0,6}[)）]?\s*[:：]/u;
const REMARK_START = /^(?:注|备注|说明|附注|填表说明|注意)\s*[:：]|^注[1-9一二三]?[.、:：]|^[（(]?以下(?:空白|无正文)[)）]?$|^此页无正文|^[-—–_＿\s]+以下(?:空白|无正文)[-—–_＿\s]*$|^[（(【[]\s*完\s*[)）】\]]$/u;
const INSTRUCTION_SHEET = /说明|须知|填表要求|填报要求|使用方法|示例|样表/u;

/**
 * The kind of note a data row is, or null for a data row. `opinionText` is the row's opinion cell, which
 * must be empty or itself the note (a 合计 written into the opinion column is still a 合计).
 */
export function noteKind(cells: readonly GridCell[], opinionText: string | null): NoteKind | null {
  const raw = cells.map((cell) => cellText(cell).replace(/\u0000/gu, '').trim()).filter((text) => text !== '');
  if (raw.length === 0 || raw.length > 4) return null;
  // 合計, 填表人, 審核 from a traditional-character sheet: only short rows get here, so converting is cheap.
  const texts = raw.map(simplifiedShort);
  const first = texts[0] ?? '';
  const opinion = simplifiedShort((opinionText ?? '').trim());
  const opinionIsNote = (test: (text: string) => boolean): boolean => opinion === '' || test(opinion);
  if (texts.some((text) => TOTAL_CELL.test(text)) && opinionIsNote((t) => TOTAL_CELL.test(t) || /^\d+\s*(?:条|件|项)?$/u.test(t))) return 'total';
  if (FOOTER_LABEL.test(first) && opinionIsNote((t) => FOOTER_LABEL.test(t) || t === first)) return 'signature';
  if (REMARK_START.test(first) && opinionIsNote((t) => t === first || REMARK_START.test(t))) return 'remark';
  // A date alone on its row is the date under the signature (落款日期), wherever it was typed.
  if (texts.length === 1 && cellKind(first) === 'date') return 'signature';
  return null;
}

/**
 * True when the sheet is an instruction sheet (填表说明) rather than a table: its name says so, or its first
 * cell does, and no header was found in it.
 */
export function isInstructionSheet(grid: SheetGrid): boolean {
  if (INSTRUCTION_SHEET.test(toSimplified(grid.name))) return true;
  const first = grid.rows.find((row) => row.some((cell) => cellText(cell).trim() !== ''));
  const text = first?.map((cell) => cellText(cell).trim()).find((t) => t !== '') ?? '';
  return /^(?:填表说明|填报说明|说明|使用说明|填写说明)\s*[:：]?/u.test(simplifiedShort(text));
}

/** A 序号 cell that marks the template's example row: 示例, 例, （样例）, 填写示例：. */
const EXAMPLE_SEQ = /^[（(【[]?\s*(?:填写|填表)?(?:示例|样例|范例|例子|示范|例)\s*[）)】\]]?\s*[:：]?\s*\d*$/u;
/** Words in a cell that say the row is the example: （填写示例）, 此行为示例, 示例行请勿删除. */
const EXAMPLE_WORDS = /(?:此行|本行)(?:为|是)?(?:填写|填表)?(?:示例|样例|范例)|[（(【[]\s*(?:填写|填表)?(?:示例|样例|范例)\s*[）)】\]]|示例行|^\s*(?:填写|填表)?示例\s*[:：]/u;

/**
 * True when a data row is the example a template ships with (序号 示例, or a cell saying 此行为填写示例): the form's
 * instructions, not an opinion of 张三's. Only the rows just under the header are looked at (FIRST_EXAMPLE_ROWS).
 */
export function isExampleRow(cells: readonly GridCell[], seqColumn: number | undefined): boolean {
  const seq = seqColumn === undefined ? '' : simplifiedShort(cellText(cells[seqColumn]).trim());
  if (seq !== '' && EXAMPLE_SEQ.test(seq)) return true;
  return cells.some((cell) => EXAMPLE_WORDS.test(simplifiedShort(cellText(cell))));
}

/** How many rows under the header may be a template's example rows. */
export const FIRST_EXAMPLE_ROWS = 3;

/** A cover sheet's name: 封面, 首页, 报送单 …. */
const COVER_SHEET = /^(?:封面|首页|封皮|报送单|报送表|基本信息|基本情况)$/u;
/** A line of a cover: a label a cover has and its value (报送单位：…, 联系人：…, 报送日期：…); a chat's 张阿姨：… is none. */
const COVER_LABEL = /^(?:报送单位|填报单位|报送部门|单位名称|单位|基层立法联系点|立法联系点|联系点(?:名称)?|所属区县|县\s*[（(]\s*市\s*[、,，]\s*区\s*[)）]|联系人|联系电话|电话|手机|邮箱|电子邮箱|报送日期|填报日期|报送时间|日期|负责人|审核人?|填表人|填报人|经办人|草案名称|法规名称|征求意见稿|意见条数|意见数量|收集意见|参与人数|座谈会?时间|座谈会?地点|活动时间|活动地点|征集时间|征集方式)\s*(?:[（(][^）)]{0,6}[)）])?\s*[:：]/u;
/** Longest line of a cover: a longer one is text, not a label and its value. */
const COVER_LINE_LENGTH = 60;
/** Most lines a cover has. */
const COVER_LINES = 15;

/**
 * True when the sheet is a cover (封面) before the table: a title and labelled lines only — 报送单位：…, 联系人：…,
 * 报送日期：… — at most COVER_LINES of them, at most three cells a line; or it is named so and has no table. Its
 * 报送单位 names the point of the workbook's other sheets (point.ts pointFromTitleLines reads it).
 */
export function isCoverSheet(grid: SheetGrid): boolean {
  // Row by row, stopping past COVER_LINES lines: a sheet of a million rows is no cover, and is not copied to find out.
  const lines: string[][] = [];
  for (const row of grid.rows) {
    const cells = row.map((cell) => cellText(cell).trim()).filter((text) => text !== '');
    if (cells.length === 0) continue;
    if (cells.length > 3 || lines.length === COVER_LINES) return false;
    lines.push(cells);
  }
  if (lines.length === 0) return false;
  const labelled = lines.slice(1).every((cells) => {
    const text = cells.join('  ');
    if (text.length > COVER_LINE_LENGTH) return false;
    return COVER_LABEL.test(simplifiedShort(cells[0] ?? '')) || (cells.length === 1 && cellKind(cells[0] ?? '') === 'date');
  });
  const named = COVER_SHEET.test(toSimplified(grid.name.trim()));
  return labelled && (named || lines.length >= 3);
}

function simplifiedShort(text: string): string {
  return text.length > 40 ? text : toSimplified(text);
}

/** One line of text for a 说明行: its cells joined, shortened for display. */
export function noteText(cells: readonly GridCell[]): string {
  const text = cells
    .map((cell) => cellText(cell).trim())
    .filter((t) => t !== '')
    .join(' ')
    .replace(/\s+/gu, ' ');
  return cutText(text, 60);
}

// A heading numbered like a section (一、 （二） 第三部分 4、) rather than like an opinion.
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]+(?:部分|组|批|片区)|\d{1,2}[、.．](?!\d))/u;
// The end of a name that is a contact point (or the body behind one), not a topic such as 座谈会意见.
export const POINT_NAME_END = /(?:联系点|联络站|联络点|工作站|街道|社区|居委会|村委会|委员会|镇|乡|村|协会|商会|律师事务所|大学|学院|公司|企业)$/u;

/**
 * The text of a sub-title row between blocks of a sheet (一、万寿路街道立法联系点（3条）), or null. Such a row has
 * one short cell of text outside the opinion column, merged across the table or numbered like a section.
 */
export function subtitleText(cells: readonly GridCell[], opinionColumn: number | undefined, mergedAcross: boolean): string | null {
  let found: { column: number; text: string } | null = null;
  for (const [column, cell] of cells.entries()) {
    const text = cellText(cell).trim();
    if (text === '') continue;
    if (found !== null) return null;
    found = { column, text };
  }
  if (found === null || found.column === opinionColumn || found.text.length < 2 || found.text.length > 40) return null;
  if (/[。！？!?]$/u.test(found.text) || cellKind(found.text) !== 'text') return null;
  return mergedAcross || SECTION_HEADING.test(found.text) ? found.text : null;
}

/** A numbered line (2.…, （二）…) of a remark block: 注：1.本表由社区填报； is followed by 2.联系电话：…（社区王主任）. */
const REMARK_ITEM = /^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、](?!\d)|^[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]/u;

/**
 * True when the row goes on with the remark just above it: one cell of text, numbered as the next item of a list.
 * Read alone, such a row looks like a sub-title (2.联系电话… is numbered like 一、万寿路街道…).
 */
export function continuesRemark(cells: readonly GridCell[]): boolean {
  const texts = cells.map((cell) => cellText(cell).trim()).filter((text) => text !== '');
  return texts.length === 1 && REMARK_ITEM.test(texts[0] ?? '');
}

/** The contact point a sub-title names (一、万寿路街道立法联系点（3条） → 万寿路街道立法联系点), or null for a topic. */
export function pointOfSubtitle(text: string): string | null {
  const name = toSimplified(text)
    .replace(SECTION_HEADING, '')
    .replace(/[（(][^）)]*[)）]\s*$/u, '')
    .replace(/[：:]\s*$/u, '')
    .replace(/(?:报送|提出|反映|收集)?的?(?:意见建议|意见|建议)(?:汇总|情况)?$/u, '')
    .trim();
  // 企业, 社区, 村 alone name a kind of sender (二、企业意见), not a point: a name says whose.
  const end = POINT_NAME_END.exec(name);
  return end !== null && end.index >= 2 ? name : null;
}

// Where a sentence may end: an opinion cell ending so is complete; one ending otherwise may run on below.
const SENTENCE_END = /[。！？!?；;…”"’）)\]】]$/u;
// （续） 续： 接上 as before, and the bracketed and 条/页 forms clerks write: （接上条） (续上页) 【续】 续上条： 接上页，
const CONTINUED_MARK = /^(?:[（(【[](?:续|续上|接上)[条页行表]?[)）】\]]|续[：:]|续上[条页行表]|接上[条页行表]?[：:，,]?)/u;

// A text that stops on these has surely not ended: a comma, an open bracket or quote, a word that needs what follows.
const HANGING_END = /[，,、：:（(“"‘《—\-和与及或并的对把被将从向]$/u;
// How a new opinion starts: 建议…, 希望…, 第十二条…, a list number. Short opinions often end without a full stop
// (遛狗请拴绳), so a row below that starts like this is an opinion of its own, not the rest of the one above.
const NEW_OPINION_START = /^(?:建议|希望|要求|请|我|关于|对于|针对|应当|应该|第\s*[0-9一二三四五六七八九十百]+\s*条|[0-9]+[、.．)）]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）])/u;

/**
 * True when `cells` continue the opinion of the row above (`above`, already joined with any earlier
 * continuation): only the opinion cell is filled, the row above is a full row, and its opinion stops
 * mid-sentence (on a comma or 的, or without a full stop before a row that does not start like a new
 * opinion) — or this one says so (（续）, 接上).
 */
export function continuesOpinion(above: readonly GridCell[], cells: readonly GridCell[], opinionColumn: number, otherColumns: readonly number[]): boolean {
  const text = cellText(cells[opinionColumn]).trim();
  if (text === '') return false;
  if (cells.some((cell, column) => column !== opinionColumn && cellText(cell).trim() !== '')) return false;
  const before = cellText(above[opinionColumn]).trim();
  if (before === '' || !otherColumns.some((column) => cellText(above[column]).trim() !== '')) return false;
  if (CONTINUED_MARK.test(text)) return true;
  if (SENTENCE_END.test(before)) return false;
  return HANGING_END.test(before) || !NEW_OPINION_START.test(text);
}

/** The opinion of a row and its continuation as one text: run on mid-sentence, a new line after a full stop. */
export function joinContinued(before: string, after: string): string {
  const head = before.replace(/\s+$/u, '');
  return SENTENCE_END.test(head) ? `${head}\n${after.trim()}` : `${head}${after.trim()}`;
}

/**
 * A title line above opinions pasted without a header: short, no sentence punctuation, ending like a title — or the
 * sending point's name alone on its line (东湖街道基层立法联系点), as a letter puts it under its title.
 */
export function isTitleLine(text: string): boolean {
  if (text.length > 40 || /[，,。；;！!？?]/u.test(text)) return false;
  const simplified = toSimplified(text);
  return /(?:意见|建议|汇总|征集|反馈|情况|表|整理|记录|摘录|摘编|汇编|收集)[）)]?$/u.test(simplified) || POINT_LINE.test(simplified);
}

/** A point's name alone on a line: 东湖街道基层立法联系点, 城东区人民法院立法联系点（盖章）. */
export const POINT_LINE = /^[^\s：:，,。；;！!？?《》“”]{2,30}(?:基层立法联系点|立法联系点|立法联络站|联络站|联系点)(?:\s*[（(]\s*盖章\s*[)）])?$/u;

// Who a letter is addressed to: 市司法局：, 尊敬的区人大常委会法工委：, 各位领导：.
const SALUTATION = /^(?:尊敬的)?[^，,。；;！!？?\s]{1,24}(?:局|厅|委|委员会|办公室|办|处|科|所|政府|人大|常委会|法工委|法制办|领导|同志|老师|负责同志|各位)[：:]$/u;
// The sentence that leads into the list: 现将收集到的意见汇总如下：, 具体意见如下。
const LEAD_IN = /(?:如下|以下几点|以下意见|以下建议)\s*[：:。]?$/u;
// How a letter closes: 特此报送。, 以上意见供参考。, 妥否，请审示。, 此致 敬礼！
const CLOSING = /^(?:特此(?:报送|报告|函复|函告|反馈|说明|致函)|以上(?:意见|建议|意见建议)?[，,]?\s*(?:仅?供参考|请(?:审阅|参考|酌处|研究|予以考虑))|妥否[，,]?\s*请(?:审示|批示|指示|审定)|此致|敬礼|此致\s*敬礼|请予?(?:审阅|研究|参考))[。！!．.]?$/u;
// The sender under the text: an office's name alone (东湖街道办事处, 城东区司法局, 某某律师事务所（盖章）).
const SENDER = /^[^\s：:，,。；;！!？?《》“”]{2,30}(?:办事处|司法局|司法所|人民政府|委员会|居委会|村委会|律师事务所|联系点|联络站|街道|镇|乡|公司|协会|商会|法院|检察院)(?:\s*[（(]\s*(?:盖章|公章)\s*[)）])?$/u;

/**
 * The parts of a letter that are no opinion, for opinions pasted (or written in a Word document) as a letter: the
 * salutation, the sentence leading into the list, the closing and the sender's name — or null for any other line.
 * A line citing an article is never one (关于第十条： leads an opinion).
 */
export function letterPart(text: string): 'letter' | 'signature' | null {
  const line = toSimplified(text.trim());
  if (line === '' || line.length > 120 || /第\s*[0-9一二三四五六七八九十百零〇两]+\s*条/u.test(line)) return null;
  if (line.length <= 30 && SALUTATION.test(line) && !/建议|意见/u.test(line)) return 'letter';
  if (LEAD_IN.test(line) && !/建议(?:将|把|在|对|增加|删除|修改|明确|规定)/u.test(line)) return 'letter';
  if (line.length <= 30 && CLOSING.test(line)) return 'letter';
  if (line.length <= 30 && SENDER.test(line)) return 'signature';
  return null;
}

/** A chat log's time: 2024-05-20 10:23, 2024/5/20 10:23:45, 5月20日 10:23, or 10:23 alone. */
const CHAT_TIME = String.raw`(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}(?::\d{2})?)`;
const SPEAKER_FIRST = new RegExp(`^([^\\s：:，,。！？!?]{1,12})\\s+(${CHAT_TIME})$`, 'u');
const TIME_FIRST = new RegExp(`^(${CHAT_TIME})\\s+([^\\s：:，,。！？!?]{1,12})$`, 'u');

/**
 * A line of a chat log pasted into a sheet that names who wrote the message below it and when (张阿姨 2024-05-20
 * 10:23, or the time first): the speaker and the time as written; null for any other line.
 */
export function chatSpeaker(text: string): { name: string; time: string | null } | null {
  const line = text.trim();
  const first = SPEAKER_FIRST.exec(line);
  if (first !== null) return { name: first[1]!, time: first[2]! };
  const second = TIME_FIRST.exec(line);
  return second === null ? null : { name: second[2]!, time: second[1]! };
}

/** What a chat log shows for a message that is no text: [图片], [表情], 某某撤回了一条消息. */
export function isChatMedia(text: string): boolean {
  return /^\[(?:图片|表情|动画表情|语音|视频|文件|链接|位置|名片|红包|转账|小程序|聊天记录)\]$/u.test(text.trim()) || /撤回了一条消息$/u.test(text.trim());
}
