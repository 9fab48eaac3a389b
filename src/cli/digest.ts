/** `yijian digest`: the city bureau's batch summary — duplicates, articles, clusters, reports. */
import type { Command } from 'commander';
import { extname, join, resolve } from 'node:path';
import { EXIT } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import type { Progress } from '../io/terminal.js';
import { writeJsonAtomic } from '../io/json-file.js';
import { REPORT_FORMATS, type ReportFormat } from '../config/schema.js';
import { buildDigest, type DigestStep } from '../digest/build.js';
import { createDigestText } from '../digest/text.js';
import { digestSummary } from '../digest/summary.js';
import { DEFAULT_NEAR_THRESHOLD } from '../dedupe/index.js';
import { DEFAULT_CLUSTER_THRESHOLD } from '../cluster/index.js';
import { DEFAULT_ASSIGN_THRESHOLD } from '../text/assign.js';
import { REPORT_FILES, renderReports } from '../report/index.js';
import type { Digest } from '../model.js';
import { resolveConfigPath } from '../config/load.js';
import { action, parseFormatList, parseUnit, type CommandContext } from './program.js';
import type { IngestResult } from '../ingest/index.js';
import { addIngestFlags, assertSomethingRead, ingestOptionsFrom, readInputs, reconciliationLine, reportInputProblems, type IngestFlags } from './ingest-flags.js';
import { addTextFlags, draftFrom, segmenterFrom, type TextFlags } from './text-flags.js';
import { inputsOrConfig } from './config.js';
import { carriedDecisions } from './feedback.js';

/** Digest flags as commander hands them over (also built by the guided flow). */
export interface DigestFlags extends IngestFlags, TextFlags {
  output?: string;
  force: boolean;
  json?: boolean;
  near?: string;
  assign?: string;
  cluster?: string;
  formats?: string;
  templates?: string;
  date?: string;
  showContact: boolean;
  /** An earlier, filled 采纳情况登记表 whose decisions carry forward. */
  decisions?: string;
}

/** The digest's own file name in OUTDIR. */
export const DIGEST_FILE = 'digest.json';

/** Registers `digest`. */
export function registerDigest(program: Command): void {
  const command = program
    .command('digest')
    .description('批量汇总：去重（完全相同与近似）、逐条归入条文、同条意见聚类，生成 digest.json 和各类报告')
    .argument('[files...]', '意见文件或目录（各县区汇总表、联系点原表均可；省略时用配置中的 inputs）')
    .option('-o, --output <dir>', '输出目录（默认：配置中的 output，否则 ./yijian-output）')
    .option('-f, --force', '覆盖输出目录中已存在的文件', false)
    .option('--json', '在标准输出打印汇总数字（JSON）')
    .option('--near <0-1>', `近似重复的相似度阈值（默认 ${DEFAULT_NEAR_THRESHOLD}）`)
    .option('--assign <0-1>', `按相似度归入条文的最低相似度（默认 ${DEFAULT_ASSIGN_THRESHOLD}）`)
    .option('--cluster <0-1>', `同条意见聚为一类的相似度阈值（默认 ${DEFAULT_CLUSTER_THRESHOLD}）`)
    .option('--formats <list>', '报告格式，逗号分隔：md,html,docx,xlsx（默认全部）')
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .option('--date <date>', '写入报告的日期（默认不写日期，便于比对两次结果）')
    .option('--show-contact', '采纳情况登记表中显示完整联系方式（其他报告始终打码）', false)
    .option('--decisions <file>', '上次填好的采纳情况登记表：成员未变的意见类沿用原采纳情况，有变化的标记“需复核”');
  addIngestFlags(command);
  addTextFlags(command);
  command.addHelpText('after', `
示例：
  $ yijian digest fixtures/submissions/ --draft "fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt" -o 报告/
  $ yijian digest 各县区/ --draft 草案.docx -o 报告/ --formats md,xlsx --near 0.7
  $ yijian digest 汇总.xlsx -o 报告/ --json > 汇总数字.json
输出：digest.json（完整模型）、汇总报告（md/html/docx）、条文意见对照表（docx/xlsx）、采纳情况登记表（xlsx）。`);
  command.action(action(async (context, files: string[], flags: DigestFlags) => digest(context, files, flags)));
}

/** Flags and config, normalised once. */
interface DigestRun {
  outputDir: string;
  near: number;
  assignThreshold: number;
  clusterThreshold: number;
  formats: ReportFormat[];
  templatesDir: string | null;
  date: string | null;
}

