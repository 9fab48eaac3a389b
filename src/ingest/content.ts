/**
 * What a column's cells look like, so the header is checked against the content: a column of 第八十条 is
 * the article column whatever its label says, and dates, phone numbers or short names are never opinions.
 */
import { parseArticleCell } from '../text/article-ref.js';
import { cellText, type GridCell, type SheetGrid } from './grid.js';

/** How many data rows are looked at per column: enough to judge, cheap on a million-row sheet. */
export const PROFILE_ROWS = 200;

/** The kinds of short cell that can never be an opinion. */
export type CellKind = 'citation' | 'date' | 'phone' | 'name' | 'number' | 'text';

/** The share of each kind among a column's non-empty cells, and their mean length. */
export interface ColumnProfile {
  filled: number;
  shares: Readonly<Record<CellKind, number>>;
  meanLength: number;
}

const DATE = /^(?:\d{4}\s*[年.\-/]\s*\d{1,2}(?:\s*[月.\-/]\s*\d{1,2}\s*日?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}年\d{1,2}月)$/u;
const PHONE = /^(?:\+?86[-\s]?)?1[3-9]\d{9}$|^(?:0\d{2,3}[-\s]?)?\d{7,8}$/u;
const NUMBER = /^[\d.,，、\s-]+$/u;
// Common surnames (the first ~200 cover most people), so that a short opinion such as 同意 is not a name.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
// A surname and one or two characters (张三, 王某某), optionally 先生/女士/同志/老师.
const NAME = new RegExp(`^[${SURNAMES}](?:[\\p{Script=Han}]{1,2}|某某?)(?:先生|女士|同志|老师)?$|^[${SURNAMES}](?:先生|女士|同志|老师)$`, 'u');
const KINDS: readonly CellKind[] = ['citation', 'date', 'phone', 'name', 'number', 'text'];

/** The kind of one cell's text (already trimmed). */
export function cellKind(text: string): CellKind {
  const compact = text.normalize('NFKC').replace(/\s+/gu, '');
  if (DATE.test(compact)) return 'date';
  if (PHONE.test(compact.replace(/[-\s]/gu, ''))) return 'phone';
  if (NUMBER.test(compact)) return 'number';
  if (compact.length <= 30) {
    const parsed = parseArticleCell(compact);
    if (!parsed.unreadable && parsed.keys.length > 0 && !['general', 'title'].includes(parsed.keys[0] ?? '')) {
      // The cell is a citation and little else: 第八十条, 第二十条第三款, 第12条、第14条 — not 第一条意见.
      const cited = parsed.citations.reduce((n, c) => n + c.text.length, 0);
      if (cited >= compact.length * 0.8) return 'citation';
    }
  }
  if (NAME.test(compact)) return 'name';
  return 'text';
}

/** Profiles every column over the first data rows below `dataStart` (0-based). */
export function profileColumns(grid: SheetGrid, dataStart: number, width: number): ColumnProfile[] {
  const counts = Array.from({ length: width }, () => ({ filled: 0, length: 0, kinds: new Map<CellKind, number>() }));
  const end = Math.min(grid.rows.length, dataStart + PROFILE_ROWS);
  for (let r = dataStart; r < end; r += 1) {
    const row: readonly GridCell[] = grid.rows[r] ?? [];
    for (let c = 0; c < width; c += 1) {
      const text = cellText(row[c]).trim();
      if (text === '') continue;
      const count = counts[c];
      if (count === undefined) continue;
      const kind = cellKind(text);
      count.filled += 1;
      count.length += text.length;
      count.kinds.set(kind, (count.kinds.get(kind) ?? 0) + 1);
    }
  }
  return counts.map((count) => ({
    filled: count.filled,
    meanLength: count.filled === 0 ? 0 : count.length / count.filled,
    shares: Object.fromEntries(KINDS.map((kind) => [kind, count.filled === 0 ? 0 : (count.kinds.get(kind) ?? 0) / count.filled])) as Record<
      CellKind,
      number
    >,
  }));
}

/** Share of cells that cannot be an opinion (citations, dates, phone numbers, bare numbers, short names). */
export function nonOpinionShare(profile: ColumnProfile): number {
  const s = profile.shares;
  return s.citation + s.date + s.phone + s.number + s.name;
}

/** The kind that makes a column unfit for opinions, named for people, or null when it could hold opinions. */
export function unfitForOpinion(profile: ColumnProfile): { kind: CellKind; label: string } | null {
  if (profile.filled < 2 || nonOpinionShare(profile) < 0.6) return null;
  const s = profile.shares;
  const kind = (['citation', 'date', 'phone', 'name', 'number'] as const).reduce((a, b) => (s[b] > s[a] ? b : a));
  return { kind, label: KIND_LABELS[kind] };
}

/** True when most of the column's cells are article citations. */
export function isCitationColumn(profile: ColumnProfile): boolean {
  return profile.filled >= 2 && profile.shares.citation >= 0.6;
}

const KIND_LABELS: Readonly<Record<CellKind, string>> = {
  citation: '条款序号（如“第八十条”）',
  date: '日期',
  phone: '电话号码',
  name: '人名',
  number: '数字',
  text: '文字',
};
