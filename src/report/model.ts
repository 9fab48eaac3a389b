/**
 * Digest → report view model (pure). Every text that leaves here for a report is masked (the view
 * is built from maskDigest's copy); counts are recomputed from the records so each report tells the same story.
 */
import { shownCounty } from '../city-level.js';
import { YijianError } from '../errors.js';
import { articleLabel as keyLabel, baseArticle, compareArticleKeys, isDivision, UNASSIGNED } from '../article-key.js';
import type { Cluster, Digest, DigestRecord } from '../model.js';
import {
  assignmentNote, bracketedNote, bySubmissions, chineseDate, chineseNumber, groupAssignmentNote, percent, periodNote, periodText, sourcePlace,
  titleLines, topicPhrase,
} from '../text/format.js';
import { pushTo } from '../collections.js';
import { recordsPerArticle, representativeText } from '../digest/per-article.js';
import { draftGists } from './gist.js';
import { candidatesCell, candidatesNote, clusterCandidates, GUESS_WORDS, recordCandidates } from './candidates.js';
import { rejectLabel, sourceLabel } from '../provenance.js';
import { maskContact, maskDigest, type MaskedOpinions, maskPersonalData } from '../text/mask.js';
import { toSimplified } from '../text/normalize.js';
import type {
  ArticleCountView, ArticleSectionView, ClusterView, CountyView, DecisionRowView, MemberView, PointView,
  ReportView, SourceView, UnassignedGroupView,
} from './view.js';

/** Options that change what the view shows. */
export interface ViewOptions {
  /** Show contacts unmasked on the decision sheet (the user asked for it). */
  showContact: boolean;
  /** Opinions of the digest's records masked already (report/mask-ahead.ts). */
  maskedOpinions?: MaskedOpinions | undefined;
}

const NO_POINT = '（未注明联系点）';
const NO_COUNTY = '（未注明县区）';
const TOP_CLUSTERS = 10;
const BUSIEST_ARTICLES = 10;
const NON_ARTICLE_KEYS = new Set(['general', 'title', 'unassigned']);
/** What opinions on a whole 编, 章 or 节 are called in the 对照表's heading. */
const DIVISION_WORDS = { part: '整编意见', chapter: '整章意见', section: '整节意见' } as const;


const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The note on an article cluster that some 未归入 opinions read like (Cluster.nearby); '' for none. */
export function clusterNearbyNote(nearby: readonly { score: number }[]): string {
  if (nearby.length === 0) return '';
  const low = Math.min(...nearby.map((n) => n.score)).toFixed(2);
  const high = Math.max(...nearby.map((n) => n.score)).toFixed(2);
  return `另有 ${nearby.length} 条未归入的意见可能同类（相似度 ${low === high ? low : `${low}–${high}`}，${GUESS_WORDS}），见“未归入”部分`;
}


/**
 * How a citation of an earlier round (digest --cited-draft) was read: 原第十二条，现第十三条; a deleted
 * article or one the earlier round never had is said so. '' for records without such citations.
 */
function roundNote(record: DigestRecord, label: (key: string) => string): string {
  return unique(record.articles.flatMap((a) => {
    if (a.originalKey === undefined) return [];
    const was = `原${keyLabel(a.originalKey)}`;
    if (a.originalDeleted === true) return [`${was}（现稿已删除）${a.key === 'unassigned' ? '' : `，按内容归入${label(a.key)}`}`];
    if (a.key === 'unassigned') return [`${was}（上一稿无此条）`];
    return a.key === a.originalKey ? [] : [`${was}，现${label(a.key)}`];
  })).join('；');
}

