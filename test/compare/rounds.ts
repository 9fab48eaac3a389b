/**
 * Builds a second round of a real law, as drafting offices revise one: articles inserted, deleted, moved,
 * split, merged and reworded, everything renumbered, with the true mapping old key → new keys kept, so an
 * alignment can be checked article by article. Seeded: the same seed gives the same round.
 */
import type { Draft, DraftArticle } from '../../src/model.js';
import { numberToChinese } from '../../src/numerals.js';

/** What the generator did, and to which old articles. */
export interface GeneratedRound {
  /** The new round as a draft file's text (Markdown, as the fixtures are written). */
  text: string;
  /** Old key → new keys ([] for a deleted article). */
  truth: Record<string, string[]>;
  /** Old keys per operation, for the test's messages. */
  operations: { deleted: string[]; moved: string[]; split: string[]; merged: string[][]; reworded: string[]; added: number };
}

/** Provisions of the kind revisions add: new duties, data, credit, digital services. */
const NEW_PROVISIONS: readonly string[] = [
  '有关部门应当依托本市政务服务平台，推行相关事项网上办理，实现申请、受理、审核、决定等环节全程网上办理，方便群众办事。',
  '本市建立健全信用管理制度。有关部门应当将违反本条例规定受到行政处罚的单位和个人的信息依法纳入公共信用信息平台，并实施相应的信用惩戒措施。',
  '行政机关及其工作人员在履行职责过程中知悉的个人信息、商业秘密，应当依法予以保密，不得泄露、出售或者非法向他人提供。',
  '鼓励高等院校、科研机构和社会组织开展相关领域的研究和宣传教育活动，普及科学知识，增强全社会的法治意识和文明素养。',
  '街道办事处、乡镇人民政府应当建立由居民委员会、村民委员会、业主代表、社区民警等参加的联席会议制度，协调解决辖区内的突出问题。',
  '市人民政府应当每年向市人民代表大会常务委员会报告本条例的实施情况，并向社会公开。',
  '任何单位和个人对违反本条例规定的行为，有权向有关部门投诉、举报。有关部门应当公布投诉举报电话、电子邮箱等方式，自接到投诉举报之日起七个工作日内依法处理，并将处理结果告知投诉举报人。',
  '对在相关工作中做出显著成绩的单位和个人，市、区人民政府及其有关部门按照国家和本市有关规定给予表彰和奖励。',
  '本市与长江三角洲区域相关省市建立协作机制，推进信息共享、执法协同和标准互认，共同提升区域治理水平。',
  '新闻媒体应当开展相关法律法规和知识的公益宣传，对违法行为进行舆论监督。',
];

/** Rewordings drafting offices make: duties tightened, deadlines shortened, departments renamed. */
const REWORDINGS: readonly (readonly [RegExp, string])[] = [
  [/应当/, '必须'],
  [/可以/, '有权'],
  [/三十日/, '十五日'],
  [/十五日/, '十日'],
  [/有关部门/, '有关行政管理部门'],
  [/工商行政管理部门/, '市场监督管理部门'],
  [/区、县/, '区'],
  [/并/, '并及时'],
  [/罚款/, '罚款；情节严重的，处五千元以上二万元以下罚款'],
  [/。/, '，并向社会公布。'],
];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One article of the new round before it is numbered: its paragraphs and the old keys it came from. */
interface Planned {
  paragraphs: string[];
  caption: string | null;
  from: string[];
  chapter: string | null;
}

function reword(text: string, next: () => number): string {
  let out = text;
  let done = 0;
  for (let attempt = 0; attempt < 8 && done < 2; attempt++) {
    const [pattern, replacement] = REWORDINGS[Math.floor(next() * REWORDINGS.length)]!;
    if (pattern.test(out)) {
      out = out.replace(pattern, replacement);
      done++;
    }
  }
  return done === 0 ? `${out.replace(/。$/, '')}，具体办法由市人民政府另行制定。` : out;
}

/** Splits an article in two at a paragraph, or else at the sentence nearest its middle; null when it cannot. */
function splitParagraphs(paragraphs: readonly string[]): [string[], string[]] | null {
  if (paragraphs.length >= 2) {
    const at = Math.ceil(paragraphs.length / 2);
    return [paragraphs.slice(0, at), paragraphs.slice(at)];
  }
  const sentences = (paragraphs[0] ?? '').split(/(?<=。)/).filter((s) => s !== '');
  if (sentences.length < 2) return null;
  const at = Math.ceil(sentences.length / 2);
  return [[sentences.slice(0, at).join('')], [sentences.slice(at).join('')]];
}

