/**
 * How the likely articles of an opinion left 未归入 (ArticleAssignment.candidates) read in the reports:
 * in the 登记表 a cell beside the correction column, with the similarities; in the summary and the 对照表
 * a line that says it is a guess. A suggestion is only ever shown, never read back as a correction.
 */
import type { ArticleCandidate } from '../model.js';

/** What the helpers read of an assignment (the view's records are masked copies of the digest's). */
interface CandidateEvidence {
  key: string;
  source: string;
  candidates?: readonly ArticleCandidate[] | undefined;
}

/** Most articles a cluster's cell suggests, as an opinion's does. */
const CLUSTER_LIMIT = 3;

/** The suggestions of a record: those of its `unassigned` assignment left by similarity; [] otherwise. */
export function recordCandidates(articles: readonly CandidateEvidence[]): readonly ArticleCandidate[] {
  const left = articles.find((a) => a.key === 'unassigned' && a.source === 'none');
  return left?.candidates ?? [];
}

/**
 * A cluster's suggestions from its opinions': the articles most of them suggest first, then the higher
 * best score, then draft order as the opinions list them; each with its best score among them.
 */
export function clusterCandidates(lists: readonly (readonly ArticleCandidate[])[]): ArticleCandidate[] {
  const byKey = new Map<string, { candidate: ArticleCandidate; votes: number; first: number }>();
  let order = 0;
  for (const list of lists) {
    for (const c of list) {
      const seen = byKey.get(c.key);
      if (seen === undefined) byKey.set(c.key, { candidate: { ...c }, votes: 1, first: order++ });
      else {
        seen.votes++;
        if (c.score > seen.candidate.score) seen.candidate = { ...c };
      }
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.votes - a.votes || b.candidate.score - a.candidate.score || a.first - b.first)
    .slice(0, CLUSTER_LIMIT)
    .map((v) => v.candidate);
}

/**
 * The 登记表 cell: 第十二条(0.18), then 第十三条(0.15) on the next line, or '' when there is no suggestion.
 * One article a line: in the printed sheet a label never breaks across lines (第 / 七十二条). The score's
 * brackets are half-width: with full-width ones 第七十二条（0.18） is two units too wide for the column in Excel,
 * and the score went to a line of its own.
 */
export function candidatesCell(candidates: readonly ArticleCandidate[], label: (key: string) => string): string {
  return candidates.map((c) => `${label(c.key)}(${c.score.toFixed(2)})`).join('\n');
}

/** What every similarity guess of the reports says of itself: the likely articles here, 可能同类 in model.ts. */
export const GUESS_WORDS = '按内容推测，待人工确认';

/** The line for readers: 可能涉及：第十二条、第十三条（按内容推测，待人工确认）, or ''. */
export function candidatesNote(candidates: readonly ArticleCandidate[], label: (key: string) => string): string {
  if (candidates.length === 0) return '';
  return `可能涉及：${candidates.map((c) => label(c.key)).join('、')}（${GUESS_WORDS}）`;
}
