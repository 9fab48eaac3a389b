/**
 * The shared vocabulary of yijian: every stage of the pipeline takes and returns these.
 * Each type has a zod schema, used where data crosses the edge (files in, files out).
 */
import { z } from 'zod';
import { ArticleKeySchema as BrandedKeySchema } from './article-key.js';
import { CODES, type Code, ERROR_CODES, REJECT_REASONS } from './codes.js';

/** The canonical fields of a submission row, in the order of DESIGN.md. */
export const FIELDS = [
  'seq',
  'point',
  'county',
  'submitter',
  'submitterType',
  'article',
  'opinion',
  'suggestion',
  'reason',
  'contact',
  'date',
] as const;
export type Field = (typeof FIELDS)[number];

/** The canonical Chinese header of each field, used in merged workbooks. */
export const FIELD_HEADERS: Readonly<Record<Field, string>> = {
  seq: '序号',
  point: '联系点',
  county: '县（市、区）',
  submitter: '提出人',
  submitterType: '身份',
  article: '条款',
  opinion: '意见建议',
  suggestion: '修改建议',
  reason: '理由',
  contact: '联系方式',
  date: '日期',
};

/** The sheets of the workbook `yijian merge` writes: the opinions, the rows that were not, the per-sheet counts. */
export const MERGED_SHEETS = { records: '意见汇总', rejects: '问题行', counts: '核对' } as const;

/** The merged workbook's column of each point's own 序号 (its 序号 column runs 1…N over the merged rows). */
export const MERGED_OWN_SEQ_HEADER = '原表序号';

/**
 * The provenance columns of the merged workbook's 意见汇总 (after the fields): written by report/merged.ts and
 * read back by ingest/ when a county's merged workbook is forwarded, so both sides name them from here.
 */
export const MERGED_SOURCE_HEADERS = { file: '来源文件', sheet: '来源工作表', row: '来源行号', part: '格内序号', ownSeq: MERGED_OWN_SEQ_HEADER } as const;

/** The header row of 意见汇总: the canonical fields in DESIGN.md order, then provenance. */
export const MERGED_HEADERS: readonly string[] = [
  ...FIELDS.map((field) => FIELD_HEADERS[field]),
  MERGED_SOURCE_HEADERS.file,
  MERGED_SOURCE_HEADERS.sheet,
  MERGED_SOURCE_HEADERS.row,
  /** Which opinion of its cell a record split out of one cell is (2 for 第 5 行第 2 条); empty for a row not split. */
  MERGED_SOURCE_HEADERS.part,
  MERGED_SOURCE_HEADERS.ownSeq,
];

/** Where a row came from: file name, sheet, and the 1-based row number the spreadsheet shows. */
export const ProvenanceSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().positive(),
  /**
   * When one cell held several numbered opinions (1.… 2.…), which of them this is (1-based): shown as
   * 第 5 行第 2 条. Absent for a row that was not split.
   */
  part: z.number().int().positive().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** How a record's contact point (联系点) name was found. */
export const PointSourceSchema = z.enum(['column', 'option', 'config', 'filename', 'none', 'subtitle', 'title', 'sheet']);
export type PointSource = z.infer<typeof PointSourceSchema>;

/** One opinion (意见) as read from a submission row. Absent fields are null. */
export const OpinionRecordSchema = z.object({
  /** Stable: the same file, sheet and row give the same id on every run. */
  id: z.string(),
  source: ProvenanceSchema,
  seq: z.string().nullable(),
  /** 联系点 */
  point: z.string().nullable(),
  pointSource: PointSourceSchema,
  /** 县（市、区） */
  county: z.string().nullable(),
  submitter: z.string().nullable(),
  submitterType: z.string().nullable(),
  /** The 条款 cell as written. */
  article: z.string().nullable(),
  /** 意见建议: the one required field, never empty. */
  opinion: z.string().min(1),
  suggestion: z.string().nullable(),
  reason: z.string().nullable(),
  /** Personal data: masked in every report unless asked otherwise. */
  contact: z.string().nullable(),
  date: z.string().nullable(),
});
export type OpinionRecord = z.infer<typeof OpinionRecordSchema>;

/** Any code of the one union (codes.ts); its error part; the reject reasons (why a row did not become a record). */
export const CodeSchema = z.enum(CODES as [Code, ...Code[]]);
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export const RejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/** A row that could not become a record, with the reason (never silently dropped). */
export const RejectSchema = z.object({
  source: ProvenanceSchema,
  reason: RejectReasonSchema,
  /** The Chinese message shown to people. */
  message: z.string(),
  /** Column letter (A, B, …) the problem is in, when it is one cell. */
  column: z.string().nullable(),
  /** The row's non-empty cells, header → text, so staff can see what was sent. */
  cells: z.record(z.string(), z.string()),
});
export type Reject = z.infer<typeof RejectSchema>;

