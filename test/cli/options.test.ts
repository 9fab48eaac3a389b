/**
 * One options schema per command (src/cli/options/): flags + config + cwd → one resolved object, every default
 * filled, paths absolute, flags over config, and a bad value is a Chinese usage error naming the flag or key.
 * Pure functions: no CLI run.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type LoadedConfig } from '../../src/config/load.js';
import { YijianError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/ingest/options.js';
import { DEFAULT_NEAR_THRESHOLD } from '../../src/dedupe/index.js';
import { DEFAULT_CLUSTER_THRESHOLD } from '../../src/cluster/index.js';
import { ASSIGN_DEFAULTS, DEFAULT_ASSIGN_MARGIN, DEFAULT_ASSIGN_THRESHOLD } from '../../src/assign/assign.js';
import { DEFAULT_FORM_ROWS } from '../../src/form/build.js';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/compare/align.js';
import { resolveDigestOptions } from '../../src/cli/options/digest.js';
import { resolveInspectOptions } from '../../src/cli/options/inspect.js';
import { resolveMergeOptions } from '../../src/cli/options/merge.js';
import { resolveFeedbackOptions } from '../../src/cli/options/feedback.js';
import { resolveStatsOptions } from '../../src/cli/options/stats.js';
import { resolveCompareOptions } from '../../src/cli/options/compare.js';
import { resolveFormOptions } from '../../src/cli/options/form.js';

// Paths are only resolved, never read (except feedback's --digest folder, made below).
const CWD = join(tmpdir(), 'yijian-options-cwd');
const CONFIG_DIR = join(tmpdir(), 'yijian-options-config');
const NO_CONFIG: LoadedConfig = { config: {}, path: null, baseDir: CWD };

/** A config as loadConfig returns it, from JSON text, in CONFIG_DIR (not the cwd: config paths are relative to it). */
function config(value: unknown): LoadedConfig {
  const path = join(CONFIG_DIR, 'yijian.config.json');
  return { config: parseConfig(JSON.stringify(value), path), path, baseDir: CONFIG_DIR };
}

/** The YijianError `run` throws (the test fails when it throws nothing or something else). */
function usageError(run: () => unknown): YijianError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(YijianError);
    return error as YijianError;
  }
  throw new Error('expected a YijianError');
}

