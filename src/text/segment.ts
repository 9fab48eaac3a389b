/**
 * Word segmentation with jieba (nodejieba) plus a legal-domain dictionary and stop words.
 *
 * jieba's dictionaries live in the native addon, one set per process (JiebaHost). A segmenter loads
 * jieba with the bundled legal dictionary and its own user dictionaries merged into one temporary
 * file; a segmenter with other words loads its own in their place, so no segmenter sees another's
 * words (the dictionary never silently grows).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { YijianError } from '../errors.js';
import { normalizeText } from './normalize.js';
import { CHINESE_NUMERAL_CHARS } from '../numerals.js';
import {
  DEFAULT_STOP_WORDS,
  DEFAULT_SYNONYMS,
  DEFAULT_USER_DICT,
  formatUserDict,
  jiebaFrequencies,
  readStopWords,
  readSynonyms,
  readUserDict,
  type UserDictEntry,
} from './dictionaries.js';

/** Segments normalised text into tokens (all words) and terms (meaning-bearing words). */
export interface Segmenter {
  /** jieba tokens of normalizeText(text), punctuation and symbols left out. */
  tokens(text: string): string[];
  /**
   * Tokens without stop words, numbers, article citations and (most) single characters, each
   * synonym counted as the first word of its group (电瓶车 → 电动自行车).
   */
  terms(text: string): string[];
  /** The words a term stands for as written: itself and the synonyms folded into it (牵引带 → 狗绳, 牵绳 …). */
  forms?(term: string): readonly string[];
}

/**
 * How to extend the bundled dictionaries, resolved (every list given, empty for none); paths are read when
 * the segmenter is created. The CLI resolves them from flags and config (src/cli/options/text.ts).
 */
export interface SegmenterOptions {
  /** Extra jieba user dictionaries (`word [freq] [tag]` per line). */
  userDicts: readonly string[];
  /** Extra stop words. */
  stopWords: readonly string[];
  /** Extra stop-word files (one word per line). */
  stopWordFiles: readonly string[];
  /** Extra synonym files (one group per line, the first word the canonical one). */
  synonymFiles: readonly string[];
}

/** The bundled dictionaries alone: what benches, the eval and tests spread when they need no words of their own. */
export const SEGMENTER_DEFAULTS: Readonly<SegmenterOptions> = Object.freeze({
  userDicts: Object.freeze([]),
  stopWords: Object.freeze([]),
  stopWordFiles: Object.freeze([]),
  synonymFiles: Object.freeze([]),
});

/** Single characters that carry meaning in opinions on local regulations, kept as terms. */
const SINGLE_CHAR_TERMS: ReadonlySet<string> = new Set(['犬', '狗', '猫', '车', '房', '税', '费', '电', '水', '火', '烟', '桩']);

/** The IDF file jieba is loaded with: one valid line (jieba checks that there is one), for a table nothing reads. */
export const UNUSED_IDF = '的 1\n';

/**
 * The process's jieba. Its dictionary lives in the native addon, one per process; the host remembers
 * whose dictionary is loaded and loads another segmenter's in its place (never adding to it), so what
 * a segmenter cuts depends on its own dictionaries alone, not on which segmenters came before it.
 */
export class JiebaHost {
  /** Which dictionary is loaded now (an id from `dictionaryId`); -1 until jieba is first loaded. */
  private loaded = -1;
  private readonly ids = new Map<string, number>();
  /** How many times a dictionary was loaded (a second segmenter with other words costs a reload). */
  loads = 0;

  /** A number per distinct dictionary (its entries in jieba's line format), so `use` compares numbers. */
  dictionaryId(signature: string): number {
    let id = this.ids.get(signature);
    if (id === undefined) this.ids.set(signature, (id = this.ids.size));
    return id;
  }

  /** Makes `entries` (dictionary `id`) jieba's user dictionary unless it already is. */
  use(entries: readonly UserDictEntry[], id: number): void {
    if (this.loaded === id) return;
    const dir = mkdtempSync(join(tmpdir(), 'yijian-dict-'));
    const merged = join(dir, 'user.dict.txt');
    const idf = join(dir, 'idf.utf8');
    try {
      writeFileSync(merged, formatUserDict(entries), 'utf8');
      // jieba's keyword extraction reads its 6 MB word-weight (IDF) file into a map at every load; nothing here
      // extracts keywords, and cutting never reads it. One line (it must hold one, with a positive weight)
      // saves some 0.15 s of CPU per load, and the digest loads jieba on two threads.
      writeFileSync(idf, UNUSED_IDF, 'utf8');
      nodejieba.load({ userDict: merged, idfDict: idf });
    } catch (cause) {
      throw new YijianError('E_INTERNAL', '分词组件（jieba）加载失败。', { cause });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    this.loaded = id;
    this.loads += 1;
  }
}

/** The host of this process's one native jieba; segmenters use it unless given another. */
export const PROCESS_JIEBA: JiebaHost = new JiebaHost();

/** A token of punctuation or symbols only. */
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\p{Z}\p{C}]+$/u;
/** Numbers: Arabic (12, 1.5, 30%) or Chinese numerals (十二, 一百零八). */
const NUMBER_ONLY = new RegExp(`^(?:[0-9.,%]+|[${CHINESE_NUMERAL_CHARS}]+)$`, 'u');
/** Article citations and ordinals as jieba cuts them: 第十二条, 12条, 第二款, 第三章, 第一. */
const CITATION_TOKEN = new RegExp(`^第?(?:[0-9]+|[${CHINESE_NUMERAL_CHARS}]+)[条款项章节编目]?$`, 'u');

