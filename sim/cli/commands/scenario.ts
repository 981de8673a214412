// validate, schema, inspect: commands about scenario files themselves.
import type { Command } from 'commander';
import { loadScenario } from '../../scenario/load.js';
import { formatIssue } from '../../scenario/issues.js';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';
import { summarize, type ScenarioSummary } from '../../scenario/summary.js';
import { loadScenarioOrExit, sourceOptions } from '../load.js';
import { CliExit } from '../errors.js';
import { writeProblem, writeText } from '../terminal.js';

export function registerScenarioCommands(program: Command): void {
  program
    .command('validate')
    .description(
      'Check scenario files: schema, references, addresses; prints every problem as file:line:col  field  message',
    )
    .argument('<files...>', 'scenario YAML files')
    .option('-q, --quiet', 'print only problems')
    .addHelpText(
      'after',
      '\nExamples:\n  $ segsim validate scenarios/*.yaml\n  $ segsim validate my-plant.yaml && echo valid\n\nExit 0 when every file is valid, 2 otherwise.',
    )
    .action((files: string[], opts: { quiet?: boolean }) => {
      let bad = 0;
      for (const file of files) {
        const r = loadScenario(file, sourceOptions());
        if (r.ok) {
          const s = summarize(r.scenario);
          if (!opts.quiet)
            process.stdout.write(
              `ok    ${file}  ${s.zones.length} zones, ${s.lines.length} lines, ${s.assets} assets, ${s.designs.length} designs, ${s.attacks.length} attacks\n`,
            );
        } else {
          bad++;
          for (const issue of r.issues) writeProblem(`${formatIssue(issue)}\n`);
          process.stdout.write(`FAIL  ${file}  ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}\n`);
        }
      }
      if (bad > 0) throw new CliExit(2, `${bad} of ${files.length} file${files.length === 1 ? '' : 's'} invalid`);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of scenario files (for editor autocompletion and validation)')
    .addHelpText(
      'after',
      '\nExample:\n  $ segsim schema > segsim.schema.json\n  then start a scenario with: # yaml-language-server: $schema=./segsim.schema.json',
    )
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  program
    .command('inspect')
    .description(
      "Describe a scenario: zones by Purdue level, lines, assets by kind, each design's access, sensors and response, each attack's entry and strategy",
    )
    .argument('<scenario>', 'scenario YAML file')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ segsim inspect scenarios/pharma.yaml\n  $ segsim inspect scenarios/pharma.yaml --json | jq .designs',
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const s = summarize(await loadScenarioOrExit(file));
      if (opts.json) process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      else writeText(renderSummary(file, s));
    });
}

function renderSummary(file: string, s: ScenarioSummary): string {
  const out: string[] = [`${s.name ?? file}  (${file})`, ''];
  out.push('Zones (by Purdue level)');
  const top = (z: ScenarioSummary['zones'][number]) => (typeof z.level === 'number' ? z.level : z.level[1]);
  for (const z of [...s.zones].sort((a, b) => top(b) - top(a))) {
    const level = typeof z.level === 'number' ? String(z.level) : z.level.join('-');
    out.push(`  L${level.padEnd(4)}${z.id.padEnd(24)}${z.subnet.padEnd(18)}${z.assets} assets`);
  }
  out.push('', 'Lines');
  for (const l of s.lines)
    out.push(
      `  ${l.id.padEnd(24)}${String(l.assets).padStart(3)} assets  ${l.valuePerHour.toLocaleString('en-US')} per hour  ${l.name ?? ''}`,
    );
  out.push('', `Assets (${s.assets})`);
  out.push(
    `  ${Object.entries(s.assetsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  // An id, then its facts on lines of their own under a name column as wide as the longest id.
  const width = Math.max(24, ...[...s.designProfiles, ...s.attackProfiles].map((x) => x.id.length + 2));
  const item = (id: string, lines: string[]) =>
    lines.filter((l) => l !== '').map((l, i) => `  ${(i === 0 ? id : '').padEnd(width)}${l}`);
  const h = s.hosts;
  const host = [
    [h.servicesWithAuth, 'service stating its authentication', 'services stating their authentication'],
    [h.firewalls, 'host firewall', 'host firewalls'],
    [h.adminCaches, 'credential cached for administrators', 'credentials cached for administrators'],
    [h.documents, 'document naming hosts or credentials', 'documents naming hosts or credentials'],
    [h.escalations, 'local privilege escalation', 'local privilege escalations'],
  ] as const;
  const stated = host.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (stated.length > 0) out.push(`  ${stated.join(', ')}`);
  if (s.protocols.length > 0) out.push(`  declared protocols: ${s.protocols.join(', ')}`);
  out.push('', 'Designs');
  for (const d of s.designProfiles)
    out.push(
      ...item(d.id, [
        d.name ?? '',
        d.access,
        `sensors: ${d.sensors.join(', ') || 'none'}; response: ${d.response.join(', ') || 'none'}`,
      ]),
    );
  out.push('', 'Attacks');
  for (const a of s.attackProfiles) out.push(...item(a.id, [a.name ?? '', `${a.entry}, ${a.strategy}`]));
  out.push('', `${s.policyTests} policy tests, ${s.expectations} expectations`, '');
  return out.join('\n');
}
