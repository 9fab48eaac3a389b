/**
 * Decision values (采纳情况): the six the bureau uses and the variants drafters actually type.
 * Table-driven and loose about spaces, full-width forms and trailing punctuation.
 */
import { z } from 'zod';

/** The six decisions, in the order reports list them; 待研究 is what a blank cell means. */
export const DECISIONS = ['采纳', '部分采纳', '未采纳', '已转送', '作为参考', '待研究'] as const;
export const DecisionSchema = z.enum(DECISIONS);
/** 采纳情况: one of the six decisions. */
export type Decision = z.infer<typeof DecisionSchema>;

/** The decision a blank cell (or a cluster without a row) stands for. */
export const PENDING: Decision = '待研究';

/** Written forms seen in practice → decision. Keys are already in folded form (see foldDecisionText). */
const VARIANT_TABLE: Readonly<Record<string, Decision>> = {
  采纳: '采纳',
  已采纳: '采纳',
  予以采纳: '采纳',
  全部采纳: '采纳',
  采用: '采纳',
  已采用: '采纳',
  // 吸收 is how many bureaus write that an opinion went into the text.
  吸收: '采纳',
  已吸收: '采纳',
  吸收采纳: '采纳',
  已吸收采纳: '采纳',
  予以吸收: '采纳',
  部分采纳: '部分采纳',
  // 部份 is a common variant spelling of 部分 (and what IMEs offer first for bufen in some setups).
  部份采纳: '部分采纳',
  已部份采纳: '部分采纳',
  部份采用: '部分采纳',
  已部分采纳: '部分采纳',
  部分采用: '部分采纳',
  基本采纳: '部分采纳',
  原则采纳: '部分采纳',
  部分吸收: '部分采纳',
  已部分吸收: '部分采纳',
  未采纳: '未采纳',
  不予采纳: '未采纳',
  不采纳: '未采纳',
  暂不采纳: '未采纳',
  未予采纳: '未采纳',
  不采用: '未采纳',
  不予吸收: '未采纳',
  未吸收: '未采纳',
  已转送: '已转送',
  转送: '已转送',
  转交: '已转送',
  已转交: '已转送',
  已转交有关部门: '已转送',
  转有关部门: '已转送',
  转送有关部门: '已转送',
  作为参考: '作为参考',
  参考: '作为参考',
  供参考: '作为参考',
  参考吸收: '作为参考',
  待研究: '待研究',
  研究中: '待研究',
  待定: '待研究',
};
/** A Map, so a cell reading "constructor" cannot reach Object.prototype. */
const VARIANTS = new Map<string, Decision>(Object.entries(VARIANT_TABLE));

/** Folds a cell for comparison: full-width → half-width, white space and invisible marks removed, end punctuation dropped. */
export function foldDecisionText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B\u3000\uFEFF]/g, '')
    .replace(/[。.;；,，!！]+$/u, '');
}

/**
 * A decision cell's decision part: a tick in front (√采纳, ☑采纳) and a bracketed remark behind (不采纳（已有规定）)
 * dropped — the remark is a 理由, not the decision.
 */
function decisionPart(folded: string): string {
  return folded
    .replace(/^[√✓✔☑■●◆★]+/u, '')
    .replace(/(?<=.)[(（[【][^()（）[\]【】]*[)）\]】]$/u, '')
    .replace(/[。.;；,，!！]+$/u, '');
}

/**
 * The remark in brackets behind a known decision (不采纳（已有规定） → 已有规定), or '': it is the drafter's reason,
 * and the letter to the point must not lose it when the 理由说明 cell is left blank.
 */
export function decisionRemark(text: string): string {
  const folded = foldDecisionText(text);
  if (VARIANTS.has(folded) || !VARIANTS.has(decisionPart(folded))) return '';
  // Read from the cell as written, so the remark keeps its own characters (全角 digits, spaces inside).
  const remark = /(?<=\S)\s*[(（[【]([^()（）[\]【】]*)[)）\]】]$/u.exec(text.trim().replace(/[。.;；,，!！]+$/u, ''));
  return (remark?.[1] ?? '').trim();
}

/** The decision a cell means: blank → 待研究, a known variant → its decision, anything else → null. */
export function parseDecision(text: string): Decision | null {
  const folded = foldDecisionText(text);
  if (folded === '') return PENDING;
  return VARIANTS.get(folded) ?? VARIANTS.get(decisionPart(folded)) ?? null;
}

/** Adoption in the bureau's sense: 采纳 and 部分采纳 both count. */
export function isAdopted(decision: Decision): boolean {
  return decision === '采纳' || decision === '部分采纳';
}
