// One run: one design × one attack × one seed, to a horizon. Pure: same inputs, same result.
import { Attacker } from '../attack/Attacker.js';
import { Defenders } from '../defense/Defenders.js';
import { Recovery } from '../defense/Recovery.js';
import type { PlantModel } from '../model/plantModel.js';
import type { RunMetrics, RunResult } from '../contract/trace.js';
import type { AccessLayer } from '../net/AccessLayer.js';
import type { Attack } from '../model/schema.js';
import { Technicians } from '../workload/Technicians.js';
import { round, World } from '../world/World.js';
import { AuditLog } from '../policy/index.js';

export interface RunOptions {
  seed: number | string;
  horizonHours?: number;
  /** Keep the event trace (the viewer's replay); off for bulk Monte Carlo. */
  trace?: boolean;
}

export interface RunOutput {
  result: RunResult;
  world: World;
  /** The run's hash-chained audit trail; null when the trace was not kept. */
  audit: AuditLog | null;
}

export function runSimulation(model: PlantModel, access: AccessLayer, attack: Attack, options: RunOptions): RunOutput {
  const horizon = options.horizonHours ?? model.scenario.horizonHours;
  const world = new World(model, access, access.design, attack, options.seed, horizon, options.trace !== false);
  new Defenders(world);
  new Recovery(world);
  const technicians = new Technicians(world);
  new Attacker(world);
  world.kernel.run(horizon);
  const metrics = collectMetrics(world, technicians.totals);
  return {
    world,
    audit: world.audit instanceof AuditLog ? world.audit : null,
    result: {
      scenario: model.scenario.name ?? null,
      design: access.design.id,
      attack: attack.id,
      seed: options.seed,
      horizonHours: horizon,
      metrics,
      compromised: model.assets.filter((a) => world.owned[a.index] || world.controlled[a.index]).map((a) => a.id),
      linesImpacted: model.lines.filter((_, i) => world.lineImpactAt[i] !== null).map((l) => l.id),
      blockedBy: Object.fromEntries(Object.entries(world.blockedBy).sort(([a], [b]) => a.localeCompare(b))),
      trace: options.trace === false ? [] : world.trace,
    },
  };
}

function collectMetrics(w: World, work: Technicians['totals']): RunMetrics {
  const model = w.model;
  const hit = model.assets.filter((a) => w.owned[a.index] || w.controlled[a.index]);
  const levels = hit.map((a) => a.level);
  const start = w.attack.initialAccess.at;
  const since = (t: number | null) => (t === null ? null : round(t - start));
  let loss = 0;
  w.lineImpactAt.forEach((t, i) => {
    if (t !== null) loss += ((w.lineRestoredAt[i] ?? w.horizon) - t) * model.lines[i]!.valuePerHour;
  });
  return {
    compromisedAssets: hit.length,
    compromisedPlcs: hit.filter((a) => a.controller && w.controlled[a.index]).length,
    linesImpacted: w.lineImpactAt.filter((t) => t !== null).length,
    lowestLevel: levels.length === 0 ? null : Math.min(...levels),
    timeToFirstPlcHours: since(w.firstPlcAt),
    timeToDetectionHours: since(w.detectedAt),
    timeToContainmentHours: since(w.containedAt),
    productionLoss: Math.round(loss),
    attackerActions: w.attackerActions,
    deniedRequests: w.deniedRequests,
    heldForApproval: w.heldForApproval,
    auditedShare: w.attackerActions === 0 ? 0 : round(w.auditedActions / w.attackerActions),
    workloadRequests: work.requests,
    workloadFailures: work.failures,
    timeToAccessHours:
      work.accessHours.length === 0
        ? null
        : round(work.accessHours.reduce((a, b) => a + b, 0) / work.accessHours.length),
    privilegeExposure: round(work.exposure),
  };
}
