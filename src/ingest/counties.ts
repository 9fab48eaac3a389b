/**
 * County-level divisions (县、市辖区、县级市、旗 …) by their official names, from @vant/area-data (MIT,
 * the national statistics division list as Vant publishes it), so that 东城区, 浦东新区 or 崇明区 are
 * recognised in file and point names without a hand-written pattern. Names the list lacks (a development
 * zone, a new district) come from the config's `counties`.
 */
import { areaList } from '@vant/area-data';

// Two-character 区/市 names (城区, 郊区, 矿区) are also ordinary words: only two-character 县 and 旗 are kept.
const COUNTY_LEVEL = /^[\p{Script=Han}]{2,}(?:县|区|市|旗)$/u;

// Zone names that many cities share (高新区, 开发区) say nothing about which county a file is from.
const GENERIC = /^(?:高新|经开|开发|工业|保税|高新技术开发|经济开发|经济技术开发|新)区$/u;

let official: { counties: Set<string>; prefixes: string[] } | null = null;

function lists(): { counties: Set<string>; prefixes: string[] } {
  if (official !== null) return official;
  const counties = new Set<string>();
  for (const name of Object.values(areaList.county_list)) {
    if (!COUNTY_LEVEL.test(name)) continue;
    if ((name.length === 2 && !/[县旗]$/u.test(name)) || GENERIC.test(name)) continue;
    counties.add(name);
  }
  // Province and city names that may stand before a county: 北京市东城区, 杭州市西湖区.
  const prefixes = [...Object.values(areaList.province_list), ...Object.values(areaList.city_list)].sort((a, b) => b.length - a.length);
  official = { counties, prefixes };
  return official;
}

/** How many county-level names the official list holds (for tests and --debug). */
export function officialCountyCount(): number {
  return lists().counties.size;
}

/**
 * The county-level name at the start of `text` (after a province or city name, if any): the longest official
 * name or configured extra name that begins it; null when none does.
 */
export function countyAtStart(text: string, extra: readonly string[] = []): string | null {
  const { counties, prefixes } = lists();
  const starts = [text];
  for (const prefix of prefixes) if (text.startsWith(prefix) && text.length > prefix.length) starts.push(text.slice(prefix.length));
  let best: string | null = null;
  for (const start of starts) {
    for (const name of extra) if (name !== '' && start.startsWith(name) && (best === null || name.length > best.length)) best = name;
    for (let length = Math.min(12, start.length); length >= 2; length -= 1) {
      const candidate = start.slice(0, length);
      if (counties.has(candidate)) {
        if (best === null || candidate.length > best.length) best = candidate;
        break;
      }
    }
  }
  return best;
}