function normalizeDigestFlags(flags: DigestFlags, context: CommandContext): DigestRun {
  const config = context.config.config;
  const formats = flags.formats !== undefined ? parseFormatList(flags.formats, REPORT_FORMATS, '报告格式') : config.formats ?? [...REPORT_FORMATS];
  const templates = flags.templates !== undefined ? resolve(context.cwd, flags.templates)
    : config.templates !== undefined ? resolveConfigPath(context.config, config.templates) : null;
  return {
    outputDir: flags.output !== undefined ? resolve(context.cwd, flags.output)
      : config.output !== undefined ? resolveConfigPath(context.config, config.output) : resolve(context.cwd, 'yijian-output'),
    near: flags.near !== undefined ? parseUnit(flags.near, '--near') : config.thresholds?.near ?? DEFAULT_NEAR_THRESHOLD,
    assignThreshold: flags.assign !== undefined ? parseUnit(flags.assign, '--assign') : config.thresholds?.assign ?? DEFAULT_ASSIGN_THRESHOLD,
    clusterThreshold: flags.cluster !== undefined ? parseUnit(flags.cluster, '--cluster') : config.thresholds?.cluster ?? DEFAULT_CLUSTER_THRESHOLD,
    formats,
    templatesDir: templates,
    date: flags.date ?? null,
  };
}

/** The report files a set of formats produces, by extension. */
function reportNames(formats: readonly ReportFormat[]): string[] {
  const extension: Readonly<Record<ReportFormat, string>> = { md: '.md', html: '.html', docx: '.docx', xlsx: '.xlsx' };
  const wanted = new Set(formats.map((format) => extension[format]));
  return Object.values(REPORT_FILES).filter((name) => wanted.has(extname(name)));
}

const STEP_LABELS: Readonly<Record<DigestStep, string>> = { assign: '归入条文', dedupe: '查找重复', cluster: '意见聚类' };

/** One progress bar per digest step, replaced when the step changes (nothing without a terminal). */
function stepProgress(context: CommandContext): { onStep: (step: DigestStep, done: number, total: number) => void; stop: () => void } {
  let current: { step: DigestStep; bar: Progress } | null = null;
  return {
    onStep: (step, done, total) => {
      if (current === null || current.step !== step) {
        current?.bar.stop();
        current = { step, bar: context.terminal.progress(STEP_LABELS[step], total) };
      }
      current.bar.update(done, total);
    },
    stop: () => current?.bar.stop(),
  };
}

/** The model and what the command still needs of the reading once the records are let go. */
interface BuiltDigest {
  model: Digest;
  reconciliation: IngestResult['reconciliation'];
  balanced: boolean;
  hasProblems: boolean;
}

/**
 * Reads the inputs and builds the model. A function of its own so that the ingested record objects,
 * which the model copies (sharing their strings), are let go when it returns.
 */
async function readAndBuild(context: CommandContext, files: string[], flags: DigestFlags, run: DigestRun): Promise<BuiltDigest> {
  const options = ingestOptionsFrom(flags, context);
  const draft = await draftFrom(flags, context);
  const segmenter = segmenterFrom(flags, context);
  const result = await readInputs(inputsOrConfig(files, context), options, context);
  const hasProblems = reportInputProblems(result, context);
  assertSomethingRead(result);

  const text = createDigestText(draft, segmenter, { threshold: run.assignThreshold });
  const progress = stepProgress(context);
  const model: Digest = await buildDigest(result, draft, text, {
    near: run.near,
    assignThreshold: run.assignThreshold,
    clusterThreshold: run.clusterThreshold,
    date: run.date,
  }, progress.onStep);
  progress.stop();
  return { model, reconciliation: result.reconciliation, balanced: result.reconciliation.balanced, hasProblems };
}

/** Runs the digest on files (or the config's inputs) and writes the reports; returns the exit code. */
export async function digest(context: CommandContext, files: string[], flags: DigestFlags): Promise<number> {
  const run = normalizeDigestFlags(flags, context);
  const outputs = [DIGEST_FILE, ...reportNames(run.formats)].map((name) => join(run.outputDir, name));
  for (const path of outputs) assertWritable(path, flags.force);

  const { model, reconciliation, balanced, hasProblems } = await readAndBuild(context, files, flags, run);
  // Read the old decision sheet before writing anything, so a bad one leaves the output folder untouched.
  const carried = await carriedDecisions(flags.decisions, model, context);
  await writeJsonAtomic(join(run.outputDir, DIGEST_FILE), model, { force: flags.force });
  const rendered = await renderReports(model, { formats: run.formats, templatesDir: run.templatesDir, showContact: flags.showContact, carried });
  for (const file of rendered) await writeFileAtomic(join(run.outputDir, file.name), file.data, { force: flags.force });

  const summary = digestSummary(model);
  if (flags.json === true) {
    context.stdout(`${JSON.stringify({ outputDir: run.outputDir, files: [DIGEST_FILE, ...rendered.map((file) => file.name)], totals: model.totals, reconciliation }, null, 2)}\n`);
  } else {
    context.stdout(summary);
  }
  context.terminal.info(reconciliationLine({ reconciliation }));
  context.terminal.success(`已写入 ${run.outputDir}：${[DIGEST_FILE, ...rendered.map((file) => file.name)].join('、')}`);
  if (!balanced) return EXIT.failure;
  return flags.strict === true && hasProblems ? EXIT.inputProblems : EXIT.ok;
}
