import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/ingest/columns.js';
import { profileColumns } from '../../src/ingest/content.js';
import { findHeader } from '../../src/ingest/header.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { buildSynonymIndex, DEFAULT_SYNONYMS, foldHeader, matchHeader } from '../../src/ingest/synonyms.js';
import { grid, merge, options } from './helpers.js';
import { noticeText } from '../../src/notices.js';

const index = buildSynonymIndex(DEFAULT_SYNONYMS);
const source = { file: '展览路.xlsx', path: 'in/展览路.xlsx', encoding: null };

describe('headers through the text normaliser', () => {
  it.each([
    ['序號', 'seq'],
    ['聯繫點', 'point'],
    ['條款', 'article'],
    ['意見建議', 'opinion'],
    ['理由', 'reason'],
    ['聯繫電話', 'contact'],
    ['意见建议（必填）', 'opinion'],
    ['ｎｏ．', 'seq'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header, index)?.field).toBe(field);
  });

  it.each(['聯絡方式', '联络电话', '通讯方式'])('a %s column is the 联系方式, not left unread', (header) => {
    const out = ingestGrid(grid([['序號', '聯繫點', '意見', header], ['1', '安亭鎮', '遛狗不拴繩的太多了。', '139 1234 5678']]), source, options());
    expect(out.records[0]).toMatchObject({ contact: '139 1234 5678', point: '安亭镇' });
  });

  const han = fc.constantFrom(...'意见建议条款联系点理由序号提出人电话日期'.split(''));
  it('folding is idempotent and ignores width, spacing and script', () => {
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 8 }).map((a) => a.join('')), (header) => {
        const folded = foldHeader(header);
        expect(foldHeader(folded)).toBe(folded);
        expect(foldHeader(` ${header.split('').join(' ')}：`)).toBe(folded);
        expect(foldHeader(`（${header}）`)).toBe(folded);
      }),
      { numRuns: 200 },
    );
  });
});

describe('headers by their words', () => {
  it.each([
    ['意见及理由', 'opinion'],
    ['建议内容', 'opinion'],
    ['所涉条文', 'article'],
    ['对应条款', 'article'],
    ['反映人', 'submitter'],
    ['意见建议人', 'submitter'],
    ['提交日期', 'date'],
    ['联系电话（手机）', 'contact'],
    ['提出意见的单位', 'submitter'],
    ['意见提出时间', 'date'],
    ['理由说明', 'reason'],
    ['走访对象', 'submitter'],
  ])('%s → %s', (header, field) => {
    const match = matchHeader(header, index);
    expect(match?.field).toBe(field);
  });

  it.each(['备注', '处理意见', '采纳情况', '意见类别', '地址', '关于第十二条的意见很多', '第八十条'])('%s names no field', (header) => {
    expect(matchHeader(header, index)).toBeNull();
  });

  it('a listed synonym beats header words for the same field, and the contest names both columns', () => {
    const plan = mapColumns(['建议内容', '意见建议'], index, []);
    expect(plan.fieldColumns.get('opinion')).toBe(1);
    expect(plan.notices.map((notice) => notice.code)).toEqual(['W_COLUMNS_COMPETE']);
    expect(plan.notices.map(noticeText).join('')).toMatch(/A 列「建议内容」.*B 列「意见建议」|B 列「意见建议」.*A 列「建议内容」/u);
  });

  it('意见 | 建议 side by side: 建议 is the suggestion', () => {
    const plan = mapColumns(['条款', '意见', '建议'], index, []);
    expect([plan.fieldColumns.get('opinion'), plan.fieldColumns.get('suggestion')]).toEqual([1, 2]);
  });
});

