/**
 * Realistic opinions used to choose and check the near-duplicate threshold: one form letter and
 * its edited copies, and unrelated opinions on the same article (养犬管理条例 第二十条, 牵引绳).
 */

/** A stand-in for comparisonKey(): drop punctuation and white space (the real one also folds width and script). */
export function roughKey(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The form letter several points forwarded. */
export const FORM_LETTER =
  '建议第二十条增加规定，携犬出户时应当为犬只束犬链，犬链长度不得超过一点五米，并由完全民事行为能力人牵领；在电梯、楼道等公共区域应当收紧犬链，主动避让老年人、残疾人、孕妇和儿童。';

/** Edited copies of FORM_LETTER: the same opinion in the words of different senders. */
export const EDITED_COPIES: readonly { readonly how: string; readonly text: string }[] = [
  {
    how: 'greeting added',
    text: '尊敬的领导，您好！建议第二十条增加规定，携犬出户时应当为犬只束犬链，犬链长度不得超过一点五米，并由完全民事行为能力人牵领；在电梯、楼道等公共区域应当收紧犬链，主动避让老年人、残疾人、孕妇和儿童。',
  },
  {
    how: 'closing added',
    text: '建议第二十条增加规定，携犬出户时应当为犬只束犬链，犬链长度不得超过一点五米，并由完全民事行为能力人牵领；在电梯、楼道等公共区域应当收紧犬链，主动避让老年人、残疾人、孕妇和儿童。以上意见请予考虑，谢谢！',
  },
  {
    how: 'a few words changed',
    text: '建议第二十条增加规定，携犬外出时应当为犬只系犬链，犬链长度不得超过一点五米，并由成年人牵领；在电梯、楼道等公共场所应当收紧犬链，主动避让老年人、残疾人、孕妇和儿童。',
  },
  {
    how: 'a sentence added',
    text: '建议第二十条增加规定，携犬出户时应当为犬只束犬链，犬链长度不得超过一点五米，并由完全民事行为能力人牵领；在电梯、楼道等公共区域应当收紧犬链，主动避让老年人、残疾人、孕妇和儿童。我们小区经常有人遛狗不拴绳，居民意见很大。',
  },
  {
    how: 'a sentence removed',
    text: '建议第二十条增加规定，携犬出户时应当为犬只束犬链，犬链长度不得超过一点五米，并由完全民事行为能力人牵领。',
  },
  {
    how: 'number written differently, greeting changed',
    text: '各位领导：建议第20条增加规定，携犬出户时应当为犬只束犬链，犬链长度不得超过1.5米，并由完全民事行为能力人牵领；在电梯、楼道等公共区域应当收紧犬链，主动避让老年人、残疾人、孕妇和儿童。',
  },
];

/** Opinions on the same article that say something else: must not join the form letter's group. */
export const UNRELATED_SAME_ARTICLE: readonly string[] = [
  '建议第二十条明确犬链长度的具体标准，一点五米在实践中难以执法，可以改为由公安机关另行规定。',
  '第二十条规定携犬出户应当束犬链，但未规定违反后的法律责任，建议在第四十条中相应增加罚款规定。',
  '建议第二十条删除“主动避让老年人、残疾人、孕妇和儿童”，该表述属于道德倡导，不宜写入法规。',
  '携犬出户时应当携带清理犬只粪便的用具，建议第二十条增加犬主及时清除犬只粪便的义务。',
  '建议第二十条增加规定：大型犬、烈性犬出户时应当佩戴嘴套，并且不得进入公园、广场等人员密集场所。',
  '第二十条中“完全民事行为能力人”的要求过严，未成年人牵领小型犬的情况很普遍，建议改为“具有相应能力的人”。',
  '建议对导盲犬、扶助犬作出例外规定，第二十条关于束犬链和电梯避让的要求不应当适用于残疾人使用的工作犬。',
  '建议第二十条增加在电梯内应当怀抱小型犬或者为犬只佩戴嘴套的规定，并明确物业服务企业的提示义务。',
];

/** Very short opinions: exact matching only. */
export const SHORT_OPINIONS: readonly string[] = ['同意', '无意见', '同意草案', '没有意见', '同意。', '无异议'];
