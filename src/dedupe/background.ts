/**
 * The duplicate search in a second thread: it needs only the comparison keys, so on a 2-core machine it
 * runs while the main thread assigns articles and segments opinions, instead of before them. Keys go
 * over as one string and their ends, sets come back as typed arrays: a million small objects would
 * cost seconds to copy each way and hundreds of megabytes in the worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { YijianError, type YijianErrorCode } from '../errors.js';
import { comparisonKey } from '../text/normalize.js';
import { findDuplicateSets, type DedupeOptions, type DuplicateSet } from './groups.js';

/**
 * What the worker is given: the keys, concatenated, and where each one ends. With `texts`, the strings are the
 * opinions themselves and the worker makes their comparison keys (comparisonKey) before the search: at a million
 * opinions that is some 4 s the main thread no longer spends while the second core waits for the keys.
 */
export interface DedupeJob {
  keys: string;
  ends: Uint32Array;
  near: number;
  texts?: boolean;
}

/** Duplicate sets as typed arrays: set i has members[starts[i]] … members[starts[i + 1] - 1]. */
export interface PackedSets {
  members: Uint32Array;
  starts: Uint32Array;
  /** 1 for a near set, 0 for an exact one. */
  near: Uint8Array;
  minSimilarity: Float64Array;
}

/** What the worker answers. */
export type DedupeReply = ({ ok: true } & PackedSets) | { ok: false; code: YijianErrorCode; message: string };

/** A search under way: `done` turns true when the answer has arrived; `sets()` waits for it. */
export interface DuplicateSearch {
  readonly done: () => boolean;
  sets(): Promise<DuplicateSet[]>;
  /** Ends the worker now (for a caller that gives up on the answer); harmless when it has ended. */
  cancel?: () => void;
}

/** The job for `keys`. */
export function packKeys(keys: readonly string[], near: number): DedupeJob {
  const ends = new Uint32Array(keys.length);
  let end = 0;
  keys.forEach((key, index) => {
    end += key.length;
    ends[index] = end;
  });
  return { keys: keys.join(''), ends, near };
}

/** The keys of a job, as strings again (made from the texts of a `texts` job). */
export function unpackKeys(job: DedupeJob): string[] {
  const keys = new Array<string>(job.ends.length);
  let start = 0;
  for (let index = 0; index < job.ends.length; index++) {
    const piece = job.keys.slice(start, job.ends[index]!);
    keys[index] = job.texts === true ? comparisonKey(piece) : piece;
    start = job.ends[index]!;
  }
  return keys;
}

/** Sets as typed arrays, to be transferred rather than copied. */
export function packSets(sets: readonly DuplicateSet[]): PackedSets {
  const starts = new Uint32Array(sets.length + 1);
  sets.forEach((set, index) => (starts[index + 1] = starts[index]! + set.members.length));
  const members = new Uint32Array(starts[sets.length]!);
  sets.forEach((set, index) => members.set(set.members, starts[index]!));
  return {
    members,
    starts,
    near: Uint8Array.from(sets, (set) => (set.kind === 'near' ? 1 : 0)),
    minSimilarity: Float64Array.from(sets, (set) => set.minSimilarity),
  };
}

/** The sets packed by packSets. */
export function unpackSets(packed: PackedSets): DuplicateSet[] {
  return Array.from(packed.near, (near, index) => ({
    kind: near === 1 ? 'near' : 'exact',
    members: Array.from(packed.members.subarray(packed.starts[index]!, packed.starts[index + 1]!)),
    minSimilarity: packed.minSimilarity[index]!,
  }));
}

// tsc compiles worker.ts beside this module into dist/dedupe/. Under vitest this module is loaded from
// src/*.ts, where Node 20 cannot start a .ts worker: the search then runs in-process when asked for.
const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Starts the search over `keys` (in canonical order) in a worker thread, or in-process without a compiled worker.
 * With `{ texts: true }` the strings are opinions, whose comparison keys (comparisonKey) the search makes itself:
 * in the worker, beside the main thread's work.
 */
export function startDuplicateSearch(keys: readonly string[], options: DedupeOptions & { texts?: boolean }): DuplicateSearch {
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    // "Done" at once, so the caller does not segment ahead for a search that has not started.
    return { done: () => true, sets: async () => findDuplicateSets(options.texts === true ? keys.map(comparisonKey) : keys, { near: options.near }) };
  }
  // Packed before the worker exists: packing can throw (a key list longer than V8's longest string),
  // and a worker started first would then keep the process alive after the error.
  const job: DedupeJob = { ...packKeys(keys, options.near), ...(options.texts === true ? { texts: true } : {}) };
  let finished = false;
  const worker = new Worker(WORKER_URL);
  // Unreferenced until someone waits for the answer: a run that fails before then exits, worker and all.
  worker.unref();
  const end = (): void => {
    finished = true;
    void worker.terminate();
  };
  const answer = new Promise<DuplicateSet[]>((resolve, reject) => {
    worker.once('message', (reply: DedupeReply) => {
      end();
      if (reply.ok) resolve(unpackSets(reply));
      else reject(new YijianError(reply.code, reply.message));
    });
    worker.once('error', (error) => {
      end();
      reject(error);
    });
    worker.once('exit', (code) => {
      if (finished) return;
      finished = true;
      reject(new YijianError('E_INTERNAL', `查找重复的线程意外退出（代码 ${code}）。`));
    });
  });
  // Nobody may be waiting yet; a rejection is reported to whoever calls sets(), not as an unhandled one.
  answer.catch(() => undefined);
  try {
    worker.postMessage(job);
  } catch (error) {
    end();
    throw error;
  }
  return {
    done: () => finished,
    sets: () => {
      if (!finished) worker.ref();
      return answer;
    },
    cancel: end,
  };
}
