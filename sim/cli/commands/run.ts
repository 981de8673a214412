// run: one simulated run, told as a timeline or as JSON.
import type { Command } from 'commander';
import { AccessLayer } from '../../net/AccessLayer.js';
import { eventFacts, type Outcome } from '../../contract/eventFacts.js';
import type { RunResult } from '../../contract/trace.js';
import { runSimulation } from '../../simulation/runSimulation.js';
import { withRunNamed } from '../../experiment/runs.js';
import { technique } from '../../attack/techniques.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { CliExit } from '../errors.js';
import { attackOption, designOption, hoursOrDefault, horizonOption } from '../options.js';
import { writeText } from '../terminal.js';
import { openScenario, pickAttack, pickDesign } from '../scenarioContext.js';

interface RunOpts {
  design?: string;
  attack?: string;
  seed: string;
  horizon?: string;
  trace?: string;
  audit?: string;
  json?: boolean;
  all?: boolean;
}

export function registerRun(program: Command): Command {
  return program
    .command('run')
    .description(
      'Simulate one attack under one design with one seed: a timeline of what the attacker, the defenders, the policy and the technicians did',
    )
    .argument('<scenario>', 'scenario YAML file')
    .addOption(designOption())
    .addOption(attackOption('attack'))
    .option('-s, --seed <seed>', 'random seed (same seed, same run)', '1')
    .addOption(horizonOption())
    .option('--trace <file>', 'write the event trace as JSON')
    .option('--audit <file>', 'write the hash-chained audit log (JSON lines); check it with `segsim audit verify`')
    .option('--json', 'print the run (metrics and trace) as JSON')
    .option('--all', 'show workload events in the timeline too')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim run scenarios/pharma.yaml --design vpn-flat --attack stolen-vendor-credential --seed 7
  $ segsim run scenarios/pharma.yaml -d zt -a compromised-vendor-laptop --audit audit.jsonl
  $ segsim audit verify audit.jsonl
  $ segsim run scenarios/pharma.yaml -d zt -a stolen-vendor-credential --json | jq .metrics`,
    )
    .action(async (file: string, opts: RunOpts) => {
      const ctx = await openScenario(file);
      const design = pickDesign(ctx, opts.design);
      const attack = pickAttack(ctx, opts.attack);
      const horizon = hoursOrDefault(opts.horizon);
      const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
      const { result, audit } = withRunNamed(design.id, attack.id, seed, () =>
        runSimulation(ctx.model, new AccessLayer(ctx.model, design), attack, {
          seed,
          ...(horizon === undefined ? {} : { horizonHours: horizon }),
        }),
      );
      try {
        if (opts.trace) writeFileAtomic(opts.trace, `${JSON.stringify(result.trace, null, 2)}\n`);
        if (opts.audit && audit) writeFileAtomic(opts.audit, audit.toJsonLines());
      } catch (err) {
        throw new CliExit(2, `cannot write output: ${(err as Error).message}`);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else writeText(renderRun(result, opts.all === true));
      if (opts.audit && audit && !opts.json)
        process.stdout.write(
          `\naudit log: ${opts.audit} (${audit.records.length} records, head ${audit.head.slice(0, 16)}…)\n`,
        );
    });
}

const ICON: Record<Outcome, string> = {
  success: '●',
  failure: '○',
  denied: '✕',
  pending: '…',
  info: '·',
};

export function renderRun(r: RunResult, all: boolean): string {
  const out = [`${r.attack} under ${r.design}, seed ${r.seed}, ${r.horizonHours} h`, ''];
  for (const e of r.trace) {
    const f = eventFacts(e);
    if (!all && f.actor === 'technician') continue;
    const tech = f.technique ? `${f.technique} ${technique(f.technique).name}` : '';
    out.push(
      `  ${hours(e.t).padStart(8)}  ${ICON[f.outcome]} ${f.actor.padEnd(10)} ${tech ? `[${tech}] ` : ''}${e.detail}${f.rule ? `  (rule ${f.rule})` : ''}${f.mitigation ? `  [stopped by ${f.mitigation}]` : ''}`,
    );
  }
  const m = r.metrics;
  out.push('', 'Outcome');
  out.push(
    `  compromised assets   ${m.compromisedAssets}${r.compromised.length ? `  (${r.compromised.join(', ')})` : ''}`,
  );
  out.push(`  controllers          ${m.compromisedPlcs}`);
  out.push(`  lines impacted       ${r.linesImpacted.length ? r.linesImpacted.join(', ') : 'none'}`);
  out.push(
    `  time to first PLC    ${m.timeToFirstPlcHours === null ? 'never' : `${m.timeToFirstPlcHours.toFixed(2)} h`}`,
  );
  out.push(
    `  detected after       ${m.timeToDetectionHours === null ? 'never' : `${m.timeToDetectionHours.toFixed(2)} h`}`,
  );
  out.push(
    `  contained after      ${m.timeToContainmentHours === null ? 'never' : `${m.timeToContainmentHours.toFixed(2)} h`}`,
  );
  out.push(`  production loss      ${m.productionLoss.toLocaleString('en-US')}`);
  out.push(`  denied requests      ${m.deniedRequests}`);
  out.push(`  held for approval    ${m.heldForApproval}`);
  out.push(`  in the audit trail   ${Math.round(m.auditedShare * 100)}% of ${m.attackerActions} attacker actions`);
  out.push(
    `  legitimate work      ${m.workloadRequests - m.workloadFailures}/${m.workloadRequests} requests served, time to access ${m.timeToAccessHours === null ? '-' : `${m.timeToAccessHours.toFixed(2)} h`}, exposure ${m.privilegeExposure.toFixed(1)} asset-hours`,
  );
  return `${out.join('\n')}\n`;
}

function hours(t: number): string {
  const h = Math.floor(t);
  const min = Math.floor((t - h) * 60);
  return `${h}h${String(min).padStart(2, '0')}`;
}
