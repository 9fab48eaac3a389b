/** `yijian digest`: the city bureau's batch summary — duplicates, articles, clusters, reports. */
import type { Command } from 'commander';
import { basename, extname, join } from 'node:path';
import { EXIT, YijianError } from '../errors.js';
import { assertWritable } from '../io/atomic.js';
import { writeStaged } from '../io/staging.js';
import type { Progress } from '../io/terminal.js';
import type { ReportFormat } from '../config/schema.js';
import { buildDigest, type DigestStep, type DigestText } from '../digest/build.js';
import { createDigestText } from '../digest/text.js';
import { startSegmentAhead, withSegmented } from '../digest/segment-ahead.js';
import { digestSummary } from '../digest/summary.js';
import { resolveDigestOptions, type DigestFlags, type DigestOptions } from './options/digest.js';
import { THRESHOLD_DEFAULTS } from './options/thresholds.js';
import type { Segmenter } from '../text/segment.js';
import { REPORT_FILES, renderReports } from '../report/index.js';
import { startMaskAhead } from '../report/mask-ahead.js';
import type { MaskedOpinions } from '../text/mask.js';
import type { Digest, Draft, OpinionRecord } from '../model.js';
import { UNASSIGNED } from '../article-key.js';
import { action, type CommandContext } from './program.js';
import { commandDescription } from './commands.js';
import type { IngestResult } from '../ingest/index.js';
import { addIngestFlags, assertSomethingRead, readInputs, reconciliationLine, reportInputProblems } from './ingest-flags.js';
import { addTextFlags, draftOf, segmenterOf } from './text-flags.js';
import { type DecisionCarry, readDecisionCarry } from './decision-carry.js';

/** Digest flags as commander hands them over (also built by the guided flow). */
export type { DigestFlags } from './options/digest.js';

/** The digest's own file name in OUTDIR. */
export const DIGEST_FILE = 'digest.json';

/** Registers `digest`. */
export function registerDigest(program: Command): void {
  const command = program
    .command('digest')
    .description(commandDescription('digest'))
    .argument('[files...]', '意见文件或目录（各县区汇总表、联系点原表均可；省略时用配置中的 inputs）')
    .option('-o, --output <dir>', '输出目录（默认：配置中的 output，否则 ./yijian-output）')
    .option('-f, --force', '覆盖输出目录中已存在的文件', false)
    .option('--json', '在标准输出打印汇总数字（JSON）')
    .option('--near <0-1>', `近似重复的相似度阈值（默认 ${THRESHOLD_DEFAULTS.near}）`)
    .option('--assign <0-1>', `按相似度归入条文的最低相似度（默认 ${THRESHOLD_DEFAULTS.assign}）`)
    .option('--cluster <0-1>', `同条意见聚为一类的相似度阈值（默认 ${THRESHOLD_DEFAULTS.cluster}）`)
    .option('--formats <list>', '报告格式，逗号分隔：md,html,docx,xlsx（默认全部）')
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .option('--date <date>', '写入报告的日期（默认不写日期，便于比对两次结果）')
    .option('--show-contact', '采纳情况登记表中显示完整联系方式（其他报告始终打码）', false)
    .option('--decisions <file>', '上次填好的采纳情况登记表：成员未变的意见类沿用原采纳情况，有变化的标记“需复核”')
    .option('--cited-draft <file>', '意见所引条文所依据的上一稿草案：按条文内容对齐到 --draft（现稿），引用的条号换算为现稿条号（原第十二条，现第十三条）');
  addIngestFlags(command);
  addTextFlags(command);
  command.addHelpText('after', `
示例：
  $ yijian digest fixtures/submissions/ --draft "fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt" -o 报告/
  $ yijian digest 各县区/ --draft 草案.docx -o 报告/ --formats md,xlsx --near 0.7
  $ yijian digest 汇总.xlsx -o 报告/ --json > 汇总数字.json
  $ yijian digest 各县区/ --draft 修改稿.docx --cited-draft 征求意见稿.docx -o 报告/   意见针对的是上一稿
输出：digest.json（完整模型）、汇总报告（md/html/docx）、条文意见对照表（docx/xlsx）、采纳情况登记表（xlsx）。`);
  command.action(action(async (context, files: string[], flags: DigestFlags) => digest(context, files, flags)));
}

/** The report files a set of formats produces, by extension. */
function reportNames(formats: readonly ReportFormat[]): string[] {
  const extension: Readonly<Record<ReportFormat, string>> = { md: '.md', html: '.html', docx: '.docx', xlsx: '.xlsx' };
  const wanted = new Set(formats.map((format) => extension[format]));
  return Object.values(REPORT_FILES).filter((name) => wanted.has(extname(name)));
}

