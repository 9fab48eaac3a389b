/** `yijian` with no arguments at a terminal: a guided digest, question by question, ending with a saved config. */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { EXIT } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { Terminal } from '../io/terminal.js';
import { DEFAULT_CONFIG_NAME, loadConfig, type LoadedConfig } from '../config/load.js';
import { REPORT_FORMATS, type Config, type ReportFormat } from '../config/schema.js';
import { readSubmissions, type IngestResult } from '../ingest/index.js';
import type { SheetReport } from '../model.js';
import { reportError, type CommandContext } from './program.js';
import { ingestOptionsFrom } from './ingest-flags.js';
import { digest } from './digest.js';
import { choiceLabel, describeMapping, hasOpinionColumn, headerChoices, type OpinionColumnAnswer } from './guided-columns.js';
import { answersToConfig, configText, type GuidedAnswers } from './guided-config.js';
import { configRelative, findDraftCandidates, findInputs, inputsToSave, isGlob } from './guided-files.js';

/** Whether a person is at the keyboard: stdin and stderr are terminals and this is not CI. */
export function wantsGuided(env: NodeJS.ProcessEnv): boolean {
  return Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY) && env['CI'] !== 'true';
}

const KEY_NAMES: Readonly<Record<string, string>> = { navigate: '移动', select: '选择', all: '全选', invert: '反选', submit: '确认' };
const listTheme = {
  style: {
    keysHelpTip: (keys: [string, string][]): string => keys.map(([key, what]) => `${key} ${KEY_NAMES[what] ?? what}`).join(' • '),
  },
};

const FORMAT_NAMES: Readonly<Record<ReportFormat, string>> = {
  md: 'Markdown（汇总报告）',
  html: 'HTML（汇总报告，含图表）',
  docx: 'Word（汇总报告、条文意见对照表）',
  xlsx: 'Excel（条文意见对照表、采纳情况登记表）',
};

/** Runs the guided flow in the current folder and returns the exit code; never throws. */
export async function runGuided(): Promise<number> {
  const terminal = Terminal.fromEnvironment({ color: process.env['NO_COLOR'] === undefined, quiet: false });
  try {
    return await guided(terminal, process.cwd());
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      terminal.info('\n已取消，没有写入任何文件。');
      return EXIT.failure;
    }
    return reportError(terminal, error, false);
  }
}

async function guided(terminal: Terminal, cwd: string): Promise<number> {
  const loaded = loadConfig(undefined, cwd);
  const existing = loaded.config;
  terminal.info('yijian 向导：一步步合并、去重、逐条归类各联系点的意见并生成报告。按 Ctrl+C 随时退出。');
  if (loaded.path !== null) terminal.info(`已读取当前目录的 ${DEFAULT_CONFIG_NAME}，其中的设置作为默认值。`);

  const defaultOutput = existing.output ?? 'yijian-output';
  const { answer: inputAnswer, files } = await askInputs(terminal, cwd, existing, defaultOutput);
  const context = contextFor(terminal, { config: existing, path: loaded.path, baseDir: cwd }, cwd);
  const result = await readSubmissions(files, ingestOptionsFrom({}, context));
  const opinionColumns = await askColumns(terminal, result);
  const draft = await askDraft(cwd, files, existing);
  const output = await input({ message: '报告写到哪个文件夹？', default: defaultOutput });
  const formats = await checkbox<ReportFormat>({
    message: '生成哪些格式？',
    choices: REPORT_FORMATS.map((format) => ({ value: format, name: FORMAT_NAMES[format], checked: (existing.formats ?? REPORT_FORMATS).includes(format) })),
    required: true,
    theme: listTheme,
  });
  const outputDir = resolve(cwd, output);
  const force = existsSync(outputDir) && await confirm({ message: `文件夹 ${output} 已存在，覆盖其中同名的报告吗？`, default: false });
  if (existsSync(outputDir) && !force) {
    terminal.info('没有覆盖。请换一个输出文件夹后重新运行 yijian。');
    return EXIT.failure;
  }

  const answers: GuidedAnswers = {
    inputs: inputsAnswer(inputAnswer, files, outputDir, cwd),
    opinionColumns,
    draft: draft === null ? null : configRelative(draft, cwd),
    output: configRelative(outputDir, cwd),
    formats,
  };
  const config = answersToConfig(existing, answers);
  // The run uses exactly the config that would be saved, so "next month" gives the same result.
  const runContext = contextFor(terminal, { config, path: null, baseDir: cwd }, cwd);
  const code = await digest(runContext, [], { force, showContact: false });
  if (code === EXIT.failure) return code;
  terminal.success(`报告在 ${outputDir}`);
  await offerToSave(terminal, cwd, config);
  return code;
}

function contextFor(terminal: Terminal, config: LoadedConfig, cwd: string): CommandContext {
  return {
    terminal,
    config,
    flags: { quiet: false, debug: false, color: terminal.options.color, yes: false },
    cwd,
    stdout: (text) => process.stdout.write(text),
  };
}

