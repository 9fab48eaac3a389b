/** The 意见征集表 workbook: the form model laid out through its templates, then finished (drop-downs, title rows). */
import { YijianError } from '../errors.js';
import type { FormModel } from '../form/build.js';
import { renderXlsxBook, type XlsxRow } from './render-xlsx.js';
import { readTemplate } from './templates.js';
import { parseXlsxLayout } from './xlsx-layout.js';
import { finishForm } from './form.js';
import { columnLetter } from '../ingest/grid.js';

export const FORM_FIELDS = ['seq', 'submitter', 'submitterType', 'article', 'opinion', 'suggestion', 'reason', 'contact', 'date'];
const INSTRUCTION_FIELDS = ['instruction', 'option'];

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
  const optionLetter = columnLetter(optionColumn);
  return finishForm(book, {
    titleLines: [model.title, ...(model.pointLine === '' ? [] : [model.pointLine])],
    sheet: formLayout.sheetName,
    columns: formLayout.columns.length,
    articleColumn,
    list: { sheet: instructionLayout.sheetName, column: optionLetter, firstRow: 2, lastRow: model.choices.length + 1 },
    lastRow: model.rows + 1,
  });
}
