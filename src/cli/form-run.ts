/** `yijian form --draft DRAFT -o 意见征集表.xlsx`: writes the form a contact point fills in (the command's I/O). */
import { resolve } from 'node:path';
import { EXIT, YijianError } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import type { CommandContext } from './program.js';
import { readDraft } from '../text/read-draft.js';
import { renderXlsxBook, type XlsxRow } from '../report/render-xlsx.js';
import { readTemplate } from '../report/templates.js';
import { parseXlsxLayout } from '../report/xlsx-layout.js';
import { resolveConfigPath } from '../config/load.js';
import { buildForm, DEFAULT_FORM_ROWS, type FormModel, type FormOptions } from '../form/build.js';
import { finishForm } from '../report/form.js';

/** Flags as commander hands them over. */
export interface FormFlags {
  draft?: string;
  output?: string;
  force: boolean;
  point?: string;
  county?: string;
  rows?: string;
  templates?: string;
}

export const FORM_FIELDS = ['seq', 'submitter', 'submitterType', 'article', 'opinion', 'suggestion', 'reason', 'contact', 'date'];
const INSTRUCTION_FIELDS = ['instruction', 'option'];

/**
 * The file name when -o is not given: the point's name first, so that yijian reads the point back from
 * the name of the returned file (联系点 is not a column of the form: a prefilled cell would make every
 * unused row a problem row).
 */
export function defaultFormName(options: FormOptions): string {
  // Characters a file name cannot hold (and path separators, so a name never points into another folder).
  return options.point === null ? '意见征集表.xlsx' : `${options.point.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-意见征集表.xlsx`;
}

function normalize(flags: FormFlags): FormOptions {
  const rows = flags.rows === undefined ? DEFAULT_FORM_ROWS : Number(flags.rows);
  if (!Number.isInteger(rows) || rows < 1 || rows > 10_000) {
    throw new YijianError('E_USAGE', `选项 --rows 的取值应为 1 到 10000 之间的整数，收到“${flags.rows ?? ''}”。`, { hint: '例如 --rows 300' });
  }
  const text = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());
  return { point: text(flags.point), county: text(flags.county), rows };
}

/** Renders the form workbook for `model`. */
export async function renderForm(model: FormModel, templatesDir: string | null): Promise<Buffer> {
  const formTemplate = await readTemplate('form/form.xlsx.json', templatesDir);
  const instructionTemplate = await readTemplate('form/instructions.xlsx.json', templatesDir);
  const formLayout = parseXlsxLayout(formTemplate);
  const instructionLayout = parseXlsxLayout(instructionTemplate);
  const articleColumn = formLayout.columns.findIndex((c) => c.field === 'article');
  const optionColumn = instructionLayout.columns.findIndex((c) => c.field === 'option');
  if (articleColumn < 0 || optionColumn < 0) {
    throw new YijianError('E_BAD_TEMPLATE', `模板 ${articleColumn < 0 ? formTemplate.file : instructionTemplate.file} 缺少${articleColumn < 0 ? '条款（article）' : '下拉选项（option）'}列`, {
      hint: '请检查模板目录，或运行 yijian templates export 重新导出默认模板。',
      location: { file: articleColumn < 0 ? formTemplate.path : instructionTemplate.path },
    });
  }
  const empty: XlsxRow = Object.fromEntries(FORM_FIELDS.map((f) => [f, '']));
  const formRows = Array.from({ length: model.rows }, () => empty);
  const lines = Math.max(model.instructions.length, model.choices.length);
  const instructionRows: XlsxRow[] = Array.from({ length: lines }, (_, i) => ({
    instruction: model.instructions[i] === undefined ? '' : `${i + 1}. ${model.instructions[i]}`,
    option: model.choices[i] ?? '',
  }));
  const book = renderXlsxBook([
    { template: formTemplate, layout: formLayout, rows: formRows, known: FORM_FIELDS },
    { template: instructionTemplate, layout: instructionLayout, rows: instructionRows, known: INSTRUCTION_FIELDS },
  ]);
  const optionLetter = String.fromCharCode(65 + optionColumn);
  return finishForm(book, {
    titleLines: [model.title, ...(model.pointLine === '' ? [] : [model.pointLine])],
    columns: formLayout.columns.length,
    articleColumn,
    list: { sheet: instructionLayout.sheetName, column: optionLetter, firstRow: 2, lastRow: model.choices.length + 1 },
    lastRow: model.rows + 1,
  });
}

/** Runs `form`; returns the exit code. */
export async function runForm(context: CommandContext, flags: FormFlags): Promise<number> {
  const options = normalize(flags);
  const configured = context.config.config.draft;
  const draftPath = flags.draft !== undefined ? resolve(context.cwd, flags.draft)
    : configured !== undefined ? resolveConfigPath(context.config, configured) : null;
  if (draftPath === null) {
    throw new YijianError('E_USAGE', '请用 --draft 指定草案文件，意见征集表的“条款”下拉列表按草案的条文生成。', {
      hint: '例如 yijian form --draft 草案.docx --point 东湖街道立法联系点 -o 意见征集表.xlsx',
    });
  }
  const output = resolve(context.cwd, flags.output ?? defaultFormName(options));
  assertWritable(output, flags.force);
  const draft = await readDraft(draftPath);
  const model = buildForm(draft, options);
  const templatesDir = flags.templates === undefined ? null : resolve(context.cwd, flags.templates);
  await writeFileAtomic(output, await renderForm(model, templatesDir), { force: flags.force });
  context.stdout(`意见征集表：${model.title}，${model.rows} 行空表，“条款”下拉列表 ${model.choices.length} 项（${draft.articles.length} 条及总体意见、草案名称）\n`);
  context.terminal.success(`已写入 ${output}`);
  return EXIT.ok;
}
