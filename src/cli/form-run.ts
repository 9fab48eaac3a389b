/** `yijian form --draft DRAFT -o 意见征集表.xlsx`: writes the form a contact point fills in (the command's I/O). */
import { EXIT } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import type { CommandContext } from './program.js';
import { readDraft } from '../text/read-draft.js';
import { buildForm } from '../form/build.js';
import { renderForm } from '../report/form-workbook.js';
import { resolveFormOptions, type FormFlags } from './options/form.js';

/** Runs `form`; returns the exit code. */
export async function runForm(context: CommandContext, flags: FormFlags): Promise<number> {
  const options = resolveFormOptions({ flags, config: context.config, cwd: context.cwd });
  const { output } = options;
  assertWritable(output, options.force);
  const draft = await readDraft(options.draftPath);
  const model = buildForm(draft, options.form);
  await writeFileAtomic(output, await renderForm(model, options.templatesDir), { force: options.force });
  context.stdout(`意见征集表：${model.title}，${model.rows} 行空表，“条款”下拉列表 ${model.choices.length} 项（${draft.articles.length} 条及总体意见、草案名称）\n`);
  context.terminal.success(`已写入 ${output}`);
  return EXIT.ok;
}
