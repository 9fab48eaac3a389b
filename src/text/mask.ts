/**
 * What is masked in documents people read or send (个人信息脱敏): the detector is src/text/pii.ts;
 * this module decides which parts of a Digest go through it. The view model and the feedback
 * document are built from `maskDigest(digest)`, so every report, letter, statistic and file name
 * made from them is masked in one place. digest.json and the merged workbook keep full data:
 * they are staff's working files (see README, 个人信息).
 */
import type { Cluster, Digest, DigestRecord, Reject, SheetReport } from '../model.js';
import { maskContact, maskPersonalData, repeatedTextMask, stripPersonalData } from './pii.js';

export { maskContact, maskPersonalData, stripPersonalData };

/**
 * Masks a 提出人 cell: a person's name and whatever was typed beside it (王五 62751234, 李女士（身份证…）). Any number
 * there is a phone, an ID or an account — there is no article or amount in a name — so it is masked as a 联系方式's is.
 */
export function maskSubmitter(submitter: string): string {
  return maskContact(submitter);
}

/**
 * Keywords fit to print: a keyword found in the opinions only inside an e-mail, phone or ID number
 * (`com` from liangshufen@example.com) is dropped; keywords the texts do not contain verbatim
 * (a simplified form of a traditional-script opinion) are kept.
 */
export function keywordsWithoutPersonalData(
  keywords: readonly string[],
  texts: readonly string[],
  stripped: readonly string[] = texts.map(stripPersonalData),
): string[] {
  if (keywords.length === 0) return [];
  return keywords.filter((keyword) => !texts.some((t) => t.includes(keyword)) || stripped.some((t) => t.includes(keyword)));
}

/** Headers of a contact column the mapping may have missed: such a rejected cell is masked as a contact. */
const CONTACT_HEADER = /联系|电话|手机|座机|邮箱|微信|qq|tel|phone|mail/iu;

/** What maskDigest may leave as written, and what it is given already masked. */
export interface MaskOptions {
  /**
   * Mask each record's 联系方式 and 提出人 (letters and statistics do). The report view reads neither from the masked copy (its one
   * contact column, the decision sheet's, masks the written contacts itself, or shows them with --show-contact), and
   * with a contact on nearly every row nearly every record would be copied: some 700 MiB at a million records.
   */
  readonly contactFields: boolean;
  /** Opinions of these very records masked already (on a second thread, report/mask-ahead.ts): not scanned again. */
  readonly opinions?: MaskedOpinions;
}

/** The masked opinions of one digest's records, as far as a scan got. */
export interface MaskedOpinions {
  /** The records they belong to: used only for that same array. */
  readonly records: readonly DigestRecord[];
  /** Opinions 0 … scanned − 1 were scanned. */
  readonly scanned: number;
  /** The masked text of each scanned opinion that masking changes, by record index. */
  readonly changed: ReadonlyMap<number, string>;
}

/**
 * The digest as documents may show it: personal data masked in every text a report, letter or
 * statistic can print — opinions, suggestions, reasons, 联系方式 (maskContact), 联系点, 县区, 提出人,
 * file and sheet names, cited articles, dates, rejected cells, failure messages, cluster keywords and
 * point lists. Ids, 序号, counts and the draft's articles are left as they are (no document shows 序号). Records without
 * personal data are shared, not copied (a million-record digest is not doubled in memory).
 */
export function maskDigest(digest: Digest, options: MaskOptions): Digest {
  // Names, files and sheets repeat on every record: each distinct one is scanned once.
  const name = repeatedTextMask();
  const nullableName = (text: string | null): string | null => (text === null ? null : name(text));
  const nullableText = (text: string | null): string | null => (text === null ? null : maskPersonalData(text));

  const contactFields = options.contactFields;
  const known = options.opinions?.records === digest.records ? options.opinions : undefined;
  const opinionAt = (r: DigestRecord, index: number): string =>
    known !== undefined && index < known.scanned ? known.changed.get(index) ?? r.opinion : maskPersonalData(r.opinion);
  const records = digest.records.map((r, index) => maskRecord(r, opinionAt(r, index), name, nullableName, nullableText, contactFields));
  const keywordsOf = clusterKeywords(digest, records);
  const contactHeaders = contactHeadersOf(digest.files);
  return {
    ...digest,
    draft: digest.draft === null ? null : { ...digest.draft, title: name(digest.draft.title), file: name(digest.draft.file) },
    files: digest.files.map((f) => ({
      ...f,
      file: name(f.file),
      sheet: name(f.sheet),
      columns: f.columns.map((c) => ({ ...c, header: name(c.header) })),
      problems: f.problems.map(maskPersonalData),
    })),
    failures: digest.failures.map((f) => ({ ...f, file: name(f.file), message: maskPersonalData(f.message) })),
    records,
    duplicateGroups: digest.duplicateGroups.map((g) => ({ ...g, points: g.points.map(name), counties: g.counties.map(name) })),
    clusters: digest.clusters.map((c) => ({
      ...c,
      // Keywords come from the raw opinions, so a contact typed into one could surface as a keyword.
      keywords: keywordsOf(c).map(name),
      points: c.points.map(name),
      counties: c.counties.map(name),
    })),
    rejects: digest.rejects.map((r) => maskReject(r, name, contactHeaders)),
  };
}

