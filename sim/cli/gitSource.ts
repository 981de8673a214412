// `git:REV:path` scenario arguments: the file and the files it imports as they were at REV, copied
// into a temporary folder so the ordinary loader reads them, with errors naming git:REV:path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { usageError } from './errors.js';

const GIT_REF = /^git:([^:]+):(.+)$/;

export interface ScenarioSource {
  /** Where the loader reads it. */
  file: string;
  /** What messages call it: the argument as given. */
  shown: string;
  /** Removes what was copied (nothing for a plain file). */
  dispose: () => void;
}

/** A plain path is read where it is; `git:REV:path` is copied out of the repository first. */
export function scenarioSource(arg: string): ScenarioSource {
  const m = GIT_REF.exec(arg);
  if (m === null) return { file: arg, shown: arg, dispose: () => {} };
  const [, rev, path] = m as unknown as [string, string, string];
  const top = git(['rev-parse', '--show-toplevel'], process.cwd(), `${arg}: not inside a git repository`).trim();
  const inRepo = relative(top, resolve(path)).split(sep).join('/');
  if (inRepo.startsWith('..')) throw usageError(`${arg}: ${path} is outside the repository at ${top}`);
  const dir = mkdtempSync(join(tmpdir(), 'segsim-git-'));
  const copied = new Set<string>();
  const copy = (file: string, required: boolean): void => {
    if (copied.has(file)) return;
    copied.add(file);
    let text: string;
    try {
      text = git(['show', `${rev}:${file}`], top, `${arg}: git has no ${file} at ${rev}`);
    } catch (err) {
      if (required) throw err;
      return; // a missing import: the loader reports it where it is imported
    }
    const target = join(dir, ...file.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    for (const imp of importsOf(text))
      if (!posix.isAbsolute(imp)) copy(posix.normalize(posix.join(posix.dirname(file), imp)), false);
  };
  try {
    copy(inRepo, true);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    file: join(dir, ...inRepo.split('/')),
    shown: arg,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function git(args: string[], cwd: string, failure: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch {
    throw usageError(failure);
  }
}

/** The `imports` list of a scenario text, if it parses; the loader reports a text that does not. */
function importsOf(text: string): string[] {
  try {
    const value = parse(text) as { imports?: unknown } | null;
    const list = value?.imports;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
