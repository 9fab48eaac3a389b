/** The Excel report layouts (`templates/<report>/<report>.xlsx.json`): columns, widths, header. */
import { z } from 'zod';
import { YijianError } from '../errors.js';
import type { LoadedTemplate } from './templates.js';

/** One column: its header, the row field it shows, its width in characters. */
export const XlsxColumnSchema = z.object({
  header: z.string().min(1),
  field: z.string().min(1),
  width: z.number().positive().max(255),
  /** A drop-down list of allowed values (Excel data validation), for decision columns. */
  list: z.array(z.string().min(1)).min(1).optional(),
  hidden: z.boolean().optional(),
  /**
   * Hidden when no row has anything in it (状态 before any decisions were carried forward): the page fits more of
   * what a person reads. The column is still written, under its header, for the readers.
   */
  hideWhenEmpty: z.boolean().optional(),
  /**
   * What to write in the column, shown by Excel and WPS beside a selected cell (an input message): for the
   * columns a person fills in without knowing the tool's words (更正条款, 移入类编号). Excel's limits: a title of
   * 32 characters, a text of 255.
   */
  prompt: z.object({ title: z.string().min(1).max(32), text: z.string().min(1).max(255) }).optional(),
  /** Body cells centred (counts, rates, row numbers): a right-aligned number beside left-aligned text reads as one. */
  align: z.enum(['left', 'center']).optional(),
});
export type XlsxColumn = z.infer<typeof XlsxColumnSchema>;

/** A sheet layout: sheet name and columns in order. */
export const XlsxLayoutSchema = z.object({
  sheetName: z.string().min(1).max(31),
  columns: z.array(XlsxColumnSchema).min(1),
  /** How the sheet prints; default landscape A4, fitted to one page width, header row repeated. */
  print: z
    .object({
      orientation: z.enum(['landscape', 'portrait']).optional(),
      titleRows: z.number().int().min(0).max(10).optional(),
    })
    .optional(),
});
export type XlsxLayout = z.infer<typeof XlsxLayoutSchema>;

/** Reads a layout JSON; bad JSON or shape → E_BAD_TEMPLATE naming the file and the field. */
export function parseXlsxLayout(template: LoadedTemplate): XlsxLayout {
  let json: unknown;
  try {
    json = JSON.parse(template.data.toString('utf8'));
  } catch (error) {
    throw new YijianError('E_BAD_TEMPLATE', `模板 ${template.file} 不是有效的 JSON：${(error as Error).message}`, {
      hint: `请检查模板文件 ${template.path}。`,
      location: { file: template.path },
      cause: error,
    });
  }
  const parsed = XlsxLayoutSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new YijianError('E_BAD_TEMPLATE', `模板 ${template.file} 中的 ${path} 有错误：${issue?.message ?? ''}`, {
      hint: `请检查模板文件 ${template.path}。`,
      location: { file: template.path },
    });
  }
  return parsed.data;
}
