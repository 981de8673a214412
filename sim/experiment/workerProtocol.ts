// Messages between the experiment's main thread and its workers.
import { BudgetExceededError, type BudgetKind } from '../kernel/errors.js';
import type { Scenario } from '../model/schema.js';
import type { RunRecord } from './runs.js';

export interface WorkerInit {
  scenario: Scenario;
  designIds: string[];
  attackId: string;
  seed: number | string;
  horizonHours: number | null;
}

/** Runs `from` (inclusive) to `to` (exclusive) of one design. */
export interface Chunk {
  id: number;
  design: number;
  from: number;
  to: number;
}

/** Progress goes in batches of runs to keep messages few. */
export type FromWorker =
  | { type: 'runs'; count: number }
  | { type: 'chunk'; id: number; records: RunRecord[] }
  | { type: 'error'; message: string; budget?: BudgetKind };

/** A worker's failure as the message it sends: a budget error keeps its class across the thread. */
export function errorMessage(err: unknown): FromWorker {
  if (err instanceof BudgetExceededError) return { type: 'error', message: err.message, budget: err.code };
  return { type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** The main thread's side of errorMessage. */
export function workerFailure(m: { message: string; budget?: BudgetKind }): Error {
  return m.budget === undefined
    ? new Error(`experiment worker failed: ${m.message}`)
    : new BudgetExceededError(m.budget, m.message);
}
