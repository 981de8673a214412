// diff: two versions of a scenario (files, or git:REV:path), compared design by design and attack
// by attack; exit 1 when something got worse than the tolerance allows.
import type { Command } from 'commander';
import { buildPlantModel } from '../../model/plantModel.js';
import { diffScenarios, type DiffSide, type ScenarioDiff } from '../../experiment/scenarioDiff.js';
import { renderDiffMarkdown } from '../../report/diffMarkdown.js';
import { renderDiffText } from '../../report/diffText.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { formatIssue, type ScenarioIssue } from '../../scenario/issues.js';
import { validateMerged } from '../../scenario/load.js';
import { readSources, type MergedSources } from '../../scenario/sources.js';
import { CliExit, usageError } from '../errors.js';
import { scenarioSource } from '../gitSource.js';
import { positiveInteger } from '../options.js';
import { announce, type Progress, startProgress } from '../progress.js';
import { parseRuns } from '../bounds.js';

interface DiffOptions {
  runs?: string;
  seed: string;
  tolerance: string;
  json?: string;
  md?: string;
}

export function registerDiff(program: Command): Command {
  return program
    .command('diff')
    .description(
      'Compare two versions of a scenario: policy rules added, removed, widened or narrowed; lines opened to vendors; each design × attack static worst case; with --runs, every headline metric on the same seeds',
    )
    .argument('<old>', 'scenario file, or git:REV:path (e.g. git:main:scenarios/plant.yaml)')
    .argument('<new>', 'scenario file, or git:REV:path')
    .option('-n, --runs <n>', 'also run N seeded runs per design, attack and version and compare the metrics')
    .option('-s, --seed <n>', 'base seed of the runs; run i uses seed "<seed>:<i>" in both versions', '1')
    .option(
      '--tolerance <fraction>',
      'how much a count or a mean may get worse before it counts (0.05 = 5% of the old value)',
      '0',
    )
    .option('--json <file>', 'write the comparison as JSON ("-": print it instead of the text)')
    .option('--md <file>', 'write the comparison as Markdown, for a pull-request comment ("-": print it)')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim diff git:main:scenarios/plant.yaml scenarios/plant.yaml
  $ segsim diff old.yaml new.yaml --runs 200 --md diff.md
  $ segsim diff old.yaml new.yaml --json - | jq .worse

Worse means: a vendor or integrator user reaches a line none of its rules reached before; a
static worst case gains a line, or assets or controllers beyond the tolerance; with --runs, a
metric whose 95% interval of new − old lies wholly on its worse side, by more than the tolerance.
Policy changes are listed (+ added, − removed, ~ widened, narrowed or changed); they count
through what they let an attacker reach. Colour only on a terminal, and never with NO_COLOR.

Exit codes: 0 nothing worse, 1 something worse, 2 bad input.`,
    )
    .action((oldArg: string, newArg: string, opts: DiffOptions) => {
      const tolerance = Number(opts.tolerance);
      if (!(tolerance >= 0) || !Number.isFinite(tolerance))
        throw usageError(`--tolerance must be a fraction such as 0.05, got "${opts.tolerance}"`);
      const runs = opts.runs === undefined ? undefined : parseRuns(opts.runs);
      const seed = positiveInteger(opts.seed, '--seed');
      const sources = [scenarioSource(oldArg)];
      let diff: ScenarioDiff;
      try {
        sources.push(scenarioSource(newArg));
        const [a, b] = sources.map(load) as [Loaded, Loaded];
        const problems = [...a.issues, ...b.issues];
        if (problems.length > 0) {
          for (const issue of problems) process.stderr.write(`${formatIssue(issue)}\n`);
          throw new CliExit(2, `${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was compared`);
        }
        const designs = a.side!.model.scenario.designs.filter((d) =>
          b.side!.model.scenario.designs.some((x) => x.id === d.id),
        ).length;
        const attacks = a.side!.model.scenario.attacks.filter((d) =>
          b.side!.model.scenario.attacks.some((x) => x.id === d.id),
        ).length;
        let progress = null as Progress | null;
        try {
          diff = diffScenarios(a.side!, b.side!, {
            tolerance,
            ...(runs === undefined ? {} : { runs, seed }),
            locate: (side, path) => {
              const at = (side === 'old' ? a : b).merged!.locate(path, '');
              return `${at.file}:${at.line}:${at.col}`;
            },
            onPhase: (phase) => {
              if (phase === 'runs') progress = startProgress((runs ?? 0) * designs * attacks * 2);
              else announce(phase);
            },
            onProgress: (done, total) => progress?.update(done, total),
          });
        } finally {
          progress?.stop();
        }
      } finally {
        for (const s of sources) s.dispose();
      }
      const json = `${JSON.stringify(diff, null, 2)}\n`;
      const md = renderDiffMarkdown(diff);
      if (opts.json !== undefined && opts.json !== '-') writeFileAtomic(opts.json, json);
      if (opts.md !== undefined && opts.md !== '-') writeFileAtomic(opts.md, md);
      if (opts.json === '-') process.stdout.write(json);
      else if (opts.md === '-') process.stdout.write(md);
      else process.stdout.write(renderDiffText(diff, useColor()));
      if (diff.worse.length > 0) throw new CliExit(1, '');
    });
}

interface Loaded {
  side: DiffSide | null;
  merged: MergedSources | null;
  issues: ScenarioIssue[];
}

function load(source: { file: string; shown: string }): Loaded {
  const read = readSources(source.file, source.shown);
  if (!read.ok) return { side: null, merged: null, issues: read.issues };
  const loaded = validateMerged(read.merged, source.shown);
  if (!loaded.ok) return { side: null, merged: null, issues: loaded.issues };
  return {
    side: { name: source.shown, model: buildPlantModel(loaded.scenario) },
    merged: read.merged,
    issues: [],
  };
}

/** Colour for people at a terminal; never in pipes or when NO_COLOR is set (no-color.org). */
function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}
