// merge: shard files from `compare --shard k/n` → the bundle one unsharded compare would write.
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { assembleExperiment } from '../../experiment/runExperiment.js';
import { mergeShards, scenarioDigest, type ShardFile } from '../../experiment/shards.js';
import { buildBundle, bundleJson } from '../../report/bundle.js';
import { renderComparison } from '../../report/compareText.js';
import { renderMarkdown } from '../../report/markdown.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { CliExit, usageError } from '../errors.js';
import { openScenario, pickAttack, pickMany } from '../scenarioContext.js';
import { writeText } from '../terminal.js';

export function registerMerge(program: Command): Command {
  return program
    .command('merge')
    .description(
      'Combine the shard files of a sharded compare into the results bundle a single compare would have written (byte-identical)',
    )
    .argument('<shards...>', 'shard files written by `segsim compare … --shard k/n --json FILE`')
    .requiredOption('--json <file>', 'write the merged results bundle')
    .option('--md <file>', 'write a Markdown report')
    .option(
      '--scenario <file>',
      'the scenario file, when it is not where the shards say (they record its path and a digest)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ for k in 1 2 3 4; do segsim compare scenarios/pharma.yaml --runs 1000 --shard $k/4 --json shard-$k.json & done; wait
  $ segsim merge shard-*.json --json pharma.json --md pharma.md

The scenario must be the same file the shards ran (checked by digest).`,
    )
    .action(async (files: string[], opts: { json: string; md?: string; scenario?: string }) => {
      const shards = files.map(readShard);
      let merged;
      try {
        merged = mergeShards(shards);
      } catch (err) {
        throw usageError((err as Error).message);
      }
      const { first, records } = merged;
      if (opts.scenario === undefined && !existsSync(first.scenario.file))
        throw usageError(
          `the shards ran the scenario "${first.scenario.file}", which is not in this folder (a shard records no folder for an absolute path); name it with --scenario PATH`,
        );
      const ctx = await openScenario(opts.scenario ?? first.scenario.file);
      if (scenarioDigest(ctx.scenario) !== first.scenario.digest)
        throw usageError(
          `${ctx.file} is not the scenario the shards ran: it changed since, or --scenario names another file`,
        );
      const designs = pickMany(ctx.scenario.designs, first.designs.join(','), 'design', ctx.file);
      const attack = pickAttack(ctx, first.attack);
      const spec = {
        designs,
        attack,
        runs: first.runs,
        seed: first.seed,
        ...(first.horizonHours === null ? {} : { horizonHours: first.horizonHours }),
      };
      const bundle = buildBundle(ctx.model, first.scenario.file, assembleExperiment(ctx.model, spec, records));
      writeFileAtomic(opts.json, bundleJson(bundle));
      if (opts.md) writeFileAtomic(opts.md, renderMarkdown(bundle));
      writeText(renderComparison(bundle));
    });
}

function readShard(file: string): ShardFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliExit(
      2,
      `${file}: not a readable JSON file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  const v = value as Partial<ShardFile> | null;
  if (
    v === null ||
    typeof v !== 'object' ||
    v.kind !== 'segsim-shard' ||
    v.schemaVersion !== 1 ||
    !Array.isArray(v.records)
  ) {
    throw new CliExit(
      2,
      `${file}: not a segsim shard file (write one with \`segsim compare … --shard k/n --json FILE\`)`,
    );
  }
  return v as ShardFile;
}
