// The design's sensors: each attacker action is seen by the sensors that cover it, with a
// probability and after a delay. Both are drawn for every covering sensor, noticed or not, so a
// sensor made more sensitive notices a superset of the same actions at the same delays.
import type { RandomStream } from '../kernel/index.js';
import type { Sensor } from '../model/schema.js';
import type { Observable, World } from '../world/World.js';

export class Sensors {
  private readonly rng: RandomStream;
  private readonly coverage: (Set<number> | null)[];

  constructor(
    private readonly world: World,
    /** Called when a sensor's alert reaches the defenders. */
    private readonly onDetect: (sensor: Sensor, o: Observable) => void,
  ) {
    this.rng = world.kernel.stream('defense');
    this.coverage = world.design.sensors.map((s) =>
      s.zones === '*' ? null : new Set(s.zones.map((z) => world.model.zoneIndex.get(z)!)),
    );
  }

  /** The sensors start watching attacker actions. */
  start(): void {
    this.world.observers.push((o) => this.see(o));
  }

  private see(o: Observable): void {
    const sensors = this.world.design.sensors;
    for (let i = 0; i < sensors.length; i++) {
      const s = sensors[i]!;
      if (!this.covers(s, this.coverage[i]!, o)) continue;
      // Refused requests stand out more than allowed ones.
      const p = Math.min(1, s.probability * o.observability * (o.denied ? 1.5 : 1));
      const noticed = this.rng.bernoulli(p);
      const delay = this.rng.sample(s.delay);
      if (noticed) this.world.kernel.schedule(delay, () => this.onDetect(s, o));
    }
  }

  private covers(s: Sensor, zones: Set<number> | null, o: Observable): boolean {
    const inZone =
      zones === null || zones.has(o.zone) || (o.onHost !== null && zones.has(this.world.model.assets[o.onHost]!.zone));
    switch (s.kind) {
      case 'vpn-log':
        return o.viaVpn && o.zone === -1;
      case 'firewall-log':
        return o.crossesZone && o.zone >= 0 && inZone;
      case 'zt-telemetry':
        return o.pdpDecided;
      case 'ot-ids':
        return (o.industrial || o.scan) && inZone && o.zone >= 0;
      case 'edr':
        return o.onHost !== null && inZone;
    }
  }
}
