// The design's sensors and response: each attacker action is seen by the sensors that cover it
// with a probability and a delay; a detection triggers the response after the response time.
import type { RandomStream } from '../kernel/index.js';
import type { Sensor } from '../model/schema.js';
import type { Observable, World } from '../world/World.js';

export class Defenders {
  private readonly rng: RandomStream;
  private readonly implicatedHosts = new Set<number>();
  private readonly implicatedIdentities = new Set<string>();
  private responsePending = false;
  private readonly coverage: (Set<number> | null)[];

  constructor(private readonly world: World) {
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
      if (!this.rng.bernoulli(p)) continue;
      const delay = this.rng.sample(s.delay);
      this.world.kernel.schedule(delay, () => this.detect(s, o));
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

  private detect(s: Sensor, o: Observable): void {
    const w = this.world;
    if (o.onHost !== null) this.implicatedHosts.add(o.onHost);
    if (o.identity !== null) this.implicatedIdentities.add(o.identity);
    if (w.detectedAt === null) w.detectedAt = w.now;
    w.emit({
      type: 'defense.detect',
      sensor: s.kind,
      technique: o.technique,
      ...(o.onHost !== null ? { host: w.model.assets[o.onHost]!.id } : {}),
      ...(o.identity !== null ? { identity: o.identity } : {}),
      detail: `${s.kind} flags ${o.technique}${o.note ? ` (${o.note})` : ''}${o.identity ? ` by ${o.identity}` : ''}`,
    });
    if (s.kind === 'zt-telemetry' && o.identity !== null && w.design.zt?.blockOnDetection) this.pdpBlocks(o.identity);
    const response = w.design.response;
    if (response === undefined || this.responsePending) return;
    this.responsePending = true;
    w.kernel.schedule(this.rng.sample(response.time), () => this.respond());
  }

  /** The PDP acts on its own telemetry at once, without the response time: the identity is locked. */
  private pdpBlocks(identity: string): void {
    const w = this.world;
    if (w.locks.has(identity)) return;
    this.lock(identity);
    w.emit({
      type: 'pdp.block',
      identity,
      detail: `the PDP blocks ${identity} on its own telemetry: live sessions revoked, new ones refused`,
    });
    w.respond();
  }

  /** Locks an identity: its live sessions are revoked and new ones refused. */
  private lock(id: string): void {
    this.world.locks.add(id);
    this.world.sessions?.signal({ kind: 'lock', id });
  }

  private respond(): void {
    const w = this.world;
    this.responsePending = false;
    const done: string[] = [];
    for (const action of w.design.response?.actions ?? []) {
      switch (action) {
        case 'disable-vpn-account':
          // Only accounts a detection named: a host alert does not say which VPN account to cut.
          for (const id of this.implicatedIdentities) {
            if (!w.design.vpn?.accounts.includes(id) || w.disabledVpnAccounts.has(id)) continue;
            w.disabledVpnAccounts.add(id);
            done.push(`VPN account ${id} disabled`);
          }
          break;
        case 'lock-identity':
        case 'revoke-sessions':
          for (const id of this.implicatedIdentities) this.lock(id);
          if (this.implicatedIdentities.size > 0)
            done.push(
              `${action === 'lock-identity' ? 'locked' : 'sessions revoked for'} ${[...this.implicatedIdentities].join(', ')}`,
            );
          break;
        case 'isolate-host': {
          // Only hosts the attacker can run tools on: a controller is not cut off the network.
          const hosts = [...this.implicatedHosts].filter((h) => w.model.assets[h]!.foothold);
          for (const h of hosts) w.isolated.add(h);
          if (hosts.length > 0) done.push(`isolated ${hosts.map((h) => w.model.assets[h]!.id).join(', ')}`);
          break;
        }
      }
    }
    w.emit({
      type: 'defense.respond',
      detail: done.length > 0 ? done.join('; ') : 'nothing to act on',
    });
    w.respond();
  }
}
