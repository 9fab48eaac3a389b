/** The feedback model (意见采纳情况反馈): every record with its decision, grouped per contact point. */
import { shownCounty } from '../city-level.js';
import type { Digest, DigestRecord } from '../model.js';
import { articleLabel, baseArticle, UNASSIGNED } from '../article-key.js';
import { bracketedNote, chineseDate, compareNames, isoDate, periodText, sourcePlace, titleLines } from '../text/format.js';
import { deletedCitationNote, letterArticlesNote, type LetterAssignmentEvidence } from '../text/letter-notes.js';
import { groupBy } from '../collections.js';
import { rowLabel, sourceLabel } from '../provenance.js';
import { maskDigest, maskPersonalData, maskSubmitter } from '../text/mask.js';
import { safeNamePart } from '../io/file-names.js';
import { opinionIdOf, type AppliedDecisions } from './apply.js';
import { FEEDBACK_SCHEMA_VERSION, type FeedbackDocument, type FeedbackRecord } from './schema.js';
import { type StatsRow, statsRow } from './stats.js';
import { DECISIONS, type Decision, PENDING } from './values.js';

/** The name used for records whose point is not known, in file names and tables. */
export const NO_POINT = '未注明联系点';
/** The county shown for points whose county is not known. */
export const NO_COUNTY = '未注明县区';

/** Builds feedback.json's document from a digest and the decisions applied to it (pure); personal data masked. */
export function buildFeedbackDocument(unmasked: Digest, applied: AppliedDecisions | null): FeedbackDocument {
  // feedback.json travels like a report, and the letters, statistics and file names are made from it.
  const digest = maskDigest(unmasked, { contactFields: true });
  const byRecord = new Map((applied?.records ?? []).map((d) => [d.recordId, d]));
  const opinionOf = opinionIdOf(digest);
  const label = (keys: readonly string[]): string =>
    [...new Set(keys.map(baseArticle))].map((k) => articleLabel(k, digest.draft)).join('、');
  const records = digest.records.map((r): FeedbackRecord => {
    const decided = byRecord.get(r.id);
    const opinionId = decided?.opinionId ?? opinionOf(r);
    return {
      id: r.id,
      source: r.source,
      point: r.point,
      county: r.county,
      articleLabel: label(r.articles.map((a) => a.key)),
      opinion: r.opinion,
      opinionId,
      cluster: decided?.clusterId ?? r.cluster,
      decision: decided?.decision ?? PENDING,
      reason: maskPersonalData(decided?.reason ?? ''),
      from: decided?.from ?? 'none',
    };
  });
  return {
    schemaVersion: FEEDBACK_SCHEMA_VERSION,
    kind: 'yijian-feedback',
    draft: digest.draft === null ? null : { title: digest.draft.title, file: digest.draft.file },
    ...(digest.citedDraft === undefined || digest.citedDraft === null ? {} : { citedDraft: { title: digest.citedDraft.title, file: digest.citedDraft.file } }),
    date: digest.date,
    records,
  };
}

/** One line of a point's feedback. */
export interface FeedbackItemView {
  no: number;
  /** The point's own 序号 as it wrote it, else the line's number: how the point finds the opinion. */
  seqText: string;
  /** seqText is the point's own 序号 (false: the line's number in the letter). */
  seqGiven: boolean;
  /** 提出人, or '' */
  submitter: string;
  /** 2024年5月6日, or the 日期 cell as written, or '' */
  dateText: string;
  recordId: string;
  articleLabel: string;
  /** How the article was found, worded for the point: 未注明条款，按内容归入本条（相似度 0.42）/ 经核对归入本条 / '' for a citation. */
  assignmentNote: string;
  /** The note in brackets, to append to the article label, or ''. */
  assignmentMark: string;
  /** Its article was found by what it says (similarity), not cited: the letter explains the mark once. */
  byContent: boolean;
  opinion: string;
  /** File / sheet / row: for the 附：来源 table only, never the letter's body. */
  sourceText: string;
  sourceFile: string;
  sourceSheet: string;
  sourceRow: number;
  /** 第 5 行, or 第 5 行第 2 条 for an opinion split out of one cell. */
  sourceRowLabel: string;
  decision: string;
  reason: string;
}

