/**
 * A realistic hand-built Digest for report tests: a draft of 8 articles on electric bicycles in
 * 2 chapters, 6 contact points in 2 counties, 25 records (an exact duplicate group across 2 points,
 * a near group), 10 clusters on 5 articles plus general and unassigned, 2 rejects, and personal
 * data (contacts; a phone number and an e-mail inside opinion texts).
 */
import { DigestSchema, type Cluster, type Digest, type DigestRecord, type DuplicateGroup } from '../../src/model.js';
import { checkedKey } from '../../src/article-key.js';

const DRAFT_ARTICLES: [key: string, label: string, caption: string, chapter: string, text: string][] = [
  ['1', '第一条', '目的依据', 'ch1', '为了加强电动自行车管理，保障道路交通安全和消防安全，保护人身和财产安全，根据有关法律、行政法规，结合本市实际，制定本条例。'],
  ['2', '第二条', '适用范围', 'ch1', '本市行政区域内电动自行车的销售、登记、通行、停放、充电及其相关管理活动，适用本条例。'],
  ['3', '第三条', '部门职责', 'ch1', '公安机关负责电动自行车登记和道路交通安全管理。\n消防救援机构负责电动自行车火灾预防的监督管理。\n市场监督管理部门负责电动自行车产品质量和销售的监督管理。'],
  ['4', '第四条', '登记上牌', 'ch2', '电动自行车应当经公安机关交通管理部门登记，取得号牌后方可上道路行驶。\n登记办理应当便民高效，具体办法由市公安机关制定。'],
  ['5', '第五条', '佩戴头盔', 'ch2', '驾驶电动自行车应当佩戴安全头盔；搭载人员也应当佩戴安全头盔。'],
  ['6', '第六条', '禁止室内停放充电', 'ch2', '禁止在建筑物的疏散通道、安全出口、楼梯间停放电动自行车或者为其充电。\n禁止携带电动自行车或者其蓄电池进入电梯轿厢。'],
  ['7', '第七条', '充电设施', 'ch2', '新建住宅小区应当按照规定配建电动自行车集中停放场所和充电设施。\n既有住宅小区应当因地制宜设置集中停放场所和充电设施。'],
  ['8', '第八条', '法律责任', 'ch2', '违反本条例第六条规定的，由消防救援机构责令改正，对个人处二百元以上五百元以下罚款；对单位处一千元以上一万元以下罚款。'],
];

interface PointInfo {
  name: string;
  county: string;
  file: string;
  sheet: string;
}
const POINTS: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', PointInfo> = {
  A: { name: '城东区东风街道基层立法联系点', county: '城东区', file: '东风街道意见汇总.xlsx', sheet: '意见表' },
  B: { name: '城东区明珠社区联系点', county: '城东区', file: '明珠社区.csv', sheet: '明珠社区' },
  C: { name: '城东区律师协会联系点', county: '城东区', file: '律师协会意见.xlsx', sheet: 'Sheet1' },
  D: { name: '河西县城关镇联系点', county: '河西县', file: '城关镇.xlsx', sheet: '意见' },
  E: { name: '河西县柳湾村民委员会联系点', county: '河西县', file: '柳湾村.xlsx', sheet: 'Sheet1' },
  F: { name: '河西县电动自行车行业协会联系点', county: '河西县', file: '行业协会.xlsx', sheet: 'Sheet1' },
};
type PointId = keyof typeof POINTS;

interface Row {
  id: string;
  point: PointId;
  article: string | null;
  /** key:source[:confidence] per assignment */
  keys: string[];
  opinion: string;
  cluster: string;
  submitter?: string;
  type?: string;
  contact?: string;
  suggestion?: string;
  reason?: string;
  cited?: string;
}

