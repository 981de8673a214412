// The same experiment across worker threads. Runs are cut into chunks handed out as workers free
// up; every record goes back to its (design, seed) slot, so the result is identical for any
// number of workers, and identical to runExperiment.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
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
 * The worker's code as one self-contained module. Loading the TypeScript sources module by module
 * through a loader hook costs a worker about 1.5 s before its first run; one bundle, built once
 * per process by esbuild (which tsx already uses), starts in about 0.1 s.
 */
let workerCode: Promise<URL> | undefined;
function workerUrl(): Promise<URL> {
  workerCode ??= build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  }).then(
    (out) => new URL(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.contents).toString('base64')}`),
  );
  return workerCode;
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
  const url = await workerUrl();
  let done = 0;
  let next = 0;
  const pool = Array.from(
    { length: Math.min(options.workers, chunks.length) },
    () => new Worker(url, { workerData: init }),
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
  return assembleExperiment(model, spec, records);
}
