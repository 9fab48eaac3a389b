/** `yijian` with no arguments at a terminal: a guided digest, question by question, ending with a saved config. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { EXIT } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { Terminal } from '../io/terminal.js';
import { DEFAULT_CONFIG_NAME, loadConfig, type LoadedConfig } from '../config/load.js';
import { ConfigSchema, REPORT_FORMATS, type Config, type ReportFormat } from '../config/schema.js';
import type { WorkbookWorkers } from '../ingest/index.js';
import { reportError, type CommandContext } from './program.js';
import { ingestOptionsFrom } from './ingest-flags.js';
import { digest } from './digest.js';
import { configRelative, findInputs, inputsToSave, isGlob } from './guided-files.js';
import { draftFolders, draftLabel, findDrafts } from './guided-drafts.js';
import { chooseColumns, type GuidedSheet, type Prompts } from './guided-sheets.js';
import { readForGuide, rereadSheet } from './guided-read.js';
import { askPointNames } from './guided-points.js';
import { describeChanges, mapEntries, patchConfigObject, type ConfigPatch, type SheetChoices } from './guided-save.js';

/** Whether a person is at the keyboard: stdin and stderr are terminals and this is not CI. */
export function wantsGuided(env: Readonly<Record<string, string | undefined>>, terminals: { stdinIsTTY: boolean; stderrIsTTY: boolean }): boolean {
  return terminals.stdinIsTTY && terminals.stderrIsTTY && env['CI'] !== 'true';
}

/** Why the guided flow does not start, said before the help when `yijian` runs without a terminal. */
export function guidedNeedsTerminal(env: Readonly<Record<string, string | undefined>>): string {
  const why = env['CI'] === 'true' ? '设置了 CI=true' : '标准输入或标准错误不是终端（脚本、管道或定时任务）';
  return `不带参数运行 yijian 会启动问答式向导，但向导需要在终端里由人来回答；${why}，所以没有启动。` +
    `请在终端中运行 yijian，或直接用命令，例如 yijian digest 意见/ --draft 草案.docx -o 报告/（已有 ${DEFAULT_CONFIG_NAME} 时 yijian digest 即可）。\n`;
}

const KEY_NAMES: Readonly<Record<string, string>> = { navigate: '移动', select: '选择', all: '全选', invert: '反选', submit: '确认' };
const listTheme = {
  style: {
    keysHelpTip: (keys: [string, string][]): string => keys.map(([key, what]) => `${key} ${KEY_NAMES[what] ?? what}`).join(' • '),
  },
};

/** The prompts of @inquirer/prompts, loaded only when the flow runs, with the Chinese key help. */
async function terminalPrompts(): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  return {
    select: (question) => inquirer.select({ ...question, theme: listTheme }),
    confirm: (question) => inquirer.confirm(question),
    input: (question) => inquirer.input(question),
    checkbox: (question) => inquirer.checkbox({ ...question, theme: listTheme }),
  };
}

const FORMAT_NAMES: Readonly<Record<ReportFormat, string>> = {
  md: 'Markdown（汇总报告）',
  html: 'HTML（汇总报告，含图表）',
  docx: 'Word（汇总报告、条文意见对照表）',
  xlsx: 'Excel（条文意见对照表、采纳情况登记表）',
};

/**
 * Runs the guided flow in the current folder and returns the exit code; never throws. `workbooks` are the
 * run's parsing workers (as digest and merge get theirs); without them each read starts its own.
 */
export async function runGuided(prompts?: Prompts, workbooks?: WorkbookWorkers): Promise<number> {
  const terminal = Terminal.fromEnvironment({ color: process.env['NO_COLOR'] === undefined, quiet: false });
  try {
    return await guided(terminal, process.cwd(), prompts ?? await terminalPrompts(), workbooks);
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      terminal.info('\n已取消，没有写入任何文件。');
      return EXIT.failure;
    }
    return reportError(terminal, error, false);
  }
}

async function guided(terminal: Terminal, cwd: string, prompts: Prompts, workbooks: WorkbookWorkers | undefined): Promise<number> {
  const loaded = loadConfig(undefined, cwd);
  const existing = loaded.config;
  const raw = loaded.path === null ? {} : rawConfig(loaded.path);
  terminal.info('yijian 向导：一步步合并、去重、逐条归类各联系点的意见并生成报告。按 Ctrl+C 随时退出。');
  if (loaded.path !== null) terminal.info(`已读取当前目录的 ${DEFAULT_CONFIG_NAME}，其中的设置作为默认值（包括以前保存的各表列映射）。`);

  const defaultOutput = existing.output ?? 'yijian-output';
  const { answer: inputAnswer, files } = await askInputs(terminal, prompts, cwd, existing, defaultOutput);
  const context = contextFor(terminal, loaded, cwd, workbooks);
  // Read once: the same grids serve the previews and every re-read with a person's choices.
  const { result, sheets } = await readForGuide(files, ingestOptionsFrom({}, context), workbooks);
  for (const failure of result.failures) terminal.error(failure.code, failure.message);
  const optionsFor = (config: Config): ReturnType<typeof ingestOptionsFrom> => ingestOptionsFrom({}, contextFor(terminal, { config, path: null, baseDir: cwd }, cwd, workbooks));
  const choices = await chooseColumns(sheets, result, {
    prompts,
    say: (line) => terminal.info(line),
    warn: (line, code) => terminal.warn(code, line),
    reread: async (sheet, choice) => rereadSheet(sheet, choice, raw, files, optionsFor),
    screenWidth: process.stderr.columns ?? 100,
  });
  const pointNames = await askPointNames(prompts, result.records, existing.counties ?? []);
  const draft = await askDraft(prompts, cwd, files, existing, resolve(cwd, defaultOutput));
  const output = await prompts.input({ message: '报告写到哪个文件夹？', default: defaultOutput });
  const formats = await prompts.checkbox<ReportFormat>({
    message: '生成哪些格式？',
    choices: REPORT_FORMATS.map((format) => ({ value: format, name: FORMAT_NAMES[format], checked: (existing.formats ?? REPORT_FORMATS).includes(format) })),
    required: true,
  });
  const outputDir = resolve(cwd, output);
  const force = existsSync(outputDir) && await prompts.confirm({ message: `文件夹 ${output} 已存在，覆盖其中同名的报告吗？`, default: false });
  if (existsSync(outputDir) && !force) {
    terminal.info('没有覆盖。请换一个输出文件夹后重新运行 yijian。');
    return EXIT.failure;
  }

  const patch: ConfigPatch = {
    inputs: inputsAnswer(inputAnswer, files, outputDir, cwd),
    output: configRelative(outputDir, cwd),
    formats,
    draft: draft === null ? null : configRelative(draft, cwd),
    map: mapEntries(choices, files, (choice) => columnsOf(sheets, choice)),
    pointNames,
  };
  const patched = patchConfigObject(raw, patch);
  // The run uses exactly the config that would be saved, so "next month" gives the same result.
  const config = ConfigSchema.parse(patched);
  const runContext = contextFor(terminal, { config, path: null, baseDir: cwd }, cwd, workbooks);
  const code = await digest(runContext, [], { force, showContact: false });
  if (code === EXIT.failure) return code;
  terminal.success(`报告在 ${outputDir}`);
  await offerToSave(terminal, prompts, cwd, raw, patched, loaded.path !== null);
  return code;
}

