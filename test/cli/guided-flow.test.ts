/**
 * The guided flow's decisions as pure functions (which sheets are doubtful, which drafts are offered, what is
 * saved) and its column step driven by scripted answers instead of a terminal, on fixtures/guided/.
 */
import { mkdirSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeIngestOptions, WorkbookWorkers, type IngestResult } from '../../src/ingest/index.js';
import { ConfigSchema, type Config } from '../../src/config/schema.js';
import { mapColumns } from '../../src/ingest/columns.js';
import { parseMapSpecs } from '../../src/ingest/map-spec.js';
import { matchesFile } from '../../src/ingest/file-pattern.js';
import { buildSynonymIndex, DEFAULT_SYNONYMS } from '../../src/ingest/synonyms.js';
import { readDraft } from '../../src/text/read-draft.js';
import { sheetDoubts, contentMismatch } from '../../src/cli/guided-doubts.js';
import { profilesByLetter } from '../../src/cli/guided-columns.js';
import { readForGuide, rereadSheet } from '../../src/cli/guided-read.js';
import { chooseColumns, type GuidedSheet, type Prompts } from '../../src/cli/guided-sheets.js';
import { describeChanges, mapEntries, mapTarget, mergeMap, patchConfigObject, scopeFor } from '../../src/cli/guided-save.js';
import { askPointNames } from '../../src/cli/guided-points.js';
import { draftFolders, findDrafts, looksLikeDraft } from '../../src/cli/guided-drafts.js';
import { displayWidth, mappingLines, previewLines, readResultLines } from '../../src/cli/guided-view.js';
import type { Reject, SheetReport } from '../../src/model.js';
import { submissions, tempDir, yijian } from './run-yijian.js';

const GUIDED = resolve('fixtures/guided');
const LIUXIANG = '城西区-柳巷社区立法联系点-2024年5月.xlsx';
const BINHE = '城西区-滨河村立法联系点-2024年5月.xlsx';
const FILES = [join(GUIDED, LIUXIANG), join(GUIDED, BINHE)];

/** Ingest options the way the CLI builds them from a config's columns.map. */
function optionsFor(config: Config): ReturnType<typeof normalizeIngestOptions> {
  return normalizeIngestOptions({ maps: Object.entries(config.columns?.map ?? {}).map(([key, value]) => `${key}=${value}`) });
}

type Answer = { message: string; value: unknown };

/** Prompts that answer from a script, in order; each answer must name a prompt's message and one of its choices. */
function scripted(answers: Answer[]): Prompts & { asked: { message: string; choices: string[]; default: unknown }[] } {
  const queue = [...answers];
  const asked: { message: string; choices: string[]; default: unknown }[] = [];
  const next = (message: string): unknown => {
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`unexpected prompt: ${message}`);
    if (!message.includes(answer.message)) throw new Error(`expected prompt "${answer.message}", got "${message}"`);
    return answer.value;
  };
  return {
    asked,
    async select<T>(question: { message: string; choices: { value: T; name: string }[]; default?: T }): Promise<T> {
      asked.push({ message: question.message, choices: question.choices.map((c) => c.name), default: question.default });
      const value = next(question.message);
      const choice = question.choices.find((c) => c.value === value || c.name.startsWith(String(value)));
      if (choice === undefined) throw new Error(`no choice ${String(value)} in "${question.message}": ${question.choices.map((c) => c.name).join(' | ')}`);
      return choice.value;
    },
    async confirm(question) {
      asked.push({ message: question.message, choices: [], default: question.default });
      return next(question.message) as boolean;
    },
    async input(question) {
      asked.push({ message: question.message, choices: [], default: question.default });
      return next(question.message) as string;
    },
    async checkbox<T>(question: { message: string }): Promise<T[]> {
      asked.push({ message: question.message, choices: [], default: undefined });
      return next(question.message) as T[];
    },
  };
}

let result: IngestResult;
let sheets: GuidedSheet[];

/** The run's workers, counting the workbooks they parse. */
class CountingWorkers extends WorkbookWorkers {
  parses = 0;

  override parse(...job: Parameters<WorkbookWorkers['parse']>): ReturnType<WorkbookWorkers['parse']> {
    this.parses += 1;
    return super.parse(...job);
  }
}
const workers = new CountingWorkers();