describe('two-row headers and content', () => {
  // 意见 merged over 对应条款 | 意见及理由 (the sheet): 对应条款 must be the article column.
  const rows = [
    ['序号', '提出人', '意见', ''],
    ['', '', '对应条款', '意见及理由'],
    ['1', '张建国', '第八十条', '建议对物业交接时拒不移交资料的行为设定罚款。'],
    ['2', '李秀英', '第二十条第三款', '前期物业服务合同期限建议不超过两年。'],
  ];
  const g = grid(rows, [merge(0, 2, 0, 3), merge(0, 0, 1, 0), merge(0, 1, 1, 1)]);

  it('the lower row’s own words win over the merged group label', () => {
    const found = findHeader(g, index);
    expect(found.rows).toEqual([1, 2]);
    const plan = mapColumns(found.headers, index, []);
    expect([plan.fieldColumns.get('article'), plan.fieldColumns.get('opinion')]).toEqual([2, 3]);
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.article, r.opinion.slice(0, 4)])).toEqual([
      ['第八十条', '建议对物'],
      ['第二十条第三款', '前期物业'],
    ]);
  });

  it('a column of citations under 意见 is the article column; the opinion comes from the text column', () => {
    const h = grid([
      ['序号', '意见', '内容'],
      ['1', '第八十条', '建议对拒不移交资料的行为设定罚款。'],
      ['2', '第二十条第三款', '前期物业服务合同期限建议不超过两年。'],
      ['3', '第九十条', '建议明确物业发现高空抛物后应当立即报警。'],
    ]);
    const out = ingestGrid(h, source, options());
    expect(out.report.columns.map((c) => [c.column, c.field, c.how])).toEqual([
      ['A', 'seq', 'synonym'],
      ['B', 'article', 'content'],
      ['C', 'opinion', 'words'],
    ]);
    expect(out.report.notices?.join('')).toContain('B 列「意见」');
  });

  it('short opinions that begin with a citation stay opinions (第一条意见 is not a citation cell)', () => {
    const h = grid([['序号', '意见建议'], ['1', '第一条意见'], ['2', '第二条意见']]);
    const plan = mapColumns(['序号', '意见建议'], index, [], profileColumns(h, 1, 2));
    expect(plan.fieldColumns.get('opinion')).toBe(1);
  });

  it.each([
    ['dates', ['2024-05-01', '2024-05-02', '2024-05-03']],
    ['phone numbers', ['13911112222', '13811113333', '13711114444']],
    ['names', ['张建国', '李秀英', '王志强']],
  ])('a column of %s is never the opinion column', (_, cells) => {
    const h = grid([['序号', '意见建议', '具体内容'], ...cells.map((cell, i) => [String(i + 1), cell, `第${i + 1}条意见：建议公开物业服务收支情况。`])]);
    const profiles = profileColumns(h, 1, 3);
    const plan = mapColumns(['序号', '意见建议', '具体内容'], index, [], profiles);
    expect(plan.fieldColumns.get('opinion')).toBe(2);
  });

  it('a forced mapping of dates into 意见建议 is kept, with a warning naming the column', () => {
    const h = grid([['序号', '日期', '意见建议'], ['1', '2024-05-01', '建议公开'], ['2', '2024-05-02', '建议公示']]);
    const out = ingestGrid(h, source, options({ maps: ['意见建议=B'] }));
    expect(out.problems.map((p) => p.code)).toEqual(['E_BAD_MAPPING']);
    expect(out.problems[0]?.message).toMatch(/^文件 展览路.xlsx 工作表“Sheet1”指定为“意见建议”的 B 列「日期」的内容多为日期/u);
  });
});

