/** `compare --help` and `form --help`: Chinese, with examples; usage errors exit 2 with a Chinese message. */
import { describe, expect, it } from 'vitest';
import { DRAFT_TXT, runYijian } from '../cli/run-cli.js';

describe.each([['compare'], ['form']])('yijian %s --help', (command) => {
  it('is Chinese and has examples', async () => {
    const run = await runYijian([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('用法：');
    expect(run.stdout).toContain('示例：');
    expect(run.stdout).not.toMatch(/Usage:|Options:|Arguments:|\(default:|\[options\]/);
  });
});

describe('usage errors', () => {
  it('compare with an output extension it cannot write exits 2', async () => {
    const run = await runYijian(['compare', DRAFT_TXT, DRAFT_TXT, '-o', '对照表.pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不支持的输出格式“.pdf”');
  });

  it('form without a draft exits 2 and says how to give one', async () => {
    const run = await runYijian(['form', '--point', '东湖街道立法联系点']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--draft');
  });
});
