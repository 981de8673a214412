// Progress on stderr while experiments run: a bar for people at a terminal; in CI logs and pipes
// (stderr not a terminal, or CI set) a line when a phase starts and every few seconds, with done
// of total, the rate and a smoothed time left. SEGSIM_PROGRESS=off silences it, a number of
// seconds sets the pace of the lines (default 5).
import cliProgress from 'cli-progress';
import type { ExperimentResult, ExperimentSpec } from '../experiment/runExperiment.js';
import { runExperiment } from '../experiment/runExperiment.js';
import type { PlantModel } from '../model/plantModel.js';
import { formatDuration, SmoothedRate } from './progressRate.js';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

type Mode = 'bar' | 'lines' | 'off';

function mode(): Mode {
  if (process.env.SEGSIM_PROGRESS === 'off') return 'off';
  return process.stderr.isTTY && !process.env.CI ? 'bar' : 'lines';
}

function lineSeconds(): number {
  const s = Number(process.env.SEGSIM_PROGRESS);
  return Number.isFinite(s) && s > 0 ? s : 5;
}

const now = () => performance.now() / 1000;
const say = (line: string) => process.stderr.write(`segsim: ${line}\n`);

/** A phase starting (`static worst cases`, `writing pharma.html`), on its own line in CI logs. */
export function announce(phase: string): void {
  if (mode() === 'lines') say(`${phase}…`);
}

/** "writing a.json and a.md", for the files given. */
export function announceWriting(...files: (string | undefined)[]): void {
  const named = files.filter((f): f is string => f !== undefined && f !== '-');
  if (named.length > 0) announce(`writing ${named.join(' and ')}`);
}

/** Progress through `total` units of work, named by `what` ("runs", "runs of scenarios/a.yaml"). */
export function startProgress(total: number, what = 'runs'): Progress {
  const m = mode();
  if (m === 'off' || total === 0) return { update: () => {}, stop: () => {} };
  return m === 'bar' ? bar(total) : lines(total, what);
}

function lines(initial: number, what: string): Progress {
  const every = lineSeconds();
  const start = now();
  const rate = new SmoothedRate();
  rate.observe(start, 0);
  let total = initial;
  let done = 0;
  let next = start + every;
  say(`${what}: ${total} to do`);
  return {
    update: (d, all) => {
      done = d;
      total = all;
      const t = now();
      if (t < next || done >= total) return;
      next = t + every;
      rate.observe(t, done);
      const left = rate.secondsLeft(total - done);
      say(
        `${what} ${done}/${total} (${Math.floor((100 * done) / total)}%), ${perSecond(rate.perSecond())}/s, ${left === null ? 'time left unknown' : `about ${formatDuration(left)} left`}`,
      );
    },
    stop: () => {
      const took = now() - start;
      say(`${what} ${done}/${total} in ${formatDuration(took)} (${perSecond(done / Math.max(took, 1e-3))}/s)`);
    },
  };
}

function bar(initial: number): Progress {
  const b = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} runs | {rate} runs/s | ETA {left}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const rate = new SmoothedRate();
  rate.observe(now(), 0);
  let sampled = now();
  let shown = { rate: '–', left: '–' };
  b.start(initial, 0, shown);
  return {
    update: (done, all) => {
      if (all !== b.getTotal()) b.setTotal(all);
      const t = now();
      if (t - sampled >= 0.5) {
        sampled = t;
        rate.observe(t, done);
        const left = rate.secondsLeft(all - done);
        shown = { rate: perSecond(rate.perSecond()), left: left === null ? '–' : formatDuration(left) };
      }
      b.update(done, shown);
    },
    stop: () => b.stop(),
  };
}

const perSecond = (r: number | null) => (r === null ? '–' : r >= 10 ? String(Math.round(r)) : r.toFixed(1));

/** Runs the experiment, on worker threads when asked, with progress. */
export async function runWithProgress(
  model: PlantModel,
  spec: ExperimentSpec,
  workers: number,
): Promise<ExperimentResult> {
  const progress = startProgress(spec.runs * spec.designs.length);
  const options = { onProgress: progress.update, onPhase: phaseAfter(progress) };
  try {
    if (workers === 1) return runExperiment(model, spec, options);
    const { runExperimentParallel } = await import('../experiment/parallel.js');
    return await runExperimentParallel(model, spec, { ...options, workers });
  } finally {
    progress.stop();
  }
}

/** Several experiments one after another under one progress (a sweep's values, a matrix's attacks). */
export function runInTurn(jobs: readonly { model: PlantModel; spec: ExperimentSpec }[]): ExperimentResult[] {
  const sizes = jobs.map((j) => j.spec.runs * j.spec.designs.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const progress = startProgress(total);
  let before = 0;
  let shown = false;
  try {
    return jobs.map(({ model, spec }, k) => {
      const result = runExperiment(model, spec, {
        onProgress: (done) => progress.update(before + done, total),
        // Each experiment ends on its static worst cases: named once, not between every two.
        onPhase: (phase) => {
          if (!shown) announce(`${phase}, between runs`);
          shown = true;
        },
      });
      before += sizes[k]!;
      return result;
    });
  } finally {
    progress.stop();
  }
}

/** The runs' progress ends where the next phase starts, so its closing line comes first. */
function phaseAfter(progress: Progress): (phase: string) => void {
  let stopped = false;
  const stop = progress.stop;
  progress.stop = () => {
    if (!stopped) stop();
    stopped = true;
  };
  return (phase) => {
    progress.stop();
    announce(phase);
  };
}
