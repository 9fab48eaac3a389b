/**
 * The header synonyms of DESIGN.md and the loose comparison used to match headers against them.
 */
import { FIELDS, FIELD_HEADERS, type Field } from '../model.js';
import { normalizeText } from '../text/normalize.js';
import { matchHeaderWords, matchQuestionHeader } from './header-words.js';

/** Default headers seen in practice for each canonical field; the canonical header comes first. */
export const DEFAULT_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  seq: ['序号', '编号', 'No.'],
  point: ['联系点', '联系点名称', '基层立法联系点', '报送单位', '来源单位'],
  county: ['县（市、区）', '区县', '所属县区', '辖区', '县市区'],
  submitter: ['提出人', '意见提出人', '姓名', '提出单位', '单位或个人'],
  submitterType: ['身份', '类别', '人员类别'],
  article: ['条款', '涉及条款', '条文', '条款序号', '所涉条款', '章节条款', '条目'],
  opinion: ['意见建议', '意见内容', '修改意见', '具体意见', '意见及建议', '意见'],
  suggestion: ['修改建议', '建议修改为', '建议条文', '修改后条文'],
  reason: ['理由', '修改理由', '理由依据', '依据'],
  contact: ['联系方式', '电话', '手机', '联系电话'],
  date: ['日期', '提出时间', '收集日期'],
};

// Characters that vary between hand-typed headers without changing their meaning.
const NOISE = /[\s()[\]{}【】〔〕〈〉《》<>"'“”‘’:：;；、,，.。/／\\|*＊#~_\-—–·及和与]/gu;
// A bracketed remark such as （必填） or (手机) after the real header.
const BRACKETED = /[（(【[〔][^）)】\]〕]*[）)】\]〕]/gu;

/**
 * Folds a header for loose comparison through the same normaliser as opinion text (width, traditional →
 * simplified, punctuation), then drops case, spaces, brackets, 及/和/、/"/" and colons: 意見建議 → 意见建议.
 */
export function foldHeader(text: string): string {
  return normalizeText(text).toLowerCase().replace(NOISE, '');
}

/** The folded forms a header can match by: the whole text, then the text without bracketed remarks. */
export function headerKeys(text: string): string[] {
  const keys = [foldHeader(text)];
  const bare = foldHeader(text.replace(BRACKETED, ''));
  if (bare !== '' && !keys.includes(bare)) keys.push(bare);
  return keys.filter((key) => key !== '');
}

/** Resolves a field name written in English (`opinion`) or as its Chinese header (`意见建议`); null if unknown. */
export function resolveFieldName(name: string): Field | null {
  const trimmed = name.trim();
  for (const field of FIELDS) if (field.toLowerCase() === trimmed.toLowerCase()) return field;
  const folded = foldHeader(trimmed);
  if (folded === '') return null;
  for (const field of FIELDS) if (foldHeader(FIELD_HEADERS[field]) === folded) return field;
  return null;
}

/** A folded synonym → field lookup; `rank` orders matches (lower is better: canonical header first). */
export type SynonymIndex = ReadonlyMap<string, { field: Field; rank: number }>;

/** Builds the lookup from a synonym table; the first field to claim a folded header keeps it. */
export function buildSynonymIndex(table: Readonly<Record<Field, readonly string[]>>): SynonymIndex {
  const index = new Map<string, { field: Field; rank: number }>();
  for (const field of FIELDS) {
    table[field].forEach((synonym, rank) => {
      const key = foldHeader(synonym);
      if (key !== '' && !index.has(key)) index.set(key, { field, rank });
    });
  }
  return index;
}

/** How a header matched: a listed synonym, or its words (意见建议人 → 人 → submitter). */
export type HeaderEvidence = 'synonym' | 'words';

/** How well a header names a field: the field and a score (higher is better), or null. */
export interface HeaderMatch {
  field: Field;
  score: number;
  evidence: HeaderEvidence;
}

/**
 * Matches one header (two-row headers joined with "/") against the index, then by its words. Scores:
 * a whole-text synonym 1000, then per part from the lowest row up — the lower row's own words win over a
 * merged group label above it (意见 over 对应条款 is the article column) — synonym 500/400, words 300/200.
 */
export function matchHeader(header: string, index: SynonymIndex): HeaderMatch | null {
  const whole = bestOf(headerKeys(header), index, 1000);
  if (whole !== null) return whole;
  const parts = header.split('/').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length < 2) return byWords(header, 300);
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i];
    if (part === undefined) continue;
    const lowest = i === parts.length - 1;
    const match = bestOf(headerKeys(part), index, lowest ? 500 : 400) ?? byWords(part, lowest ? 300 : 200);
    if (match !== null) return match;
  }
  return null;
}

function byWords(header: string, base: number): HeaderMatch | null {
  // An online form's question (4、您的意见涉及草案哪一条？) is read as the thing it asks for.
  const match = matchQuestionHeader(header) ?? matchHeaderWords(header);
  return match === null ? null : { field: match.field, score: base + match.weight, evidence: 'words' };
}

function bestOf(keys: string[], index: SynonymIndex, base: number): HeaderMatch | null {
  for (const [position, key] of keys.entries()) {
    const hit = index.get(key);
    // A match on the bare form (remark removed) is slightly weaker than on the whole text.
    if (hit !== undefined) return { field: hit.field, score: base - position * 50 - Math.min(hit.rank, 40), evidence: 'synonym' };
  }
  return null;
}