/** Builds the view model every report template gets. */
export function buildReportView(unmasked: Digest, options: ViewOptions): ReportView {
  // Masked once, here: every name, file, text and keyword below is already safe to print. Contacts and 提出人 are
  // never read from this copy (the decision sheet masks the written contacts below), so they are left as written.
  const digest = maskDigest(unmasked, { contactFields: false, ...(options.maskedOpinions === undefined ? {} : { opinions: options.maskedOpinions }) });
  const draft = digest.draft;
  const records = digest.records;
  const byId = new Map(records.map((r) => [r.id, r]));
  const groups = new Map(digest.duplicateGroups.map((g) => [g.id, g]));
  // One per-record map (byId) and no more: at a million records each costs about a hundred megabytes.
  /** What makes two records the same opinion, for counting distinct ones: the group, else the record. */
  const opinionOf = (r: DigestRecord): string => r.duplicateGroup ?? r.id;
  /** The records that sent the same opinion as canonical record `record`: its group's members, in order. */
  const sameOpinion = (record: DigestRecord): DigestRecord[] => {
    const group = record.duplicateGroup === null ? undefined : groups.get(record.duplicateGroup);
    if (group === undefined) return [record];
    const members = group.members.flatMap((id) => byId.get(id) ?? []);
    return members.length > 0 ? members : [record];
  };
  /** The words cluster members are quoted by: a record's opinion, or its exact copy in simplified characters. */
  const quotedOpinion = (id: string): string => representativeText(id, byId, groups) ?? id;
  // The label of a 章 searches the draft's divisions; a code of 1,260 articles and thousands of clusters make that add up.
  const labels = new Map<string, string>();
  const label = (key: string): string => {
    const known = labels.get(key);
    if (known !== undefined) return known;
    const found = keyLabel(key, draft);
    labels.set(key, found);
    return found;
  };

  // 未归入 opinions named on an article cluster they read like (Cluster.nearby): each on one cluster at most. One a
  // person has since placed (更正条款, 移入类编号: the digest was corrected after clustering) is no longer a guess to show.
  const stillOpen = (id: string, cluster: Cluster): boolean => {
    const record = byId.get(id);
    return record !== undefined && record.cluster !== cluster.id && record.articles.every((a) => a.key === UNASSIGNED);
  };
  const nearbyIn = (cluster: Cluster): { id: string; score: number }[] => (cluster.nearby ?? []).filter((n) => stillOpen(n.id, cluster));
  const nearbyOf = new Map<string, { cluster: Cluster; score: number }>();
  for (const cluster of digest.clusters) for (const n of nearbyIn(cluster)) if (!nearbyOf.has(n.id)) nearbyOf.set(n.id, { cluster, score: n.score });
  const clusterTopic = (cluster: Cluster): string => {
    const own = (cluster as { label?: unknown }).label;
    const representative = quotedOpinion(cluster.representative);
    return toSimplified(typeof own === 'string' && own.trim() !== '' ? maskPersonalData(own.trim()) : topicPhrase(representative));
  };
  const memberNearbyNote = ({ cluster, score }: { cluster: Cluster; score: number }): string =>
    `可能与${label(baseArticle(cluster.article))}“${clusterTopic(cluster)}”的意见同类（相似度 ${score.toFixed(2)}，${GUESS_WORDS}）`;
  const sourceView = (r: DigestRecord): SourceView => ({
    point: r.point ?? NO_POINT,
    county: shownCounty(r.county, r.point, NO_COUNTY),
    file: r.source.file,
    sheet: r.source.sheet,
    row: r.source.row,
    label: `${r.point ?? NO_POINT}：${sourceLabel(r.source)}`,
  });

  const recordOf = (cluster: Cluster, id: string): DigestRecord => {
    const record = byId.get(id);
    if (record === undefined) {
      throw new YijianError('E_BAD_DIGEST', `意见类 ${cluster.id} 引用的意见 ${id} 不在记录中`, {
        hint: 'digest.json 可能被改动或不完整，请重新运行 yijian digest。',
      });
    }
    return record;
  };
  const memberView = (cluster: Cluster, id: string): MemberView => {
    const record = recordOf(cluster, id);
    const sources = sameOpinion(record).map(sourceView);
    const round = roundNote(record, label);
    const note = assignmentNote(record.articles, cluster.article);
    const likely = candidatesNote(recordCandidates(record.articles), label);
    const near = nearbyOf.has(id) ? memberNearbyNote(nearbyOf.get(id)!) : '';
    return {
      recordId: id,
      text: record.opinion,
      suggestion: record.suggestion ?? '',
      reason: record.reason ?? '',
      proposalLines: proposalLines(record),
      submitterType: record.submitterType ?? '',
      submissions: sources.length,
      sources,
      sourcesText: [...(round === '' ? [] : [round]), ...sources.map((s) => s.label)].join('；'),
      // Where people read an opinion: the earlier round's number (when cited on one), then the points that sent it.
      originText: [...(round === '' ? [] : [round]), unique(sources.map((s) => s.point)).join('、')].join('；'),
      roundNote: round,
      assignmentNote: note,
      assignmentMark: bracketedNote(note),
      candidatesCell: candidatesCell(recordCandidates(record.articles), label),
      candidatesNote: likely,
      candidatesMark: bracketedNote(likely),
      otherCandidatesMark: otherCandidatesMark(recordCandidates(record.articles), label),
      nearbyNote: near,
      nearbyMark: bracketedNote(near),
      guessMark: guessMark(likely, near),
    };
  };
  /** How each distinct opinion of a cluster got the cluster's article, for the cluster's note. */
  const clusterAssignments = (cluster: Cluster): { source: string; confidence: number }[] =>
    cluster.opinions.map((id) => {
      const articles = byId.get(id)?.articles ?? [];
      const base = baseArticle(cluster.article);
      const found = articles.find((a) => a.key === cluster.article) ?? articles.find((a) => baseArticle(a.key) === base);
      return { source: found?.source ?? 'none', confidence: found?.confidence ?? 0 };
    });

  /** A cluster's likely articles, from its distinct opinions left 未归入 (none once a person placed them). */
  const suggestedFor = (cluster: Cluster): { candidatesCell: string; candidatesNote: string } => {
    const suggested = cluster.article === UNASSIGNED
      ? clusterCandidates(cluster.opinions.map((id) => recordCandidates(byId.get(id)?.articles ?? [])))
      : [];
    return { candidatesCell: candidatesCell(suggested, label), candidatesNote: candidatesNote(suggested, label) };
  };

  const clusterView = (cluster: Cluster, no: number): ClusterView => {
    // Checked now, so a broken digest fails here (E_BAD_DIGEST), not later inside a template.
    for (const id of cluster.opinions) recordOf(cluster, id);
    const keywords = cluster.keywords;
    // Member views (masked text and sources of every record) are built on first use: the summary
    // reads members of a few clusters only; the article digest and the Excel sheets read them all.
    let members: MemberView[] | undefined;
    const articleLabel = label(baseArticle(cluster.article));
    const representative = quotedOpinion(cluster.representative);
    // H13's clusters may carry a readable label; without one the representative's first clause stands in.
    // The heading is the report's own sentence: in simplified characters, even when the opinion it quotes is not.
    const topic = clusterTopic(cluster);
    const key = baseArticle(cluster.article);
    // 第三章 rather than 第三章 停放与充电 in a heading that goes on with the opinion's own words. The article and the
    // opinion's words are set apart by a colon: a label is often a clause of the writer's own sentence
    // (学校门卫形同虚设，学校应该承担补充责任), which run on after 关于第一千二百零一条 read as one garbled phrase.
    const about = NON_ARTICLE_KEYS.has(key) ? topic : `${isDivision(key) ? keyLabel(key) : articleLabel}：${topic}`;
    const groupNote = groupAssignmentNote(clusterAssignments(cluster));
    return {
      no,
      noText: `（${chineseNumber(no)}）`,
      id: cluster.id,
      articleKey: baseArticle(cluster.article),
      articleLabel,
      // Clusters name their representative by record id; reports show that record's words.
      representative,
      topic,
      heading: `${about}（${cluster.submissions} 次提交，${cluster.points.length} 个联系点）`,
      assignmentNote: groupNote,
      assignmentMark: bracketedNote(groupNote),
      ...suggestedFor(cluster),
      nearbyNote: clusterNearbyNote(nearbyIn(cluster)),
      countText: `意见 ${cluster.opinions.length} 条，报送 ${cluster.submissions} 次`,
      keywords,
      keywordsText: keywords.join('、'),
      opinions: cluster.opinions.length,
      submissions: cluster.submissions,
      points: cluster.points,
      pointsText: cluster.points.join('、'),
      counties: cluster.counties,
      get members(): MemberView[] {
        members ??= cluster.opinions.map((id) => memberView(cluster, id));
        return members;
      },
    };
  };

  // Opinions per article, from the records: an opinion citing two articles counts for both.
  const perKey = recordsPerArticle(records);
  const clustersByKey = new Map<string, Cluster[]>();
  for (const c of digest.clusters) {
    const key = baseArticle(c.article);
    pushTo(clustersByKey, key, c);
  }
  // Asked twice per article (the counts table and the article's section): counted once.
  const distinctPerKey = new Map<string, number>();
  const countFor = (key: string, caption = ''): ArticleCountView => {
    const recs = perKey.get(key) ?? [];
    let distinct = distinctPerKey.get(key);
    if (distinct === undefined) {
      distinct = unique(recs.map(opinionOf)).length;
      distinctPerKey.set(key, distinct);
    }
    return {
      key,
      label: label(key),
      caption,
      submissions: recs.length,
      distinct,
      clusters: (clustersByKey.get(key) ?? []).length,
    };
  };

  const draftKeys = draft?.articles.map((a) => a.key) ?? [];
  const divisionKeys = draft?.divisions.map((d) => d.key) ?? [];
  const known = new Set([...draftKeys, ...divisionKeys, ...NON_ARTICLE_KEYS]);
  const usedKeys = unique([...perKey.keys(), ...clustersByKey.keys()]);
  const strayKeys = usedKeys.filter((k) => !known.has(k)).sort(compareArticleKeys);
  const divisionUsed = divisionKeys.filter((k) => usedKeys.includes(k));

  // The 主旨 column is never empty: the article's caption, else words that tell it from the draft's other articles
  // (report/gist.ts); a short name for the rest.
  const gists = draftGists(draft?.articles ?? []);
  const gist = (a: { key: string; caption: string | null }): string => gists.get(a.key) ?? a.caption ?? '';
  const OTHER_GIST: Readonly<Record<string, string>> = { title: '草案名称', general: '对草案的总体意见', unassigned: '未能确定所涉条款' };
  const articleCounts: ArticleCountView[] = [
    ...(draft?.articles ?? []).map((a) => countFor(a.key, gist(a))),
    // A key the draft does not have (第五十条 in a 45-article draft) must not read like a real article.
    ...strayKeys.map((k) => (draft === null ? countFor(k, '—') : { ...countFor(k, '草案中无此条'), notInDraft: true })),
    ...divisionUsed.map((k) => countFor(k, draft?.divisions.find((d) => d.key === k)?.kind === 'section' ? '对本节的整体意见' : '对本章的整体意见')),
    ...['title', 'general', 'unassigned'].filter((k) => usedKeys.includes(k)).map((k) => countFor(k, OTHER_GIST[k] ?? '')),
  ];
  const busiest = articleCounts
    .map((count, order) => ({ count, order }))
    // One opinion on an article is not a concentration: 第一条（1 条） was listed among 意见较集中的条款.
    .filter(({ count }) => count.submissions > 1 && !NON_ARTICLE_KEYS.has(count.key) && !isDivision(count.key))
    .sort((a, b) => b.count.submissions - a.count.submissions || b.count.distinct - a.count.distinct || a.order - b.order)
    .slice(0, BUSIEST_ARTICLES)
    .map(({ count }) => count);
  // A code of 1,260 articles would fill pages with zeros: the tables list what received opinions.
  const silentArticles = articleCounts.filter((count) => count.submissions === 0 && draftKeys.includes(count.key)).length;
  const anyOnArticles = articleCounts.some((count) => count.submissions > 0 && !NON_ARTICLE_KEYS.has(count.key) && !isDivision(count.key));
  // 草案其余 26 条 after ten listed articles read as the other 26 of 36; they are 26 of the draft's 61.
  const articlesSentence =
    (busiest.length > 0
      ? `意见较集中的条款：${busiest.map((count) => `${count.label}（${count.submissions} 条）`).join('、')}。`
      : anyOnArticles ? '各条款收到的意见均为 1 条。' : '各条款均未收到意见。') +
    (silentArticles > 0 ? `草案中有 ${silentArticles} 条未收到意见，下表从略。` : '');

  // Sections of the per-article digest, in reading order.
  const sectionClusters = (key: string): ClusterView[] =>
    [...(clustersByKey.get(key) ?? [])]
      .sort((a, b) => b.submissions - a.submissions || b.opinions.length - a.opinions.length || (a.id < b.id ? -1 : 1))
      .map((c, i) => clusterView(c, i + 1));
  const section = (key: string, heading: string, extra: Partial<ArticleSectionView> = {}): ArticleSectionView => {
    const clusters = sectionClusters(key);
    const count = countFor(key);
    return {
      key, heading, label: label(key), caption: '', chapterHeading: '', text: '', paragraphs: [], textParagraphs: [], inDraft: false,
      submissions: count.submissions, distinct: count.distinct, clusters, hasClusters: clusters.length > 0, silentText: '', ...extra,
    };
  };
  const firstOfChapter = new Map<string, string>();
  for (const d of draft?.divisions ?? []) {
    const first = d.articles[0];
    if (first !== undefined && d.kind === 'chapter' && !firstOfChapter.has(first)) firstOfChapter.set(first, d.label);
  }
  const sections: ArticleSectionView[] = [
    ...(usedKeys.includes('title') ? [section('title', '草案名称')] : []),
    ...(usedKeys.includes('general') ? [section('general', '总体意见')] : []),
    // 第三章 停放与充电（整章意见）: the heading says which kind of division the opinions are on, not both.
    ...divisionUsed.map((k) => section(k, `${label(k)}（${DIVISION_WORDS[draft?.divisions.find((d) => d.key === k)?.kind ?? 'chapter']}）`, { inDraft: true })),
    ...(draft?.articles ?? []).map((a) =>
      section(a.key, a.caption === null ? label(a.key) : `${label(a.key)}　${a.caption}`, {
        caption: a.caption ?? '', chapterHeading: firstOfChapter.get(a.key) ?? '',
        text: a.text, paragraphs: a.paragraphs, inDraft: true,
        // A line break inside a justified paragraph stretches its last line across the page: one paragraph each.
        textParagraphs: a.paragraphs.flatMap((para) => para.split(/\r?\n/)).filter((line) => line.trim() !== ''),
      })),
    ...strayKeys.map((k) => section(k, draft === null ? label(k) : `${label(k)}（草案中无此条）`)),
    ...(usedKeys.includes('unassigned') ? [section('unassigned', `${label(UNASSIGNED)}的意见`)] : []),
  ];
  markSilentRuns(sections);

  const ordered = sections.flatMap((s) => s.clusters);
  const topClusters = ordered
    .filter((c) => !NON_ARTICLE_KEYS.has(c.articleKey))
    .map((c, order) => ({ c, order }))
    // Chosen by support: submissions, then how many points and counties stand behind it.
    .sort((a, b) =>
      b.c.submissions - a.c.submissions || b.c.points.length - a.c.points.length || b.c.counties.length - a.c.counties.length ||
      b.c.opinions - a.c.opinions || a.order - b.order)
    .slice(0, TOP_CLUSTERS)
    .map(({ c }, i) => ({ ...c, no: i + 1, noText: `（${chineseNumber(i + 1)}）` }));

  // The decision sheet's rows (with every contact of every cluster) are built only if a report asks.
  let decisionRows: DecisionRowView[] | undefined;
  let unassignedGroups: UnassignedGroupView[] | undefined;
  const unassignedClusters = sections.find((s) => s.key === 'unassigned')?.clusters ?? [];
  const buildDecisionRows = (): DecisionRowView[] => {
    const byCluster = new Map<string, number[]>();
    records.forEach((r, index) => pushTo(byCluster, r.cluster, index));
    // Told apart as written (two people's 138****0001 are two contacts), then shown masked — or, with
    // --show-contact, as written: the decision sheet's 联系方式 column is the one place that may.
    const contactsOf = (clusterId: string): string =>
      unique((byCluster.get(clusterId) ?? []).flatMap((i) => {
        const written = unmasked.records[i]?.contact ?? null;
        return written === null ? [] : [written];
      }))
        .map((written) => (options.showContact ? written : maskContact(written)))
        // One a line: 139****1005；139****0006 ran on, and a narrow printed column broke a number in two.
        .join('\n');
    return ordered.map((c) => ({
      id: c.id,
      articleLabel: c.articleLabel,
      topic: c.topic,
      representative: c.representative,
      keywordsText: c.keywordsText,
      opinions: c.opinions,
      submissions: c.submissions,
      countText: `${c.opinions}/${c.submissions}`,
      // One a line, as in every sheet cell listing points: joined by 、 in a narrow column, a line could start with 、.
      pointsText: pointsCell(c.points),
      contactsText: contactsOf(c.id),
      assignmentNote: c.assignmentNote,
      candidatesCell: c.candidatesCell,
    }));
  };

  const total = records.length;
  const points = pointViews(records, opinionOf, total);
  const t = digest.totals;
  // Records split out of one cell share their row; 说明行 are rows that are neither opinions nor problems.
  const sum = t.records - (t.splitParts ?? 0) + t.rejects + t.blanks + (t.notes ?? 0);
  const balanced = sum === t.rows;
  const title = draft?.title ?? '';
  const quoted = title === '' ? '' : `《${title}》`;
  return {
    title,
    summaryTitle: `${quoted}意见汇总报告`,
    summaryTitleLines: titleLines('', title, '意见汇总报告'),
    digestTitle: `${quoted}条文—意见对照表`,
    digestTitleLines: titleLines('', title, '条文—意见对照表'),
    decisionTitle: `${quoted}意见采纳情况登记表`,
    draftFile: draft?.file ?? '',
    hasDraft: draft !== null,
    date: digest.date,
    dateText: digest.date === null ? '' : chineseDate(digest.date),
    // With what the range took on trust or left out said after it: （其中 2 条的日期未写年份，按 2024 年计）.
    periodText: `${periodText(digest.records.map((record) => record.date))}${periodNote(digest.records.map((record) => record.date))}`,
    totals: t,
    balanced,
    reconciliation:
      `共读取 ${t.files} 个文件${t.failedFiles > 0 ? `（其中 ${t.failedFiles} 个无法读取）` : ''}` +
      `中的 ${digest.files.length} 个工作表，数据 ${t.rows} 行：有效意见 ${t.records} 条，问题行 ${t.rejects} 行，` +
      `空行 ${t.blanks} 行${(t.notes ?? 0) > 0 ? `，说明行（合计、签名、填表说明${(t.noOpinions ?? 0) > 0 ? '、答“无意见”' : ''}）${t.notes ?? 0} 行` : ''}` +
      `${(t.splitParts ?? 0) > 0 ? `（有效意见中 ${t.splitParts ?? 0} 条由一行多条意见拆出（一格多条，或按条设问的几格），与所在行同行）` : ''}，合计 ${sum} 行，` +
      (balanced ? '与读取行数一致。' : `与读取行数（${t.rows} 行）不一致，请核查。`),
    overviewSentence:
      // No county named anywhere (a single point's file): 1 个联系点共报送…, not 0 个县（市、区）的 1 个联系点.
      `${t.counties > 0 ? `${t.counties} 个县（市、区）的 ` : ''}${t.points} 个联系点共报送意见 ${t.records} 条` +
      (t.duplicates > 0 ? `，其中内容相同或高度相似的重复报送 ${t.duplicates} 条，去重后为 ${t.distinctOpinions} 条不同意见` : '') +
      `，按所涉条款和内容归纳为 ${t.clusters} 类` +
      ((t.noOpinions ?? 0) > 0 ? `；另有 ${t.noOpinions ?? 0} 条答复为“无意见”，未计入。` : '。'),
    duplicatesSentence:
      `有效意见中，内容相同的 ${t.exactGroups} 组、高度相似的 ${t.nearGroups} 组，共 ${t.duplicates} 条为重复报送；` +
      `去重后为 ${t.distinctOpinions} 条不同意见，归纳为 ${t.clusters} 类。`,
    points,
    counties: countyViews(points, records, opinionOf, total),
    articleCounts: articleCounts.filter((count) => count.submissions > 0),
    busiest,
    articlesSentence,
    topClusters,
    general: sections.find((s) => s.key === 'general')?.clusters ?? [],
    unassigned: unassignedClusters,
    unassignedIntro: unassignedClusters.length === 0 ? '' : UNASSIGNED_INTRO,
    get unassignedGroups(): UnassignedGroupView[] {
      unassignedGroups ??= groupUnassigned(unassignedClusters, byId, label);
      return unassignedGroups;
    },
    sections,
    get decisionRows(): DecisionRowView[] {
      decisionRows ??= buildDecisionRows();
      return decisionRows;
    },
    rejects: digest.rejects.map((r) => ({
      label: rejectLabel(r),
      message: r.message,
      cellsText: Object.entries(r.cells).map(([k, v]) => `${k}：${v}`).join('；'),
    })),
    failures: digest.failures.map((f) => ({ label: f.file, message: f.message, cellsText: f.code })),
  };
}