const ROWS: Row[] = [
  { id: 'r01', point: 'A', article: '第四条', keys: ['4:column'], opinion: '建议登记上牌实行免费办理，并在社区设置代办点，方便老年人就近办理。', cluster: 'c4-1', submitter: '王芳', type: '群众', contact: '13912345678' },
  { id: 'r02', point: 'D', article: '第4条', keys: ['4:column'], opinion: '登记上牌应当免费，并允许在街道、乡镇便民服务中心就近办理，减少群众跑腿。', cluster: 'c4-1', submitter: '赵强', type: '人大代表', contact: '0571-87654321' },
  { id: 'r03', point: 'E', article: null, keys: ['4:similarity:0.62'], opinion: '农村地区到县城办理号牌路途远，建议在乡镇设点集中上牌。', cluster: 'c4-1', submitter: '村民刘某', type: '群众' },
  { id: 'r04', point: 'B', article: '第五条', keys: ['5:column'], opinion: '建议明确十二周岁以下儿童乘坐电动自行车必须佩戴儿童专用头盔。', cluster: 'c5-1', submitter: '陈丽', type: '群众', contact: 'chenli@example.com' },
  { id: 'r05', point: 'E', article: '5条', keys: ['5:column'], opinion: '搭载未成年人时应当为其佩戴安全头盔，并使用安全座椅。', cluster: 'c5-1', type: '群众' },
  { id: 'r06', point: 'F', article: '第五条', keys: ['5:column'], opinion: '头盔应当符合国家标准，建议销售电动自行车时同时配售合格头盔。', cluster: 'c5-2', submitter: '某电动车销售公司', type: '企业', suggestion: '增加一款：“销售者应当向购买者提示佩戴安全头盔。”' },
  { id: 'r07', point: 'A', article: '第六条', keys: ['6:column'], opinion: '建议明确禁止电动自行车进入电梯，物业服务企业可以安装电梯阻车装置。', cluster: 'c6-1', submitter: '李明', type: '群众', contact: '138-1234-5678' },
  { id: 'r08', point: 'D', article: '第六条', keys: ['6:column'], opinion: '建议明确禁止电动自行车进入电梯，物业服务企业可以安装电梯阻车装置。', cluster: 'c6-1', type: '群众' },
  { id: 'r09', point: 'A', article: '第6条', keys: ['6:column'], opinion: '建议明确禁止电动自行车进入电梯,物业服务企业可以安装电梯阻车装置。', cluster: 'c6-1', submitter: '李明', type: '群众' },
  { id: 'r10', point: 'C', article: '第六条、第八条', keys: ['6:column', '8:column'], opinion: '建议对既有住宅小区设置一年过渡期，过渡期内先行配建集中停放场所，再严格执行禁止室内停放的规定和处罚。', cluster: 'c6-2', submitter: '周律师', type: '律师', reason: '部分老旧小区暂无集中停放条件，立即禁止难以执行。' },
  { id: 'r11', point: 'F', article: '第六条', keys: ['6:column'], opinion: '老旧小区没有集中停放场所的，应当给予过渡期，不宜一律禁止在楼道停放。', cluster: 'c6-2', type: '企业' },
  { id: 'r12', point: 'B', article: '第七条', keys: ['7:column'], opinion: '老旧小区加装充电桩的费用应当由谁承担，建议政府给予补贴。', cluster: 'c7-1', submitter: '孙伟', type: '群众', contact: '13712345678' },
  { id: 'r13', point: 'E', article: '第七条', keys: ['7:column'], opinion: '老旧小区加装充电桩的费用应当由谁承担？建议政府给予适当补贴。', cluster: 'c7-1', type: '群众' },
  { id: 'r14', point: 'D', article: '第七条第二款', keys: ['7.2:column'], opinion: '既有住宅小区充电设施建设费用，建议由政府、物业服务企业、业主三方分担。', cluster: 'c7-1', type: '政协委员' },
  { id: 'r15', point: 'A', article: '第七条', keys: ['7:column'], opinion: '充电设施应当具备充满自动断电功能，防止过充引发火灾。', cluster: 'c7-2', type: '群众' },
  { id: 'r16', point: 'F', article: '七条', keys: ['7:column'], opinion: '集中充电场所应当配备烟感报警和自动断电装置，并纳入消防检查。', cluster: 'c7-2', type: '企业' },
  { id: 'r17', point: 'C', article: '第八条', keys: ['8:column'], opinion: '对个人处二百元以上五百元以下罚款偏低，难以起到震慑作用，建议提高至一千元。', cluster: 'c8-1', submitter: '吴律师', type: '律师', contact: 'wu.lawyer@example.com' },
  { id: 'r18', point: 'A', article: '第八条', keys: ['8:column'], opinion: '罚款前应当先行教育劝导，首次违法且及时改正的，可以不予处罚。', cluster: 'c8-1', type: '群众' },
  { id: 'r19', point: 'B', article: '总体意见', keys: ['general:general'], opinion: '条例整体可操作性强，回应了群众关切，建议尽快出台。', cluster: 'cgeneral-1', type: '群众' },
  { id: 'r20', point: 'C', article: '通篇', keys: ['general:general'], opinion: '建议增加超标电动自行车淘汰和以旧换新的过渡规定。', cluster: 'cgeneral-1', type: '律师' },
  { id: 'r21', point: 'D', article: '整体', keys: ['general:general'], opinion: '建议在条例中明确外卖、快递企业对其骑手的管理责任。联系人张先生，电话13812345678。', cluster: 'cgeneral-1', submitter: '张先生', type: '群众' },
  { id: 'r22', point: 'E', article: null, keys: ['unassigned:none'], opinion: '村里路灯太少，晚上骑车不安全。', cluster: 'cunassigned-1', type: '群众' },
  { id: 'r23', point: 'F', article: '第二十条', keys: ['unassigned:column'], cited: '第二十条', opinion: '草案第二十条关于保险的规定缺失，建议鼓励购买第三者责任险。邮箱liwei@example.com', cluster: 'cunassigned-1', type: '企业' },
  { id: 'r24', point: 'A', article: '第五条', keys: ['5:column'], opinion: '建议规定*头盔质量*抽检制度，对不合格头盔予以下架。<script>alert(1)</script>', cluster: 'c5-2', type: '群众' },
  { id: 'r25', point: 'D', article: '第4条', keys: ['4:column'], opinion: "=cmd|' /C calc'!A0 建议简化已上牌车辆的转让登记手续。", cluster: 'c4-1', type: '群众' },
];

