/**
 * Masking ahead: the report view masks every opinion of the digest (maskDigest), which at a million records is
 * seconds of the personal-data scan on this thread. While this thread writes digest.json, a second thread scans
 * the opinions a chunk at a time (two chunks in flight, so neither thread holds more than a few) and sends back
 * the masked text of those that change. The view then takes them from here instead of scanning again; it scans
 * whatever the thread did not reach. The masks are the same either way: the thread runs the same maskPersonalData.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packTexts } from '../digest/segment-ahead.js';
import type { DigestRecord } from '../model.js';
import type { MaskedOpinions } from '../text/mask.js';

/** The thread's answer to a chunk: which of its opinions changed (index within the chunk) and to what. */
export interface MaskReply {
  indices: number[];
  masked: string[];
}

/** A masking thread at work. */
export interface MaskAhead {
  /** Stops sending opinions, waits for the chunks on their way, ends the thread; never fails. */
  finish(): Promise<MaskedOpinions>;
}

// tsc compiles mask-worker.ts beside this module into dist/report/. Under vitest this module is loaded from
// src/*.ts, where Node 20 cannot start a .ts worker: then the view scans every opinion itself.
const WORKER_URL = new URL('./mask-worker.js', import.meta.url);

/** Below this many records no thread is started: starting one costs more than scanning them here. */
const START_AT = 20_000;
/** Opinions per chunk sent. */
const CHUNK = 5_000;

/** Masks the opinions of `records` on a second thread, or null for a small digest or where no compiled worker exists. */
export function startMaskAhead(records: readonly DigestRecord[], workerUrl: URL = WORKER_URL): MaskAhead | null {
  if (records.length < START_AT || !existsSync(fileURLToPath(workerUrl))) return null;
  const changed = new Map<number, string>();
  // Starts of the chunks sent and not yet answered, in order: replies come back in the same order.
  const pending: number[] = [];
  let next = 0;
  let scanned = 0;
  let stopped = false;
  let settle: (() => void) | null = null;
  const worker = new Worker(workerUrl);
  // Never what keeps a process alive: a run that fails while writing exits, thread and all.
  worker.unref();
  const send = (): void => {
    if (stopped || next >= records.length) return;
    const end = Math.min(records.length, next + CHUNK);
    const texts: string[] = [];
    for (let index = next; index < end; index++) texts.push(records[index]!.opinion);
    pending.push(next);
    worker.postMessage(packTexts(texts));
    next = end;
  };
  const giveUp = (): void => {
    stopped = true;
    pending.length = 0;
    settle?.();
  };
  worker.on('message', (reply: MaskReply) => {
    const start = pending.shift();
    if (start === undefined) return;
    reply.indices.forEach((offset, k) => changed.set(start + offset, reply.masked[k]!));
    scanned = Math.min(records.length, start + CHUNK);
    send();
    if (pending.length === 0) settle?.();
  });
  worker.once('error', giveUp);
  worker.once('exit', giveUp);
  send();
  send();
  return {
    finish: async () => {
      stopped = true;
      if (pending.length > 0) {
        worker.ref();
        await new Promise<void>((resolve) => (settle = resolve));
      }
      void worker.terminate();
      return { records, scanned, changed };
    },
  };
}
