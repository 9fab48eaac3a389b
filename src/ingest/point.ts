/**
 * Where a contact point's (联系点) name and county come from when the sheet has no column for them.
 */
import { countyAtStart } from './counties.js';
import type { PointRule } from './options.js';
import { matchesFile } from './file-pattern.js';
import { simplifiedName } from '../text/normalize.js';
import { POINT_NAME_END } from './non-data.js';

// Words that describe the document rather than who sent it, longest first so 意见汇总表 goes before 意见.
const NOISE_WORDS = [
  // An online form's export, named by the service: 问卷星导出-东湖街道立法联系点.xlsx.
  '问卷星导出',
  '问卷导出',
  '导出数据',
  // 腾讯问卷 names its export …-答卷数据.xlsx; 问卷星 …_原始数据.
  '答卷数据',
  '原始数据',
  '答卷',
  '问卷星',
  '腾讯问卷',
  '金数据',
  // A chat group's log pasted into a sheet: 东湖街道-微信群.xlsx is the point's, not a point named 东湖街道微信群.
  '微信群聊天记录',
  '聊天记录',
  '微信群',
  '群聊',
  '征求意见稿',
  '意见建议汇总表',
  '意见建议汇总',
  '意见建议表',
  '意见汇总表',
  '意见反馈表',
  '意见征集表',
  '意见征集',
  '意见汇总',
  '意见建议',
  '征求意见',
  '汇总表',
  '反馈表',
  '意见表',
  '反馈',
  '汇总',
  '意见',
  '副本',
  '最终版',
  '修改版',
  'copy',
];

const DATES = [
  /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/gu,
  /\d{1,2}\s*月\s*\d{1,2}\s*日/gu,
  /\d{4}[.\-_/]\d{1,2}(?:[.\-_/]\d{1,2})?/gu,
  /(?:19|20)\d{6}/gu,
  /(?:19|20)\d{2}(?=\D|$)/gu,
  // A month alone (6月, 06月份): points send monthly, and the month is in the file name, not in the point's name.
  /(?<!\d)\d{1,2}\s*月份?/gu,
];

/** A part of the file name that says when or which batch, not who: 六月, 第二季度, 上半年, 第3批. */
const PERIOD_PART = /^(?:[一二三四五六七八九十]{1,3}月份?|第?[一二三四1-4]季度|[上下]半年|第[0-9一二三四五六七八九十]{1,3}[批期次轮])$/u;

/**
 * A part of the file name that names the draft, not who sent it (物业条例, 电动自行车管理条例, 养犬管理办法), or what the
 * file does (征集).
 */
const DOCUMENT_PART = /^(?:征集|[\p{Script=Han}]{1,20}(?:条例|办法|规定|细则|草案|决定))$/u;

/**
 * Extensions a file renamed or re-saved keeps in its name (东湖街道.xls.xlsx, 枫林街道.txt.tsv from Excel's Unicode
 * text): all are dropped, not only the last.
 */
const DOCUMENT_EXTENSIONS = /(?:\.(?:xlsx|xlsm|xls|csv|tsv|txt|et|ett|wps|docx?))+$/iu;

/** The file name without its extension(s). */
function stem(base: string): string {
  const bare = base.replace(DOCUMENT_EXTENSIONS, '');
  return bare === base ? base.replace(/\.[A-Za-z0-9]{1,5}$/u, '') : bare;
}

/**
 * Guesses the point's name from a file name: extension, bracketed remarks, dates and words such as
 * 意见汇总表 removed ('城关街道立法联系点-意见汇总表-2024.05.xlsx' → '城关街道立法联系点'); null if nothing is left.
 */
export function pointFromFileName(fileName: string): string | null {
  const base = simplifiedName(fileName.split(/[\\/]/u).pop() ?? fileName);
  let name = stem(base);
  // A file named like a letter's title: the sender comes before 关于 (青石街道关于电动自行车管理条例的意见).
  name = name.replace(/^(.{2,}?)关于.*$/u, '$1');
  name = name.replace(/[（(【[〔《][^）)】\]〕》]*[）)】\]〕》]/gu, ' ');
  for (const pattern of DATES) name = name.replace(pattern, ' ');
  for (const word of NOISE_WORDS) name = name.split(word).join(' ');
  name = name
    .split(/[\s\-_—–.·、,，+]+/u)
    .filter((part) => part !== '' && !/^\d+$/u.test(part) && !PERIOD_PART.test(part) && !DOCUMENT_PART.test(part))
    .join('');
  return name === '' ? null : name;
}

