import { describe, expect, it } from 'vitest';
import { Recovery } from '../../sim/defense/Recovery.js';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { miniPlant } from '../helpers/plants.js';
import { worldOf } from '../helpers/world.js';

/** line1 disrupted at 2 h, the attacker contained at each of `containAt`, run to the horizon. */
function recover(line: { recoveryHours?: number }, options: { containAt?: number[]; horizon?: number } = {}) {
  const input: ScenarioInput = miniPlant();
  input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, ...line }];
  const t = worldOf(input, undefined, options.horizon ?? 72);
  new Recovery(t.world).start();
  t.world.kernel.scheduleAt(2, () => t.world.lineDown(0));
  for (const at of options.containAt ?? [10])
    t.world.kernel.scheduleAt(at, () => {
      t.world.detectedAt = 1;
      t.world.contain();
    });
  t.world.kernel.run(t.world.horizon);
  return t;
}

const recovered = (t: ReturnType<typeof recover>) => t.world.trace.filter((e) => e.type === 'line.recovered');

describe('recovery', () => {
  it('brings a disrupted line back its recovery time after containment, its controllers no longer commanded', () => {
    const input: ScenarioInput = miniPlant();
    input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, recoveryHours: 3 }];
    const t = worldOf(input);
    new Recovery(t.world).start();
    t.world.controlled[t.at('plc1')] = t.world.everControlled[t.at('plc1')] = 1;
    t.world.kernel.scheduleAt(2, () => t.world.lineDown(0));
    t.world.kernel.scheduleAt(10, () => {
      t.world.detectedAt = 1;
      t.world.contain();
    });
    t.world.kernel.run(t.world.horizon);
    expect(recovered(t)).toEqual([
      {
        t: 13,
        type: 'line.recovered',
        line: 'line1',
        detail: 'line line1 back in production after 3.0 h of recovery (11.0 h down)',
      },
    ]);
    expect(t.world.outages).toEqual([[{ down: 2, up: 13 }]]);
    expect(t.world.controlled[t.at('plc1')]).toBe(0);
    expect(t.world.everControlled[t.at('plc1')]).toBe(1);
  });

  it('leaves the line down without a recovery time, without containment, or past the horizon', () => {
    for (const t of [
      recover({}),
      recover({ recoveryHours: 3 }, { containAt: [] }),
      recover({ recoveryHours: 3 }, { horizon: 12 }),
    ]) {
      expect(recovered(t)).toEqual([]);
      expect(t.world.outages[0]!.map((o) => o.up)).toEqual([null]);
    }
  });

  it('restores no line that was never disrupted', () => {
    const input: ScenarioInput = miniPlant();
    input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, recoveryHours: 1 }];
    const t = worldOf(input);
    new Recovery(t.world).start();
    t.world.kernel.scheduleAt(5, () => t.world.contain());
    t.world.kernel.run(t.world.horizon);
    expect(t.world.trace.filter((e) => e.type === 'line.recovered')).toEqual([]);
  });

  it('at every containment recovers the lines down then: a line hit again after a re-entry comes back again', () => {
    const input: ScenarioInput = miniPlant();
    input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, recoveryHours: 3 }];
    const { world: w } = worldOf(input);
    new Recovery(w).start();
    w.kernel.scheduleAt(2, () => w.lineDown(0));
    w.kernel.scheduleAt(10, () => {
      w.detectedAt = 1;
      w.contain();
    });
    w.kernel.scheduleAt(20, () => {
      w.reenter();
      w.lineDown(0);
    });
    w.kernel.scheduleAt(25, () => w.contain());
    w.kernel.run(w.horizon);
    expect(w.outages[0]).toEqual([
      { down: 2, up: 13 },
      { down: 20, up: 28 },
    ]);
    expect(w.containedAt).toBe(10);
  });
});
