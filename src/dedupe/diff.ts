/**
 * What a near duplicate changes in its canonical record: the pieces of text it adds and the pieces it
 * leaves out, so that a drafter can see why two letters were counted as one (少“擅自”，多“（3号楼全体业主）”，“群众”改为“老百姓”).
 * A longest common subsequence over whole words (the segmenter's tokens, each character between them a unit of
 * its own) on the part between the common start and end; over characters when no segmenter is given.
 */
import { rowLabel } from '../provenance.js';
import type { DigestRecord, DuplicateGroup, TextDifference } from '../model.js';

/** Above this many characters (each side, after the common ends), the middle is reported whole. */
const MAX_DIFF_CHARS = 2000;
/** Characters of common text around the middle that the segmenter sees, so the words at its edges are whole. */
const CONTEXT_CHARS = 4;
/** Where a word surely ends: the widened middle stops there. */
const BREAK = /[\s，。！？；：、,.!?;:“”‘’（）()《》【】]/u;
/** Changes listed one by one in a difference's line; the rest are counted. */
const CHANGES_SHOWN = 6;

/** `text` cut into the segmenter's words and the characters between them, covering it exactly, in order. */
function units(text: string, tokens: ((text: string) => string[]) | undefined): string[] {
  if (tokens === undefined) return [...text];
  const out: string[] = [];
  let cursor = 0;
  for (const token of tokens(text)) {
    if (token === '') continue;
    const at = text.indexOf(token, cursor);
    if (at < 0) continue;
    for (const ch of text.slice(cursor, at)) out.push(ch);
    out.push(token);
    cursor = at + token.length;
  }
  for (const ch of text.slice(cursor)) out.push(ch);
  return out;
}

/**
 * The pieces `member` adds to and removes from `canonical`, in text order, and the same as changes (from → to);
 * empty lists when equal. With `tokens`, pieces are whole words: 事情 → 事, not 少“情”.
 */
export function textDifference(canonical: string, member: string, tokens?: (text: string) => string[]): TextDifference {
  if (canonical === member) return { added: [], removed: [], changes: [] };
  const a = [...canonical];
  const b = [...member];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (tokens !== undefined) {
    // The common ends may stop inside a word (事情 against 事): the middle is widened to the nearest punctuation
    // (at most CONTEXT_CHARS) so that the segmenter sees its words whole, and only the middle is segmented.
    let back = 0;
    while (start > 0 && back < CONTEXT_CHARS && !BREAK.test(a[start - 1]!)) {
      start--;
      back++;
    }
    let ahead = 0;
    while (endA < a.length && endB < b.length && ahead < CONTEXT_CHARS && !BREAK.test(a[endA]!)) {
      endA++;
      endB++;
      ahead++;
    }
  }
  const x = units(a.slice(start, endA).join(''), tokens);
  const y = units(b.slice(start, endB).join(''), tokens);
  if (x.length === 0 && y.length === 0) return { added: [], removed: [], changes: [] };
  const changes: { from: string; to: string }[] = [];
  if (x.join('').length > MAX_DIFF_CHARS || y.join('').length > MAX_DIFF_CHARS) {
    changes.push({ from: x.join(''), to: y.join('') });
  } else {
    // lcs[i][j]: length of the LCS of x[i..] and y[j..], in one flat array.
    const width = y.length + 1;
    const lcs = new Uint16Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let from = '';
    let to = '';
    const flush = (): void => {
      if (from !== '' || to !== '') changes.push({ from, to });
      from = '';
      to = '';
    };
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        flush();
        i++;
        j++;
      } else if (j < y.length && (i >= x.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
        to += y[j++]!;
      } else {
        from += x[i++]!;
      }
    }
    flush();
  }
  return {
    added: changes.filter((c) => c.to !== '').map((c) => c.to),
    removed: changes.filter((c) => c.from !== '').map((c) => c.from),
    changes,
  };
}

/**
 * One line per difference, the changes in text order: 多“的”；少“擅自”；“群众”改为“老百姓” (a digest written before
 * changes were kept: 多“……”；少“……”); 与本条文字相同 when nothing differs.
 */
export function differenceText(difference: TextDifference): string {
  const quote = (pieces: readonly string[]): string => pieces.map((p) => `“${p}”`).join('、');
  if (difference.changes !== undefined) {
    if (difference.changes.length === 0) return '与本条文字相同';
    const shown = difference.changes.slice(0, CHANGES_SHOWN).map(({ from, to }) =>
      from === '' ? `多“${to}”` : to === '' ? `少“${from}”` : `“${from}”改为“${to}”`,
    );
    const rest = difference.changes.length - shown.length;
    return shown.join('；') + (rest > 0 ? `；另有 ${rest} 处不同` : '');
  }
  const parts: string[] = [];
  if (difference.added.length > 0) parts.push(`多${quote(difference.added)}`);
  if (difference.removed.length > 0) parts.push(`少${quote(difference.removed)}`);
  return parts.length === 0 ? '与本条文字相同' : parts.join('；');
}

/**
 * For the 单条意见 sheet: per canonical record of a near group, how each near copy differs from it,
 * numbered in the group's order (`其他 N 份近似：1. 多“…”`). Records without near copies are absent.
 */
export function nearDifferencesByCanonical(
  records: readonly DigestRecord[],
  groups: readonly DuplicateGroup[],
  mask: (text: string) => string = (text) => text,
): Map<string, string> {
  const byId = new Map<string, DigestRecord>();
  for (const record of records) if (record.difference !== undefined) byId.set(record.id, record);
  const out = new Map<string, string>();
  for (const group of groups) {
    if (group.kind !== 'near') continue;
    const lines = group.members
      .filter((id) => id !== group.canonical)
      .map((id) => byId.get(id))
      .filter((r): r is DigestRecord => r !== undefined)
      .map((r, n) => mask(`${n + 1}. ${r.source.file} ${rowLabel(r.source)}：${differenceText(r.difference!)}`));
    if (lines.length > 0) out.set(group.canonical, `其他 ${lines.length} 份近似：\n${lines.join('\n')}`);
  }
  return out;
}
