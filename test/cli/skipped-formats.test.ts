/** Files a point may send its opinions in that yijian cannot read (.et, .doc, .txt, .pdf) are said, never passed over. */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/ingest/index.js';
import { DRAFT_TXT, FIXTURE, fixturePath, makeTempDir, REPO_ROOT, runYijian } from './run-cli.js';

function folder(): string {
  const dir = makeTempDir();
  copyFileSync(fixturePath(FIXTURE.donghu), join(dir, FIXTURE.donghu));
  writeFileSync(join(dir, '普陀区-曹杨街道立法联系点.et'), 'x');
  writeFileSync(join(dir, '普陀区-长寿路街道意见.doc'), 'x');
  writeFileSync(join(dir, '枫林街道.txt'), '序号\t意见建议\r\n1\t意见\r\n');
  writeFileSync(join(dir, '照片.jpg'), 'x');
  return dir;
}

describe('a folder with files in formats yijian does not read', () => {
  it('reads the tables and names each skipped file with what to do', async () => {
    const dir = folder();
    const { files, notices } = await collectInputs([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([FIXTURE.donghu]);
    expect(notices.map((n) => [n.code, n.location.file.slice(dir.length + 1), 'format' in n ? n.format : null])).toEqual([
      ['W_FORMAT_SKIPPED', '普陀区-曹杨街道立法联系点.et', 'et'],
      ['W_FORMAT_SKIPPED', '普陀区-长寿路街道意见.doc', 'word'],
      ['W_FORMAT_SKIPPED', '枫林街道.txt', 'text'],
    ]);
  });

  it('says so on stderr, but not of the draft kept beside the submissions', async () => {
    const dir = folder();
    const draft = join(dir, '草案.txt');
    copyFileSync(DRAFT_TXT, draft);
    const run = await runYijian(['inspect', dir, '--draft', draft], REPO_ROOT);
    expect(run.stderr).toContain('普陀区-曹杨街道立法联系点.et 是 WPS 表格文件（.et），不能直接读取，已跳过；请用 WPS 打开后“另存为”Excel 工作簿（.xlsx）再读取。 [W_FORMAT_SKIPPED]');
    expect(run.stderr).toContain('枫林街道.txt 是文本文件（.txt），已跳过');
    expect(run.stderr).not.toContain('草案.txt');
    expect(run.stderr).not.toContain('照片.jpg');
  });
});
