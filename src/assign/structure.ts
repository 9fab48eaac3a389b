/**
 * The structure of a regulation that the word similarity cannot see: a penalty article (法律责任:
 * 违反本条例第二十二条规定的……处二十元以上二百元以下罚款) repeats the words of the duty it punishes, so an
 * opinion on one scores nearly as high on the other (遛狗不牵绳 against 22 and 43). What tells them apart
 * is whether the opinion is about the sanction itself — its size or its weight (罚二十块钱谁会在乎, 罚得太
 * 轻了, 违法成本太低) — or about the duty (遛狗必须牵绳, and even 做不到的要罚款, which asks for the duty to
 * be enforced). A careful reader files the first under the penalty, the second under the duty.
 */
import { baseArticle } from '../article-key.js';
import type { ArticleKey, Draft } from '../model.js';
import { findArticleRefs } from '../text/article-ref.js';
import type { RankedArticle } from './similarity.js';

/** A sanction written in an article: what makes 违反本条例第X条 a penalty, not a cross-reference. */
const SANCTION_IN_ARTICLE = /罚款|处[^。；]{0,16}元|吊销|没收|拘留|处分|警告/;
/** 违反本条例第二十二条第一、二、三项规定, 第三十八条第一款和第四十条规定的 → the citations in between. */
const VIOLATION_OF = /违反本(?:条例|办法|规定|决定|法)(第[^，,。；：]{1,60}?)(?:规定|的)/g;

/**
 * Per article key, the articles it punishes: the articles of its own draft named after 违反本条例 in an
 * article that sets a sanction. Articles that punish nothing are left out.
 */
export function penaltyLinks(draft: Draft): Map<ArticleKey, ArticleKey[]> {
  const keys = new Set<string>(draft.articles.map((a) => a.key));
  const links = new Map<ArticleKey, ArticleKey[]>();
  for (const article of draft.articles) {
    if (!SANCTION_IN_ARTICLE.test(article.text)) continue;
    const punished: ArticleKey[] = [];
    for (const match of article.text.matchAll(VIOLATION_OF)) {
      for (const citation of findArticleRefs(match[1]!)) {
        for (const key of citation.keys) {
          const base = baseArticle(key);
          if (keys.has(base) && base !== article.key && !punished.includes(base)) punished.push(base);
        }
      }
    }
    if (punished.length > 0) links.set(article.key as ArticleKey, punished);
  }
  return links;
}

/** A sanction named in an opinion (罚 covers 罚款, 罚得, 处罚). */
const SANCTION_IN_OPINION = /罚|警告|拘留|没收|吊销|处分/;
/** Its size or its weight judged: an amount (二十块钱, 几千元, 罚五百) or 太轻 / 过重 / 没用 / 违法成本. */
const SANCTION_JUDGED =
  /太轻|太少|太低|过轻|过低|偏轻|偏低|太重|过重|偏重|没用|不够|起不到|违法成本|[0-9０-９一二三四五六七八九十百千万几两]\s*(?:块|元)|罚款?[0-9０-９一二三四五六七八九十百千万几两]/;

/**
 * True when an opinion is about a sanction itself — it names one and judges its size or weight — rather
 * than about the duty behind it. Read from the opinion's text (before segmenting: 罚得太轻 is cut apart).
 */
export function judgesSanction(opinion: string): boolean {
  return SANCTION_IN_OPINION.test(opinion) && SANCTION_JUDGED.test(opinion);
}

/** How far down the ranking a duty's penalty (or a penalty's duty) is looked for. */
export const PAIR_DEPTH = 3;

/** A ranking with its pair of duty and penalty resolved, and the score the margin is measured against. */
export interface ResolvedRanking {
  ranked: RankedArticle[];
  /** The best score outside the chosen article and its duty–penalty partners (0 when there is none). */
  runnerUp: number;
}

/**
 * Resolves a duty and its penalty near the top of a ranking: when the best article and one of the next
 * (PAIR_DEPTH − 1) are a penalty and the duty it punishes, the penalty goes first if the opinion judges a
 * sanction, else the duty; its score becomes the pair's best score, so a confident pair stays confident.
 * The runner-up is then the best article outside the pair: two articles on one concern are not two
 * competing concerns. Any other ranking is returned as it is, with the second score as runner-up.
 */
export function resolveDutyAndPenalty(
  ranked: readonly RankedArticle[],
  links: ReadonlyMap<string, readonly string[]>,
  aboutSanction: boolean,
): ResolvedRanking {
  const [best] = ranked;
  if (best === undefined || links.size === 0) return { ranked: [...ranked], runnerUp: ranked[1]?.score ?? 0 };
  const paired = (a: string, b: string): boolean => (links.get(a)?.includes(b) ?? false) || (links.get(b)?.includes(a) ?? false);
  const partnerAt = ranked.slice(1, PAIR_DEPTH).findIndex((r) => paired(best.key, r.key));
  if (partnerAt < 0) return { ranked: [...ranked], runnerUp: ranked[1]?.score ?? 0 };
  const partner = ranked[partnerAt + 1]!;
  const bestIsPenalty = links.get(best.key)?.includes(partner.key) ?? false;
  const chosen = aboutSanction === bestIsPenalty ? best : partner;
  const reordered = [{ key: chosen.key, score: best.score }, ...ranked.filter((r) => r !== chosen)];
  const outside = reordered.slice(1).find((r) => !paired(chosen.key, r.key));
  return { ranked: reordered, runnerUp: outside?.score ?? 0 };
}
