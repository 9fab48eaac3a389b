/**
 * The personal-data detector (src/text/pii.ts) and the masking built on it (src/text/mask.ts):
 * generated numbers in every format people type are masked, ordinary numbers are not, masking is idempotent.
 */
import fc from 'fast-check';
import { checkedKey } from '../../src/article-key.js';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/decisions/stats.js';
import type { FeedbackDocument } from '../../src/decisions/schema.js';
import type { Digest, DigestRecord } from '../../src/model.js';
import { maskContact, maskDigest, maskPersonalData } from '../../src/text/mask.js';
import { findPersonalData } from '../../src/text/pii.js';
import { buildReportView } from '../../src/report/model.js';

describe('maskContact', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+86 13912345678', '+86 139****5678'],
    ['１３８１２３４５６７８', '１３８****５６７８'],
    ['0571-87654321', '0571-****4321'],
    ['010-12345678', '010-****5678'],
    ['(0571)87654321', '(0571)****4321'],
    ['zhangsan@x.com', 'z***@x.com'],
    ['a.b-c@mail.example.org', 'a***@mail.example.org'],
    ['87654321', '****4321'],
    ['8765 4321', '****4321'],
    ['张先生 13812345678 / wang@x.cn', '张先生 138****5678 / w***@x.cn'],
    ['123456789012', '********9012'],
    ['QQ 12345678', 'QQ ****5678'],
    ['QQ：654321', 'QQ：***321'],
    ['微信 zhang_san1990', '微信 z***'],
    ['微信同号', '微信同号'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskContact(input)).toBe(expected);
  });
});

describe('maskPersonalData', () => {
  it.each([
    ['联系人张先生，电话13812345678。', '联系人张先生，电话138****5678。'],
    ['身份证号110101199003071234', '身份证号110101********1234'],
    ['身份证11010119900307123X号', '身份证110101********123X号'],
    ['身份证 110101 19900307 123x', '身份证 110101********123x'],
    ['老身份证110101900307123', '老身份证110101******123'],
    ['座机0571-87654321或电话：87654321', '座机0571-****4321或电话：****4321'],
    ['邮箱liwei@example.com，谢谢', '邮箱l***@example.com，谢谢'],
    ['+86 13800138000', '+86 138****8000'],
    ['0086-138-0013-8000', '0086-138****8000'],
    ['(+86) 138-0013-8000', '(+86) 138****8000'],
    ['（＋86）１３８　００１３　８０００', '（＋86）１３８****８０００'],
    ['138  0013  8000', '138****8000'],
    ['138.0013.8000', '138****8000'],
    ['138–0013–8000，138—0013—8000', '138****8000，138****8000'],
    ['1 3 8 0 0 1 3 8 0 0 0', '138****8000'],
    ['010 1234 5678', '010 ****5678'],
    ['021-1234-5678', '021-****5678'],
    ['(021) 1234-5678', '(021) ****5678'],
    ['0755-12345678', '0755-****5678'],
    ['+86 10 1234 5678', '+86 10 ****5678'],
    ['zhang＠example.com', 'z***＠example.com'],
    // A Chinese local part is a name: nothing of it is kept (up to four characters count as the name).
    ['请发给张三@例子.中国', '请***@例子.中国'],
    ['user@münchen.de', 'u***@münchen.de'],
    ['13800138000@163.com', '1***@163.com'],
    ['东湖联系点（电话13800000013）', '东湖联系点（电话138****0013）'],
    // Markdown bold around a number does not hide it.
    ['**13800138000**', '**138****8000**'],
    // A labelled local number next to a landline does not take the landline's digits.
    ['电话 12345 010 1234 5678', '电话 12345 010 ****5678'],
    // Not personal data: amounts, years, article numbers stay as written.
    ['罚款200元以上500元以下，2024年起施行，第12条', '罚款200元以上500元以下，2024年起施行，第12条'],
    ['投入10000000元建设充电桩', '投入10000000元建设充电桩'],
    // A 15-digit number glued to a label is not a mobile number, nor an old ID (month 23): not partly masked.
    ['编号123813812345678', '编号123813812345678'],
  ])('%s → %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });
});

// ---- Generators: the formats people type personal data in ----

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number): fc.Arbitrary<string> => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const toFullWidth = (text: string): string => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10));
/** Separators seen between digit groups: spaces (also double and ideographic), hyphens, dots, dashes. */
const separator = fc.constantFrom(' ', '  ', '\u3000', '-', '－', '.', '．', '–', '—', ' - ');

