// reach: the static blast radius of an attack under a design.
import type { Command } from 'commander';
import { AccessLayer } from '../../net/AccessLayer.js';
import { staticBlastRadius, type BlastRadius } from '../../metrics/blastRadius.js';
import { technique } from '../../attack/techniques.js';
import { openScenario, pickAttack, pickDesign } from '../scenarioContext.js';

export function registerReach(program: Command): Command {
  return program
    .command('reach')
    .description('Static blast radius: everything an attack can reach under a design, ignoring probability, timing and detection, with one shortest attack path per asset')
    .argument('<scenario>', 'scenario YAML file')
    .option('-d, --design <id>', 'access design')
    .option('-a, --attack <id>', 'attack')
    .option('--json', 'machine-readable output: assets, plcs, lines, lowestLevel, paths')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim reach scenarios/pharma.yaml --design vpn-flat --attack stolen-vendor-credential
  $ segsim reach scenarios/pharma.yaml -d zt -a compromised-vendor-laptop --json | jq .plcs`,
    )
    .action(async (file: string, opts: { design?: string; attack?: string; json?: boolean }) => {
      const ctx = await openScenario(file);
      const design = pickDesign(ctx, opts.design);
      const attack = pickAttack(ctx, opts.attack);
      const radius = staticBlastRadius(new AccessLayer(ctx.model, design), attack);
      process.stdout.write(opts.json ? `${JSON.stringify(radius, null, 2)}\n` : renderBlastRadius(radius));
    });
}

export function renderBlastRadius(r: BlastRadius): string {
  const out = [`Static blast radius: ${r.attack} under ${r.design}`, ''];
  out.push(`  owned assets      ${r.assets.length}`);
  out.push(`  controllers       ${r.plcs.length}${r.plcs.length ? `  (${r.plcs.join(', ')})` : ''}`);
  out.push(`  lines touched     ${r.lines.length ? r.lines.join(', ') : 'none'}`);
  out.push(`  lowest level      ${r.lowestLevel === null ? '-' : `Purdue L${r.lowestLevel}`}`);
  out.push(`  credentials held  ${r.credentials.join(', ') || 'none'}`);
  if (r.assets.length === 0) {
    out.push('', '  Nothing is reachable: no foothold leads to an asset the attacker can own or command.');
  } else {
    out.push('', 'Attack paths (one shortest path per asset)');
    for (const asset of r.assets) {
      out.push(`  ${asset}`);
      for (const s of r.paths[asset] ?? []) out.push(`      ${s.from} → ${s.to}  ${s.action}  via ${s.means}  [${s.technique} ${technique(s.technique).name}]`);
    }
  }
  return `${out.join('\n')}\n`;
}
