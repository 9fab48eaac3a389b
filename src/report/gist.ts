/**
 * The 主旨 of each article without a caption, for the summary's per-article table: a few whole words that tell the
 * article from the others of the same draft. Worked out for the whole draft at once (draftGists): each article first
 * gets the clause that says what it is about, read on from a clause that only sets the time when that clause has no
 * subject of its own (继承开始后，按照法定继承办理 → 继承开始后按照法定继承办理) and without it otherwise, never a clause
 * that says nothing alone (有下列情形之一的, 违反管理规定, …的除外); it is fitted to GIST_CHARS by saying it shorter
 * (应当 → 应, a list by its first and 等) or cut between words, never inside one the draft writes together (婚姻|登记).
 * Where two articles would read the same (离婚后 ×3), both take their next clause; where one would begin another's
 * (承租人经出租人同意 beside 承租人经出租人同意将租赁物……), the shorter does. A penalty article is named by what it
 * enforces (违反第九条的处罚). Deterministic and cheap: a few clauses per article, one pass over the draft's words
 * (about 0.6 s of CPU for the 1,260 articles of the 民法典).
 */
import { ELLIPSIS } from '../text/format.js';

/** What a gist is worked out from: the draft's article (its caption wins when it has one). */
export interface GistArticle {
  readonly key: string;
  readonly caption: string | null;
  readonly text: string;
}

/** Characters of a gist, before the …… that says it was cut. */
export const GIST_CHARS = 16;

/** A Chinese or Arabic number in an article reference. */
const NUM = '[一二三四五六七八九十百千零〇两\\d]+';
/**
 * 违反本条例第九条规定 … 处 … 罚款: a penalty article, said by the article it enforces, also through the lists drafters
 * write (第二十二条第一、二、三项, 第三十八条第一款和第四十条, 第六十五条第（一）项至第（六）项). Group 1 is who (平台企业),
 * group 2 the whole reference, whose articles (第…条) the gist names.
 */
const PENALTY_OF = new RegExp(`^([^，,。；]{0,12}?)违反本条例(第${NUM}条[第一二三四五六七八九十百千零〇两\\d条款项之、和及与至或者（）()]*?)规定`, 'u');
const PENALTY_ARTICLE = new RegExp(`第${NUM}条(?:之${NUM})?`, 'gu');
const PENALTY_WORDS = /罚款|处罚|处分|追究|责令|没收|警告/u;
/** Words a cut phrase must not end on: it would read as a sentence broken off (改装电动自行车或者为). */
const DANGLING = new Set([
  '或者', '以及', '及其', '并且', '并', '或', '和', '与', '及', '在', '对', '为', '由', '向', '将', '把', '从', '于', '按照', '依照',
  '根据', '依据', '因', '经', '被', '给', '是', '的', '、', '，', ',', '等', '下列', '其', '该', '其他',
  // A modal or an adverb wants its verb (…车库应, …继承人应及时).
  '应', '应当', '可以', '不得', '未', '不', '有权', '如实', '确实', '首先', '及时', '尽量', '一般', '妥善', '亲自', '共同', '分别', '另行', '予以',
]);
/** Words that join what follows to the phrase: a cut phrase ends before the last of them. */
const JOINING = new Set(['或者', '在', '对', '为', '由', '向', '将', '按照', '依照', '根据', '依据']);
/** What is left before a joining word is too little to say anything under this many characters (承租人应当). */
const STUB_CHARS = 10;
/** A clause that stands for its article in place of its first one says at least this many characters (not 发生效力). */
const TELLING_CHARS = 8;
/** One-character endings of a word the segmenter gives apart (承租/人, 建筑/物, 委员/会): a cut never falls before them. */
const WORD_ENDINGS = new Set(['人', '物', '者', '会', '园', '权', '费', '员', '方', '品', '性', '所', '处', '部', '局', '化', '期', '类', '金', '额', '书', '证', '单', '款', '项', '户', '业', '区', '场', '点', '院']);
/**
 * Words, not characters: 为 is a joining word in 由监护人为…, not inside 无民事行为能力人 (whose gist was cut to 无民事行……),
 * nor 在 inside 存在.
 */
const gistWords = new Intl.Segmenter('zh', { granularity: 'word' });