/** What the letter needs of the digest's record beyond feedback.json: how the point itself names the opinion. */
export interface FeedbackRecordDetail {
  seq: string | null;
  submitter: string | null;
  date: string | null;
  /** The record's article assignments (with `source`, `confidence` and an earlier round's citation). */
  articles: readonly LetterAssignmentEvidence[];
}

/** The letter details of every record of `digest`, by record id; personal data masked, as in the letter's body. */
export function feedbackDetails(digest: Digest): Map<string, FeedbackRecordDetail> {
  const mask = (text: string | null): string | null => (text === null ? null : maskPersonalData(text));
  return new Map(digest.records.map((r: DigestRecord) => [r.id, { seq: mask(r.seq), submitter: r.submitter === null ? null : maskSubmitter(r.submitter), date: mask(r.date), articles: r.articles }]));
}

/** Who signs the letters and when: the 落款. */
export interface LetterSignature {
  /** 某市司法局; '' leaves the issuer line out. */
  issuer: string;
  /** 2024年6月1日; '' leaves the date line out. */
  dateText: string;
  /** 联系人 and telephone as the bureau writes them (张三，021-63210000); '' or absent leaves the line out. */
  contact?: string;
}

/** One contact point's feedback: its opinions in source order and its totals. */
export interface PointFeedbackView {
  point: string;
  county: string;
  /** The file name stem, safe on every file system: 东湖街道基层立法联系点-采纳情况反馈 */
  fileStem: string;
  title: string;
  /** 关于《草案》意见采纳情况的反馈, on one line (Markdown, file listings). */
  feedbackTitle: string;
  /** The same as Word prints it, broken between words (\n): text/format.ts titleLines. */
  feedbackTitleLines: string;
  dateText: string;
  /** 落款 */
  issuer: string;
  /** （联系人：张三，021-63210000）, the line below the date a point calls back on; '' when none was given. */
  contactLine: string;
  /** 2024年5月6日至5月13日: when the point's opinions were dated, or ''. */
  periodText: string;
  /** The letter's opening after the salutation. */
  opening: string;
  items: FeedbackItemView[];
  /** 附：来源, one line per file and sheet: 序号 1 在第 2 行；序号 2 在第 3 行 … */
  sourceGroups: { place: string; rowsText: string }[];
  totals: StatsRow;
  totalsSentence: string;
  /** Some opinion of the point has a date: the Markdown table has a 日期 column only then (an empty column is noise). */
  hasDates: boolean;
  /** Some opinion of the point names its 提出人: the tables have a 提出人 column only then. */
  hasSubmitters: boolean;
  /** The Word table has its second column (提出人 and/or 日期): some opinion has one or the other. */
  hasSubmitterColumn: boolean;
  /** Neither: the Word table without that column (its 意见 column the wider). */
  noSubmitterColumn: boolean;
  /** The default Word template's second column holds dates (提出人及日期 or 日期): wide enough for 2024年5月10日. */
  datedColumn: boolean;
  /** Names only (提出人, no dates): the default Word template's narrow second column, its 意见 column the wider. */
  namesOnlyColumn: boolean;
  /** The note above the table, naming the columns the point filled in itself (序号, 提出人, 日期 only when it gave them); or ''. */
  tableNote: string;
  /** The Word table's second column: 提出人及日期, 提出人 or 日期, as the point gave them. */
  submitterHeader: string;
  /** Below the table, when some line's article was found by its content: what that mark and its 相似度 mean; else ''. */
  similarityExplained: string;
}

