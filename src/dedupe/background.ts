/**
 * The duplicate search in a second thread: it needs only the comparison keys, so on a 2-core machine it
 * runs while the main thread assigns articles and segments opinions, instead of before them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DuplicateGroup } from '../model.js';
import { YijianError, type YijianErrorCode } from '../errors.js';
import { findDuplicateGroups, type DedupeItem, type DedupeOptions } from './groups.js';

/** What the worker is given. */
export interface DedupeJob {
  items: readonly DedupeItem[];
  near: number;
}

/** What the worker answers. */
export type DedupeReply = { ok: true; groups: DuplicateGroup[] } | { ok: false; code: YijianErrorCode; message: string };

/** A search under way: `done` turns true when the answer has arrived; `groups()` waits for it. */
export interface DuplicateSearch {
  readonly done: () => boolean;
  groups(): Promise<DuplicateGroup[]>;
}

// tsc compiles worker.ts beside this module into dist/dedupe/. Under vitest this module is loaded from
// src/*.ts, where Node 20 cannot start a .ts worker: the search then runs in-process when asked for.
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Starts the search in a worker thread (in-process when no compiled worker is beside this module). */
export function startDuplicateSearch(items: readonly DedupeItem[], options: DedupeOptions): DuplicateSearch {
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    // "Done" at once, so the caller does not segment ahead for a search that has not started.
    return { done: () => true, groups: async () => findDuplicateGroups(items, options) };
  }
  let finished = false;
  const worker = new Worker(WORKER_URL);
  const answer = new Promise<DuplicateGroup[]>((resolve, reject) => {
    worker.once('message', (reply: DedupeReply) => {
      finished = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.groups);
      else reject(new YijianError(reply.code, reply.message));
    });
    worker.once('error', (error) => {
      finished = true;
      reject(error);
    });
  });
  const job: DedupeJob = { items, near: options.near };
  worker.postMessage(job);
  return { done: () => finished, groups: () => answer };
}
