/**
 * Headers nobody listed, read by their parts: 意见/建议/内容 name an opinion, 条/款/条文 an article,
 * 人/姓名/单位 a submitter … Chinese compounds put the head last (意见提出人 is a person, 提出时间 a date),
 * so the last word of the first conjunct decides (意见及理由 is the opinion column that also holds reasons).
 */
import type { Field } from '../model.js';
import { normalizeText } from '../text/normalize.js';

/** A header word: the field it names (null: a column that is none of ours, such as 备注 or 处理意见) and how strongly. */
interface HeaderWord {
  field: Field | null;
  weight: number;
}

/** Words for the problem a person raises (存在问题): its 理由 beside an opinion column, the opinion without one. */
const PROBLEM_WORDS = ['存在问题', '存在的问题', '问题描述', '反映问题', '主要问题', '问题反映'] as const;

// Longer words are tried first at each position, so 修改建议 is one word (suggestion), not 修改 + 建议.
const WORDS: ReadonlyArray<readonly [string, Field | null, number]> = [
  ['意见建议', 'opinion', 3], ['意见', 'opinion', 3], ['建议', 'opinion', 2], ['内容', 'opinion', 1],
  ['诉求', 'opinion', 2], ['看法', 'opinion', 2], ['想法', 'opinion', 2], ['问题', 'opinion', 1], ['心声', 'opinion', 1],
  ['修改建议', 'suggestion', 3], ['建议修改', 'suggestion', 3], ['修改后', 'suggestion', 3], ['修改为', 'suggestion', 3],
  ['建议条文', 'suggestion', 3], ['建议稿', 'suggestion', 2], ['修改方案', 'suggestion', 2], ['修改意见', 'opinion', 3],
  ['条款', 'article', 3], ['条文', 'article', 3], ['条目', 'article', 3], ['法条', 'article', 3], ['条号', 'article', 3],
  // 条款号 is the article's number, not a row number (so is 条文序号): read whole, 号 / 序号 would make it a 序号.
  ['条款号', 'article', 3], ['条文号', 'article', 3], ['条目号', 'article', 3], ['条文序号', 'article', 3], ['法条序号', 'article', 3],
  ['条款编号', 'article', 3], ['条文编号', 'article', 3],
  // The suggested wording (修改后的条文) is no citation.
  ['修改后的条文', 'suggestion', 3], ['修改后的条款', 'suggestion', 3], ['修改后条款', 'suggestion', 3],
  ['条', 'article', 2], ['款', 'article', 2], ['章节', 'article', 2], ['章', 'article', 1], ['节', 'article', 1],
  ['提出人', 'submitter', 3], ['提出者', 'submitter', 3], ['反映人', 'submitter', 3], ['建议人', 'submitter', 3],
  ['意见人', 'submitter', 3], ['姓名', 'submitter', 3], ['名字', 'submitter', 2], ['署名', 'submitter', 2],
  // Online forms ask how to address you (您的称呼) or for a screen name (昵称), where paper forms ask 姓名.
  ['称呼', 'submitter', 2], ['昵称', 'submitter', 2],
  ['联系人', 'submitter', 2], ['对象', 'submitter', 2], ['人', 'submitter', 2], ['者', 'submitter', 1], ['单位', 'submitter', 2], ['个人', 'submitter', 1],
  ['联系点', 'point', 3], ['联络站', 'point', 3], ['联络点', 'point', 3], ['工作站', 'point', 2], ['站点', 'point', 2],
  ['报送单位', 'point', 3], ['填报单位', 'point', 3], ['来源单位', 'point', 3], ['报送', 'point', 1], ['来源', 'point', 2],
  ['县市区', 'county', 3], ['区县', 'county', 3], ['县区', 'county', 3], ['所属区', 'county', 2], ['所在区', 'county', 2],
  ['辖区', 'county', 2], ['县', 'county', 2],
  ['序号', 'seq', 3], ['编号', 'seq', 3], ['序', 'seq', 2], ['号', 'seq', 1],
  ['身份', 'submitterType', 3], ['人员类别', 'submitterType', 3], ['人员类型', 'submitterType', 3], ['界别', 'submitterType', 3],
  ['类别', 'submitterType', 2], ['类型', 'submitterType', 2], ['职业', 'submitterType', 2], ['群体', 'submitterType', 1],
  ['职务', 'submitterType', 2], ['职称', 'submitterType', 2],
  ['理由', 'reason', 3], ['依据', 'reason', 3], ['原因', 'reason', 2], ['根据', 'reason', 2], ['缘由', 'reason', 2],
  ['说明', 'reason', 2],
  // Forms that ask 存在问题 beside 意见建议: the problem is the ground of the opinion, kept as its 理由 (and read as
  // the opinion when the 意见建议 cell is empty). Alone, without an opinion column, the content decides.
  ...PROBLEM_WORDS.map((word) => [word, 'reason', 3] as const), ['现状', 'reason', 2],
  ['联系方式', 'contact', 3], ['联系电话', 'contact', 3], ['电话', 'contact', 3], ['手机', 'contact', 3], ['号码', 'contact', 2],
  ['邮箱', 'contact', 2], ['电子邮件', 'contact', 2], ['微信', 'contact', 2],
  ['联络方式', 'contact', 3], ['联络电话', 'contact', 3], ['通讯方式', 'contact', 3], ['通信方式', 'contact', 3],
  ['日期', 'date', 3], ['时间', 'date', 3], ['年月日', 'date', 3], ['月日', 'date', 2],
  // Columns that are none of the canonical fields: matching them to a field would misread the column.
  ['备注', null, 3], ['备注说明', null, 4], ['处理意见', null, 4], ['办理意见', null, 4], ['审核意见', null, 4],
  ['采纳情况', null, 4], ['处理情况', null, 4], ['办理情况', null, 4], ['是否采纳', null, 4], ['采纳', null, 3],
  ['答复', null, 3], ['反馈', null, 2], ['意见类别', null, 4], ['意见类型', null, 4], ['意见分类', null, 4],
  ['地址', null, 3], ['住址', null, 3], ['附件', null, 3], ['页码', null, 3],
  // An online form's own columns: how the answer came in (来源渠道: 微信, 链接), from where (来源IP, IP属地), on what.
  ['渠道', null, 3], ['途径', null, 3], ['ip', null, 3], ['属地', null, 3], ['设备', null, 3],
  // The draft's own text beside the opinion (原文 | 修改建议): not an opinion, not a citation.
  ['原文', null, 3], ['原条文', null, 3], ['原文内容', null, 4], ['草案原文', null, 4], ['原条款', null, 3],
  // Identity documents: personal data no report needs, so never read into a field (身份证号 is no 序号).
  ['身份证', null, 3], ['证件', null, 3], ['门牌', null, 3],
  ['qq', 'contact', 2], ['email', 'contact', 2], ['座机', 'contact', 3], ['固话', 'contact', 3],
];

