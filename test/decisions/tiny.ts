/** Small hand-made decision sheets and a tiny digest for the pure tests of decisions/. */
import * as XLSX from 'xlsx';
import { checkedKey } from '../../src/article-key.js';
import { parseDecisionGrids, type DecisionSheet } from '../../src/decisions/sheet.js';
import { sheetsFromBytes } from '../../src/ingest/read-file.js';
import { normalizeIngestOptions } from '../../src/ingest/options.js';
import type { Digest, DigestRecord, Draft } from '../../src/model.js';

export const HEADER = ['编号', '条款', '代表性意见', '意见数/提交数', '联系点', '联系方式', '采纳情况', '理由说明', '编号（核对用）'];

/** Per sheet: merged ranges (A1 notation) and whether it is hidden. */
export interface SheetShape { merges?: string[]; hidden?: boolean }

/** Writes the sheets as an .xlsx and reads it back through the intake's reader, as a file saved by Excel would be read. */
export function parse(sheets: Record<string, unknown[][]>, file: string, shapes: Record<string, SheetShape> = {}): DecisionSheet {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    const merges = shapes[name]?.merges;
    if (merges !== undefined) sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(workbook, sheet, name);
  }
  workbook.Workbook = { Sheets: Object.keys(sheets).map((name) => ({ name, Hidden: shapes[name]?.hidden === true ? 1 : 0 })) };
  const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return parseDecisionGrids(sheetsFromBytes(bytes, '.xlsx', 'x', normalizeIngestOptions({})).grids, file);
}

export const row = (id: string, decision: string, reason = '', check = id): unknown[] => [id, '第一条', '意见', '1/1', '甲', '', decision, reason, check];

/** A tiny digest: r1 and its duplicate r3 in cluster 1-a, r2 in cluster 2-b. */
export function digest(): Digest {
  const record = (id: string, cluster: string, group: string | null, canonical: boolean): DigestRecord => ({
    id, source: { file: 'a.xlsx', sheet: 'S', row: 2 }, seq: null, point: '甲', pointSource: 'column', county: null, submitter: null,
    submitterType: null, article: null, opinion: `意见${id}`, suggestion: null, reason: null, contact: null, date: null,
    articles: [{ key: checkedKey('1'), source: 'column', confidence: 1, cited: null, notInDraft: false }], duplicateGroup: group, canonical, cluster,
  });
  return {
    schemaVersion: 1, date: null, draft: null,
    totals: { files: 1, failedFiles: 0, rows: 3, records: 3, rejects: 0, blanks: 0, exactGroups: 1, nearGroups: 0, duplicates: 1, distinctOpinions: 2, clusters: 2, points: 1, counties: 0 },
    settings: { near: 0.8, assignThreshold: 0.2 }, files: [], failures: [],
    records: [record('r1', '1-a', 'D1', true), record('r2', '2-b', null, true), record('r3', '1-a', 'D1', false)],
    duplicateGroups: [{ id: 'D1', kind: 'exact', canonical: 'r1', members: ['r1', 'r3'], submissions: 2, points: ['甲'], counties: [], minSimilarity: 1 }],
    clusters: [
      { id: '1-a', article: checkedKey('1'), representative: 'r1', keywords: [], opinions: ['r1'], submissions: 2, points: ['甲'], counties: [] },
      { id: '2-b', article: checkedKey('1'), representative: 'r2', keywords: [], opinions: ['r2'], submissions: 1, points: ['甲'], counties: [] },
    ],
    rejects: [],
  };
}


/** A two-article draft: 第一条 has two paragraphs (款), 第二条 one. */
export const DRAFT: Draft = {
  title: '某市测试条例（征求意见稿）',
  file: '草案.txt',
  divisions: [],
  articles: [
    { key: '1', label: '第一条', caption: '目的', chapter: null, section: null, paragraphs: ['为了规范电动自行车管理，制定本条例。', '本条例适用于本市行政区域。'], text: '为了规范电动自行车管理，制定本条例。\n本条例适用于本市行政区域。' },
    { key: '2', label: '第二条', caption: '充电', chapter: null, section: null, paragraphs: ['禁止在楼道、楼梯间为电动自行车充电。'], text: '禁止在楼道、楼梯间为电动自行车充电。' },
  ],
};

/** The tiny digest on DRAFT. */
export function digestOnDraft(): Digest {
  return { ...digest(), draft: DRAFT };
}

/** The 单条意见 header as digest writes it. */
export const OPINION_HEADER = ['意见编号', '类编号', '条款', '意见', '联系点', '采纳情况', '理由说明', '更正条款', '移入类编号'];
/** One 单条意见 row: id, cluster, decision, reason, correction, move. */
export const opinionRow = (id: string, cluster: string, decision = '', reason = '', correction = '', moveTo = ''): unknown[] =>
  [id, cluster, '第一条', `意见${id}`, '甲', decision, reason, correction, moveTo];
