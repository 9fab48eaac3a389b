/**
 * The report view model: what every template (Markdown, HTML, Word, Excel) receives.
 * All text in it is already masked; absent values are '' so templates need no null checks,
 * except `date`, which is null when the run was given no --date.
 */
import type { DigestTotals } from '../model.js';

/** Where one submission came from, in the words staff use. */
export interface SourceView {
  point: string;
  county: string;
  file: string;
  sheet: string;
  row: number;
  /** 东风街道意见汇总.xlsx / 意见表 / 第 3 行 */
  label: string;
}

/** One distinct opinion of a cluster, with every submission that sent it. */
export interface MemberView {
  recordId: string;
  text: string;
  suggestion: string;
  reason: string;
  /**
   * What the sheet gave beside the opinion, for the drafter: 建议修改为：… and 理由：…, a line each (the 修改建议 and 理由
   * columns; the proposed wording is what a drafter sets against the article). [] when neither was given, and a cell
   * already read as the opinion itself is not repeated.
   */
  proposalLines: string[];
  submitterType: string;
  /** How many submissions carry this opinion (duplicates included). */
  submissions: number;
  sources: SourceView[];
  /** The sources joined for one-line output (file, sheet, row: for sheets and checks, not for letters); after the roundNote, when there is one. */
  sourcesText: string;
  /** With digest --cited-draft: 原第十二条，现第十三条 (or 现稿已删除); '' otherwise. */
  roundNote?: string;
  /** The contact points that sent it, joined (after the roundNote): what a reader of a report needs (no file names). */
  originText: string;
  /** How its article was found: 自动归入，请核对（相似度 0.42）, 已人工更正, or '' when it cited the article. */
  assignmentNote: string;
  /** The note in brackets, ready to append to the text: （自动归入，请核对（相似度 0.42）） or ''. */
  assignmentMark: string;
  /** Left 未归入 by similarity: its likely articles for the 登记表, 第十二条(0.18), 第十三条(0.15) a line each; '' otherwise. */
  candidatesCell: string;
  /** The same for readers: 可能涉及：第十二条、第十三条（按内容推测，待人工确认）; '' otherwise. */
  candidatesNote: string;
  /**
   * The note in brackets, to follow the opinion and its points as assignmentMark does:
   * （可能涉及：第十二条、第十三条，按内容推测，待人工确认） or ''.
   */
  candidatesMark: string;
  /** Past the first likely article, the others, in brackets: （也可能涉及：第十三条、第十四条）, or ''. */
  otherCandidatesMark: string;
  /**
   * Left 未归入 and named on an article cluster it reads like (Cluster.nearby): 可能与第八十条“车位优先出租给业主”的意见同类
   * （相似度 0.12，按内容推测，待人工确认）; '' otherwise.
   */
  nearbyNote: string;
  /** The same in brackets, to follow candidatesMark: （可能与第八十条“…”的意见同类，相似度 0.12，按内容推测，待人工确认） or ''. */
  nearbyMark: string;
  /**
   * candidatesMark and nearbyMark in one bracket that says once that they are guesses (the 对照表 prints it):
   * （可能涉及：第十二条；可能与第八十条“…”的意见同类，相似度 0.12；均按内容推测，待人工确认）; either alone as its mark; ''.
   */
  guessMark: string;
}

/** A cluster of opinions on one article, numbered within the list it appears in. */
export interface ClusterView {
  no: number;
  /** （一）, （二） … for official-document lists. */
  noText: string;
  id: string;
  articleKey: string;
  articleLabel: string;
  representative: string;
  keywords: string[];
  keywordsText: string;
  opinions: number;
  submissions: number;
  points: string[];
  pointsText: string;
  counties: string[];
  members: MemberView[];
  /** A short phrase saying what the cluster is about (the cluster's label, else from its representative). */
  topic: string;
  /** 第八十条：车位应该先保障本小区业主（4 次提交，3 个联系点） */
  heading: string;
  /** How the cluster's opinions were assigned to the article ('' when all cited it). */
  assignmentNote: string;
  /** The note in brackets, to follow a sentence: （其中 2 条自动归入，请核对，相似度 0.26–0.78）, or ''. */
  assignmentMark: string;
  /** For a cluster of 未归入 opinions: the articles they likely concern (see MemberView); '' otherwise. */
  candidatesCell: string;
  candidatesNote: string;
  /** On an article cluster some 未归入 opinions read like: 另有 2 条未归入的意见可能同类（相似度 0.08–0.12，按内容推测，待人工确认）; '' otherwise. */
  nearbyNote: string;
  /** 意见 2 条，报送 3 次 */
  countText: string;
}

