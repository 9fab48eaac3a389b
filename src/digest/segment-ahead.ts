/**
 * Segmenting ahead: while the files are still being read, a second thread segments the opinions of the
 * files read so far. Reading is single-threaded and, on a 2-core machine, the second core would otherwise
 * wait; the duplicate search only starts once everything is read. When reading ends the thread is stopped
 * wherever it is, and the digest segments the rest itself (the terms are the same either way: the thread
 * builds its segmenter from the same resolved options, and jieba is deterministic).
 *
 * Opinions go over as one string and their ends, terms come back as one string and a count per opinion
 * (as in dedupe/background.ts: a million small arrays would cost seconds to copy each way).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Segmenter, SegmenterOptions } from '../text/segment.js';

/** A batch of opinions for the thread: the texts concatenated, and where each one ends. */
export interface AheadJob {
  kind: 'segment';
  texts: string;
  ends: Uint32Array;
}

/** The thread's answer to a batch: the terms of its first `counts.length` texts (it may stop early). */
export interface AheadReply {
  kind: 'terms';
  /** Every term of those texts in order, joined by TERM_SEPARATOR. */
  terms: string;
  counts: Uint32Array;
}

/** What the thread is told at start. */
export interface AheadSetup {
  options: SegmenterOptions;
  /** Two Int32 flags: [0] = 1 to stop segmenting now; [1] = 1 once the thread has loaded jieba. */
  stop: SharedArrayBuffer;
}

/**
 * Between terms: terms are cut from normalizeText's output, which holds no control characters, so
 * U+0001 can never be part of one.
 */
export const TERM_SEPARATOR = '\u0001';

/** Opinions a segmenting thread has done, by text; each is handed out once, then forgotten. */
export interface SegmentedTexts {
  take(text: string): string[] | undefined;
  readonly size: number;
}

/** A segmenting thread at work. */
export interface SegmentAhead {
  /** Hands over the opinions of records just read (cheap: the texts are sent, not segmented, here). */
  add(texts: readonly string[]): void;
  /** Stops the thread and gives what it segmented; never fails (a failed thread gives nothing). */
  finish(): Promise<SegmentedTexts>;
  /** Ends the thread now, for a run that fails before it finishes. */
  cancel(): void;
}

/** The batch for `texts`. */
export function packTexts(texts: readonly string[]): AheadJob {
  const ends = new Uint32Array(texts.length);
  let end = 0;
  texts.forEach((text, index) => {
    end += text.length;
    ends[index] = end;
  });
  return { kind: 'segment', texts: texts.join(''), ends };
}

/** The texts of a batch again. */
export function unpackTexts(job: AheadJob): string[] {
  const texts = new Array<string>(job.ends.length);
  let start = 0;
  for (let index = 0; index < job.ends.length; index++) {
    texts[index] = job.texts.slice(start, job.ends[index]!);
    start = job.ends[index]!;
  }
  return texts;
}

/** The reply for the terms of the texts segmented. */
export function packTerms(termsOfTexts: readonly (readonly string[])[]): AheadReply {
  const counts = Uint32Array.from(termsOfTexts, (terms) => terms.length);
  return { kind: 'terms', terms: termsOfTexts.map((terms) => terms.join(TERM_SEPARATOR)).filter((joined) => joined !== '').join(TERM_SEPARATOR), counts };
}

/** The terms of each text of a reply, every term string passed through `intern`. */
export function unpackTerms(reply: AheadReply, intern: (term: string) => string = (term) => term): string[][] {
  const all = reply.terms === '' ? [] : reply.terms.split(TERM_SEPARATOR);
  const out = new Array<string[]>(reply.counts.length);
  let at = 0;
  for (let index = 0; index < reply.counts.length; index++) {
    const count = reply.counts[index]!;
    const terms = new Array<string>(count);
    for (let k = 0; k < count; k++) terms[k] = intern(all[at + k]!);
    at += count;
    out[index] = terms;
  }
  return out;
}