beforeAll(async () => {
  ({ result, sheets } = await readForGuide(FILES, optionsFor({}), workers));
  return () => workers.close();
});

describe('the guided read', () => {
  it('parses each workbook once, in the run\'s workers, and keeps every sheet\'s grid for the previews', () => {
    expect(workers.parses).toBe(FILES.length);
    expect(sheets.map((s) => `${s.original.file}:${s.original.sheet}:${s.grid.name}`)).toEqual([
      `${LIUXIANG}:意见登记:意见登记`,
      `${BINHE}:座谈会:座谈会`,
      `${BINHE}:走访:走访`,
    ]);
    expect(sheets.map((s) => s.bySheet)).toEqual([false, true, true]);
    expect(sheets[0]?.grid.rows[2]?.[3]).toBe('13700001101');
  });
});

function sheet(file: string, name: string): GuidedSheet {
  const found = sheets.find((candidate) => candidate.original.file === file && candidate.original.sheet === name);
  if (found === undefined) throw new Error(`no sheet ${file} ${name}`);
  return found;
}

describe('which sheets are doubtful', () => {
  it('the 备注1/备注2 sheet: two unmapped columns look like 联系方式 and 提出人, and 收集时间 is a guess', () => {
    const s = sheet(LIUXIANG, '意见登记');
    const doubts = sheetDoubts(s.original, result, profilesByLetter(s.original, s.grid));
    expect(doubts.map((d) => [d.kind, d.field, d.column])).toEqual([
      ['unmapped', 'contact', 'D'],
      ['unmapped', 'submitter', 'E'],
      ['guess', 'date', 'F'],
    ]);
    expect(doubts[0]?.message).toBe('D 列「备注1」没有对应任何字段，内容多为电话号码，像“联系方式”列。');
  });

  it('two columns competing for 意见建议 is a doubt; so is 提出人 holding phone numbers and 联系方式 names', () => {
    const forum = sheet(BINHE, '座谈会');
    // A doubt that is a reading notice keeps the notice's own code; the step's own doubts have none.
    expect(sheetDoubts(forum.original, result, profilesByLetter(forum.original, forum.grid)).map((d) => [d.kind, d.code])).toEqual([
      ['notice', 'W_COLUMNS_COMPETE'],
      ['guess', undefined],
    ]);
    const visits = sheet(BINHE, '走访');
    const doubts = sheetDoubts(visits.original, result, profilesByLetter(visits.original, visits.grid));
    expect(doubts.map((d) => d.message)).toEqual([
      'B 列「提出人」作“提出人”列，但内容多为电话号码，不像“提出人”。',
      'C 列「联系方式」作“联系方式”列，但内容多为人名，不像“联系方式”。',
    ]);
  });

  it('a sheet read cleanly by its headers is not doubtful', async () => {
    const clean = resolve('fixtures/submissions/城东区-东湖街道立法联系点-2024年5月.xlsx');
    const { result: read, sheets: [loaded] } = await readForGuide([clean], optionsFor({}));
    if (loaded === undefined) throw new Error('no sheet');
    expect(sheetDoubts(loaded.original, read, profilesByLetter(loaded.original, loaded.grid))).toEqual([]);
  });

  it('contentMismatch warns when dates, names or phone numbers are picked for 意见建议', () => {
    const s = sheet(LIUXIANG, '意见登记');
    const profiles = profilesByLetter(s.original, s.grid);
    expect(contentMismatch('opinion', profiles.get('D'))).toBe('内容多为电话号码，不像“意见建议”');
    expect(contentMismatch('opinion', profiles.get('E'))).toBe('内容多为人名，不像“意见建议”');
    expect(contentMismatch('opinion', profiles.get('F'))).toBe('内容多为日期，不像“意见建议”');
    expect(contentMismatch('opinion', profiles.get('C'))).toBeNull();
    expect(contentMismatch('submitter', profiles.get('E'))).toBeNull();
  });
});