/** A clause that says nothing on its own: a reference (依照法律、行政法规的规定), a list announced, an exception, a default. */
const EMPTY_CLAUSE = /^违反本|^违反[^，]{0,8}规定$|^(?:依照|按照|根据|依据)[^，]{0,12}(?:规定|约定)(?:或者(?:依照|按照|根据|依据)[^，]{0,12}(?:规定|约定))?$|第[一二三四五六七八九十百千零〇两\d]+条.*规定的?$|^(?:本章|本节|本编|本法|本条例)(?:没有|未作|另有)规定的$|^有下列|^除.*外$|除外$|^(?:但是|但|并且|同时|其中|否则)$|^法律(?:、行政法规)?另有规定的$|^依照其规定$|^(?:有约定的|没有约定或者约定不明确的|协议不成的)$/u;
/**
 * A clause that only sets the time or place of what follows (继承开始后, 离婚时, 婚姻关系存续期间, 建筑区划内,
 * 物业服务期限届满前): short, and ending on when or where; or a condition too short to be the subject (导致离婚的).
 */
const FRAME_CLAUSE = /^(?:在|自|于|从)?[^，]{1,9}?(?:之后|以后|之前|以前|后|时|前|期间|期内|内|情况下|届满)$|^[^，]{2,4}的$/u;
/** 继承人有下列行为之一的: who (group 1) the list of cases is about, said with what follows. */
const LISTED_CASES = /^(.{2,12}?)有下列(?:情形|行为|情况)之一的?$/u;
/** What follows is said with who the cases are about when it is this short (继承人丧失继承权), else alone. */
const LISTED_JOIN_CHARS = 6;
/** A clause that opens without its subject (按照法定继承办理, 应当签订书面离婚协议): it reads on from the clause before. */
const NO_SUBJECT = /^(?:按照|依照|根据|依据|由|应当|应|可以|不得|视为|须|必须|并|但|也|均|都|即|予以|经|对|向|将|以|从|归|属于|为|有权|仍|不)/u;
/** A phrase that reads on from another (对业主具有法律约束力, 提供必要的便利); 由监护人承担侵权责任 stands alone. */
const WEAK_START = /^(?:按照|依照|根据|依据|应当|应|可以|视为|须|必须|并|但|也|均|都|即|予以|经|对|向|将|以|从|为|有权|仍|不|以及|及|和|或者)/u;
/** Words a phrase standing alone does not open with (可以对租赁物进行改善 reads 对租赁物进行改善). */
const LEADING_FILLER = /^(?:但是|并且|并|也|同时|即|均|都|仍然|仍|可以|应当|如果|若|以及)(?=..)/u;
/** An article cited by what it follows (依据本法第五百一十条的规定): not a topic; 以本法第三百九十五条…规定的财产 stays. */
const CITATION = new RegExp(`(?:依据|依照|按照|根据|适用)(?:本法|本条例|本编)?第${NUM}条(?:之${NUM}|第[（(]?${NUM}[）)]?[款项]|[至、和或及]第[（(]?${NUM}[）)]?[条款项])*(?:的)?(?:规定)?`, 'gu');

interface Word { text: string; at: number; wordLike: boolean }

/** Words of phrases already segmented: the same clause is fitted more than once (as it is, with its time, without 应). */
const segmented = new Map<string, Word[]>();

function segment(text: string): Word[] {
  const known = segmented.get(text);
  if (known !== undefined) return known;
  if (segmented.size > 20_000) segmented.clear();
  const words: Word[] = [];
  for (const w of gistWords.segment(text)) {
    const last = words.at(-1);
    // 承租 + 人 is one word to a reader: a cut there would leave 承租.
    if (last !== undefined && last.wordLike && WORD_ENDINGS.has(w.segment)) last.text += w.segment;
    else words.push({ text: w.segment, at: w.index, wordLike: w.isWordLike === true });
  }
  segmented.set(text, words);
  return words;
}
const chars = (text: string): number => [...text].length;
const bare = (gist: string): string => gist.endsWith(ELLIPSIS) ? gist.slice(0, -ELLIPSIS.length) : gist;
/** A gist as a reader compares it: 无民事行为能力人等在幼儿园 reads as 无民事行为能力人在幼儿园. */
const compared = (gist: string): string => bare(gist).replace(/等|或者|或|、/gu, '');

