/**
 * A point that belongs to no county: the city's own bodies (市律师协会立法联系点, 市公证协会, 市消费者权益保护委员会)
 * are contact points of the city, and their missing county is no gap in the data. The reports say 市直 for them,
 * not 未注明县区 (which asks someone to find the county out).
 */

/** What the reports write in the county column for a city-level point. */
export const CITY_LEVEL = '市直';

/** 市律师协会…, 市级机关…: a point named from the city (not 市中区, 市南区, 市北区 …, which are districts). */
const CITY_POINT = /^市(?:级|直)?(?![中南北东西]区)[\p{Script=Han}]{2,}/u;

/** Whether a point with no county is one of the city's own. */
export function isCityLevelPoint(point: string | null): boolean {
  return point !== null && CITY_POINT.test(point.trim());
}

/** The county to show for a point: its own, else 市直 for a city-level point, else `missing`. */
export function shownCounty(county: string | null, point: string | null, missing: string): string {
  if (county !== null) return county;
  return isCityLevelPoint(point) ? CITY_LEVEL : missing;
}
