/** 汇总报告.html opened in headless Chromium: it renders, its charts have size, it fetches nothing, it logs no error. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourStats, decodePng, type DecodedPng } from './png.js';

// YIJIAN_CHROMIUM points at another build (or at nothing, to check the skip message).
const CHROMIUM = process.env['YIJIAN_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

const repo = resolve(import.meta.dirname, '../..');
const submissions = join(repo, 'fixtures/submissions');
const draft = join(repo, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt');

/** The three charts renderHtml draws, by their aria-label. */
const CHART_TITLES = ['各县（市、区）报送意见数', '各联系点报送意见数', '各条款意见数'];

function yijian(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync('node', [join(repo, 'bin/yijian'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

interface ChartBox {
  label: string;
  width: number;
  height: number;
  bars: number;
}

describe.runIf(hasChromium)('汇总报告.html in headless Chromium', () => {
  let out: string;
  let htmlUrl: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let screenshotPath: string;
  let screenshot: Buffer;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'yijian-screenshot-'));
    const run = yijian(['digest', submissions, '--draft', draft, '-o', out, '--formats', 'html', '--date', '2024-06-01']);
    if (run.status !== 0) throw new Error(`digest failed (${run.status}): ${run.stderr}`);
    const htmlPath = join(out, '汇总报告.html');
    htmlUrl = pathToFileURL(htmlPath).href;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(htmlUrl, { waitUntil: 'load' });
    screenshotPath = join(out, '汇总报告.png');
    screenshot = await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    // Set YIJIAN_KEEP_SCREENSHOT=1 to look at the PNG afterwards; its folder is printed.
    if (process.env['YIJIAN_KEEP_SCREENSHOT'] === undefined) rmSync(out, { recursive: true, force: true });
    else console.warn(`screenshot kept: ${screenshotPath}`);
  });

  it('renders the title and every section heading', async () => {
    const title = '《某市电动自行车管理条例（征求意见稿）》意见汇总报告';
    expect(await page.title()).toBe(title);
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('p.date').innerText()).toBe('2024年6月1日');
    const headings = await page.locator('h2').allInnerTexts();
    expect(headings).toEqual([
      '一、基本情况',
      '二、各县（市、区）和联系点报送情况',
      '三、逐条意见分布',
      '四、主要意见',
      '五、总体意见',
      '六、未归入具体条款的意见',
    ]);
  });

  it('draws one <svg> per chart, each with a non-zero box and one bar per table row', async () => {
    const charts: ChartBox[] = await page.locator('svg.chart').evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return { label: node.getAttribute('aria-label') ?? '', width: box.width, height: box.height, bars: node.querySelectorAll('rect').length };
      }),
    );
    expect(charts.map((c) => c.label)).toEqual(CHART_TITLES);
    for (const chart of charts) {
      expect(chart.width, chart.label).toBeGreaterThan(100);
      expect(chart.height, chart.label).toBeGreaterThan(20);
    }
    // Each chart is followed by the table of the same figures: as many bars as body rows.
    const tableRows = await page.locator('table').evaluateAll((tables) => tables.map((t) => t.querySelectorAll('tbody tr').length));
    expect(charts.map((c) => c.bars)).toEqual(tableRows);
    expect(tableRows).toEqual([2, 7, tableRows[2]]);
    expect(tableRows[2]).toBeGreaterThan(10);
  });

  it('keeps every chart label inside its chart (no label cut off at the left edge)', async () => {
    const outside = await page.locator('svg.chart text').evaluateAll((nodes) =>
      nodes.flatMap((node) => {
        const svg = node.closest('svg');
        if (svg === null) return ['(no svg)'];
        const text = node.getBoundingClientRect();
        const frame = svg.getBoundingClientRect();
        return text.left < frame.left - 1 || text.right > frame.right + 1 ? [node.textContent ?? ''] : [];
      }),
    );
    expect(outside).toEqual([]);
  });

  it('makes no network request: the only URL loaded is the file itself', () => {
    expect(requests).toEqual([htmlUrl]);
  });

  it('would notice a request or an error: a page with an outside image and a script error is caught', async () => {
    // The control for the two checks around it: the same listeners do see what they must not find.
    const probe = join(out, 'probe.html');
    await writeFile(probe, '<!DOCTYPE html><meta charset="utf-8"><img src="http://127.0.0.1:9/x.png"><script>undefinedFunction()</script>');
    const other = await browser.newPage();
    const seen: string[] = [];
    const errors: string[] = [];
    other.on('request', (request) => seen.push(request.url()));
    other.on('pageerror', (error) => errors.push(error.message));
    await other.goto(pathToFileURL(probe).href, { waitUntil: 'load' });
    await other.close();
    expect(seen).toContain('http://127.0.0.1:9/x.png');
    expect(errors.join()).toContain('undefinedFunction');
  });

  it('logs no console error and throws no page error', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('shows people article labels, never raw keys, placeholders or English', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain('第十二条之一');
    expect(text).not.toMatch(/\b\d+-\d+\b/); // ArticleKey like 12-1
    expect(text).not.toMatch(/undefined|null|NaN|\[object Object\]|\{\{/);
    // Only Chinese prose: Latin words would be an untranslated label or a leaked contact (`com` of an
    // e-mail once showed up as a cluster keyword). File names of sources are the exception.
    const withoutFileNames = text.replace(/[^\s/（）：；]+\.(?:csv|xlsx|xls|docx|txt)/g, '');
    expect(withoutFileNames.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
    // A key the draft does not have is marked as such, not shown like a real article.
    expect(await page.locator('tr', { hasText: '第五十条' }).innerText()).toContain('草案中无此条');
    // And in the chart too, where only the label is printed.
    expect(await page.locator('svg', { hasText: '各条款意见数' }).textContent()).toContain('第五十条（草案无此条）');
  });

  it('takes a full-page screenshot that is large and not blank', () => {
    expect(statSync(screenshotPath).size).toBe(screenshot.length);
    expect(screenshot.length).toBeGreaterThan(50 * 1024);
    const image = decodePng(screenshot);
    if (typeof image === 'string') throw new Error(image);
    const decoded: DecodedPng = image;
    expect(decoded.width).toBe(1280);
    expect(decoded.height).toBeGreaterThan(900); // full page: taller than the viewport
    const stats = colourStats(decoded);
    expect(stats.distinct).toBeGreaterThan(50); // anti-aliased text, greys, red bars
    expect(stats.redPixels).toBeGreaterThan(1000); // the bars were painted
    expect(stats.darkPixels).toBeGreaterThan(10_000); // and the text
    expect(readFileSync(screenshotPath).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

it.runIf(!hasChromium)('HTML report screenshot test skipped: Chromium not installed', () => {
  console.warn(`skipped: ${CHROMIUM} not found; install Debian's chromium (apt-get install -y chromium) to run the HTML screenshot test`);
});
