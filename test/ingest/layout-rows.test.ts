import { describe, expect, it } from 'vitest';
import { continuesOpinion, joinContinued, pointOfSubtitle, subtitleText } from '../../src/ingest/non-data.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, merge, options } from './helpers.js';

const source = { file: '海淀区司法局汇总.xlsx', path: 'in/海淀区司法局汇总.xlsx', encoding: null };

describe('sub-title rows between blocks of one sheet', () => {
  it.each([
    ['一、万寿路街道立法联系点（3条）', '万寿路街道立法联系点'],
    ['（二）甘家口街道社区', '甘家口街道社区'],
    ['3、北下关街道立法联系点报送的意见', '北下关街道立法联系点'],
    ['二、座谈会意见', null],
    // A kind of sender, no name: 企业 alone is whose opinions the block holds, not a point.
    ['二、企业意见', null],
    ['三、社区', null],
    ['四、某某科技有限公司意见', '某某科技有限公司'],
    ['第二部分 入户走访', null],
  ])('%s names the point %s', (text, point) => {
    expect(pointOfSubtitle(text)).toBe(point);
  });

  it('is one short text cell outside the opinion column, merged across or numbered like a section', () => {
    expect(subtitleText(['一、万寿路街道立法联系点'], 3, false)).toBe('一、万寿路街道立法联系点');
    expect(subtitleText(['万寿路街道立法联系点'], 3, true)).toBe('万寿路街道立法联系点');
    // Not merged, not numbered: an ordinary problem row, not hidden as a sub-title.
    expect(subtitleText(['', '', '未填写意见'], 3, false)).toBeNull();
    expect(subtitleText(['', '张建国'], 3, true)).toBeNull();
    expect(subtitleText(['', '', '第八十条'], 3, true)).toBeNull();
    expect(subtitleText(['', '', '', '一、建议公开账目。'], 3, true)).toBeNull();
    expect(subtitleText(['1', '张建国'], 3, true)).toBeNull();
  });

  const g = grid(
    [
      ['序号', '提出人', '条款', '意见建议'],
      ['一、万寿路街道立法联系点（2条）'],
      ['1', '张建国', '第十条', '防护物资由谁承担要写清楚。'],
      ['2', '李秀英', '第十四条', '建议设立物业纠纷调解室。'],
      ['二、甘家口街道立法联系点（1条）'],
      ['1', '王志强', '第二十条', '前期物业合同期限建议不超过两年。'],
      ['', '', '', ''],
      ['', '刘芳', '', ''],
    ],
    [merge(1, 0, 1, 3), merge(4, 0, 4, 3)],
  );
  const out = ingestGrid(g, source, options());

  it('counts them as 说明行, gives the rows below them the point they name, and says so', () => {
    expect(out.records.map((r) => [r.source.row, r.point, r.pointSource])).toEqual([
      [3, '万寿路街道立法联系点', 'subtitle'],
      [4, '万寿路街道立法联系点', 'subtitle'],
      [6, '甘家口街道立法联系点', 'subtitle'],
    ]);
    expect(out.report.noteRows?.map((n) => [n.row, n.kind])).toEqual([[2, 'subtitle'], [5, 'subtitle']]);
    expect(out.report.notices?.join('')).toContain('其下各行的联系点取自分段标题（万寿路街道立法联系点、甘家口街道立法联系点）');
    // A row with only a name is still a problem row: only sub-titles are taken out.
    expect(out.rejects.map((r) => r.source.row)).toEqual([8]);
    expect(out.report).toMatchObject({ rows: 7, records: 3, rejects: 1, blanks: 1, notes: 2 });
  });

  it('with a 联系点 column, the column says the point and the sub-title only counts as a 说明行', () => {
    const h = grid([['联系点', '意见建议'], ['一、万寿路街道立法联系点'], ['甘家口街道立法联系点', '建议设立物业纠纷调解室。']]);
    const o = ingestGrid(h, source, options());
    expect(o.records.map((r) => [r.point, r.pointSource])).toEqual([['甘家口街道立法联系点', 'column']]);
    expect(o.report.notes).toBe(1);
  });
});

