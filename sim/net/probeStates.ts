// The times a static analysis looks at: the worst case over a day of maintenance windows.
import type { PlantModel } from '../model/plantModel.js';
import { windowOpen } from '../policy/index.js';
import type { TimeWindow } from '../model/schema.js';
import type { AccessLayer, AccessState } from './AccessLayer.js';

/**
 * Worst case over time: the attack's start and each maintenance window's next opening. Times at
 * which the same `relevant` windows (default: all) are open decide alike — nothing else in a
 * static state depends on time — so only the first of each is kept.
 */
export function probeStates(
  model: PlantModel,
  at: number,
  relevant: readonly TimeWindow[] = model.scenario.windows,
): AccessState[] {
  const times = [at];
  for (const w of model.scenario.windows) {
    let t = at + ((((w.start - at) % w.every) + w.every) % w.every);
    if (!windowOpen(w, t)) t += 1e-9;
    times.push(t);
  }
  const seen = new Set<string>();
  return times
    .filter((t) => {
      const open = relevant.map((w) => (windowOpen(w, t) ? 1 : 0)).join('');
      return !seen.has(open) && seen.add(open) !== undefined;
    })
    .map((time) => ({ time }));
}

/** The windows the design's rules depend on. */
export function policyWindows(access: AccessLayer): TimeWindow[] {
  return [...new Set(access.policy.rules.flatMap((r) => (r.window === undefined ? [] : [r.window])))];
}
