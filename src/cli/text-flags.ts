/** The flags that shape text analysis (draft, dictionaries, thresholds), declared once. */
import type { Command } from 'commander';
import type { Draft } from '../model.js';
import { readDraft } from '../text/read-draft.js';
import { createSegmenter, type Segmenter } from '../text/segment.js';
import type { TextOptions } from './options/text.js';
import { collect } from './program.js';

/** Text flags as commander hands them over. */
export type { TextFlags } from './options/text.js';

/** Declares --draft, --user-dict and --stop-words. */
export function addTextFlags(command: Command): Command {
  return command
    .option('-d, --draft <file>', '草案文件（.txt / .md / .docx），用于按相似度归入条文、引用条文原文')
    .option('--user-dict <file>', '补充分词词典（每行：词语 [词频] [词性]），可重复', collect, [])
    .option('--stop-words <file>', '补充停用词表（每行一个词），可重复', collect, []);
}

/** Reads the draft the options name, or null when there is none. */
export async function draftOf(text: TextOptions): Promise<Draft | null> {
  return text.draft === null ? null : readDraft(text.draft);
}

/** The segmenter, with the resolved dictionaries and stop words (read now: E_BAD_CONFIG names a bad file). */
export function segmenterOf(text: TextOptions): Segmenter {
  return createSegmenter(text.segmenter);
}
