/** The 对照表 rows: labels in front of each article, marks on the right side, notes for moves, splits and merges. */
import { describe, expect, it } from 'vitest';
import { alignDrafts, DEFAULT_ALIGN_OPTIONS } from '../../src/compare/align.js';
import { renderCompare } from '../../src/report/compare.js';
import { buildCompareView, cellText, markedText } from '../../src/compare/view.js';
import { parseDraft } from '../../src/text/draft.js';

const oldDraft = parseDraft([
  '某市养犬管理条例（征求意见稿）',
  '第一条（立法目的） 为了规范养犬行为，保障公民健康和人身安全，制定本条例。',
  '第二条 养犬人应当为犬只办理登记。',
  '办理登记应当提交养犬人身份证明和犬只免疫证明。',
  '第三条 禁止携带犬只进入学校、医院、体育场馆等公共场所。',
  '第四条 犬只收容所负责犬只的收容、认领和领养工作。',
  '第五条 本条例自2025年1月1日起施行。',
].join('\n'), '征求意见稿.txt');
const newDraft = parseDraft([
  '某市养犬管理条例（修改稿）',
  '第一条（立法目的） 为了规范养犬行为，保障公民健康和人身安全，维护社会秩序，制定本条例。',
  '第二条 养犬人应当为犬只办理登记。',
  '第三条 办理登记应当提交养犬人身份证明和犬只免疫证明。',
  '第四条 犬只收容所负责犬只的收容、认领和领养工作。',
  '第五条 本条例自2025年5月1日起施行。',
].join('\n'), '修改稿.txt');

describe('buildCompareView', () => {
  const alignment = alignDrafts(oldDraft, newDraft, DEFAULT_ALIGN_OPTIONS);
  const view = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: false });

  it('finds the modifications, the split and the deletion (which cancel out in the numbering after them)', () => {
    expect(alignment.oldToNew).toEqual({ 1: ['1'], 2: ['2', '3'], 3: [], 4: ['4'], 5: ['5'] });
    expect(view.rows.map((r) => r.kindText)).toEqual(['修改', '拆分', '删除', '未修改', '修改']);
    expect(view.summaryLine).toBe('原稿 5 条，修改后 5 条：修改 2 条，删除 1 条，拆分 1 条，未修改 1 条；条文序号有变化的 1 条。');
  });

  it('marks the inserted words on the new side and the deleted ones on the old side', () => {
    const [first, split, deleted, , last] = view.rows;
    expect(markedText(first!.new, 'inserted')).toBe('维护社会秩序，');
    expect(markedText(first!.old, 'deleted')).toBe('');
    expect(cellText(first!.old)).toBe('第一条　（立法目的）为了规范养犬行为，保障公民健康和人身安全，制定本条例。');
    expect(markedText(last!.old, 'deleted')).toBe('1');
    expect(markedText(last!.new, 'inserted')).toBe('5');
    // Each piece of the split starts with its own label.
    expect(cellText(split!.new)).toBe('第二条　养犬人应当为犬只办理登记。\n第三条　办理登记应当提交养犬人身份证明和犬只免疫证明。');
    expect(split!.note).toBe('（原第二条拆分为第二条、第三条）');
    expect(deleted!.new).toEqual([]);
    expect(markedText(deleted!.old, 'deleted')).toBe('禁止携带犬只进入学校、医院、体育场馆等公共场所。');
  });

  it('lists only the changed articles with --changed-only', () => {
    const changed = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: true });
    expect(changed.rows.map((r) => r.kindText)).toEqual(['修改', '拆分', '删除', '修改']);
    const same = buildCompareView(oldDraft, oldDraft, alignDrafts(oldDraft, oldDraft, DEFAULT_ALIGN_OPTIONS), { changedOnly: true });
    expect(same.rows).toEqual([]);
  });

  it('renders the same bytes twice', async () => {
    const once = await renderCompare(view, ['docx', 'xlsx', 'md'], null);
    const twice = await renderCompare(view, ['docx', 'xlsx', 'md'], null);
    for (const format of ['docx', 'xlsx', 'md'] as const) expect(Buffer.compare(Buffer.from(once.get(format)!), Buffer.from(twice.get(format)!))).toBe(0);
  });
});
