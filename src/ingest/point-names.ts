/**
 * One contact point under several names. Points write their own name in their sheets, and the bureau's files
 * name them again: 东湖街道立法联系点 in a form, 东湖街道基层立法联系点 in the point's own 联系点 column,
 * 城东区东湖街道立法联系点 from a file name. Each name is a point of its own in the counts and gets its own
 * feedback letter, so names alike are said (the reader decides), and the config's `pointNames` makes them one.
 */
import { countyAtStart } from './counties.js';
// A county-shaped start the official list may not know (城东区, 河西县), as file names carry it.
import { COUNTY_SHAPE } from './point.js';
import { simplifiedName } from '../text/normalize.js';

/** Words every point's name may or may not carry: what is left is the place (东湖街道, 侨联, 桃源镇). */
const GENERIC_WORDS = /基层立法联系点|立法联系点|基层立法联系|联系点|工作站|联络站|服务站|联络点|基层|立法/gu;

/**
 * The part of a point's name that tells it from others: the county in front and the generic words removed,
 * spaces and brackets dropped (城东区东湖街道基层立法联系点 → 东湖街道). Null when nothing is left.
 */
export function pointNameCore(name: string, counties: readonly string[] = []): string | null {
  let core = simplifiedName(name).replace(/[\s（）()【】[\]·・.\-—_]+/gu, '');
  const county = countyAtStart(core, counties) ?? COUNTY_SHAPE.exec(core)?.[0] ?? null;
  core = core.replace(GENERIC_WORDS, '');
  // Only when a place of two characters or more is left: 河西县侨联 → 侨联, but 城区 stays.
  if (county !== null && core.startsWith(county) && core.length - county.length >= 2) core = core.slice(county.length);
  return core.length >= 2 ? core : null;
}

/** One name of a point as the records carry it. */
export interface PointNameUse {
  name: string;
  county: string | null;
  records: number;
  /** Files it appears in, in reading order. */
  files: string[];
}

/** What the check reads of an opinion: its point and county, and the file (or run) it came from. */
export interface PointNameItem {
  point: string | null;
  county: string | null;
  file: string;
}

/**
 * Point names that differ as written but share their core and do not say different counties: each group is
 * one point, perhaps. Names in the order first read; groups in the order of their first name.
 */
export function alikePointNames(items: Iterable<PointNameItem>, counties: readonly string[] = []): PointNameUse[][] {
  const uses = new Map<string, PointNameUse>();
  for (const item of items) {
    const name = item.point;
    if (name === null || name.trim() === '') continue;
    let use = uses.get(name);
    if (use === undefined) {
      use = { name, county: item.county, records: 0, files: [] };
      uses.set(name, use);
    }
    use.records += 1;
    if (use.county === null) use.county = item.county;
    if (!use.files.includes(item.file)) use.files.push(item.file);
  }
  const byCore = new Map<string, PointNameUse[]>();
  for (const use of uses.values()) {
    const core = pointNameCore(use.name, counties);
    if (core === null) continue;
    const group = byCore.get(core);
    if (group === undefined) byCore.set(core, [use]);
    else group.push(use);
  }
  const groups: PointNameUse[][] = [];
  for (const group of byCore.values()) {
    if (group.length < 2) continue;
    // 东湖街道 of 城东区 and 东湖街道 of 河西县 are two points.
    const said = new Set(group.map((u) => u.county).filter((c): c is string => c !== null));
    if (said.size > 1) continue;
    groups.push(group);
  }
  return groups;
}

/** The items of opinion records. */
export function pointNameItems(records: readonly { point: string | null; county: string | null; source: { file: string } }[]): PointNameItem[] {
  return records.map((r) => ({ point: r.point, county: r.county, file: r.source.file }));
}

/** The name a group would best go by: the one most records carry (the first read on a tie). */
export function preferredName(group: readonly PointNameUse[]): string {
  return group.reduce((best, use) => (use.records > best.records ? use : best)).name;
}