/**
 * The summary's 未归入 opinions grouped by the article each most likely concerns (its first 可能涉及), in draft
 * order, those with no likely article last: a drafter works through them article by article and corrects a
 * whole group in the 登记表, instead of reading one flat list with the same guess note on every line.
 */
export interface UnassignedGroupView {
  /** The likely article's key, or '' for the opinions with none. */
  key: string;
  /** 可能涉及第一千二百五十四条（4 条） / 未能推测所涉条款（2 条） */
  heading: string;
  members: MemberView[];
}

/** A contact point (联系点) and what it sent. */
export interface PointView {
  name: string;
  county: string;
  submissions: number;
  /** Distinct opinions it sent: its own repeats counted once. */
  distinct: number;
  share: string;
}

/** A county (县（市、区）) and its points. */
export interface CountyView {
  name: string;
  points: number;
  submissions: number;
  distinct: number;
  share: string;
}

/** Opinions on one article of the draft (or general / unassigned). */
export interface ArticleCountView {
  key: string;
  label: string;
  caption: string;
  /** A key the draft does not have (第五十条 in a 45-article draft): the chart says so beside the label. */
  notInDraft?: boolean;
  submissions: number;
  distinct: number;
  clusters: number;
}

/** One section of the per-article digest: the article (or heading) and its clusters. */
export interface ArticleSectionView {
  key: string;
  /** 第四条　登记上牌 / 总体意见 / (unassigned label)的意见 */
  heading: string;
  label: string;
  caption: string;
  /** Chapter this article opens, '' otherwise: lets templates print chapter headings. */
  chapterHeading: string;
  text: string;
  paragraphs: string[];
  /** The article's paragraphs with each item (项) on its own line: what a document prints as paragraphs. */
  textParagraphs: string[];
  inDraft: boolean;
  submissions: number;
  distinct: number;
  clusters: ClusterView[];
  hasClusters: boolean;
  /**
   * For an article without opinions: one line standing for the whole run of such articles it opens
   * (第二条至第六条未收到意见。), '' on the others of the run and on articles with opinions.
   */
  silentText: string;
}

/** One row of the decision sheet (采纳情况登记表): one cluster. */
export interface DecisionRowView {
  id: string;
  articleLabel: string;
  /** 主要意见: the cluster's label (ClusterView.topic), so a decision is recorded against a concern a person can see. */
  topic: string;
  representative: string;
  keywordsText: string;
  opinions: number;
  submissions: number;
  /** 4/5: distinct opinions / submissions */
  countText: string;
  pointsText: string;
  /** Contacts behind the cluster: masked unless showContact. */
  contactsText: string;
  /** How the cluster's opinions were assigned to the article ('' when all cited it). */
  assignmentNote: string;
  /** For a cluster of 未归入 opinions: 第十二条(0.18), then 第十三条(0.15) on the next line, a suggestion beside 更正条款; '' otherwise. */
  candidatesCell: string;
}

/** A row that did not become a record. */
export interface RejectView {
  label: string;
  message: string;
  cellsText: string;
}

/** Everything a report template may use. */
export interface ReportView {
  /** The draft's title, '' without a draft. */
  title: string;
  /** 《…》意见汇总报告, and the titles of the other two reports. */
  summaryTitle: string;
  /** The title as Word prints it, broken between words (\n): text/format.ts titleLines. */
  summaryTitleLines: string;
  digestTitle: string;
  digestTitleLines: string;
  decisionTitle: string;
  draftFile: string;
  hasDraft: boolean;
  date: string | null;
  dateText: string;
  /** When the opinions were collected, from their 日期 cells (2024年5月6日至5月28日), or ''. */
  periodText: string;
  totals: DigestTotals;
  balanced: boolean;
  /** Staff wording: rows read, problem rows, blanks (for checks and stderr, not for the summary's readers). */
  reconciliation: string;
  /** For leadership: N 个县（市、区）的 M 个联系点共报送意见 … 归纳为 K 类。 */
  overviewSentence: string;
  duplicatesSentence: string;
  points: PointView[];
  counties: CountyView[];
  /** Articles (and chapters, general, title, unassigned) that received opinions, in draft order. */
  articleCounts: ArticleCountView[];
  /** The 10 busiest articles, busiest first. */
  busiest: ArticleCountView[];
  /** 意见较集中的条款：… and how many articles received nothing. */
  articlesSentence: string;
  topClusters: ClusterView[];
  general: ClusterView[];
  unassigned: ClusterView[];
  /** Above the groups: what they are and that the grouping is a guess; '' when there is no 未归入 opinion. */
  unassignedIntro: string;
  /** The same opinions grouped by the article they most likely concern (UnassignedGroupView). */
  readonly unassignedGroups: UnassignedGroupView[];
  sections: ArticleSectionView[];
  decisionRows: DecisionRowView[];
  rejects: RejectView[];
  failures: RejectView[];
}
