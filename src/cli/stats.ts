/** `yijian stats`: adoption statistics across several drafts (a month, a year), per point, county and draft. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { EXIT } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import { readStatsInput } from '../decisions/read-inputs.js';
import { renderStats } from '../report/feedback.js';
import { computeStats, repeatedInputs } from '../decisions/stats.js';
import { action, type CommandContext } from './program.js';
import { commandDescription } from './commands.js';
import { resolveStatsOptions, type StatsFlags } from './options/stats.js';
import { alikePointNames } from '../ingest/point-names.js';
import { alikePointNamesText } from './ingest-flags.js';

/** Registers `stats`. */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description(commandDescription('stats'))
    .argument('<inputs...>', 'yijian feedback 的输出目录（含 feedback.json），或 yijian digest 的输出目录（含 digest.json，此时全部按待研究统计）')
    .option('-o, --output <dir>', '输出目录（默认 ./yijian-stats）')
    .option('-f, --force', '覆盖输出目录中已存在的文件', false)
    .option('--json', '在标准输出打印统计数字（JSON）')
    .option('--formats <list>', '输出格式，逗号分隔：xlsx,md,html（默认全部）')
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .option('--title <text>', '报告标题（默认：意见采纳情况统计）')
    .addHelpText('after', `
示例：
  $ yijian stats 反馈/2024-05/ 反馈/2024-06/ 反馈/2024-07/ -o 统计/2024年/
  $ yijian stats 报告/电动自行车/ 反馈/物业管理/ -o 统计/ --formats xlsx --title "2024年联系点工作成效统计"
输出：统计.xlsx（各联系点、各县区、各草案三张表）、统计.md、统计.html（含图表）。`)
    .action(action(async (context, inputs: string[], flags: StatsFlags) => stats(context, inputs, flags)));
}

async function stats(context: CommandContext, inputs: string[], flags: StatsFlags): Promise<number> {
  const options = resolveStatsOptions(inputs, { flags, config: context.config, cwd: context.cwd });
  const { outputDir } = options;
  const drafts = [];
  for (const input of options.inputs) {
    const draft = await readStatsInput(input.path);
    if (draft.from === 'digest') context.terminal.info(`${input.typed}：没有 feedback.json，按 digest.json 统计（采纳情况均为待研究）`);
    drafts.push(draft);
  }
  for (const { first, second, shared } of repeatedInputs(drafts)) {
    const [a, b] = [options.inputs[first]!.typed, options.inputs[second]!.typed];
    context.terminal.warn('W_SAME_DRAFT_TWICE',
      `${a} 和 ${b} 都是《${drafts[first]!.name}》的结果，有 ${shared} 条意见（同一文件、同一行、同一内容）两份都有，统计中计了两次；` +
      '同一草案补报后重新汇总、反馈的，请只给最新的一份。');
  }
  const model = computeStats(drafts, options.pointNames);
  // A point named one way in one run and another way in the next is two rows unless the config says otherwise.
  const items = drafts.flatMap((draft, index) => draft.document.records.map((r) => ({
    point: r.point === null ? null : (options.pointNames.get(r.point) ?? r.point), county: r.county, file: options.inputs[index]!.typed,
  })));
  for (const group of alikePointNames(items, options.counties)) context.terminal.warn('W_POINT_NAMES_ALIKE', alikePointNamesText(group));
  const rendered = await renderStats(model, options.formats, options.templatesDir, options.title, '');
  for (const file of rendered) assertWritable(join(outputDir, file.name), options.force);
  for (const file of rendered) await writeFileAtomic(join(outputDir, file.name), file.data, { force: options.force });
  const t = model.total;
  if (options.json) {
    context.stdout(`${JSON.stringify({ outputDir, files: rendered.map((f) => f.name), ...model }, null, 2)}\n`);
  } else {
    context.stdout(
      `意见采纳情况统计：${model.drafts.length} 件草案，${model.points.length} 个联系点，意见 ${t.submissions} 条（去重后 ${t.distinct} 条），` +
      `采纳率 ${t.rateText}\n` + model.drafts.map((d) => `  ${d.name}：${d.submissions} 条，采纳率 ${d.rateText}\n`).join(''),
    );
  }
  context.terminal.success(`已写入 ${outputDir}：${rendered.map((f) => f.name).join('、')}`);
  return EXIT.ok;
}