describe('what the step shows', () => {
  it('the header row and sample rows under column letters, and every field with its column', () => {
    const s = sheet(LIUXIANG, '意见登记');
    const lines = previewLines(s.grid, s.original.headerRows);
    expect(lines[0]).toMatch(/^ {3}A {16}B {16}C/u);
    expect(lines[1]).toMatch(/^2\* 序号 +条款 +意见内容 +备注1 +备注2 +收集时间$/u);
    expect(lines[2]).toContain('13700001101');
    expect(lines).toHaveLength(5);
    // On an 80-column terminal the cells shrink so no row wraps.
    const narrow = previewLines(s.grid, s.original.headerRows, 3, 80);
    expect(Math.max(...narrow.map(displayWidth))).toBeLessThanOrEqual(80);
    expect(narrow[2]).toContain('13700001101');
    expect(narrow[2]).toContain('老小区没有…');
    const mapping = mappingLines(s.original);
    expect(mapping).toHaveLength(11);
    expect(mapping[0]).toBe('    意见建议      C 列「意见内容」');
    expect(mapping).toContain('    提出人        （无）');
    expect(mapping).toContain('    日期          F 列「收集时间」（按表头用词推断）');
  });
});

describe('the column step with scripted answers', () => {
  it('moves 提出人 and 联系方式 to the 备注 columns, shows the re-read, and returns only the changed fields', async () => {
    const lines: string[] = [];
    const prompts = scripted([
      // 柳巷: the first doubt (联系方式 → D) is preselected; the column list preselects the suggested D.
      { message: '工作表“意见登记”：要修改哪个字段的列', value: 'contact' },
      { message: '“联系方式”在哪一列', value: 'D' },
      { message: '工作表“意见登记”：要修改哪个字段的列', value: 'submitter' },
      { message: '“提出人”在哪一列', value: 'E' },
      { message: '工作表“意见登记”：要修改哪个字段的列', value: '这张表没问题了' },
      { message: '工作表“座谈会”：要修改哪个字段的列', value: '这张表没问题了' },
      { message: '工作表“走访”：要修改哪个字段的列', value: 'submitter' },
      { message: '“提出人”在哪一列', value: 'C' },
      { message: '工作表“走访”：要修改哪个字段的列', value: 'contact' },
      { message: '“联系方式”在哪一列', value: 'B' },
      { message: '工作表“走访”：要修改哪个字段的列', value: 'date' },
      { message: '“日期”在哪一列', value: null },
      { message: '工作表“走访”：要修改哪个字段的列', value: '这张表没问题了' },
      { message: '还要查看或修改哪张表的列', value: '不用了' },
    ]);
    const warned: string[] = [];
    const choices = await chooseColumns(sheets, result, {
      prompts,
      say: (line) => lines.push(line),
      warn: (line, code) => {
        lines.push(`! ${line}`);
        warned.push(`${code} ${line}`);
      },
      reread: async (s, choice) => rereadSheet(s, choice, {}, FILES, optionsFor),
    });
    // 群众意见 over 联系点意见 is the reader's notice, printed under its own code; the unmapped 备注1 is the step's doubt.
    expect(warned.filter((line) => line.includes('都像“意见建议”列'))).toEqual([expect.stringMatching(/^W_COLUMNS_COMPETE /u)]);
    expect(warned).toContain('W_COLUMN_DOUBT D 列「备注1」没有对应任何字段，内容多为电话号码，像“联系方式”列。');
    expect(warned.filter((line) => line.startsWith('W_COLUMN_DOUBT ')).every((line) => !line.includes('都像'))).toBe(true);
    // The sheet is named as every other message names it: 文件 … 工作表“…”, never 「…」.
    expect(prompts.asked[0]?.message).toBe(`文件 ${LIUXIANG} 工作表“意见登记”：要修改哪个字段的列？`);
    expect(lines.filter((line) => line.startsWith('■ '))[0]).toBe(`■ ${LIUXIANG} · 工作表“意见登记” · 表头第 2 行`);
    expect(lines.join('\n')).not.toMatch(/工作表「/u);
    expect(prompts.asked[0]?.default).toBe('contact');
    expect(prompts.asked[1]?.default).toBe('D');
    expect(prompts.asked[1]?.choices).toContain('D 列「备注1」 例：13700001101');
    expect(prompts.asked[1]?.choices.at(-1)).toBe('无（本表没有“联系方式”）');
    const text = lines.join('\n');
    expect(text).toContain('读取了 3 张工作表，其中 3 张的列映射需要您确认：');
    expect(text).toContain('    提出人        E 列「备注2」（指定）');
    expect(text).toContain('    日期          （无）');

    // The guessed columns a person saw and kept (日期 by its header's words, the 群众意见 that won over 联系点意见)
    // are saved too, so they are no longer guesses next month.
    expect(choices).toEqual([
      { file: LIUXIANG, path: FILES[0], sheet: '意见登记', bySheet: false, fields: { contact: { letter: 'D', header: '备注1' }, submitter: { letter: 'E', header: '备注2' }, date: { letter: 'F', header: '收集时间' } } },
      { file: BINHE, path: FILES[1], sheet: '座谈会', bySheet: true, fields: { opinion: { letter: 'E', header: '群众意见' } } },
      { file: BINHE, path: FILES[1], sheet: '走访', bySheet: true, fields: { submitter: { letter: 'C', header: '联系方式' }, contact: { letter: 'B', header: '提出人' }, date: null } },
    ]);
    const entries = mapEntries(choices, FILES, (choice) => sheet(choice.file, choice.sheet).original.columns);
    expect(entries).toEqual([
      [`${LIUXIANG}:联系方式`, '备注1'],
      [`${LIUXIANG}:提出人`, '备注2'],
      [`${LIUXIANG}:日期`, '收集时间'],
      [`${BINHE}:座谈会:意见建议`, '群众意见'],
      [`${BINHE}:走访:提出人`, '联系方式'],
      [`${BINHE}:走访:联系方式`, '提出人'],
      [`${BINHE}:走访:日期`, '无'],
    ]);

    // What is saved reads back the same way in a plain run: names under 提出人, phones under 联系方式, no dates.
    const config = ConfigSchema.parse(patchConfigObject({}, { map: entries }));
    const { result: again, sheets: reloaded } = await readForGuide(FILES, optionsFor(config));
    const liuxiang = again.records.filter((record) => record.source.file === LIUXIANG);
    expect(liuxiang.map((record) => [record.submitter, record.contact])[0]).toEqual(['孙桂兰', '13700001101']);
    const visits = again.records.filter((record) => record.source.sheet === '走访');
    expect(visits.map((record) => [record.submitter, record.contact, record.date])[0]).toEqual(['黄大伯', '13900003301', null]);
    // The forum sheet of the same workbook is untouched by the 走访 choices.
    const forum = again.records.filter((record) => record.source.sheet === '座谈会');
    expect(forum[0]?.submitter).toBe('陈大山');
    expect(forum[0]?.date).toBe('2024-05-12');

    // A second guided run with the saved config finds nothing doubtful: it asks about none of these sheets.
    expect(reloaded.map((s) => s.absent)).toEqual([[], [], ['date']]);
    expect(reloaded.map((s) => sheetDoubts(s.original, again, profilesByLetter(s.original, s.grid), new Set(s.absent)))).toEqual([[], [], []]);
  });

  it('warns in Chinese when a column of phone numbers is picked for 意见建议', async () => {
    const lines: string[] = [];
    const s = sheet(LIUXIANG, '意见登记');
    await chooseColumns([s], result, {
      prompts: scripted([
        { message: '要修改哪个字段的列', value: 'opinion' },
        { message: '“意见建议”在哪一列', value: 'D' },
        { message: '要修改哪个字段的列', value: '这张表没问题了' },
        { message: '还要查看或修改哪张表的列', value: '不用了' },
      ]),
      say: (line) => lines.push(line),
      warn: (line, code) => lines.push(`! ${line} [${code}]`),
      reread: async (sheetToRead, choice) => rereadSheet(sheetToRead, choice, {}, FILES, optionsFor),
    });
    expect(lines).toContain('! 注意：D 列内容多为电话号码，不像“意见建议”，请确认选对了列。 [W_COLUMN_DOUBT]');
  });
});

