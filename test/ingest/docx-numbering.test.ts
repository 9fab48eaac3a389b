/**
 * Word's automatic list numbering: 第一条, 第二章, （一） and 1. 2. 3. shown on screen but kept in numbering.xml, not in
 * the text. Before, such a draft was refused (草案文件中没有找到任何条文), and in a folder of submissions it was read as
 * opinions; a letter's numbered opinions lost their numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxBlocks } from '../../src/ingest/read-docx.js';
import { readDraft } from '../../src/text/read-draft.js';
import { readSubmissions } from '../../src/ingest/index.js';
import { noticeText } from '../../src/notices.js';
import { makeTempDir, REPO_ROOT, runYijian } from '../cli/run-cli.js';
import { options } from './helpers.js';

const DIR = join(REPO_ROOT, 'fixtures/word-numbered');
const DRAFT = join(DIR, '某市养犬管理条例（草案）.docx');
const LETTER = join(DIR, '城南区-湖滨街道立法联系点意见.docx');

describe('the numbers Word shows before a paragraph', () => {
  it('are written into the text: chapters, articles through the whole draft, items again from （一） in each article', () => {
    const texts = docxBlocks(readFileSync(DRAFT)).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts.filter((t) => /^第.+[章条]/u.test(t)).map((t) => t.slice(0, t.search(/[\s]/u)))).toEqual([
      '第一章', '第一条', '第二条', '第二章', '第三条', '第四条', '第三章', '第五条', '第六条', '第七条',
    ]);
    expect(texts.filter((t) => t.startsWith('（'))).toEqual(['（一）居民身份证；', '（二）犬只狂犬病免疫证明；', '（三）犬只照片。', '（一）学校、医院、幼儿园；', '（二）商场、饭店等公共场所。']);
    // A paragraph of an article without its own number stays as it is.
    expect(texts).toContain('养犬登记证有效期为一年，期满应当办理延续手续。');
  });
});

describe('a draft numbered by Word', () => {
  it('is read with its articles, chapters and items', async () => {
    const draft = await readDraft(DRAFT);
    expect(draft.articles.map((a) => a.key)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(draft.divisions.map((d) => `${d.key} ${d.title}`)).toEqual(['ch1 总则', 'ch2 养犬登记', 'ch3 养犬行为规范']);
    expect(draft.articles[2]!.text).toContain('养犬登记证有效期为一年');
    expect(draft.articles[3]!.text).toContain('（二）犬只狂犬病免疫证明；');
  });

  it('is told apart from opinions in a folder of submissions, and the letter beside it is read', async () => {
    const result = await readSubmissions([DRAFT, LETTER], options());
    expect(result.notices.filter((n) => n.code === 'W_WORD_NOT_OPINIONS').map(noticeText)).toEqual([
      '某市养犬管理条例（草案）.docx 是 Word 文档，看来是法规草案的条文（有 7 段以“第…条”开头），不是意见，已跳过；如其中确有意见，请整理到意见表（.xlsx，可用 yijian form 生成）中再读取。',
    ]);
    expect(result.records.map((r) => [r.point, r.seq, r.opinion.slice(0, 8)])).toEqual([
      ['湖滨街道基层立法联系点', '1', '养犬登记证一年一'],
      ['湖滨街道基层立法联系点', '2', '遛狗不拴绳的太多'],
      ['湖滨街道基层立法联系点', '3', '商场、饭店禁止带'],
    ]);
  });

  it('serves digest as its --draft: the letter\'s opinions filed under its articles', async () => {
    const out = makeTempDir();
    const run = await runYijian(['digest', LETTER, '--draft', DRAFT, '-o', out, '--formats', 'md']);
    expect(run.status, run.stderr).toBe(0);
    const digest = JSON.parse(readFileSync(join(out, 'digest.json'), 'utf8')) as { draft: { articles: unknown[] }; records: { opinion: string; articles: { key: string }[] }[] };
    expect(digest.draft.articles).toHaveLength(7);
    expect(digest.records.find((r) => r.opinion.startsWith('养犬登记证一年一办'))?.articles.map((a) => a.key)).toEqual(['3']);
  });
});

describe('numbering from a paragraph style', () => {
  it('numbers the paragraphs of a style that carries a list (条 style based on a numbered one), bullets left out', async () => {
    const { DOMParser } = await import('@xmldom/xmldom');
    const { createLabeller, readNumbering } = await import('../../src/text/docx-numbering.js');
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as import('@xmldom/xmldom').Element;
    const numbering = xml(`<w:numbering ${W}>` +
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num></w:numbering>');
    const styles = xml(`<w:styles ${W}>` +
      '<w:style w:type="paragraph" w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ArticleBody"><w:basedOn w:val="Article"/></w:style></w:styles>');
    const label = createLabeller(readNumbering(numbering, styles));
    const p = (props: string) => xml(`<w:p ${W}><w:pPr>${props}</w:pPr></w:p>`);
    expect(label(p('<w:pStyle w:val="ArticleBody"/>'))).toBe('第九条 ');
    expect(label(p('<w:pStyle w:val="Article"/>'))).toBe('第十条 ');
    expect(label(p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr>'))).toBe('');
    expect(label(p('<w:pStyle w:val="Article"/><w:numPr><w:numId w:val="0"/></w:numPr>'))).toBe('');
    expect(label(p(''))).toBe('');
  });
});