/** Words that only say "number of": the word before them decides what the number is (手机号, 微信号, 条款号). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(['号', '号码']);

/** The word of a conjunct that decides its field: the last, or the one before a bare 号 (手机号 → 手机). */
function headOf(words: readonly string[]): string | undefined {
  const last = words.at(-1);
  const before = words.at(-2);
  return last !== undefined && NUMBER_WORDS.has(last) && before !== undefined ? before : last;
}

const TABLE: ReadonlyMap<string, HeaderWord> = new Map(WORDS.map(([word, field, weight]) => [word, { field, weight }]));
const LONGEST = Math.max(...WORDS.map(([word]) => word.length));

/** Longest header (bracketed remarks removed) read by its parts; longer cells are titles, notes or data. */
export const MAX_WORD_HEADER_LENGTH = 8;
/** Longest header of several joined parts (存在问题及修改建议): each part still at most MAX_WORD_HEADER_LENGTH. */
const MAX_JOINED_HEADER_LENGTH = 14;

// A cell that reads as data or a label with its value, not as a column name.
const NOT_A_HEADER = /第\s*[0-9一二三四五六七八九十百千零两]+\s*[条章节款]|[：:]\s*\S|[，。；！？,;!?]|\d{3,}/u;
const BRACKETED = /[（(【[〔][^）)】\]〕]*[）)】\]〕]/gu;
const CONJUNCTION = /[及和与、,，/&+]/u;

