/** Word documents read as submissions: text as Word shows it, tables on their grid, drafts and notices told apart. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { docxBlocks, wordDocumentKind, wordGrid, type DocBlock } from '../../src/ingest/read-docx.js';
import { sheetsFromBytes } from '../../src/ingest/read-file.js';
import { YijianError } from '../../src/errors.js';
import { options } from './helpers.js';

const REPO = join(import.meta.dirname, '../..');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function docx(body: string): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
const p = (inner: string): string => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${inner}</w:p>`;
const r = (text: string): string => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;

describe('the text of a paragraph', () => {
  it('joins runs, keeps insertions, leaves deletions and field codes out, breaks lines at w:br', () => {
    const blocks = docxBlocks(docx(
      p(`${r('建议将')}<w:proofErr w:type="spellStart"/>${r('罚款')}<w:del w:id="1" w:author="a"><w:r><w:delText>五百</w:delText></w:r></w:del>` +
        `<w:ins w:id="2" w:author="a">${r('二百')}</w:ins>${r('元')}<w:r><w:br/></w:r>${r('改为警告')}<w:r><w:tab/></w:r>${r('。')}` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`),
    ));
    expect(blocks).toEqual([{ kind: 'paragraph', text: '建议将罚款二百元\n改为警告 。' }]);
  });

  it('reads a content control and a drawing once, not its fallback copy', () => {
    const choice = `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r('框内文字'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('框内文字'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>`;
    const blocks = docxBlocks(docx(`<w:sdt><w:sdtContent>${p(r('控件里的意见'))}</w:sdtContent></w:sdt>${p(`<w:r>${choice}</w:r>`)}`));
    expect(blocks).toEqual([{ kind: 'paragraph', text: '控件里的意见' }, { kind: 'paragraph', text: '框内文字' }]);
  });
});

describe('a table', () => {
  const table =
    '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
    `<w:tr>${tc(p(r('序号')))}${tc(p(r('意见建议')))}${tc(p(r('提出人')))}</w:tr>` +
    `<w:tr>${tc(p(r('1')))}${tc(p(r('第一段')) + p(r('第二段')))}${tc(p(r('张三')), '<w:vMerge w:val="restart"/>')}</w:tr>` +
    `<w:tr>${tc(p(r('2')))}${tc(p(r('另一条')))}${tc('<w:p/>', '<w:vMerge/>')}</w:tr>` +
    `<w:tr>${tc(p(r('合并的一行')), '<w:gridSpan w:val="2"/>')}${tc(`<w:tbl><w:tr>${tc(p(r('内')))}${tc(p(r('表')))}</w:tr></w:tbl><w:p/>`)}</w:tr>` +
    `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('缩进的行')))}${tc(p(r('')))}</w:tr>` +
    '</w:tbl>';

  it('puts cells on the grid: paragraphs of a cell on lines, merges as a workbook has them, a nested table as text', () => {
    const [block] = docxBlocks(docx(table));
    expect(block).toEqual({
      kind: 'table',
      rows: [
        ['序号', '意见建议', '提出人'],
        ['1', '第一段\n第二段', '张三'],
        ['2', '另一条', ''],
        ['合并的一行', '', '内 表'],
        ['', '缩进的行', ''],
      ],
      merges: [
        { s: { r: 1, c: 2 }, e: { r: 2, c: 2 } },
        { s: { r: 3, c: 0 }, e: { r: 3, c: 1 } },
      ],
    });
  });

  it('becomes rows of one grid below the paragraphs above it, its merges moved with it', () => {
    const blocks = docxBlocks(docx(`${p(r('意见汇总表'))}<w:p/>${table}${p(r('填表人：李四'))}`));
    const word = wordGrid(blocks, '东湖');
    expect(word.grid.rows[0]).toEqual(['意见汇总表']);
    expect(word.grid.rows[1]).toEqual(['序号', '意见建议', '提出人']);
    expect(word.grid.rows.at(-1)).toEqual(['填表人：李四']);
    expect(word.tables).toEqual([{ firstRow: 2, lastRow: 6 }]);
    expect(word.paragraphs).toBe(2);
    expect(word.grid.merges[0]).toEqual({ s: { r: 2, c: 2 }, e: { r: 3, c: 2 } });
  });

  it('property: every non-empty paragraph is one row, in order, its text unchanged but for the ends', () => {
    const text = fc.string({ unit: fc.constantFrom('建', '议', '第', '十', '条', '，', '。', ' ', 'a', '1', '&', '<', '>') , maxLength: 20 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        const escaped = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const blocks = docxBlocks(docx(texts.map((t) => p(r(escaped(t)))).join('')));
        const word = wordGrid(blocks, 'x');
        expect(word.grid.rows).toEqual(texts.map((t) => t.trim()).filter((t) => t !== '').map((t) => [t]));
      }),
      { numRuns: 60 },
    );
  });
});

describe('what a Word document is', () => {
  const paragraphs = (...texts: string[]): DocBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

  it('takes the draft for the draft: articles that begin like articles and do not argue', () => {
    const draft = docxBlocks(readFileSync(join(REPO, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.docx')));
    expect(wordDocumentKind(draft)).toMatchObject({ kind: 'draft' });
  });

  it('takes a notice or a 说明 by its title, when it has no table', () => {
    expect(wordDocumentKind(paragraphs('关于征求《某条例（征求意见稿）》意见的通知', '各联系点：', '请于5月25日前报送。'))).toEqual({ kind: 'notice', title: '关于征求《某条例（征求意见稿）》意见的通知' });
    expect(wordDocumentKind(paragraphs('关于《某条例（草案）》的起草说明', '一、立法的必要性'))).toMatchObject({ kind: 'notice' });
  });

  it('reads a letter of opinions, even one that cites many articles in their own words', () => {
    expect(wordDocumentKind(paragraphs('东湖街道关于《某条例（征求意见稿）》的意见建议', '市司法局：', '一、第十条建议简化。'))).toEqual({ kind: 'opinions' });
    const cites = ['第十条　建议删除。', '第十一条　我们认为太严。', '第十二条　希望放宽。', '第十三条　建议增加。', '第十四条　意见同上。'];
    expect(wordDocumentKind(paragraphs('对条例的修改意见', ...cites))).toEqual({ kind: 'opinions' });
  });
});

describe('reading a .docx file', () => {
  it('gives one grid named like the file, with the Word layout on it', () => {
    const sheets = sheetsFromBytes(docx(`${p(r('意见'))}${p(r('建议增加充电桩'))}`), '.docx', '东湖', options());
    expect(sheets.grids).toHaveLength(1);
    expect(sheets.grids[0]).toMatchObject({ name: '东湖', rows: [['意见'], ['建议增加充电桩']], word: { tables: [], paragraphs: 2 } });
  });

  it('leaves a draft or a notice out, saying which', () => {
    const notice = sheetsFromBytes(docx(`${p(r('关于征求意见的通知'))}${p(r('各联系点：请报送意见。'))}`), '.docx', '通知', options());
    expect(notice).toMatchObject({ grids: [], notOpinions: { kind: 'notice', title: '关于征求意见的通知' } });
  });

  it.each([
    ['not a zip', Buffer.from('这是一段文本，不是 Word 文档'), 'E_UNSUPPORTED_FORMAT', '内容不是 Word 文档'],
    ['an old .doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]), 'E_UNSUPPORTED_FORMAT', '旧版 Word 文档'],
    ['a zip without a body', (() => { const z = new PizZip(); z.file('a.txt', 'x'); return z.generate({ type: 'nodebuffer' }); })(), 'E_UNSUPPORTED_FORMAT', 'word/document.xml'],
    ['an empty file', Buffer.alloc(0), 'E_EMPTY_FILE', '0 字节'],
  ])('says what is wrong with %s', (_name, bytes, code, words) => {
    let error: unknown;
    try {
      sheetsFromBytes(bytes, '.docx', 'x', options());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(YijianError);
    expect((error as YijianError).code).toBe(code);
    expect((error as YijianError).message).toContain(words);
  });
});