/** A column of the sheet mapped (or not) to a canonical field. */
export const ColumnMappingSchema = z.object({
  /** Column letter: A, B, … */
  column: z.string(),
  /** The header text as found (two-row headers joined with "/"). */
  header: z.string(),
  field: z.enum(FIELDS).nullable(),
  /**
   * How it was mapped: synonym match, user --map / config, the header's words (意见建议人 → 提出人),
   * the column's content (a column of 第八十条 … is the article column), or not at all.
   */
  how: z.enum(['synonym', 'forced', 'words', 'content', 'none']),
  /**
   * A column no field took whose header asks about one article (3、您对第十条有何意见？): the citation, given as 条款
   * to every opinion read from it (ingest/article-questions.ts).
   */
  question: z.string().optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** What reading one sheet found: the figures `inspect` shows and `merge` reconciles. */
export const SheetReportSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  /** Detected text encoding for CSV/TSV; null for workbooks. */
  encoding: z.string().nullable(),
  /** 1-based rows that make the header (one or two); empty when none was found. */
  headerRows: z.array(z.number().int().positive()),
  columns: z.array(ColumnMappingSchema),
  /** Data rows below the header: rows = records + rejects + blanks. */
  rows: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  rejects: z.number().int().nonnegative(),
  blanks: z.number().int().nonnegative(),
  /**
   * 说明行: rows that are neither opinions nor problems (合计, 填表人：…, 填表说明 sheets), so that
   * rows = (records − split extra parts) + rejects + blanks + notes.
   */
  notes: z.number().int().nonnegative().optional(),
  /** Each 说明行 with what it was taken for and its text. */
  noteRows: z.array(z.object({ row: z.number().int().positive(), kind: z.enum(['total', 'signature', 'remark', 'instruction', 'header', 'subtitle', 'continuation', 'title', 'speaker', 'media', 'tableHeader', 'letter', 'noOpinion']), text: z.string() })).optional(),
  /** Records beyond one per row, from cells holding several numbered opinions. */
  splitParts: z.number().int().nonnegative().optional(),
  /** Rows split into several records: row → number of parts. */
  splitRows: z.array(z.object({ row: z.number().int().positive(), parts: z.number().int().positive() })).optional(),
  /** Guesses worth a look that are not problems: two columns competing for a field, a column mapped by its content. */
  notices: z.array(z.string()).optional(),
  /** Problems with the sheet as a whole (no opinion column, …), in Chinese. */
  problems: z.array(z.string()),
  /**
   * Only for a sheet of several tables one below the other: each table's header rows and column mapping (the
   * sheet's own headerRows and columns are the first table's).
   */
  tables: z.array(z.object({ headerRows: z.array(z.number().int().positive()), columns: z.array(ColumnMappingSchema) })).optional(),
});
export type SheetReport = z.infer<typeof SheetReportSchema>;

/** A file that could not be read at all, reported and skipped. */
export const FileFailureSchema = z.object({
  file: z.string(),
  code: ErrorCodeSchema,
  message: z.string(),
  /** The parser's own (English) words, for maintainers: printed only under --debug. */
  cause: z.string().optional(),
});
export type FileFailure = z.infer<typeof FileFailureSchema>;

