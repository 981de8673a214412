// Progress for people at a terminal while experiments run; silent in pipes and CI logs.
import cliProgress from 'cli-progress';
import type { ExperimentResult, ExperimentSpec } from '../experiment/runExperiment.js';
import { runExperiment } from '../experiment/runExperiment.js';
import type { PlantModel } from '../model/plantModel.js';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

/** A progress bar on stderr for people at a terminal; silent in pipes and CI logs. */
export function startProgress(total: number): Progress {
  if (!process.stderr.isTTY || process.env.CI) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = performance.now();
  bar.start(total, 0, { rate: '–' });
  return {
    update: (done, all) => {
      if (all !== bar.getTotal()) bar.setTotal(all);
      bar.update(done, { rate: Math.round(done / Math.max((performance.now() - start) / 1000, 1e-3)) });
    },
    stop: () => bar.stop(),
  };
}

/** Runs the experiment, on worker threads when asked, with a progress bar. */
export async function runWithProgress(
  model: PlantModel,
  spec: ExperimentSpec,
  workers: number,
): Promise<ExperimentResult> {
  const progress = startProgress(spec.runs * spec.designs.length);
  try {
    if (workers === 1) return runExperiment(model, spec, { onProgress: progress.update });
    const { runExperimentParallel } = await import('../experiment/parallel.js');
    return await runExperimentParallel(model, spec, { workers, onProgress: progress.update });
  } finally {
    progress.stop();
  }
}

/** Several experiments one after another under one progress bar (a sweep's values, a matrix's attacks). */
export function runInTurn(jobs: readonly { model: PlantModel; spec: ExperimentSpec }[]): ExperimentResult[] {
  const sizes = jobs.map((j) => j.spec.runs * j.spec.designs.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const progress = startProgress(total);
  let before = 0;
  try {
    return jobs.map(({ model, spec }, k) => {
      const result = runExperiment(model, spec, { onProgress: (done) => progress.update(before + done, total) });
      before += sizes[k]!;
      return result;
    });
  } finally {
    progress.stop();
  }
}
