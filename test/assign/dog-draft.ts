/** A four-article dog draft (a duty, two rules and the penalty of one), small enough to read a ranking by hand. */
import { parseDraft } from '../../src/text/draft.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

export const DOG_DRAFT = parseDraft(
  `某市养犬管理条例（草案）
第一条 养犬人应当为犬只接种狂犬病疫苗，并办理养犬登记。
第二条 禁止携带犬只进入公共场所和公共交通工具。
第三条 养犬人携带犬只外出，应当为犬只束牵引带，及时清除犬只粪便。
第四条 违反本条例第三条规定的，由公安部门责令改正，处五十元以上二百元以下罚款。`,
  '草案.txt',
);

/** The default segmenter's terms, as the digest computes them. */
export const { terms } = createSegmenter(SEGMENTER_DEFAULTS);
