/** The duplicate search run in a worker thread (see background.ts): one job, one reply. */
import { parentPort } from 'node:worker_threads';
import { YijianError } from '../errors.js';
import { findDuplicateGroups } from './groups.js';
import type { DedupeJob, DedupeReply } from './background.js';

parentPort?.once('message', (job: DedupeJob) => {
  let reply: DedupeReply;
  try {
    reply = { ok: true, groups: findDuplicateGroups(job.items, { near: job.near }) };
  } catch (error) {
    reply = {
      ok: false,
      code: error instanceof YijianError ? error.code : 'E_INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
