// The attacker's footholds as they live through a run: gained (and shown to the sensors), cut off
// by the defenders or the PDP, and grouped so interchangeable ones do not repeat the same try.
import type { World } from '../world/World.js';
import type { AttackerState } from './AttackerState.js';
import { footholdName } from './describe.js';
import type { Foothold } from './initialAccess.js';
import { identityOf } from './observation.js';

export interface LiveFoothold extends Foothold {
  name: string;
  revoked: boolean;
  scanned: boolean;
  /** PDP session carrying this brokered foothold's connections, once one was granted. */
  sessionId: string | null;
  denied: number;
  /** What its scan showed, 1 by asset: the agent does not hammer targets its own scan found unreachable. */
  visible: Uint8Array | null;
  /** Attempt-group ids (see attemptKey): by name, and for a host by its zones (-1 otherwise). */
  group: number;
  zoneGroup: number;
}

export class Footholds {
  readonly list: LiveFoothold[] = [];
  /** Interned attempt-group names: foothold names and host zone lists. */
  private readonly groups = new Map<string, number>();
  private readonly world: World;

  constructor(private readonly s: AttackerState) {
    this.world = s.world;
  }

  /** Takes a foothold: the initial access's, or one gained on the way. */
  gain(f: Foothold, initial: boolean): void {
    const model = this.world.model;
    const name = footholdName(f.origin, model);
    const group = this.group(name);
    const zoneGroup = f.origin.kind === 'host' ? this.group(`z${model.assets[f.origin.asset]!.zones.join(',')}`) : -1;
    this.list.push({
      ...f,
      name,
      revoked: false,
      scanned: false,
      sessionId: null,
      denied: 0,
      visible: null,
      group,
      zoneGroup,
    });
    this.s.targets.footholdAdded();
    this.world.emit({
      type: initial ? 'attack.initial' : 'attack.foothold',
      technique: f.technique,
      foothold: name,
      via: f.origin.kind,
      detail: f.label,
    });
    this.s.act(this.s.technique(f.technique), {
      zone: -1,
      crossesZone: false,
      viaVpn: f.origin.kind === 'vpn',
      pdpDecided: f.origin.kind === 'broker',
      denied: false,
      onHost: null,
      industrial: false,
      identity: identityOf(f),
    });
  }

  alive(f: LiveFoothold): boolean {
    const w = this.world;
    if (f.revoked) return false;
    switch (f.origin.kind) {
      case 'host':
        return !w.isolated.has(f.origin.asset);
      case 'vpn':
        return !w.disabledVpnAccounts.has(f.origin.account);
      case 'broker':
        return f.origin.subject.user === undefined || !w.locks.has(f.origin.subject.user);
      case 'internet':
        return !w.isolated.has(f.origin.exposed);
    }
  }

  allLost(): boolean {
    return this.list.every((f) => !this.alive(f));
  }

  /** After the defenders acted: drops what they cut off. */
  checkAll(): void {
    for (const f of this.list) if (!f.revoked && !this.alive(f)) this.lose(f, 'the defenders cut it off');
  }

  lose(f: LiveFoothold, why: string): void {
    f.revoked = true;
    this.world.emit({
      type: 'attack.foothold-lost',
      foothold: f.name,
      via: f.origin.kind,
      detail: `attacker loses ${f.name}: ${why}`,
    });
    if (this.list.every((x) => x.revoked) && this.world.detectedAt !== null) this.world.contain();
  }

  /**
   * One number per (group, target). Hosts in the same zones are interchangeable against a target
   * outside any enclave gateway whose firewall names no source host, so they share their zones'
   * group; other footholds go by name.
   */
  attemptKey(f: LiveFoothold, target: number): number {
    const w = this.world;
    const byZones =
      f.zoneGroup >= 0 &&
      w.access.topology.gated[w.model.assets[target]!.zone] !== 1 &&
      w.access.hosts.sourceSpecific[target] !== 1;
    return (byZones ? f.zoneGroup : f.group) * w.model.assets.length + target;
  }

  private group(name: string): number {
    let id = this.groups.get(name);
    if (id === undefined) this.groups.set(name, (id = this.groups.size));
    return id;
  }
}