/** A match by header words: the field and its strength (1–4), or null. */
export interface WordMatch {
  field: Field;
  weight: number;
  /** The word that decided, for the reader: 人 in 意见建议人. */
  word: string;
}

/**
 * The field a header names by its words, or null when it names none of ours (or is not header-like:
 * too long, a citation, a label with its value).
 */
export function matchHeaderWords(header: string): WordMatch | null {
  const raw = header.trim();
  if (raw === '' || NOT_A_HEADER.test(raw.replace(BRACKETED, ''))) return null;
  const bare = raw.replace(BRACKETED, '').trim();
  const tried = bare === '' ? [raw] : bare === raw ? [raw] : [bare, raw];
  for (const text of tried) {
    const folded = foldedHeader(text);
    if (folded === null) continue;
    const conjuncts = folded.split(CONJUNCTION);
    for (const [at, conjunct] of conjuncts.entries()) {
      const words = wordsOf(conjunct);
      const head = headOf(words);
      if (head === undefined) continue;
      const found = TABLE.get(head);
      if (found === undefined || found.field === null) return null;
      // 存在问题及修改建议, 理由和建议: the problem and the change asked for in one cell are the opinion.
      if (found.field === 'reason') {
        const asked = conjuncts.slice(at + 1).map((c) => headOf(wordsOf(c))).find((w) => w !== undefined && ['opinion', 'suggestion'].includes(TABLE.get(w)?.field ?? ''));
        if (asked !== undefined) return { field: 'opinion', weight: TABLE.get(asked)!.weight, word: asked };
      }
      return { field: found.field, weight: found.weight, word: head };
    }
  }
  return null;
}

// The header folded for word matching, or null when it is too long to be a column name.
function foldedHeader(text: string): string | null {
  const folded = normalizeText(text).toLowerCase();
  if (folded.length === 0) return null;
  if (folded.length <= MAX_WORD_HEADER_LENGTH) return folded;
  const conjuncts = folded.split(CONJUNCTION);
  const joined = conjuncts.length >= 2 && folded.length <= MAX_JOINED_HEADER_LENGTH && conjuncts.every((c) => c.length <= MAX_WORD_HEADER_LENGTH);
  return joined ? folded : null;
}

/**
 * Every field a joined header names, one per part in order: 修改意见及理由 → opinion, reason. A column that
 * loses its first field to a better-named column may still be the column of a later one.
 */
