/**
 * An ID number glued to an address with a Chinese local part (session 22; found by the idempotence property of
 * test/report/mask.test.ts): the address took the ID's last digits as part of its local part, masked them with
 * it, and left sixteen digits of the ID — its area and birth date — readable; masking a second time changed it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/text/pii.js';

describe('an ID number glued to an e-mail address', () => {
  it.each([
    ['身份证110101199003071234张三@例子.中国', '110101199003071234'],
    ['100000200101010000李四@例子.中国', '100000200101010000'],
  ])('%s: the ID is masked whole, the address too, and a second pass changes nothing', (text, id) => {
    const once = maskPersonalData(text);
    expect(once).not.toContain(id.slice(0, 14));
    expect(once).not.toContain('张三');
    expect(once).not.toContain('李四');
    expect(once).toContain('@例子.中国');
    expect(maskPersonalData(once)).toBe(once);
  });

  it('leaves no eight digits of an ID readable, whatever is glued after it (property)', () => {
    const id = fc.tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
      .map(([area, born, seq]) => `${area}${born.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}X`);
    const tail = fc.constantFrom('李四@例子.中国', '张三@邮箱.cn', '', '，电话', '王五');
    fc.assert(fc.property(id, tail, (number, after) => {
      const once = maskPersonalData(`身份证号${number}${after}`);
      expect(once).not.toMatch(/\d{8}/u);
      expect(maskPersonalData(once)).toBe(once);
    }), { numRuns: 300 });
  });
});