/** Contact points in a spreadsheet cell: one a line. */
export function pointsCell(points: readonly string[]): string {
  return points.join('\n');
}

function pointViews(records: readonly DigestRecord[], opinionOf: (r: DigestRecord) => string, total: number): PointView[] {
  const byPoint = new Map<string, DigestRecord[]>();
  for (const r of records) pushTo(byPoint, r.point ?? NO_POINT, r);
  return [...byPoint]
    .map(([name, recs]) => ({
      name,
      county: shownCounty(recs.find((r) => r.county !== null)?.county ?? null, name, NO_COUNTY),
      submissions: recs.length,
      distinct: unique(recs.map(opinionOf)).length,
      share: percent(recs.length, total),
    }))
    .sort(bySubmissions);
}

function countyViews(
  points: readonly PointView[], records: readonly DigestRecord[], opinionOf: (r: DigestRecord) => string, total: number,
): CountyView[] {
  const countyOfPoint = new Map(points.map((p) => [p.name, p.county]));
  const byCounty = new Map<string, DigestRecord[]>();
  for (const r of records) {
    const county = countyOfPoint.get(r.point ?? NO_POINT) ?? NO_COUNTY;
    pushTo(byCounty, county, r);
  }
  return [...byCounty]
    .map(([name, recs]) => ({
      name,
      points: points.filter((p) => p.county === name).length,
      submissions: recs.length,
      distinct: unique(recs.map(opinionOf)).length,
      share: percent(recs.length, total),
    }))
    .sort(bySubmissions);
}

