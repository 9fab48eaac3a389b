#!/usr/bin/env node
/**
 * Builds the default Word templates (summary/summary.docx, article-digest/article-digest.docx,
 * feedback/feedback.docx)
 * in official-document style (GB/T 9704 look): title 方正小标宋简体 22pt, headings 黑体 16pt,
 * body 仿宋_GB2312 16pt, A4 with margins 3.7/3.5/2.8/2.6 cm, "— 1 —" page numbers.
 * Tags are docxtemplater's ({title}, {#loop}…{/loop}); every tag sits in one run so Word keeps it whole.
 * Deterministic: no docProps, fixed zip dates. Run: node templates/build-docx.mjs
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

// Local time on purpose: zip stores local DOS time, so this writes 2024-01-01 00:00 in every time zone.
const FIXED_DATE = new Date(2024, 0, 1, 0, 0, 0);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cm = (n) => Math.round(n * 567);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A paragraph of one run in `style`; `props` adds paragraph properties. */
const p = (text, style = null, props = '') =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${props}</w:pPr>` +
  (text === '' ? '' : `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`) +
  '</w:p>';

/** A table cell holding the given paragraphs' XML. */
const cell = (width, inner) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;

/** A table: a repeated header row, then the given row XML. */
const table = (headers, widths, rows) => {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const head = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${headers.map((h, i) => cell(widths[i], p(h, 'TableHead'))).join('')}</w:tr>`;
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${head}${rows}</w:tbl>`
  );
};

/** A table row whose cells each hold one paragraph of text (tags included); columns from `firstNumber` on are centred figures. */
const row = (widths, texts, firstNumber = texts.length) =>
  `<w:tr>${texts.map((t, i) => cell(widths[i], p(t, i >= firstNumber ? 'TableNumber' : 'TableText'))).join('')}</w:tr>`;

const sectPr =
  `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>` +
  `<w:pgSz w:w="11906" w:h="16838"/>` +
  `<w:pgMar w:top="${cm(3.7)}" w:right="${cm(2.6)}" w:bottom="${cm(3.5)}" w:left="${cm(2.8)}" w:header="851" w:footer="992" w:gutter="0"/>` +
  // No document grid: the lines are 28 pt apart by their exact spacing (22 to a page, as GB/T 9704 sets them). With a
  // line grid, LibreOffice (7.4) printed only the header of a letter's table whose repeated header row ended a page
  // with no room for the first (cantSplit) opinion row below it — a 64-opinion letter came out as 2 pages — and without
  // cantSplit on that header row it stopped repeating it on later pages. A character grid (linesAndChars) spreads
  // every character apart in LibreOffice.
  `</w:sectPr>`;

const document = (body) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}${sectPr}</w:body></w:document>`;

const rFonts = (eastAsia, ascii = 'Times New Roman') =>
  `<w:rFonts w:ascii="${ascii}" w:hAnsi="${ascii}" w:eastAsia="${eastAsia}" w:cs="${ascii}"/>`;

const styles =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W}>` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts('仿宋_GB2312')}<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>${rFonts('方正小标宋简体')}<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Date"><w:name w:val="Date"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>${rFonts('黑体')}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>${rFonts('楷体_GB2312')}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
    // Off the page's line grid: snapped to it, every table line took a full 29 pt body line.
  `<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="20" w:after="20" w:line="300" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="LetterText"><w:name w:val="Letter Text"/><w:basedOn w:val="TableText"/><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="LetterNumber"><w:name w:val="Letter Number"/><w:basedOn w:val="LetterText"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
  // A date on one line: without the extra space Word and LibreOffice put between 2024 and 年, 2024年5月10日 fits its cell.
  `<w:style w:type="paragraph" w:styleId="LetterDate"><w:name w:val="Letter Date"/><w:basedOn w:val="LetterText"/><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="TableNote"><w:name w:val="Table Note"/><w:basedOn w:val="TableText"/><w:rPr>${rFonts('楷体_GB2312')}<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0" w:right="${cm(1.2)}"/><w:jc w:val="right"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Annex"><w:name w:val="Annex"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="280"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr>${rFonts('黑体')}</w:rPr></w:style>` +
    // The article's own words, quoted smaller than the body so the opinions below stay near them; kept with the
    // table of its opinions (keepNext), so a page never ends on an article whose opinions start the next.
  `<w:style w:type="paragraph" w:styleId="ArticleText"><w:name w:val="Article Text"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="440" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="560"/></w:pPr><w:rPr>${rFonts('楷体_GB2312')}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="TableNumber"><w:name w:val="Table Number"/><w:basedOn w:val="TableText"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="TableHead"><w:name w:val="Table Head"/><w:basedOn w:val="TableText"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>${rFonts('黑体')}</w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>${rFonts('宋体')}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
  `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  `</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  `</w:styles>`;

const font = (name, alt, family) =>
  `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${family}"/></w:font>`;