describe('an opinion continued on the next row', () => {
  const full = ['3', '张建国', '第八十五条', '维修资金审批太慢，建议紧急情况下'];
  it('joins a row that has only the opinion cell to a full row above that stops mid-sentence', () => {
    expect(continuesOpinion(full, ['', '', '', '二十四小时内完成审批。'], 3, [0, 1, 2])).toBe(true);
    expect(joinContinued('建议紧急情况下', '二十四小时内完成审批。')).toBe('建议紧急情况下二十四小时内完成审批。');
  });

  it.each([
    ['the row above ends its sentence', ['3', '张建国', '第八十五条', '维修资金审批太慢。'], ['', '', '', '建议公开维修资金账目。']],
    ['the row has more than the opinion', full, ['', '李秀英', '', '二十四小时内完成审批。']],
    ['the row above has only an opinion too', ['', '', '', '建议紧急情况下'], ['', '', '', '二十四小时内完成审批。']],
    // Short opinions often have no full stop: a row that starts like a new opinion is one.
    ['the row above has no full stop but this row starts a new opinion', ['3', '张建国', '22', '遛狗请拴绳'], ['', '', '', '建议设立宠物公园']],
    ['this row starts with a list number', ['3', '张建国', '22', '遛狗请拴绳'], ['', '', '', '2、流浪狗太多']],
  ])('does not when %s', (_, above, cells) => {
    expect(continuesOpinion(above, cells, 3, [0, 1, 2])).toBe(false);
  });

  it.each([
    ['建议物业在', '小区出入口设置提示牌。'],
    ['建议对小区内的', '流浪犬只进行收容。'],
    ['维修资金审批太慢', '而且账目不公开。'],
  ])('still joins after a row cut mid-sentence: %s / %s', (before, after) => {
    expect(continuesOpinion(['3', '张建国', '第八十五条', before], ['', '', '', after], 3, [0, 1, 2])).toBe(true);
  });

  it('says 接上 / （续） even after a full stop', () => {
    expect(continuesOpinion(['3', '张建国', '第八十五条', '维修资金审批太慢。'], ['', '', '', '（续）建议公开账目。'], 3, [0, 1, 2])).toBe(true);
  });

  it.each(['（接上条）对已经饲养多条的，给予过渡期。', '(续上页)建议公开账目。', '【续】建议公开账目。', '续上条：建议公开账目。', '接上页，建议公开账目。', '[续]建议公开账目。'])(
    'says so in the forms clerks write: %s', (text) => {
      expect(continuesOpinion(['3', '张建国', '第八十五条', '维修资金审批太慢。'], ['', '', '', text], 3, [0, 1, 2])).toBe(true);
    });

  it.each(['接下来建议公开账目。', '续签合同时应当公示。', '（续建工程）应当另行审批。'])('but not a new opinion that only starts alike: %s', (text) => {
    expect(continuesOpinion(['3', '张建国', '第八十五条', '维修资金审批太慢。'], ['', '', '', text], 3, [0, 1, 2])).toBe(false);
  });

  it('makes one record of both rows, the second a 续行, and the rows still reconcile', () => {
    const g = grid([
      ['序号', '提出人', '条款', '意见建议'],
      full,
      ['', '', '', '二十四小时内完成审批，'],
      ['', '', '', '先修后审。'],
      ['4', '李秀英', '第九十条', '高空抛物要装监控。'],
      ['', '', '', '建议公开监控记录。'],
    ]);
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.source.row, r.opinion])).toEqual([
      [2, '维修资金审批太慢，建议紧急情况下二十四小时内完成审批，先修后审。'],
      [5, '高空抛物要装监控。'],
      [6, '建议公开监控记录。'],
    ]);
    expect(out.report.noteRows?.map((n) => [n.row, n.kind])).toEqual([[3, 'continuation'], [4, 'continuation']]);
    expect(out.report.notices?.join('')).toContain('第 3 行、第 4 行只有意见一格有字');
    expect(out.report).toMatchObject({ rows: 5, records: 3, rejects: 0, notes: 2 });
  });
});