// tsc compiles segment-worker.ts beside this module into dist/digest/. Under vitest this module is loaded
// from src/*.ts, where Node 20 cannot start a .ts worker: then nobody segments ahead and the digest does it all.
const WORKER_URL = new URL('./segment-worker.js', import.meta.url);

/**
 * Below this many opinions read, no thread is started: for a run of a few files, loading jieba in it (about
 * a second of CPU) costs more than segmenting their opinions does.
 */
const START_AT = 2_000;

/** Segmenting ahead with `options` (the digest's own, resolved), or null where no compiled worker exists. */
export function startSegmentAhead(options: SegmenterOptions): SegmentAhead | null {
  if (!existsSync(fileURLToPath(WORKER_URL))) return null;
  const stop = new SharedArrayBuffer(8);
  const flag = new Int32Array(stop);
  const segmented = new Map<string, string[]>();
  // Jieba hands out a fresh string per token: one copy of each term is kept, as the digest does.
  const vocabulary = new Map<string, string>();
  const intern = (term: string): string => {
    const shared = vocabulary.get(term);
    if (shared !== undefined) return shared;
    vocabulary.set(term, term);
    return term;
  };
  // The texts of each batch sent and not yet answered, in order: replies come back in the same order.
  const pending: (readonly string[])[] = [];
  // Texts read before the thread is started.
  let waiting: string[] = [];
  let worker: Worker | null = null;
  let failed = false;
  let ended = false;
  let finished: (() => void) | null = null;
  const gaveUp = (): void => {
    failed = true;
    finished?.();
  };
  const start = (): Worker => {
    const setup: AheadSetup = { options, stop };
    const thread = new Worker(WORKER_URL, { workerData: setup });
    // Never what keeps a process alive: a run that fails while reading exits, thread and all.
    thread.unref();
    thread.on('message', (reply: AheadReply | { kind: 'finished' }) => {
      if (reply.kind === 'finished') {
        finished?.();
        return;
      }
      const texts = pending.shift() ?? [];
      unpackTerms(reply, intern).forEach((terms, index) => {
        const text = texts[index]!;
        if (!segmented.has(text)) segmented.set(text, terms);
      });
    });
    thread.once('error', gaveUp);
    thread.once('exit', gaveUp);
    return thread;
  };
  const send = (texts: readonly string[]): void => {
    pending.push(texts);
    worker!.postMessage(packTexts(texts));
  };
  const end = (): void => {
    ended = true;
    Atomics.store(flag, 0, 1);
    if (worker !== null) void worker.terminate();
  };
  return {
    add: (texts) => {
      if (ended || failed || texts.length === 0) return;
      if (worker !== null) {
        send(texts);
        return;
      }
      for (const text of texts) waiting.push(text);
      if (waiting.length < START_AT) return;
      worker = start();
      send(waiting);
      waiting = [];
    },
    finish: async () => {
      waiting = [];
      // A thread still loading jieba has segmented nothing: it is not waited for.
      if (worker !== null && !ended && !failed && Atomics.load(flag, 1) === 1) {
        Atomics.store(flag, 0, 1);
        const done = new Promise<void>((resolve) => (finished = resolve));
        worker.ref();
        worker.postMessage({ kind: 'finish' });
        await done;
      }
      end();
      vocabulary.clear();
      return {
        take: (text) => {
          const terms = segmented.get(text);
          if (terms !== undefined) segmented.delete(text);
          return terms;
        },
        get size() {
          return segmented.size;
        },
      };
    },
    cancel: end,
  };
}

/**
 * `segmenter` with the opinions a thread segmented ahead: their terms are taken from `segmented`
 * (once each), everything else is segmented as before.
 */
export function withSegmented(segmenter: Segmenter, segmented: SegmentedTexts): Segmenter {
  return {
    tokens: (text) => segmenter.tokens(text),
    terms: (text) => segmented.take(text) ?? segmenter.terms(text),
    ...(segmenter.forms === undefined ? {} : { forms: segmenter.forms }),
  };
}
