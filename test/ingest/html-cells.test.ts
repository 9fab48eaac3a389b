/**
 * An online platform's export keeps the rich text opinions were typed in (<p>…</p>, <br/>, &nbsp;, &amp;): read as
 * the text it shows, and said (W_HTML_IN_CELLS). Before, the reports printed <p>楼道充电太危险了&nbsp;……</p>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHtml, hasHtml } from '../../src/text/html.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from './helpers.js';

describe('fromHtml', () => {
  it.each([
    ['<p>楼道充电太危险了&nbsp;建议物业巡查。</p><p>另外电梯要装阻车系统。</p>', '楼道充电太危险了 建议物业巡查。\n另外电梯要装阻车系统。'],
    ['头盔要统一发放&amp;补贴<br/>农村老人不习惯戴。', '头盔要统一发放&补贴\n农村老人不习惯戴。'],
    ['&lt;第二十六条&gt;载人规定太严了&#xff0c;二胎家庭怎么办&#65311;', '<第二十六条>载人规定太严了，二胎家庭怎么办？'],
    ['<span style="color:red">罚款</span>太低&hellip;', '罚款太低……'],
  ])('%s', (html, text) => expect(fromHtml(html)).toBe(text));

  it('leaves text without markup as it is, brackets and ampersands of people included', () => {
    for (const text of ['<第二十六条>载人规定太严了', 'A&B 公司的意见', '1<2 的情况', '罚款 5 元 & 以上']) expect(fromHtml(text)).toBe(text);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('楼', '道', '充', '电', '，', '。', ' ', '<', '>', '&', '第', '条') }), (text) => {
      if (!hasHtml(text)) expect(fromHtml(text)).toBe(text);
    }));
  });
});

describe('a sheet of rich-text opinions', () => {
  it('reads each as the text it shows and says which rows', () => {
    const out = ingestGrid(grid([
      ['联系点', '意见建议', '修改建议'],
      ['东湖街道立法联系点', '<p>楼道充电太危险了&nbsp;建议物业巡查。</p>', '<p>增加一款：</p><p>物业应当每晚巡查。</p>'],
      ['东湖街道立法联系点', '头盔要统一发放。', ''],
    ]), { file: '系统导出.xlsx', path: 'in/系统导出.xlsx', encoding: null }, options());
    expect(out.records.map((r) => [r.opinion, r.suggestion])).toEqual([
      ['楼道充电太危险了 建议物业巡查。', '增加一款： 物业应当每晚巡查。'],
      ['头盔要统一发放。', null],
    ]);
    expect(out.notices.filter((n) => n.code === 'W_HTML_IN_CELLS').map((n) => ('rows' in n ? n.rows : null))).toEqual([[2]]);
  });
});