/** A point's name as the stem of its letter's file name (io/file-names.ts then keeps the whole name short enough). */
export function letterStem(name: string): string {
  // A mask's asterisks become full-width ones (allowed everywhere): dropping them would join 138 and 5678.
  return name.trim() === '' ? NO_POINT : safeNamePart(name.replace(/\*/g, '＊'));
}

/**
 * Per-point feedback views, points in name order; file stems made unique. `details` (from the digest)
 * gives each line the point's own 序号, 提出人 and 日期 and the assignment note; without it the lines
 * are numbered in order.
 */
export function pointFeedback(
  document: FeedbackDocument, signature: LetterSignature | string, details: ReadonlyMap<string, FeedbackRecordDetail> = new Map(),
): PointFeedbackView[] {
  const { issuer, dateText, contact = '' } = typeof signature === 'string' ? { issuer: '', dateText: signature } : signature;
  const contactLine = contactLineOf(contact);
  const byPoint = groupBy(document.records, (r) => r.point ?? NO_POINT);
  const title = document.draft?.title ?? '';
  // Opinions written on an earlier round (--cited-draft) are feedback on that round; the 条款 are the current one's.
  const commented = document.citedDraft?.title ?? title;
  const renumberedNote = commented !== title && title !== '' ? `（条款按《${title}》的条文编号，括号内注明原条款）` : '';
  const usedStems = new Set<string>();
  return [...byPoint.keys()].sort(compareNames).map((point) => {
    // digest.json keeps records in reading order (file, sheet, row): the order the point sent them.
    const records = byPoint.get(point) ?? [];
    let stem = `${letterStem(point)}-采纳情况反馈`;
    for (let n = 2; usedStems.has(stem); n += 1) stem = `${letterStem(point)}-${n}-采纳情况反馈`;
    usedStems.add(stem);
    const county = shownCounty(records.find((r) => r.county !== null)?.county ?? null, point, NO_COUNTY);
    const totals = statsRow(point, county, records.map((r) => ({ ...r, draftKey: '' })));
    const period = periodText(records.map((r) => details.get(r.id)?.date ?? null));
    return {
      point,
      county,
      fileStem: stem,
      title,
      // An official letter's title: 关于《……》意见采纳情况的反馈.
      feedbackTitle: `关于${commented === '' ? '本次草案' : `《${commented}》`}意见采纳情况的反馈`,
      feedbackTitleLines: commented === '' ? '关于本次草案意见采纳情况的反馈' : titleLines('关于', commented, '意见采纳情况的反馈'),
      dateText,
      issuer,
      contactLine,
      periodText: period,
      opening:
        `感谢你单位对${commented === '' ? '本次草案' : `《${commented}》`}提出的意见建议。` +
        `你单位${period === '' ? '' : `于${period}`}报送意见 ${records.length} 条，现将采纳情况反馈如下${renumberedNote}。`,
      sourceGroups: [] as { place: string; rowsText: string }[],
      items: records.map((r, i) => {
        const detail = details.get(r.id);
        const note = detail === undefined ? '' : letterArticlesNote(detail.articles);
        const unplaced = isUnplaced(r, detail);
        const date = detail?.date ?? null;
        return {
          no: i + 1,
          seqText: detail?.seq?.trim() || String(i + 1),
          seqGiven: (detail?.seq?.trim() ?? '') !== '',
          submitter: maskSubmitter(detail?.submitter ?? ''),
          dateText: date === null ? '' : (isoDate(date) === null ? date : chineseDate(isoDate(date) ?? date)),
          recordId: r.id,
          // The point reads the 未归入 label as "not taken into the text": the letter says the article is not settled yet.
          articleLabel: unplaced ? UNPLACED_LABEL : r.articleLabel,
          assignmentNote: unplaced ? '' : note,
          assignmentMark: unplaced ? unplacedMark(detail, r.decision === PENDING) : bracketedNote(note),
          byContent: !unplaced && (detail?.articles.some((a) => a.source === 'similarity') ?? false),
          opinion: r.opinion,
          sourceText: sourceLabel(r.source),
          sourceFile: r.source.file,
          sourceSheet: r.source.sheet,
          sourceRow: r.source.row,
          sourceRowLabel: rowLabel(r.source),
          decision: r.decision,
          reason: r.reason === '' ? (r.decision === PENDING ? '正在研究中' : '') : r.reason,
        };
      }),
      totals,
      totalsSentence: totalsSentence(totals),
      hasDates: false,
      hasSubmitters: false,
      hasSubmitterColumn: false,
      noSubmitterColumn: false,
      datedColumn: false,
      namesOnlyColumn: false,
      tableNote: '',
      submitterHeader: '',
      similarityExplained: '',
    };
  }).map((view) => {
    const hasDates = view.items.some((item) => item.dateText !== '');
    // A sheet without 提出人 (or 序号) gave none: an empty column on every row, and a note naming it, are noise.
    const hasSubmitters = view.items.some((item) => item.submitter !== '');
    const given = [
      ...(view.items.some((item) => item.seqGiven) ? ['序号'] : []), ...(hasSubmitters ? ['提出人'] : []), ...(hasDates ? ['日期'] : []),
    ];
    return {
      ...view,
      hasDates,
      hasSubmitters,
      hasSubmitterColumn: hasSubmitters || hasDates,
      noSubmitterColumn: !hasSubmitters && !hasDates,
      datedColumn: hasDates,
      namesOnlyColumn: hasSubmitters && !hasDates,
      tableNote: given.length === 0 ? '' : `下表${given.map((name) => `“${name}”`).join('')}为你单位报送表格中所填。`,
      submitterHeader: hasSubmitters ? (hasDates ? '提出人及日期' : '提出人') : '日期',
      sourceGroups: sourceGroups(view.items),
      similarityExplained: view.items.some((item) => item.byContent) ? SIMILARITY_EXPLAINED : '',
    };
  });
}

