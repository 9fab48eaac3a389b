/**
 * The file patterns people write in the config's points rules (`"pattern": "海淀*"`) and before a scoped
 * --map (`'海淀*.xls:意见建议=E'`): one rule for both, so a pattern that picks a file for one picks it for the other.
 */

/** A file pattern: a glob (* and ?) against the base name or the whole path, else a substring of the path. */
export function matchesFile(pattern: string, filePath: string): boolean {
  const path = filePath.replaceAll('\\', '/');
  const wanted = pattern.replaceAll('\\', '/');
  if (!/[*?]/u.test(wanted)) return path.includes(wanted);
  const regex = globToRegExp(wanted);
  const base = path.split('/').pop() ?? path;
  return regex.test(base) || regex.test(path);
}

/**
 * `*` and `?` of a glob as a regular expression for a whole name, or the last parts of a path (no other
 * character is special). `ignoreCase` for names typed to find files on disk (the guided flow's `*.XLSX`).
 */
export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/gu, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^(?:.*/)?${body}$`, ignoreCase ? 'iu' : 'u');
}