async function askInputs(terminal: Terminal, cwd: string, existing: Config, output: string): Promise<{ answer: string[]; files: string[] }> {
  let fallback = existing.inputs?.join(' ') ?? '.';
  for (;;) {
    const answer = await input({
      message: '意见文件在哪里？（文件夹、文件，或通配符如 各联系点/*.xlsx）',
      default: fallback,
    });
    // Several configured inputs are offered joined by spaces; a typed answer is one path (paths may hold spaces).
    const parts = existing.inputs !== undefined && answer === fallback ? existing.inputs : [answer.trim() === '' ? '.' : answer.trim()];
    const files = (await Promise.all(parts.map((part) => findInputs(part, cwd, output)))).flat();
    if (files.length === 0) {
      terminal.warn('W_NO_INPUT_FILES', `“${answer}”下没有找到 .xlsx .xls .csv .tsv 文件，请重新输入。`);
      fallback = answer;
      continue;
    }
    terminal.info(`找到 ${files.length} 个文件：`);
    for (const file of files) terminal.info(`  ${relative(cwd, file) || file}`);
    if (await confirm({ message: '就用这些文件吗？', default: true })) {
      return { answer: parts, files };
    }
    fallback = answer;
  }
}

// A glob is saved as the files it found (config inputs are files and folders, as on the command line).
function inputsAnswer(parts: readonly string[], files: readonly string[], outputDir: string, cwd: string): string[] {
  if (parts.some((part) => isGlob(part))) return files.map((file) => configRelative(file, cwd));
  const saved = parts.flatMap((part) => {
    const path = resolve(cwd, part);
    const inPart = files.filter((file) => file === path || file.startsWith(path + sep));
    return inPart.length === 1 && inPart[0] === path ? [configRelative(path, cwd)] : inputsToSave(path, inPart, outputDir, cwd);
  });
  return [...new Set(saved)];
}

async function askColumns(terminal: Terminal, result: IngestResult): Promise<OpinionColumnAnswer[]> {
  for (const failure of result.failures) terminal.error(failure.code, failure.message);
  const answers: OpinionColumnAnswer[] = [];
  for (const sheet of result.sheets) {
    terminal.info(describeMapping(sheet).join('\n'));
    // A 填表说明 sheet holds no table: nothing to map, nothing to ask.
    if (sheet.headerRows.length === 0 && (sheet.notes ?? 0) > 0 && sheet.notes === sheet.rows - sheet.blanks) {
      terminal.info('    本表是填表说明，不含意见，跳过。');
      continue;
    }
    if (hasOpinionColumn(sheet)) {
      if (await confirm({ message: '这张表的列映射正确吗？', default: true })) continue;
    } else {
      terminal.warn('E_NO_OPINION_COLUMN', `工作表「${sheet.sheet}」没有找到“意见建议”列，请指出意见在哪一列。`);
    }
    const answer = await askOpinionColumn(sheet, result);
    if (answer !== null) answers.push(answer);
  }
  return answers;
}

async function askOpinionColumn(sheet: SheetReport, result: IngestResult): Promise<OpinionColumnAnswer | null> {
  const choices = headerChoices(sheet, result);
  if (choices.length === 0) return null;
  const header = await select<string | null>({
    message: `「${sheet.file}」工作表「${sheet.sheet}」的意见在哪一列？`,
    choices: [
      ...choices.map((choice) => ({ value: choice.header, name: choiceLabel(choice) })),
      { value: null, name: '跳过这张表（其中的行记为问题行）' },
    ],
    pageSize: 12,
    theme: listTheme,
  });
  return header === null ? null : { file: sheet.file, sheet: sheet.sheet, header };
}

async function askDraft(cwd: string, files: readonly string[], existing: Config): Promise<string | null> {
  const folders = [...new Set([cwd, ...files.map((file) => resolve(file, '..'))])];
  const candidates = await findDraftCandidates(folders);
  const configured = existing.draft !== undefined ? resolve(cwd, existing.draft) : null;
  const other = '\u0000other';
  const choice = await select<string | null>({
    message: '草案文件（用于把意见归入条文、引用条文原文）：',
    choices: [
      ...[...new Set([...(configured === null ? [] : [configured]), ...candidates])].map((path) => ({ value: path, name: relative(cwd, path) || path })),
      { value: other, name: '输入其他路径…' },
      { value: null, name: '不使用草案（只按条款列和正文中的引用归类）' },
    ],
    theme: listTheme,
  });
  if (choice !== other) return choice;
  const typed = await input({
    message: '草案文件路径（.docx .txt .md）：',
    validate: (value) => existsSync(resolve(cwd, value.trim())) || '找不到这个文件，请检查路径。',
  });
  return resolve(cwd, typed.trim());
}

async function offerToSave(terminal: Terminal, cwd: string, config: Config): Promise<void> {
  const path = join(cwd, DEFAULT_CONFIG_NAME);
  const save = await confirm({ message: `把这些回答保存为 ${DEFAULT_CONFIG_NAME}，下个月一条命令就能重跑吗？`, default: true });
  if (!save) return;
  const force = existsSync(path) && await confirm({ message: `${DEFAULT_CONFIG_NAME} 已存在，覆盖吗？`, default: false });
  if (existsSync(path) && !force) {
    terminal.info('没有保存配置。');
    return;
  }
  await writeFileAtomic(path, configText(config), { force });
  terminal.success(`已保存 ${path}`);
  terminal.info(`下次在这个文件夹运行：yijian digest --yes --force（或 yijian digest --config ${DEFAULT_CONFIG_NAME}）`);
}
