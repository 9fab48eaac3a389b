/** `yijian templates`: list the default report templates, or copy them out for editing. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { exportTemplates, listTemplates } from '../report/templates.js';
import { EXIT } from '../errors.js';
import { action } from './program.js';
import { commandDescription } from './commands.js';

const KIND_NAMES: Readonly<Record<string, string>> = {
  markdown: 'Markdown（Handlebars）',
  html: 'HTML（Handlebars）',
  docx: 'Word（docxtemplater）',
  'xlsx-layout': 'Excel 版式（JSON）',
};

/** Registers `templates list` and `templates export DIR`. */
export function registerTemplates(program: Command): void {
  const templates = program
    .command('templates')
    .description(commandDescription('templates'))
    .addHelpText('after', `
示例：
  $ yijian templates list
  $ yijian templates export 我的模板/
  $ yijian digest 汇总/ --draft 草案.docx -o 报告/ --templates 我的模板/`);

  templates
    .command('list')
    .description('列出默认模板')
    .option('--json', '以 JSON 输出')
    .addHelpText('after', '\n示例：\n  $ yijian templates list\n  $ yijian templates list --json')
    .action(
      action(async (context, options: { json?: boolean }) => {
        const entries = listTemplates();
        if (options.json === true) {
          context.stdout(`${JSON.stringify(entries, null, 2)}\n`);
          return EXIT.ok;
        }
        for (const entry of entries) {
          context.stdout(`${entry.report}\t${entry.file}\t${KIND_NAMES[entry.kind] ?? entry.kind}\n`);
        }
        return EXIT.ok;
      }),
    );

  templates
    .command('export')
    .description('把默认模板复制到目录 DIR，供修改')
    .argument('<dir>', '目标目录')
    .option('-f, --force', '覆盖已存在的文件', false)
    .addHelpText('after', '\n示例：\n  $ yijian templates export 我的模板/\n  $ yijian templates export 我的模板/ --force')
    .action(
      action(async (context, dir: string, options: { force: boolean }) => {
        const written = await exportTemplates(resolve(context.cwd, dir), options.force);
        for (const file of written) context.stdout(`${file}\n`);
        context.terminal.success(`已导出 ${written.length} 个模板到 ${dir}。修改后用 --templates ${dir} 生成报告；缺少的模板仍用默认的。`);
        return EXIT.ok;
      }),
    );
}
