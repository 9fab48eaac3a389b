/**
 * The city's own contact points (市公证协会立法联系点, 市律师协会立法联系点) belong to no county: the reports said
 * （未注明县区） for them, as if a county had been left out (a tester's note on the 继承编 batch).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCityLevelPoint, shownCounty } from '../../src/city-level.js';
import { makeTempDir, REPO_ROOT, runYijian } from '../cli/run-cli.js';

describe('isCityLevelPoint', () => {
  it.each([
    ['市公证协会立法联系点', true],
    ['市律师协会立法联系点', true],
    ['市级机关工委立法联系点', true],
    ['市中区人民法院立法联系点', false],
    ['市南区八大关街道立法联系点', false],
    ['东湖街道立法联系点', false],
    ['市', false],
  ])('%s → %s', (point, city) => expect(isCityLevelPoint(point)).toBe(city));

  it('keeps a county that was written', () => {
    expect(shownCounty('城东区', '市律师协会立法联系点', '未注明县区')).toBe('城东区');
    expect(shownCounty(null, '市律师协会立法联系点', '未注明县区')).toBe('市直');
    expect(shownCounty(null, '滨江社区', '未注明县区')).toBe('未注明县区');
  });
});

describe('the summary of a batch with a city-level point', () => {
  it('files 市公证协会立法联系点 under 市直, not （未注明县区）', async () => {
    const dir = makeTempDir('yijian-city-');
    const batch = join(REPO_ROOT, 'fixtures/eval/民法典（继承留出）');
    const draft = join(REPO_ROOT, 'fixtures/eval/drafts/民法典（继承编节选）.md');
    expect((await runYijian(['digest', batch, '--draft', draft, '-o', 'out', '--formats', 'md'], dir)).status).toBe(0);
    const md = readFileSync(join(dir, 'out/汇总报告.md'), 'utf8');
    expect(md).toMatch(/\| 市公证协会立法联系点 \| 市直 \|/u);
    expect(md).not.toContain('未注明县区');
  }, 120_000);
});
