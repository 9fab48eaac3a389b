/** `yijian feedback`: the filled decision sheet applied to a digest → feedback per point, statistics, feedback.json. */
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { safeFileName } from '../io/file-names.js';
import { writeStaged } from '../io/staging.js';
import { applySheet } from '../decisions/apply.js';
import { buildFeedbackDocument, feedbackDetails, pointFeedback } from '../decisions/feedback.js';
import { FEEDBACK_FILE, readDigest } from '../decisions/read-inputs.js';
import { readDecisionSheet } from '../decisions/read-sheet.js';
import { noticeText } from '../notices.js';
import { renderFeedback, renderStats } from '../report/feedback.js';
import { computeStats } from '../decisions/stats.js';
import { chineseDate } from '../text/format.js';
import { action, type CommandContext } from './program.js';
import { resolveFeedbackOptions, type FeedbackFlags } from './options/feedback.js';
import { commandDescription } from './commands.js';

/** Registers `feedback`. */
export function registerFeedback(program: Command): void {
  program
    .command('feedback')
    .description(commandDescription('feedback'))
    .requiredOption('--digest <file>', 'yijian digest 输出的 digest.json（或其所在目录）')
    .requiredOption('--decisions <file>', '填好的采纳情况登记表（.xlsx；可排序、筛选、另存）')
    .option('-o, --output <dir>', '输出目录（默认 ./yijian-feedback）')
    .option('-f, --force', '覆盖输出目录中已存在的文件', false)
    .option('--strict', '登记表有问题（不认识的采纳情况、缺编号、重复编号、编号不在汇总中、无法使用的更正）时不输出，退出码 3')
    .option('--json', '在标准输出打印统计数字（JSON）')
    .option('--formats <list>', '输出格式，逗号分隔：docx,md,xlsx,html（默认全部；docx、md 为各联系点反馈，xlsx、html、md 含统计）')
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .option('--date <date>', '反馈的落款日期（如 2024年6月1日；默认用汇总时的 --date，都没有则不写日期）')
    .option('--issuer <unit>', '反馈的落款单位（如 某市司法局；默认取配置文件的 issuer）')
    .option('--contact <text>', '反馈的联系人及电话（如 "张三，021-63210000"，印在落款日期下：（联系人：张三，021-63210000）；默认取配置文件的 contact）')
    .addHelpText('after', `
示例：
  $ yijian feedback --digest 报告/digest.json --decisions 报告/采纳情况登记表.xlsx -o 反馈/ --issuer 某市司法局 --date 2024年6月1日 --contact "张三，021-63210000"
  $ yijian feedback --digest 报告/ --decisions 已填写.xlsx -o 反馈/ --strict --formats docx,xlsx
采纳情况可填：采纳、部分采纳、未采纳、已转送、作为参考、待研究（空白即待研究）；
也认得 已采纳、不予采纳、转交、参考 等常见写法。“单条意见”工作表中填写的，优先于所在类的采纳情况。
“更正条款”列可改正一类或一条意见的条款（如 第十二条、第12条第2款、总体意见），“移入类编号”列可把一条意见移入另一类；
反馈和统计按更正后的条款，下次 yijian digest --decisions 会沿用这些更正。
采纳情况写得认不出时（如错字），不生成反馈（退出码 3），并指出单元格：反馈函不会把它当作“待研究”寄出。
输出：每个联系点一份 <联系点>-采纳情况反馈.docx/.md，统计.xlsx、统计.md、统计.html，feedback.json（供 yijian stats 使用）。`)
    .action(action(async (context, flags: FeedbackFlags) => feedback(context, flags)));
}

