/**
 * Mapping the sheet's columns to canonical fields: forced mappings first, then the best header match per
 * field (synonyms, then header words), then a check of the content against what the headers say.
 */
import { FIELD_HEADERS, type ColumnMapping, type Field } from '../model.js';
import { pushTo } from '../collections.js';
import { columnLetter } from './grid.js';
import { headedColumnWords, type SheetLocation } from '../location.js';
import type { ColumnNotice, ColumnRef } from '../notices.js';
import type { ForcedMapping } from './map-spec.js';
import { isCitationColumn, unfitForOpinion, type ColumnProfile } from './content.js';
import { conjunctFields, speaksOfOpinions, surveyMetaColumns } from './header-words.js';
import { foldHeader, headerKeys, matchHeader, type SynonymIndex } from './synonyms.js';

type How = ColumnMapping['how'];

/** The columns of one sheet and which column (0-based) holds each field. */
export interface ColumnPlan {
  columns: ColumnMapping[];
  fieldColumns: ReadonlyMap<Field, number>;
  /** Forced mappings that name no column of this sheet: a header text not found, or an empty column past the headers. */
  unmatched: ForcedMapping[];
  /** Guesses people should see: two columns competing for one field, a column moved by its content. */
  notices: ColumnNotice[];
  /** Forced mappings whose column's content cannot be what they say (dates forced into 意见建议). */
  suspect: string[];
}

interface Candidate {
  column: number;
  score: number;
}

/** The place of a header row read on its own, outside any sheet (a person's header choice checked, a test). */
export const NO_SHEET: SheetLocation = { file: '', sheet: '' };

/**
 * Maps header texts (one per column) to fields. A forced mapping takes its column and field away from
 * header matching; when two columns could be one field the better match wins, the other stays unmapped
 * and a notice names both. With `profiles` (one per column), the content corrects the headers. `place` is
 * the sheet the headers are from, which every notice carries. `reserved` columns are known to hold no field
 * (the 来源 columns of yijian's own merged workbook): no header or content guess considers them.
 */
export function mapColumns(
  headers: readonly string[],
  index: SynonymIndex,
  forced: readonly ForcedMapping[],
  profiles: readonly ColumnProfile[] = [],
  place: SheetLocation = NO_SHEET,
  reserved: ReadonlySet<number> = new Set(),
): ColumnPlan {
  const width = Math.max(headers.length, ...forced.map(forcedWidth));
  const fieldColumns = new Map<Field, number>();
  const how = new Map<number, How>();
  const unmatched: ForcedMapping[] = [];
  const notices: ColumnNotice[] = [];
  const suspect: string[] = [];
  const label = (column: number): string => headedColumnWords(columnLetter(column), headers[column] ?? '');
  const ref = (column: number): ColumnRef => ({ column: columnLetter(column), header: headers[column] ?? '' });
  const at = (column: number): SheetLocation & { column: string } => ({ ...place, column: columnLetter(column) });
  // Fields a person said this sheet lacks (`提出人=无`): no header or content check may give them a column.
  const absent = new Set(forced.filter((mapping) => mapping.target.kind === 'none').map((mapping) => mapping.field));
  for (const mapping of forced) {
    if (mapping.target.kind === 'none') continue;
    const column = findForcedColumn(mapping, headers);
    if (column === null || (mapping.target.kind === 'column' && column >= headers.length && (headers[column] ?? '') === '')) {
      unmatched.push(mapping);
      if (column === null) continue;
    }
    if (how.has(column)) continue;
    fieldColumns.set(mapping.field, column);
    how.set(column, 'forced');
  }
  const candidates = new Map<Field, Candidate[]>();
  const evidence = new Map<number, How>();
  // An online form's export: its 来源 is the channel (微信, 手机提交), its 所用时间 no date.
  const meta = surveyMetaColumns(headers);
  headers.forEach((header, column) => {
    if (how.has(column) || reserved.has(column) || meta.has(column)) return;
    const match = matchHeader(header, index);
    if (match === null || fieldColumns.has(match.field) || absent.has(match.field)) return;
    evidence.set(column, match.evidence === 'synonym' ? 'synonym' : 'words');
    pushTo(candidates, match.field, { column, score: match.score });
  });
  const losers = new Map<Field, number[]>();
  for (const [field, list] of candidates) {
    // Strictly better only: on a tie the leftmost column keeps the field.
    const winner = list.reduce((a, b) => (b.score > a.score ? b : a));
    fieldColumns.set(field, winner.column);
    how.set(winner.column, evidence.get(winner.column) ?? 'synonym');
    let rest = list.filter((c) => c.column !== winner.column).map((c) => c.column);
    // 意见 | 建议 side by side: the 建议 column is the suggested change, not a second opinion column.
    const suggestion = field === 'opinion' && !candidates.has('suggestion') && !absent.has('suggestion') ? rest.find((c) => foldHeader(headers[c] ?? '') === '建议') : undefined;
    if (suggestion !== undefined) {
      fieldColumns.set('suggestion', suggestion);
      how.set(suggestion, 'words');
      rest = rest.filter((c) => c !== suggestion);
    }
    losers.set(field, rest);
  }
  const byContent = profiles.length > 0 ? opinionByContent(headers, profiles, fieldColumns, how, losers) : null;
  for (const [field, rest] of losers) {
    const winner = fieldColumns.get(field);
    if (rest.length === 0 || winner === undefined) continue;
    notices.push({
      code: 'W_COLUMNS_COMPETE',
      location: at(winner),
      field,
      winner: ref(winner),
      others: rest.map(ref),
      byContent: field === 'opinion' ? byContent : null,
    });
  }
  if (profiles.length > 0) checkContent({ headers, profiles, fieldColumns, how, losers, notices, suspect, label, ref, at, absent, reserved });
  laterFields({ headers, fieldColumns, how, losers, notices, ref, at, absent });

  const fieldOf = new Map<number, Field>();
  for (const [field, column] of fieldColumns) fieldOf.set(column, field);
  const columns: ColumnMapping[] = [];
  for (let column = 0; column < width; column += 1) {
    const header = headers[column] ?? '';
    const field = fieldOf.get(column) ?? null;
    if (header === '' && field === null) continue;
    columns.push({ column: columnLetter(column), header, field, how: field === null ? 'none' : (how.get(column) ?? 'none') });
  }
  return { columns, fieldColumns, unmatched, notices, suspect };
}

