// lint: semantic findings on scenario files, located at file:line:col, for people, GitHub and SARIF.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { LINT_RULES, type LocatedFinding, type Severity } from '../../experiment/lint/catalog.js';
import { lintScenario } from '../../experiment/lint/lintScenario.js';
import { byPlace, locateFindings } from '../../experiment/lint/locate.js';
import { parseSuppressions, type Suppressions } from '../../experiment/lint/suppressions.js';
import { renderGithubAnnotations, renderLintText } from '../../report/lintText.js';
import { renderSarif } from '../../report/sarif.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { formatIssue, type ScenarioIssue } from '../../scenario/issues.js';
import { validateMerged } from '../../scenario/load.js';
import { readSources } from '../../scenario/sources.js';
import { CliExit, usageError } from '../errors.js';
import packageJson from '../../../package.json' with { type: 'json' };

interface LintOptions {
  format: 'text' | 'github';
  sarif?: string;
  failOn: Severity | 'never';
  listRules?: boolean;
}

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

export function registerLint(program: Command): Command {
  return program
    .command('lint')
    .description(
      'Semantic findings on scenarios: grants without approval, shared accounts without MFA, remote-desktop paths around the broker, shadowed or untested rules…, each at file:line:col',
    )
    .argument('[scenarios...]', 'scenario YAML files')
    .addOption(new Option('--format <format>', 'how findings are printed').choices(['text', 'github']).default('text'))
    .option('--sarif <file>', 'also write the findings as a SARIF 2.1.0 log')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe')
        .choices(['error', 'warning', 'note', 'never'])
        .default('error'),
    )
    .option('--list-rules', 'print the rules, their ids and severities')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim lint scenarios/pharma.yaml
  $ segsim lint scenarios/*.yaml --sarif segsim.sarif --format github
  $ segsim lint --list-rules

Disable a rule with a YAML comment in the scenario file:
  # segsim-lint-disable rule-untested                         the whole file
  # segsim-lint-disable-next-line write-without-approval      the line below
  accounts: [vendor-vpn]  # segsim-lint-disable-line shared-account-without-mfa
Without rule ids the comment disables every rule; several ids are separated by spaces or commas.

A change that opens a line to a vendor or integrator it did not reach before is a finding of
\`segsim diff\`, which compares two versions of a scenario.

Exit codes: 0 no finding at --fail-on severity or above, 1 one or more, 2 bad input.`,
    )
    .action((files: string[], opts: LintOptions) => {
      if (opts.listRules) return void process.stdout.write(renderRules());
      if (files.length === 0) throw usageError('name scenario files to lint (or --list-rules)');
      const suppressions = new SuppressionFiles();
      const findings: LocatedFinding[] = [];
      const problems: ScenarioIssue[] = [];
      for (const file of files) {
        const linted = lintFile(file, suppressions);
        if (linted.ok) findings.push(...linted.findings);
        else problems.push(...linted.issues);
      }
      if (problems.length > 0) {
        for (const issue of problems) process.stderr.write(`${formatIssue(issue)}\n`);
        throw new CliExit(
          2,
          `${problems.length} problem${problems.length === 1 ? '' : 's'} in the files, nothing was linted`,
        );
      }
      if (opts.sarif !== undefined) writeFileAtomic(opts.sarif, renderSarif(findings, packageJson.version));
      process.stdout.write(
        opts.format === 'github' ? renderGithubAnnotations(findings) : renderLintText(findings, files.length),
      );
      const failing =
        opts.failOn !== 'never' && findings.some((f) => RANK[f.severity] >= RANK[opts.failOn as Severity]);
      if (failing) throw new CliExit(1, '');
    });
}

type Linted = { ok: true; findings: LocatedFinding[] } | { ok: false; issues: ScenarioIssue[] };

function lintFile(file: string, suppressions: SuppressionFiles): Linted {
  const read = readSources(file);
  if (!read.ok) return read;
  const loaded = validateMerged(read.merged, file);
  if (!loaded.ok) return loaded;
  const found = locateFindings(lintScenario(loaded.scenario), read.merged.locate, (f) => suppressions.of(f));
  const stray = [file, ...new Set(found.map((f) => f.file))].flatMap((f) => suppressions.unknownIn(f));
  return { ok: true, findings: [...stray, ...found].sort(byPlace) };
}

/** Disable comments of each file, read once; the unknown rule ids of a file are reported once. */
class SuppressionFiles {
  private readonly parsed = new Map<string, Suppressions>();
  private readonly reported = new Set<string>();

  of(file: string): Suppressions {
    let s = this.parsed.get(file);
    if (s === undefined) this.parsed.set(file, (s = parseSuppressions(readFileSync(file, 'utf8'))));
    return s;
  }

  unknownIn(file: string): LocatedFinding[] {
    if (this.reported.has(file)) return [];
    this.reported.add(file);
    return this.of(file).unknown.map((u) => ({ ...u, file }));
  }
}

function renderRules(): string {
  const width = Math.max(...LINT_RULES.map((r) => r.id.length));
  return `${LINT_RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}`).join('\n')}\n`;
}
