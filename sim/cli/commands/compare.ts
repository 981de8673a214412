// compare: Monte Carlo comparison of designs under one attack, same seeds for every design.
import type { Command } from 'commander';
import { BUNDLE_SCHEMA_VERSION } from '../../contract/bundle.js';
import { writeText } from '../terminal.js';
import type { ExperimentSpec } from '../../experiment/runExperiment.js';
import { parseShard, runShard, shardIndices } from '../../experiment/shards.js';
import type { PlantModel } from '../../model/plantModel.js';
import { buildBundle, bundleJson } from '../../report/bundle.js';
import { renderComparison } from '../../report/compareText.js';
import { renderMarkdown } from '../../report/markdown.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { usageError } from '../errors.js';
import { experimentFromOptions, type ExperimentFlags } from '../experiment.js';
import {
  attackOption,
  designsOption,
  forceWorkersOption,
  jsonOption,
  mdOption,
  runsOption,
  seedOption,
  workersOption,
} from '../options.js';
import { announceWriting, runWithProgress, startProgress } from '../progress.js';
import { portableName } from '../scenarioContext.js';

interface CompareOptions extends ExperimentFlags {
  json?: string;
  md?: string;
  shard?: string;
}

export function registerCompare(program: Command): Command {
  return program
    .command('compare')
    .description(
      'Compare designs under one attack: N seeded runs per design (the same seeds for each), probability of reaching a PLC, blast radius, timings, production loss and the static worst case',
    )
    .argument('<scenario>', 'scenario YAML file')
    .addOption(designsOption())
    .addOption(attackOption())
    .addOption(runsOption('design'))
    .addOption(seedOption())
    .addOption(workersOption())
    .addOption(forceWorkersOption())
    .addOption(jsonOption(`write the results bundle (schemaVersion ${BUNDLE_SCHEMA_VERSION}) for the viewer`))
    .addOption(mdOption())
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
      announceWriting(opts.json, opts.md);
      if (opts.json) writeFileAtomic(opts.json, bundleJson(bundle));
      if (opts.md) writeFileAtomic(opts.md, renderMarkdown(bundle));
      writeText(renderComparison(bundle));
    });
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