function rawConfig(path: string): Record<string, unknown> {
  // loadConfig has validated it; this is the same file as written, so saving keeps every key and its order.
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/u, '')) as Record<string, unknown>;
}

function contextFor(terminal: Terminal, config: LoadedConfig, cwd: string, workbooks: WorkbookWorkers | undefined): CommandContext {
  return {
    terminal,
    config,
    flags: { quiet: false, debug: false, color: terminal.options.color, yes: false },
    cwd,
    stdout: (text) => process.stdout.write(text),
    ...(workbooks === undefined ? {} : { workbooks }),
  };
}

function columnsOf(sheets: readonly GuidedSheet[], choice: SheetChoices): GuidedSheet['original']['columns'] {
  return sheets.find((sheet) => sheet.path === choice.path && sheet.original.sheet === choice.sheet)?.original.columns ?? [];
}

async function askInputs(terminal: Terminal, prompts: Prompts, cwd: string, existing: Config, output: string): Promise<{ answer: string[]; files: string[] }> {
  let fallback = existing.inputs?.join(' ') ?? '.';
  for (;;) {
    const answer = await prompts.input({
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
    if (await prompts.confirm({ message: '就用这些文件吗？', default: true })) {
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

const OTHER = '\u0000other';

async function askDraft(prompts: Prompts, cwd: string, files: readonly string[], existing: Config, outputDir: string): Promise<string | null> {
  const { readDraft } = await import('../text/read-draft.js');
  const candidates = await findDrafts(draftFolders(files, cwd), readDraft, outputDir);
  const configured = existing.draft !== undefined ? resolve(cwd, existing.draft) : null;
  const shown = (path: string): string => relative(cwd, path) || path;
  const choices = candidates.map((candidate) => ({ value: candidate.path as string | null, name: draftLabel(candidate, shown(candidate.path)) }));
  if (configured !== null && !candidates.some((candidate) => candidate.path === configured)) {
    choices.unshift({ value: configured, name: `${shown(configured)}（配置文件中的草案）` });
  }
  const choice = await prompts.select<string | null>({
    message: candidates.length === 0 ? '草案文件（在意见文件旁没有找到草案）：' : `草案文件（在意见文件旁找到 ${candidates.length} 份，用于把意见归入条文、引用条文原文）：`,
    choices: [
      ...choices,
      { value: OTHER, name: '输入其他路径…' },
      { value: null, name: '不使用草案（只按条款列和正文中的引用归类）' },
    ],
    default: configured ?? choices[0]?.value ?? null,
  });
  if (choice !== OTHER) return choice;
  const typed = await prompts.input({
    message: '草案文件路径（.docx .txt .md）：',
    validate: (value) => existsSync(resolve(cwd, value.trim())) || '找不到这个文件，请检查路径。',
  });
  return resolve(cwd, typed.trim());
}

async function offerToSave(
  terminal: Terminal,
  prompts: Prompts,
  cwd: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  exists: boolean,
): Promise<void> {
  const path = join(cwd, DEFAULT_CONFIG_NAME);
  const changes = describeChanges(before, after);
  if (changes.length === 0) {
    terminal.info(`${DEFAULT_CONFIG_NAME} 中已是这些设置，无需保存。`);
    return;
  }
  terminal.info(`保存到 ${DEFAULT_CONFIG_NAME} 将${exists ? '改动这些设置（其余设置原样保留）' : '写入这些设置'}：`);
  for (const line of changes) terminal.info(line);
  const columns = changes.some((line) => line.startsWith('  columns.map'));
  const save = await prompts.confirm({ message: `保存到 ${DEFAULT_CONFIG_NAME}${columns ? '，下次不再询问这些表的列' : ''}吗？`, default: true });
  if (!save) {
    terminal.info('没有保存配置。');
    return;
  }
  await writeFileAtomic(path, `${JSON.stringify(after, null, 2)}\n`, { force: true });
  terminal.success(`已保存 ${path}`);
  terminal.info('下次在这个文件夹运行 yijian digest --force 即按这些设置汇总，不再提问。');
}
