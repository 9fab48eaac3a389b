/** The text slice: the draft, the earlier round it is compared to, and the segmenter's dictionaries, as absolute paths. */
import { z } from 'zod';
import { resolveConfigPath, type LoadedConfig } from '../../config/load.js';
import type { SegmenterOptions } from '../../text/segment.js';
import { flagPath, pathOption } from './common.js';

/** Text flags as commander hands them over. */
export const TextFlagsSchema = z.object({
  draft: z.string().optional(),
  userDict: z.array(z.string()).optional(),
  stopWords: z.array(z.string()).optional(),
});
export type TextFlags = z.input<typeof TextFlagsSchema>;

/** What text analysis needs, resolved: files to read and the segmenter's options, every list filled. */
export interface TextOptions {
  /** The draft (--draft, else the config's draft), or null for none. */
  draft: string | null;
  segmenter: Required<SegmenterOptions>;
}

/** The draft and dictionaries of flags and config: the config's files first, then the flags'. */
export function textOptionsOf(flags: TextFlags, loaded: LoadedConfig, cwd: string): TextOptions {
  const dictionary = loaded.config.dictionary ?? {};
  const fromConfig = (paths: readonly string[] | undefined): string[] => (paths ?? []).map((path) => resolveConfigPath(loaded, path));
  const fromFlags = (paths: readonly string[] | undefined): string[] => (paths ?? []).map((path) => flagPath(cwd, path));
  return {
    draft: pathOption(cwd, flags.draft, loaded, loaded.config.draft),
    segmenter: {
      userDicts: [...fromConfig(dictionary.userDict), ...fromFlags(flags.userDict)],
      stopWords: dictionary.stopWords ?? [],
      stopWordFiles: [...fromConfig(dictionary.stopWordFiles), ...fromFlags(flags.stopWords)],
      synonymFiles: fromConfig(dictionary.synonyms),
    },
  };
}