interface ContentCheck {
  headers: readonly string[];
  profiles: readonly ColumnProfile[];
  fieldColumns: Map<Field, number>;
  how: Map<number, How>;
  losers: ReadonlyMap<Field, number[]>;
  notices: ColumnNotice[];
  suspect: string[];
  label: (column: number) => string;
  ref: (column: number) => ColumnRef;
  at: (column: number) => SheetLocation & { column: string };
  /** Fields a forced mapping says this sheet has no column for (…=无). */
  absent: ReadonlySet<Field>;
  /** Columns known to hold no field (a merged workbook's 来源 columns). */
  reserved: ReadonlySet<number>;
}

// The content overrules the header only where the header cannot be right: an opinion column of dates,
// names or citations, and a column of citations nobody mapped while the sheet has no article column.
function checkContent(check: ContentCheck): void {
  const { profiles, fieldColumns, how, notices, label, ref, at } = check;
  const opinion = fieldColumns.get('opinion');
  const profileOf = (column: number): ColumnProfile | undefined => profiles[column];
  if (opinion !== undefined) {
    const profile = profileOf(opinion);
    const unfit = profile === undefined ? null : unfitForOpinion(profile);
    if (unfit !== null && how.get(opinion) === 'forced') {
      check.suspect.push(`指定为“${FIELD_HEADERS.opinion}”的 ${label(opinion)}的内容多为${unfit.label}，不像意见，请核对 --map。`);
    } else if (unfit !== null && profile !== undefined) {
      fieldColumns.delete('opinion');
      how.delete(opinion);
      const articleColumn = fieldColumns.get('article');
      const articleProfile = articleColumn === undefined ? undefined : profileOf(articleColumn);
      const moved = !check.absent.has('article') && isCitationColumn(profile) && (articleProfile === undefined || !isCitationColumn(articleProfile));
      if (moved) {
        if (articleColumn !== undefined) how.delete(articleColumn);
        fieldColumns.set('article', opinion);
        how.set(opinion, 'content');
      }
      const replacement = check.absent.has('opinion') ? null : replacementOpinion(check, opinion);
      if (replacement !== null) {
        fieldColumns.set('opinion', replacement.column);
        how.set(replacement.column, replacement.how);
      }
      // Without a replacement, opinionFromOtherField below may still find one, or the sheet problem says none.
      notices.push({
        code: 'W_OPINION_COLUMN_UNFIT',
        location: at(opinion),
        from: ref(opinion),
        unfit: unfit.label,
        movedToArticle: moved,
        replacement: replacement === null ? null : ref(replacement.column),
      });
    }
  }
  phonesForSubmitter(check);
  if (!fieldColumns.has('article') && !check.absent.has('article')) {
    for (const [column, profile] of profiles.entries()) {
      if (how.has(column) || check.reserved.has(column) || !isCitationColumn(profile)) continue;
      fieldColumns.set('article', column);
      how.set(column, 'content');
      notices.push({ code: 'W_COLUMN_FROM_CONTENT', location: at(column), column: ref(column), field: 'article' });
      break;
    }
  }
  opinionFromOtherField(check);
}

