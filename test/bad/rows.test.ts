/**
 * Issue #17, rows lost or counted twice while the counts still reconcile, and inputs that crashed or
 * hung a run: each hostile file beside a good one, through one CLI run (Chinese message, exit code, no
 * stack trace, the good file's rows still there), and the readers in-process for the details.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeIngestOptions, readSubmissions } from '../../src/ingest/index.js';
import { decodeText } from '../../src/ingest/encoding.js';
import { GOOD, GOOD_NAME, GOOD_RECORDS, REPO, looksCrashed, runCli, tempDir, type CliRun } from './cli.js';

interface Hostile {
  hugeRowNumberXlsx: () => Promise<Buffer>;
  duplicateRowXlsx: () => Promise<Buffer>;
  openCdataXlsx: () => Promise<Buffer>;
  openCommentXlsx: () => Promise<Buffer>;
  farColumnXlsx: () => Promise<Buffer>;
  sharedStringsBombXlsx: (count?: number) => Promise<Buffer>;
  zip64Xlsx: () => Promise<Buffer>;
  strayLineFeedCsv: () => Buffer;
  crOnlyWithLineFeedCsv: () => Buffer;
  unquotedCommaCsv: () => Buffer;
  mixedEncodingEmojiCsv: () => Buffer;
  controlCharactersCsv: () => Buffer;
}

const hostile = (await import(join(REPO, 'fixtures', 'bad', 'hostile.mjs'))) as Hostile;
const options = normalizeIngestOptions({});

/** The workbooks that must fail as a whole, with their code and words of the message. */
const REFUSED: [string, keyof Hostile, string, string][] = [
  ['row-999999999.xlsx', 'hugeRowNumberXlsx', 'E_TOO_MANY_ROWS', '第 999999999 行'],
  ['row-2-twice.xlsx', 'duplicateRowXlsx', 'E_UNREADABLE_FILE', '第 2 行出现了两次'],
  ['open-cdata.xlsx', 'openCdataXlsx', 'E_UNREADABLE_FILE', 'CDATA 段没有结束'],
  ['open-comment.xlsx', 'openCommentXlsx', 'E_UNREADABLE_FILE', 'XML 注释没有结束'],
  ['column-zzzzzz.xlsx', 'farColumnXlsx', 'E_TOO_LARGE', 'ZZZZZZ3'],
  ['shared-strings-bomb.xlsx', 'sharedStringsBombXlsx', 'E_TOO_LARGE', '共享字符串'],
  ['zip64.xlsx', 'zip64Xlsx', 'E_UNREADABLE_FILE', 'ZIP64'],
];

interface Doc {
  reconciliation: { files: number; failedFiles: number; rows: number; records: number; rejects: number; blanks: number; balanced: boolean };
  failures: { file: string; code: string; message: string }[];
  sheets: { file: string; rows: number; records: number; rejects: number }[];
}

describe('crafted workbooks, all in one inspect run beside a good file', () => {
  let dir: string;
  let run: CliRun;
  let doc: Doc;
  beforeAll(async () => {
    dir = tempDir();
    const paths: string[] = [];
    for (const [name, make] of REFUSED) {
      const path = join(dir, name);
      writeFileSync(path, await (hostile[make] as () => Promise<Buffer>)());
      paths.push(path);
    }
    run = await runCli(['inspect', ...paths, GOOD, '--json', '--strict']);
    doc = JSON.parse(run.stdout) as Doc;
  }, 120_000);

  it('exits 3 under --strict without a crash, and the good file is read in full', () => {
    expect(looksCrashed(run.stderr)).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(3);
    expect(doc.sheets.find((s) => s.file === GOOD_NAME)).toMatchObject({ records: GOOD_RECORDS });
    expect(doc.reconciliation).toMatchObject({ records: GOOD_RECORDS, balanced: true, failedFiles: REFUSED.length });
  });

  it.each(REFUSED)('%s fails with %s and a message naming file, sheet and row', (name, _make, code, words) => {
    const failure = doc.failures.find((f) => f.file === name);
    expect(failure).toMatchObject({ code });
    expect(failure?.message).toContain(`文件 ${name}`);
    expect(failure?.message).toContain(words);
    expect(run.stderr).toContain(words);
  });
});