/** 违反第九条的处罚, 平台企业违反第三十条的处罚: a penalty article, or null. */
function penaltyGist(text: string): string | null {
  if (!PENALTY_WORDS.test(text)) return null;
  const lines = text.split('\n');
  const sentence = (text.split(/[。；;\n]/)[0] ?? '').trim();
  const penalty = PENALTY_OF.exec(sentence);
  if (penalty !== null) return `${penalty[1] ?? ''}违反${referenced([penalty[2] ?? ''])}的处罚`;
  // 有下列行为之一的，由有关主管部门按照下列规定予以查处：（一）违反本条例第七十八条第二款第（一）项规定的，…
  if (!/有下列行为之一/u.test(sentence)) return null;
  const items = lines.slice(1).map((line) => PENALTY_OF.exec(line.replace(/^\s*[（(][一二三四五六七八九十\d]+[）)]\s*/u, '')));
  if (items.length === 0 || items.some((item) => item === null)) return null;
  return `违反${referenced(items.map((item) => item?.[2] ?? ''))}的处罚`;
}

/** 第七十八条, 第三十八条、第四十条: the articles a penalty enforces, once each. */
function referenced(references: readonly string[]): string {
  return [...new Set(references.flatMap((reference) => reference.match(PENALTY_ARTICLE) ?? []))].join('、');
}

/** Words that make a phrase of what would otherwise be items of a list (限制民事行为能力人在幼儿园). */
const PHRASE_WORDS = new Set(['，', '的', '在', '对', '将', '为', '由', '向', '以', '从', '因', '经', '被', '应', '应当', '可以', '不得']);
const onlyItems = (text: string): boolean => !segment(text).some((w) => PHRASE_WORDS.has(w.text));

/**
 * A list of whoever opens the phrase said by its first and 等 (无民事行为能力人、限制民事行为能力人造成… →
 * 无民事行为能力人等造成…; 建筑物、构筑物或者其他设施倒塌… → 建筑物等设施倒塌…), when the list's end can be told:
 * the first item's ending again (…行为能力人, …委员会) with no further item after it, or 其他 and what follows it.
 * Else the phrase as it is.
 */
function shortenList(phrase: string): string {
  const first = /^([^、，]{2,10}?)(、|或者|或)/u.exec(phrase);
  if (first === null) return phrase;
  const item = first[1] ?? '';
  const rest = phrase.slice(first[0].length);
  // Only items before 其他 (构筑物或者), not a phrase (限制民事行为能力人在幼儿园、学校或者); after 或者 right away
  // (所有权人或者其他权利人, not 出租人未通知承租人或者有其他妨害…).
  const other = /^([^，]{0,16}?)其他/u.exec(rest);
  // 或者其他管理人等利用: the list already ends in 等.
  if (other !== null && (first[2] === '、' ? onlyItems(other[1] ?? '') : other[1] === '')) return `${item}等${rest.slice(other[0].length).replace(/^([^、，的]{1,5}?)等/u, '$1')}`;
  // Two things said with 或者 share more of their ending (无民事行为能力人或者限制民事行为能力人) than two acts do.
  for (const size of first[2] === '、' ? [3, 2] : [5]) {
    const ending = [...item].slice(-size).join('');
    if (chars(ending) < size) continue;
    let end = -1;
    for (let at = rest.indexOf(ending); at >= 0; at = rest.indexOf(ending, at + 1)) {
      // What lies before the ending must be more items (限制民事), not a phrase.
      if (!onlyItems(rest.slice(0, at))) break;
      end = at + ending.length;
    }
    if (end < 0) continue;
    const tail = rest.slice(end);
    if (/^(?:、|或者|或|和|以及|及)/u.test(tail)) continue;
    // 等经营场所 after the list: the list already ends in 等.
    return `${item}等${tail.replace(/^等/u, '')}`;
  }
  return phrase;
}

/** Shorter ways to say the same, tried in turn until the phrase fits: 应当 → 应, 或者 → 或, a list by its first. */
const COMPRESSIONS: readonly ((phrase: string) => string)[] = [
  // Words every article may say, which tell nothing of this one (夫妻一方可以向人民法院请求分割共同财产).
  (p) => p
    .replace(/依照法律规定或者按照约定|(?<!或者|或|和)(?:向人民法院|依照(?:本法|法律)(?:的)?规定)(?!或者|或|和)/gu, '')
    .replace(/(?<!不|或者|或|和)依法(?=应当|应|[^律规院])/gu, '')
    .replace(/按照约定(?=将|向|支付|交付)/gu, ''),
  (p) => p.replace(/应当(?!知道)/gu, '应'),
  (p) => p.replace(/或者/gu, '或'),
  shortenList,
];
/** 知道被继承人死亡的继承人及时通知: the word 应 (not 应对, 应当知道), dropped when nothing else makes the phrase fit. */
function dropShould(p: string): string {
  if (!p.includes('应')) return p;
  const words = segment(p);
  // 应收账款, 应付款: 应 of a noun, not the modal.
  return words.filter((w, i) => !((w.text === '应' || w.text === '应当') && !/^[收付]/u.test(words[i + 1]?.text ?? ''))).map((w) => w.text).join('');
}

