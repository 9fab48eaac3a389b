/** `yijian feedback`: the filled decision sheet applied to a digest → feedback per point, statistics, feedback.json. */
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT } from '../errors.js';
import { safeFileName } from '../io/file-names.js';
import { openStaging } from '../io/staging.js';
import { applyDecisions } from '../decisions/apply.js';
import { buildFeedbackDocument, pointFeedback } from '../decisions/feedback.js';
import { FEEDBACK_FILE, readDigest } from '../decisions/read-inputs.js';
import { readDecisionSheet } from '../decisions/read-sheet.js';
import { type FeedbackFormat, renderFeedback, renderStats } from '../decisions/render.js';
import { computeStats } from '../decisions/stats.js';
import { chineseDate } from '../report/format.js';
import type { CarriedDecisions } from '../report/index.js';
import type { Digest } from '../model.js';
import { carryForward } from '../decisions/carry-forward.js';
import { action, parseFormatList, type CommandContext } from './program.js';

interface FeedbackFlags {
  digest: string;
  decisions: string;
  output?: string;
  force: boolean;
  strict?: boolean;
  json?: boolean;
  formats?: string;
  templates?: string;
}

const ALL_FORMATS: readonly FeedbackFormat[] = ['docx', 'md', 'xlsx', 'html'];

/** Parses --formats for feedback and stats: docx,md,xlsx,html. */
export function parseFeedbackFormats(text: string | undefined): FeedbackFormat[] {
  if (text === undefined) return [...ALL_FORMATS];
  return parseFormatList(text, ALL_FORMATS, '输出格式');
}

/** Registers `feedback`. */
export function registerFeedback(program: Command): void {
  program
    .command('feedback')
    .description('采纳情况反馈：读取填好的采纳情况登记表，为每个联系点生成反馈（Word、Markdown），并统计各联系点、各县区的采纳情况')
    .requiredOption('--digest <file>', 'yijian digest 输出的 digest.json（或其所在目录）')
    .requiredOption('--decisions <file>', '填好的采纳情况登记表（.xlsx；可排序、筛选、另存）')
    .option('-o, --output <dir>', '输出目录（默认 ./yijian-feedback）')
    .option('-f, --force', '覆盖输出目录中已存在的文件', false)
    .option('--strict', '登记表有问题（不认识的采纳情况、缺编号、重复编号、编号不在汇总中）时不输出，退出码 3')
    .option('--json', '在标准输出打印统计数字（JSON）')
    .option('--formats <list>', '输出格式，逗号分隔：docx,md,xlsx,html（默认全部；docx、md 为各联系点反馈，xlsx、html、md 含统计）')
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .addHelpText('after', `
示例：
  $ yijian feedback --digest 报告/digest.json --decisions 报告/采纳情况登记表.xlsx -o 反馈/
  $ yijian feedback --digest 报告/ --decisions 已填写.xlsx -o 反馈/ --strict --formats docx,xlsx
采纳情况可填：采纳、部分采纳、未采纳、已转送、作为参考、待研究（空白即待研究）；
也认得 已采纳、不予采纳、转交、参考 等常见写法。“单条意见”工作表中填写的，优先于所在类的采纳情况。
输出：每个联系点一份 <联系点>-采纳情况反馈.docx/.md，统计.xlsx、统计.md、统计.html，feedback.json（供 yijian stats 使用）。`)
    .action(action(async (context, flags: FeedbackFlags) => feedback(context, flags)));
}