/**
 * Articles without opinions take one line per run of them, not a section each: the first of a run
 * (within one chapter) says 第二条至第六条未收到意见。 (第六条、第七条 for two), the others say nothing.
 */
function markSilentRuns(sections: ArticleSectionView[]): void {
  let start = -1;
  const close = (end: number): void => {
    if (start < 0) return;
    const first = sections[start];
    const last = sections[end];
    if (first !== undefined && last !== undefined) {
      // Two articles are listed (第六条、第七条), as a law cites them; 至 is for a longer run.
      const run = start === end ? first.label : end === start + 1 ? `${first.label}、${last.label}` : `${first.label}至${last.label}`;
      first.silentText = `${run}未收到意见。`;
    }
    start = -1;
  };
  sections.forEach((section, i) => {
    const silent = section.inDraft && !section.hasClusters && !isDivision(section.key);
    if (!silent || section.chapterHeading !== '') close(i - 1);
    if (silent && start < 0) start = i;
  });
  close(sections.length - 1);
}

/** The 主旨 of one article on its own (report/gist.ts); the summary works them out for the whole draft (draftGists). */
export { articleGist } from './gist.js';

/** 建议修改为：… and 理由：… of a record, a line each, leaving out what is empty or the opinion itself. */
export function proposalLines(record: Pick<DigestRecord, 'opinion' | 'suggestion' | 'reason'>): string[] {
  const own = (text: string | null): string => {
    const trimmed = (text ?? '').trim();
    return trimmed === '' || trimmed === record.opinion.trim() ? '' : trimmed;
  };
  const suggestion = own(record.suggestion);
  const reason = own(record.reason);
  return [...(suggestion === '' ? [] : [`建议修改为：${suggestion}`]), ...(reason === '' ? [] : [`理由：${reason}`])];
}

