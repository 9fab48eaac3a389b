/**
 * The guided flow's question about one point under several names: the person says whether the names alike
 * (alikePointNames) are one point and which name it goes by; the answer is saved as the config's pointNames.
 */
import type { OpinionRecord } from '../model.js';
import { alikePointNames, pointNameItems, preferredName } from '../ingest/point-names.js';
import type { Prompts } from './guided-sheets.js';

/**
 * Asks about each group of names alike among `records` (read with the config so far, whose pointNames are already
 * applied): the [other name, name kept] pairs to save. Not one point is the default: two points are never merged
 * by pressing Enter.
 */
export async function askPointNames(prompts: Prompts, records: readonly OpinionRecord[], counties: readonly string[]): Promise<[string, string][]> {
  const entries: [string, string][] = [];
  for (const group of alikePointNames(pointNameItems(records), counties)) {
    const names = group.map((use) => `“${use.name}”（${use.records} 条，${use.files.slice(0, 2).join('、')}${use.files.length > 2 ? ' 等' : ''}）`).join('、');
    const same = await prompts.confirm({ message: `联系点名称${names}是同一个联系点吗？`, default: false });
    if (!same) continue;
    const keep = await prompts.select({
      message: '这个联系点统一用哪个名称（各报告和反馈都用它）？',
      choices: group.map((use) => ({ value: use.name, name: use.name })),
      default: preferredName(group),
    });
    for (const use of group) if (use.name !== keep) entries.push([use.name, keep]);
  }
  return entries;
}