const mobileNumber = fc.tuple(fc.constantFrom(...'3456789'), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const birthDate = fc.date({ min: new Date(Date.UTC(1920, 0, 1)), max: new Date(Date.UTC(2019, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const idCard18 = fc.tuple(fc.constantFrom(...'12345678'), digits(5), birthDate, digits(3), fc.constantFrom(...'0123456789X'))
  .map(([first, region, birth, seq, check]) => `${first}${region}${birth}${seq}${check}`);
const idCard15 = fc.tuple(fc.constantFrom(...'12345678'), digits(5), birthDate, digits(3))
  .map(([first, region, birth, seq]) => `${first}${region}${birth.slice(2)}${seq}`);
const areaCode = fc.constantFrom('010', '020', '021', '022', '023', '025', '027', '028', '029', '0755', '0571', '0512', '0731', '0898', '0351');
/** A 7- or 8-digit local number behind an area code. */
const landline = fc.tuple(areaCode, fc.constantFrom(...'23456789'), digits(6), fc.option(digit, { nil: '' }))
  .map(([area, first, rest, eighth]) => ({ area, local: `${first}${rest}${eighth}` }));

/** One written format: how a number is written, and the digits that must not stay readable. */
interface Written {
  text: string;
  /** The number's own digits (after any +86), which must not survive as a run. */
  secret: string;
  /** The last digits, which stay visible (138****5678). */
  tail: string;
}

const groupsOf = (text: string, sizes: readonly number[]): string[] => {
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(text.slice(at, at + size));
    at += size;
  }
  return groups;
};

const mobile = (write: (n: string, sep: string) => string): fc.Arbitrary<Written> =>
  fc.tuple(mobileNumber, separator).map(([n, sep]) => ({ text: write(n, sep), secret: n, tail: n.slice(-4) }));

/** Every format the detector must mask, by name (the count is reported in the closing note). */
const FORMATS: Readonly<Record<string, fc.Arbitrary<Written>>> = {
  'mobile 13800138000': mobile((n) => n),
  'mobile 138 0013 8000 (any separator)': mobile((n, sep) => groupsOf(n, [3, 4, 4]).join(sep)),
  'mobile 1380 013 8000 (other grouping)': mobile((n, sep) => groupsOf(n, [4, 3, 4]).join(sep)),
  'mobile every digit spaced': mobile((n) => n.split('').join(' ')),
  'mobile full-width digits': mobile((n) => toFullWidth(n)),
  'mobile full-width, ideographic spaces': mobile((n) => toFullWidth(groupsOf(n, [3, 4, 4]).join('\u3000'))),
  'mobile +86 13800138000': mobile((n) => `+86 ${n}`),
  'mobile +8613800138000': mobile((n) => `+86${n}`),
  'mobile 0086-138…': mobile((n, sep) => `0086-${groupsOf(n, [3, 4, 4]).join(sep)}`),
  'mobile (+86) 138-0013-8000': mobile((n) => `(+86) ${groupsOf(n, [3, 4, 4]).join('-')}`),
  'mobile （＋86）full-width': mobile((n) => `（＋86）${toFullWidth(n)}`),
  'mobile 86 13800138000': mobile((n) => `86 ${n}`),
  'ID card 18 digits': idCard18.map((n) => ({ text: n, secret: n.slice(0, 17), tail: n.slice(-4) })),
  'ID card 18 spaced or dashed 6-8-4': fc.tuple(idCard18, fc.constantFrom(' ', '-', '  ', '－')).map(([n, sep]) => ({
    text: groupsOf(n, [6, 8, 4]).join(sep), secret: n.slice(0, 17), tail: n.slice(-4),
  })),
  'ID card 18, lower-case x, full-width': idCard18.map((n) => ({ text: toFullWidth(n.replace('X', 'x')), secret: n.slice(0, 17), tail: '' })),
  'ID card 15 digits (old)': idCard15.map((n) => ({ text: n, secret: n, tail: n.slice(-3) })),
  'ID card 15 spaced 6-6-3': idCard15.map((n) => ({ text: groupsOf(n, [6, 6, 3]).join(' '), secret: n, tail: n.slice(-3) })),
  'landline 0755-12345678 (any separator)': fc.tuple(landline, separator).map(([l, sep]) => ({
    text: `${l.area}${sep}${l.local}`, secret: l.area + l.local, tail: l.local.slice(-4),
  })),
  'landline 010 1234 5678 / 021-1234-5678': fc.tuple(landline, fc.constantFrom(' ', '-', '—')).map(([l, sep]) => ({
    text: [l.area, ...groupsOf(l.local, [l.local.length - 4, 4])].join(sep), secret: l.area + l.local, tail: l.local.slice(-4),
  })),
  'landline (021) 1234-5678': landline.map((l) => ({
    text: `(${l.area}) ${groupsOf(l.local, [l.local.length - 4, 4]).join('-')}`, secret: l.area + l.local, tail: l.local.slice(-4),
  })),
  'landline （0571）87654321 full-width brackets': landline.map((l) => ({
    text: `（${l.area}）${l.local}`, secret: l.area + l.local, tail: l.local.slice(-4),
  })),
  'landline +86 10 1234 5678': landline.map((l) => ({
    text: `+86 ${l.area.slice(1)} ${l.local}`, secret: l.area.slice(1) + l.local, tail: l.local.slice(-4),
  })),
  'landline 电话：87654321 (labelled, no area code)': landline.map((l) => ({
    text: `电话：${l.local}`, secret: l.local, tail: l.local.slice(-4),
  })),
};

const localPart = fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.stringMatching(/^[a-z0-9._]{2,10}[a-z0-9]$/))
  .map(([a, b]) => a + b);
const EMAILS: Readonly<Record<string, fc.Arbitrary<{ text: string; local: string }>>> = {
  'e-mail ascii': fc.tuple(localPart, fc.constantFrom('example.com', 'mail.gov.cn', '163.com')).map(([l, d]) => ({ text: `${l}@${d}`, local: l })),
  'e-mail full-width ＠': fc.tuple(localPart, fc.constantFrom('example.com', 'qq.com')).map(([l, d]) => ({ text: `${l}＠${d}`, local: l })),
  'e-mail internationalised domain': fc.tuple(localPart, fc.constantFrom('例子.中国', 'münchen.de', '公司.cn', 'xn--fiqs8s.cn'))
    .map(([l, d]) => ({ text: `${l}@${d}`, local: l })),
  'e-mail Chinese local part': fc.tuple(fc.constantFrom('张三丰', '李四', '王小明'), fc.constantFrom('例子.中国', 'example.com', '政务.公司'))
    .map(([l, d]) => ({ text: `${l}@${d}`, local: l })),
};

/** Text around the number, as in an opinion: Chinese, punctuation, labels; no digits or Latin letters to glue on. */
const around = fc.string({ unit: fc.constantFrom('意', '见', '电', '话', '联', '系', '我', '，', '。', '：', '（', '）', ' ', '\u3000', '；'), maxLength: 8 });

/** Digits of a text as one string, full-width folded: what a reader could still piece together. */
const digitsOnly = (text: string): string => toAscii(text).replace(/[^0-9X]/g, '');
const toAscii = (text: string): string => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/[xｘＸ]/g, 'X');

describe('the detector masks every format (property)', () => {
  it.each(Object.entries(FORMATS))('%s, anywhere in an opinion and in a contact cell', (_name, format) => {
    fc.assert(
      fc.property(around, format, around, (before, written, after) => {
        for (const mask of [maskPersonalData, maskContact]) {
          const masked = mask(before + written.text + after);
          expect(digitsOnly(masked)).not.toContain(written.secret);
          expect(masked).toContain('***');
          if (written.tail !== '') expect(digitsOnly(masked)).toContain(written.tail);
        }
      }),
    );
  });

  it.each(Object.entries(EMAILS))('%s', (_name, format) => {
    fc.assert(
      fc.property(around, format, around, (before, email, after) => {
        for (const mask of [maskPersonalData, maskContact]) {
          const masked = mask(before + email.text + after);
          expect(masked).not.toContain(email.local);
          expect(masked).toMatch(/\*\*\*[@＠]/u);
        }
      }),
    );
  });

  it('finds the same number once however it is written', () => {
    fc.assert(
      fc.property(mobileNumber, separator, (n, sep) => {
        const written = [n, groupsOf(n, [3, 4, 4]).join(sep), toFullWidth(n), `+86 ${n}`];
        expect(written.map((w) => findPersonalData(w).map((m) => m.kind))).toEqual(written.map(() => ['mobile']));
      }),
    );
  });

  it(`covers ${Object.keys(FORMATS).length + Object.keys(EMAILS).length} formats`, () => {
    expect(Object.keys(FORMATS).length + Object.keys(EMAILS).length).toBeGreaterThanOrEqual(27);
  });
});

// ---- Ordinary numbers: never masked ----

const ORDINARY = [
  '第1260条', '第一千二百六十条', '2024年5月', '2024年5月12日', '50元至200元', '2024-05-12', '2024/05/12', '2024.05.12',
  '10000平方米', '0.5米', '序号 12', '国标 GB 17761-2018', '条款 12.2.3', '第12条第2款第3项', '第12-15条', '罚款 1000 元至 5000 元',
  '限速 25 公里/小时', '整车质量 55 千克', '12345 热线', '110 报警', '电话费 200 元', '2024-2025 年度', '12.5%', '10:30',
  'GB/T 36972-2018', '（2024）京0105民初12345号', '统一社会信用代码 91110000MA01234567', '邮编 430000', '共 1,048,576 行',
  '第 3 行', '3 次提交', '0.36', '1 2 3 4 5', '2024 年 5 月 12 日', '京A号牌', '京0105民初',
];

const ordinaryPhrase = fc.oneof(
  fc.integer({ min: 1, max: 2000 }).map((n) => `第${n}条`),
  fc.tuple(fc.integer({ min: 1949, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}年${m}月`),
  fc.tuple(fc.integer({ min: 1949, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 })).map(([a, b]) => `${a}元至${b}元`),
  fc.integer({ min: 1, max: 10_000_000 }).map((n) => `${n}平方米`),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}米`),
  fc.integer({ min: 1, max: 99_999 }).map((n) => `序号 ${n}`),
  fc.tuple(fc.integer({ min: 1000, max: 99_999 }), fc.integer({ min: 1980, max: 2030 })).map(([n, y]) => `GB ${n}-${y}`),
  fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b, c]) => `条款 ${a}.${b}.${c}`),
);

