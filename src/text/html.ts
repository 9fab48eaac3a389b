/**
 * Web markup in a cell: an online platform's export keeps the rich text an opinion was typed in (<p>…</p>,
 * <br/>, &nbsp;, &amp;), which the reports would print as it stands. Read as the text it shows: line breaks where
 * the markup breaks lines, other tags dropped, character references decoded.
 */

/** Tags of rich text, by name: only these are markup (<第二十六条> is a person's brackets, not a tag). */
const TAG = /<\/?(?:p|br|div|span|strong|b|i|em|u|font|li|ul|ol|h[1-6]|section|article|blockquote|sub|sup|a|img|table|tr|td|th|tbody|thead)\b[^<>]*>/giu;
/** Tags that end a line where they stand. */
const BREAK = /<br\s*\/?>|<\/(?:p|div|li|h[1-6]|tr|blockquote|section|article)\s*>/giu;
/** Character references: named ones of rich text, and numeric ones. */
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|hellip|mdash|ndash|middot|times|yen|emsp|ensp));/giu;
const NAMED: Readonly<Record<string, string>> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  hellip: '……', mdash: '——', ndash: '–', middot: '·', times: '×', yen: '¥', emsp: ' ', ensp: ' ',
};

/** The same patterns without the g flag, for testing (a g pattern's test moves its lastIndex). */
const HAS_TAG = new RegExp(TAG.source, 'iu');
const HAS_REFERENCE = new RegExp(REFERENCE.source, 'iu');

/** Whether `text` holds web markup or character references (what fromHtml changes). */
export function hasHtml(text: string): boolean {
  if (!text.includes('<') && !text.includes('&')) return false;
  return HAS_TAG.test(text) || HAS_REFERENCE.test(text);
}

/** The text web markup shows: breaks as line breaks, tags dropped, references decoded, blank lines folded. */
export function fromHtml(text: string): string {
  if (!hasHtml(text)) return text;
  const plain = text
    .replace(BREAK, '\n')
    .replace(TAG, '')
    .replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    });
  return plain
    .split('\n')
    .map((line) => line.replace(/[ \t]+/gu, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}