async function feedback(context: CommandContext, flags: FeedbackFlags): Promise<number> {
  const digestArg = resolve(context.cwd, flags.digest);
  const digestPath = existsSync(digestArg) && statSync(digestArg).isDirectory() ? join(digestArg, 'digest.json') : digestArg;
  const outputDir = resolve(context.cwd, flags.output ?? 'yijian-feedback');
  const formats = parseFeedbackFormats(flags.formats);
  const templatesDir = flags.templates === undefined ? null : resolve(context.cwd, flags.templates);

  const digest = await readDigest(digestPath);
  const sheet = await readDecisionSheet(resolve(context.cwd, flags.decisions));
  const applied = applyDecisions(digest, sheet);
  for (const problem of applied.problems) context.terminal.warn(problem.message);
  if (flags.strict === true && applied.problems.length > 0) {
    context.terminal.error(`采纳情况登记表有 ${applied.problems.length} 处问题（--strict），未生成反馈。`, '请按上面的提示修改登记表后重新运行；不加 --strict 时这些问题只作提示。');
    return EXIT.inputProblems;
  }

  const document = buildFeedbackDocument(digest, applied);
  const dateText = digest.date === null ? '' : chineseDate(digest.date);
  const points = pointFeedback(document, dateText);
  const stats = computeStats([{ name: digest.draft?.title ?? '（未指定草案）', document }]);
  const title = digest.draft === null ? '' : `《${digest.draft.title}》`;
  const rendered = [
    ...(await renderFeedback(points, formats, templatesDir)),
    ...(await renderStats(stats, formats, templatesDir, `${title}意见采纳情况统计`, dateText)),
  ];
  // A point's name becomes a file name: unsafe characters replaced, a name too long shortened (never a failed batch).
  const taken = new Set<string>([FEEDBACK_FILE]);
  const files = rendered.map((file) => ({ name: safeFileName(file.name, taken), data: file.data }));
  const names = [FEEDBACK_FILE, ...files.map((f) => f.name)];
  // Staged, then moved in: a failure part-way leaves the output folder as it was.
  const staging = await openStaging(outputDir, names, flags.force);
  try {
    await staging.writeJson(FEEDBACK_FILE, document);
    for (const file of files) await staging.writeFile(file.name, file.data);
    await staging.commit();
  } catch (error) {
    await staging.discard();
    throw error;
  }

  const t = stats.total;
  if (flags.json === true) {
    context.stdout(`${JSON.stringify({ outputDir, files: names, problems: applied.problems, totals: t, points: stats.points, counties: stats.counties }, null, 2)}\n`);
  } else {
    context.stdout(
      `采纳情况反馈：${title || '（未指定草案）'}\n` +
      `意见 ${t.submissions} 条（去重后 ${t.distinct} 条）：采纳 ${t.bySubmissions.采纳}，部分采纳 ${t.bySubmissions.部分采纳}，未采纳 ${t.bySubmissions.未采纳}，` +
      `已转送 ${t.bySubmissions.已转送}，作为参考 ${t.bySubmissions.作为参考}，待研究 ${t.bySubmissions.待研究}；采纳率 ${t.rateText}\n` +
      points.map((p) => `  ${p.point}：${p.totals.submissions} 条，采纳率 ${p.totals.rateText}\n`).join(''),
    );
  }
  if (applied.problems.length > 0) context.terminal.warn(`登记表有 ${applied.problems.length} 处问题，已按提示处理（加 --strict 可在有问题时停止）。`);
  context.terminal.success(`已写入 ${outputDir}：${names.length} 个文件（${points.length} 个联系点的反馈）`);
  return EXIT.ok;
}

/** For `digest --decisions OLD_SHEET`: reads the old sheet and maps its decisions onto the new clusters, telling the user what happened. */
export async function carriedDecisions(path: string | undefined, digest: Digest, context: CommandContext): Promise<CarriedDecisions | undefined> {
  if (path === undefined) return undefined;
  const sheet = await readDecisionSheet(resolve(context.cwd, path));
  for (const problem of sheet.problems) context.terminal.warn(problem.message);
  const result = carryForward(sheet, digest);
  context.terminal.info(`沿用上次的采纳情况：成员未变 ${result.kept} 类，需复核 ${result.review} 类，新增 ${result.added} 类。`);
  if (result.gone.length > 0) {
    context.terminal.warn(`上次登记表中 ${result.gone.length} 类意见在本次汇总中已不存在（原编号 ${result.gone.join('、')}），其采纳情况未沿用。`);
  }
  return result.carried;
}
