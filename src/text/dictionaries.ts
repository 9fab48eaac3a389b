/**
 * Segmentation dictionaries: the jieba user dictionary (`word [freq] [tag]` per line) and stop-word
 * lists (one word per line, `#` comments). Parsing is pure; the read* functions touch files.
 */
import { readFileSync } from 'node:fs';
import { assertRegularFile } from '../io/regular-file.js';
import { fileURLToPath } from 'node:url';
import { YijianError } from '../errors.js';
import { normalizeText } from './normalize.js';

/** One user-dictionary word, already in normalised form (what the segmenter sees). */
export interface UserDictEntry {
  word: string;
  /** jieba frequency; null lets jieba pick its default weight. */
  freq: number | null;
  /** Part-of-speech tag; null when the line gave none. */
  tag: string | null;
}

/** The folder of default dictionaries; two levels below the package root from both src/ and dist/. */
const DICT_DIR = new URL('../../templates/dict/', import.meta.url);

/** Path of the bundled legal-domain user dictionary (templates/dict/legal.dict.txt). */
export const DEFAULT_USER_DICT: string = fileURLToPath(new URL('legal.dict.txt', DICT_DIR));

/** Path of the bundled synonym list (templates/dict/synonyms.txt). */
export const DEFAULT_SYNONYMS: string = fileURLToPath(new URL('synonyms.txt', DICT_DIR));

/** Path of the bundled stop-word list (templates/dict/stopwords.txt). */
export const DEFAULT_STOP_WORDS: string = fileURLToPath(new URL('stopwords.txt', DICT_DIR));

const TAG = /^[A-Za-z]{1,8}$/;
const FREQ = /^[1-9][0-9]{0,8}$/;

/**
 * Parses a jieba user dictionary. Blank lines and `#` comments are skipped; a malformed line throws
 * YijianError E_BAD_CONFIG naming the file and line (jieba's own loader would abort the process).
 */
export function parseUserDict(text: string, file: string): UserDictEntry[] {
  const entries: UserDictEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    const bad = (why: string): YijianError =>
      new YijianError('E_BAD_CONFIG', `用户词典格式错误：${why}`, {
        hint: '每行格式为“词语 [词频] [词性]”，例如：电动自行车 3000 n',
        location: { file, row: index + 1 },
      });
    if (fields.length > 3) throw bad(`“${line}”多于三项`);
    const word = normalizeText(fields[0] ?? '');
    if (word === '') throw bad(`“${line}”没有词语`);
    let freq: number | null = null;
    let tag: string | null = null;
    const second = fields[1];
    const third = fields[2];
    if (second !== undefined && FREQ.test(second)) freq = Number(second);
    else if (second !== undefined && third === undefined && TAG.test(second)) tag = second;
    else if (second !== undefined) throw bad(`词频“${second}”不是正整数`);
    if (third !== undefined) {
      if (!TAG.test(third)) throw bad(`词性“${third}”应为英文字母`);
      tag = third;
    }
    entries.push({ word, freq, tag });
  });
  return entries;
}

/** Parses a stop-word list: one word per line, `#` comments; words normalised like the text. */
export function parseStopWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const word = normalizeText(line);
    if (word !== '') words.push(word);
  }
  return words;
}

/**
 * Parses a synonym list: one group per line, words separated by spaces, commas or 、, the first word
 * the form the others are counted as; `#` comments. A word in two groups keeps its first group, so a
 * user's list read after the bundled one cannot silently re-route a bundled word.
 */
export function parseSynonyms(text: string): Map<string, string> {
  const canonical = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = line.split(/[\s,，、]+/).map(normalizeText).filter((w) => w !== '');
    const head = words[0];
    if (head === undefined) continue;
    for (const word of words) if (!canonical.has(word)) canonical.set(word, canonical.get(head) ?? head);
  }
  return canonical;
}

/** Reads and parses a synonym file. */
export function readSynonyms(path: string): Map<string, string> {
  return parseSynonyms(readDictionaryFile(path, '同义词表'));
}

/** Reads a UTF-8 text file; a missing or unreadable file is YijianError E_BAD_CONFIG. */
function readDictionaryFile(path: string, what: string): string {
  assertRegularFile(path, what, 'E_BAD_CONFIG');
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new YijianError('E_BAD_CONFIG', `无法读取${what}：${path}`, {
      hint: '请检查文件路径是否正确、文件是否为 UTF-8 文本。',
      location: { file: path },
      cause,
    });
  }
}

/** Reads and parses a jieba user dictionary file. */
export function readUserDict(path: string): UserDictEntry[] {
  return parseUserDict(readDictionaryFile(path, '用户词典'), path);
}

/** Reads and parses a stop-word file. */
export function readStopWords(path: string): string[] {
  return parseStopWords(readDictionaryFile(path, '停用词表'));
}

/** Writes entries back in jieba's line format, always unambiguous (a lone number is never a tag). */
export function formatUserDict(entries: readonly UserDictEntry[]): string {
  return entries
    .map((e) => (e.freq !== null ? `${e.word} ${e.freq} ${e.tag ?? 'n'}` : e.tag !== null ? `${e.word} ${e.tag}` : e.word))
    .join('\n')
    .concat('\n');
}

/** jieba's frequency of each word looked up so far in its main dictionary (null: not in it), for the process. */
const jiebaFrequency = new Map<string, number | null>();

/**
 * The frequencies jieba's own dictionary (`dictPath`, nodejieba's jieba.dict.utf8) gives `words`, null for a word it
 * lacks. The file (5 MB) is read only when some word has not been looked up before in this process.
 */
export function jiebaFrequencies(words: Iterable<string>, dictPath: string): Map<string, number | null> {
  const wanted = [...words];
  const missing = new Set(wanted.filter((word) => !jiebaFrequency.has(word)));
  if (missing.size > 0) {
    let text = '';
    try {
      text = readFileSync(dictPath, 'utf8');
    } catch {
      // Without jieba's file (an unusual install) every listed word keeps the bundled frequency.
    }
    for (const line of text.split('\n')) {
      const space = line.indexOf(' ');
      if (space <= 0) continue;
      const word = line.slice(0, space);
      if (!missing.has(word)) continue;
      const freq = Number.parseInt(line.slice(space + 1), 10);
      jiebaFrequency.set(word, Number.isFinite(freq) ? freq : null);
    }
    for (const word of missing) if (!jiebaFrequency.has(word)) jiebaFrequency.set(word, null);
  }
  return new Map(wanted.map((word) => [word, jiebaFrequency.get(word) ?? null]));
}
