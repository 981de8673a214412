// report: run the comparison and write one self-contained HTML file: the viewer with the results
// bundle inlined, fetching nothing, so it can be mailed, archived or opened from disk.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildBundle, bundleJson } from '../../report/bundle.js';
import { reportHtml, viewerPage } from '../../report/html.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { experimentFromOptions, type ExperimentFlags } from '../experiment.js';
import { attackOption, designsOption, forceWorkersOption, runsOption, seedOption, workersOption } from '../options.js';
import { announceWriting, runWithProgress } from '../progress.js';
import { portableName } from '../scenarioContext.js';

interface ReportOptions extends ExperimentFlags {
  html: string;
}

export function registerReport(program: Command): Command {
  return program
    .command('report')
    .description(
      'Compare designs under one attack (as `compare` does) and write a self-contained HTML report: the web viewer with the results inlined',
    )
    .argument('<scenario>', 'scenario YAML file')
    .addOption(designsOption())
    .addOption(attackOption())
    .addOption(runsOption('design'))
    .addOption(seedOption())
    .addOption(workersOption())
    .addOption(forceWorkersOption())
    .requiredOption('--html <file>', 'the HTML file to write')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim report scenarios/pharma.yaml --html pharma.html
  $ segsim report scenarios/pharma.yaml --attack compromised-vendor-laptop --designs vpn-segmented,zt --runs 500 --html laptop.html

The page holds the viewer (side by side, replay, distributions) and the data; it makes no request
of any kind. The viewer is built ahead of time: it comes with the package (in a clone: npm run build).`,
    )
    .action(async (file: string, opts: ReportOptions) => {
      const { ctx, spec, workers } = await experimentFromOptions(file, opts);
      const viewer = viewerPage();
      const experiment = await runWithProgress(ctx.model, spec, workers);
      announceWriting(opts.html);
      const bundle = buildBundle(ctx.model, portableName(file), experiment);
      const title = `segsim · ${bundle.scenario.name ?? file} · ${bundle.attack.name ?? bundle.attack.id}`;
      const html = reportHtml(readFileSync(viewer, 'utf8'), bundleJson(bundle), title);
      writeFileAtomic(opts.html, html);
      const kb = Math.round(Buffer.byteLength(html) / 1024);
      process.stdout.write(
        `wrote ${opts.html} (${kb} kB): ${spec.designs.length} designs × ${spec.runs} runs under ${spec.attack.id}, seed ${spec.seed}; open it in a browser, it fetches nothing\n`,
      );
    });
}