/** A phrase as it stands alone: without the article it cites, its opening filler (可以, 并), its trailing comma. */
function clean(phrase: string): string {
  return phrase.replace(CITATION, '').replace(/^[，,：:、\s]+|[，,：:、\s]+$/gu, '').replace(LEADING_FILLER, '').trim();
}

const NONE: ReadonlySet<string> = new Set();
const pairKey = (a: string, b: string): string => `${a}|${b}`;
/** Words that join others, never half of a compound (的, 和, 应): a cut beside them breaks no word. */
const FUNCTION_WORDS = new Set([...DANGLING, ...JOINING, '中', '时', '后', '前', '内', '外', '之', '是', '有', '也', '都', '不', '未', '被']);

/**
 * Pairs of words the draft writes side by side in more than one article (婚姻|登记, 电动|自行车, 限制|民事): to a
 * reader they are one word, which a cut must not break.
 */
function cohesivePairs(texts: readonly string[]): Set<string> {
  const articlesOf = new Map<string, number>();
  const pairs = new Map<string, number>();
  const singles = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    const words = segment(text);
    for (let i = 0; i + 1 < words.length; i += 1) {
      const a = words[i]!;
      const b = words[i + 1]!;
      singles.set(a.text, (singles.get(a.text) ?? 0) + 1);
      // Not a word that joins (给|第三人 is a verb and its object, not a compound).
      if (!a.wordLike || !b.wordLike || FUNCTION_WORDS.has(a.text) || FUNCTION_WORDS.has(b.text)) continue;
      const pair = pairKey(a.text, b.text);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      seen.add(pair);
    }
    for (const pair of seen) articlesOf.set(pair, (articlesOf.get(pair) ?? 0) + 1);
  }
  // In more than one article, and the first word mostly written with the second (电动 nearly always before 自行车).
  return new Set([...articlesOf]
    .filter(([pair, n]) => n >= 2 && (pairs.get(pair) ?? 0) >= 0.6 * (singles.get(pair.split('|')[0]!) ?? 1))
    .map(([pair]) => pair));
}

/** A gist fitted from a phrase: whole when it fits (else shortened, then cut between words with ……). */
interface Fitted { text: string; whole: boolean }

/**
 * The phrase in at most GIST_CHARS characters: as written, else said shorter (COMPRESSIONS), else cut between
 * words, never on a word that leaves it hanging (…或者为, …在电动): then before the last joining word when
 * enough is left to say something, with …… to show the article goes on.
 */
export function fitPhrase(phrase: string, cohesive: ReadonlySet<string> = NONE): Fitted {
  let text = clean(phrase);
  if (chars(text) <= GIST_CHARS) return { text, whole: true };
  for (const shorten of COMPRESSIONS) {
    text = shorten(text);
    if (chars(text) <= GIST_CHARS) return { text, whole: true };
  }
  const plain = dropShould(text);
  if (chars(plain) <= GIST_CHARS) return { text: plain, whole: true };
  const cut = cutPhrase(text, cohesive);
  if (plain === text) return cut;
  // …继承人应及时 is cut back to …继承人; without 应 the same room says 及时通知.
  const cutPlain = cutPhrase(plain, cohesive);
  return chars(cutPlain.text) > chars(cut.text) + 1 ? cutPlain : cut;
}

