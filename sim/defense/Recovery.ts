// Restoring production: once the attacker is contained, every impacted line with a recovery time
// comes back after it. A line without one, or whose recovery ends past the horizon, stays down.
import type { World } from '../world/World.js';

export class Recovery {
  constructor(private readonly world: World) {}

  /** Waits for containment, when some line has a recovery time. */
  start(): void {
    if (this.world.model.lines.some((l) => l.recoveryHours !== undefined))
      this.world.onContainment.push(() => this.restoreLines());
  }

  private restoreLines(): void {
    const w = this.world;
    // Its own stream: giving a line a recovery time moves no other draw of the run.
    const rng = w.kernel.stream('recovery');
    w.model.lines.forEach((line, i) => {
      const impactAt = w.lineImpactAt[i];
      if (impactAt === null || line.recoveryHours === undefined) return;
      const hours = rng.sample(line.recoveryHours);
      w.kernel.schedule(hours, () => {
        w.lineRestoredAt[i] = w.now;
        const down = w.now - impactAt!;
        w.emit({
          type: 'line.recovered',
          line: line.id,
          detail: `line ${line.id} back in production after ${hours.toFixed(1)} h of recovery (${down.toFixed(1)} h down)`,
        });
      });
    });
  }
}
