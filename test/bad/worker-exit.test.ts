/**
 * The dedupe worker must never outlive an error: packing the keys threw after the worker had started,
 * and `digest` never exited. Run against dist/ (where the worker exists) in a child process; the
 * process must end on its own, with the error reported.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './cli.js';

/** Runs a module script with node; resolves with its exit code, or 'hung' when it is still running after `ms`. */
function runScript(source: string, ms: number): Promise<{ code: number | null | 'hung'; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ code: 'hung', stderr });
    }, ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

const background = JSON.stringify(join(REPO, 'dist', 'dedupe', 'background.js'));

describe('the dedupe worker on error paths', () => {
  it('packing that throws leaves no worker behind: the process exits', async () => {
    const script = `
      const { startDuplicateSearch } = await import(${background});
      const keys = ['建议增加充电桩', '建议增加充电桩'];
      // What a key list longer than V8's longest string does inside packKeys.
      keys.join = () => { throw new RangeError('Invalid string length'); };
      try { startDuplicateSearch(keys, { near: 0.8 }); } catch (error) { console.error('caught', error.message); process.exitCode = 7; }
    `;
    const result = await runScript(script, 20_000);
    expect(result.stderr).toContain('caught Invalid string length');
    expect(result.code).toBe(7);
  }, 30_000);

  it('a caller that fails before asking for the answer still exits', async () => {
    const script = `
      const { startDuplicateSearch } = await import(${background});
      const keys = Array.from({ length: 20000 }, (_, i) => '关于第' + (i % 300) + '条的意见：建议进一步明确适用范围和责任主体' + i);
      startDuplicateSearch(keys, { near: 0.8 });
      throw new Error('归入条文时出错');
    `;
    const result = await runScript(script, 20_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('归入条文时出错');
  }, 30_000);
});
