/**
 * File names the tool makes from data (a point's name in its feedback file): characters no file system
 * takes are replaced, and a name too long for one (255 bytes on ext4, NTFS counts 255 UTF-16 units) is
 * shortened, keeping its end (-采纳情况反馈.docx) and adding a short hash so two long names stay apart.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';

/**
 * Longest name in UTF-8 bytes: 255 less room for the temporary name written beside it first
 * (".<name>.<pid>.<time>.tmp").
 */
export const MAX_NAME_BYTES = 255 - 40;

/** A safe, unique file name for `wanted`; `taken` (lower-cased names already used) is updated. */
export function safeFileName(wanted: string, taken: Set<string>): string {
  let name = safe(wanted);
  const stem = wanted.slice(0, wanted.length - extname(wanted).length);
  // Seeded by the stem, so a point's .md and .docx get the same short name.
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) name = shortened(name, stem);
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = shortened(safe(wanted), `${stem}\u0000${n}`);
  taken.add(name.toLowerCase());
  return name;
}

function shortened(name: string, seed: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  // Keep the part after the point's name (-采纳情况反馈) when there is one.
  const dash = stem.lastIndexOf('-');
  const tail = dash > 0 && stem.length - dash <= 20 ? stem.slice(dash) : '';
  const head = tail === '' ? stem : stem.slice(0, dash);
  const hash = createHash('sha1').update(seed).digest('hex').slice(0, 8);
  const budget = MAX_NAME_BYTES - Buffer.byteLength(`…${hash}${tail}${extension}`, 'utf8');
  let kept = '';
  for (const char of head) {
    if (Buffer.byteLength(kept + char, 'utf8') > budget) break;
    kept += char;
  }
  return `${kept}…${hash}${tail}${extension}`;
}

/** `wanted` with the characters no file system takes (and control characters) replaced; never empty. */
export function safeNamePart(wanted: string): string {
  return safe(wanted);
}

function safe(wanted: string): string {
  const name = wanted.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/gu, '_').replace(/^[.\s]+/u, '_').replace(/[.\s]+$/u, '');
  return name === '' ? '_' : name;
}
