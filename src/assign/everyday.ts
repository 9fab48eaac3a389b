/**
 * Everyday words (templates/dict/everyday.txt): the words of jieba's IDF table that are common in general Chinese
 * text (IDF below 6.5 over its news corpus: 情况, 问题, 需要, 已经 …, 1,723 words). A statute holds such a word in a
 * few articles, a letter in nearly every line, so an article whose own text shares nothing else with an opinion was
 * not named by it: the match rests on the words of the opinions that cite the article (similarity.ts, grounded).
 * Read once per process.
 */
import { fileURLToPath } from 'node:url';
import { parseStopWords } from '../text/dictionaries.js';
import { readFileSync } from 'node:fs';

/** Path of the bundled list (two levels below the package root from both src/ and dist/). */
export const DEFAULT_EVERYDAY_WORDS: string = fileURLToPath(new URL('../../templates/dict/everyday.txt', import.meta.url));

let bundled: ReadonlySet<string> | null = null;

/** The bundled everyday words, read on first use. */
export function everydayWords(): ReadonlySet<string> {
  if (bundled === null) bundled = new Set(parseStopWords(readFileSync(DEFAULT_EVERYDAY_WORDS, 'utf8')));
  return bundled;
}
