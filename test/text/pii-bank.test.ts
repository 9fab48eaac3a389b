/**
 * Bank card numbers in an opinion (退款请打到我的卡…) are masked like the other numbers (session 22): 16–19 digits
 * from the card issuers' ranges that pass the Luhn check carried in the last digit; first four and last four kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/text/pii.js';
import { classifyNational, luhnValid } from '../../src/text/pii-patterns.js';

/** `body` completed with the Luhn digit that makes it a valid card number. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

describe('bank card numbers', () => {
  it.each([
    ['退款请打到我的卡6222021234567890128，谢谢', '退款请打到我的卡6222***********0128，谢谢'],
    ['卡号 6222 0212 3456 7890 128', '卡号 6222***********0128'],
    ['信用卡4111111111111111被盗刷', '信用卡4111********1111被盗刷'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(maskPersonalData(masked)).toBe(masked);
  });

  it.each([
    ['an order number that fails the check', '订单号2024050112345678', '订单号2024050112345678'],
    ['a fifteen-digit number', '编号622202123456789', '编号622202123456789'],
    ['an ID number, masked as an ID', '身份证号110101199003071234', '身份证号110101********1234'],
  ])('leaves %s to what it is', (_what, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('masks every valid card number of 16–19 digits, keeping only its first and last four (property)', () => {
    const body = fc.tuple(fc.constantFrom('62', '4', '51', '55', '37'), fc.integer({ min: 16, max: 19 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }))
      .map(([prefix, length, digits]) => withCheckDigit(`${prefix}${digits.join('')}`.slice(0, length - 1)));
    fc.assert(fc.property(body, fc.constantFrom('我的卡号', '退款账户：', '银行卡'), (card, label) => {
      // An 18-digit card number that is also a well-formed ID number (620000180001010003) is masked as an ID.
      fc.pre(classifyNational(card)?.kind === 'bankCard');
      const masked = maskPersonalData(`${label}${card}，请核实。`);
      expect(masked).toBe(`${label}${card.slice(0, 4)}${'*'.repeat(card.length - 8)}${card.slice(-4)}，请核实。`);
    }), { numRuns: 300 });
  });
});

describe('numbers written with slashes (session 22)', () => {
  it.each([
    ['电话138/1234/5678', '电话138****5678'],
    ['座机021／6275 1234', '座机021／****1234'],
  ])('%s → %s', (text, masked) => expect(maskPersonalData(text)).toBe(masked));

  it.each(['2024/05/12发布', '第1/2款', '比例为1/3', '罚款200/500元', '编号13/14号楼'])('leaves %s as it is', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('passport and travel-permit numbers after the word that names them (session 22)', () => {
  it.each([
    ['护照号E12345678，请核实', '护照号E******78，请核实'],
    ['港澳通行证：C12345678', '港澳通行证：C******78'],
    ['证件号码 G1234567', '证件号码 G*****67'],
    ['护照号E12345678手机13812345678', '护照号E******78手机138****5678'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(maskPersonalData(masked)).toBe(masked);
  });

  it('leaves the same shape alone without the word (a product model)', () => {
    expect(maskPersonalData('型号E12345678的产品')).toBe('型号E12345678的产品');
  });
});
