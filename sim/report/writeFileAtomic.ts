// Writes a file so that readers see the old content or the new, never half of it.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** An output file could not be written: bad input from the user's side, not a crash. */
export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    cause: NodeJS.ErrnoException,
  ) {
    super(
      `cannot write ${file}: ${cause.code === 'EACCES' ? 'permission denied' : cause.code === 'EISDIR' ? 'it is a directory' : cause.message}`,
    );
    this.name = 'OutputFileError';
  }
}

/** Creates missing parent folders, writes a temporary file beside the target, then renames it. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new OutputFileError(file, err as NodeJS.ErrnoException);
  }
}