/** Builds a second round of `draft`; `rates` are shares of the articles each operation touches. */
export function generateRound(
  draft: Draft,
  seed: number,
  rates = { delete: 0.05, insert: 0.05, move: 0.03, split: 0.02, merge: 0.02, reword: 0.2 },
): GeneratedRound {
  const next = random(seed);
  const articles = draft.articles.filter((a) => a.text !== '');
  const count = (rate: number): number => Math.max(1, Math.round(articles.length * rate));
  const chapterLabel = new Map(draft.divisions.map((d) => [d.key, d.label]));
  const planned: Planned[] = articles.map((a: DraftArticle) => ({ paragraphs: [...a.paragraphs], caption: a.caption, from: [a.key], chapter: a.chapter }));
  const operations: GeneratedRound['operations'] = { deleted: [], moved: [], split: [], merged: [], reworded: [], added: 0 };
  // Each old article takes part in at most one structural operation, so the truth stays simple to state.
  const touched = new Set<Planned>();
  const pick = (filter: (i: number) => boolean = () => true): number | null => {
    for (let attempt = 0; attempt < 200; attempt++) {
      // Never the first or last articles: 立法目的 and 施行日期 stay where they are, as in real revisions.
      const i = 1 + Math.floor(next() * (planned.length - 2));
      if (!touched.has(planned[i]!) && filter(i)) return i;
    }
    return null;
  };
  for (let n = count(rates.reword); n > 0; n--) {
    const i = pick();
    if (i === null) break;
    const p = planned[i]!;
    const which = Math.floor(next() * p.paragraphs.length);
    p.paragraphs[which] = reword(p.paragraphs[which]!, next);
    operations.reworded.push(p.from[0]!);
  }
  const reworded = new Set(operations.reworded);
  const structural = (i: number): boolean => !reworded.has(planned[i]!.from[0]!);
  for (let n = count(rates.split); n > 0; n--) {
    const i = pick((j) => structural(j) && splitParagraphs(planned[j]!.paragraphs) !== null && planned[j]!.paragraphs.join('').length > 80);
    if (i === null) break;
    const [first, second] = splitParagraphs(planned[i]!.paragraphs)!;
    const p = planned[i]!;
    const pieces: Planned[] = [{ ...p, paragraphs: first }, { ...p, caption: null, paragraphs: second }];
    planned.splice(i, 1, ...pieces);
    for (const piece of pieces) touched.add(piece);
    operations.split.push(p.from[0]!);
  }
  for (let n = count(rates.merge); n > 0; n--) {
    const i = pick((j) => structural(j) && j + 1 < planned.length - 1 && !touched.has(planned[j + 1]!) && structural(j + 1) && planned[j]!.chapter === planned[j + 1]!.chapter);
    if (i === null) break;
    const a = planned[i]!;
    const b = planned[i + 1]!;
    const merged: Planned = { ...a, paragraphs: [...a.paragraphs, ...b.paragraphs], from: [...a.from, ...b.from] };
    planned.splice(i, 2, merged);
    touched.add(merged);
    operations.merged.push([...a.from, ...b.from]);
  }
  for (let n = count(rates.delete); n > 0; n--) {
    const i = pick(structural);
    if (i === null) break;
    operations.deleted.push(planned[i]!.from[0]!);
    planned.splice(i, 1);
  }
  for (let n = count(rates.move); n > 0; n--) {
    const i = pick(structural);
    if (i === null) break;
    const [moving] = planned.splice(i, 1);
    // Far away: at least a fifth of the draft from where it was.
    const distance = Math.max(3, Math.round(planned.length * (0.2 + next() * 0.3)));
    const to = Math.min(planned.length - 1, Math.max(1, i + (i > planned.length / 2 ? -distance : distance)));
    // It takes the chapter of its new place, as a moved article does.
    const moved: Planned = { ...moving!, chapter: planned[to - 1]?.chapter ?? moving!.chapter };
    planned.splice(to, 0, moved);
    touched.add(moved);
    operations.moved.push(moving!.from[0]!);
  }
  const used = new Set<number>();
  for (let n = Math.min(count(rates.insert), NEW_PROVISIONS.length); n > 0; n--) {
    let which = Math.floor(next() * NEW_PROVISIONS.length);
    while (used.has(which)) which = (which + 1) % NEW_PROVISIONS.length;
    used.add(which);
    const at = 1 + Math.floor(next() * (planned.length - 1));
    planned.splice(at, 0, { paragraphs: [NEW_PROVISIONS[which]!], caption: null, from: [], chapter: planned[at - 1]!.chapter });
    operations.added++;
  }

  const truth: Record<string, string[]> = {};
  for (const article of articles) truth[article.key] = [];
  const lines = [`# ${draft.title}（修改稿）`, ''];
  let chapter: string | null = null;
  planned.forEach((p, index) => {
    if (p.chapter !== chapter && p.chapter !== null) {
      chapter = p.chapter;
      lines.push(`## ${chapterLabel.get(p.chapter) ?? ''}`, '');
    }
    const key = String(index + 1);
    const head = `第${numberToChinese(index + 1)}条`;
    const [first = '', ...rest] = p.paragraphs;
    lines.push(`${head}${p.caption === null ? ' ' : `（${p.caption}）`}${first}`, '');
    for (const paragraph of rest) lines.push(paragraph, '');
    for (const old of p.from) truth[old] = [...(truth[old] ?? []), key];
  });
  return { text: lines.join('\n'), truth, operations };
}
