// Messages between the experiment's main thread and its workers.
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
  | { type: 'error'; message: string };
