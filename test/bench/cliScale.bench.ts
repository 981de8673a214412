// End-to-end cost of the CLI against plant size, as a user runs it:
//   segsim generate --assets N --seed 1 --out F.json && segsim compare F.json --runs 100 --seed 1 --json out.json
// each a fresh `node bin/segsim.mjs` (start-up, JSON, validation, model, 100 runs × 3 designs,
// static worst cases, bundle). Wall clock is timed here; each child reports its own peak resident
// set and CPU time on exit (support/childPeak.mjs), so nothing depends on /usr/bin/time or /proc.
// Cost should grow no worse than linearly with assets. Targets: 10,000 assets under 30 s (aim 5 s);
// 100,000 under 60 s with a peak under 3 GiB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bench, describe } from 'vitest';
import { BenchReport, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const SIZES = [1_000, 5_000, 10_000, 20_000, 50_000, 100_000] as const;
const RUNS = 100;
/** Pipelines per size; the summary keeps the fastest, the one least disturbed by other load. */
const ITERATIONS = 2;
/** Seconds for generate + compare, and peak MiB, by size. */
const TARGETS: Partial<Record<number, { seconds: number; peakMiB?: number }>> = {
  10000: { seconds: 30 },
  100000: { seconds: 60, peakMiB: 3 * 1024 },
};

/** Extra node arguments for the children, e.g. `--stack-size=4000` to look past a stack overflow; named in the summary. */
const CHILD_ARGS = (process.env.SEGSIM_BENCH_CHILD_ARGS ?? '').split(/\s+/).filter(Boolean);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD_PEAK = pathToFileURL(fileURLToPath(new URL('./support/childPeak.mjs', import.meta.url))).href;

interface Step {
  wallS: number;
  cpuS: number;
  peakMiB: number;
}
interface Pipeline {
  generate: Step;
  compare: Step;
  bundleMiB: number;
}

class SegsimFailure extends Error {
  constructor(
    readonly command: string,
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`segsim ${command} exited with ${code}: ${stderr.slice(-2000)}`);
    this.name = 'SegsimFailure';
  }

  get summary(): string {
    return `${this.command} exited with ${this.code} (${this.stderr.trim().split('\n').at(-1) ?? ''})`;
  }
}

/** Runs `node bin/segsim.mjs ...args` and resolves with its wall time, CPU time and peak RSS. */
function segsim(args: string[], peakFile: string): Promise<Step> {
  const env = {
    ...process.env,
    SEGSIM_BENCH_PEAK: peakFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${CHILD_PEAK}`.trim(),
  };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...CHILD_ARGS, 'bin/segsim.mjs', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new SegsimFailure(args[0]!, code, stderr));
      const usage = JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRssKiB: number; cpuMs: number };
      resolve({ wallS, cpuS: usage.cpuMs / 1000, peakMiB: usage.maxRssKiB / 1024 });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'segsim-cli-scale-'));
const fastest = new Map<number, Pipeline>();
/** Failed pipelines by size: the failing command and the last line it printed. */
const failures = new Map<number, string[]>();
const total = (p: Pipeline) => p.generate.wallS + p.compare.wallS;

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  let previous: [number, number] | undefined;
  const rows = SIZES.map((assets) => {
    const p = fastest.get(assets);
    const failed = failures.get(assets) ?? [];
    const note = failed.length ? `${failed.length} failed: ${failed[0]}` : '';
    if (p === undefined || !results.has(label(assets)))
      return [num(assets), ...Array<string>(8).fill('–'), note || 'failed'];
    const t = total(p);
    // Local growth exponent: 1 is linear, below 1 better (fixed start-up costs), above 1 worse.
    const exponent = previous ? num(Math.log(t / previous[1]) / Math.log(assets / previous[0]), 2) : '';
    previous = [assets, t];
    return [
      num(assets),
      num(p.generate.wallS, 1),
      num(p.compare.wallS, 1),
      num(t, 1),
      num(p.compare.cpuS, 1),
      num((1000 * t) / assets, 2),
      exponent,
      num(Math.max(p.generate.peakMiB, p.compare.peakMiB)),
      num(p.bundleMiB, 1),
      [verdict(assets, t, Math.max(p.generate.peakMiB, p.compare.peakMiB)), note].filter(Boolean).join('; '),
    ];
  });
  const [first, last] = [SIZES[0], SIZES[SIZES.length - 1]!];
  const [a, b] = [fastest.get(first), fastest.get(last)];
  const overall =
    a && b
      ? `\ngrowth exponent from ${num(first)} to ${num(last)} assets: ${num(Math.log(total(b) / total(a)) / Math.log(last / first), 2)}`
      : '';
  return `${formatTable(
    `CLI end to end: generate --assets N, then compare --runs ${RUNS} (3 designs) --json; fastest of ${ITERATIONS} per size` +
      (CHILD_ARGS.length ? `; children run as node ${CHILD_ARGS.join(' ')}` : ''),
    [
      'assets',
      'generate s',
      'compare s',
      'total s',
      'compare CPU s',
      's per 1k assets',
      'growth exponent',
      'peak RSS MiB',
      'bundle MiB',
      'target, failures',
    ],
    rows,
  )}${overall}`;
}

function verdict(assets: number, seconds: number, peakMiB: number): string {
  const target = TARGETS[assets];
  if (target === undefined) return '';
  const time = seconds < target.seconds ? `under ${target.seconds} s` : `over ${target.seconds} s`;
  if (target.peakMiB === undefined) return time;
  return `${time}, peak ${peakMiB < target.peakMiB ? 'under' : 'over'} ${num(target.peakMiB / 1024)} GiB`;
}

const label = (assets: number) => `${num(assets)} assets`;
const report = new BenchReport(summarize);

describe(`segsim generate + compare --runs ${RUNS}`, () => {
  SIZES.forEach((assets, k) => {
    const plant = join(dir, `plant-${assets}.json`);
    const bundle = join(dir, `out-${assets}.json`);
    const peak = join(dir, `peak-${assets}.json`);
    const pipeline = async (): Promise<Pipeline> => {
      const generate = await segsim(['generate', '--assets', String(assets), '--seed', '1', '--out', plant], peak);
      const compare = await segsim(['compare', plant, '--runs', String(RUNS), '--seed', '1', '--json', bundle], peak);
      return { generate, compare, bundleMiB: statSync(bundle).size / 2 ** 20 };
    };
    let attempts = 0;
    // A failing pipeline is recorded and the next one still runs (the failures seen so far were
    // intermittent); the last attempt fails the task if any did.
    const body = async () => {
      const last = ++attempts === ITERATIONS;
      const p = await pipeline().catch((err: unknown) => {
        if (!(err instanceof SegsimFailure)) throw err;
        failures.set(assets, [...(failures.get(assets) ?? []), err.summary]);
        return undefined;
      });
      const best = fastest.get(assets);
      if (p !== undefined && (best === undefined || total(p) < total(best))) fastest.set(assets, p);
      const failed = failures.get(assets) ?? [];
      if (last && failed.length > 0)
        throw new Error(
          `${failed.length} of ${ITERATIONS} pipelines failed at ${num(assets)} assets: ${failed.join('; ')}`,
        );
      return p === undefined ? 0 : 1;
    };
    bench(
      ...report.case(label(assets), body, {
        iterations: ITERATIONS,
        warmupIterations: 0,
        ...(k === SIZES.length - 1 && { release: () => rmSync(dir, { recursive: true, force: true }) }),
      }),
    );
  });
});
