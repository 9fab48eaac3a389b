#!/usr/bin/env node
/**
 * Synthetic submissions for benchmarks: N opinions on the Civil Code (民法典) as the draft, spread over
 * points and counties, with planted exact and near duplicates whose truth is written beside the files.
 *
 *   node bench/generate.mjs --count 100000 --format csv --files 20 --out bench/out/100k
 *
 * Deterministic: a seeded generator, so the same arguments give the same files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as XLSX from 'xlsx';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    format: { type: 'string', default: 'csv' },
    files: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/out/corpus' },
    seed: { type: 'string', default: '20261123' },
    'exact-rate': { type: 'string', default: '0.05' },
    'near-rate': { type: 'string', default: '0.03' },
  },
});

const count = Number(values.count);
const fileCount = Number(values.files);
const exactRate = Number(values['exact-rate']);
const nearRate = Number(values['near-rate']);

/** mulberry32: small, fast, seeded. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(values.seed));
const pick = (list) => list[Math.floor(random() * list.length)];

const draftPath = new URL('../fixtures/laws/中华人民共和国民法典.md', import.meta.url);
const articles = readFileSync(draftPath, 'utf8')
  .split('\n')
  .map((line) => /^第([一二三四五六七八九十百千零]+)条\s*(.*)$/.exec(line.trim()))
  .filter((match) => match !== null)
  .map((match, index) => ({ number: index + 1, label: `第${match[1]}条`, clauses: match[2].split(/[，。；：]/).filter((c) => c.length >= 6) }));

const counties = Array.from({ length: 20 }, (_, i) => `第${i + 1}区`);
const points = Array.from({ length: 200 }, (_, i) => ({ name: `联系点${String(i + 1).padStart(3, '0')}`, county: counties[i % counties.length] }));
const openers = ['建议', '我们认为', '经座谈讨论，建议', '居民反映', '有群众提出', '律师代表认为', '企业代表建议', '人大代表提出', '专家学者认为', '村民委员会反映', '网格员收集到的意见是', '部分业主认为'];
const verbs = ['明确', '细化', '增加规定', '删除', '调整', '补充', '完善', '限定', '放宽', '收紧', '统一', '区分'];
const tails = ['以便于基层执行。', '避免实践中产生争议。', '更好保护当事人合法权益。', '与上位法保持一致。', '增强可操作性。', '减轻群众负担。', '便于监督。', '防止权力滥用。', '体现便民原则。', '兼顾效率与公平。', '回应群众关切。', '降低执法成本。'];
const subjects = ['社区', '街道', '物业', '老年人', '未成年人', '网络平台', '农村', '外来务工人员', '小微企业', '消费者', '残疾人', '退役军人', '学校', '医院', '银行', '快递企业', '行业协会', '村集体', '志愿者', '家庭', '个体工商户', '新就业形态劳动者', '居委会', '业主大会'];
const concerns = ['办理时限过长', '材料要求繁琐', '责任主体不清', '处罚幅度偏轻', '处罚幅度偏重', '缺少救济途径', '程序规定不够具体', '与现行做法不一致', '信息公开不充分', '监管手段不足', '缺乏资金保障', '执行标准不统一', '举证责任分配不合理', '告知义务不明确', '期限计算方式不清楚', '适用范围过宽', '适用范围过窄', '缺少过渡安排'];
const places = ['在我们社区', '在乡镇', '在城区', '在工业园区', '在老旧小区', '在山区村', '在城乡接合部', '在商业街区'];

/** A quoted fragment of the article: a few words people cite, not the whole clause. */
function fragment(article) {
  const clause = pick(article.clauses) ?? '相关内容';
  if (clause.length <= 10) return clause;
  const length = 6 + Math.floor(random() * 8);
  const start = Math.floor(random() * (clause.length - length));
  return clause.slice(start, start + length);
}

/** One sentence from one of several shapes people really write. */
function sentence(article) {
  switch (Math.floor(random() * 8)) {
    case 0: return `${pick(opener)}${pick(verbs)}“${fragment(article)}”的表述，`;
    case 1: return `${pick(places)}，${pick(subjects)}普遍反映${pick(concerns)}，`;
    case 2: return `关于“${fragment(article)}”，${pick(subjects)}和${pick(subjects)}的情况差别很大，`;
    case 3: return `建议把期限由${1 + Math.floor(random() * 60)}日改为${1 + Math.floor(random() * 60)}日，`;
    case 4: return `实践中${pick(concerns)}，${pick(subjects)}往往无所适从，`;
    case 5: return `${pick(opener)}对${pick(subjects)}${pick(verbs)}相应的义务，`;
    case 6: return `罚款${1 + Math.floor(random() * 50)}00元至${1 + Math.floor(random() * 50)}000元的标准${random() < 0.5 ? '偏高' : '偏低'}，`;
    default: return `应当${pick(verbs)}${pick(subjects)}的权利，`;
  }
}
const opener = openers;