// A county-level name: ends in 县, 区 (not 社区/小区/园区/景区/校区/片区/辖区/城区), 市 or 旗.
export const COUNTY_SHAPE = /^[\p{Script=Han}]{1,7}?(?:县|(?<![社小园景校片辖城])区|市|旗)/u;
// What may follow a county inside a name: a township, street, village or other point.
// … or the county's own office that gathers the points' sheets (城南区司法局-各联系点意见汇总.xlsx).
const AFTER_COUNTY = /^(?:[\p{Script=Han}]{2,}(?:镇|乡|街道|社区|村|联系点)|司法局|人大常委会|人大|人民政府|政府办|法制办)/u;

/**
 * The county (县（市、区）) at the front of a file name: an official county-level name or one from the config
 * ('东城区-和平里街道….xlsx' → 东城区, '杭州市西湖区-….xlsx' → 西湖区); else, for names the list cannot know, one
 * that is clearly a county by its form: its own segment before a separator ('城东区-东湖街道….xlsx') or glued to
 * a township or street ('河西县城关镇立法联系点.xlsx' → 河西县); null otherwise — a guess here would file
 * opinions under the wrong county.
 */
export function countyFromFileName(fileName: string, extra: readonly string[] = []): string | null {
  const base = stem(simplifiedName(fileName.split(/[\\/]/u).pop() ?? fileName));
  const segments = base.split(/[\s\-_—–.·、,，+]+/u).filter((segment) => segment !== '');
  // An export named by its service first (问卷星-城北区青石街道-….csv): the county is the next part.
  while (segments.length > 1 && NOISE_WORDS.includes(segments[0] ?? '')) segments.shift();
  const first = segments[0] ?? '';
  const listed = countyAtStart(first, extra);
  if (listed !== null) return listed;
  const match = COUNTY_SHAPE.exec(first);
  if (match === null) return null;
  const county = match[0];
  if (county === first && segments.length > 1) return county;
  return AFTER_COUNTY.test(first.slice(county.length)) ? county : null;
}

/**
 * What follows a county's name when a file is the county's own — its bureau's (城东区司法局), its people's congress's,
 * or a batch of all its points (各联系点, 各街镇, 全区) —: none of them is a contact point.
 */
const COUNTY_OWN = /^(?:司法局|人大常委会|人大法工委|人大|法工委|法制工作委员会|人民政府|政府办公室|政府办|政府|法制办|依法治[区县市]办)*(?:各联系点|各立法联系点|各基层立法联系点|各街镇|各镇街|各乡镇|各街道|各单位|全[区县市])?$/u;

/**
 * The county, when a name taken from a file name is only a county's (城东区汇总.csv → 城东区; 城东区司法局-意见汇总.xlsx,
 * 浦东新区各街镇意见汇总.xlsx): a county's aggregate is not a point, so its rows carry the county and no point. The
 * county is an official or configured one, or clearly county-shaped (three characters or more: 河西县, not 某市).
 */
export function countyOnlyName(name: string, extra: readonly string[] = []): string | null {
  const official = countyAtStart(name, extra);
  const county = official ?? COUNTY_SHAPE.exec(name)?.[0] ?? null;
  if (county === null || (official === null && county.length < 3)) return null;
  const at = name.indexOf(county);
  return at >= 0 && COUNTY_OWN.test(name.slice(at + county.length)) ? county : null;
}

/** The official (or configured) county at the start of a point's name: 东城区和平里街道立法联系点 → 东城区. */
export function countyFromPointName(point: string, extra: readonly string[] = []): string | null {
  return countyAtStart(point.trim(), extra);
}

