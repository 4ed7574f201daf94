import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(REPO, 'fixtures');
export const SNAPSHOTS = join(REPO, 'snapshots');
export const CLI = join(REPO, 'bin', 'goconc.js');
