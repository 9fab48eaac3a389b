/** The duplicate search run in a worker thread (see background.ts): one job, one reply. */
import { parentPort } from 'node:worker_threads';
import { YijianError } from '../errors.js';
import { findDuplicateSets } from './groups.js';
import { packSets, unpackKeys, type DedupeJob, type DedupeReply } from './background.js';

parentPort?.once('message', (job: DedupeJob) => {
  let reply: DedupeReply;
  try {
    reply = { ok: true, ...packSets(findDuplicateSets(unpackKeys(job), { near: job.near })) };
  } catch (error) {
    reply = {
      ok: false,
      code: error instanceof YijianError ? error.code : 'E_INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const transfer = reply.ok ? [reply.members.buffer, reply.starts.buffer, reply.near.buffer, reply.minSimilarity.buffer] as ArrayBuffer[] : [];
  parentPort?.postMessage(reply, transfer);
});
