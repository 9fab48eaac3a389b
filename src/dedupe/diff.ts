/**
 * What a near duplicate changes in its canonical record: the pieces of text it adds and the pieces it
 * leaves out, so that a drafter can see why two letters were counted as one (少“擅自”，多“（3号楼全体业主）”，“群众”改为“老百姓”).
 * A longest common subsequence of characters on the part between the common start and end; with a segmenter,
 * a change that may cut a word is compared again word by word within a short window around it.
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

/** A stretch where the two texts differ: units a0 … a1 − 1 of one side stand where b0 … b1 − 1 of the other do. */
interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** The hunks of a longest common subsequence of `x` and `y` (units compared as strings), in order. */
function lcsHunks(x: readonly string[], y: readonly string[]): Hunk[] {
  // lcs[i][j]: length of the LCS of x[i..] and y[j..], in one flat array.
  const width = y.length + 1;
  const lcs = new Uint16Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      if (open !== null) hunks.push(open);
      open = null;
      i++;
      j++;
      continue;
    }
    open ??= { a0: i, a1: i, b0: j, b1: j };
    if (j < y.length && (i >= x.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) open.b1 = ++j;
    else open.a1 = ++i;
  }
  if (open !== null) hunks.push(open);
  return hunks;
}

/** Whether position `at` of `text` (between two characters) is where a word surely ends: an edge or punctuation. */
function cleanEdge(text: readonly string[], at: number): boolean {
  return at <= 0 || at >= text.length || BREAK.test(text[at - 1]!) || BREAK.test(text[at]!);
}

/**
 * The pieces `member` adds to and removes from `canonical`, in text order, and the same as changes (from → to);
 * empty lists when equal. With `tokens`, pieces are whole words: 事情 → 事, not 少“情”. The texts are compared
 * character by character; only where a change may cut a word (between two characters that are not punctuation)
 * is a few characters' window around it segmented and compared word by word — a greeting or a signature added
 * at a sentence's end needs no segmenter, and a million-opinion digest segments no whole letter twice.
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
  const changes: { from: string; to: string }[] = [];
  const done = (): TextDifference => ({
    added: changes.filter((c) => c.to !== '').map((c) => c.to),
    removed: changes.filter((c) => c.from !== '').map((c) => c.from),
    changes,
  });
  if (endA - start > MAX_DIFF_CHARS || endB - start > MAX_DIFF_CHARS) {
    changes.push({ from: a.slice(start, endA).join(''), to: b.slice(start, endB).join('') });
    return done();
  }
  // Character hunks, placed back in the whole texts.
  const hunks = lcsHunks(a.slice(start, endA), b.slice(start, endB)).map((h) => ({ a0: h.a0 + start, a1: h.a1 + start, b0: h.b0 + start, b1: h.b1 + start }));
  const clean = (x: Hunk): boolean => cleanEdge(a, x.a0) && cleanEdge(a, x.a1) && cleanEdge(b, x.b0) && cleanEdge(b, x.b1);
  for (let k = 0; k < hunks.length; k++) {
    let h = hunks[k]!;
    if (tokens === undefined || clean(h)) {
      changes.push({ from: a.slice(h.a0, h.a1).join(''), to: b.slice(h.b0, h.b1).join('') });
      continue;
    }
    // A window of common text around the hunk (to punctuation, at most CONTEXT_CHARS, never into the hunks
    // beside it), widened over the next hunks while their windows would meet; then word by word within it.
    const previousEnd = k === 0 ? { a: 0, b: 0 } : { a: hunks[k - 1]!.a1, b: hunks[k - 1]!.b1 };
    let back = 0;
    while (back < CONTEXT_CHARS && h.a0 - back > previousEnd.a && h.b0 - back > previousEnd.b && !BREAK.test(a[h.a0 - back - 1]!)) back++;
    let last = h;
    let ahead = 0;
    for (;;) {
      const next = hunks[k + 1];
      const limitA = next?.a0 ?? a.length;
      const limitB = next?.b0 ?? b.length;
      ahead = 0;
      while (ahead < CONTEXT_CHARS && last.a1 + ahead < limitA && last.b1 + ahead < limitB && !BREAK.test(a[last.a1 + ahead]!)) ahead++;
      // The next hunk starts right after the context (no punctuation between): one window for both.
      if (next !== undefined && last.a1 + ahead >= limitA && last.b1 + ahead >= limitB) {
        last = next;
        k++;
        continue;
      }
      break;
    }
    h = { a0: h.a0 - back, a1: last.a1 + ahead, b0: h.b0 - back, b1: last.b1 + ahead };
    const x = units(a.slice(h.a0, h.a1).join(''), tokens);
    const y = units(b.slice(h.b0, h.b1).join(''), tokens);
    for (const w of lcsHunks(x, y)) changes.push({ from: x.slice(w.a0, w.a1).join(''), to: y.slice(w.b0, w.b1).join('') });
  }
  return done();
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