/** Share of a column's cells that are phone numbers for it to be the 联系方式 column, whatever its header says. */
const PHONE_SHARE = 0.6;

/**
 * 联系人及电话 taken for the 提出人 by its first word while its cells are phone numbers: it is the 联系方式 column (when
 * the sheet has none), and the 提出人 goes to the column that lost it (提出单位/个人), if any.
 */
function phonesForSubmitter(check: ContentCheck): void {
  const { fieldColumns, how, profiles } = check;
  const submitter = fieldColumns.get('submitter');
  if (submitter === undefined || how.get(submitter) === 'forced' || fieldColumns.has('contact') || check.absent.has('contact')) return;
  const profile = profiles[submitter];
  if (profile === undefined || profile.filled === 0 || (profile.shares.phone ?? 0) < PHONE_SHARE) return;
  fieldColumns.set('contact', submitter);
  how.set(submitter, 'content');
  fieldColumns.delete('submitter');
  const other = (check.losers.get('submitter') ?? []).find((column) => !how.has(column) && (profiles[column]?.shares.phone ?? 0) < PHONE_SHARE);
  if (other !== undefined) {
    fieldColumns.set('submitter', other);
    how.set(other, 'words');
  }
  // The competing-columns notice named the phone column the 提出人: it is this one's now.
  const compete = check.notices.findIndex((n) => n.code === 'W_COLUMNS_COMPETE' && n.field === 'submitter');
  if (compete >= 0) check.notices.splice(compete, 1);
  check.notices.push({ code: 'W_COLUMN_FROM_CONTENT', location: check.at(submitter), column: check.ref(submitter), field: 'contact' });
}

// Another column for the opinions: one that lost the header contest, else one whose header holds an opinion
// word, else the unmapped column with the longest text — and only one whose content can be an opinion.
function replacementOpinion(check: ContentCheck, from: number): { column: number; how: How } | null {
  const fit = (column: number): boolean => {
    const profile = check.profiles[column];
    return column !== from && !check.how.has(column) && !check.reserved.has(column) && profile !== undefined && profile.filled > 0 && unfitForOpinion(profile) === null;
  };
  const lost = (check.losers.get('opinion') ?? []).find(fit);
  if (lost !== undefined) return { column: lost, how: 'words' };
  const worded = check.headers.findIndex((header, column) => fit(column) && /意见|建议|内容|诉求/u.test(header));
  if (worded >= 0) return { column: worded, how: 'words' };
  let best: number | null = null;
  for (const [column, profile] of check.profiles.entries()) {
    if (!fit(column) || profile.meanLength < 10) continue;
    if (best === null || profile.meanLength > (check.profiles[best]?.meanLength ?? 0)) best = column;
  }
  return best === null ? null : { column: best, how: 'content' };
}

// Two columns both headed like the opinion column (意见内容 | 修改意见及理由): the content decides when it
// speaks clearly — the one whose cells are paragraphs holds the opinions, not the one of short notes; failing
// that, the one filled on most rows holds them, not a template's column left empty (a hidden 意见建议 with one
// example in it beside the 具体意见 the clerk typed into).
// Returns why the winner won when the content changed the header's choice, else null.
function opinionByContent(
  headers: readonly string[],
  profiles: readonly ColumnProfile[],
  fieldColumns: Map<Field, number>,
  how: Map<number, How>,
  losers: Map<Field, number[]>,
): CompeteByContent | null {
  const winner = fieldColumns.get('opinion');
  const rest = losers.get('opinion') ?? [];
  if (winner === undefined || how.get(winner) === 'forced' || rest.length === 0) return null;
  const mine = profiles[winner];
  // A winner that cannot hold opinions at all (citations, dates) is checkContent's case, with its own notice.
  if (mine === undefined || unfitForOpinion(mine) !== null) return null;
  let best: number | null = null;
  for (const column of rest) {
    const profile = profiles[column];
    if (profile === undefined || unfitForOpinion(profile) !== null || profile.filled < Math.max(2, mine.filled)) continue;
    if (profile.meanLength < 2 * Math.max(mine.meanLength, 4)) continue;
    if (best === null || profile.meanLength > (profiles[best]?.meanLength ?? 0)) best = column;
  }
  let byFill = false;
  if (best === null) {
    for (const column of rest) {
      const profile = profiles[column];
      if (profile === undefined || unfitForOpinion(profile) !== null || profile.filled < Math.max(2, FILL_LEAD * mine.filled)) continue;
      if (profile.meanLength < Math.max(4, mine.meanLength / 2)) continue;
      if (best === null || profile.filled > (profiles[best]?.filled ?? 0)) best = column;
    }
    byFill = best !== null;
  }
  if (best === null) return null;
  fieldColumns.set('opinion', best);
  how.delete(winner);
  how.set(best, 'content');
  losers.set('opinion', [winner, ...rest.filter((c) => c !== best)]);
  const mean = (column: number): number => Math.round(profiles[column]?.meanLength ?? 0);
  const byContent: CompeteByContent = { winnerMean: mean(best), headerPickMean: mean(winner) };
  if (byFill) byContent.filled = { winner: profiles[best]?.filled ?? 0, headerPick: mine.filled };
  return byContent;
}

