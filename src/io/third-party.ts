/**
 * English from the libraries yijian uses (docxtemplater, PizZip, mammoth, Handlebars, zod, SheetJS,
 * Node) said in Chinese: staff read Chinese, and "Filetype xlsx is supported only with the paid
 * XlsxModule" tells them nothing. One table, used wherever such text reaches a message; the original
 * stays available under --debug.
 */

/** An English message pattern and what it means, in the words of the person who gave the file. */
const KNOWN: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/Filetype "?(\w+)"? is supported only with the paid \w+(?: Module)?\.?/iu, (m) => `文件实际是 ${m[1] ?? ''} 格式，不是 Word（.docx）文件`],
  [/The filetype for this file could not be identified[^。；]*/iu, () => '无法识别文件类型，不是 Word（.docx）文件'],
  [/Can't find end of central directory\s*:?\s*(?:is this a zip file \?)?(?:\s*If it is, see \S+)?/iu, () => '文件不是完整的 .docx/.xlsx（zip 压缩包的结尾找不到），可能已损坏、被截断，或根本不是这种格式'],
  [/(?:Corrupted zip|End of data reached|Invalid signature)[^。；]*/iu, () => '文件的 zip 压缩结构已损坏'],
  [/There are some corrupt characters for the field "?(\w+)"?/iu, (m) => `字段 ${m[1] ?? ''} 中有 Word 无法保存的控制字符`],
  [/Parse error on line (\d+):[\s\S]*?Expecting [^。；]*(?:got '[^']*')?/iu, (m) => `模板第 ${m[1] ?? '?'} 行的 Handlebars 语法有误（标签没有成对或拼写错误）`],
  [/Parse error on line (\d+)[^。；]*/iu, (m) => `模板第 ${m[1] ?? '?'} 行的语法有误`],
  [/"?([\w.]+)"? not defined in \[object Object\]/iu, (m) => `模板使用了不存在的字段 ${m[1] ?? ''}`],
  [/([\w.]+) doesn't match ([\w.]+)[^。；]*/iu, (m) => `模板中的区块 ${m[1] ?? ''} 与结束标签 ${m[2] ?? ''} 不匹配`],
  [/Too big: expected (\w+) to (?:be|have) <=\s*([\d.]+)(?: items| characters)?/iu, (m) => `${kind(m[1])}太大，不能超过 ${m[2] ?? ''}`],
  [/Too small: expected (\w+) to (?:be|have) >=?\s*([\d.]+)(?: items| characters)?/iu, (m) => `${kind(m[1])}太小，不能小于 ${m[2] ?? ''}`],
  [/Invalid input: expected (\w+), received (\w+)/iu, (m) => `类型不对：应为${kind(m[1])}，实际是${kind(m[2])}`],
  [/Invalid option: expected one of ([^。；]*)/iu, (m) => `取值不在允许的范围内（可选：${(m[1] ?? '').replaceAll('|', '、')}）`],
  [/Unrecognized keys?: ([^。；]*)/iu, (m) => `有不认识的设置项 ${m[1] ?? ''}`],
  [/(?:Unexpected token[^。；]*in JSON[^。；]*|Unexpected end of JSON input|[^。；]*is not valid JSON)/iu, () => 'JSON 格式有误'],
  [/Invalid string length|Array buffer allocation failed/iu, () => '内容太大，超出了程序一次能处理的长度'],
  [/ENOSPC[^。；]*/u, () => '磁盘已满'],
  [/EROFS[^。；]*/u, () => '文件夹是只读的'],
  [/EACCES[^。；]*|EPERM[^。；]*/u, () => '没有写入或读取的权限'],
  [/ENAMETOOLONG[^。；]*/u, () => '文件名太长'],
  [/Unsupported file[^。；]*|File is password-protected/iu, () => '不支持的文件格式或文件设有密码'],
];

function kind(word: string | undefined): string {
  const names: Readonly<Record<string, string>> = { number: '数值', string: '文字', array: '列表', object: '对象', boolean: '是否', undefined: '空', null: '空' };
  return names[word ?? ''] ?? (word ?? '');
}

/** `text` with each known English message replaced by its Chinese meaning; `changed` tells whether any was. */
export function chineseForThirdParty(text: string): { text: string; changed: boolean } {
  let out = text;
  for (const [pattern, say] of KNOWN) {
    const match = pattern.exec(out);
    if (match !== null) out = out.slice(0, match.index) + say(match) + out.slice(match.index + match[0].length);
  }
  return { text: out, changed: out !== text };
}