/** rows read = records + rejects + blank rows, over all sheets of a run. */
export const ReconciliationSchema = z.object({
  files: z.number().int().nonnegative(),
  failedFiles: z.number().int().nonnegative(),
  sheets: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  rejects: z.number().int().nonnegative(),
  blanks: z.number().int().nonnegative(),
  /** 说明行 (totals, signature lines, instruction sheets): neither opinions nor problems. */
  notes: z.number().int().nonnegative().optional(),
  /** Records beyond one per row (several numbered opinions in one cell). */
  splitParts: z.number().int().nonnegative().optional(),
  balanced: z.boolean(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

/**
 * A canonical article key (条款键): `12`, `12.2`, `12.2.3`, `12-1`, `12-1.2`, `ch3`, `ch3.s2`,
 * `part2` (编), `part2.ch3` (a chapter of a code whose chapters restart per 编), `general` (总体意见),
 * `title` (名称), or `unassigned`. The format, order and labels are defined once, in article-key.ts,
 * and the type is its branded ArticleKey: a key comes from parsing (a cell, a citation, digest.json) or
 * from checkedKey/checkedKeys where code builds one, never from a bare string.
 */
export const ArticleKeySchema = BrandedKeySchema;
export type ArticleKey = z.infer<typeof ArticleKeySchema>;

/** How an article key was found for a record; `corrected`: a person set it in the 采纳情况登记表 (更正条款 / 移入类). */
export const AssignmentSourceSchema = z.enum(['column', 'text', 'similarity', 'general', 'none', 'corrected']);
export type AssignmentSource = z.infer<typeof AssignmentSourceSchema>;

/** One likely article of an opinion the tool could not place, with its similarity (a suggestion, never an assignment). */
export const ArticleCandidateSchema = z.object({
  key: ArticleKeySchema,
  /** Similarity to the opinion, 0..1, four decimals. */
  score: z.number().min(0).max(1),
});
export type ArticleCandidate = z.infer<typeof ArticleCandidateSchema>;

/** One article key of a record, with where it came from and how sure we are. */
export const ArticleAssignmentSchema = z.object({
  key: ArticleKeySchema,
  source: AssignmentSourceSchema,
  /** 1 for explicit citations and corrections; the similarity score for `similarity`. */
  confidence: z.number().min(0).max(1),
  /** The citation as written, when there was one (for `corrected`: the 更正条款 cell as written). */
  cited: z.string().nullable(),
  /** True when the citation names an article the draft does not have. */
  notInDraft: z.boolean(),
  /**
   * Only with `--cited-draft`: the key as cited, in the earlier round the submission was written on
   * (原第十二条); `key` is then where it stands in the current draft (现第十三条). Absent otherwise.
   */
  originalKey: ArticleKeySchema.optional(),
  /** Only with `--cited-draft`: the cited article was deleted in the current round; `key` is then a guess by similarity, or `unassigned`. */
  originalDeleted: z.boolean().optional(),
  /**
   * Only on `unassigned` left so by similarity (not cited, not general by wording): the articles the
   * opinion is most like, best first, at most three and each within a fair share of the best score
   * (assign/candidates.ts). A guess for a person to check in the 登记表, never taken as the article.
   */
  candidates: z.array(ArticleCandidateSchema).max(3).optional(),
  /**
   * Only on `similarity`: the article that came second, when it scored close to the chosen one (at least
   * three fifths of its score). Reports name it beside the guess (次选第十三条), where a wrong guess is most
   * often the neighbouring article; never taken as the article.
   */
  runnerUp: ArticleCandidateSchema.optional(),
});
export type ArticleAssignment = z.infer<typeof ArticleAssignmentSchema>;

/** 条: one article of the draft. */
export const DraftArticleSchema = z.object({
  /** `12`, or `12-1` for 第十二条之一. */
  key: z.string(),
  /** As written: 第十二条, 第十二条之一. */
  label: z.string(),
  /** The bracketed caption after the number (〖目的依据〗), without brackets, if any. */
  caption: z.string().nullable(),
  /** `ch3`, or null when the draft has no chapters. */
  chapter: z.string().nullable(),
  /** `ch3.s2`, or null. */
  section: z.string().nullable(),
  /** 款: the article's paragraphs; items (项) stay inside their paragraph's text. */
  paragraphs: z.array(z.string()),
  /** The whole text after the number (and caption), paragraphs joined by newlines. */
  text: z.string(),
});
export type DraftArticle = z.infer<typeof DraftArticleSchema>;

/** 编 / 章 / 节 headings. */
export const DraftDivisionSchema = z.object({
  /** `part1`, `ch3`, `ch3.s2` */
  key: z.string(),
  kind: z.enum(['part', 'chapter', 'section']),
  /** As written, spaces folded: 第三章 法律责任 */
  label: z.string(),
  title: z.string(),
  /** Article keys it contains, in order. */
  articles: z.array(z.string()),
});
export type DraftDivision = z.infer<typeof DraftDivisionSchema>;

/** 草案: a draft read into its structure. */
export const DraftSchema = z.object({
  title: z.string(),
  file: z.string(),
  divisions: z.array(DraftDivisionSchema),
  articles: z.array(DraftArticleSchema),
});
export type Draft = z.infer<typeof DraftSchema>;

/** A set of records that say the same thing; the canonical one stands for all. */
export const DuplicateGroupSchema = z.object({
  id: z.string(),
  /** exact: equal normalised text; near: similar above the --near threshold. */
  kind: z.enum(['exact', 'near']),
  canonical: z.string(),
  /** All member record ids, canonical first, then in source order. */
  members: z.array(z.string()),
  submissions: z.number().int().positive(),
  points: z.array(z.string()),
  counties: z.array(z.string()),
  /** Lowest verified similarity of a member to the canonical record (1 for exact). */
  minSimilarity: z.number().min(0).max(1),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroupSchema>;

/** Opinions on one article that say much the same thing. */
export const ClusterSchema = z.object({
  /** Stable: the same inputs give the same id, whatever the file order. */
  id: z.string(),
  article: ArticleKeySchema,
  /** The most central distinct opinion. */
  representative: z.string(),
  /**
   * A short phrase people can read: a clause of the most central opinion, cut only between words
   * (or its first keywords). Optional only so that digests written before it still parse.
   */
  label: z.string().optional(),
  keywords: z.array(z.string()).max(5),
  /** Distinct opinions (canonical record ids), representative first. */
  opinions: z.array(z.string()),
  /** Submissions behind them, duplicates included. */
  submissions: z.number().int().positive(),
  points: z.array(z.string()),
  counties: z.array(z.string()),
  /**
   * Only on clusters some 未归入 opinions read like (可能同类的未归入意见): those opinions (canonical record ids) with
   * their average cosine to this cluster's members, best first. A guess for a person to check: each stays
   * 未归入 and in its own cluster (cluster/nearby.ts). Absent when there are none.
   */
  nearby: z.array(z.object({ id: z.string(), score: z.number().min(0).max(1) })).optional(),
});
export type Cluster = z.infer<typeof ClusterSchema>;

/** What a near duplicate adds to and leaves out of its canonical record's text, piece by piece. */
export const TextDifferenceSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  /**
   * The same pieces as changes in text order, each what the canonical text has (`from`) and what the copy has in
   * its place (`to`; either may be empty), cut at whole words: “群众”改为“老百姓”. Absent in digests written before.
   */
  changes: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
});
export type TextDifference = z.infer<typeof TextDifferenceSchema>;

/** A record as the digest keeps it: the record plus what the pipeline found. */
export const DigestRecordSchema = OpinionRecordSchema.extend({
  articles: z.array(ArticleAssignmentSchema).min(1),
  duplicateGroup: z.string().nullable(),
  canonical: z.boolean(),
  cluster: z.string(),
  /** Only on the non-canonical members of a near group: how the text differs from the canonical one. */
  difference: TextDifferenceSchema.optional(),
});
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

export const DigestTotalsSchema = z.object({
  files: z.number().int().nonnegative(),
  failedFiles: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  rejects: z.number().int().nonnegative(),
  blanks: z.number().int().nonnegative(),
  /** 说明行 (合计, 签名, 填表说明) and records split out of one cell; absent when there are none. */
  notes: z.number().int().nonnegative().optional(),
  /** Of the 说明行, those whose opinion cell said there is none (无, 暂无意见); absent when there are none. */
  noOpinions: z.number().int().nonnegative().optional(),
  splitParts: z.number().int().nonnegative().optional(),
  exactGroups: z.number().int().nonnegative(),
  nearGroups: z.number().int().nonnegative(),
  /** Records that repeat another (members of a group other than its canonical record). */
  duplicates: z.number().int().nonnegative(),
  distinctOpinions: z.number().int().nonnegative(),
  clusters: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  counties: z.number().int().nonnegative(),
});
export type DigestTotals = z.infer<typeof DigestTotalsSchema>;

export const DIGEST_SCHEMA_VERSION = 1;

/** The whole model of a batch summary: what digest.json holds and every report renders. */
export const DigestSchema = z.object({
  schemaVersion: z.literal(DIGEST_SCHEMA_VERSION),
  /** Only when --date was given: outputs carry no timestamps otherwise. */
  date: z.string().nullable(),
  draft: DraftSchema.nullable(),
  /** Only with `--cited-draft`: the earlier round the submissions cite, mapped to `draft` by `compare`'s alignment. */
  citedDraft: z.object({ title: z.string(), file: z.string() }).nullable().optional(),
  totals: DigestTotalsSchema,
  settings: z.object({ near: z.number(), assignThreshold: z.number() }),
  files: z.array(SheetReportSchema),
  failures: z.array(FileFailureSchema),
  records: z.array(DigestRecordSchema),
  duplicateGroups: z.array(DuplicateGroupSchema),
  clusters: z.array(ClusterSchema),
  rejects: z.array(RejectSchema),
});
export type Digest = z.infer<typeof DigestSchema>;
