/** Zip packaging for .docx/.xlsx output: fixed entry dates and order so the same input gives the same bytes. */
import type PizZip from 'pizzip';
import { writeZip, type ZipEntry } from './zip-writer.js';

/** Writes `zip` (docxtemplater's result) with every entry dated 2024-01-01 00:00 and in package order. */
export function deterministicZip(zip: PizZip): Buffer {
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry === undefined || entry.dir) continue;
    entries.push({ name, data: entry.asNodeBuffer() });
  }
  return packageZip(entries);
}

/** Writes `entries` dated 2024-01-01 00:00, in package order (directories are implied by the paths). */
export function packageZip(entries: readonly ZipEntry[]): Buffer {
  return writeZip([...entries].sort((a, b) => packageOrder(a.name, b.name)));
}

/** [Content_Types].xml first (some readers expect it), then by name. */
function packageOrder(a: string, b: string): number {
  const first = '[Content_Types].xml';
  if (a === first || b === first) return a === first ? (b === first ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