describe('a sheet without an opinion column', () => {
  it('starts on 意见建议 and offers the column of longest text; choosing it makes the rows records', async () => {
    const dir = tempDir('yijian-guided-flow-');
    const file = join(dir, '北街社区.csv');
    writeFileSync(file, '编号,联系点,情况记录,登记人\n1,北街社区,建议第十二条增加过渡期规定，给老旧车辆留出时间,李四\n2,北街社区,小区充电桩太少，建议按户数配建充电设施,李四\n');
    const options = optionsFor({});
    const { result: read, sheets: loaded } = await readForGuide([file], options);
    const prompts = scripted([
      { message: '要修改哪个字段的列', value: 'opinion' },
      { message: '“意见建议”在哪一列', value: 'C' },
      { message: '要修改哪个字段的列', value: '这张表没问题了' },
      { message: '还要查看或修改哪张表的列', value: '不用了' },
    ]);
    const lines: string[] = [];
    const choices = await chooseColumns(loaded, read, {
      prompts, say: (line) => lines.push(line), warn: (line) => lines.push(`! ${line}`),
      reread: async (s, choice) => rereadSheet(s, choice, {}, [file], optionsFor),
    });
    expect(read.sheets[0]?.records).toBe(0);
    expect(lines).toContain('! 没有找到“意见建议”列。');
    expect(prompts.asked[0]?.default).toBe('opinion');
    expect(prompts.asked[1]?.default).toBe('C');
    expect(lines).toContain('    数据行 2：有效意见 2，问题行 0，空行 0');
    expect(lines.filter((line) => line.startsWith('■ '))).toEqual(['■ 北街社区.csv · 工作表“北街社区” · 表头第 1 行']);
    // 登记人 → 提出人 was a guess from the header's words; the person saw it and went on, so it is kept as chosen.
    expect(mapEntries(choices, [file], () => loaded[0]?.original.columns ?? [])).toEqual([['北街社区.csv:意见建议', '情况记录'], ['北街社区.csv:提出人', '登记人']]);
  });
});

