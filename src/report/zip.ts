/** Zip packaging for .docx/.xlsx output: fixed entry dates so the same input gives the same bytes. */
import PizZip from 'pizzip';

/** Local time on purpose: zip stores local DOS time, so this reads 2024-01-01 00:00 in every time zone. */
const FIXED_DATE = new Date(2024, 0, 1, 0, 0, 0);

/** Writes `zip` with every entry dated FIXED_DATE and its entries in name order. */
export function deterministicZip(zip: PizZip): Buffer {
  const out = new PizZip();
  for (const name of Object.keys(zip.files).sort(packageOrder)) {
    const entry = zip.files[name];
    if (entry === undefined || entry.dir) continue;
    out.file(name, entry.asUint8Array(), { date: FIXED_DATE, createFolders: false, binary: true });
  }
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** [Content_Types].xml first (some readers expect it), then by name. */
function packageOrder(a: string, b: string): number {
  const first = '[Content_Types].xml';
  if (a === first || b === first) return a === first ? (b === first ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