/**
 * Cluster keywords fit to print. Only clusters with an opinion that held personal data need the
 * check (most have none), and only their records are looked at: no map over every record.
 */
function clusterKeywords(digest: Digest, masked: readonly DigestRecord[]): (cluster: Cluster) => string[] {
  const affected = new Set<string>();
  digest.records.forEach((r, i) => {
    if (masked[i]!.opinion !== r.opinion) affected.add(r.cluster);
  });
  const texts = new Map<string, { raw: string[]; stripped: string[] }>();
  for (const r of digest.records) {
    if (!affected.has(r.cluster)) continue;
    let entry = texts.get(r.cluster);
    if (entry === undefined) texts.set(r.cluster, (entry = { raw: [], stripped: [] }));
    entry.raw.push(r.opinion);
    entry.stripped.push(stripPersonalData(r.opinion));
  }
  return (cluster) => {
    const entry = texts.get(cluster.id);
    return entry === undefined ? cluster.keywords : keywordsWithoutPersonalData(cluster.keywords, entry.raw, entry.stripped);
  };
}

function maskRecord(
  r: DigestRecord,
  opinion: string,
  name: (text: string) => string,
  nullableName: (text: string | null) => string | null,
  nullableText: (text: string | null) => string | null,
  contactFields: boolean,
): DigestRecord {
  const file = name(r.source.file);
  const sheet = name(r.source.sheet);
  const point = nullableName(r.point);
  const county = nullableName(r.county);
  const submitter = r.submitter === null || !contactFields ? r.submitter : maskSubmitter(r.submitter);
  const article = nullableName(r.article);
  const date = nullableName(r.date);
  const suggestion = nullableText(r.suggestion);
  const reason = nullableText(r.reason);
  const contact = r.contact === null || !contactFields ? r.contact : maskContact(r.contact);
  const cited = r.articles.map((a) => nullableName(a.cited));
  const unchanged =
    file === r.source.file && sheet === r.source.sheet && point === r.point && county === r.county &&
    submitter === r.submitter && article === r.article && date === r.date && opinion === r.opinion &&
    suggestion === r.suggestion && reason === r.reason && contact === r.contact && cited.every((c, i) => c === r.articles[i]?.cited);
  if (unchanged) return r;
  return {
    ...r,
    // The part number stays: 第 5 行第 2 条 is how a split opinion is found again.
    source: r.source.part === undefined ? { file, sheet, row: r.source.row } : { file, sheet, row: r.source.row, part: r.source.part },
    point, county, submitter, article, date, opinion, suggestion, reason, contact,
    articles: r.articles.map((a, i) => (cited[i] === a.cited ? a : { ...a, cited: cited[i] ?? null })),
  };
}

/** Per file and sheet, the headers mapped to 联系方式. */
function contactHeadersOf(files: readonly SheetReport[]): Map<string, Set<string>> {
  const headers = new Map<string, Set<string>>();
  for (const f of files) {
    const set = new Set(f.columns.filter((c) => c.field === 'contact').map((c) => c.header));
    headers.set(`${f.file}\u0000${f.sheet}`, set);
  }
  return headers;
}

function maskReject(r: Reject, name: (text: string) => string, contactHeaders: Map<string, Set<string>>): Reject {
  const contacts = contactHeaders.get(`${r.source.file}\u0000${r.source.sheet}`);
  // fromEntries defines own properties: a rejected row with a `__proto__` header stays a plain cell.
  const cells = Object.fromEntries(
    Object.entries(r.cells).map(([header, value]) => {
      const isContact = contacts?.has(header) === true || CONTACT_HEADER.test(header);
      return [name(header), isContact ? maskContact(value) : maskPersonalData(value)];
    }),
  );
  return {
    ...r,
    source: { file: name(r.source.file), sheet: name(r.source.sheet), row: r.source.row },
    message: maskPersonalData(r.message),
    cells,
  };
}