/**
 * The 附注 of an official letter, below its date (GB/T 9704): （联系人：张三，021-63210000）. The bureau's own number is
 * printed as given, never masked. A text that already names the 联系人 or is bracketed is not said twice.
 */
export function contactLineOf(contact: string): string {
  const text = contact.trim().replace(/^[（(](.*)[）)]$/u, '$1').trim();
  if (text === '') return '';
  return /^联系人/u.test(text) ? `（${text}）` : `（联系人：${text}）`;
}

/** The letter's 附：来源: where each line was found, grouped by file and sheet so it takes a few lines. */
function sourceGroups(items: readonly FeedbackItemView[]): { place: string; rowsText: string }[] {
  const groups = groupBy(items, (item) => sourcePlace(item.sourceFile, item.sourceSheet));
  return [...groups].map(([place, list]) => ({ place, rowsText: `${sourceRuns(list).join('；')}。` }));
}

/**
 * Where each line of the letter stands in the point's own sheet, runs said once: 序号 1–37 在第 2–38 行 for a sheet
 * numbered down its rows (it was thirty-seven clauses of 序号 n 在第 n+1 行), then 序号 40 在第 45 行第 2 条 for the rest.
 */
function sourceRuns(list: readonly FeedbackItemView[]): string[] {
  const out: string[] = [];
  const plain = (item: FeedbackItemView): number | null =>
    /^[0-9]+$/u.test(item.seqText) && item.sourceRowLabel === `第 ${item.sourceRow} 行` ? Number(item.seqText) : null;
  for (let i = 0; i < list.length; ) {
    const first = list[i]!;
    const seq = plain(first);
    let j = i + 1;
    if (seq !== null) {
      while (j < list.length && plain(list[j]!) === seq + (j - i) && list[j]!.sourceRow === first.sourceRow + (j - i)) j += 1;
    }
    const last = list[j - 1]!;
    out.push(j - i >= 3 ? `序号 ${first.seqText}–${last.seqText} 在第 ${first.sourceRow}–${last.sourceRow} 行` : `序号 ${first.seqText} 在${first.sourceRowLabel}`);
    if (j - i < 3) j = i + 1;
    i = j;
  }
  return out;
}

