/**
 * 同上 and the ditto mark (〃) in a 条款 or 意见建议 cell: the clerk's "the same as the row above". In a 条款 cell it
 * names the article of the opinion above; in an opinion cell it is a second person's agreement with the opinion
 * above (counted as a submission of that opinion, and found as its duplicate).
 */

/** A cell that only says "the same as above". */
const DITTO = /^(?:同上(?:条|一条|款|项|意见|建议)?|同前(?:条)?|同上述意见|〃|″|々|"|”|“”|ditto)$/iu;

/** Whether a cell's text (already trimmed or not) only says "the same as above". */
export function isDitto(text: string | null): boolean {
  if (text === null) return false;
  const bare = text.trim().replace(/[。.！!]+$/u, '');
  return bare !== '' && bare.length <= 6 && DITTO.test(bare);
}
