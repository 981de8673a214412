// Every command, loaded only when it runs: the command's name picks one module, so a command
// pays for its own code alone. A new command is one entry.
import type { Command } from 'commander';

export type Register = (program: Command) => unknown;

/** In the order `segsim --help` lists them. */
export const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  validate: () => import('./commands/validate.js').then((m) => m.registerValidate),
  schema: () => import('./commands/schema.js').then((m) => m.registerSchema),
  inspect: () => import('./commands/inspect.js').then((m) => m.registerInspect),
  reach: () => import('./commands/reach.js').then((m) => m.registerReach),
  compare: () => import('./commands/compare.js').then((m) => m.registerCompare),
  merge: () => import('./commands/merge.js').then((m) => m.registerMerge),
  matrix: () => import('./commands/matrix.js').then((m) => m.registerMatrix),
  sweep: () => import('./commands/sweep.js').then((m) => m.registerSweep),
  check: () => import('./commands/check.js').then((m) => m.registerCheck),
  baseline: () => import('./commands/baseline.js').then((m) => m.registerBaseline),
  run: () => import('./commands/run.js').then((m) => m.registerRun),
  policy: () => import('./commands/policy.js').then((m) => m.registerPolicy),
  audit: () => import('./commands/audit.js').then((m) => m.registerAudit),
  generate: () => import('./commands/generate.js').then((m) => m.registerGenerate),
  view: () => import('./commands/view.js').then((m) => m.registerView),
  report: () => import('./commands/report.js').then((m) => m.registerReport),
  lint: () => import('./commands/lint.js').then((m) => m.registerLint),
  diff: () => import('./commands/diff.js').then((m) => m.registerDiff),
  init: () => import('./commands/init.js').then((m) => m.registerInit),
  live: () => import('./commands/live.js').then((m) => m.registerLive),
};

/**
 * The commands to load for these arguments: the one named, none for a bare --version, and every
 * one otherwise (help, or a name to correct with "did you mean").
 */
export function commandsFor(args: readonly string[]): (() => Promise<Register>)[] {
  const name = args.find((a) => !a.startsWith('-'));
  if (name !== undefined && Object.hasOwn(COMMANDS, name)) return [COMMANDS[name]!];
  if (name === undefined && args.some((a) => a === '-V' || a === '--version')) return [];
  return Object.values(COMMANDS);
}