/** （也可能涉及：第十三条、第十四条）: the likely articles past the first, which heads the opinion's group; or ''. */
function otherCandidatesMark(candidates: readonly { key: string }[], label: (key: string) => string): string {
  const others = candidates.slice(1).map((c) => label(c.key));
  return others.length === 0 ? '' : `（也可能涉及：${others.join('、')}）`;
}

/** The sentence above the grouped 未归入 opinions: what they are, that the grouping is a guess, where to correct it. */
const UNASSIGNED_INTRO =
  `以下意见未能确定所涉条文（未写明条款、所写条款草案中没有，或按内容难以判断），按最可能涉及的条文分组列出（${GUESS_WORDS}）；可在采纳情况登记表的“更正条款”列改正。`;

/**
 * The likely articles and the cluster an opinion reads like, in one bracket that says once that both are guesses:
 * （可能涉及：第十二条；可能与第八十条“…”的意见同类，相似度 0.12；均按内容推测，待人工确认）. Either alone is its own mark.
 */
export function guessMark(likely: string, near: string): string {
  if (likely === '' || near === '') return bracketedNote(likely === '' ? near : likely);
  const bare = (note: string): string => note.replace(`（${GUESS_WORDS}）`, '').replace(`，${GUESS_WORDS}）`, '）');
  return bracketedNote(`${bare(likely)}；${bare(near)}；均${GUESS_WORDS}`).replace(/，；/gu, '；');
}

/**
 * The 未归入 opinions grouped by the article each most likely concerns (its first 可能涉及), in draft order, the
 * opinions with no likely article last; within a group, in the order of their clusters (alike opinions together).
 */
function groupUnassigned(
  clusters: readonly ClusterView[],
  byId: ReadonlyMap<string, DigestRecord>,
  label: (key: string) => string,
): UnassignedGroupView[] {
  const groups = new Map<string, MemberView[]>();
  for (const cluster of clusters) {
    for (const member of cluster.members) pushTo(groups, recordCandidates(byId.get(member.recordId)?.articles ?? [])[0]?.key ?? '', member);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareArticleKeys(a, b)));
  return keys.map((key) => {
    const members = groups.get(key)!;
    return {
      key,
      heading: key === '' ? `未能推测所涉条款（${members.length} 条）` : `可能涉及${label(key)}（${members.length} 条）`,
      members,
    };
  });
}
