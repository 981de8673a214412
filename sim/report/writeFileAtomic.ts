// Writes a file so that readers see the old content or the new, never half of it. The temporary
// file is named after the target and the writing process, so a later write to the same target
// removes what a killed writer (kill -9 leaves no chance to clean up) left behind.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** A temporary file older than this is stale even if its process id has been reused. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Creates missing parent folders, writes a temporary file beside the target, then renames it. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    removeStaleTemporaries(file);
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new OutputFileError(file, err as NodeJS.ErrnoException);
  }
}

/** Removes `.NAME.PID.tmp` files beside `file` whose process is gone, or that are over an hour old. */
export function removeStaleTemporaries(file: string, now = Date.now()): string[] {
  const prefix = `.${basename(file)}.`;
  const removed: string[] = [];
  for (const name of readdirSync(dirname(file))) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = name.slice(prefix.length, -'.tmp'.length);
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const path = join(dirname(file), name);
    try {
      if (processAlive(Number(pid)) && now - statSync(path).mtimeMs < STALE_AFTER_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Another writer removed or renamed it first.
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}
