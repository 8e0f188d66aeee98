/**
 * Writing an output file so that it is either complete or absent: the content goes to a temporary file in the
 * same directory first, which is then linked (refusing an existing file) or, with `overwrite`, renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** File systems without hard links answer these; there the exclusive create is used directly. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

export function writeFileAtomic(path: string, content: string | Uint8Array, overwrite = false): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, content, { flag: 'wx' });
  try {
    if (overwrite) {
      renameSync(tmp, path);
      return;
    }
    try {
      linkSync(tmp, path);
    } catch (error) {
      if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      writeFileSync(path, content, { flag: 'wx' });
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
