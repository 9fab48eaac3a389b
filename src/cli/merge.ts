/** `yijian merge`: the points' spreadsheets into one standard workbook, nothing lost. */
import type { Command } from 'commander';
import { extname, resolve } from 'node:path';
import { EXIT, YijianError } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import { mergedCsv, mergedWorkbook, rejectsCsv } from '../report/merged.js';
import { action, type CommandContext } from './program.js';
import { commandDescription } from './commands.js';
import { addIngestFlags, assertSomethingRead, ingestOptionsFrom, readInputs, reconciliationLine, reportInputProblems, type IngestFlags } from './ingest-flags.js';

interface MergeFlags extends IngestFlags {
  output?: string;
  force: boolean;
  json?: boolean;
}

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
  const output = resolve(context.cwd, flags.output ?? '');
  const format = extname(output).toLowerCase();
  if (format !== '.xlsx' && format !== '.csv') {
    throw new YijianError('E_USAGE', `输出文件须为 .xlsx 或 .csv：${flags.output ?? ''}`, { hint: '例如 -o 汇总.xlsx' });
  }
  const rejectsPath = output.replace(/\.csv$/i, '.问题行.csv');
  // Refuse before the (possibly long) read, not after it.
  assertWritable(output, flags.force);
  if (format === '.csv') assertWritable(rejectsPath, flags.force);

  const options = ingestOptionsFrom(flags, context);
  const result = await readInputs(files, options, context, format === '.csv' ? [output, rejectsPath] : [output]);
  const hasProblems = reportInputProblems(result, context);
  context.terminal.info(reconciliationLine(result));
  // Nothing read is a failure: an empty merged workbook would look like a month without opinions.
  assertSomethingRead(result);

  if (format === '.xlsx') {
    await writeFileAtomic(output, mergedWorkbook(result), { force: flags.force });
  } else {
    await writeFileAtomic(output, mergedCsv(result.records), { force: flags.force });
    await writeFileAtomic(rejectsPath, rejectsCsv(result.rejects), { force: flags.force });
  }
  context.terminal.success(`已写入 ${flags.output ?? output}：${result.records.length} 条意见${result.rejects.length > 0 ? `，${result.rejects.length} 个问题行` : ''}。`);
  if (flags.json === true) {
    context.stdout(`${JSON.stringify({ output, reconciliation: result.reconciliation, sheets: result.sheets, failures: result.failures, rejects: result.rejects }, null, 2)}\n`);
  }
  if (!result.reconciliation.balanced) return EXIT.failure;
  return flags.strict === true && hasProblems ? EXIT.inputProblems : EXIT.ok;
}
