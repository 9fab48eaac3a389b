import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskContact, maskPersonalData } from '../../src/report/mask.js';

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
    ['张先生 13812345678 / wang@x.cn', '张先生 138****5678 / w***@x.cn'],
    ['123456789012', '********9012'],
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
    ['座机0571-87654321或电话：87654321', '座机0571-****4321或电话：****4321'],
    ['邮箱liwei@example.com，谢谢', '邮箱l***@example.com，谢谢'],
    // Not personal data: amounts, years, article numbers stay as written.
    ['罚款200元以上500元以下，2024年起施行，第12条', '罚款200元以上500元以下，2024年起施行，第12条'],
    ['投入10000000元建设充电桩', '投入10000000元建设充电桩'],
    // A 12-digit number is not a mobile number: not partly masked.
    ['编号123813812345678', '编号123813812345678'],
  ])('%s → %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it('leaves no mobile number readable, wherever it sits in the text', () => {
    const mobile = fc
      .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^[0-9]{9}$/))
      .map(([second, rest]) => `1${second}${rest}`);
    const chinese = fc.string({ unit: fc.constantFrom('意', '见', '电', '话', '，', '。', ' ', 'a') });
    fc.assert(
      fc.property(chinese, mobile, chinese, (before, phone, after) => {
        const masked = maskPersonalData(before + phone + after);
        expect(masked).not.toContain(phone);
        expect(masked).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }),
    );
  });

  it('is idempotent and never changes text without digits or @', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = maskPersonalData(text);
        expect(maskPersonalData(once)).toBe(once);
        if (!/[0-9０-９@]/u.test(text)) expect(once).toBe(text);
      }),
    );
  });
});
