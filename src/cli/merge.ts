/** `yijian merge`: the points' spreadsheets into one standard workbook, nothing lost. */
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import { mergedCsv, mergedWorkbook, rejectsCsv } from '../report/merged.js';
import { action, type CommandContext } from './program.js';
import { commandDescription } from './commands.js';
import { addIngestFlags, assertSomethingRead, readInputs, reconciliationLine, reportInputProblems } from './ingest-flags.js';
import { resolveMergeOptions, type MergeFlags } from './options/merge.js';

/** Registers `merge`. */
export function registerMerge(program: Command): void {
  const command = program
    .command('merge')
    .description(commandDescription('merge'))
    .argument('<files...>', '意见文件或目录（.xlsx .xls .csv .tsv）')
    .requiredOption('-o, --output <file>', '输出文件（.xlsx，或 .csv）')
    .option('-f, --force', '覆盖已存在的输出文件', false)
    .option('--json', '在标准输出打印核对结果（JSON）');
  addIngestFlags(command);
  command.addHelpText('after', `
示例：
  $ yijian merge fixtures/submissions/ -o 城东区汇总.xlsx
  $ yijian merge 东湖.xlsx 滨江.xls --point 滨江社区立法联系点 -o 汇总.csv
说明：.csv 输出为 UTF-8（带 BOM），问题行另存为同名的“.问题行.csv”。`);
  command.action(action(async (context, files: string[], flags: MergeFlags) => merge(context, files, flags)));
}

async function merge(context: CommandContext, files: string[], flags: MergeFlags): Promise<number> {
  const options = resolveMergeOptions(files, { flags, config: context.config, cwd: context.cwd });
  const { output, rejectsPath } = options;
  // Refuse before the (possibly long) read, not after it.
  assertWritable(output, options.force);
  if (rejectsPath !== null) assertWritable(rejectsPath, options.force);

  const result = await readInputs(options.inputs, options.ingest, context, rejectsPath === null ? [output] : [output, rejectsPath]);
  const hasProblems = reportInputProblems(result, context);
  context.terminal.info(reconciliationLine(result));
  // Nothing read is a failure: an empty merged workbook would look like a month without opinions.
  assertSomethingRead(result);

  if (rejectsPath === null) {
    await writeFileAtomic(output, mergedWorkbook(result), { force: options.force });
  } else {
    await writeFileAtomic(output, mergedCsv(result.records), { force: options.force });
    await writeFileAtomic(rejectsPath, rejectsCsv(result.rejects), { force: options.force });
  }
  context.terminal.success(`已写入 ${options.outputAsTyped}：${result.records.length} 条意见${result.rejects.length > 0 ? `，${result.rejects.length} 个问题行` : ''}。`);
  if (options.json) {
    context.stdout(`${JSON.stringify({ output, reconciliation: result.reconciliation, sheets: result.sheets, failures: result.failures, rejects: result.rejects }, null, 2)}\n`);
  }
  if (!result.reconciliation.balanced) return EXIT.failure;
  return options.strict && hasProblems ? EXIT.inputProblems : EXIT.ok;
}
