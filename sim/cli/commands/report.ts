// report: every design under every chosen attack, written as one self-contained HTML file (the
// viewer with the results inlined, fetching nothing) and/or a PDF printed from it by Chromium.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reportHtml, viewerPage } from '../../report/html.js';
import { findBrowser, PdfError, printPdf } from '../../report/pdf.js';
import { bundleJson } from '../../report/bundle.js';
import { buildReportBundle } from '../../report/reportBundle.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { CliExit, usageError } from '../errors.js';
import { attackExperiments, workersFrom } from '../experiment.js';
import { designsOption, forceWorkersOption, runsOption, seedOption, workersOption } from '../options.js';
import { announceWriting, runInTurn, runWithProgress } from '../progress.js';
import { portableName } from '../scenarioContext.js';

export interface ReportOptions {
  designs?: string;
  attacks?: string;
  runs: string;
  seed: string;
  workers: string;
  forceWorkers?: boolean;
  html?: string;
  pdf?: string;
  browser?: string;
}

export function registerReport(program: Command): Command {
  return program
    .command('report')
    .description(
      'Compare designs under every attack (as `matrix` does, with the replays and attack paths of `compare`) and write a self-contained HTML report: the web viewer with the results inlined',
    )
    .argument('<scenario>', 'scenario YAML file')
    .addOption(designsOption())
    .option(
      '-a, --attacks <ids>',
      'comma-separated attacks, the first opening the report (default: all, in file order)',
    )
    .addOption(runsOption('design and attack'))
    .addOption(seedOption())
    .addOption(workersOption())
    .addOption(forceWorkersOption())
    .option('--html <file>', 'the HTML file to write')
    .option(
      '--pdf <file>',
      'the PDF to write: a one-page executive summary, then a page per attack (needs Chromium or Chrome)',
    )
    .option(
      '--browser <path>',
      'with --pdf: the Chromium or Chrome to print with (default: SEGSIM_BROWSER, else the usual places)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ segsim report scenarios/pharma.yaml --html pharma.html
  $ segsim report scenarios/pharma.yaml --pdf pharma.pdf --html pharma.html
  $ segsim report scenarios/pharma.yaml --attacks compromised-vendor-laptop --designs vpn-segmented,zt --runs 500 --html laptop.html

The page opens on an overview of every design under every attack (with the fixes that shrink each
worst case most); each attack's side by side, replay and distributions are one click away. It holds
the viewer and the data and makes no request of any kind. The viewer is built ahead of time: it comes
with the package (in a clone: npm run build). The PDF is that page printed by a headless Chromium or Chrome
(segsim ships none): the verdict, every design under every attack and the top fixes on page one.`,
    )
    .action(async (file: string, opts: ReportOptions) => {
      if (opts.html === undefined && opts.pdf === undefined)
        throw usageError('report writes --html <file>, --pdf <file> or both: name at least one');
      const browser = opts.pdf === undefined ? undefined : browserOrExit(opts.browser ?? process.env.SEGSIM_BROWSER);
      const workers = workersFrom(opts);
      const { ctx, runs, seed, attacks, jobs } = await attackExperiments(file, opts);
      const specs = jobs.map((j) => j.spec);
      const viewer = viewerPage();
      const experiments =
        workers > 1
          ? await inSequence(specs.map((spec) => () => runWithProgress(ctx.model, spec, workers)))
          : runInTurn(jobs);
      announceWriting(opts.html, opts.pdf);
      const bundle = buildReportBundle(ctx.model, portableName(file), experiments);
      const title = `segsim · ${bundle.scenario.name ?? file}`;
      const html = reportHtml(readFileSync(viewer, 'utf8'), bundleJson(bundle), title);
      const what = `${specs[0]!.designs.length} designs × ${attacks.length} attack${attacks.length === 1 ? '' : 's'} × ${runs} runs, seed ${seed}`;
      if (opts.html !== undefined) {
        writeFileAtomic(opts.html, html);
        const kb = Math.round(Buffer.byteLength(html) / 1024);
        process.stdout.write(`wrote ${opts.html} (${kb} kB): ${what}; open it in a browser, it fetches nothing\n`);
      }
      if (opts.pdf !== undefined && browser !== undefined) {
        const pdf = await printOrExit(html, browser);
        writeFileAtomic(opts.pdf, pdf);
        process.stdout.write(
          `wrote ${opts.pdf} (${Math.round(pdf.length / 1024)} kB): ${what}, printed by ${browser}\n`,
        );
      }
    });
}

function browserOrExit(named: string | undefined): string {
  try {
    return findBrowser(named);
  } catch (err) {
    if (err instanceof PdfError) throw new CliExit(2, err.message);
    throw err;
  }
}

async function printOrExit(html: string, browser: string): Promise<Buffer> {
  try {
    return await printPdf(html, browser);
  } catch (err) {
    if (err instanceof PdfError) throw new CliExit(2, err.message);
    throw err;
  }
}

async function inSequence<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const job of jobs) out.push(await job());
  return out;
}