describe('digest options', () => {
  it('fills every default: thresholds from the stages, all formats, ./yijian-output, no draft, no date', () => {
    const options = resolveDigestOptions(['意见/'], { flags: {}, config: NO_CONFIG, cwd: CWD });
    expect(options).toMatchObject({
      inputs: ['意见/'],
      outputDir: join(CWD, 'yijian-output'),
      force: false,
      json: false,
      strict: false,
      formats: ['md', 'html', 'docx', 'xlsx'],
      templatesDir: null,
      date: null,
      showContact: false,
      decisions: null,
      citedDraft: null,
      thresholds: { near: DEFAULT_NEAR_THRESHOLD, assign: DEFAULT_ASSIGN_THRESHOLD, assignMargin: DEFAULT_ASSIGN_MARGIN, assignLead: ASSIGN_DEFAULTS.minLead, assignLeadUnanchored: ASSIGN_DEFAULTS.minLeadUnanchored, cluster: DEFAULT_CLUSTER_THRESHOLD },
      text: { draft: null, segmenter: { userDicts: [], stopWords: [], stopWordFiles: [], synonymFiles: [] } },
    });
    expect(options.ingest).toMatchObject({ sheet: null, maps: [], point: null, county: null, rules: [], split: true, limits: DEFAULT_LIMITS });
  });

  it('resolves flag paths against the cwd and config paths against the config file\'s folder', () => {
    const fromFlags = resolveDigestOptions(['a.xlsx'], {
      flags: { output: '报告', templates: '模板', decisions: '旧/登记表.xlsx', draft: '草案.docx', citedDraft: '上一稿.docx', userDict: ['词典.txt'], stopWords: ['停用.txt'] },
      config: NO_CONFIG,
      cwd: CWD,
    });
    expect(fromFlags).toMatchObject({
      outputDir: join(CWD, '报告'),
      templatesDir: join(CWD, '模板'),
      decisions: { path: join(CWD, '旧/登记表.xlsx'), reading: { sheet: null, limits: DEFAULT_LIMITS } },
      citedDraft: join(CWD, '上一稿.docx'),
      text: { draft: join(CWD, '草案.docx'), segmenter: { userDicts: [join(CWD, '词典.txt')], stopWordFiles: [join(CWD, '停用.txt')] } },
    });
    const fromConfig = resolveDigestOptions([], {
      flags: {},
      config: config({ inputs: ['各联系点'], output: '报告', templates: '我的模板', draft: '草案.docx', citedDraft: '征求意见稿.docx', dictionary: { userDict: ['本地.txt'], synonyms: ['同义.txt'] } }),
      cwd: CWD,
    });
    expect(fromConfig).toMatchObject({
      inputs: [join(CONFIG_DIR, '各联系点')],
      outputDir: join(CONFIG_DIR, '报告'),
      templatesDir: join(CONFIG_DIR, '我的模板'),
      citedDraft: join(CONFIG_DIR, '征求意见稿.docx'),
      text: { draft: join(CONFIG_DIR, '草案.docx'), segmenter: { userDicts: [join(CONFIG_DIR, '本地.txt')], synonymFiles: [join(CONFIG_DIR, '同义.txt')] } },
    });
  });

  it('a flag wins over the config, the config over the default; dictionaries add up, the config\'s first', () => {
    const loaded = config({ thresholds: { near: 0.7, cluster: 0.3 }, formats: ['md'], output: '配置输出/', draft: '配置草案.txt', dictionary: { userDict: ['配置.txt'] }, point: '配置联系点' });
    const both = resolveDigestOptions(['a.xlsx'], { flags: { near: '0.9', formats: 'xlsx,docx', output: '命令行输出', draft: '命令行草案.txt', userDict: ['命令行.txt'], point: '命令行联系点' }, config: loaded, cwd: CWD });
    expect(both.thresholds).toEqual({ near: 0.9, assign: DEFAULT_ASSIGN_THRESHOLD, assignMargin: DEFAULT_ASSIGN_MARGIN, assignLead: ASSIGN_DEFAULTS.minLead, assignLeadUnanchored: ASSIGN_DEFAULTS.minLeadUnanchored, cluster: 0.3 });
    expect(both.formats).toEqual(['xlsx', 'docx']);
    expect(both.outputDir).toBe(join(CWD, '命令行输出'));
    expect(both.text.draft).toBe(join(CWD, '命令行草案.txt'));
    expect(both.text.segmenter.userDicts).toEqual([join(CONFIG_DIR, '配置.txt'), join(CWD, '命令行.txt')]);
    expect(both.ingest.point).toBe('命令行联系点');
    const configOnly = resolveDigestOptions(['a.xlsx'], { flags: {}, config: loaded, cwd: CWD });
    expect(configOnly.thresholds.near).toBe(0.7);
    expect(configOnly.formats).toEqual(['md']);
    expect(configOnly.ingest.point).toBe('配置联系点');
  });

  it.each([
    ['--near', { near: '1.5' }, '选项 --near 的取值应为 0 到 1 之间的小数，收到“1.5”。'],
    ['--assign', { assign: '高' }, '选项 --assign 的取值应为 0 到 1 之间的小数，收到“高”。'],
    ['--cluster', { cluster: '-0.1' }, '选项 --cluster 的取值应为 0 到 1 之间的小数，收到“-0.1”。'],
    ['--formats', { formats: 'md,pdf' }, '不认识的报告格式：pdf'],
  ])('a bad %s is a usage error naming it', (flag, flags, message) => {
    const error = usageError(() => resolveDigestOptions(['a.xlsx'], { flags, config: NO_CONFIG, cwd: CWD }));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe(message);
    expect(error.hint).toContain('--');
    expect(`${error.message}${error.hint ?? ''}`).toContain(flag);
  });

  it('no files and no configured inputs is a usage error naming <files> and the config key', () => {
    const error = usageError(() => resolveDigestOptions([], { flags: {}, config: NO_CONFIG, cwd: CWD }));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toContain('<files>');
    expect(error.message).toContain('inputs');
  });

  it('a bad config value is refused when the config is read, naming the key', () => {
    const error = usageError(() => config({ thresholds: { near: 1.5 } }));
    expect(error.code).toBe('E_BAD_CONFIG');
    expect(error.message).toContain('thresholds.near');
  });

  it('a bad --map is refused with the options, naming the mapping', () => {
    const error = usageError(() => resolveDigestOptions(['a.xlsx'], { flags: { map: ['不存在的字段=C'] }, config: NO_CONFIG, cwd: CWD }));
    expect(error.code).toBe('E_BAD_MAPPING');
    expect(error.message).toContain('不存在的字段');
  });
});

