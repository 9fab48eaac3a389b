/** Word reports through docxtemplater: paragraph loops, line breaks kept, a missing tag is an error. */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { YijianError } from '../errors.js';
import type { LoadedTemplate } from './templates.js';
import { deterministicZip } from './zip.js';

/** Raised from the null getter: docxtemplater would otherwise print "undefined" or nothing. */
class MissingTag extends Error {
  constructor(readonly tag: string) {
    super(`missing tag ${tag}`);
  }
}

interface DocxTemplateErrorDetail {
  xtag?: string;
  explanation?: string;
  id?: string;
}

/** Collects the tags and explanations of a docxtemplater error (single or "Multi error"). */
function details(error: unknown): DocxTemplateErrorDetail[] {
  if (error instanceof MissingTag) return [{ xtag: error.tag, explanation: '模板引用了不存在的字段' }];
  if (typeof error !== 'object' || error === null) return [];
  const properties = (error as { properties?: { errors?: unknown[] } & DocxTemplateErrorDetail }).properties;
  if (properties?.errors !== undefined) return properties.errors.flatMap(details);
  if (properties !== undefined) return [properties];
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? [] : details(cause);
}

/**
 * Tags are field paths (`totals.records`); own properties only, never the prototype chain.
 * A present null (or undefined) reads as '', so it hides in {#…} blocks; only an absent field is
 * undefined (→ MissingTag). Done here, per tag read, rather than by copying the whole data first:
 * a 100k-opinion view is large and each template reads only part of it.
 */
function dottedPath(tag: string): { get(scope: unknown): unknown } {
  const path = tag.trim() === '.' ? [] : tag.trim().split('.');
  return {
    get(scope: unknown): unknown {
      let value = scope;
      for (const key of path) {
        if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value ?? '';
    },
  };
}

/** Renders a .docx template with `data`; template problems become E_BAD_TEMPLATE naming file and tag. */
export function renderDocx(template: LoadedTemplate, data: object): Buffer {
  try {
    const zip = new PizZip(template.data);
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      // docxtemplater prints template errors to the console by default; ours go through YijianError.
      errorLogging: false,
      linebreaks: true,
      parser: dottedPath,
      nullGetter(part) {
        throw new MissingTag(part.value);
      },
    });
    doc.render(data);
    return deterministicZip(doc.getZip());
  } catch (error) {
    const found = details(error);
    const tags = [...new Set(found.map((d) => d.xtag).filter((t): t is string => t !== undefined))];
    const explanation = found.map((d) => d.explanation).filter((e) => e !== undefined)[0];
    const message = error instanceof Error ? error.message : String(error);
    throw new YijianError(
      'E_BAD_TEMPLATE',
      `模板 ${template.file} ${tags.length > 0 ? `中的 {${tags.join('}、{')}} ` : ''}有错误：${explanation ?? message}`,
      {
        hint: `请检查模板文件 ${template.path}；字段名见 yijian templates export 导出的默认模板。`,
        location: { file: template.path },
        cause: error,
      },
    );
  }
}
