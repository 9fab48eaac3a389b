/**
 * The 意见征集表 a contact point fills in (pure): the rows of the form and of its 填表说明 sheet, the
 * 条款 choices (第十二条（号牌登记）…, 总体意见, 草案名称), and the lines of the title area.
 */
import { articleLabel } from '../article-key.js';
import type { Draft } from '../model.js';

/** Normalised options of `yijian form`. */
export interface FormOptions {
  /** 联系点, shown in the title area when given. */
  point: string | null;
  /** 县（市、区）, shown in the title area when given. */
  county: string | null;
  /** Empty rows with drop-downs and borders, ready to fill. */
  rows: number;
}

export const DEFAULT_FORM_ROWS = 200;

/** The two choices that are not articles, first in the list as points use them most. */
export const GENERAL_CHOICES = ['总体意见', '草案名称'] as const;

/** What the form is made of, before it is laid out as a workbook. */
export interface FormModel {
  title: string;
  /** 联系点：…　县（市、区）：… — '' when neither was given. */
  pointLine: string;
  /** The 条款 drop-down: every article with its caption, after the general choices. */
  choices: string[];
  instructions: string[];
  rows: number;
}

/** 第十二条（号牌登记）, or 第十二条 when the article has no caption. */
export function articleChoice(label: string, caption: string | null): string {
  return caption === null ? label : `${label}（${caption}）`;
}

/** Builds the form for `draft`. */
export function buildForm(draft: Draft, options: FormOptions): FormModel {
  const choices = [...GENERAL_CHOICES, ...draft.articles.map((a) => articleChoice(articleLabel(a.key), a.caption))];
  const pointParts = [
    ...(options.point === null ? [] : [`联系点：${options.point}`]),
    ...(options.county === null ? [] : [`县（市、区）：${options.county}`]),
  ];
  return {
    title: `《${draft.title.replace(/^《|》$/g, '')}》意见征集表`,
    pointLine: pointParts.join('　　'),
    choices,
    instructions: [
      `本表用于收集对《${draft.title}》的意见建议，每行填写一条意见。`,
      '“条款”一栏请从下拉列表中选择意见针对的条文（列表即右侧“下拉选项”）；针对草案整体的选“总体意见”，针对草案名称的选“草案名称”。',
      '一条意见涉及几个条文的，可以手工填写，如“第十二条、第十三条”或“第十二条第二款”。',
      '“意见建议”必填；“修改建议”可写建议修改后的条文；“理由”可写依据和情况。',
      '“身份”请从下拉列表中选择：群众、企业、人大代表、政协委员、律师、专家学者、其他。',
      '“联系方式”仅用于反馈采纳情况，报告中会打码处理。',
      '“日期”请写意见提出的日期，如 2024-05-20。',
      '表中的行可以排序、插入或删除，请不要修改或删除列标题行，也不要改动本说明页。',
      '填好后请保存为 .xlsx 文件报送（用 WPS 或 LibreOffice 保存也可以）。',
    ],
    rows: options.rows,
  };
}
