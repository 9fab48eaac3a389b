/** yijian.config.json: errors name the key and exit 2; `config init` writes an example that loads; inputs. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { EXAMPLE_CONFIG, exampleConfigText } from '../../src/cli/config.js';
import { YijianError } from '../../src/errors.js';
import { copySubmissions, draft, submissions, tempDir, yijian } from './run-yijian.js';

function folderWithConfig(text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'yijian.config.json'), text);
  return dir;
}

describe('config errors name the key and exit 2', () => {
  it.each([
    ['unknown key', '{ "thresholds": { "neer": 0.5 } }', ['thresholds', 'neer']],
    ['unknown top-level key', '{ "fromats": ["md"] }', ['fromats']],
    ['wrong type', '{ "thresholds": { "near": "0.5" } }', ['thresholds.near', '类型']],
    ['out of range', '{ "thresholds": { "cluster": 3 } }', ['thresholds.cluster']],
    ['bad format', '{ "formats": ["pdf"] }', ['formats.0']],
    ['bad JSON', '{ "formats": ["md"], }', ['不是有效的 JSON']],
  ])('%s', async (_name, text, expected) => {
    for (const args of [['inspect', submissions], ['digest', submissions, '-o', 'o']]) {
      const run = await yijian(args, folderWithConfig(text));
      expect(run.status).toBe(2);
      for (const part of expected) expect(run.stderr).toContain(part);
      expect(run.stderr).toContain('yijian.config.json');
      expect(run.stderr).not.toMatch(/^\s{4}at /m);
    }
  });

  it('--config naming a missing file', async () => {
    const run = await yijian(['--config', 'nope.json', 'inspect', submissions]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('找不到配置文件：nope.json');
  });

  it('parseConfig throws E_BAD_CONFIG (the code, not the wording, is the contract)', async () => {
    expect(() => parseConfig('{"x":1}', 'c.json')).toThrow(YijianError);
    try {
      parseConfig('[', 'c.json');
    } catch (error) {
      expect((error as YijianError).code).toBe('E_BAD_CONFIG');
    }
  });
});

describe('config init', () => {
  it('writes an example that loads without error, explained by _说明 keys', async () => {
    const dir = tempDir();
    const run = await yijian(['config', 'init'], dir);
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'yijian.config.json'), 'utf8');
    expect(text).toBe(exampleConfigText());
    const config = parseConfig(text, 'yijian.config.json');
    expect(config).toEqual(EXAMPLE_CONFIG);
    // Every section a bureau sets up is in the example.
    expect(Object.keys(config).sort()).toEqual(
      ['_说明', 'columns', 'dictionary', 'draft', 'formats', 'inputs', 'output', 'pointNames', 'points', 'templates', 'thresholds'].sort(),
    );
    expect(config.columns?.synonyms?.opinion?.length).toBeGreaterThan(0);
    expect(Object.keys(config.columns?.map ?? {}).length).toBeGreaterThan(0);
    expect(config.points?.[0]?.county).toBeDefined();
    expect(config.dictionary?.stopWords?.length).toBeGreaterThan(0);
    expect(text).toContain('"_说明"');
  });

  it('writes to a named file and refuses to overwrite it without --force', async () => {
    const dir = tempDir();
    expect((await yijian(['config', 'init', '城东区.config.json'], dir)).status).toBe(0);
    writeFileSync(join(dir, '城东区.config.json'), '{"comment":"mine"}');
    expect((await yijian(['config', 'init', '城东区.config.json'], dir)).status).toBe(1);
    expect(readFileSync(join(dir, '城东区.config.json'), 'utf8')).toBe('{"comment":"mine"}');
    expect((await yijian(['config', 'init', '城东区.config.json', '--force'], dir)).status).toBe(0);
    expect(readFileSync(join(dir, '城东区.config.json'), 'utf8')).toBe(exampleConfigText());
  });

  it('the example is usable once its paths exist: inspect runs with it', async () => {
    const dir = tempDir();
    await yijian(['config', 'init'], dir);
    mkdirSync(join(dir, '草案'));
    copyFileSync(draft.replace(/\.txt$/, '.docx'), join(dir, '草案/某市电动自行车管理条例（征求意见稿）.docx'));
    mkdirSync(join(dir, '词典'));
    writeFileSync(join(dir, '词典/本地词语.txt'), '电动自行车 10 n\n');
    const run = await yijian(['inspect', submissions], dir);
    expect(run.stderr).not.toContain('错误');
    expect(run.status).toBe(0);
  });

  it('comment and _说明 are accepted in every section', async () => {
    const notes = { comment: 'x', _说明: 'y' };
    expect(ConfigSchema.safeParse({
      ...notes,
      columns: { ...notes },
      dictionary: { ...notes },
      thresholds: { ...notes },
      limits: { ...notes },
      points: [{ ...notes, pattern: 'a' }],
    }).success).toBe(true);
  });
});

describe('inputs: next month is one command', () => {
  it('digest with no files reads the config inputs, relative to the config file', async () => {
    const subs = copySubmissions();
    const dir = join(subs, '..');
    writeFileSync(join(dir, 'yijian.config.json'), JSON.stringify({ inputs: ['意见'], output: '报告', formats: ['md'] }));
    const run = await yijian(['digest'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('数据行 108 = 意见行 92（拆分后有效意见 93 条） + 问题行 3 + 空行 8 + 说明行 5');
    expect(readFileSync(join(dir, '报告/汇总报告.md'), 'utf8').length).toBeGreaterThan(0);
    // From elsewhere, with --config: paths still resolve against the config's folder.
    const again = await yijian(['--config', join(dir, 'yijian.config.json'), 'digest', '--force'], tempDir());
    expect(again.status).toBe(0);
  });

  it('digest with neither files nor inputs is a usage error naming inputs', async () => {
    const run = await yijian(['digest'], folderWithConfig('{ "formats": ["md"] }'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('inputs');
  });
});
