/** The short Chinese summary `digest` prints: totals, the busiest articles, the largest clusters. */
import type { Digest } from '../model.js';
import { articleLabel, compareArticleKeys } from '../article-key.js';
import { maskPersonalData } from '../text/mask.js';

/** Text of the summary, several lines. */
export function digestSummary(digest: Digest, top = 5): string {
  const t = digest.totals;
  const lines = [
    `意见汇总${digest.draft === null ? '' : `：${digest.draft.title}`}`,
    `  ${t.files} 个文件，${t.points} 个联系点，${t.counties} 个县（市、区）`,
    `  数据行 ${t.rows}：有效意见 ${t.records}，问题行 ${t.rejects}，空行 ${t.blanks}${(t.notes ?? 0) > 0 ? `，说明行 ${t.notes ?? 0}` : ''}`,
    `  重复：完全相同 ${t.exactGroups} 组，近似 ${t.nearGroups} 组，重复提交 ${t.duplicates} 条；去重后 ${t.distinctOpinions} 条意见，聚为 ${t.clusters} 类`,
  ];
  const perArticle = new Map<string, number>();
  for (const record of digest.records) {
    const key = record.articles[0]?.key ?? 'unassigned';
    perArticle.set(key, (perArticle.get(key) ?? 0) + 1);
  }
  const busiest = [...perArticle].sort((a, b) => b[1] - a[1] || compareArticleKeys(a[0], b[0])).slice(0, top);
  if (busiest.length > 0) {
    lines.push('  意见最多的条文：');
    for (const [key, count] of busiest) lines.push(`    ${articleLabel(key, digest.draft)}：${count} 条`);
  }
  const representative = new Map(digest.records.map((record) => [record.id, record.opinion]));
  const largest = [...digest.clusters].sort((a, b) => b.submissions - a.submissions || (a.id < b.id ? -1 : 1)).slice(0, top);
  if (largest.length > 0) {
    lines.push('  最大的意见类：');
    for (const cluster of largest) {
      const text = maskPersonalData(representative.get(cluster.representative) ?? '').replace(/\s+/g, ' ');
      const excerpt = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      lines.push(`    [${cluster.id}] ${articleLabel(cluster.article, digest.draft)}，${cluster.submissions} 次提交，${cluster.points.length} 个联系点：${excerpt}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
