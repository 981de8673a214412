// Command-line numbers checked against the same LIMITS table as the scenario format.
import { availableParallelism } from 'node:os';
import { describeRange, inRange, LIMITS, type Limit } from '../model/limits.js';
import { usageError } from './errors.js';

/** Hard ceiling on --workers even when forced: each worker is a thread with its own heap. */
export const MAX_FORCED_WORKERS = 64;

function boundedNumber(text: string, flag: string, limit: Limit, integer: boolean): number {
  const trimmed = text.trim();
  const n = (integer ? /^\d+$/ : /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i).test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(n) || !inRange(limit, n))
    throw usageError(
      `${flag} must be ${integer ? 'a whole number ' : 'a number '}${describeRange(limit)}, got "${text}" (docs/limits.md)`,
    );
  return n;
}

export const parseRuns = (text: string, flag = '--runs'): number => boundedNumber(text, flag, LIMITS.runs, true);

export const parseHorizon = (text: string): number => boundedNumber(text, '--horizon', LIMITS.horizonHours, false);

export interface Workers {
  workers: number;
  /** Set when the request was lowered to the machine's cores. */
  note?: string;
}

/** --workers: at most the machine's cores unless forced, and never above MAX_FORCED_WORKERS. */
export function parseWorkers(text: string, force: boolean, cores: number = availableParallelism()): Workers {
  const limit: Limit = { min: 1, max: MAX_FORCED_WORKERS, unit: '', reason: '' };
  const requested = boundedNumber(text, '--workers', limit, true);
  if (force || requested <= cores) return { workers: requested };
  return {
    workers: cores,
    note: `--workers ${requested} is more than this machine's ${cores} cores; using ${cores} (--force-workers to insist)`,
  };
}
