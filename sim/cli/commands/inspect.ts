// inspect: what a scenario holds, by Purdue level, line, kind, design and attack.
import type { Command } from 'commander';
import { summarize, type ScenarioSummary } from '../../scenario/summary.js';
import { loadScenarioOrExit } from '../load.js';
import { writeText } from '../terminal.js';

export function registerInspect(program: Command): Command {
  return program
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
        `sensors: ${d.sensors.join(', ') || 'none'}`,
        d.response === null ? 'response: none' : `response after ${d.response.triage}: ${d.response.steps.join('; ')}`,
        d.response === null ? '' : `investigation: ${d.response.investigation}`,
      ]),
    );
  out.push('', 'Attacks');
  for (const a of s.attackProfiles) out.push(...item(a.id, [a.name ?? '', `${a.entry}, ${a.strategy}`]));
  out.push('', `${s.policyTests} policy tests, ${s.expectations} expectations`, '');
  return out.join('\n');
}