/** Article choice skewed toward a few busy articles, as real consultations are. */
function pickArticle() {
  const r = random();
  if (r < 0.3) return articles[Math.floor(random() * 20)];
  return pick(articles);
}

function freshOpinion(article, i) {
  const count = 1 + Math.floor(random() * 4);
  const parts = [];
  for (let k = 0; k < count; k += 1) parts.push(sentence(article));
  parts.push(pick(tails));
  if (random() < 0.2) parts.push(`（${pick(subjects)}代表，第${i.toString(36)}号）`);
  return parts.join('');
}

const greetings = ['您好！', '尊敬的立法机关：', '各位领导好，', '感谢征求意见！'];

/** A near duplicate: a greeting, a few characters changed, sometimes a sentence added. */
function edit(text) {
  let out = pick(greetings) + text;
  const chars = [...out];
  for (let k = 0; k < 2; k += 1) {
    const at = 6 + Math.floor(random() * Math.max(1, chars.length - 12));
    chars[at] = pick(['的', '和', '及', '或']);
  }
  out = chars.join('');
  if (random() < 0.5) out += '望采纳。';
  return out;
}

const records = [];
const truth = { exact: [], near: [] };
for (let i = 0; i < count; i += 1) {
  const point = pick(points);
  const r = random();
  let article;
  let opinion;
  let plantedFrom = null;
  let kind = null;
  if (records.length > 10 && r < exactRate) {
    const source = records[Math.floor(random() * records.length)];
    ({ article, opinion } = source);
    plantedFrom = source.index;
    kind = 'exact';
  } else if (records.length > 10 && r < exactRate + nearRate) {
    // Edited copies are of form letters, which run to several sentences; a one-line opinion with a
    // greeting added and two characters changed is a different opinion, not a near duplicate.
    let source = records[Math.floor(random() * records.length)];
    for (let tries = 0; tries < 20 && source.opinion.length < 40; tries += 1) source = records[Math.floor(random() * records.length)];
    article = source.article;
    opinion = edit(source.opinion);
    plantedFrom = source.index;
    kind = 'near';
  } else {
    article = pickArticle();
    opinion = freshOpinion(article, i);
  }
  const cite = random();
  const articleCell = cite < 0.6 ? article.label : cite < 0.7 ? `${article.number}条` : '';
  const record = { index: i, point, article, opinion, articleCell };
  records.push(record);
  if (kind !== null) truth[kind].push([plantedFrom, i]);
}

const header = ['序号', '联系点', '县（市、区）', '提出人', '条款', '意见建议', '联系方式'];
mkdirSync(values.out, { recursive: true });
const perFile = Math.ceil(count / fileCount);
const locate = [];
for (let f = 0; f < fileCount; f += 1) {
  const slice = records.slice(f * perFile, (f + 1) * perFile);
  if (slice.length === 0) break;
  const name = `汇总-${String(f + 1).padStart(2, '0')}.${values.format}`;
  const rows = slice.map((rec, k) => {
    locate[rec.index] = { file: name, row: k + 2 };
    return [String(k + 1), rec.point.name, rec.point.county, `提出人${rec.index % 997}`, rec.articleCell, rec.opinion, `1380000${String(rec.index % 10000).padStart(4, '0')}`];
  });
  const path = join(values.out, name);
  if (values.format === 'csv') {
    const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    writeFileSync(path, [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n');
  } else {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), '意见');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
  }
}

const where = (index) => locate[index];
writeFileSync(
  join(values.out, 'truth.json'),
  JSON.stringify({
    count,
    exact: truth.exact.map(([a, b]) => [where(a), where(b)]),
    near: truth.near.map(([a, b]) => [where(a), where(b)]),
  }),
);
console.log(`wrote ${count} opinions in ${Math.min(fileCount, Math.ceil(count / perFile))} ${values.format} files to ${values.out} (planted ${truth.exact.length} exact, ${truth.near.length} near)`);
