// The options commands share, declared once: runs, seed, designs, attacks, worker threads,
// simulated hours and output files, with the checks that turn their text into values.
import { Option } from 'commander';
import { parseHorizon } from './bounds.js';
import { usageError } from './errors.js';

export const designOption = () => new Option('-d, --design <id>', 'access design');

export const designsOption = () => new Option('-d, --designs <ids>', 'comma-separated designs (default: all)');

export const attackOption = (help = 'attack (default: the first in the file)') => new Option('-a, --attack <id>', help);

export const attacksOption = () => new Option('-a, --attacks <ids>', 'comma-separated attacks (default: all)');

/** `per` completes "runs per …": design, design and attack, expectation that sets no runs of its own. */
export const runsOption = (per: string) => new Option('-n, --runs <n>', `runs per ${per}`).default('200');

export const seedOption = (help = 'base seed; run i uses seed "<seed>:<i>"') =>
  new Option('-s, --seed <n>', help).default('1');

export const workersOption = () =>
  new Option(
    '-w, --workers <n>',
    "worker threads, at most the machine's cores; results are identical for any number. Each worker starts cold (its own plant model, unoptimised code for its first few hundred runs), so they pay off from a few thousand runs per design",
  ).default('1');

/** --force-workers, beside --workers. */
export const forceWorkersOption = () => new Option('--force-workers', "allow more --workers than the machine's cores");

export const horizonOption = () =>
  new Option('--horizon <hours>', "simulated hours (default: the scenario's horizonHours)");

export const jsonOption = (help: string) => new Option('--json <file>', help);

export const mdOption = (help = 'write a Markdown report') => new Option('--md <file>', help);

export function positiveInteger(text: string, flag: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw usageError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}

/** --horizon: undefined when not given, else hours within the scenario format's bounds. */
export function hoursOrDefault(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseHorizon(text);
}
