// One run's result: its metrics from the world's final state and the counts the processes
// reported, the compromised assets and lines, the refusals by mitigation and the trace. What the
// attacker ever held counts, not only what it still holds at the end; every outage of a line counts.
import type { RunMetrics, RunResult } from '../contract/trace.js';
import { round, type World } from '../world/World.js';
import type { RunCounters } from './RunCounters.js';

export function runResult(w: World, counts: RunCounters, keepTrace: boolean): RunResult {
  const model = w.model;
  return {
    scenario: model.scenario.name ?? null,
    design: w.design.id,
    attack: w.attack.id,
    seed: w.seed,
    horizonHours: w.horizon,
    metrics: runMetrics(w, counts),
    compromised: model.assets.filter((a) => w.everOwned[a.index] || w.everControlled[a.index]).map((a) => a.id),
    linesImpacted: model.lines.filter((_, i) => w.outages[i]!.length > 0).map((l) => l.id),
    blockedBy: Object.fromEntries(Object.entries(counts.blockedBy).sort(([a], [b]) => a.localeCompare(b))),
    trace: keepTrace ? w.trace : [],
  };
}

/** Production lost on each line, in plant order: every outage's hours (to the horizon if still down) × its value. */
export function lineLosses(w: World): number[] {
  return w.outages.map((outages, i) => {
    let loss = 0;
    for (const o of outages) loss += ((o.up ?? w.horizon) - o.down) * w.model.lines[i]!.valuePerHour;
    return loss;
  });
}

export function runMetrics(w: World, c: RunCounters): RunMetrics {
  const model = w.model;
  const hit = model.assets.filter((a) => w.everOwned[a.index] || w.everControlled[a.index]);
  const levels = hit.map((a) => a.level);
  const start = w.attack.initialAccess.at;
  const since = (t: number | null) => (t === null ? null : round(t - start));
  const loss = lineLosses(w).reduce((a, b) => a + b, 0);
  return {
    compromisedAssets: hit.length,
    compromisedPlcs: hit.filter((a) => a.controller && w.everControlled[a.index]).length,
    linesImpacted: w.outages.filter((o) => o.length > 0).length,
    lowestLevel: levels.length === 0 ? null : Math.min(...levels),
    timeToFirstPlcHours: since(c.firstControllerAt),
    timeToDetectionHours: since(w.detectedAt),
    timeToContainmentHours: since(w.containedAt),
    productionLoss: Math.round(loss),
    attackerActions: c.attackerActions,
    deniedRequests: c.deniedRequests,
    heldForApproval: c.heldForApproval,
    auditedShare: c.attackerActions === 0 ? 0 : round(c.auditedActions / c.attackerActions),
    workloadRequests: c.workloadRequests,
    workloadFailures: c.workloadFailures,
    timeToAccessHours:
      c.accessHours.length === 0 ? null : round(c.accessHours.reduce((a, b) => a + b, 0) / c.accessHours.length),
    privilegeExposure: round(c.exposure),
  };
}
