/** Paths the tests share: the repository root and the real legal texts in fixtures/laws. */
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
/** Public legal texts copied into the repository (see fixtures/laws/README.md): a clone alone passes its tests. */
export const LAWS = resolve(REPO, 'fixtures/laws');
