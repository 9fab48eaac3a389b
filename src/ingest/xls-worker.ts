/**
 * Worker entry: parses legacy workbooks (.xls/OLE2) off the main thread, so a parser that never returns
 * can be stopped by terminating the worker. For each {@link WorkbookJob} it posts one {@link WorkbookReply}.
 */
import { parentPort } from 'node:worker_threads';
import { YijianError } from '../errors.js';
import { readWorkbookBytes } from './read-workbook.js';
import type { WorkbookJob, WorkbookReply } from './workbook-worker.js';

// SheetJS reports unknown BIFF records of damaged files on console.error ("Missing Info for XLS Record"):
// English noise for staff; what matters about the file comes back as the reply.
console.error = (): void => {};

const port = parentPort;
if (port !== null) {
  port.on('message', (job: WorkbookJob) => {
    let reply: WorkbookReply;
    try {
      reply = { ok: true, workbook: readWorkbookBytes(job.bytes, job.sheet, job.maxRows) };
    } catch (error) {
      // Errors do not survive structured clone as YijianError: send the parts, the parent rebuilds it.
      reply =
        error instanceof YijianError
          ? { ok: false, code: error.code, message: error.message, hint: error.hint ?? null }
          : { ok: false, code: null, message: error instanceof Error ? error.message : String(error), hint: null };
    }
    port.postMessage(reply);
  });
}
