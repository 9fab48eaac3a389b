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

const draftPath = new URL('../../shared/data/中华人民共和国民法典.md', import.meta.url);
const articles = readFileSync(draftPath, 'utf8')
  .split('\n')
  .map((line) => /^第([一二三四五六七八九十百千零]+)条\s*(.*)$/.exec(line.trim()))
  .filter((match) => match !== null)
  .map((match, index) => ({ number: index + 1, label: `第${match[1]}条`, clauses: match[2].split(/[，。；：]/).filter((c) => c.length >= 6) }));

const counties = Array.from({ length: 20 }, (_, i) => `第${i + 1}区`);
const points = Array.from({ length: 200 }, (_, i) => ({ name: `联系点${String(i + 1).padStart(3, '0')}`, county: counties[i % counties.length] }));
const openers = ['建议', '我们认为', '经座谈讨论，建议', '居民反映', '建议进一步', '有群众提出', '律师代表认为', '企业代表建议'];
const verbs = ['明确', '细化', '增加规定', '删除', '调整', '补充', '完善', '限定'];
const tails = ['以便于基层执行。', '避免实践中产生争议。', '更好保护当事人合法权益。', '与上位法保持一致。', '增强可操作性。', '减轻群众负担。', '便于监督。', '防止权力滥用。'];
const fillers = ['社区', '街道', '物业', '老年人', '未成年人', '网络平台', '农村', '外来务工人员', '小微企业', '消费者', '残疾人', '退役军人'];
const greetings = ['您好！', '尊敬的立法机关：', '各位领导好，', '感谢征求意见！'];

/** Article choice skewed toward a few busy articles, as real consultations are. */
function pickArticle() {
  const r = random();
  if (r < 0.3) return articles[Math.floor(random() * 20)];
  return pick(articles);
}

function freshOpinion(article, i) {
  const clause = pick(article.clauses) ?? '相关内容';
  const parts = [
    `${pick(openers)}${pick(verbs)}“${clause}”的内容，`,
    `针对${pick(fillers)}和${pick(fillers)}的情况作出区分，`,
    `第${1 + Math.floor(random() * 90)}项标准宜为${10 + Math.floor(random() * 990)}日，`,
    pick(tails),
    `（编号${i.toString(36)}）`,
  ];
  return parts.join('');
}

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
    const source = records[Math.floor(random() * records.length)];
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
