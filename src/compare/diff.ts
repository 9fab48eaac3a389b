/**
 * Character-level diff of two article texts (Myers' O(ND) algorithm), cleaned up so the marks fall on
 * words rather than on stray characters: Chinese has no spaces, so a diff of characters alone marks
 * 的 and 应 in the middle of rewritten phrases, which drafting offices never do.
 */
import { bigramSet, dice } from './grams.js';

/** One run of a diff: text both share, text only the old one has, or text only the new one has. */
export interface DiffPart {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Beyond this many edit steps the texts are unrelated: the whole old text is deleted and the new inserted. */
const MAX_EDITS = 2000;

/** Myers' shortest edit script over code points; returns parts in order, adjacent kinds merged. */
function myers(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  // trace[d][k + d] is the furthest x on diagonal k after d edits: 2d + 1 slots each, not 2·max, so
  // memory grows with the edits actually made (quadratic in d, not in the text length).
  const trace: Int32Array[] = [];
  const at = (d: number, k: number): number => (d < 0 || k < -d || k > d ? -1 : trace[d]![k + d]!);
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    const row = new Int32Array(2 * d + 1);
    trace.push(row);
    for (let k = -d; k <= d; k += 2) {
      let x = d === 0 ? 0 : k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1)) ? at(d - 1, k + 1) : at(d - 1, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      row[k + d] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return merge([{ kind: 'delete', text: a.join('') }, { kind: 'insert', text: b.join('') }]);
  const parts: DiffPart[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const k = x - y;
    const down = k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(d - 1, prevK);
    const endX = down ? prevX : prevX + 1;
    while (x > endX) {
      parts.push({ kind: 'equal', text: a[--x]! });
      y--;
    }
    if (down) parts.push({ kind: 'insert', text: b[--y]! });
    else parts.push({ kind: 'delete', text: a[--x]! });
  }
  while (x > 0 && y > 0) {
    parts.push({ kind: 'equal', text: a[--x]! });
    y--;
  }
  return merge(parts.reverse());
}

/** Joins adjacent parts of one kind and drops empty ones. */
function merge(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/**
 * Puts the deletions of a changed stretch before its insertions (原 then 新), and absorbs equal runs of
 * at most `shortEqual` characters that sit between two changes into them: 将“应当”改为“可以” reads as one
 * change, not as three marks with a shared 以 in between.
 */
function cleanup(parts: readonly DiffPart[], shortEqual: number): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted !== '') out.push({ kind: 'delete', text: deleted });
    if (inserted !== '') out.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  parts.forEach((part, index) => {
    if (part.kind === 'delete') deleted += part.text;
    else if (part.kind === 'insert') inserted += part.text;
    else {
      const between = (deleted !== '' || inserted !== '') && index < parts.length - 1;
      // Line breaks stay equal: they are paragraph (款) boundaries the renderers lay out.
      if (between && [...part.text].length <= shortEqual && !part.text.includes('\n')) {
        deleted += part.text;
        inserted += part.text;
      } else {
        flush();
        out.push({ kind: 'equal', text: part.text });
      }
    }
  });
  flush();
  return merge(out);
}

/** The diff of `before` → `after`, by characters, cleaned up to word-sized marks. */
export function diffTexts(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'equal', text: before }];
  return cleanup(myers([...before], [...after]), 2);
}

/** The old side of a diff (equal and deleted parts) and the new side (equal and inserted parts). */
export function diffSides(parts: readonly DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return { before: parts.filter((p) => p.kind !== 'insert'), after: parts.filter((p) => p.kind !== 'delete') };
}

/** Paragraphs alike by at least this Dice similarity of their bigrams are one paragraph, reworded. */
const PARAGRAPH_MATCH = 0.4;
/** Beyond this many paragraphs a side, the texts are diffed as one (the alignment below is quadratic). */
const MAX_PARAGRAPHS = 400;

/**
 * The diff of two article texts paragraph by paragraph (款 and 项 are lines): paragraphs are paired in order
 * by similarity first, so an item inserted in a list is marked whole — 「（五）物业服务用房……清单；」 inserted
 * and the old （五） renumbered （六） — instead of sharing stray words (物业) with the item it displaced.
 * A paired paragraph is diffed by characters; one without a partner is deleted or inserted whole.
 */
export function diffParagraphs(before: string, after: string): DiffPart[] {
  if (before === after) return diffTexts(before, after);
  const olds = before.split('\n');
  const news = after.split('\n');
  if (olds.length > MAX_PARAGRAPHS || news.length > MAX_PARAGRAPHS || (olds.length === 1 && news.length === 1)) return diffTexts(before, after);
  const oldGrams = olds.map(bigramSet);
  const newGrams = news.map(bigramSet);
  const n = olds.length;
  const m = news.length;
  const sim = (i: number, j: number): number => (olds[i] === news[j] ? 1 : dice(oldGrams[i]!, newGrams[j]!));
  // best[i][j]: the largest total similarity of an order-keeping pairing of olds[i..] with news[j..].
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(i, j);
      const paired = s >= PARAGRAPH_MATCH ? s + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(paired, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  // Each paragraph after the first of its side starts with its line break, on its side only.
  let oldFirst = true;
  let newFirst = true;
  const lead = (first: boolean): string => (first ? '' : '\n');
  const removed = (i: number): void => {
    parts.push({ kind: 'delete', text: lead(oldFirst) + olds[i]! });
    oldFirst = false;
  };
  const added = (j: number): void => {
    parts.push({ kind: 'insert', text: lead(newFirst) + news[j]! });
    newFirst = false;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = sim(i, j);
      if (s >= PARAGRAPH_MATCH && best[i]![j] === s + best[i + 1]![j + 1]!) {
        // A shared line break when both sides go on; a lone one on the side that has paragraphs before.
        if (!oldFirst && !newFirst) parts.push({ kind: 'equal', text: '\n' });
        else if (!oldFirst) parts.push({ kind: 'delete', text: '\n' });
        else if (!newFirst) parts.push({ kind: 'insert', text: '\n' });
        parts.push(...diffTexts(olds[i]!, news[j]!));
        oldFirst = false;
        newFirst = false;
        i++;
        j++;
        continue;
      }
      if (best[i]![j] === best[i + 1]![j]!) removed(i++);
      else added(j++);
      continue;
    }
    if (i < n) removed(i++);
    else added(j++);
  }
  return merge(parts);
}
