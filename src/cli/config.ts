/** `yijian config init`: writes a commented example yijian.config.json. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { EXIT } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import { DEFAULT_CONFIG_NAME } from '../config/load.js';
import { ConfigSchema, type Config } from '../config/schema.js';
import { action } from './program.js';
import { commandDescription } from './commands.js';

/**
 * The example written by `config init`: every section, each explained by a "_说明" key (JSON has no comments).
 * Typed as Config, so a schema change that breaks the example fails the build, not the user.
 */
export const EXAMPLE_CONFIG: Config = {
  _说明: 'yijian 配置文件。放在工作目录下名为 yijian.config.json 时自动读取，也可用 --config 指定。所有键都可省略；命令行选项优先于这里的设置。"_说明" 和 "comment" 键只供人阅读，可删除。相对路径相对于本文件所在目录。pointNames：同一个联系点的其他写法 → 统一用的名称（写法相近的名称 digest、merge 会提示）。',
  inputs: ['各联系点/'],
  draft: '草案/某市电动自行车管理条例（征求意见稿）.docx',
  output: '报告/',
  formats: ['md', 'html', 'docx', 'xlsx'],
  templates: '我的模板/',
  columns: {
    _说明: 'synonyms：各字段的补充表头名称（字段：seq point county submitter submitterType article opinion suggestion reason contact date）；map：固定的列映射，同命令行 --map，值为列字母或表头文字。',
    synonyms: {
      opinion: ['群众意见', '意见摘要'],
      article: ['对应条款'],
      point: ['报送联系点'],
    },
    map: {
      意见建议: '具体内容',
    },
  },
  points: [
    {
      _说明: '文件名（含路径）包含 pattern，或与带 * ? 的 pattern 匹配时，表中没有联系点、县（市、区）列的行用这里的名称。',
      pattern: '东湖',
      point: '东湖街道立法联系点',
      county: '城东区',
    },
    { pattern: '河西县-*.csv', county: '河西县' },
  ],
  pointNames: {
    东湖街道基层立法联系点: '东湖街道立法联系点',
  },
  dictionary: {
    _说明: 'userDict：补充分词词典文件（每行：词语 [词频] [词性]）；stopWords：补充停用词；stopWordFiles：停用词表文件（每行一个词）。',
    userDict: ['词典/本地词语.txt'],
    stopWords: ['建议', '希望'],
    stopWordFiles: [],
  },
  thresholds: {
    _说明: '0 到 1 之间。near：近似重复的相似度阈值；assign：按相似度归入条文的最低相似度；cluster：同条意见聚为一类的阈值。',
    near: 0.5,
    assign: 0.1,
    cluster: 0.2,
  },
};

/** The example as file text: two-space JSON with a final newline, byte-stable. */
export function exampleConfigText(): string {
  return `${JSON.stringify(ConfigSchema.parse(EXAMPLE_CONFIG), null, 2)}\n`;
}

/** Registers `config init [file]`. */
export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description(commandDescription('config'))
    .addHelpText('after', `
示例：
  $ yijian config init                      在当前目录生成 ${DEFAULT_CONFIG_NAME}
  $ yijian config init 城东区.config.json     生成到指定文件
  $ yijian digest --config 城东区.config.json  按配置运行（配置中的 inputs 即要读取的文件）`);

  config
    .command('init')
    .description(`生成带说明的示例配置文件（默认 ./${DEFAULT_CONFIG_NAME}），已存在时不覆盖`)
    .argument('[file]', '配置文件路径', DEFAULT_CONFIG_NAME)
    .option('-f, --force', '覆盖已存在的文件', false)
    .addHelpText('after', `
示例：
  $ yijian config init
  $ yijian config init 城东区.config.json --force`)
    .action(
      action(async (context, file: string, options: { force: boolean }) => {
        const path = resolve(context.cwd, file);
        assertWritable(path, options.force);
        await writeFileAtomic(path, exampleConfigText(), { force: options.force });
        context.stdout(`${path}\n`);
        context.terminal.success(`已生成示例配置 ${file}。请按实际情况修改，不需要的键可删除；之后运行 yijian digest 即按此配置执行。`);
        return EXIT.ok;
      }),
    );
}