describe('the figures of a re-read', () => {
  it('lists the first problem rows by their row, then how many more', () => {
    const sheet: SheetReport = { file: '北街社区.csv', sheet: '北街社区', encoding: 'GBK', headerRows: [1], columns: [], rows: 9, records: 5, rejects: 4, blanks: 0, problems: [] };
    const reject = (row: number): Reject => ({ source: { file: '北街社区.csv', sheet: '北街社区', row }, reason: 'E_NO_OPINION', message: `第 ${row} 行“意见建议”为空。`, column: 'C', cells: { 编号: String(row - 1), 联系点: '北街社区' } });
    const rejects = [reject(3), reject(5), reject(8), reject(9)];
    expect(readResultLines(sheet, rejects)).toEqual([
      '    数据行 9：有效意见 5，问题行 4，空行 0',
      '      第 3 行：第 3 行“意见建议”为空。',
      '      第 5 行：第 5 行“意见建议”为空。',
      '      第 8 行：第 8 行“意见建议”为空。',
      '      …… 另有 1 个问题行',
    ]);
  });
});

describe('a field set to "none" (提出人=无)', () => {
  it('keeps a synonym header from taking the field, in that scope only', () => {
    const index = buildSynonymIndex(DEFAULT_SYNONYMS);
    const plan = mapColumns(['序号', '提出人', '意见建议'], index, parseMapSpecs(['提出人=无']));
    expect(plan.columns.map((c) => c.field)).toEqual(['seq', null, 'opinion']);
    expect(plan.unmatched).toEqual([]);
  });
});

