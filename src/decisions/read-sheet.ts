/** Reads a filled decision sheet from disk (the only file I/O of the decision sheet). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import { YijianError } from '../errors.js';
import { type DecisionSheet, parseDecisionWorkbook } from './sheet.js';

/** Reads `path` (xlsx, xls, or a CSV saved from it); unreadable → E_FILE_NOT_FOUND / E_BAD_DECISIONS. */
export async function readDecisionSheet(path: string): Promise<DecisionSheet> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new YijianError('E_FILE_NOT_FOUND', `找不到采纳情况登记表：${path}`, {
      hint: '请检查 --decisions 后的文件路径。',
      location: { file: path },
      cause: error,
    });
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, { type: 'buffer', dense: false, cellDates: false });
  } catch (error) {
    throw new YijianError('E_BAD_DECISIONS', `无法读取采纳情况登记表：${path}`, {
      hint: '请确认文件是 Excel/WPS 保存的 .xlsx 或 .xls，且没有加密。',
      location: { file: path },
      cause: error,
    });
  }
  return parseDecisionWorkbook(workbook, basename(path));
}
