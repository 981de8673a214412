// One run: one design × one attack × one seed, to a horizon. Composition only: the world and the
// processes are made, started in a fixed order (ties in time run in scheduling order), the kernel
// runs, the metrics read the result. Pure: same inputs, same result.
import { Attacker } from '../attack/Attacker.js';
import { Defenders } from '../defense/Defenders.js';
import { Recovery } from '../defense/Recovery.js';
import type { RunResult } from '../contract/trace.js';
import { runResult } from '../metrics/runMetrics.js';
import { RunCounters } from '../metrics/RunCounters.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Attack } from '../model/schema.js';
import type { AccessLayer } from '../net/AccessLayer.js';
import { AuditLog } from '../policy/index.js';
import { Technicians } from '../workload/Technicians.js';
import { World } from '../world/World.js';

export interface RunOptions {
  seed: number | string;
  horizonHours?: number;
  /** Keep the event trace (the viewer's replay) and the audit trail; off for bulk Monte Carlo. */
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
  const keep = options.trace !== false;
  const counters = new RunCounters();
  const world = new World(model, access, access.design, attack, {
    seed: options.seed,
    horizon,
    recorder: counters,
    keep,
  });
  const processes = [new Defenders(world), new Recovery(world), new Technicians(world), new Attacker(world)];
  world.start();
  for (const p of processes) p.start();
  world.kernel.run(horizon);
  return {
    world,
    audit: world.audit instanceof AuditLog ? world.audit : null,
    result: runResult(world, counters, keep),
  };
}
