/**
 * Help texts wrap as Chinese is written (session 22): commander broke lines only at spaces, so a sentence ran past
 * an 80-column terminal while a line holding one English word (Excel, digest.json) broke there, mid-sentence.
 */
import { describe, expect, it } from 'vitest';
import { ChineseHelp } from '../../src/cli/program.js';
import { runYijian } from './run-cli.js';

const help = new ChineseHelp();
const width = (text: string): number => help.displayWidth(text);
/** Lines of a help text before its examples (examples are laid out by hand, not wrapped). */
const wrapped = (stdout: string): string[] => stdout.split('\n').slice(0, Math.max(0, stdout.split('\n').indexOf('示例：')) || undefined);

describe('help text wrapping', () => {
  const commands = [[], ['inspect'], ['merge'], ['digest'], ['feedback'], ['stats'], ['compare'], ['form'], ['templates'], ['config']];

  it.each(commands.map((c) => [c.join(' ') || '(yijian)', c] as const))('%s --help fits 80 columns and breaks only where Chinese may', async (_n, command) => {
    const run = await runYijian([...command, '--help'], process.cwd());
    expect(run.status).toBe(0);
    for (const line of wrapped(run.stdout)) {
      // A line longer than the width is one piece that cannot break (a long option term), never a sentence.
      if (width(line) > 80) expect(line.trim(), line).not.toMatch(/\s\S+\s/u);
      expect(line.trimStart(), line).not.toMatch(/^[，。、；：）」”]/u);
      expect(line.trimEnd(), line).not.toMatch(/[（「“]$/u);
    }
  });

  it('breaks a long Chinese description between characters, and never inside a Latin word', () => {
    const text = '意见征集表：生成联系点填写用的 Excel 表，“条款”一栏是草案条文的下拉列表，联系点照着下拉列表选择条款，读回时条款一条不错，yijian 也可以用 --draft 指定草案。';
    const lines = help.boxWrap(text, 44).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(44);
    // Nothing lost or reordered: only spaces at a break go.
    expect(lines.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
    for (const word of ['Excel', 'yijian', '--draft']) expect(lines.some((l) => l.includes(word)), word).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/^[，。、；：）」”]/u);
  });

  it('keeps a text that fits on one line as it is', () => {
    expect(help.boxWrap('合并为一张标准表', 40)).toBe('合并为一张标准表');
  });
});
