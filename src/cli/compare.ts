/** `yijian compare OLD NEW`: the 修改前后对照表 of two rounds of a draft (flags and help; the work is in cli/compare-run.ts). */
import type { Command } from 'commander';
import { action } from './program.js';
import { commandDescription } from './commands.js';
import type { CompareFlags } from './options/compare.js';

/** Registers `compare`. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(commandDescription('compare'))
    .argument('<old>', '原稿（.txt / .md / .docx），如征求意见稿')
    .argument('<new>', '修改稿（.txt / .md / .docx）')
    .option('-o, --output <file>', '输出文件；不带扩展名时写 .docx、.xlsx、.md 三种，带扩展名时只写该格式（默认：修改前后对照表）')
    .option('-f, --force', '覆盖已存在的输出文件', false)
    .option('--formats <list>', '输出格式，逗号分隔：docx,xlsx,md（默认全部）')
    .option('--json', '在标准输出打印条文对应关系（原条号 → 新条号及相似度，JSON）；不加 -o 时不写文件')
    .option('--changed-only', '对照表只列有变化的条文（默认列出全部条文）', false)
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .addHelpText('after', `
示例：
  $ yijian compare 征求意见稿.docx 修改稿.docx -o 修改前后对照表
  $ yijian compare 征求意见稿.docx 修改稿.docx -o 对照表.docx --changed-only
  $ yijian compare 一审稿.txt 二审稿.txt --json > 条文对应.json
对照表中，修改后条文里加粗并加下划线的是新增或改写的文字，原条文里加粗并加删除线的是删去的文字。`)
    .action(action(async (context, oldPath: string, newPath: string, flags: CompareFlags) => {
      const { runCompare } = await import('./compare-run.js');
      return runCompare(context, oldPath, newPath, flags);
    }));
}