describe('opinions pasted into one column with no header', () => {
  it('reads the column as the opinions and the title line above as a 说明行, and says it guessed', () => {
    const g = grid([
      ['光明街道关于养犬管理条例的意见'],
      [''],
      ['第十五条：犬链长度建议不超过两米。'],
      ['第十七条：粪便不清理的罚款建议提高到二百元。'],
      ['总体意见：建议多用图示说明。'],
    ]);
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.source.row, r.opinion.slice(0, 4)])).toEqual([[3, '第十五条'], [4, '第十七条'], [5, '总体意见']]);
    expect(out.report).toMatchObject({ headerRows: [], rows: 5, records: 3, blanks: 1, notes: 1 });
    expect(out.report.columns).toEqual([{ column: 'A', header: '', field: 'opinion', how: 'content' }]);
    // 海淀区司法局汇总.xlsx is the county bureau's, not a point's: the one problem is that no point is given.
    expect(out.problems.map((p) => p.code)).toEqual(['E_NO_POINT']);
    expect(out.report.notices?.join('')).toContain("--map '海淀区司法局汇总.xlsx:Sheet1:意见建议=A'");
  });

  it('a sheet of short words in one column still has no header found', () => {
    const out = ingestGrid(grid([['同意'], ['赞成'], ['好']]), source, options());
    expect(out.problems.map((p) => p.code)).toEqual(['E_NO_HEADER']);
  });
});

describe('a row whose opinion cell is empty but whose 修改建议 or 修改理由 is filled', () => {
  it('becomes an opinion taken from that cell, said with its row and column, and the cell is not shown twice', () => {
    const g = grid([
      ['序号', '条款号', '意见建议', '修改建议', '修改理由'],
      ['1', '第二十二条', '建议遛狗必须拴绳。', '', ''],
      ['2', '第十二条', '', '', '限养一条过严，小型犬可放宽至两条'],
      ['3', '第十三条', '', '增加单位养犬的登记期限', '便于管理'],
      ['4', '第十四条', '', '', ''],
    ]);
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.source.row, r.opinion, r.suggestion, r.reason])).toEqual([
      [2, '建议遛狗必须拴绳。', null, null],
      [3, '限养一条过严，小型犬可放宽至两条', null, null],
      [4, '增加单位养犬的登记期限', null, '便于管理'],
    ]);
    // The row with nothing to read is still a 问题行, not dropped.
    expect(out.rejects.map((r) => [r.source.row, r.reason])).toEqual([[5, 'E_NO_OPINION']]);
    expect(out.notices.filter((n) => n.code === 'W_OPINION_FROM_OTHER_CELL')).toEqual([{
      code: 'W_OPINION_FROM_OTHER_CELL',
      location: { file: source.file, sheet: g.name },
      rows: [{ row: 3, field: 'reason', column: { column: 'E', header: '修改理由' } }, { row: 4, field: 'suggestion', column: { column: 'D', header: '修改建议' } }],
    }]);
  });
});

describe('a point written in traditional script', () => {
  it('is the same point, in its county, as the simplified spelling', () => {
    const g = grid([
      ['序号', '联系点', '意见建议'],
      ['1', '嘉定區安亭鎮', '遛狗不拴繩的太多了。'],
      ['2', '嘉定区安亭镇', '流浪狗太多。'],
    ]);
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.point, r.county])).toEqual([['嘉定区安亭镇', '嘉定区'], ['嘉定区安亭镇', '嘉定区']]);
  });
});
