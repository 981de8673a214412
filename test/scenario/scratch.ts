// Scenario texts written to a temporary directory and loaded from there; issues printed with
// file names relative to that directory so snapshots do not depend on where it is.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadScenario, type LoadResult } from '../../sim/scenario/load.js';
import { formatIssue } from '../../sim/scenario/issues.js';

export const PHARMA = readFileSync(new URL('../../scenarios/pharma.yaml', import.meta.url), 'utf8');

let root: string | undefined;
let count = 0;

/** A fresh directory holding `files` (name → text); the first file is the one loaded. */
export function writeFiles(files: Record<string, string>): { dir: string; main: string } {
  root ??= mkdtempSync(join(tmpdir(), 'segsim-scenario-'));
  const dir = join(root, String(count++));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const main = Object.keys(files)[0];
  if (main === undefined) throw new Error('writeFiles needs at least one file');
  return { dir, main: join(dir, main) };
}

export function removeScratch(): void {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
}

export function loadFiles(files: Record<string, string>): { result: LoadResult; dir: string } {
  const { dir, main } = writeFiles(files);
  return { result: loadScenario(main), dir };
}

/** The formatted issues of loading `files`, or `['ok']`. */
export function problems(files: Record<string, string>): string[] {
  const { result, dir } = loadFiles(files);
  if (result.ok) return ['ok'];
  return result.issues.map((i) => formatIssue(i).split(`${dir}/`).join(''));
}

/** Strips the common indentation of a template literal and its first newline. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(
    ...text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.length - l.trimStart().length),
  );
  return text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n')
    .replace(/[ \t]+$/, '');
}
