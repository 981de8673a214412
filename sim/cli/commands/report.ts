// report: every design under every chosen attack, written as one self-contained HTML file (the
// viewer with the results inlined, fetching nothing) and/or a PDF printed from it by Chromium.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reportHtml } from '../../report/html.js';
import { bundleJson } from '../../report/bundle.js';
import { buildReportBundle } from '../../report/reportBundle.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { usageError } from '../errors.js';
import { openScenario, pickMany } from '../scenarioContext.js';
import { experimentSpec, portableName, positiveInteger, runInTurn, runWithProgress, workersOption } from './compare.js';
import { buildViewer } from './view.js';

export interface ReportOptions {
  designs?: string;
  attacks?: string;
  runs: string;
  seed: string;
  workers: string;
  html?: string;
}

export function registerReport(program: Command): Command {
  return program
    .command('report')
    .description(
      'Compare designs under every attack (as `matrix` does, with the replays and attack paths of `compare`) and write a self-contained HTML report: the web viewer with the results inlined',
    )
    .argument('<scenario>', 'scenario YAML file')
    .option('-d, --designs <ids>', 'comma-separated designs (default: all)')
    .option(
      '-a, --attacks <ids>',
      'comma-separated attacks, the first opening the report (default: all, in file order)',
    )
    .option('-n, --runs <n>', 'runs per design and attack', '200')
    .option('-s, --seed <n>', 'base seed; run i uses seed "<seed>:<i>"', '1')
    .addOption(workersOption())
    .option('--html <file>', 'the HTML file to write')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim report scenarios/pharma.yaml --html pharma.html
  $ segsim report scenarios/pharma.yaml --attacks compromised-vendor-laptop --designs vpn-segmented,zt --runs 500 --html laptop.html

The page opens on an overview of every design under every attack (with the fixes that shrink each
worst case most); each attack's side by side, replay and distributions are one click away. It holds
the viewer and the data and makes no request of any kind. Builds the viewer into web/dist first
when it is missing (npm run build).`,
    )
    .action(async (file: string, opts: ReportOptions) => {
      if (opts.html === undefined) throw usageError('report writes --html <file>: name the file');
      const runs = positiveInteger(opts.runs, '--runs');
      const seed = positiveInteger(opts.seed, '--seed');
      const workers = positiveInteger(opts.workers, '--workers');
      const ctx = await openScenario(file);
      const attacks = pickMany(ctx.scenario.attacks, opts.attacks, 'attack', file);
      if (attacks.length === 0) throw usageError(`${file} has no attacks`);
      const specs = attacks.map((a) => experimentSpec(ctx, opts.designs, a.id, runs, seed));
      const viewer = await buildViewer();
      const experiments =
        workers > 1
          ? await inSequence(specs.map((spec) => () => runWithProgress(ctx.model, spec, workers)))
          : runInTurn(specs.map((spec) => ({ model: ctx.model, spec })));
      const bundle = buildReportBundle(ctx.model, portableName(file), experiments);
      const title = `segsim · ${bundle.scenario.name ?? file}`;
      const html = reportHtml(readFileSync(viewer, 'utf8'), bundleJson(bundle), title);
      writeFileAtomic(opts.html, html);
      const kb = Math.round(Buffer.byteLength(html) / 1024);
      process.stdout.write(
        `wrote ${opts.html} (${kb} kB): ${specs[0]!.designs.length} designs × ${attacks.length} attack${attacks.length === 1 ? '' : 's'} × ${runs} runs, seed ${seed}; open it in a browser, it fetches nothing\n`,
      );
    });
}

async function inSequence<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const job of jobs) out.push(await job());
  return out;
}
