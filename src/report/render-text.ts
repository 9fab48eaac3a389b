/**
 * Markdown and HTML reports through Handlebars: a fresh environment per render, strict mode (a
 * missing field is an error, not an empty string), prototype access left off (Handlebars' default).
 */
import Handlebars from 'handlebars';
import { YijianError } from '../errors.js';
import { chineseDate, chineseNumber, percent } from '../text/format.js';
import { barChart } from './svg.js';
import type { LoadedTemplate } from './templates.js';
import type { ReportView } from './view.js';

/**
 * Escapes characters Markdown would act on (emphasis, links, tables, raw HTML, headings, lists),
 * and folds line breaks so one opinion stays one list item or table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    // After 。，； or another full-width mark a Chinese text goes on without a space; elsewhere one keeps the words apart.
    .replace(/[ \t]*(?:\r\n?|\n)+[ \t]*/g, (fold: string, at: number, whole: string) => (/[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\uff5b-\uff65]/u.test(whole[at - 1] ?? '') ? '' : ' '))
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#+-])(?=\s|$)/, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, (_m, number: string, mark: string) => `${number}\\${mark}`);
}

const asNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/** Where a mustache sits in its template (Handlebars gives helpers `loc`). */
interface SourceLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * Strict mode does not check helper arguments, so a helper given a missing field raises this
 * itself; the renderer turns the location back into the tag text.
 */
class MissingArgument extends Error {
  constructor(readonly loc: SourceLocation | undefined) {
    super('helper argument not defined');
  }
}

/** Wraps a helper so an undefined argument is an error, as strict mode makes it for plain tags. */
function strictHelper(body: (...values: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const options = args[args.length - 1] as { loc?: SourceLocation };
    const values = args.slice(0, -1);
    if (values.some((v) => v === undefined)) throw new MissingArgument(options.loc);
    return body(...values);
  };
}

/** A fresh Handlebars environment with yijian's helpers (`md` escapes Markdown). */
function environment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('percent', strictHelper((part, whole) => percent(asNumber(part), asNumber(whole))));
  hb.registerHelper('chineseDate', strictHelper((iso) => chineseDate(String(iso))));
  hb.registerHelper('cn', strictHelper((n) => chineseNumber(asNumber(n))));
  hb.registerHelper('inc', strictHelper((n) => asNumber(n) + 1));
  hb.registerHelper('md', strictHelper((text) => escapeMarkdown(text === null ? '' : String(text))));
  return hb;
}

/** Turns a Handlebars error into E_BAD_TEMPLATE naming the file and, when known, the tag. */
export function templateError(template: LoadedTemplate, error: unknown): YijianError {
  if (error instanceof MissingArgument) {
    const loc = error.loc;
    const line = loc === undefined ? '' : (template.data.toString('utf8').split('\n')[loc.start.line - 1] ?? '');
    const text = loc === undefined || loc.end.line !== loc.start.line ? '' : line.slice(loc.start.column, loc.end.column);
    return new YijianError(
      'E_BAD_TEMPLATE',
      `模板 ${template.file} 中的 ${text} 引用了不存在的字段${loc === undefined ? '' : `（第 ${loc.start.line} 行）`}`,
      { hint: `请检查模板文件 ${template.path}；字段名见 yijian templates export 导出的默认模板。`, location: { file: template.path } },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const missing = /"([^"]+)" not defined/.exec(message);
  const where = /(?:line |- )(\d+)(?::(\d+))?/.exec(message);
  const tag = missing?.[1] === undefined ? '' : `中的 {{${missing[1]}}} `;
  const line = where?.[1] === undefined ? '' : `（第 ${where[1]} 行）`;
  return new YijianError('E_BAD_TEMPLATE', `模板 ${template.file} ${tag}有错误${line}：${message.split('\n')[0] ?? ''}`, {
    hint: `请检查模板文件 ${template.path}；字段名见 yijian templates export 导出的默认模板。`,
    location: { file: template.path },
    cause: error,
  });
}

/** Renders a Markdown report; text fields must go through {{md …}} in the template. */
export function renderMarkdown(template: LoadedTemplate, view: ReportView): string {
  return renderMarkdownWith(template, view);
}

/** Renders the self-contained HTML report with its inline SVG charts (opinions per article, point, county). */
export function renderHtml(template: LoadedTemplate, view: ReportView): string {
  const charts = {
    articles: trustedHtml(barChart('各条款意见数', view.articleCounts.map((a) => ({ label: a.notInDraft === true ? `${a.label}（草案无此条）` : a.label, value: a.submissions })))),
    points: trustedHtml(barChart('各联系点报送意见数', view.points.map((p) => ({ label: p.name, value: p.submissions })))),
    counties: trustedHtml(barChart('各县（市、区）报送意见数', view.counties.map((c) => ({ label: c.name, value: c.submissions })))),
  };
  // Copied with its getters, not spread: spreading would build the lazily built parts (every decision row) too.
  return renderHtmlWith(template, Object.defineProperties({ charts }, Object.getOwnPropertyDescriptors(view)));
}

function render(template: LoadedTemplate, kind: 'markdown' | 'html', context: object): string {
  try {
    const hb = environment();
    // Markdown is not HTML: Handlebars' escaping would put &lt; into a text file, so `md` escapes instead.
    const compiled = hb.compile(template.data.toString('utf8'), { strict: true, noEscape: kind === 'markdown' });
    return compiled(context);
  } catch (error) {
    throw templateError(template, error);
  }
}

/** Renders any Markdown template with `context` (feedback, statistics); text fields go through {{md …}}. */
export function renderMarkdownWith(template: LoadedTemplate, context: object): string {
  // Blocks that render empty leave runs of blank lines; one blank line is all Markdown needs.
  return `${render(template, 'markdown', context).replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Renders any HTML template with `context`; values are HTML-escaped, SafeString values (charts) are not. */
export function renderHtmlWith(template: LoadedTemplate, context: object): string {
  return render(template, 'html', context);
}

/** Marks trusted markup (an inline SVG chart) so the HTML template inserts it unescaped. */
export function trustedHtml(markup: string): unknown {
  return new Handlebars.SafeString(markup);
}