describe('what is saved', () => {
  it('scopeFor: the display name, the sheet for workbooks of several, a glob when the name is inside another input', () => {
    const paths = ['/w/东湖.xlsx', '/w/城东湖.xlsx', '/w/桃源镇.xlsx'];
    expect(scopeFor({ file: '桃源镇.xlsx', path: '/w/桃源镇.xlsx', sheet: '座谈会', bySheet: true }, paths)).toBe('桃源镇.xlsx:座谈会');
    expect(scopeFor({ file: '东湖.xlsx', path: '/w/东湖.xlsx', sheet: 'Sheet1', bySheet: false }, paths)).toBe('东湖.xlsx*');
    // The glob names 东湖.xlsx alone, with or without a folder in front, never 城东湖.xlsx.
    for (const path of ['/w/东湖.xlsx', '东湖.xlsx', '意见/东湖.xlsx']) expect(matchesFile('东湖.xlsx*', path), path).toBe(true);
    expect(matchesFile('东湖.xlsx*', '/w/城东湖.xlsx')).toBe(false);
    expect(scopeFor({ file: '城东湖.xlsx', path: '/w/城东湖.xlsx', sheet: '意见：5月', bySheet: true }, paths)).toBe('城东湖.xlsx:意见?5月');
  });

  it('mapTarget: the header when it is one column unmistakably, else the letter; 无 for none', () => {
    const columns = [
      { column: 'A', header: '备注', field: null, how: 'none' as const },
      { column: 'B', header: '备 注', field: null, how: 'none' as const },
      { column: 'C', header: 'ID', field: null, how: 'none' as const },
      { column: 'D', header: '收集时间', field: null, how: 'none' as const },
    ];
    expect(mapTarget({ letter: 'A', header: '备注' }, columns)).toBe('A');
    expect(mapTarget({ letter: 'C', header: 'ID' }, columns)).toBe('C');
    expect(mapTarget({ letter: 'D', header: '收集时间' }, columns)).toBe('收集时间');
    expect(mapTarget(null, columns)).toBe('无');
  });

  it('mergeMap replaces an entry of the same scope and field in place and keeps every other', () => {
    const merged = mergeMap({ 意见建议: 'C', 'a.xlsx:提出人': 'D', 'b.xlsx:opinion': 'E' }, [['a.xlsx:submitter', 'F'], ['c.csv:日期', '无']]);
    expect(Object.entries(merged)).toEqual([['意见建议', 'C'], ['a.xlsx:submitter', 'F'], ['b.xlsx:opinion', 'E'], ['c.csv:日期', '无']]);
  });

  it('patchConfigObject keeps the user\'s other keys, notes and order; describeChanges says what changes', () => {
    const before = { _说明: '城东区司法局的设置', issuer: '城东区司法局', columns: { synonyms: { opinion: ['群众诉求'] }, map: { 意见建议: 'C' } }, draft: '旧稿.docx', thresholds: { near: 0.8 } };
    const after = patchConfigObject(before, { draft: '草案/新稿.docx', output: '报告', map: [['a.xlsx:提出人', '备注2']] });
    expect(Object.keys(after)).toEqual(['_说明', 'issuer', 'columns', 'draft', 'thresholds', 'output']);
    expect(after['columns']).toEqual({ synonyms: { opinion: ['群众诉求'] }, map: { 意见建议: 'C', 'a.xlsx:提出人': '备注2' } });
    expect(before.columns.map).toEqual({ 意见建议: 'C' });
    expect(describeChanges(before, after)).toEqual([
      '  draft: "草案/新稿.docx"（原为 "旧稿.docx"）',
      '  output: "报告"（新增）',
      '  columns.map "a.xlsx:提出人": "备注2"（新增）',
    ]);
    expect(Object.keys(patchConfigObject(after, { draft: null }))).not.toContain('draft');
  });
});

describe('drafts beside the inputs', () => {
  it.each([
    ['某市电动自行车管理条例（征求意见稿）.docx', true],
    ['物业管理办法草案.txt', true],
    ['中华人民共和国民法典.md', false],
    ['汇总报告.md', false],
    ['会议纪要.docx', false],
    ['关于征求《某市养犬管理规定》意见的通知', true],
  ])('looksLikeDraft(%s) → %s', (name, expected) => {
    expect(looksLikeDraft(name)).toBe(expected);
  });

  it('finds drafts in the input folder and the one above, by name or first line, that parse into articles', async () => {
    const dir = tempDir('yijian-drafts-');
    const inputs = join(dir, '意见');
    mkdirSync(inputs);
    cpSync(resolve('fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt'), join(dir, '某市电动自行车管理条例（征求意见稿）.txt'));
    cpSync(resolve('fixtures/draft/某市电动自行车管理条例（征求意见稿）.docx'), join(inputs, '某市电动自行车管理条例（征求意见稿）.docx'));
    cpSync(resolve('fixtures/laws/北京市物业管理条例.md'), join(inputs, '0512.md'));
    writeFileSync(join(inputs, '某市条例修改说明.txt'), '关于修改的说明\n第一条的修改是为了……\n');
    writeFileSync(join(dir, 'README.md'), '# 说明\n第一条 ……\n第二条 ……\n第三条 ……\n');
    mkdirSync(join(dir, 'yijian-output'));
    writeFileSync(join(dir, 'yijian-output', '某市条例（征求意见稿）.md'), '第一条 甲\n第二条 乙\n第三条 丙\n');
    const found = await findDrafts(draftFolders([join(inputs, 'a.xlsx')], join(dir, 'yijian-output')), readDraft, join(dir, 'yijian-output'));
    expect(found.map((candidate) => [candidate.path.slice(dir.length + 1), candidate.articles])).toEqual([
      ['意见/某市电动自行车管理条例（征求意见稿）.docx', 46],
      ['某市电动自行车管理条例（征求意见稿）.txt', 46],
      ['意见/0512.md', 104],
    ]);
    expect(readdirSync(dir)).toContain('README.md');
  });
});

