// Restoring production: at every containment, each line down at that moment with a recovery time
// comes back after it, its controllers running known-good programs again. A line without one, or
// whose recovery ends past the horizon, stays down; a line back in production can be hit again.
import type { World } from '../world/World.js';

export class Recovery {
  /** Lines whose recovery is under way. */
  private readonly recovering = new Set<number>();

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
      if (!w.lineIsDown(i) || line.recoveryHours === undefined || this.recovering.has(i)) return;
      const hours = rng.sample(line.recoveryHours);
      this.recovering.add(i);
      w.kernel.schedule(hours, () => {
        this.recovering.delete(i);
        const outage = w.lineUp(i);
        w.emit({
          type: 'line.recovered',
          line: line.id,
          detail: `line ${line.id} back in production after ${hours.toFixed(1)} h of recovery (${(w.now - outage.down).toFixed(1)} h down)`,
        });
      });
    });
  }
}
