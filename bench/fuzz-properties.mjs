/**
 * The fuzz properties of yijian's parsers, written once against an API object so the vitest suite
 * (src/ via vite) and `npm run fuzz` (dist/) check exactly the same things.
 * Each property returns a fast-check property; a failure is any exception other than YijianError,
 * or figures that do not reconcile. The file properties are async: they read through
 * `api.readSheetsFromBytes`, which parses .xls in a worker with a time limit (in-process under vitest).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root from this file's location. */
const ROOT = join(import.meta.dirname, '..');

/** Real fixture bytes used as mutation seeds, per format. */
export const SEEDS = {
  xlsx: readFileSync(join(ROOT, 'fixtures/submissions/河西县-桃源镇立法联系点-2024年5月.xlsx')),
  xls: readFileSync(join(ROOT, 'fixtures/submissions/城东区-滨江社区立法联系点-2024年5月.xls')),
  csv: readFileSync(join(ROOT, 'fixtures/submissions/城东区-科技园企业立法联系点-2024年5月.csv')),
  /** A 采纳情况登记表 as digest writes it (fixtures/bad/decision-sheet-seed.xlsx, from the 华侨新村 fixture). */
  decisions: readFileSync(join(ROOT, 'fixtures/bad/decision-sheet-seed.xlsx')),
  draftDocx: readFileSync(join(ROOT, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.docx')),
  draftTxt: readFileSync(join(ROOT, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt')),
};

/** A random mutation of bytes: flip bytes, truncate, or insert random bytes. */
export function mutation(seed) {
  const flip = fc
    .array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((edits) => {
      const copy = Buffer.from(seed);
      for (const [at, value] of edits) copy[at] = value;
      return copy;
    });
  const truncate = fc.nat({ max: seed.length - 1 }).map((end) => seed.subarray(0, end));
  const insert = fc
    .tuple(fc.nat({ max: seed.length }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([at, bytes]) => Buffer.concat([seed.subarray(0, at), Buffer.from(bytes), seed.subarray(at)]));
  return fc.oneof(flip, truncate, insert);
}

/** Runs `body`; rethrows anything that is not a YijianError (with the given name). */
function onlyYijianErrors(api, body) {
  try {
    body();
  } catch (error) {
    if (!(error instanceof api.YijianError)) throw error;
    if (typeof error.code !== 'string' || !error.code.startsWith('E_')) throw error;
  }
}

/** Async {@link onlyYijianErrors}. */
async function onlyYijianErrorsAsync(api, body) {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof api.YijianError)) throw error;
    if (typeof error.code !== 'string' || !error.code.startsWith('E_')) throw error;
  }
}

/** Checks one file's bytes the way readSubmissions would: grids → ingestGrid → balanced figures. */
function readsBalanced(api, bytes, extension, options) {
  return onlyYijianErrorsAsync(api, async () => {
    const { grids, encoding } = await api.readSheetsFromBytes(bytes, extension, 'fuzz', options);
    for (const grid of grids) {
      const outcome = api.ingestGrid(grid, { file: `fuzz${extension}`, path: `fuzz${extension}`, encoding }, options);
      const r = outcome.report;
      if (r.rows !== r.records + r.rejects + r.blanks) throw new Error(`unbalanced sheet ${grid.name}: ${JSON.stringify(r)}`);
      if (r.records !== outcome.records.length || r.rejects !== outcome.rejects.length) throw new Error('lists disagree with figures');
    }
  });
}

const cellText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('意见建议', '条款', '联系点', '序号', '意见', '__proto__', 'constructor', '第十二条', '=1+1', '', '　', '\u0000'),
);
const gridCell = fc.oneof({ weight: 6, arbitrary: cellText }, { weight: 1, arbitrary: fc.record({ unreadable: fc.constant(true), shown: fc.constantFrom('#N/A', '#REF!') }) });

/** The properties, as name → (api, options) → fast-check property. */
export const PROPERTIES = {
  'sheetsFromBytes: random bytes (xlsx/xls/csv)': (api, options) =>
    fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), fc.constantFrom('.xlsx', '.xls', '.csv', '.tsv'), (bytes, ext) =>
      readsBalanced(api, bytes, ext, options),
    ),
  'sheetsFromBytes: mutated xlsx fixture': (api, options) =>
    fc.asyncProperty(mutation(SEEDS.xlsx), (bytes) => readsBalanced(api, bytes, '.xlsx', options)),
  'sheetsFromBytes: mutated xls fixture': (api, options) =>
    fc.asyncProperty(mutation(SEEDS.xls), (bytes) => readsBalanced(api, bytes, '.xls', options)),
  'sheetsFromBytes: mutated csv fixture': (api, options) =>
    fc.asyncProperty(mutation(SEEDS.csv), (bytes) => readsBalanced(api, bytes, '.csv', options)),
  'ingestGrid: random grids reconcile': (api, options) =>
    fc.property(
      fc.array(fc.array(gridCell, { maxLength: 6 }), { maxLength: 15 }),
      fc.array(fc.tuple(fc.nat(14), fc.nat(5), fc.nat(3), fc.nat(2)), { maxLength: 3 }),
      (rows, merges) => {
        const grid = { name: 'fuzz', rows, merges: merges.map(([r, c, dr, dc]) => ({ s: { r, c }, e: { r: r + dr, c: c + dc } })) };
        onlyYijianErrors(api, () => {
          const outcome = api.ingestGrid(grid, { file: 'f.xlsx', path: 'f.xlsx', encoding: null }, options);
          const r = outcome.report;
          // 说明行 and the extra records of a split cell are part of the balance (model.ts SheetReport).
          if (r.rows !== r.records - (r.splitParts ?? 0) + r.rejects + r.blanks + (r.notes ?? 0)) throw new Error(`unbalanced: ${JSON.stringify(r)}`);
          if (({}).polluted !== undefined) throw new Error('prototype polluted');
        });
      },
    ),
  'parseArticleCell / findArticleRefs: any text': (api) =>
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('第', '条', '款', '项', '章', '节', '之', '一', '十', '百', '千', '零', '两', '1', '2', '０', '至', '、', '-', '（', '）', '三'), maxLength: 30 }),
      ),
      (text) => {
        onlyYijianErrors(api, () => {
          const cell = api.parseArticleCell(text);
          if (cell === null || typeof cell !== 'object') throw new Error('parseArticleCell returned no object');
          const refs = api.findArticleRefs(text);
          if (!Array.isArray(refs)) throw new Error('findArticleRefs returned no array');
        });
      },
    ),
  // A filled decision sheet is as untrusted as a submission: it goes through the same guarded reader
  // (checks, worker, time and memory limit); whatever that reader accepts, the decision parser must survive.
  'decision sheet: mutated 登记表 through the guarded reader': (api, options) =>
    fc.asyncProperty(mutation(SEEDS.decisions), (bytes) =>
      onlyYijianErrorsAsync(api, async () => {
        const { grids } = await api.readSheetsFromBytes(bytes, '.xlsx', '采纳情况登记表', options);
        api.parseDecisionGrids(grids, '采纳情况登记表.xlsx');
      }),
    ),
  'draft: mutated .docx and .txt drafts': (api) =>
    fc.asyncProperty(fc.oneof(mutation(SEEDS.draftDocx).map((b) => [b, '.docx']), mutation(SEEDS.draftTxt).map((b) => [b, '.txt'])), ([bytes, extension]) =>
      onlyYijianErrorsAsync(api, async () => {
        const draft = await api.draftFromBytes(bytes, extension, `草案${extension}`);
        if (!Array.isArray(draft.articles)) throw new Error('draft without articles');
      }),
    ),
  'parseDraft: any text': (api) =>
    fc.property(
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom('第一章　总　　则', '第一条〖目的〗为了……', '第二条（范围）本条例适用', '（一）项目', '第十二条之一', '目　　录', '第一节　通则', '第一编　总则', ''),
        ),
        { maxLength: 20 },
      ),
      (lines) => {
        onlyYijianErrors(api, () => {
          const draft = api.parseDraft(lines.join('\n'), 'fuzz.txt');
          if (draft === null || typeof draft !== 'object') throw new Error('parseDraft returned no object');
        });
      },
    ),
};