/** The phrase cut between words to at most GIST_CHARS, with ……. */
function cutPhrase(text: string, cohesive: ReadonlySet<string>): Fitted {
  const words = segment(text);
  let kept: Word[] = [];
  let length = 0;
  for (const word of words) {
    if (length + chars(word.text) > GIST_CHARS) break;
    kept.push(word);
    length += chars(word.text);
  }
  if (kept.length === 0) return { text: `${[...text].slice(0, GIST_CHARS).join('')}${ELLIPSIS}`, whole: false };
  const strip = (cut: Word[]): Word[] => {
    let out = cut;
    while (out.length > 1 && DANGLING.has(out.at(-1)!.text)) out = out.slice(0, -1);
    return out;
  };
  const join = kept.filter((w) => JOINING.has(w.text)).at(-1);
  if (join !== undefined && join.at >= 4) {
    const before = strip(kept.filter((w) => w.at < join.at));
    // 承租人应当…… says nothing: the phrase the joining word opens is kept when a word of it fits (承租人未按照约定的方法……,
    // 限制民事行为能力人在学校……); a compound it would break is dropped below.
    const inside = strip(kept).filter((w) => w.at > join.at && w.wordLike).length;
    kept = chars(before.map((w) => w.text).join('')) < STUB_CHARS && inside >= 1 ? kept : before;
  }
  // 婚姻 before 登记机关, 电动 before 自行车: a pair the draft writes together is one word to its reader.
  const next = (w: Word): Word | undefined => words[words.indexOf(w) + 1];
  for (let drops = 0; kept.length > 1; drops += 1) {
    kept = strip(kept);
    if (drops === 2) break;
    const last = kept.at(-1)!;
    const after = next(last);
    if (after === undefined || !cohesive.has(pairKey(last.text, after.text))) break;
    kept = kept.slice(0, -1);
  }
  return { text: `${kept.map((w) => w.text).join('')}${ELLIPSIS}`, whole: false };
}

/** The clauses of an article, sentence by sentence, without the item numbers of its lists. */
function sentencesOf(text: string): string[][] {
  return text
    .split(/[。；;\n]/u)
    .map((sentence) => sentence.replace(/^\s*[（(][一二三四五六七八九十\d]+[）)]\s*/u, '').trim())
    .filter((sentence) => sentence !== '')
    .map((sentence) => sentence.split(/[，,：:]/u).map((c) => c.trim()).filter((c) => c !== ''));
}

/** A phrase a gist may be made of, in the order the article says it; the first is the article's own gist. */
interface Candidate {
  text: string;
  whole: boolean;
  /**
   * How far it is from the article's own gist: 0 in its first sentence (可以将租赁物转租给第三人 after 承租人经出租人同意),
   * 1 a later sentence, 2 a later clause that reads on from another (提供必要的便利) or a stub (承租人未……).
   */
  distance: number;
}

/**
 * The phrases an article's gist may be, best first: the first clause of its first sentence that says something,
 * read on from a clause that only sets the time (继承开始后，按照法定继承办理 → 继承开始后按照法定继承办理) but
 * without it when the clause has its own subject (继承开始后，遗嘱执行人为遗产管理人 → 遗嘱执行人为遗产管理人);
 * then that clause with its time, then the article's further clauses.
 */
function candidatesOf(text: string, cohesive: ReadonlySet<string> = NONE): Candidate[] {
  const phrases: { text: string; sentence: number }[] = [];
  const sentences = sentencesOf(text);
  const push = (sentence: number, ...texts: string[]): void => {
    for (const t of texts) phrases.push({ text: t, sentence });
  };
  sentences.forEach((clauses, s) => {
    let frame = '';
    // 受赠人有下列情形之一的，赠与人可以撤销赠与: who the cases are about is not who acts (受赠人赠与人…).
    let listedFrame = false;
    clauses.forEach((clause, c) => {
      // 继承人有下列行为之一的，丧失继承权 → 继承人丧失继承权.
      const listed = LISTED_CASES.exec(clause);
      if (listed !== null && c < clauses.length - 1) {
        frame += listed[1] ?? '';
        listedFrame = true;
        return;
      }
      if (EMPTY_CLAUSE.test(clause)) return;
      if (FRAME_CLAUSE.test(clause) && c < clauses.length - 1) {
        frame += clause;
        return;
      }
      const telling = clean(clause);
      if (telling === '') return;
      if (frame !== '') {
        // 离婚时一方生活困难 tells more than 一方生活困难, when it fits.
        const framed = `${frame}${telling}`;
        const reads = listedFrame ? chars(telling) <= LISTED_JOIN_CHARS : fitPhrase(framed, cohesive).whole;
        if (NO_SUBJECT.test(clause) || reads) push(s, framed, telling);
        else push(s, telling, framed);
        frame = '';
        listedFrame = false;
      } else {
        push(s, telling);
      }
    });
    // A sentence made only of what sets the time or says nothing (有下列情形之一的): its first clause.
    if (s === 0 && phrases.length === 0 && clauses[0] !== undefined) push(s, clauses[0]);
  });
  if (phrases.length === 0 && text.trim() !== '') push(0, text.trim());
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const phrase of phrases.flatMap((p) => [p, { ...p, text: dropShould(p.text) }])) {
    const fitted = fitPhrase(phrase.text, cohesive);
    if (fitted.text === ELLIPSIS || bare(fitted.text) === '' || seen.has(fitted.text)) continue;
    seen.add(fitted.text);
    const length = chars(bare(fitted.text));
    const weak = WEAK_START.test(phrase.text) || length < STUB_CHARS;
    // 发生效力, 解除合同: a short clause says too little to stand for the article, even in its first sentence.
    const near = phrase.sentence === 0 && length >= TELLING_CHARS && (fitted.whole || !weak);
    out.push({ ...fitted, distance: near ? 0 : weak ? 2 : 1 });
  }
  return out;
}

