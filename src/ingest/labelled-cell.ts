/**
 * An opinion cell written as a small form — 条款：第十条 / 意见：上牌要网上办。/ 理由：跑两次太麻烦。, or
 * 【条款】第十九条【意见】楼道充电要严管【理由】太危险 — as points type what a paper form or a WeChat message gave them.
 * Its labelled parts go to their fields, so the opinion reads as the opinion and the 理由 is a 理由.
 */

/** The fields a labelled part may fill. */
export type LabelledField = 'article' | 'opinion' | 'suggestion' | 'reason';

/** The parts of a labelled cell: the opinion always, the others when labelled. */
export type LabelledParts = { opinion: string } & Partial<Record<Exclude<LabelledField, 'opinion'>, string>>;

// Longest first, so 修改理由 is not read as 修改 + 理由 and 意见建议 not as 意见 + 建议.
const LABELS: readonly (readonly [string, LabelledField])[] = [
  ['涉及条款', 'article'], ['所涉条款', 'article'], ['条款', 'article'], ['条文', 'article'],
  ['建议修改为', 'suggestion'], ['修改建议', 'suggestion'], ['修改后条文', 'suggestion'],
  ['意见建议', 'opinion'], ['具体意见', 'opinion'], ['意见内容', 'opinion'], ['主要意见', 'opinion'], ['意见', 'opinion'],
  ['修改理由', 'reason'], ['理由依据', 'reason'], ['理由', 'reason'], ['依据', 'reason'], ['原因', 'reason'],
];
const LABEL_WORDS = LABELS.map(([word]) => word).join('|');
/** A label where a part starts: 【标签】 anywhere, 标签： at the cell's start, a new line or after a sentence's end. */
const LABEL = new RegExp(`\\s*【(${LABEL_WORDS})】\\s*|(?:^|(?<=[\\n。；;！!？?]))\\s*(${LABEL_WORDS})\\s*[：:]\\s*`, 'gu');

/** How a labelled cell starts: a label, then 】 or a colon. */
const LABELLED_START = new RegExp(`^\\s*(?:【(?:${LABEL_WORDS})】|(?:${LABEL_WORDS})\\s*[：:])`, 'u');

/**
 * The labelled parts of a cell that starts with a label and labels its opinion and at least one other part; null
 * for any other text (an opinion that merely says 理由：… after its point stays whole).
 */
export function labelledParts(text: string): LabelledParts | null {
  // Most cells start with no label at all: one cheap test before the scan (it runs on every opinion of a batch).
  if (!LABELLED_START.test(text)) return null;
  const found = [...text.matchAll(LABEL)];
  if (found.length < 2 || (found[0]?.index ?? -1) !== 0) return null;
  const parts = new Map<LabelledField, string>();
  found.forEach((match, i) => {
    const word = match[1] ?? match[2] ?? '';
    const field = LABELS.find(([label]) => label === word)?.[1];
    const end = found[i + 1]?.index ?? text.length;
    const body = text.slice((match.index ?? 0) + match[0].length, end).trim().replace(/[；;]$/u, '').trim();
    if (field === undefined || body === '') return;
    // The same field labelled twice (意见：… 意见：…): both kept, in order.
    parts.set(field, parts.has(field) ? `${parts.get(field)!}\n${body}` : body);
  });
  const opinion = parts.get('opinion');
  if (opinion === undefined || parts.size < 2) return null;
  const result: LabelledParts = { opinion };
  for (const field of ['article', 'suggestion', 'reason'] as const) {
    const part = parts.get(field);
    if (part !== undefined) result[field] = part;
  }
  return result;
}
