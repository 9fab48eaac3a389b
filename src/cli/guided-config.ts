/** The guided flow's answers as a config: what the run uses, and what is saved so next month is one command. */
import { ConfigSchema, type Config, type ReportFormat } from '../config/schema.js';
import { resolveFieldName } from '../ingest/index.js';
import { opinionMappingConfig, type OpinionColumnAnswer } from './guided-columns.js';

/** Everything a person answered in the guided flow (paths relative to the folder the config is saved in). */
export interface GuidedAnswers {
  inputs: string[];
  opinionColumns: OpinionColumnAnswer[];
  draft: string | null;
  output: string;
  formats: ReportFormat[];
}

/**
 * The existing config (if any) with the answers laid over it; validated, so what the run uses is exactly
 * what `yijian digest` will read back from the saved file.
 */
export function answersToConfig(existing: Config, answers: GuidedAnswers): Config {
  const { map, synonyms } = opinionMappingConfig(answers.opinionColumns);
  const columns = existing.columns ?? {};
  const opinionSynonyms = [...new Set([...(columns.synonyms?.opinion ?? []), ...synonyms])];
  // The answer replaces any opinion mapping the config had: two forced mappings of one field are refused.
  const keptMap = Object.keys(map).length === 0 ? columns.map ?? {} : withoutOpinion(columns.map ?? {});
  const merged: Config = {
    ...existing,
    inputs: answers.inputs,
    output: answers.output,
    formats: answers.formats,
    columns: {
      ...columns,
      ...(Object.keys(keptMap).length + Object.keys(map).length > 0 ? { map: { ...keptMap, ...map } } : {}),
      ...(opinionSynonyms.length > 0 ? { synonyms: { ...columns.synonyms, opinion: opinionSynonyms } } : {}),
    },
  };
  if (answers.draft !== null) merged.draft = answers.draft;
  else delete merged.draft;
  if (Object.keys(merged.columns ?? {}).length === 0) delete merged.columns;
  return ConfigSchema.parse(merged);
}

function withoutOpinion(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter(([field]) => resolveFieldName(field) !== 'opinion'));
}

/** The config as the text of yijian.config.json. */
export function configText(config: Config): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