/**
 * jieba frequency of a listed synonym not in a user dictionary: that of the bundled legal words (2000–5000), so a
 * listed word is cut whole in running text, or jieba's own when that is higher. A user dictionary that lists the
 * word gives it its own frequency.
 */
const SYNONYM_WORD_FREQ = 2000;

/** jieba's own dictionary file, which nodejieba exports (its type declarations leave it out). */
const JIEBA_DICT: string = (nodejieba as unknown as { DEFAULT_DICT?: string }).DEFAULT_DICT ?? '';

/** How many distinct tokens a segmenter remembers the term of (some 60 MB at most). */
const JUDGED_TOKENS = 500_000;

/**
 * Creates a segmenter with the bundled legal dictionary and stop words plus the user's own.
 * Dictionary files are read now (E_BAD_CONFIG if unreadable or malformed); jieba loads on first use.
 */
export function createSegmenter(options: SegmenterOptions, jieba: JiebaHost = PROCESS_JIEBA): Segmenter {
  const synonyms = new Map<string, string>();
  for (const path of [DEFAULT_SYNONYMS, ...options.synonymFiles]) {
    for (const [word, head] of readSynonyms(path)) if (!synonyms.has(word)) synonyms.set(word, synonyms.get(head) ?? head);
  }
  const entries: UserDictEntry[] = [DEFAULT_USER_DICT, ...options.userDicts].flatMap(readUserDict);
  // A synonym jieba would cut in two (物业公司 → 物业 / 公司) could never be matched: every listed word is a word.
  // With a frequency of its own: a user word without one gets jieba's median weight (a frequency of 3), which
  // lowers a common word below its neighbours (他说出门 → 说出 / 门) and leaves short words in pieces (坏了).
  // Never lower than jieba's own: 合同 at 2000 (jieba 3572) cut 订立合同时 as 订立 / 合 / 同时, 道路 cut 他说道路 as 说道 / 路.
  const known = new Set(entries.map((e) => e.word));
  const listed = [...synonyms.keys()].filter((word) => !known.has(word) && [...word].length > 1);
  const own = jiebaFrequencies(listed, JIEBA_DICT);
  for (const word of listed) entries.push({ word, freq: Math.max(SYNONYM_WORD_FREQ, own.get(word) ?? 0), tag: 'n' });
  const stopWords = new Set<string>([
    ...readStopWords(DEFAULT_STOP_WORDS),
    ...options.stopWordFiles.flatMap(readStopWords),
    ...options.stopWords.map(normalizeText).filter((w) => w !== ''),
  ]);
  // Same words in the same order, same dictionary: segmenters with equal options share a load.
  const dictionary = jieba.dictionaryId(formatUserDict(entries));
  /** jieba's tokens of normalizeText(text), punctuation and all. */
  const cut = (text: string): string[] => {
    jieba.use(entries, dictionary);
    const normalized = normalizeText(text);
    // HMM on: unknown words (place and company names) stay whole instead of falling into single characters.
    return normalized === '' ? [] : nodejieba.cut(normalized, true);
  };
  const tokens = (text: string): string[] => cut(text).filter((token) => !PUNCTUATION_ONLY.test(token));
  // What a token stands for as a term depends on the token alone, and opinions use a few tens of thousands
  // of distinct tokens: each is judged once (three regular expressions, a synonym and a stop-word look-up),
  // and every opinion shares the one string kept for it. Bounded, so text that never repeats (HMM words,
  // names) cannot grow it without end; past the bound a token is judged afresh, with the same answer.
  const judged = new Map<string, string | null>();
  const judge = (token: string): string | null => {
    let term = judged.get(token);
    if (term !== undefined) return term;
    term = termOf(token);
    if (judged.size < JUDGED_TOKENS) judged.set(token, term);
    return term;
  };
  const termOf = (token: string): string | null => {
    if (PUNCTUATION_ONLY.test(token)) return null;
    if (stopWords.has(token) || NUMBER_ONLY.test(token) || CITATION_TOKEN.test(token)) return null;
    const head = synonyms.get(token);
    if (head !== undefined) return head;
    return [...token].length > 1 || SINGLE_CHAR_TERMS.has(token) ? token : null;
  };
  const terms = (text: string): string[] => {
    const kept: string[] = [];
    for (const token of cut(text)) {
      const term = judge(token);
      if (term !== null) kept.push(term);
    }
    return kept;
  };
  const formsOf = new Map<string, string[]>();
  for (const [word, head] of synonyms) {
    const list = formsOf.get(head) ?? [head];
    if (word !== head) list.push(word);
    formsOf.set(head, list);
  }
  const forms = (term: string): readonly string[] => formsOf.get(term) ?? [term];
  return { tokens, terms, forms };
}