describe('CSV rows and cells', () => {
  const read = async (name: string, bytes: Buffer) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), bytes);
    return readSubmissions([join(dir, name)], options);
  };

  it('CRLF with one stray LF: 4 rows in, 4 records out, numbered as Excel shows them', async () => {
    const result = await read('东湖-换行混用.csv', hostile.strayLineFeedCsv());
    expect(result.records.map((r) => [r.source.row, r.seq])).toEqual([[2, '1'], [3, '2'], [4, '3'], [5, '4']]);
    expect(result.records.every((r) => !r.opinion.includes('\n'))).toBe(true);
    expect(result.reconciliation).toMatchObject({ rows: 4, records: 4, balanced: true });
  });

  it('CR-only with one LF: 3 rows, 3 records', async () => {
    const result = await read('滨江-旧版Mac.csv', hostile.crOnlyWithLineFeedCsv());
    expect(result.records.map((r) => r.seq)).toEqual(['1', '2', '3']);
  });

  it('an unquoted comma in an opinion is a reject keeping both halves, never a silent cut', async () => {
    const result = await read('科技园-逗号.csv', hostile.unquotedCommaCsv());
    expect(result.records.map((r) => r.seq)).toEqual(['1', '3']);
    expect(result.rejects).toHaveLength(1);
    const reject = result.rejects[0];
    expect(reject).toMatchObject({ reason: 'E_EXTRA_CELLS', column: 'E', source: { row: 3 } });
    expect(reject?.message).toContain('未加引号的英文逗号');
    expect(Object.values(reject?.cells ?? {})).toEqual(expect.arrayContaining(['建议降低罚款数额', '同时加强宣传教育']));
    expect(result.reconciliation).toMatchObject({ rows: 3, records: 2, rejects: 1, balanced: true });
  });

  it('a CSV that is one 50 MB line is E_TOO_LARGE naming the line', async () => {
    const dir = tempDir();
    const path = join(dir, '一行.csv');
    writeFileSync(path, `序号,意见建议\n1,${'很长的意见'.repeat(10_000_000)}\n`);
    const result = await readSubmissions([path, GOOD], options);
    expect(result.failures).toEqual([expect.objectContaining({ file: '一行.csv', code: 'E_TOO_LARGE' })]);
    expect(result.failures[0]?.message).toContain('第 2 行');
    expect(result.records.filter((r) => r.source.file === GOOD_NAME)).toHaveLength(GOOD_RECORDS);
  });
});

describe('mixed encodings and control characters', () => {
  it('UTF-8 lines with emoji and accents stay UTF-8 between GBK lines, and the lines are named', () => {
    const decoded = decodeText(hostile.mixedEncodingEmojiCsv());
    expect(decoded.text).toContain('侨胞 José Müller 建议：头盔规定很好 👍');
    expect(decoded.text).toContain('建议在小区增设电动自行车充电桩');
    expect(decoded.text).toContain('第十九条罚款过高');
    expect(decoded.mixed).toBe('第 2、4 行按 GBK，第 1、3 行按 UTF-8');
  });

  it('control characters are removed at intake and reported by row and column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '桃源镇.csv'), hostile.controlCharactersCsv());
    const result = await readSubmissions([join(dir, '桃源镇.csv')], options);
    expect(result.records.map((r) => r.opinion)).toEqual(['建议增加充电设施的规定。', '罚款过高建议降低。', '建议明确责任主体。']);
    const problem = result.problems.find((p) => p.code === 'W_CONTROL_CHARACTERS');
    expect(problem?.message).toContain('第 2 行 D 列、第 3 行 D 列、第 4 行 D 列');
    expect(problem?.message).toContain('共 5 个');
  });

  it('digest writes every report, .docx included, for an opinion with control characters', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '桃源镇.csv'), hostile.controlCharactersCsv());
    const run = await runCli(['digest', join(dir, '桃源镇.csv'), GOOD, '-o', join(dir, 'out'), '--json']);
    expect(looksCrashed(run.stderr)).toBe(false);
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: string[] }).files;
    expect(files).toEqual(expect.arrayContaining(['汇总报告.docx', '条文意见对照表.docx']));
    expect(run.stderr).toContain('控制字符');
  }, 60_000);
});