/** A rival opinion column wins by filling: on at least this many times the rows the header's pick fills. */
const FILL_LEAD = 2;

type CompeteByContent = NonNullable<Extract<ColumnNotice, { code: 'W_COLUMNS_COMPETE' }>['byContent']>;

/** What the later-field pass works on: the content check's mapping state, without the profiles. */
type LaterFields = Pick<ContentCheck, 'headers' | 'fieldColumns' | 'how' | 'losers' | 'notices' | 'ref' | 'at' | 'absent'>;

// A column that lost its first field keeps a later one its header names and nobody has: 修改意见及理由,
// beaten to 意见 by 意见内容, is the 理由 column.
function laterFields(check: LaterFields): void {
  for (const [field, rest] of check.losers) {
    for (const column of rest) {
      if (check.how.has(column)) continue;
      const header = check.headers[column] ?? '';
      const lowest = header.split('/').at(-1) ?? header;
      const later = conjunctFields(lowest).find((f) => f !== field && !check.fieldColumns.has(f) && !check.absent.has(f));
      if (later === undefined) continue;
      check.fieldColumns.set(later, column);
      check.how.set(column, 'words');
      check.notices.push({ code: 'W_COLUMN_FROM_OTHER_WORD', location: check.at(column), column: check.ref(column), lost: field, field: later });
    }
  }
}

// No column is headed as the opinion column, yet one whose header speaks of opinions (修改建议 in a 反馈意见表,
// 意见说明) holds paragraphs: the opinions are there, since a sheet of opinions always has them somewhere.
function opinionFromOtherField(check: ContentCheck): void {
  const { headers, profiles, fieldColumns, how } = check;
  if (fieldColumns.has('opinion')) return;
  let best: number | null = null;
  headers.forEach((header, column) => {
    const profile = profiles[column];
    if (how.get(column) === 'forced' || check.reserved.has(column) || profile === undefined || profile.filled === 0 || profile.meanLength < 6) return;
    if (unfitForOpinion(profile) !== null || !speaksOfOpinions(header.split('/').at(-1) ?? header)) return;
    if (best === null || profile.meanLength > (profiles[best]?.meanLength ?? 0)) best = column;
  });
  if (best === null) return;
  const column: number = best;
  const previous = [...fieldColumns].find(([, c]) => c === column)?.[0];
  if (previous !== undefined) fieldColumns.delete(previous);
  fieldColumns.set('opinion', column);
  how.set(column, 'content');
  // The field it leaves goes to the column that came second for it (修改后条文 beside a 修改建议 of opinions).
  const heir = previous === undefined ? undefined : (check.losers.get(previous) ?? []).find((c) => !how.has(c));
  if (previous !== undefined && heir !== undefined) {
    fieldColumns.set(previous, heir);
    how.set(heir, 'words');
  }
  check.notices.push({
    code: 'W_OPINION_FROM_CONTENT',
    location: check.at(column),
    column: check.ref(column),
    meanLength: Math.round(profiles[column]?.meanLength ?? 0),
    previous: previous ?? null,
  });
}

function forcedWidth(mapping: ForcedMapping): number {
  return mapping.target.kind === 'column' ? mapping.target.index + 1 : 0;
}

// A header-text target matches the whole header or one part of a two-row header, loosely.
function findForcedColumn(mapping: ForcedMapping, headers: readonly string[]): number | null {
  if (mapping.target.kind === 'column') return mapping.target.index;
  if (mapping.target.kind === 'none') return null;
  const wanted = foldHeader(mapping.target.text);
  if (wanted === '') return null;
  for (const [column, header] of headers.entries()) {
    const candidates = [header, ...header.split('/')].flatMap(headerKeys);
    if (candidates.includes(wanted)) return column;
  }
  return null;
}

/** How a column was found, as inspect and the guided flow print it after the field (nothing for a header synonym). */
export const COLUMN_HOW_NOTES: Readonly<Record<ColumnMapping['how'], string>> = {
  synonym: '',
  forced: '（指定）',
  words: '（按表头用词推断）',
  content: '（按内容推断）',
  none: '',
};