describe('inspect options', () => {
  it('--assign, else the config\'s thresholds.assign, else the default; the margin always filled', () => {
    expect(resolveInspectOptions(['a.xlsx'], { flags: {}, config: NO_CONFIG, cwd: CWD }).assign).toEqual({ threshold: DEFAULT_ASSIGN_THRESHOLD, minMargin: DEFAULT_ASSIGN_MARGIN, minLead: ASSIGN_DEFAULTS.minLead, minLeadUnanchored: ASSIGN_DEFAULTS.minLeadUnanchored });
    const loaded = config({ thresholds: { assign: 0.25 }, draft: '草案.txt' });
    const fromConfig = resolveInspectOptions(['a.xlsx'], { flags: {}, config: loaded, cwd: CWD });
    expect(fromConfig.assign.threshold).toBe(0.25);
    expect(fromConfig.text.draft).toBe(join(CONFIG_DIR, '草案.txt'));
    expect(resolveInspectOptions(['a.xlsx'], { flags: { assign: '0.4', json: true, strict: true }, config: loaded, cwd: CWD })).toMatchObject({ assign: { threshold: 0.4 }, json: true, strict: true });
    expect(usageError(() => resolveInspectOptions(['a.xlsx'], { flags: { assign: '2' }, config: NO_CONFIG, cwd: CWD })).message).toContain('--assign');
  });
});

describe('merge options', () => {
  it('an .xlsx output has its problem rows inside; a .csv one beside it', () => {
    expect(resolveMergeOptions(['a.xlsx'], { flags: { output: '汇总.xlsx' }, config: NO_CONFIG, cwd: CWD })).toMatchObject({
      output: join(CWD, '汇总.xlsx'), outputAsTyped: '汇总.xlsx', format: '.xlsx', rejectsPath: null, force: false, json: false, strict: false,
    });
    expect(resolveMergeOptions(['a.xlsx'], { flags: { output: '汇总.CSV', force: true }, config: NO_CONFIG, cwd: CWD })).toMatchObject({
      output: join(CWD, '汇总.CSV'), format: '.csv', rejectsPath: join(CWD, '汇总.问题行.csv'), force: true,
    });
  });

  it('the config\'s reading settings reach the ingest slice; a flag wins', () => {
    const loaded = config({ sheet: '意见汇总', county: '城东区', columns: { split: false } });
    expect(resolveMergeOptions(['a.xlsx'], { flags: { output: 'o.xlsx' }, config: loaded, cwd: CWD }).ingest).toMatchObject({ sheet: '意见汇总', county: '城东区', split: false });
    expect(resolveMergeOptions(['a.xlsx'], { flags: { output: 'o.xlsx', sheet: '第二批', county: '河西县' }, config: loaded, cwd: CWD }).ingest).toMatchObject({ sheet: '第二批', county: '河西县' });
  });

  it('another output type is a usage error naming the file', () => {
    const error = usageError(() => resolveMergeOptions(['a.xlsx'], { flags: { output: '汇总.docx' }, config: NO_CONFIG, cwd: CWD }));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe('输出文件须为 .xlsx 或 .csv：汇总.docx');
  });
});

describe('feedback and stats options', () => {
  it('feedback: a --digest folder means its digest.json; the issuer from the flag, else the config, else none', () => {
    const folder = mkdtempSync(join(tmpdir(), 'yijian-options-digest-'));
    mkdirSync(join(folder, '报告'));
    const options = resolveFeedbackOptions({ flags: { digest: join(folder, '报告'), decisions: '登记表.xlsx' }, config: config({ issuer: '某市司法局' }), cwd: CWD });
    expect(options).toMatchObject({
      digestPath: join(folder, '报告', 'digest.json'),
      decisions: { path: join(CWD, '登记表.xlsx'), reading: { sheet: null, limits: DEFAULT_LIMITS } },
      outputDir: join(CWD, 'yijian-feedback'),
      formats: ['docx', 'md', 'xlsx', 'html'],
      templatesDir: null,
      date: null,
      issuer: '某市司法局',
      force: false,
      strict: false,
      json: false,
    });
    const flagged = resolveFeedbackOptions({ flags: { digest: 'd/digest.json', decisions: 'x.xlsx', issuer: '某区司法局', formats: 'md，md docx' }, config: config({ issuer: '某市司法局' }), cwd: CWD });
    expect(flagged).toMatchObject({ digestPath: join(CWD, 'd/digest.json'), issuer: '某区司法局', formats: ['md', 'docx'] });
    expect(resolveFeedbackOptions({ flags: { digest: 'd', decisions: 'x.xlsx' }, config: NO_CONFIG, cwd: CWD }).issuer).toBe('');
    // The letters' 联系人: the flag, else the config, else none.
    expect(resolveFeedbackOptions({ flags: { digest: 'd', decisions: 'x.xlsx' }, config: config({ contact: '张三，021-63210000' }), cwd: CWD }).contact).toBe('张三，021-63210000');
    expect(resolveFeedbackOptions({ flags: { digest: 'd', decisions: 'x.xlsx', contact: ' 李四 ' }, config: config({ contact: '张三' }), cwd: CWD }).contact).toBe('李四');
    expect(resolveFeedbackOptions({ flags: { digest: 'd', decisions: 'x.xlsx' }, config: NO_CONFIG, cwd: CWD }).contact).toBe('');
    // digest --decisions and feedback --decisions read a decision sheet the same way: one resolved slice, whatever the config says.
    const reading = config({ sheet: '汇总', columns: { map: { 意见建议: 'C' } } });
    const digestSheet = resolveDigestOptions(['a.xlsx'], { flags: { decisions: 'x.xlsx' }, config: reading, cwd: CWD }).decisions;
    expect(resolveFeedbackOptions({ flags: { digest: 'd', decisions: 'x.xlsx' }, config: reading, cwd: CWD }).decisions).toEqual(digestSheet);
    expect(digestSheet?.reading).toMatchObject({ sheet: null, maps: [] });
    const error = usageError(() => resolveFeedbackOptions({ flags: { digest: 'd', decisions: 'x.xlsx', formats: 'pdf' }, config: NO_CONFIG, cwd: CWD }));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe('不认识的输出格式：pdf');
    expect(error.hint).toContain('docx,md,xlsx,html');
  });

  it('stats: xlsx, md and html by default (never docx), the default title, inputs kept as typed beside their path', () => {
    expect(resolveStatsOptions(['反馈/5月'], { flags: {}, config: NO_CONFIG, cwd: CWD })).toEqual({
      inputs: [{ typed: '反馈/5月', path: join(CWD, '反馈/5月') }],
      outputDir: join(CWD, 'yijian-stats'),
      force: false,
      json: false,
      formats: ['xlsx', 'md', 'html'],
      templatesDir: null,
      title: '意见采纳情况统计',
      pointNames: new Map(),
      counties: [],
    });
    expect(resolveStatsOptions(['f'], { flags: { formats: 'docx,md', title: '2024年统计' }, config: NO_CONFIG, cwd: CWD })).toMatchObject({ formats: ['md'], title: '2024年统计' });
  });
});

