/** What comparing two rounds of a draft (修改前后对照) finds, as plain data every renderer shares. */
import { z } from 'zod';

/** How an article fared between the rounds. */
export const ChangeKindSchema = z.enum(['unchanged', 'modified', 'moved', 'added', 'deleted', 'split', 'merged']);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** One row of the 对照表: the old article(s) and what became of them. */
export const ArticleChangeSchema = z.object({
  kind: ChangeKindSchema,
  /** Old keys: none for an added article, several for a merge. */
  old: z.array(z.string()),
  /** New keys: none for a deleted article, several for a split. */
  new: z.array(z.string()),
  /** The number changed (条文序号调整), whether or not the text did. */
  renumbered: z.boolean(),
  textChanged: z.boolean(),
  /** Dice similarity of the character bigrams, 0..1 (1: same text; 0 for added and deleted). */
  similarity: z.number().min(0).max(1),
});
export type ArticleChange = z.infer<typeof ArticleChangeSchema>;

/** The alignment of two rounds: the rows in table order, and each old key's new keys ([] when deleted). */
export interface DraftAlignment {
  changes: ArticleChange[];
  oldToNew: Record<string, string[]>;
}

/** Chinese names of the kinds, as the table's 说明 says them. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  unchanged: '未修改',
  modified: '修改',
  moved: '移动',
  added: '新增',
  deleted: '删除',
  split: '拆分',
  merged: '合并',
};