export function conjunctFields(header: string): Field[] {
  const raw = header.trim();
  if (raw === '' || NOT_A_HEADER.test(raw.replace(BRACKETED, ''))) return [];
  const folded = foldedHeader(raw.replace(BRACKETED, '').trim() || raw);
  if (folded === null) return [];
  const fields: Field[] = [];
  for (const conjunct of folded.split(CONJUNCTION)) {
    const head = headOf(wordsOf(conjunct));
    const field = head === undefined ? undefined : TABLE.get(head)?.field;
    if (field !== undefined && field !== null && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/**
 * True when a header's words speak of opinions, suggested changes or problems raised (修改建议, 意见说明, 问题和建议,
 * 反映问题) and of
 * nothing that is none of ours (处理意见, 备注): such a column may hold the opinions when no column is headed so.
 */
export function speaksOfOpinions(header: string): boolean {
  const folded = normalizeText(header.replace(BRACKETED, '')).toLowerCase();
  const words = wordsOf(folded);
  const fields = words.map((word) => TABLE.get(word)?.field);
  const asks = fields.some((field) => field === 'opinion' || field === 'suggestion') || words.some((word) => (PROBLEM_WORDS as readonly string[]).includes(word));
  return asks && !fields.includes(null);
}

/** The header words in order, longest first at each position; characters that are no word are skipped. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let at = 0;
  while (at < text.length) {
    let taken = 0;
    for (let length = Math.min(LONGEST, text.length - at); length > 0; length -= 1) {
      if (TABLE.has(text.slice(at, at + length))) {
        taken = length;
        break;
      }
    }
    if (taken > 0) words.push(text.slice(at, at + taken));
    at += taken > 0 ? taken : 1;
  }
  return words;
}

/** The number an online form puts before each question: 4、 Q4. 第4题 (4) */
const QUESTION_NUMBER = /^\s*(?:[Qq]\s*)?(?:第\s*)?[0-9０-９]{1,3}\s*(?:题\s*)?[、.．:：)）]\s*|^\s*[（(][0-9０-９]{1,3}[）)]\s*/u;
/** How a form addresses the person before the thing asked: 请问 您的 请填写 …. */
const QUESTION_LEAD = /^(?:请问|请您|请填写|请输入|请写出|请简要说明|请说明|请|您对|您的|你的|您|你|本人)+/u;
/** What ends a question after the thing asked: 是什么？ ： （选填） */
const QUESTION_TAIL = /(?:是什么|是|为|有哪些|写在这里)?\s*[：:？?。.]*\s*$/u;
/** Longest thing asked (意见涉及草案的哪一条): longer is a sentence of instructions. */
const MAX_QUESTION_LENGTH = 16;
/** A question asking which article the opinion is about. */
const ARTICLE_QUESTION = /哪一?[条款项]|哪些条|哪个条|第几条|涉及.{0,8}(?:条款|条文|条)|针对.{0,8}(?:条款|条文|条)|对应.{0,4}(?:条款|条文)/u;

/**
 * A header that is a question of an online form (问卷星, 腾讯问卷: 4、您的意见涉及草案哪一条？, 1、您的姓名：), as the
 * thing it asks for (意见涉及草案哪一条, 姓名); null for a header that is no such question.
 */
export function questionCore(header: string): string | null {
  const raw = header.trim();
  const numbered = QUESTION_NUMBER.test(raw);
  if (!numbered && !/[：:？?]\s*$/u.test(raw)) return null;
  const core = raw.replace(QUESTION_NUMBER, '').replace(BRACKETED, '').replace(QUESTION_TAIL, '').replace(QUESTION_LEAD, '').trim();
  // A question is short and one clause: 1. 本表用于收集……，每行填写一条意见。 is an instruction, not a column.
  if (core === '' || core === raw || core.length > MAX_QUESTION_LENGTH || /[，,。；;！!“”"]/u.test(core)) return null;
  return core;
}

/**
 * The field an online form's question asks for: which article (ARTICLE_QUESTION) or, read by its words, the
 * thing asked (姓名 → 提出人, 具体意见和建议 → 意见建议); null when it names none of ours.
 */
export function matchQuestionHeader(header: string): WordMatch | null {
  const core = questionCore(header);
  if (core === null) return null;
  if (ARTICLE_QUESTION.test(core)) return { field: 'article', weight: 3, word: core };
  return matchHeaderWords(core);
}

/** Columns an online form's export adds of its own (问卷星, 腾讯问卷, 金数据): which device or link, how long, from which IP. */
const SURVEY_META = new Set(['来源', '来源详情', '来源渠道', '来自ip', 'ip', 'ip地址', '所用时间', '答题时长', '填写时长', '答卷编号', '提交者', '设备', '浏览器', '操作系统']);
/** Headers only such an export has. */
const SURVEY_SIGNS = new Set(['提交答卷时间', '来自ip', '答卷编号', '所用时间', '答题时长', '填写时长']);

/**
 * Whether the header row is an online form's export; its metadata columns (SURVEY_META) are then none of ours: its
 * 来源 says 微信 or 手机提交, not the point.
 */
export function surveyMetaColumns(headers: readonly string[]): Set<number> {
  const folded = headers.map((h) => normalizeText(h).toLowerCase().replace(/\s+/gu, ''));
  if (!folded.some((h) => SURVEY_SIGNS.has(h))) return new Set();
  return new Set(folded.flatMap((h, column) => (SURVEY_META.has(h) ? [column] : [])));
}
