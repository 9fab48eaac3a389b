/**
 * Untrusted workbooks (.xlsx, and legacy .xls: OLE2/CFB containers, Excel's HTML/XML "xls") parsed in a
 * worker thread with a time and a memory limit. SheetJS can loop forever on a damaged file inside one
 * synchronous call, or run out of heap; only terminating the thread that runs it stops it, so the file
 * fails and the other files go on.
 */
import { Worker } from 'node:worker_threads';
import { YijianError, type YijianErrorCode } from '../errors.js';
import type { Workbook } from './read-workbook.js';
import { chineseForThirdParty } from '../io/third-party.js';

/** What the parent posts to the worker: the bytes (transferred) and what to read. */
export interface WorkbookJob {
  bytes: Uint8Array;
  sheet: string | null;
  maxRows: number;
}

/** What the worker posts back: the workbook as plain data, or the parts of the error it threw. */
export type WorkbookReply =
  | { ok: true; workbook: Workbook }
  | { ok: false; code: YijianErrorCode | null; message: string; hint: string | null };

// tsc compiles xls-worker.ts beside this module into dist/ingest/, which is where the CLI runs from.
const WORKER_URL = new URL('./xls-worker.js', import.meta.url);
// Under vitest this module is loaded from src/*.ts: there is no xls-worker.js beside it, and Node 20
// cannot run a .ts worker. Parsing then stays in-process (no time limit); tests of the limit run dist/.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * The parsing workers of one run. At most one idle worker is kept between files (starting a worker and
 * loading SheetJS in it costs ~200 ms); whoever creates this owns it and calls {@link close} when its
 * run ends, so no worker outlives the run that started it and two in-process runs share nothing unless
 * their caller hands both the same one.
 */
export class WorkbookWorkers {
  private idle: Worker | null = null;
  private closed = false;

  /**
   * Parses legacy workbook bytes in a worker, giving up after `timeoutMs` (YijianError E_PARSE_TIMEOUT).
   * With `handOver` the bytes' memory is transferred to the worker (the caller must not use them again);
   * otherwise a copy is sent.
   */
  parse(bytes: Uint8Array, sheet: string | null, maxRows: number, timeoutMs: number, handOver = false): Promise<Workbook> {
    if (FROM_SOURCE) return import('./read-workbook.js').then(({ readWorkbookBytes }) => readWorkbookBytes(bytes, sheet, maxRows));
    // Only a view that owns its whole buffer can be transferred: Node pools small Buffers in shared slabs.
    const own = handOver && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const sent = own ? bytes : new Uint8Array(bytes);
    const job: WorkbookJob = { bytes: sent, sheet, maxRows };
    return new Promise<Workbook>((resolve, reject) => {
      const worker = this.take();
      let settled = false;
      const finish = (outcome: { workbook: Workbook } | { error: YijianError }, healthy: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (healthy) this.release(worker);
        else void worker.terminate();
        if ('workbook' in outcome) resolve(outcome.workbook);
        else reject(outcome.error);
      };
      const onMessage = (reply: WorkbookReply): void => {
        finish(reply.ok ? { workbook: reply.workbook } : { error: replyError(reply) }, true);
      };
      const onError = (error: Error): void => finish({ error: crashError(error) }, false);
      const onExit = (code: number): void => finish({ error: crashError(new Error(`解析线程意外退出（代码 ${code}）`)) }, false);
      // The only way to stop a parser stuck in a synchronous loop: terminate its thread.
      const timer = setTimeout(() => finish({ error: timeoutError(timeoutMs) }, false), timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job, [sent.buffer as ArrayBuffer]);
    });
  }

  /** Ends the idle worker; a parse asked for later starts a worker for itself and ends it when done. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle;
    this.idle = null;
    if (idle !== null) await idle.terminate();
  }

  private take(): Worker {
    const worker = this.idle ?? this.start();
    this.idle = null;
    worker.ref();
    return worker;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // A worker that dies while idle is forgotten; the listener also keeps an idle 'error' from crashing the process.
    const forget = (): void => {
      if (this.idle === worker) this.idle = null;
    };
    worker.on('exit', forget).on('error', forget);
    return worker;
  }

  private release(worker: Worker): void {
    if (this.idle !== null || this.closed) {
      void worker.terminate();
      return;
    }
    // An idle worker must not keep the process alive once the run is over, even if its owner forgets close().
    worker.unref();
    this.idle = worker;
  }
}

/**
 * Heap a parsing worker may use: SheetJS on Excel's full 1,048,576 rows needs about 2 GB. A file that
 * needs more is not a submission; the worker is stopped and the file fails, the run goes on.
 */
export const WORKER_HEAP_MB = 3072;

function timeoutError(timeoutMs: number): YijianError {
  const limit = timeoutMs < 1000 ? `${timeoutMs} 毫秒` : `${Math.round(timeoutMs / 100) / 10} 秒`;
  return new YijianError('E_PARSE_TIMEOUT', `解析超时（超过 ${limit}），文件可能已损坏；请用 Excel/WPS 另存为 .xlsx 后重试。`, {
    hint: '如确为很大的正常文件，可在配置中调高 limits.parseTimeoutMs。',
  });
}

function replyError(reply: { code: YijianErrorCode | null; message: string; hint: string | null }): YijianError {
  if (reply.code === null) return crashError(new Error(reply.message));
  return new YijianError(reply.code, reply.message, reply.hint === null ? {} : { hint: reply.hint });
}

function crashError(error: Error): YijianError {
  if ('code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new YijianError('E_TOO_LARGE', `解析工作簿所需的内存超过上限（${WORKER_HEAP_MB} MB），已停止读取（可能是恶意或损坏的文件）。`, {
      hint: '请用 Excel 或 WPS 打开后另存为 .xlsx，或拆分文件后再试。',
      cause: error,
    });
  }
  return new YijianError('E_UNREADABLE_FILE', `读取时出错（${chineseForThirdParty(error.message).text}）。`, {
    hint: '文件可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
    cause: error,
  });
}
