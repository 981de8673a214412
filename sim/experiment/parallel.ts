// The same experiment across worker threads. Runs are cut into chunks handed out as workers free
// up; every record goes back to its (design, seed) slot, so the result is identical for any
// number of workers, and identical to runExperiment.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlantModel } from '../model/plantModel.js';
import {
  assembleExperiment,
  validateSpec,
  type ExperimentOptions,
  type ExperimentResult,
  type ExperimentSpec,
} from './runExperiment.js';
import type { RunRecord } from './runs.js';
import { workerFailure, type Chunk, type FromWorker, type WorkerInit } from './workerProtocol.js';

export interface ParallelOptions extends ExperimentOptions {
  workers: number;
}

/** Chunks of about a quarter of a worker's fair share, so a slow design does not leave others idle. */
export function chunkRuns(designs: number, runs: number, workers: number): Chunk[] {
  const size = Math.max(1, Math.ceil((designs * runs) / (workers * 4)));
  const chunks: Chunk[] = [];
  for (let design = 0; design < designs; design++) {
    for (let from = 0; from < runs; from += size)
      chunks.push({ id: chunks.length, design, from, to: Math.min(runs, from + size) });
  }
  return chunks;
}

/**
 * The worker, one self-contained module that the build (bin/build.mjs) writes to dist/worker.js.
 * This module sits two folders below the package root in sim/ and in dist/ alike, so one
 * relative path finds it from the sources, the library and the command line's bundle.
 */
const WORKER = new URL('../../dist/worker.js', import.meta.url);

export class WorkerNotBuiltError extends Error {
  override name = 'WorkerNotBuiltError';
  readonly code = 'WORKER_NOT_BUILT';
}

export async function runExperimentParallel(
  model: PlantModel,
  spec: ExperimentSpec,
  options: ParallelOptions,
): Promise<ExperimentResult> {
  validateSpec(spec);
  const chunks = chunkRuns(spec.designs.length, spec.runs, options.workers);
  const records: RunRecord[][] = spec.designs.map(() => new Array<RunRecord>(spec.runs));
  const total = spec.runs * spec.designs.length;
  const init: WorkerInit = {
    scenario: model.scenario,
    designIds: spec.designs.map((d) => d.id),
    attackId: spec.attack.id,
    seed: spec.seed,
    horizonHours: spec.horizonHours ?? null,
  };
  if (!existsSync(WORKER))
    throw new WorkerNotBuiltError(
      `the experiment worker is not built (${fileURLToPath(WORKER)}); run \`npm run build\``,
    );
  let done = 0;
  let next = 0;
  const pool = Array.from(
    { length: Math.min(options.workers, chunks.length) },
    () => new Worker(WORKER, { workerData: init }),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              const chunk = chunks[next++];
              if (chunk === undefined) resolve();
              else worker.postMessage(chunk);
            };
            worker.on('message', (m: FromWorker) => {
              if (m.type === 'runs') options.onProgress?.((done += m.count), total);
              else if (m.type === 'error') reject(workerFailure(m));
              else {
                const chunk = chunks[m.id]!;
                m.records.forEach((r, k) => (records[chunk.design]![chunk.from + k] = r));
                feed();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`experiment worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  options.onPhase?.('static worst cases');
  return assembleExperiment(model, spec, records);
}
