/**
 * 同上 and the ditto mark (〃) in a 条款 or 意见建议 cell: the clerk's "the same as the row above". In a 条款 cell it
 * names the article of the opinion above; in an opinion cell it is a second person's agreement with the opinion
 * above (counted as a submission of that opinion, and found as its duplicate).
 */
import type { OpinionRecord } from '../model.js';

/** A cell that only says "the same as above". */
const DITTO = /^(?:同上(?:条|一条|款|项|意见|建议)?|同前(?:条)?|同上述意见|〃|″|々|"|”|“”|ditto)$/iu;

/** Whether a cell's text (already trimmed or not) only says "the same as above". */
export function isDitto(text: string | null): boolean {
  // Every record's 条款 and opinion pass here: most are longer than any 同上 with spaces around it.
  if (text === null || text.length > 12) return false;
  const bare = text.trim().replace(/[。.！!]+$/u, '');
  return bare !== '' && bare.length <= 6 && DITTO.test(bare);
}

/** A 同上 filled from the record above: which row, which field, and the row it was taken from. */
export interface DittoFill {
  row: number;
  field: 'article' | 'opinion';
  from: number;
}

/**
 * The record with a 同上 (〃) 条款 or opinion taken from the record above it in the sheet; `fills` gets what was
 * done. An opinion of 同上 takes the article above too when its own 条款 is empty. With nothing above, as read.
 */
export function fillDitto(record: OpinionRecord, above: OpinionRecord | null, fills: DittoFill[]): OpinionRecord {
  if (above === null) return record;
  let filled = record;
  if (isDitto(record.article)) {
    filled = { ...filled, article: above.article };
    fills.push({ row: record.source.row, field: 'article', from: above.source.row });
  }
  if (isDitto(record.opinion)) {
    filled = { ...filled, opinion: above.opinion, article: filled.article ?? above.article, suggestion: filled.suggestion ?? above.suggestion };
    fills.push({ row: record.source.row, field: 'opinion', from: above.source.row });
  }
  return filled;
}
