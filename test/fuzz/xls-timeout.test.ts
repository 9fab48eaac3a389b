/**
 * The .xls that fuzzing found hanging SheetJS's BIFF parser (one byte of the 滨江 fixture changed): read
 * through the CLI and dist/ it fails alone with E_PARSE_TIMEOUT, and the other files are still read.
 * These run dist/ (built by `npm run build`): under vitest src/ parses .xls in-process, with no time limit.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeIngestOptions } from '../../src/ingest/options.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { FIXTURE, REPO_ROOT, fixturePath, makeTempDir, runCli } from '../cli/run-cli.js';

/** Offset and value of the mutation (found by bench/fuzz-properties.mjs `mutation`, fast-check seed 1, case 2237). */
const AT = 4379;
const HANGING = 0xc3;
const GOOD_XLS = readFileSync(fixturePath(FIXTURE.binjiang));

/** The hanging workbook: the good .xls with one BIFF byte changed. */
function hangingXls(): Buffer {
  const bytes = Buffer.from(GOOD_XLS);
  bytes[AT] = HANGING;
  return bytes;
}

/** The compiled workbook parsers: one set is owned by each run (here: each test) and closed at its end. */
interface DistWorkers {
  close(): Promise<void>;
}

interface DistIngest {
  readSheetsFromBytes(bytes: Uint8Array, ext: string, name: string, options: unknown, workers?: DistWorkers): Promise<{ grids: unknown[] }>;
  readFileSheets(path: string, options: unknown, workers?: DistWorkers): Promise<{ grids: unknown[] }>;
  WorkbookWorkers: new () => DistWorkers;
  sheetsFromBytes(bytes: Uint8Array, ext: string, name: string, options: unknown): { grids: unknown[] };
  normalizeIngestOptions(input: unknown): unknown;
}

async function distIngest(): Promise<DistIngest> {
  const path = join(REPO_ROOT, 'dist/ingest/index.js');
  if (!existsSync(join(REPO_ROOT, 'dist/ingest/xls-worker.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  return (await import(pathToFileURL(path).href)) as DistIngest;
}

/** A tmp folder with the hanging file, a copy of the good .xls, and a config with a short parse limit. */
function setup(parseTimeoutMs: number): string {
  const dir = makeTempDir('yijian-xls-timeout-');
  writeFileSync(join(dir, '坏.xls'), hangingXls());
  copyFileSync(fixturePath(FIXTURE.binjiang), join(dir, FIXTURE.binjiang));
  writeFileSync(join(dir, 'yijian.config.json'), JSON.stringify({ limits: { parseTimeoutMs } }));
  return dir;
}

describe('a hanging .xls fails alone with E_PARSE_TIMEOUT', () => {
  it('the fixture byte that the mutation changes is what the test assumes', () => {
    expect(GOOD_XLS.length).toBe(8704);
    expect(GOOD_XLS[AT]).toBe(0x1f);
  });

  it('CLI inspect: exit 0, the bad file named with the timeout message, the good file read', () => {
    const dir = setup(2000);
    const started = Date.now();
    const run = runCli(['inspect', '--json', '坏.xls', FIXTURE.binjiang], dir);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('文件 坏.xls：解析超时（超过 2 秒），文件可能已损坏；请用 Excel/WPS 另存为 .xlsx 后重试。');
    const doc = JSON.parse(run.stdout) as {
      reconciliation: { files: number; failedFiles: number; sheets: number; rows: number; records: number; balanced: boolean };
      failures: { file: string; code: string; message: string }[];
    };
    expect(doc.failures.map((f) => [f.file, f.code])).toEqual([['坏.xls', 'E_PARSE_TIMEOUT']]);
    expect(doc.reconciliation).toMatchObject({ files: 2, failedFiles: 1, sheets: 1, rows: 16, records: 15, balanced: true });
  }, 90_000);

  it('CLI inspect --strict: exit 3', () => {
    const run = runCli(['inspect', '--strict', '坏.xls', FIXTURE.binjiang], setup(2500));
    expect(run.status).toBe(3);
    expect(run.stdout + run.stderr).toMatch(/坏\.xls：解析超时（超过 2\.5 秒）/u);
    expect(run.stdout).toContain('有效意见 15');
  }, 90_000);

  it('dist readSheetsFromBytes: times out, then the next .xls parses in a fresh worker, same grids as in-process', async () => {
    const dist = await distIngest();
    const options = dist.normalizeIngestOptions({ limits: { parseTimeoutMs: 1500 } });
    // One run's workers, as the CLI passes them: the timed-out worker is ended, the next parse starts a fresh one.
    const workers = new dist.WorkbookWorkers();
    try {
      const bad = hangingXls();
      const started = performance.now();
      await expect(dist.readSheetsFromBytes(bad, '.xls', 'x', options, workers)).rejects.toMatchObject({ code: 'E_PARSE_TIMEOUT' });
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(bad[AT]).toBe(HANGING); // the caller's bytes are copied, not detached
      const good = Buffer.from(GOOD_XLS);
      const inWorker = await dist.readSheetsFromBytes(good, '.xls', 'x', options, workers);
      expect(inWorker).toEqual(dist.sheetsFromBytes(GOOD_XLS, '.xls', 'x', options));
      expect(good.equals(GOOD_XLS)).toBe(true);
      const fromFile = await dist.readFileSheets(fixturePath(FIXTURE.binjiang), options, workers);
      expect(fromFile.grids).toEqual(inWorker.grids);
    } finally {
      await workers.close();
    }
  }, 60_000);

  it('dist readFileSheets without workers given: reads the .xls in a worker of its own', async () => {
    const dist = await distIngest();
    const options = dist.normalizeIngestOptions({});
    const fromFile = await dist.readFileSheets(fixturePath(FIXTURE.binjiang), options);
    expect(fromFile.grids).toEqual(dist.sheetsFromBytes(GOOD_XLS, '.xls', FIXTURE.binjiang, options).grids);
  }, 60_000);

  it('dist: errors thrown in the worker come back as YijianError codes', async () => {
    const dist = await distIngest();
    const options = dist.normalizeIngestOptions({ sheet: '没有这张表' });
    await expect(dist.readSheetsFromBytes(GOOD_XLS, '.xls', 'x', options)).rejects.toMatchObject({
      name: 'YijianError',
      code: 'E_USAGE',
      message: expect.stringContaining('Sheet1') as unknown,
    });
  }, 60_000);
});

describe('limits.parseTimeoutMs', () => {
  it.each([
    [{}, 60_000],
    [{ limits: { parseTimeoutMs: 250 } }, 250],
  ])('options %j → %d ms', (input, expected) => {
    expect(normalizeIngestOptions(input).limits.parseTimeoutMs).toBe(expected);
  });

  it.each([0, -1, 1.5, '60000'])('rejects %j in options and in the config file', (value) => {
    expect(() => normalizeIngestOptions({ limits: { parseTimeoutMs: value } })).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG' }) as Error,
    );
    expect(ConfigSchema.safeParse({ limits: { parseTimeoutMs: value } }).success).toBe(false);
  });

  it('the config file accepts it', () => {
    expect(ConfigSchema.safeParse({ limits: { parseTimeoutMs: 5000 } }).success).toBe(true);
  });
});