/** Exact group: the same text from 2 points (one of them twice); near group: an edited copy. */
const GROUPS: DuplicateGroup[] = [
  { id: 'g-exact-1', kind: 'exact', canonical: 'r07', members: ['r07', 'r08', 'r09'], submissions: 3, points: [POINTS.A.name, POINTS.D.name], counties: ['城东区', '河西县'], minSimilarity: 1 },
  { id: 'g-near-1', kind: 'near', canonical: 'r12', members: ['r12', 'r13'], submissions: 2, points: [POINTS.B.name, POINTS.E.name], counties: ['城东区', '河西县'], minSimilarity: 0.86 },
];

const CLUSTER_KEYWORDS: Record<string, string[]> = {
  'c4-1': ['登记', '上牌', '免费', '就近'],
  'c5-1': ['儿童', '头盔', '搭载'],
  'c5-2': ['头盔', '国家标准', '抽检'],
  'c6-1': ['电梯', '阻车装置', '物业'],
  'c6-2': ['过渡期', '老旧小区', '集中停放'],
  'c7-1': ['充电桩', '费用', '补贴'],
  'c7-2': ['自动断电', '火灾', '烟感'],
  'c8-1': ['罚款', '处罚', '教育'],
  'cgeneral-1': ['出台', '过渡规定', '管理责任'],
  'cunassigned-1': ['路灯', '保险'],
};
/** Representative first; cluster order follows the ids below. */
const CLUSTER_MEMBERS: Record<string, string[]> = {
  'c4-1': ['r02', 'r01', 'r03', 'r25'],
  'c5-1': ['r04', 'r05'],
  'c5-2': ['r24', 'r06'],
  'c6-1': ['r07'],
  'c6-2': ['r10', 'r11'],
  'c7-1': ['r12', 'r14'],
  'c7-2': ['r15', 'r16'],
  'c8-1': ['r17', 'r18'],
  'cgeneral-1': ['r19', 'r20', 'r21'],
  'cunassigned-1': ['r22', 'r23'],
};

function buildRecords(): DigestRecord[] {
  const nextRow = new Map<PointId, number>();
  return ROWS.map((row) => {
    const point = POINTS[row.point];
    const sheetRow = nextRow.get(row.point) ?? 3;
    nextRow.set(row.point, sheetRow + 1);
    const group = GROUPS.find((g) => g.members.includes(row.id));
    return {
      id: row.id,
      source: { file: point.file, sheet: point.sheet, row: sheetRow },
      seq: String(sheetRow - 2),
      point: point.name,
      pointSource: 'column',
      county: point.county,
      submitter: row.submitter ?? null,
      submitterType: row.type ?? null,
      article: row.article,
      opinion: row.opinion,
      suggestion: row.suggestion ?? null,
      reason: row.reason ?? null,
      contact: row.contact ?? null,
      date: '2024-04-20',
      articles: row.keys.map((spec) => {
        const [key = '', source = 'column', confidence] = spec.split(':');
        return {
          key: checkedKey(key),
          source: source as DigestRecord['articles'][number]['source'],
          confidence: confidence === undefined ? 1 : Number(confidence),
          cited: row.cited ?? (source === 'column' || source === 'general' ? row.article : null),
          notInDraft: row.cited !== undefined,
        };
      }),
      duplicateGroup: group?.id ?? null,
      canonical: group === undefined || group.canonical === row.id,
      cluster: row.cluster,
    };
  });
}