const fontTable =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${W}>` +
  font('方正小标宋简体', '宋体', 'script') + font('仿宋_GB2312', '仿宋', 'modern') + font('黑体', 'SimHei', 'modern') +
  font('楷体_GB2312', '楷体', 'modern') + font('宋体', 'SimSun', 'auto') + font('Times New Roman', '', 'roman') +
  `</w:fonts>`;

const settings =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${W}><w:defaultTabStop w:val="420"/>` +
  `<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const run = (inner) => `<w:r>${inner}</w:r>`;
const footer =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${W}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
  run('<w:t xml:space="preserve">— </w:t>') + run('<w:fldChar w:fldCharType="begin"/>') +
  run('<w:instrText xml:space="preserve"> PAGE </w:instrText>') + run('<w:fldChar w:fldCharType="separate"/>') +
  run('<w:t>1</w:t>') + run('<w:fldChar w:fldCharType="end"/>') + run('<w:t xml:space="preserve"> —</w:t>') +
  `</w:p></w:ftr>`;

const contentTypes =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`;
const rootRels =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const docRels =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
  `<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

/** Zips a document body with the shared parts, every entry dated FIXED_DATE. */
function docx(body) {
  const zip = new PizZip();
  const parts = {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rootRels,
    'word/_rels/document.xml.rels': docRels,
    'word/document.xml': document(body),
    'word/styles.xml': styles,
    'word/settings.xml': settings,
    'word/fontTable.xml': fontTable,
    'word/footer1.xml': footer,
  };
  for (const [name, text] of Object.entries(parts)) zip.file(name, text, { date: FIXED_DATE, createFolders: false });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const loop = (name, inner) => p(`{#${name}}`) + inner + p(`{/${name}}`);
const none = (name) => p(`{^${name}}`) + p('无。') + p(`{/${name}}`);
const dateBlock = loop('date', p('{dateText}', 'Date'));

// Text width of the page: 21 - 2.8 - 2.6 = 15.6 cm.
const full = cm(15.6);
const five = (first) => [first, ...Array(4).fill(Math.floor((full - first) / 4))];
// Wide enough that 县（市、区） and 过渡期临时号牌 stay on one line at 12 pt.
const pointWidths = [cm(5.4), cm(3.0), cm(2.4), cm(2.4), cm(2.4)];
// 主旨 holds a gist of up to 16 characters and … on one line at 12 pt (法律、行政法规已有处罚规定的 left 的 on a line of its own).
const articleWidths = [cm(4.2), cm(7.2), cm(2.1), cm(2.1)];

const summaryBody =
  p('{summaryTitleLines}', 'Title') + dateBlock +
  p('一、基本情况', 'Heading1') + loop('periodText', p('意见收集时间：{periodText}。')) + p('{overviewSentence}') +
  p('二、各县（市、区）和联系点报送情况', 'Heading1') +
  table(['县（市、区）', '联系点数', '报送意见', '去重后', '占比'], five(cm(4.4)),
    row(five(cm(4.4)), ['{#counties}{name}', '{points}', '{submissions}', '{distinct}', '{share}{/counties}'], 1)) +
  p('') +
  table(['联系点', '县（市、区）', '报送意见', '去重后', '占比'], pointWidths,
    row(pointWidths, ['{#points}{name}', '{county}', '{submissions}', '{distinct}', '{share}{/points}'], 2)) +
  p('三、逐条意见分布', 'Heading1') + p('{articlesSentence}') +
  table(['条款', '主旨', '报送意见', '去重后'], articleWidths,
    row(articleWidths, ['{#articleCounts}{label}', '{caption}', '{submissions}', '{distinct}{/articleCounts}'], 2)) +
  p('一条意见涉及多个条款的，分别计入各条款。') +
  p('四、主要意见', 'Heading1') +
  loop('topClusters', p('{noText}{heading}', 'Heading2') + p('{representative}') +
    p('{countText}；联系点：{pointsText}。{assignmentMark}')) + none('topClusters') +
  p('五、总体意见', 'Heading1') + loop('general', loop('members', p('{text}（{originText}）'))) + none('general') +
  p('六、未归入具体条款的意见', 'Heading1') +
  loop('unassignedIntro', p('{unassignedIntro}')) +
  loop('unassignedGroups', p('{heading}', 'Heading2') + loop('members', p('{text}（{originText}）{otherCandidatesMark}{nearbyMark}'))) +
  none('unassignedGroups');

const digestWidths = [cm(1.2), cm(9.6), cm(2.2), cm(2.6)];
const clusterRow =
  `<w:tr>` +
  cell(digestWidths[0], p('{#clusters}{no}', 'TableNumber')) +
  // members[0] is the representative opinion, so it is not printed a second time above the list.
  cell(digestWidths[1], p('{#members}', 'TableText') +
    p('· {text}（{originText}）{assignmentMark}{guessMark}', 'TableText') +
    // The point's proposed wording and its reason (修改建议, 理由 columns), under its opinion.
    p('{#proposalLines}', 'TableText') + p('{.}', 'TableNote', '<w:ind w:left="240"/>') + p('{/proposalLines}', 'TableText') +
    p('{/members}', 'TableText') +
    // Only on a cluster some 未归入 opinions read like: a paragraph of its own, none otherwise (paragraphLoop).
    p('{#nearbyNote}', 'TableText') + p('{nearbyNote}', 'TableText') + p('{/nearbyNote}', 'TableText')) +
  cell(digestWidths[2], p('{opinions}/{submissions}', 'TableNumber')) +
  cell(digestWidths[3], p('{/clusters}', 'TableText')) +
  `</w:tr>`;
const digestBody =
  p('{digestTitleLines}', 'Title') + dateBlock +
  loop('sections',
    loop('chapterHeading', p('{chapterHeading}', 'Heading1')) +
    loop('hasClusters',
      p('{heading}（收到意见{submissions}条，去重后{distinct}条）', 'Heading2') +
      // One paragraph per 款, as the draft sets them; items stay inside their paragraph.
      loop('textParagraphs', p('{.}', 'ArticleText')) +
      table(['序号', '意见（代表性意见在前）及报送单位', '意见/报送', '处理意见'], digestWidths, clusterRow)) +
    loop('silentText', p('{silentText}'))) +
  p('表中“意见/报送”为去重后的意见条数和报送次数；标注“自动归入”的意见未写明条款，系按内容相似度归入该条，请留意归入是否恰当。', 'TableNote');

// Feedback to one contact point (意见采纳情况反馈): a letter, its totals, every opinion it sent as the point
// itself numbered it (序号, 提出人, 日期), the 落款, then where each opinion was found (附：来源).
// 提出人 and the date under it: wide enough for 2024年5月10日 on one line (it broke after 5月).
const feedbackWidths = [cm(1.2), cm(3.3), cm(5.3), cm(2.1), cm(3.7)];
const feedbackCounts = [cm(2.2), cm(2.2), cm(2.2), cm(2.2), cm(2.2), cm(2.2), cm(2.4)];
// Names without dates (张秀英, 匿名群众): a narrow 提出人 column, the rest to the opinion (64 opinions took 15 pages at 5.3 cm).
const feedbackWidthsNames = [cm(1.2), cm(2.1), cm(6.5), cm(2.1), cm(3.7)];
// Without the 提出人 column its width goes to the opinion.
const feedbackWidthsNoSubmitter = [cm(1.2), cm(8.6), cm(2.1), cm(3.7)];
/** One opinion's row of the letter's table, with or without the 提出人/日期 cell, with the given widths. */
const feedbackRow = (withSubmitter, widths = withSubmitter ? feedbackWidths : feedbackWidthsNoSubmitter) => {
  const at = (i) => widths[withSubmitter ? i : i - (i > 1 ? 1 : 0)];
  return (
    // A printed letter never splits one opinion's row across pages (its mark and reason stay with it).
    `<w:tr><w:trPr><w:cantSplit/></w:trPr>` +
    cell(at(0), p('{#items}{seqText}', 'LetterNumber')) +
    (withSubmitter
      ? cell(at(1), p('{submitter}', 'LetterText') + p('{dateText}', 'LetterDate', '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'))
      : '') +
    cell(at(2), p('{articleLabel}{assignmentMark}：{opinion}', 'LetterText')) +
    cell(at(3), p('{decision}', 'LetterNumber')) +
    cell(at(4), p('{reason}{/items}', 'LetterText')) +
    `</w:tr>`
  );
};
const feedbackBody =
  p('{feedbackTitleLines}', 'Title') +
  p('{point}：', null, '<w:ind w:firstLineChars="0" w:firstLine="0"/>') +
  p('{opening}') +
  p('一、总体情况', 'Heading1') + p('{totalsSentence}', null, '<w:keepNext/>') +
  table(['采纳', '部分采纳', '未采纳', '已转送', '作为参考', '待研究', '采纳率'], feedbackCounts,
    row(feedbackCounts, ['{totals.bySubmissions.采纳}', '{totals.bySubmissions.部分采纳}', '{totals.bySubmissions.未采纳}',
      '{totals.bySubmissions.已转送}', '{totals.bySubmissions.作为参考}', '{totals.bySubmissions.待研究}', '{totals.rateText}'], 0)) +
  p('') +
  p('二、逐条意见采纳情况', 'Heading1') +
  // Kept with the table's first row: a row too tall for the page's rest must not leave the heading and this note alone.
  loop('tableNote', p('{tableNote}', 'TableNote', '<w:keepNext/>')) +
  // With 提出人 or 日期 from the point's sheet, a column for them; without either, none (it was empty on every row).
  loop('datedColumn', table(['序号', '{submitterHeader}', '意见', '采纳情况', '理由说明'], feedbackWidths, feedbackRow(true))) +
  loop('namesOnlyColumn', table(['序号', '{submitterHeader}', '意见', '采纳情况', '理由说明'], feedbackWidthsNames, feedbackRow(true, feedbackWidthsNames))) +
  loop('noSubmitterColumn', table(['序号', '意见', '采纳情况', '理由说明'], feedbackWidthsNoSubmitter, feedbackRow(false))) +
  loop('similarityExplained', p('{similarityExplained}', 'TableNote')) +
  // 特此反馈, the issuing unit and the date are one block: a page never ends between the unit and its date.
  p('特此反馈。', null, '<w:keepNext/>') + p('', null, '<w:keepNext/>') +
  loop('issuer', p('{issuer}', 'Signature', '<w:keepNext/>')) +
  // The date is kept with the 联系人 line under it, when there is one; never with 附：意见来源 (that chain pushed
  // 特此反馈 and the whole 落款 to a page of their own).
  loop('dateText', loop('contactLine', p('{dateText}', 'Signature', '<w:keepNext/>')) +
    p('{^contactLine}') + p('{dateText}', 'Signature') + p('{/contactLine}')) +
  // 附注 below the date, two characters in, in brackets (GB/T 9704): who at the bureau the point may call.
  loop('contactLine', p('{contactLine}')) +
  p('附：意见来源（原始表格中的位置）', 'Annex') +
  loop('sourceGroups', p('{place}：{rowsText}', 'TableNote'));

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
writeFileSync(here('summary/summary.docx'), docx(summaryBody));
writeFileSync(here('article-digest/article-digest.docx'), docx(digestBody));
writeFileSync(here('feedback/feedback.docx'), docx(feedbackBody));
console.log('built summary/summary.docx, article-digest/article-digest.docx, feedback/feedback.docx');
