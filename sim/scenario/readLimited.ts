// Reading a scenario file safely: only regular files, at most LIMITS.importBytes, and an import
// only from inside the allowed root. A refusal names the rule it broke.
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { LIMITS } from '../model/limits.js';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const MAX_BYTES = LIMITS.importBytes.max;

/** The text of `file` if it is a regular file of at most MAX_BYTES. */
export function readScenarioText(file: string): ReadResult {
  let stat: ReturnType<typeof statSync>;
  try {
    // stat before open: opening a FIFO or a device could block or never end.
    stat = statSync(file);
  } catch (err) {
    return { ok: false, reason: errnoReason(err) };
  }
  if (stat.isDirectory()) return { ok: false, reason: 'it is a directory (EISDIR)' };
  if (!stat.isFile()) return { ok: false, reason: 'not a regular file (only regular files are read)' };
  if (stat.size > MAX_BYTES) return { ok: false, reason: tooLarge(stat.size) };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    return { ok: false, reason: errnoReason(err) };
  }
  try {
    if (!fstatSync(fd).isFile()) return { ok: false, reason: 'not a regular file (only regular files are read)' };
    // Read one byte past the limit, in case the file grew since the stat.
    const buffer = Buffer.alloc(Math.min(MAX_BYTES + 1, stat.size + 1));
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_BYTES) return { ok: false, reason: tooLarge(length) };
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') };
  } catch (err) {
    return { ok: false, reason: errnoReason(err) };
  } finally {
    closeSync(fd);
  }
}

/** Null when `file` (symbolic links followed) lies under `root`, else why not. */
export function outsideRoot(file: string, root: string): string | null {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(file);
  } catch {
    return null; // a missing file is reported by the read, with its own reason
  }
  try {
    realRoot = realpathSync(root);
  } catch {
    return `the folder imports may come from (${root}) does not exist`;
  }
  const rel = relative(realRoot, real);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  return inside
    ? null
    : `outside the folder imports may come from (${root}); imports stay under the main scenario's folder unless --allow-imports names another`;
}

function tooLarge(bytes: number): string {
  return `larger than the ${MAX_BYTES / 1024 / 1024} MiB a scenario file may have (${bytes} bytes or more)`;
}

function errnoReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file (ENOENT)';
  if (code === 'EISDIR') return 'it is a directory (EISDIR)';
  if (code === 'EACCES') return 'permission denied (EACCES)';
  return code ?? String(err);
}
