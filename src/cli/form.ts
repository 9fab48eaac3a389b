/** `yijian form`: the 意见征集表 a contact point fills in (flags and help; the work is in cli/form-run.ts). */
import type { Command } from 'commander';
import { action } from './program.js';
import { commandDescription } from './commands.js';
import type { FormFlags } from './options/form.js';

/** Registers `form`. */
export function registerForm(program: Command): void {
  program
    .command('form')
    .description(commandDescription('form'))
    .option('-d, --draft <file>', '草案文件（.txt / .md / .docx），“条款”下拉列表按它的条文生成（默认：配置中的 draft）')
    .option('-o, --output <file>', '输出文件（默认：<联系点>-意见征集表.xlsx，未给 --point 时为 意见征集表.xlsx）')
    .option('-f, --force', '覆盖已存在的输出文件', false)
    .option('--point <name>', '联系点名称：写在表头，并用作默认文件名（读回时据此认出联系点）')
    .option('--county <name>', '县（市、区）：写在表头')
    .option('--rows <n>', `空白行数（默认 200）`)
    .option('--templates <dir>', '自定义模板目录（缺少的模板用默认的）')
    .addHelpText('after', `
示例：
  $ yijian form --draft "fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt" --point 东湖街道立法联系点 --county 城东区
  $ yijian form --draft 草案.docx -o 意见征集表.xlsx --rows 500
表中“条款”可从下拉列表选择（第十二条（号牌登记）…、总体意见、草案名称），“身份”也有下拉列表；另有“填表说明”工作表。
联系点填好后报回的表，直接用 yijian inspect / merge / digest 读取。`)
    .action(action(async (context, flags: FormFlags) => {
      const { runForm } = await import('./form-run.js');
      return runForm(context, flags);
    }));
}
