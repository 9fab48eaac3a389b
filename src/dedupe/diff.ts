/**
 * What a near duplicate changes in its canonical record: the pieces of text it adds and the pieces it
 * leaves out, so that a drafter can see why two letters were counted as one ("多：（3号楼全体业主）").
 * A character-level longest common subsequence on the part between the common prefix and suffix.
 */
import { rowLabel } from '../provenance.js';
import type { DigestRecord, DuplicateGroup, TextDifference } from '../model.js';

/** Above this many characters (each side, after the common ends), the middle is reported whole. */
const MAX_DIFF_CHARS = 2000;

/** The pieces `member` adds to and removes from `canonical`, in text order; empty lists when equal. */
export function textDifference(canonical: string, member: string): TextDifference {
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
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 && y.length === 0) return { added: [], removed: [] };
  if (x.length > MAX_DIFF_CHARS || y.length > MAX_DIFF_CHARS) {
    return { added: y.length > 0 ? [y.join('')] : [], removed: x.length > 0 ? [x.join('')] : [] };
  }
  // lcs[i][j]: length of the LCS of x[i..] and y[j..], in one flat array.
  const width = y.length + 1;
  const lcs = new Uint16Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const added: string[] = [];
  const removed: string[] = [];
  let run: { kind: 'added' | 'removed'; text: string } | null = null;
  const flush = (): void => {
    if (run !== null) (run.kind === 'added' ? added : removed).push(run.text);
    run = null;
  };
  const push = (kind: 'added' | 'removed', ch: string): void => {
    if (run !== null && run.kind !== kind) flush();
    if (run === null) run = { kind, text: '' };
    run.text += ch;
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      flush();
      i++;
      j++;
    } else if (j < y.length && (i >= x.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      push('added', y[j++]!);
    } else {
      push('removed', x[i++]!);
    }
  }
  flush();
  return { added, removed };
}

/** One line per difference: 多“……”；少“……” (or 仅标点或空格不同 when nothing but those differ). */
export function differenceText(difference: TextDifference): string {
  const quote = (pieces: readonly string[]): string => pieces.map((p) => `“${p}”`).join('、');
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
