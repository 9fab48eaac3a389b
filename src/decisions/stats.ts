/**
 * Statistics per contact point, county and draft (联系点工作成效评估).
 * Adoption rate = (采纳 + 部分采纳) / decided, decided = everything but 待研究; counted both by
 * submissions (every record) and by distinct opinions (each opinion once within the group).
 */
import { shownCounty } from '../city-level.js';
import { bySubmissions, percent } from '../text/format.js';
import { groupBy } from '../collections.js';
import { repeatedTextMask } from '../text/pii.js';
import type { FeedbackDocument, FeedbackRecord } from './schema.js';
import { type Decision, DECISIONS, isAdopted, PENDING } from './values.js';

/** Count per decision. */
export type DecisionCounts = Record<Decision, number>;

/** One row of a statistics table. */
export interface StatsRow {
  name: string;
  /** The county of a point; '' for county and draft rows. */
  county: string;
  /** Drafts the group sent opinions on. */
  drafts: number;
  /** Points behind the group (1 for a point). */
  points: number;
  submissions: number;
  /** Distinct opinions among the group's records. */
  distinct: number;
  /** Repeats within the group: submissions − distinct. */
  duplicates: number;
  bySubmissions: DecisionCounts;
  byOpinions: DecisionCounts;
  decided: number;
  adopted: number;
  /** (采纳 + 部分采纳) / decided by submissions; null when nothing is decided yet. */
  rate: number | null;
  rateText: string;
  decidedOpinions: number;
  adoptedOpinions: number;
  rateOpinions: number | null;
  rateOpinionsText: string;
}

/** A record with the draft it belongs to, so opinions of different drafts never merge. */
export type StatsRecord = Pick<FeedbackRecord, 'point' | 'county' | 'opinionId' | 'decision'> & { draftKey: string };

const emptyCounts = (): DecisionCounts => Object.fromEntries(DECISIONS.map((d) => [d, 0])) as DecisionCounts;

/** The text of a rate: 40%, or — when nothing is decided. */
export function rateText(adopted: number, decided: number): string {
  return decided === 0 ? '—' : percent(adopted, decided);
}

/** Statistics of one group of records (pure). */
export function statsRow(name: string, county: string, records: readonly StatsRecord[]): StatsRow {
  const bySubmissions = emptyCounts();
  const byOpinions = emptyCounts();
  const seen = new Set<string>();
  for (const r of records) {
    bySubmissions[r.decision] += 1;
    const key = `${r.draftKey}\u0000${r.opinionId}`;
    // An opinion counts once, with the decision of its first record in the group.
    if (!seen.has(key)) {
      seen.add(key);
      byOpinions[r.decision] += 1;
    }
  }
  const adopted = DECISIONS.filter(isAdopted).reduce((sum, d) => sum + bySubmissions[d], 0);
  const decided = records.length - bySubmissions[PENDING];
  const adoptedOpinions = DECISIONS.filter(isAdopted).reduce((sum, d) => sum + byOpinions[d], 0);
  const decidedOpinions = seen.size - byOpinions[PENDING];
  return {
    name,
    county,
    drafts: new Set(records.map((r) => r.draftKey)).size,
    points: new Set(records.map((r) => r.point ?? '')).size,
    submissions: records.length,
    distinct: seen.size,
    duplicates: records.length - seen.size,
    bySubmissions,
    byOpinions,
    decided,
    adopted,
    rate: decided === 0 ? null : adopted / decided,
    rateText: rateText(adopted, decided),
    decidedOpinions,
    adoptedOpinions,
    rateOpinions: decidedOpinions === 0 ? null : adoptedOpinions / decidedOpinions,
    rateOpinionsText: rateText(adoptedOpinions, decidedOpinions),
  };
}

/** One draft's feedback, named for the per-draft table. */
export interface DraftFeedback {
  /** The draft's title, or the folder it came from when the digest had no draft. */
  name: string;
  document: FeedbackDocument;
}

/** Two inputs of `stats` that hold the same draft's opinions: by index, and how many opinions they share. */
export interface RepeatedInput {
  first: number;
  second: number;
  shared: number;
}

/**
 * Inputs that are the same draft's feedback twice — a rerun after 补报 given beside the run before it, one folder
 * under two names — whose opinions the statistics would count twice (a point's figures doubled in its yearly
 * evaluation). The same draft title and records from the same file, sheet and row with the same text; a title
 * alone is not enough (a draft can be consulted on twice), nor a row alone (next month's file may share its name).
 */
export function repeatedInputs(drafts: readonly DraftFeedback[]): RepeatedInput[] {
  const found: RepeatedInput[] = [];
  const keys = drafts.map((d) => new Set(d.document.records.map((r) => `${r.id}\u0000${r.opinion}`)));
  for (let i = 0; i < drafts.length; i += 1) {
    for (let j = i + 1; j < drafts.length; j += 1) {
      if (drafts[i]!.name !== drafts[j]!.name) continue;
      let shared = 0;
      for (const key of keys[j]!) if (keys[i]!.has(key)) shared += 1;
      if (shared > 0) found.push({ first: i, second: j, shared });
    }
  }
  return found;
}

/** Statistics over one or more drafts. */
export interface StatsModel {
  drafts: StatsRow[];
  points: StatsRow[];
  counties: StatsRow[];
  total: StatsRow;
  /** Counties some point belongs to: the 未注明县区 row of `counties` is not one (统计 said 5 个县（市、区） for 4). */
  namedCounties: number;
}

const NO_POINT = '未注明联系点';
const NO_COUNTY = '未注明县区';
/**
 * Statistics per point, county and draft across `drafts` (pure). `pointNames` (the config's) files a point's
 * other names under the one it goes by: a point named one way in May and another in June is one row.
 */
export function computeStats(drafts: readonly DraftFeedback[], pointNames: ReadonlyMap<string, string> = new Map()): StatsModel {
  // feedback.json is masked when written; a file from an older version, or a draft named after its
  // folder, may still carry a phone number into the tables: names are masked again (it changes nothing twice).
  const mask = repeatedTextMask();
  const maskNullable = (name: string | null): string | null => (name === null ? null : mask(name));
  const records: StatsRecord[] = drafts.flatMap((d, index) =>
    d.document.records.map((r) => ({
      point: maskNullable(r.point === null ? null : (pointNames.get(r.point) ?? r.point)), county: maskNullable(r.county), opinionId: r.opinionId, decision: r.decision, draftKey: String(index),
    })),
  );
  // A point's county: the first one any of its records names (points do not move between counties).
  const countyOfPoint = new Map<string, string>();
  for (const r of records) {
    const point = r.point ?? NO_POINT;
    if (r.county !== null && !countyOfPoint.has(point)) countyOfPoint.set(point, r.county);
  }
  const pointOf = (r: StatsRecord): string => r.point ?? NO_POINT;
  const countyOf = (r: StatsRecord): string => shownCounty(countyOfPoint.get(pointOf(r)) ?? null, r.point, NO_COUNTY);
  const points = [...groupBy(records, pointOf)].map(([name, list]) => statsRow(name, shownCounty(countyOfPoint.get(name) ?? null, name === NO_POINT ? null : name, NO_COUNTY), list)).sort(bySubmissions);
  const counties = [...groupBy(records, countyOf)].map(([name, list]) => statsRow(name, '', list)).sort(bySubmissions);
  const draftRows = drafts.map((d, index) => statsRow(mask(d.name), '', records.filter((r) => r.draftKey === String(index))));
  return { drafts: draftRows, points, counties, total: statsRow('合计', '', records), namedCounties: new Set(countyOfPoint.values()).size };
}
