/** Paths the tests share: the repository root and the real legal texts in ../shared/data beside it. */
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
/** CI clones the repository with shared/ beside it, as on the developers' machines. */
export const SHARED_DATA = resolve(REPO, '../shared/data');