/** The first rule whose pattern matches the file (a glob against the base name or the whole path, else a substring). */
export function findRule(rules: readonly PointRule[], filePath: string): PointRule | null {
  return rules.find((rule) => matchesFile(rule.pattern, filePath)) ?? null;
}

/** Labels of a point's name on a line above the table: 联系点：…, 填报单位（盖章）：… */
const POINT_LABEL = /(?:基层立法联系点|立法联系点|联系点|报送单位|填报单位|来源单位)(?:名称)?\s*(?:[（(][^）)]{0,6}[)）])?\s*[:：]/u;
/** Labels of a county on such a line: 县（市、区）：…, 所属区县：… */
const COUNTY_LABEL = /(?:县\s*[（(]\s*市\s*[、,，]\s*区\s*[)）]|所属区县|所在区县|区县|县市区)\s*[:：]/u;
/** Where a labelled value ends: two spaces (an ideographic one counts), a tab, or the next label. */
const VALUE_END = /[\t\u3000]|\s{2,}|\s*[^\s：:，,。]{1,8}\s*[:：]/u;

/** The value after `label` in `line`, up to where it ends; null when the label is absent or the value empty. */
function labelledValue(line: string, label: RegExp): string | null {
  const match = label.exec(line);
  if (match === null) return null;
  const rest = line.slice(match.index + match[0].length).replace(/^\s+/u, '');
  const end = VALUE_END.exec(rest);
  const value = (end === null ? rest : rest.slice(0, end.index)).replace(/[（(]\s*盖章\s*[)）]/gu, '').replace(/[\s_＿]+$/u, '').trim();
  // A form left blank (联系点：________) or a sentence of instructions is no name.
  if (value === '' || /^[_＿\s]+$/u.test(value) || value.length > 40 || /[。；;，,]/u.test(value)) return null;
  return value;
}

/**
 * The point and county a sheet names on a line above its table — the 联系点：…　县（市、区）：… line of yijian's
 * 意见征集表, 填报单位：… of many a template — from the cells of those lines, each line read whole.
 */
export function pointFromTitleLines(lines: readonly string[]): { point: string | null; county: string | null } {
  let point: string | null = null;
  let county: string | null = null;
  for (const raw of lines) {
    const line = simplifiedName(raw);
    point ??= labelledValue(line, POINT_LABEL) ?? namedPoint(line);
    county ??= labelledValue(line, COUNTY_LABEL);
  }
  return { point, county };
}

/** A point named without a label: alone on its line, or as the sender of a title (东湖街道基层立法联系点关于《…》的意见). */
const NAMED_POINT = /^([^\s：:，,。；;！!？?《》“”]{2,30}?(?:基层立法联系点|立法联系点|立法联络站|联系点))(?:\s*[（(]\s*盖章\s*[)）])?(?:$|\s*(?:关于|对)[《〈]?)/u;

function namedPoint(line: string): string | null {
  return NAMED_POINT.exec(line.trim())?.[1] ?? null;
}

/**
 * The contact point a workbook's sheet is named after (东湖街道, 桃源镇立法联系点, 3.科技园企业（12条）), or null for
 * a sheet named by anything else (Sheet1, 汇总, 六月, 座谈会, 城东区): a county's workbook often holds one sheet per
 * point, its file named after the county.
 */
export function pointFromSheetName(sheet: string): string | null {
  const name = pointFromFileName(sheet.replace(/^\s*\d{1,2}\s*[.．、]\s*/u, ''));
  if (name === null) return null;
  const end = POINT_NAME_END.exec(name);
  return end !== null && end.index >= 2 ? name : null;
}

/**
 * The sheets of one workbook whose names give their point (sheet name → point): when two sheets or more are named
 * after points, or when one is and the file's name names no point. A single sheet named 东湖街道 in
 * 西湖街道立法联系点意见.xlsx says less than the file.
 */
export function sheetPoints(sheets: readonly string[], fileName: string): Map<string, string> {
  const named = new Map<string, string>();
  for (const sheet of sheets) {
    const point = pointFromSheetName(sheet);
    if (point !== null) named.set(sheet, point);
  }
  return named.size >= 2 || (named.size === 1 && pointFromFileName(fileName) === null) ? named : new Map();
}
