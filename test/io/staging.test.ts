/** writeStaged: a run's outputs move in together, or not at all. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStaged } from '../../src/io/staging.js';
import { tempDir } from '../cli/run-yijian.js';

describe('writeStaged', () => {
  it('moves every written file into the output folder and returns what the writer returns', async () => {
    const out = join(tempDir('yijian-staging-'), '反馈');
    const names = await writeStaged(out, ['feedback.json', '东湖街道-采纳情况反馈.md'], false, async (staging) => {
      await staging.writeJson('feedback.json', { kind: 'yijian-feedback' });
      await staging.writeFile('东湖街道-采纳情况反馈.md', '# 东湖街道\n');
      return ['feedback.json', '东湖街道-采纳情况反馈.md'];
    });
    expect(names).toEqual(['feedback.json', '东湖街道-采纳情况反馈.md']);
    expect(readdirSync(out).sort()).toEqual(['feedback.json', '东湖街道-采纳情况反馈.md']);
    expect(readFileSync(join(out, '东湖街道-采纳情况反馈.md'), 'utf8')).toBe('# 东湖街道\n');
  });

  it('leaves the output folder as it was, and no staging folder, when the writer fails part-way', async () => {
    const parent = tempDir('yijian-staging-');
    const out = join(parent, '报告');
    mkdirSync(out);
    writeFileSync(join(out, 'digest.json'), '{"old":true}');
    await expect(writeStaged(out, ['digest.json', '汇总报告.md'], true, async (staging) => {
      await staging.writeJson('digest.json', { old: false });
      throw new Error('模板出错');
    })).rejects.toThrow('模板出错');
    expect(readFileSync(join(out, 'digest.json'), 'utf8')).toBe('{"old":true}');
    expect(existsSync(join(out, '汇总报告.md'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['报告']);
  });
});