/** The first words of one article without a caption: its own gist, not told from the others of its draft. */
export function articleGist(text: string): string {
  return penaltyGist(text) ?? candidatesOf(text)[0]?.text ?? '';
}

/** Whether two gists read the same to a drafter: equal, or one begins the other (承租人经出租人同意……). */
export function readSame(a: string, b: string): boolean {
  const x = compared(a);
  const y = compared(b);
  if (x === '' || y === '') return false;
  return x === y || x.startsWith(y) || y.startsWith(x);
}

/**
 * key → 主旨 for every article of a draft: its caption; else a penalty article's 违反第X条的处罚; else its own gist,
 * unless another's reads the same (both move) or begins with it (it moves): then it takes its next phrase that reads
 * the same as no other gist, one that stands alone (not 提供必要的便利) first, in the article's order. Where none is
 * left the article keeps its own (two articles of the same words: 第九百六十条 and 第九百六十六条 of the 民法典).
 */
export function draftGists(articles: readonly GistArticle[]): Map<string, string> {
  const gists = new Map<string, string>();
  const cohesive = cohesivePairs(articles.map((a) => a.text));
  const open: { key: string; candidates: Candidate[] }[] = [];
  for (const article of articles) {
    const fixed = article.caption ?? penaltyGist(article.text);
    if (fixed !== null) gists.set(article.key, fixed);
    else {
      const candidates = candidatesOf(article.text, cohesive);
      open.push({ key: article.key, candidates });
      gists.set(article.key, candidates[0]?.text ?? '');
    }
  }
  const banned = new Set<string>();
  for (let pass = 0; pass < 4; pass += 1) {
    // An article without text has no gist to compare (it shows none).
    const entries = [...gists].map(([key, gist]) => ({ key, seen: compared(gist) })).filter((e) => e.seen !== '');
    // Sorted, a gist that begins another comes right before those it begins: the pairs to look at are neighbours.
    entries.sort((a, b) => (a.seen < b.seen ? -1 : a.seen > b.seen ? 1 : 0));
    const clashing = new Set<string>();
    for (let i = 0; i < entries.length; i += 1) {
      const a = entries[i]!;
      for (let j = i + 1; j < entries.length && entries[j]!.seen.startsWith(a.seen); j += 1) {
        const b = entries[j]!;
        // The same words: both move. One begins the other: the shorter says less, and moves.
        clashing.add(a.key);
        if (a.seen === b.seen) clashing.add(b.key);
      }
    }
    const movable = open.filter((o) => clashing.has(o.key));
    if (movable.length === 0) break;
    for (const o of movable) banned.add(gists.get(o.key)!);
    for (const o of movable) {
      const others = [...gists].filter(([key]) => key !== o.key).map(([, gist]) => gist);
      const free = o.candidates
        .map((candidate, order) => ({ candidate, order }))
        .filter(({ candidate }) => !banned.has(candidate.text) && !others.some((other) => readSame(other, candidate.text)));
      // The next clause that reads on its own, in the article's order; one that reads on from another only after.
      free.sort((a, b) => a.candidate.distance - b.candidate.distance || a.order - b.order);
      const best = free[0];
      if (best !== undefined) gists.set(o.key, best.candidate.text);
    }
  }
  return gists;
}
