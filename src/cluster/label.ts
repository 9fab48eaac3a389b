/**
 * A cluster's label: the clauses of its most central opinion that carry most of the cluster's
 * weight, cut only between words when they are too long — a drafter reads "车位应该先保障本小区业主",
 * not a row of keywords, and never a broken word like 市住.
 */
import { normalizeText } from '../text/normalize.js';
import { maskPersonalData } from '../text/pii.js';
import { ELLIPSIS } from '../text/format.js';

/** Longest label, in characters, before the ellipsis (……). */
export const LABEL_MAX_CHARS = 24;

/** Sentence ends: a label never runs across one. */
const SENTENCE_END = /[。！？!?；;\n\r]/u;
/** Clause boundaries inside a sentence; kept so that joined clauses read as written. */
const CLAUSE_BREAK = /[，,：:]/u;
/** Quotation marks and brackets, opener to closer: a label never starts or ends inside a pair. */
const PAIRS = new Map([['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['《', '》'], ['（', '）'], ['(', ')'], ['【', '】'], ['〔', '〕']]);
const CLOSERS = new Set(PAIRS.values());
/** The cluster's words a clause is scored on. */
const SCORED_WORDS = 12;
/** A run this short says too little alone ("第一", "定期检测"): it wins only when nothing longer carries weight. */
const CLAUSE_MIN_CHARS = 6;
/**
 * Words that say what the writer asks for: a run of clauses holding one is what a drafter needs to read
 * ("建议规定高峰时段禁止带犬乘电梯"), not the story before it ("早上上班高峰有人牵着大狗坐电梯").
 */
const ASKING = /建议|应当|应该|希望|要求|请求|必须|不得|禁止|明确|增加|删除|取消|修改|提高|降低|加大|规定/u;
/** Weight of a run of clauses that asks for something, against one that does not. */
const ASKING_BONUS = 1.5;
/** Words a clause may open with that lean on the clause before it: dropped from the label's start. */
const LEANING = new Set(['但', '但是', '而', '而且', '并', '并且', '且', '还', '也', '所以', '因此', '另外', '同时', '可是', '然而', '否则']);
/** Words jieba joins 但 into that are words of their own (但书 is a legal term): not a leaning 但 plus a word. */
const DAN_WORDS = new Set(['但书', '但凡', '但愿']);
/**
 * A run starting inside a sentence that asks for nothing is the middle of the writer's story ("企业只负责组织骑手参加，
 * 减轻中小企业负担" out of "建议培训由行业协会统一组织，企业只负责…"): it leans on the clause before it, which it leaves
 * out, so the label loses what it is about. It wins only with clearly more weight.
 */
const MID_SENTENCE_FACTOR = 0.6;
/** Headings a writer puts before a colon (理由：…, 建议：…): a label does not start with them. */
const HEADING = /^(?:理由|原因|说明|依据|修改理由|建议理由|具体理由|意见|建议|修改意见|具体建议)$/u;

/** Where each token starts and ends in `text` (tokens are substrings, in order, punctuation skipped). */
function tokenSpans(text: string, tokens: readonly string[]): { start: number; end: number; token: string }[] {
  const spans: { start: number; end: number; token: string }[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, cursor);
    if (at < 0) continue;
    spans.push({ start: at, end: at + token.length, token });
    cursor = at + token.length;
  }
  return spans;
}

/** A candidate label: as shown (the writer's punctuation) and normalised (for matching words), same length. */
interface Candidate {
  readonly shown: string;
  readonly normalized: string;
  /** Starts inside its sentence with a clause that asks for nothing (MID_SENTENCE_FACTOR). */
  readonly leansBack: boolean;
  /** Some clause of it asks for something (ASKING). */
  readonly asks: boolean;
}

function candidate(text: string, leansBack: boolean): Candidate {
  const normalized = normalizeText(text);
  // As the writer wrote it (full-width punctuation and all), unless normalising changes its length: then
  // word positions in the normalised text no longer fit the original, and the label is normalised.
  const shown = normalized.length === text.length ? text : normalized;
  return { shown, normalized, leansBack, asks: ASKING.test(normalized) };
}

/** Follows quotation marks and brackets: `open` holds the closers still awaited, innermost last. */
function trackPairs(open: string[], ch: string): void {
  if (PAIRS.has(ch)) open.push(PAIRS.get(ch)!);
  else if (CLOSERS.has(ch) && open[open.length - 1] === ch) open.pop();
}

/**
 * Splits `text` at the characters `at` matches that stand outside quotation marks and brackets, keeping each
 * run of such characters (pieces: text, separator, text, …, text). A quoted provision with a comma inside
 * (“监护人尽到监护职责的，可以减轻其侵权责任”) stays one piece; a label cut from it would open a quotation and
 * never close it. Text whose pairs do not balance is split everywhere, as written.
 */
function splitOutsidePairs(text: string, at: RegExp): string[] {
  const pieces: string[] = [];
  const open: string[] = [];
  let piece = '';
  let separator = '';
  for (const ch of text) {
    if (open.length === 0 && at.test(ch)) {
      separator += ch;
      continue;
    }
    if (separator !== '') {
      pieces.push(piece, separator);
      piece = '';
      separator = '';
    }
    trackPairs(open, ch);
    piece += ch;
  }
  pieces.push(piece);
  if (separator !== '') pieces.push(separator, '');
  if (open.length > 0) return text.split(new RegExp(`(${at.source}+)`, 'u'));
  return pieces;
}

/** Closers of the pairs `text` opens and leaves open, innermost first: what a cut label must close. */
function unclosed(text: string): string {
  const open: string[] = [];
  for (const ch of text) trackPairs(open, ch);
  return open.reverse().join('');
}

/** Every run of consecutive clauses within one sentence that fits the limit, and each clause alone. */
function runs(text: string): Candidate[] {
  const found: Candidate[] = [];
  const pieces = splitOutsidePairs(text, SENTENCE_END);
  for (let s = 0; s < pieces.length; s += 2) {
    const sentence = pieces[s]!.trim();
    if (sentence === '') continue;
    const parts = splitOutsidePairs(sentence, CLAUSE_BREAK);
    // A heading before a colon (理由：…) opens the sentence: what follows it is where the sentence starts.
    const first = HEADING.test(parts[0]!.trim()) && /^[：:]/u.test(parts[1] ?? '') ? 2 : 0;
    // parts: clause, separator, clause, separator, …, clause
    for (let i = first; i < parts.length; i += 2) {
      if (parts[i]!.trim() === '') continue;
      let joined = parts[i]!.trim();
      const leansBack = i > first && !ASKING.test(normalizeText(joined));
      found.push(candidate(joined, leansBack));
      for (let j = i + 2; j < parts.length; j += 2) {
        const next = parts[j]!.trim();
        if (next === '') break;
        joined = `${joined}${parts[j - 1]!}${next}`;
        if ([...joined].length > LABEL_MAX_CHARS) break;
        found.push(candidate(joined, leansBack));
      }
    }
  }
  return found;
}

/**
 * The label. `weights` are the cluster's heaviest words with their weights, heaviest first; `keywords` the fallback when
 * there is no text or no segmenter: then the label is its first keywords, joined by 、. Otherwise it is the run
 * of clauses of one sentence that carries most of the cluster's weight (more when it asks for something),
 * within LABEL_MAX_CHARS, or a single long clause cut after a whole word.
 */
export function clusterLabel(
  text: string | null,
  weights: readonly (readonly [word: string, weight: number])[],
  keywords: readonly string[],
  tokens: ((text: string) => string[]) | null,
  forms: ((term: string) => readonly string[]) | null,
): string {
  const fallback = keywords.slice(0, 3).join('、');
  if (text === null || tokens === null) return fallback;
  // Masked before it is cut: a phone or ID number cut in half by the length limit is no longer recognisable
  // as one, and the label is printed wherever the cluster is named.
  const candidates = runs(maskPersonalData(text));
  if (candidates.length === 0) return fallback;
  // Runs are scored by the cluster's heaviest words they contain (a substring test: segmenting every
  // clause of every representative cost more than the clustering); only the chosen one is segmented.
  // Weights are on synonym-folded terms (牵引带); the opinion says 牵绳: a run is matched on every written form.
  const heaviest = weights.slice(0, SCORED_WORDS).map(([word, weight]) => [forms === null ? [word] : forms(word), weight] as const);
  let best: (Candidate & { score: number }) | null = null;
  for (const run of candidates) {
    let score = 0;
    for (const [written, weight] of heaviest) if (written.some((form) => run.normalized.includes(form))) score += weight;
    if (ASKING.test(run.normalized)) score *= ASKING_BONUS;
    // Mid-sentence story that asks nothing leans on what it leaves out. One that goes on to ask keeps its score:
    // cut to the ask alone it would lose its subject (房东还照收全额房租，应该按比例少收 → 应该按比例少收).
    if (run.leansBack && !run.asks) score *= MID_SENTENCE_FACTOR;
    // Short clauses only win when nothing longer carries any weight.
    if ([...run.shown].length < CLAUSE_MIN_CHARS) score *= 0.01;
    // Equal weight: the shorter run (a clause of story before the point adds nothing), then the earlier.
    const better =
      best === null || score > best.score + 1e-12 || (score > best.score - 1e-12 && run.shown.length < best.shown.length);
    if (better) best = { ...run, score };
  }
  if (best === null) return fallback;
  let { shown, normalized } = best;
  let spans = tokenSpans(normalized, tokens(normalized));
  // "但原物业至今拒不移交资料" reads as a reply to a clause the label left out: the leaning word goes.
  const first = spans[0];
  // jieba may join 但 to the next word (但原 物业): the 但 goes, the word's rest stays.
  const leaningDan = first !== undefined && first.start === 0 && first.token.length > 1 && first.token.startsWith('但') &&
    !LEANING.has(first.token) && !DAN_WORDS.has(first.token);
  if (leaningDan) {
    shown = shown.slice(1);
    normalized = normalized.slice(1);
    spans = [{ ...first, start: 0, end: first.end - 1, token: first.token.slice(1) }, ...spans.slice(1).map((span) => ({ ...span, start: span.start - 1, end: span.end - 1 }))];
  } else if (first !== undefined && spans.length > 1 && LEANING.has(first.token)) {
    const from = spans[1]!.start;
    shown = shown.slice(from);
    normalized = normalized.slice(from);
    spans = spans.slice(1).map((span) => ({ ...span, start: span.start - from, end: span.end - from }));
  }
  if ([...shown].length <= LABEL_MAX_CHARS) return shown;
  // Too long: the longest prefix ending at a word's end, so no word is cut in two.
  let end = 0;
  for (const span of spans) {
    if ([...normalized.slice(0, span.end)].length > LABEL_MAX_CHARS) break;
    end = span.end;
  }
  if (end === 0) return fallback;
  // Cut inside a quotation: the ellipsis goes inside it and the quotation is closed (“监护人尽到监护职责的……”).
  const cut = shown.slice(0, end);
  return `${cut}${ELLIPSIS}${unclosed(cut)}`;
}