const STEP_LABELS: Readonly<Record<DigestStep, string>> = { segment: '分词', assign: '归入条文', dedupe: '查找重复', cluster: '意见聚类' };

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
async function readAndBuild(context: CommandContext, run: DigestOptions, carry: DecisionCarry | undefined): Promise<BuiltDigest> {
  const draft = await draftOf(run.text);
  const segmenter = segmenterOf(run.text);
  // A second thread segments the opinions of the files read while the next ones are read.
  const ahead = startSegmentAhead(run.text.segmenter);
  let result: IngestResult;
  try {
    const toSegment = ahead === null ? undefined : (records: readonly OpinionRecord[]) => ahead.add(records.map((record) => record.opinion));
    result = await readInputs(run.inputs, run.ingest, context, [], toSegment, [run.text.draft, run.citedDraft]);
  } catch (error) {
    ahead?.cancel();
    throw error;
  }
  const segmented = ahead === null ? null : await ahead.finish();
  const hasProblems = reportInputProblems(result, context);
  assertSomethingRead(result);

  // Corrections from the old sheet: those opinions keep their article and teach the assigner its words.
  const corrections = carry?.beforeBuild(result.records, draft);
  const cited = await citedRoundFrom(run, context, draft);
  const plain = createDigestText(draft, segmented === null ? segmenter : withSegmented(segmenter, segmented), { threshold: run.thresholds.assign, minMargin: run.thresholds.assignMargin, minLead: run.thresholds.assignLead, minLeadUnanchored: run.thresholds.assignLeadUnanchored, examples: corrections?.examples ?? [] });
  const text = cited === null ? plain : cited.wrap(plain);
  const progress = stepProgress(context);
  const model: Digest = await buildDigest(result, draft, text, {
    near: run.thresholds.near,
    assignThreshold: run.thresholds.assign,
    clusterThreshold: run.thresholds.cluster,
    date: run.date,
    ...(corrections === undefined ? {} : { corrected: corrections.assignments }),
    citedDraft: cited?.draft ?? null,
  }, progress.onStep, { onThreadFailure: (message) => context.terminal.warn('W_CLUSTER_THREAD', `意见归类的第二线程出错（${message}），已在主线程归类完毕，结果不变，只是较慢。`) });
  progress.stop();
  return { model, reconciliation: result.reconciliation, balanced: result.reconciliation.balanced, hasProblems };
}

/**
 * The earlier round named by --cited-draft (or the config's citedDraft), aligned to the current draft;
 * null when there is none. Loaded only then, so a plain digest does not pay for the alignment.
 */
async function citedRoundFrom(
  run: DigestOptions, context: CommandContext, draft: Draft | null,
): Promise<{ draft: { title: string; file: string }; wrap: (text: DigestText) => DigestText } | null> {
  const path = run.citedDraft;
  if (path === null) return null;
  if (draft === null) {
    throw new YijianError('E_USAGE', '给出上一稿（--cited-draft）时，还需要用 --draft 给出现稿。', {
      hint: '例如 yijian digest 意见/ --draft 修改稿.docx --cited-draft 征求意见稿.docx -o 报告/',
    });
  }
  const [{ readDraft }, { alignDrafts }, round] = await Promise.all([
    import('../text/read-draft.js'), import('../compare/align.js'), import('../compare/cited-round.js'),
  ]);
  const oldDraft = await readDraft(path);
  const alignment = alignDrafts(oldDraft, draft, run.align);
  const remap = round.createCitedRoundRemap(oldDraft, draft, alignment);
  const deleted = Object.values(alignment.oldToNew).filter((keys) => keys.length === 0).length;
  const moved = alignment.changes.filter((c) => c.renumbered).length;
  context.terminal.info(`上一稿 ${oldDraft.title}：${oldDraft.articles.length} 条，对齐到现稿后条号有变化的 ${moved} 处，现稿删除 ${deleted} 条；意见中的条号按上一稿换算。`);
  return {
    draft: { title: oldDraft.title, file: oldDraft.file },
    // An opinion citing a deleted article is placed the way an uncited one is: by the digest's own guess, with
    // the profiles the citations taught it and, when it abstains, the likely articles (可能涉及条文). The one
    // difference: it is guessed while the citations are read, so it has learnt from those read before it.
    wrap: (text) => round.withCitedRound(text, remap, (opinion, terms) =>
      text.guess({ article: null, opinion }, terms)[0] ?? { key: UNASSIGNED, source: 'none', confidence: 0, cited: null, notInDraft: false }),
  };
}

/** Runs the digest on files (or the config's inputs) and writes the reports; returns the exit code. */
export async function digest(context: CommandContext, files: string[], flags: DigestFlags): Promise<number> {
  const run = resolveDigestOptions(files, { flags, config: context.config, cwd: context.cwd });
  const outputs = [DIGEST_FILE, ...reportNames(run.formats)].map((name) => join(run.outputDir, name));
  for (const path of outputs) assertWritable(path, run.force);

  // Read the old decision sheet before reading and writing anything, so a bad one leaves the output folder untouched.
  const carry = await readDecisionCarry(run.decisions, context);
  const built = await readAndBuild(context, run, carry);
  const { reconciliation, balanced, hasProblems } = built;
  const after = carry?.afterBuild(built.model);
  const model = after?.digest ?? built.model;
  const carried = after?.carried;
  // Everything goes to a staging folder first and is moved in at the end: a failure on the way (a template
  // error, a full disk, a kill) leaves the output folder as it was.
  const rendered = await writeStaged(run.outputDir, outputs.map((path) => basename(path)), run.force, async (staging) => {
    // The reports mask every opinion: a second thread does that while this one writes digest.json.
    const masking = run.formats.length === 0 ? null : startMaskAhead(model.records);
    let maskedOpinions: MaskedOpinions | undefined;
    try {
      await staging.writeJson(DIGEST_FILE, model);
    } finally {
      maskedOpinions = await masking?.finish();
    }
    const files = await renderReports(model, { formats: run.formats, templatesDir: run.templatesDir, showContact: run.showContact, carried, maskedOpinions });
    for (const file of files) await staging.writeFile(file.name, file.data);
    return files;
  });

  const summary = digestSummary(model);
  if (run.json) {
    context.stdout(`${JSON.stringify({ outputDir: run.outputDir, files: [DIGEST_FILE, ...rendered.map((file) => file.name)], totals: model.totals, reconciliation }, null, 2)}\n`);
  } else {
    context.stdout(summary);
  }
  context.terminal.info(reconciliationLine({ reconciliation }));
  context.terminal.success(`已写入 ${run.outputDir}：${[DIGEST_FILE, ...rendered.map((file) => file.name)].join('、')}`);
  if (!balanced) return EXIT.failure;
  return run.strict && hasProblems ? EXIT.inputProblems : EXIT.ok;
}
