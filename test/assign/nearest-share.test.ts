import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { createArticleMatcher } from '../../src/assign/similarity.js';
import { parseDraft } from '../../src/text/draft.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const DRAFT = parseDraft(
  `某市电动自行车管理条例（草案）
第一条 驾驶、乘坐电动自行车应当佩戴安全头盔。安全头盔应当符合国家标准。
第二条 电动自行车应当在指定场所停放，不得占用消防通道。
第三条 电动三轮车、电动轮椅车的管理，参照本条例执行。`,
  '草案.txt',
);
const { terms } = createSegmenter(SEGMENTER_DEFAULTS);

describe('the nearest learned opinion of a rarely cited article', () => {
  it('does not outweigh the article whose text the opinion names, on context words alone', () => {
    const matcher = createArticleMatcher(DRAFT, terms);
    const learn = (key: string, opinion: string): void => matcher.learn(checkedKey(key), terms(opinion), 1, opinion);
    // One letter on 第三条, in the words of elderly riders; two on 第一条, about other things.
    learn('1', '夏天戴头盔太闷了，满头大汗。');
    learn('1', '市面上的头盔质量参差不齐，建议统一标准。');
    learn('3', '老年人代步的电动三轮车也参照执行吗？老年人没有驾照，以后还能骑吗？');
    learn('2', '楼下电动车乱停，消防通道都堵了。');
    learn('2', '小区电动车停放点太少，只好停在楼道里。');
    expect(matcher.rankTerms(terms('希望给骑手和老年人免费发放安全头盔。'), 1)[0]?.key).toBe('1');
  });

  it('still decides for an article many opinions cite in those words', () => {
    const matcher = createArticleMatcher(DRAFT, terms);
    const learn = (key: string, opinion: string): void => matcher.learn(checkedKey(key), terms(opinion), 1, opinion);
    for (let i = 0; i < 8; i++) learn('2', `楼下电动车乱停，消防通道都堵了，第${i + 1}次反映了。`);
    expect(matcher.rankTerms(terms('电动车堵住消防通道，谁来管？'), 1)[0]?.key).toBe('2');
  });
});
