// The real segsim CLI as a child process, for tests of what a user sees: exit code, stdout, stderr.
// Progress lines are off (SEGSIM_PROGRESS=off, from vitest.config.ts).
import { execFile } from 'node:child_process';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `segsim ...args` from the repository root; spawns may run concurrently. */
export function segsim(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/segsim.mjs', ...args],
      { encoding: 'utf8', env: { ...process.env, CI: '1' } },
      (error, out, err) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, out, err }),
    );
  });
}