describe('compare options', () => {
  it('-o without an extension writes every format; with one, that format only; --json alone writes nothing', () => {
    expect(resolveCompareOptions('一稿.txt', '二稿.txt', { flags: {}, config: NO_CONFIG, cwd: CWD })).toEqual({
      oldPath: join(CWD, '一稿.txt'),
      newPath: join(CWD, '二稿.txt'),
      base: join(CWD, '修改前后对照表'),
      formats: ['docx', 'xlsx', 'md'],
      templatesDir: null,
      force: false,
      json: false,
      changedOnly: false,
      align: DEFAULT_ALIGN_OPTIONS,
    });
    expect(resolveCompareOptions('a', 'b', { flags: { output: '对照/表.DOCX', changedOnly: true }, config: NO_CONFIG, cwd: CWD })).toMatchObject({ base: join(CWD, '对照/表'), formats: ['docx'], changedOnly: true });
    expect(resolveCompareOptions('a', 'b', { flags: { json: true }, config: NO_CONFIG, cwd: CWD }).base).toBeNull();
  });

  it('an output type compare does not write is a usage error naming the extension', () => {
    const error = usageError(() => resolveCompareOptions('a', 'b', { flags: { output: '表.pdf' }, config: NO_CONFIG, cwd: CWD }));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toContain('.pdf');
  });
});

describe('form options', () => {
  it('the draft from the flag or the config; the output named after the point; rows filled', () => {
    expect(resolveFormOptions({ flags: { point: ' 东湖街道立法联系点 ', county: '' }, config: config({ draft: '草案.docx' }), cwd: CWD })).toEqual({
      draftPath: join(CONFIG_DIR, '草案.docx'),
      output: join(CWD, '东湖街道立法联系点-意见征集表.xlsx'),
      force: false,
      templatesDir: null,
      form: { point: '东湖街道立法联系点', county: null, rows: DEFAULT_FORM_ROWS },
    });
    expect(resolveFormOptions({ flags: { draft: '草案.txt', output: '表.xlsx', rows: '500' }, config: config({ draft: '配置草案.docx' }), cwd: CWD })).toMatchObject({
      draftPath: join(CWD, '草案.txt'), output: join(CWD, '表.xlsx'), form: { rows: 500 },
    });
  });

  it('no draft, or rows out of range, is a usage error naming --draft or --rows', () => {
    expect(usageError(() => resolveFormOptions({ flags: {}, config: NO_CONFIG, cwd: CWD })).message).toContain('--draft');
    const rows = usageError(() => resolveFormOptions({ flags: { draft: 'd.txt', rows: '0' }, config: NO_CONFIG, cwd: CWD }));
    expect(rows.code).toBe('E_USAGE');
    expect(rows.message).toBe('选项 --rows 的取值应为 1 到 10000 之间的整数，收到“0”。');
    expect(rows.hint).toBe('例如 --rows 300');
  });
});