describe('paths that are not regular files', () => {
  it('a device, a pipe named .csv and a symbolic-link loop fail with a message; the good file is read', async () => {
    const dir = tempDir();
    const { symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    symlinkSync('/dev/zero', join(dir, '零.csv'));
    symlinkSync('/dev/urandom', join(dir, '随机.xlsx'));
    execFileSync('mkfifo', [join(dir, '管道.csv')]);
    symlinkSync(join(dir, '环b.csv'), join(dir, '环a.csv'));
    symlinkSync(join(dir, '环a.csv'), join(dir, '环b.csv'));
    const named = ['零.csv', '随机.xlsx', '管道.csv', '环a.csv'].map((name) => join(dir, name));
    const result = await readSubmissions([...named, GOOD], options);
    expect(result.failures.map((f) => [f.file, f.code])).toEqual([
      ['环a.csv', 'E_FILE_NOT_FOUND'],
      ['管道.csv', 'E_UNSUPPORTED_FORMAT'],
      ['随机.xlsx', 'E_UNSUPPORTED_FORMAT'],
      ['零.csv', 'E_UNSUPPORTED_FORMAT'],
    ]);
    expect(result.failures[0]?.message).toContain('循环的符号链接');
    expect(result.failures[1]?.message).toContain('不是普通文件');
    expect(result.records).toHaveLength(GOOD_RECORDS);
  }, 30_000);

  it('walking a folder skips them with a notice instead of hanging', async () => {
    const dir = tempDir();
    const { symlinkSync, copyFileSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    copyFileSync(GOOD, join(dir, GOOD_NAME));
    execFileSync('mkfifo', [join(dir, '管道.csv')]);
    symlinkSync(join(dir, '环b.csv'), join(dir, '环a.csv'));
    symlinkSync(join(dir, '环a.csv'), join(dir, '环b.csv'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', '回到上层'));
    const { collectInputs } = await import('../../src/ingest/files.js');
    const { files, notices } = await collectInputs([dir]);
    expect(files).toEqual([join(dir, GOOD_NAME)]);
    const { noticeText } = await import('../../src/notices.js');
    expect(notices.map((notice) => [notice.code, notice.location.file])).toEqual(expect.arrayContaining([
      ['W_NOT_REGULAR_FILE', join(dir, '管道.csv')],
      ['W_BROKEN_LINK', join(dir, '环a.csv')],
    ]));
    expect(notices.map(noticeText).join('\n')).toMatch(/管道\.csv 不是普通文件/u);
    expect(notices.map(noticeText).join('\n')).toMatch(/环a\.csv 是断开或循环的符号链接/u);
  });

  it('a stop-word list, a user dictionary or a draft that is a device or a pipe is refused, not read forever', async () => {
    const dir = tempDir();
    const { symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    symlinkSync('/dev/zero', join(dir, '停用词.txt'));
    execFileSync('mkfifo', [join(dir, '词典.txt')]);
    symlinkSync('/dev/urandom', join(dir, '草案.txt'));
    const { readStopWords, readUserDict } = await import('../../src/text/dictionaries.js');
    const { readDraft } = await import('../../src/text/read-draft.js');
    const { YijianError } = await import('../../src/errors.js');
    const code = (body: () => unknown): string => {
      try {
        body();
        return 'read';
      } catch (error) {
        return error instanceof YijianError ? `${error.code} ${error.message}` : String(error);
      }
    };
    expect(code(() => readStopWords(join(dir, '停用词.txt')))).toMatch(/^E_BAD_CONFIG .*是设备，不是普通文件/u);
    expect(code(() => readUserDict(join(dir, '词典.txt')))).toMatch(/^E_BAD_CONFIG .*是管道，不是普通文件/u);
    const draft = await readDraft(join(dir, '草案.txt')).then(() => 'read', (e: unknown) => (e instanceof YijianError ? e.code : String(e)));
    expect(draft).toBe('E_BAD_DRAFT');
  }, 30_000);
});