/** How the letter names each decision in its totals sentence (已转送 says where to). */
const TOTALS_WORDS: Readonly<Record<Decision, string>> = {
  采纳: '采纳', 部分采纳: '部分采纳', 未采纳: '未采纳', 已转送: '已转送有关部门', 作为参考: '作为参考', 待研究: '待研究',
};

/**
 * The letter's 总体情况, in words a point can check against its own table: "报送意见 12 条：采纳 3 条、未采纳 2 条、
 * 待研究 2 条。已作出处理的 10 条中，采纳和部分采纳 3 条，采纳率 30%。" Decisions it got none of are left out (the
 * table beside it lists all six); the rate names its base, as 采纳率（按报送条数）30.8% did not (4 of 15 is not 30.8%);
 * with nothing decided yet there is no rate to give (it printed 采纳率（按报送条数）—). Repeats within the point's
 * own sheet are said as such, not as 去重后 (and not at all when there are none).
 */
export function totalsSentence(row: StatsRow): string {
  const c = row.bySubmissions;
  const parts = DECISIONS.filter((d) => c[d] > 0).map((d) => `${TOTALS_WORDS[d]} ${c[d]} 条`);
  const counts = `报送意见 ${row.submissions} 条${parts.length === 0 ? '' : `：${parts.join('、')}`}。`;
  const rate = row.submissions === 0 ? '' : row.decided === 0
    ? '各条意见正在研究中，尚未作出处理。'
    : `${row.decided === row.submissions ? '各条意见均已作出处理，' : `已作出处理的 ${row.decided} 条中，`}` +
      `${row.adopted === 0 ? '没有采纳或部分采纳的' : `采纳和部分采纳 ${row.adopted} 条`}，采纳率 ${row.rateText}。`;
  const repeats = row.duplicates === 0 ? '' : `你单位报送的意见中，有 ${row.duplicates} 条与你单位所报其他意见相同或相近，已合并研究。`;
  return `${counts}${rate}${repeats}`;
}

/**
 * What a point's letter says of an opinion no article could be found (the 未归入 label of the bureau's own reports).
 * Not the tool's word, which a point may read as "not taken into the text", nor its guesses (可能涉及条文): they
 * are for the bureau to check; the point is told that the article is not settled and, while the opinion waits
 * for a decision, that it is being checked.
 */
export const UNPLACED_LABEL = '未确定具体条款';
export const UNPLACED_PENDING_MARK = '（正在核对）';

/** What the letter says its 按内容归入 marks and their 相似度 mean. */
export const SIMILARITY_EXPLAINED =
  '注明“按内容归入”的意见，系按意见内容与草案条文的相似度归入最相关的条款；相似度在 0 至 1 之间，数值越大，意见与该条内容越接近。';

/** An opinion on no article: its every assignment is 未归入 (after the 登记表's corrections). */
function isUnplaced(record: FeedbackRecord, detail: FeedbackRecordDetail | undefined): boolean {
  if (detail !== undefined) return detail.articles.length > 0 && detail.articles.every((a) => a.key === UNASSIGNED);
  return record.articleLabel === articleLabel(UNASSIGNED);
}

/**
 * What follows 未确定具体条款: that the article it cited was deleted since (digest --cited-draft), and while it
 * waits for a decision that it is being checked — （所提原第十四条在修改稿中已删除，正在核对）, （正在核对）, or ''.
 */
function unplacedMark(detail: FeedbackRecordDetail | undefined, pending: boolean): string {
  const deleted = detail === undefined ? '' : deletedCitationNote(detail.articles);
  if (deleted === '') return pending ? UNPLACED_PENDING_MARK : '';
  return `（${deleted}${pending ? `，${UNPLACED_PENDING_MARK.slice(1, -1)}` : ''}）`;
}
