// compare: Monte Carlo comparison of designs under one attack, same seeds for every design.
import { basename, isAbsolute, sep } from 'node:path';
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { runExperiment, type ExperimentResult, type ExperimentSpec } from '../../experiment/runExperiment.js';
import { runExperimentParallel } from '../../experiment/parallel.js';
import { BUNDLE_SCHEMA_VERSION } from '../../contract/bundle.js';
import { buildBundle, bundleJson } from '../../report/bundle.js';
import { renderComparison } from '../../report/compareText.js';
import { renderMarkdown } from '../../report/markdown.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { usageError } from '../errors.js';
import { parseShard, runShard, shardIndices } from '../../experiment/shards.js';
import type { PlantModel } from '../../model/plantModel.js';
import type { Scenario } from '../../model/schema.js';
import { openScenario, pickAttack, pickMany, type ScenarioContext } from '../scenarioContext.js';

export interface CompareOptions {
  designs?: string;
  attack?: string;
  runs: string;
  seed: string;
  workers: string;
  json?: string;
  md?: string;
  shard?: string;
}

/** --workers, shared by compare and report. */
export function workersOption(): Option {
  return new Option(
    '-w, --workers <n>',
    'worker threads; results are identical for any number. Each worker starts cold (its own plant model, unoptimised code for its first few hundred runs), so they pay off from a few thousand runs per design',
  ).default('1');
}

export function registerCompare(program: Command): Command {
  return program
    .command('compare')
    .description(
      'Compare designs under one attack: N seeded runs per design (the same seeds for each), probability of reaching a PLC, blast radius, timings, production loss and the static worst case',
    )
    .argument('<scenario>', 'scenario YAML file')
    .option('-d, --designs <ids>', 'comma-separated designs (default: all)')
    .option('-a, --attack <id>', 'attack (default: the first in the file)')
    .option('-n, --runs <n>', 'runs per design', '200')
    .option('-s, --seed <n>', 'base seed; run i uses seed "<seed>:<i>"', '1')
    .addOption(workersOption())
    .option('--json <file>', `write the results bundle (schemaVersion ${BUNDLE_SCHEMA_VERSION}) for the viewer`)
    .option('--md <file>', 'write a Markdown report')
    .option(
      '--shard <k/n>',
      'run only shard k of n of the seeds and write a shard file to --json; combine the n files with `segsim merge`',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ segsim compare scenarios/pharma.yaml
  $ segsim compare scenarios/pharma.yaml --designs vpn-flat,zt --attack compromised-vendor-laptop --runs 1000
  $ segsim compare scenarios/pharma.yaml --json reports/pharma.json --md reports/pharma.md
  $ segsim compare scenarios/pharma.yaml --runs 20000 --workers 2
  $ segsim compare scenarios/pharma.yaml --runs 1000 --shard 2/4 --json shard-2.json   (then: segsim merge shard-*.json --json all.json)

The same command with the same seed gives the same numbers and byte-identical files.`,
    )
    .action(async (file: string, opts: CompareOptions) => {
      const { ctx, spec, workers } = await experimentFromOptions(file, opts);
      if (opts.shard !== undefined) return writeShard(ctx.model, portableName(file), spec, opts);
      const bundle = buildBundle(ctx.model, portableName(file), await runWithProgress(ctx.model, spec, workers));
      if (opts.json) writeFileAtomic(opts.json, bundleJson(bundle));
      if (opts.md) writeFileAtomic(opts.md, renderMarkdown(bundle));
      process.stdout.write(renderComparison(bundle));
    });
}

/** The options compare and report share, checked: scenario, designs, attack, runs, seed, workers. */
export async function experimentFromOptions(
  file: string,
  opts: Pick<CompareOptions, 'designs' | 'attack' | 'runs' | 'seed' | 'workers'>,
) {
  const runs = positiveInteger(opts.runs, '--runs');
  const seed = positiveInteger(opts.seed, '--seed');
  const workers = positiveInteger(opts.workers, '--workers');
  const ctx = await openScenario(file);
  return { ctx, spec: experimentSpec(ctx, opts.designs, opts.attack, runs, seed), workers };
}

/** The designs (all when none are named) and the attack (default: the first) of an experiment. */
export function experimentSpec(
  ctx: ScenarioContext,
  designIds: string | undefined,
  attackId: string | undefined,
  runs: number,
  seed: number,
): ExperimentSpec {
  const designs = pickMany(ctx.scenario.designs, designIds, 'design', ctx.file);
  if (designs.length === 0) throw usageError(`${ctx.file} has no designs to compare`);
  const attack = attackId === undefined ? ctx.scenario.attacks[0] : pickAttack(ctx, attackId);
  if (attack === undefined) throw usageError(`${ctx.file} has no attacks`);
  return { designs, attack, runs, seed };
}

/** Runs the experiment, on worker threads when asked, with a progress bar for people at a terminal. */
export async function runWithProgress(
  model: PlantModel,
  spec: ExperimentSpec,
  workers: number,
): Promise<ExperimentResult> {
  const progress = startProgress(spec.runs * spec.designs.length);
  try {
    return workers > 1
      ? await runExperimentParallel(model, spec, { workers, onProgress: progress.update })
      : runExperiment(model, spec, { onProgress: progress.update });
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

function writeShard(model: PlantModel, file: string, spec: ExperimentSpec, opts: CompareOptions): void {
  if (opts.json === undefined) throw usageError('--shard writes a shard file: name it with --json FILE');
  if (opts.md !== undefined)
    throw usageError('--md needs the whole experiment: run `segsim merge` on the shard files with --md');
  let shard;
  try {
    shard = parseShard(opts.shard!);
  } catch (err) {
    throw usageError((err as Error).message);
  }
  const progress = startProgress(shardIndices(spec.runs, shard).length * spec.designs.length);
  let out;
  try {
    out = runShard(model, file, spec, shard, { onProgress: progress.update });
  } finally {
    progress.stop();
  }
  writeFileAtomic(opts.json, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(
    `shard ${shard.index}/${shard.count}: ${out.records[0]?.length ?? 0} of ${spec.runs} runs per design for ${spec.designs.length} designs → ${opts.json}\n`,
  );
}

/** The scenario as reports name it: its portable file name, its name, its currency when it has one. */
export function scenarioRef(
  file: string,
  scenario: Scenario,
): { file: string; name: string | null; currency?: string } {
  const ref = { file: portableName(file), name: scenario.name ?? null };
  return scenario.currency === undefined ? ref : { ...ref, currency: scenario.currency };
}

/** The scenario as the bundle names it: as given when relative, else its base name, so no machine's path leaks in. */
export function portableName(file: string): string {
  return isAbsolute(file) ? basename(file) : file.split(sep).join('/');
}

export function positiveInteger(text: string, flag: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw usageError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}

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