describe('which column holds the opinions when the headers do not say plainly', () => {
  const opinions = ['建议删除本条第二款，与上位法重复。', '犬只出户应当束犬链，犬链长度不超过两米。', '电梯内应当抱起犬只或者收紧犬链。'];
  const plan = (rows: string[][]) => mapColumns(rows[0] ?? [], index, [], profileColumns(grid(rows), 1, (rows[0] ?? []).length));

  it('意见说明 holding paragraphs is the opinion column when no column is headed 意见建议', () => {
    const p = plan([['序号', '条款', '修改建议', '意见说明'], ...opinions.map((o, i) => [String(i + 1), `第${i + 10}条`, '建议删除。', o])]);
    expect([p.fieldColumns.get('opinion'), p.fieldColumns.get('suggestion'), p.fieldColumns.has('reason')]).toEqual([3, 2, false]);
    expect(p.notices.map((notice) => [notice.code, notice.location.column])).toContainEqual(['W_OPINION_FROM_CONTENT', 'D']);
    expect(p.notices.map(noticeText).join('')).toContain('D 列「意见说明」的内容是成段的意见');
  });

  it('意见说明 of short notes beside 问题和建议 stays the reason column', () => {
    const p = plan([['条款', '问题和建议', '意见说明'], ...opinions.map((o, i) => [`第${i + 10}条`, o, '居民反映'])]);
    expect([p.fieldColumns.get('opinion'), p.fieldColumns.get('reason')]).toEqual([1, 2]);
  });

  it('a 反馈意见表 (章节 | 条款 | 原文 | 修改建议 | 理由) has its opinions under 修改建议, not under 原文', () => {
    const original = '物业服务人应当按照物业服务合同的约定提供物业服务，并遵守下列规定。';
    const p = plan([['章节', '条款', '原文', '修改建议', '理由'], ...opinions.map((o) => ['第五章', '第六十五条', original, o, ''])]);
    expect([p.fieldColumns.get('article'), p.fieldColumns.get('opinion'), p.fieldColumns.has('suggestion')]).toEqual([1, 3, false]);
  });

  it('修改意见及理由 beaten to 意见 by 意见内容 is the reason column (its later word)', () => {
    const p = plan([['条款号', '意见内容', '修改意见及理由'], ...opinions.map((o, i) => [`第${i + 10}条`, o, i === 0 ? '上位法已有规定' : ''])]);
    expect([p.fieldColumns.get('opinion'), p.fieldColumns.get('reason')]).toEqual([1, 2]);
    expect(p.notices.map((notice) => [notice.code, notice.location.column])).toContainEqual(['W_COLUMN_FROM_OTHER_WORD', 'C']);
    expect(p.notices.map(noticeText).join('')).toContain('作“理由”列');
  });

  it('of two columns headed like opinions, the one of paragraphs wins over one of one-word notes', () => {
    const p = plan([['序号', '意见', '意见建议及理由'], ...opinions.map((o, i) => [String(i + 1), ['同意', '赞成', '同意'][i] ?? '', o])]);
    expect(p.fieldColumns.get('opinion')).toBe(2);
    expect(p.notices.map(noticeText).join('')).toMatch(/取 C 列（按内容：C 列平均 \d+ 字，B 列平均 2 字/u);
  });

  it.each([
    ['存在问题及修改建议', 'opinion'],
    ['问题和建议', 'opinion'],
    ['修改意见及理由', 'opinion'],
    ['关于条例第十二条的意见和建议', null],
  ])('%s → %s (a joined header is read part by part)', (header, field) => {
    expect(matchHeader(header, index)?.field ?? null).toBe(field);
  });
});

describe('a form with 存在问题 beside 意见建议, and 单位/职务', () => {
  it('keeps the problem as the opinion’s 理由, reads it as the opinion when 意见建议 is empty, and 职务 as the 身份', () => {
    const out = ingestGrid(grid([
      ['序号', '姓名', '单位/职务', '存在问题', '意见建议'],
      ['1', '王建国', '居民', '小区里遛狗不拴绳现象普遍', '建议加大对不拴绳行为的处罚力度'],
      ['2', '张伟', '', '犬吠扰民投诉无门', ''],
    ]), source, options());
    expect(out.records.map((r) => [r.submitter, r.submitterType, r.opinion, r.reason])).toEqual([
      ['王建国', '居民', '建议加大对不拴绳行为的处罚力度', '小区里遛狗不拴绳现象普遍'],
      ['张伟', null, '犬吠扰民投诉无门', null],
    ]);
    expect(out.rejects).toEqual([]);
  });
});