describe('a merged workbook read again in the guided flow', () => {
  it('keeps the merged handling: the re-read sheet gives the first read\'s records (原表序号 as 序号, 来源 as provenance)', async () => {
    const dir = tempDir('yijian-guided-merged-');
    const merged = join(dir, '城东区汇总.xlsx');
    const run = await yijian(['merge', join(submissions, '城东区-科技园企业立法联系点-2024年5月.csv'), '-o', merged], dir);
    expect(run.status, run.stderr).toBe(0);
    const { result: read, sheets: loaded } = await readForGuide([merged], optionsFor({}), workers);
    const records = loaded.find((s) => s.original.sheet === '意见汇总');
    if (records === undefined) throw new Error('no 意见汇总');
    expect(records.merged).toBe(true);
    const again = await rereadSheet(records, { file: records.original.file, path: merged, sheet: '意见汇总', bySheet: false, fields: {} }, {}, [merged], optionsFor);
    // 问题行 and 核对 are not read, so every record is from 意见汇总 (under the point's own file and sheet).
    const first = read.records;
    expect(first.length).toBeGreaterThan(10);
    // Each record keeps the point's file and row and the point's own 序号, not the merged sheet's place and 1…N.
    expect(first.every((record) => record.source.file !== '城东区汇总.xlsx')).toBe(true);
    expect(again.records).toEqual(first);
    expect(again.report.columns).toEqual(records.original.columns);
    expect(again.report.columns.find((column) => column.field === 'seq')?.header).toBe('原表序号');
  });
});

describe('the guided question about one point under two names', () => {
  const rec = (point: string, file: string): OpinionRecordLike => ({ point, county: null, source: { file } });
  type OpinionRecordLike = { point: string; county: null; source: { file: string } };
  const records = [rec('东湖街道立法联系点', '东湖街道-已填.xlsx'), rec('东湖街道基层立法联系点', '五月.xlsx'), rec('东湖街道基层立法联系点', '五月.xlsx'), rec('桃源镇立法联系点', '桃源.xlsx')] as unknown as Parameters<typeof askPointNames>[1];

  it('asks once per group, one point not being the default, and returns the pairs to save', async () => {
    const prompts = scripted([
      { message: '是同一个联系点吗', value: true },
      { message: '统一用哪个名称', value: '东湖街道立法联系点' },
    ]);
    expect(await askPointNames(prompts, records, [])).toEqual([['东湖街道基层立法联系点', '东湖街道立法联系点']]);
    expect(prompts.asked[0]).toMatchObject({ message: '联系点名称“东湖街道立法联系点”（1 条，东湖街道-已填.xlsx）、“东湖街道基层立法联系点”（2 条，五月.xlsx）是同一个联系点吗？', default: false });
    // The name most opinions carry is offered first.
    expect(prompts.asked[1]!.default).toBe('东湖街道基层立法联系点');
  });

  it('saves nothing when the person says they are two points', async () => {
    expect(await askPointNames(scripted([{ message: '是同一个联系点吗', value: false }]), records, [])).toEqual([]);
  });

  it("adds the pairs to the config's pointNames, keeping those written by hand", () => {
    const next = patchConfigObject({ pointNames: { 滨江社区: '滨江社区立法联系点' } }, { pointNames: [['东湖街道基层立法联系点', '东湖街道立法联系点']] });
    expect(next['pointNames']).toEqual({ 滨江社区: '滨江社区立法联系点', 东湖街道基层立法联系点: '东湖街道立法联系点' });
    expect(ConfigSchema.parse(next).pointNames).toEqual(next['pointNames']);
    expect(describeChanges({}, next)).toContain('  pointNames: {"滨江社区":"滨江社区立法联系点","东湖街道基层立法联系点":"东湖街道立法联系点"}（新增）');
  });
});