describe('ordinary numbers stay as written', () => {
  it.each(ORDINARY)('%s', (text) => {
    expect(maskPersonalData(text)).toBe(text);
    expect(maskPersonalData(`建议${text}，理由如下。`)).toBe(`建议${text}，理由如下。`);
  });

  it('in any mix of ordinary phrases (property)', () => {
    fc.assert(
      fc.property(fc.array(ordinaryPhrase, { minLength: 1, maxLength: 6 }), fc.constantFrom('，', '；', '、', '。'), (phrases, joiner) => {
        const text = `建议${phrases.join(joiner)}。`;
        expect(maskPersonalData(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- Idempotence: masking masked text changes nothing ----

const hostileUnit = fc.constantFrom(
  ...'0123456789０１２３４５６７８９', ' ', '  ', '\u3000', '-', '－', '.', '–', '—', '(', ')', '（', '）', '+', '＋', '*', '**', '***',
  '@', '＠', 'a', 'X', 'x', '.com', '.中国', '电话', '手机：', 'QQ', '，', '意见', '_', '86', '0086', '138', '010', '1380013', '8000',
);

describe('masking is idempotent (property)', () => {
  it('maskPersonalData and maskContact change nothing the second time, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: hostileUnit, maxLength: 40 }), (text) => {
        const once = maskPersonalData(text);
        expect(maskPersonalData(once)).toBe(once);
        const contact = maskContact(text);
        expect(maskContact(contact)).toBe(contact);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    // A landline whose area code is typed in two groups (060 0800 0512) after a number that is not one (CI, seed -160678124).
    '1300 060 08000512 200 0000',
    '电话1300 060 08000512',
    '86 138 0013 8000，0086 10 6275 1234',
    // A Chinese local part masked right after digits (0000***@例子.中国): the 0 before the stars is the number's.
    '1300 000 0000100000 19700101 0000张三丰@例子.中国',
    // An area code typed digit by digit (0 8 1 0 3000731).
    '1 3 0 0 0 8 1 0 3 0 00731 2000000',
  ])('%s: a masked number\'s kept head is not read again', (text) => {
    const once = maskPersonalData(text);
    expect(maskPersonalData(once)).toBe(once);
    const contact = maskContact(text);
    expect(maskContact(contact)).toBe(contact);
  });

  it('on generated personal data inside opinions', () => {
    const anyFormat = fc.oneof(...Object.values(FORMATS).map((f) => f.map((w) => w.text)), ...Object.values(EMAILS).map((f) => f.map((e) => e.text)));
    fc.assert(
      fc.property(fc.array(fc.tuple(around, anyFormat), { maxLength: 4 }), (parts) => {
        const text = parts.flat().join('');
        const once = maskPersonalData(text);
        expect(maskPersonalData(once)).toBe(once);
        expect(maskContact(maskContact(text))).toBe(maskContact(text));
      }),
    );
  });

  it('never changes text without digits, @ or an at sign written out (wang(at)126.com)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!/[0-9０-９@＠]/u.test(text) && !/at/iu.test(text)) expect(maskPersonalData(text)).toBe(text);
      }),
    );
  });
});

// ---- maskDigest: which parts of the model a document may show ----

function record(over: Partial<DigestRecord>): DigestRecord {
  return {
    id: 'r1', source: { file: '东湖联系点（电话13800000013）.xlsx', sheet: '意见（13900139000）', row: 3 }, seq: '1',
    point: '东湖联系点（电话13800000013）', pointSource: 'column', county: '城东区', submitter: '张三 13700137000',
    submitterType: '群众', article: '第十二条', opinion: '建议增设充电桩，联系电话 138 0013 8000。', suggestion: null, reason: null,
    contact: '8765 4321', date: '2024-05-12',
    articles: [{ key: checkedKey('12'), source: 'column', confidence: 1, cited: '第十二条', notInDraft: false }],
    duplicateGroup: null, canonical: true, cluster: 'c1', ...over,
  };
}

function digestOf(records: DigestRecord[]): Digest {
  return {
    schemaVersion: 1, date: null, draft: null,
    totals: { files: 1, failedFiles: 0, rows: 1, records: 1, rejects: 1, blanks: 0, exactGroups: 0, nearGroups: 0, duplicates: 0, distinctOpinions: 1, clusters: 1, points: 1, counties: 1 },
    settings: { near: 0.5, assignThreshold: 0.1 },
    files: [{ file: records[0]!.source.file, sheet: records[0]!.source.sheet, encoding: null, headerRows: [1], rows: 2, records: 1, rejects: 1, blanks: 0, problems: [],
      columns: [{ column: 'H', header: '电子信箱', field: 'contact', how: 'forced' }] }],
    failures: [{ file: '西湖联系点13600136000.xlsx', code: 'E_TRUNCATED', message: '西湖联系点13600136000.xlsx 不完整' }],
    records,
    duplicateGroups: [],
    clusters: [{ id: 'c1', article: checkedKey('12'), representative: 'r1', keywords: ['充电桩', '0013'], opinions: ['r1'], submissions: 1, points: [records[0]!.point ?? ''], counties: ['城东区'] }],
    rejects: [{ source: records[0]!.source, reason: 'E_NO_OPINION', message: '意见为空', column: 'F', cells: { 提出人: '李四13500135000', 电子信箱: 'li＠例子.中国', ['__proto__']: 'x 13800138000' } }],
  };
}

describe('maskDigest', () => {
  it('masks every name, text, file, sheet and rejected cell a document can show; the original is untouched', () => {
    const digest = digestOf([record({})]);
    const before = JSON.stringify(digest);
    const masked = maskDigest(digest, { contactFields: true });
    expect(JSON.stringify(digest)).toBe(before);
    const text = JSON.stringify(masked);
    for (const secret of ['13800000013', '13900139000', '13700137000', '13800138000', '87654321', '13600136000', '13500135000', 'li＠']) {
      expect(digitsOnly(text.replace(/\s/g, ''))).not.toContain(digitsOnly(secret) || secret);
      expect(text).not.toContain(secret);
    }
    expect(masked.records[0]!.point).toBe('东湖联系点（电话138****0013）');
    expect(masked.records[0]!.contact).toBe('****4321');
    expect(masked.clusters[0]!.keywords).toEqual(['充电桩']);
    expect(Object.keys(masked.rejects[0]!.cells)).toContain('__proto__');
    expect(masked.rejects[0]!.cells['电子信箱']).toBe('l***＠例子.中国');
  });

  it('shares records that hold no personal data', () => {
    const plain = record({ source: { file: '东湖.xlsx', sheet: '意见', row: 2 }, point: '东湖', submitter: '张三', opinion: '建议第12条删去。', contact: null });
    expect(maskDigest(digestOf([plain]), { contactFields: true }).records[0]).toBe(plain);
  });

  it('leaves 联系方式 and 提出人 as written when asked, so a record with personal data only there is shared, not copied', () => {
    const plain = record({ source: { file: '东湖.xlsx', sheet: '意见', row: 2 }, point: '东湖', submitter: '张三 13700137000', opinion: '建议第12条删去。', contact: '13812345678' });
    expect(maskDigest(digestOf([plain]), { contactFields: false }).records[0]).toBe(plain);
    expect(maskDigest(digestOf([plain]), { contactFields: true }).records[0]!.contact).toBe('138****5678');
  });

  it('the report view, built from such a copy, still shows no written contact or 提出人 (nor the decision sheet its contacts)', () => {
    const digest = digestOf([record({ contact: '13812345678' })]);
    const view = buildReportView(digest, { showContact: false });
    // JSON.stringify reads the lazily built parts (members, decision rows) too.
    const text = JSON.stringify(view);
    for (const secret of ['13812345678', '13700137000', '13800138000']) expect(text).not.toContain(secret);
    expect(view.decisionRows[0]!.contactsText).toBe('138****5678');
  });
});

describe('statistics', () => {
  it('mask names a feedback.json from before masking still holds in full, and a draft named after its folder', () => {
    const document: FeedbackDocument = {
      schemaVersion: 1, kind: 'yijian-feedback', draft: null, date: null,
      records: [{
        id: 'r1', source: { file: '东湖.xlsx', sheet: '意见', row: 2 }, point: '东湖联系点（电话13800000013）', county: '城东区（值班 0571-87654321）',
        articleLabel: '第十二条', opinion: '建议删去。', opinionId: 'r1', cluster: 'c1', decision: '采纳', reason: '', from: 'cluster',
      }],
    };
    const stats = computeStats([{ name: '报告（联系人 139 0013 9000）', document }]);
    expect(stats.points.map((p) => [p.name, p.county])).toEqual([['东湖联系点（电话138****0013）', '城东区（值班 0571-****4321）']]);
    expect(stats.counties.map((c) => c.name)).toEqual(['城东区（值班 0571-****4321）']);
    expect(stats.drafts[0]?.name).toBe('报告（联系人 139****9000）');
  });
});