function buildClusters(records: DigestRecord[]): Cluster[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return Object.entries(CLUSTER_MEMBERS).map(([id, opinions]) => {
    const members = records.filter((r) => r.cluster === id);
    const unique = <T,>(values: T[]): T[] => [...new Set(values)];
    const first = byId.get(opinions[0] ?? '');
    return {
      id,
      article: checkedKey(id.slice(1).replace(/-\d+$/, '')),
      representative: first?.opinion ?? '',
      keywords: CLUSTER_KEYWORDS[id] ?? [],
      opinions,
      submissions: members.length,
      points: unique(members.map((m) => m.point ?? '')).sort(),
      counties: unique(members.map((m) => m.county ?? '')).sort(),
    };
  });
}

/** Builds the sample digest, validated by DigestSchema. */
export function sampleDigest(overrides: Partial<Pick<Digest, 'date'>> = {}): Digest {
  const records = buildRecords();
  const clusters = buildClusters(records);
  const pointIds = Object.keys(POINTS) as PointId[];
  const rejects: Digest['rejects'] = [
    { source: { file: POINTS.D.file, sheet: POINTS.D.sheet, row: 9 }, reason: 'E_NO_OPINION', message: '意见建议为空', column: 'F', cells: { 序号: '7', 提出人: '李某', 条款: '第五条' } },
    { source: { file: POINTS.F.file, sheet: POINTS.F.sheet, row: 8 }, reason: 'E_CELL_TOO_LARGE', message: '单元格内容超过 32767 个字符', column: 'F', cells: { 序号: '6' } },
  ];
  const files = pointIds.map((pid) => {
    const p = POINTS[pid];
    const recs = records.filter((r) => r.source.file === p.file).length;
    const rej = rejects.filter((r) => r.source.file === p.file).length;
    const blanks = pid === 'D' ? 1 : 0;
    return {
      file: p.file, sheet: p.sheet, encoding: p.file.endsWith('.csv') ? 'GB18030' : null, headerRows: [2], columns: [],
      rows: recs + rej + blanks, records: recs, rejects: rej, blanks, problems: [],
    };
  });
  const duplicates = GROUPS.reduce((n, g) => n + g.members.length - 1, 0);
  const digest: Digest = {
    schemaVersion: 1,
    date: overrides.date === undefined ? '2024-05-01' : overrides.date,
    draft: {
      title: '某市电动自行车管理条例（草案征求意见稿）',
      file: '某市电动自行车管理条例（征求意见稿）.txt',
      divisions: [
        { key: 'ch1', kind: 'chapter', label: '第一章 总则', title: '总则', articles: ['1', '2', '3'] },
        { key: 'ch2', kind: 'chapter', label: '第二章 管理措施', title: '管理措施', articles: ['4', '5', '6', '7', '8'] },
      ],
      articles: DRAFT_ARTICLES.map(([key, label, caption, chapter, text]) => ({
        key, label, caption, chapter, section: null, paragraphs: text.split('\n'), text,
      })),
    },
    totals: {
      files: files.length, failedFiles: 0,
      rows: files.reduce((n, f) => n + f.rows, 0), records: records.length, rejects: rejects.length,
      blanks: files.reduce((n, f) => n + f.blanks, 0),
      exactGroups: 1, nearGroups: 1, duplicates, distinctOpinions: records.length - duplicates,
      clusters: clusters.length, points: pointIds.length, counties: 2,
    },
    settings: { near: 0.8, assignThreshold: 0.5 },
    files,
    failures: [],
    records,
    duplicateGroups: GROUPS,
    clusters,
    rejects,
  };
  return DigestSchema.parse(digest);
}