async function feedback(context: CommandContext, flags: FeedbackFlags): Promise<number> {
  const options = resolveFeedbackOptions({ flags, config: context.config, cwd: context.cwd });
  const { outputDir, formats, templatesDir } = options;

  const original = await readDigest(options.digestPath);
  const sheet = await readDecisionSheet(options.decisions, context.workbooks);
  for (const notice of sheet.notices) context.terminal.warn(notice.code, noticeText(notice));
  // Corrections first: letters, feedback.json and statistics show the article a person settled.
  const { digest, applied, corrections } = applySheet(original, sheet);
  for (const problem of applied.problems) context.terminal.warn(problem.code, problem.message);
  if (corrections.articles > 0 || corrections.moves > 0) {
    context.terminal.info(`登记表中的更正：${corrections.articles} 条意见改了条款，${corrections.moves} 条意见移入其他类。`);
  }
  // A letter must not say 待研究 beside a reason for adopting: a decision nobody can read stops the letters.
  const unreadable = applied.problems.filter((p) => p.code === 'W_UNKNOWN_DECISION');
  if (unreadable.length > 0) {
    context.terminal.error(
      'E_BAD_DECISIONS',
      `采纳情况登记表有 ${unreadable.length} 处采纳情况无法识别，未生成反馈。`,
      `请把这些单元格改为 采纳、部分采纳、未采纳、已转送、作为参考 或 待研究（空白）后重新运行。`,
    );
    return EXIT.inputProblems;
  }
  if (options.strict && applied.problems.length > 0) {
    context.terminal.error('E_BAD_DECISIONS', `采纳情况登记表有 ${applied.problems.length} 处问题（--strict），未生成反馈。`, '请按上面的提示修改登记表后重新运行；不加 --strict 时这些问题只作提示。');
    return EXIT.inputProblems;
  }

  const document = buildFeedbackDocument(digest, applied);
  const date = options.date ?? digest.date;
  const dateText = date === null ? '' : chineseDate(date);
  const { issuer, contact } = options;
  const letters = formats.some((f) => f === 'docx' || f === 'md');
  if (issuer === '' && letters) {
    context.terminal.warn('W_NO_ISSUER', '反馈函没有落款单位：请在配置文件中设置 "issuer"（如 某市司法局），或加 --issuer。');
  }
  // Reports carry no date unless asked (same inputs, same bytes); a letter without one is not ready to send.
  if (dateText === '' && letters) {
    context.terminal.warn('W_NO_LETTER_DATE', '反馈函没有落款日期：请加 --date（如 --date 2024年6月10日），或在 yijian digest 时给出 --date。');
  }
  const points = pointFeedback(document, { issuer, dateText, contact }, feedbackDetails(digest));
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
  await writeStaged(outputDir, names, options.force, async (staging) => {
    await staging.writeJson(FEEDBACK_FILE, document);
    for (const file of files) await staging.writeFile(file.name, file.data);
  });

  const t = stats.total;
  if (options.json) {
    context.stdout(`${JSON.stringify({ outputDir, files: names, problems: applied.problems, totals: t, points: stats.points, counties: stats.counties }, null, 2)}\n`);
  } else {
    context.stdout(
      `采纳情况反馈：${title || '（未指定草案）'}\n` +
      `意见 ${t.submissions} 条（去重后 ${t.distinct} 条）：采纳 ${t.bySubmissions.采纳}，部分采纳 ${t.bySubmissions.部分采纳}，未采纳 ${t.bySubmissions.未采纳}，` +
      `已转送 ${t.bySubmissions.已转送}，作为参考 ${t.bySubmissions.作为参考}，待研究 ${t.bySubmissions.待研究}；采纳率 ${t.rateText}\n` +
      points.map((p) => `  ${p.point}：${p.totals.submissions} 条，采纳率 ${p.totals.rateText}\n`).join(''),
    );
  }
  if (applied.problems.length > 0) context.terminal.warn('W_DECISION_PROBLEMS', `登记表有 ${applied.problems.length} 处问题，已按提示处理（加 --strict 可在有问题时停止）。`);
  context.terminal.success(`已写入 ${outputDir}：${names.length} 个文件（${points.length} 个联系点的反馈）`);
  return EXIT.ok;
}
