import { describe, expect, it } from 'vitest';
import { Recovery } from '../../sim/defense/Recovery.js';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { miniPlant } from '../helpers/plants.js';
import { worldOf } from '../helpers/world.js';

/** line1 disrupted at 2 h, the attacker contained at 10 h (or never), run to the horizon. */
function recover(line: { recoveryHours?: number }, options: { containAt?: number | null; horizon?: number } = {}) {
  const input: ScenarioInput = miniPlant();
  input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, ...line }];
  const t = worldOf(input, undefined, options.horizon ?? 72);
  new Recovery(t.world).start();
  t.world.lineImpactAt[0] = 2;
  const containAt = options.containAt === undefined ? 10 : options.containAt;
  if (containAt !== null)
    t.world.kernel.scheduleAt(containAt, () => {
      t.world.detectedAt = 1;
      t.world.contain();
    });
  t.world.kernel.run(t.world.horizon);
  return t.world;
}

describe('recovery', () => {
  it('brings a disrupted line back its recovery time after containment', () => {
    const w = recover({ recoveryHours: 3 });
    expect(w.trace).toEqual([
      {
        t: 13,
        type: 'line.recovered',
        line: 'line1',
        detail: 'line line1 back in production after 3.0 h of recovery (11.0 h down)',
      },
    ]);
    expect(w.lineRestoredAt).toEqual([13]);
  });

  it('leaves the line down without a recovery time, without containment, or past the horizon', () => {
    for (const w of [
      recover({}),
      recover({ recoveryHours: 3 }, { containAt: null }),
      recover({ recoveryHours: 3 }, { horizon: 12 }),
    ]) {
      expect(w.trace).toEqual([]);
      expect(w.lineRestoredAt).toEqual([null]);
    }
  });

  it('restores no line that was never disrupted', () => {
    const input: ScenarioInput = miniPlant();
    input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, recoveryHours: 1 }];
    const t = worldOf(input);
    new Recovery(t.world).start();
    t.world.kernel.scheduleAt(5, () => t.world.contain());
    t.world.kernel.run(t.world.horizon);
    expect(t.world.trace).toEqual([]);
  });
});
