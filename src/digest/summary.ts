/** The short Chinese summary `digest` prints: totals, the busiest articles, the largest clusters. */
import type { Digest } from '../model.js';
import { articleLabel, compareArticleKeys, isArticle, UNASSIGNED } from '../article-key.js';
import { maskPersonalData } from '../text/mask.js';
import { cutText } from '../text/format.js';
import { recordsPerArticle, representativeText } from './per-article.js';

/** Text of the summary, several lines. */
export function digestSummary(digest: Digest, top = 5): string {
  const t = digest.totals;
  const lines = [
    `意见汇总${digest.draft === null ? '' : `：${digest.draft.title}`}`,
    `  ${t.files} 个文件，${t.points} 个联系点，${t.counties} 个县（市、区）`,
    `  数据行 ${t.rows}：有效意见 ${t.records}，问题行 ${t.rejects}，空行 ${t.blanks}${(t.notes ?? 0) > 0 ? `，说明行 ${t.notes ?? 0}` : ''}`,
    `  重复：完全相同 ${t.exactGroups} 组，近似 ${t.nearGroups} 组，重复提交 ${t.duplicates} 条；去重后 ${t.distinctOpinions} 条意见，聚为 ${t.clusters} 类`,
  ];
  // Counted as the reports count (第八条第二款 for 第八条); only numbered articles are ranked as articles:
  // 总体意见, 章 and 名称 are not 条文, and opinions left unassigned are a task for the reader, said on their own line.
  const perArticle = recordsPerArticle(digest.records);
  const busiest = [...perArticle]
    .filter(([key]) => isArticle(key))
    .map(([key, records]) => [key, records.length] as const)
    .sort((a, b) => b[1] - a[1] || compareArticleKeys(a[0], b[0]))
    .slice(0, top);
  if (busiest.length > 0) {
    lines.push('  意见最多的条文：');
    for (const [key, count] of busiest) lines.push(`    ${articleLabel(key, digest.draft)}：${count} 条`);
  }
  const unassigned = perArticle.get(UNASSIGNED)?.length ?? 0;
  // The one wording of unassigned, articleLabel's: 另有 38 条意见 + that label.
  if (unassigned > 0) lines.push(`  另有 ${unassigned} 条意见${articleLabel(UNASSIGNED)}，请核对（见汇总报告“未归入具体条款的意见”和登记表“可能涉及条文”列）`);
  const byId = new Map(digest.records.map((record) => [record.id, record]));
  const groups = new Map(digest.duplicateGroups.map((g) => [g.id, g]));
  // Quoted as the reports quote it: in simplified characters when an exact copy was sent so.
  const quoted = (id: string): string => representativeText(id, byId, groups) ?? '';
  const largest = [...digest.clusters].sort((a, b) => b.submissions - a.submissions || (a.id < b.id ? -1 : 1)).slice(0, top);
  if (largest.length > 0) {
    lines.push('  最大的意见类：');
    for (const cluster of largest) {
      const text = maskPersonalData(quoted(cluster.representative)).replace(/\s+/g, ' ');
      const excerpt = cutText(text, 40);
      lines.push(`    [${cluster.id}] ${articleLabel(cluster.article, digest.draft)}，${cluster.submissions} 次提交，${cluster.points.length} 个联系点：${excerpt}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
