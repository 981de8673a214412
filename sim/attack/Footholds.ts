// The attacker's footholds as they live through a run: gained (shown to the sensors and registered
// with the world, where the defenders' investigation can trace them), cut off by the defenders or
// the PDP, and grouped so interchangeable ones do not repeat the same try.
import type { World } from '../world/World.js';
import type { AttackerState } from './AttackerState.js';
import { footholdName } from './describe.js';
import type { Foothold } from './initialAccess.js';
import { identityOf } from './observation.js';

export interface LiveFoothold extends Foothold {
  name: string;
  /** Its id in the world's foothold records. */
  record: number;
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

  /** Takes a foothold: the initial access's, or one gained on the way from `parent`. */
  gain(f: Foothold, initial: boolean, parent: LiveFoothold | null = null): LiveFoothold {
    const model = this.world.model;
    const name = footholdName(f.origin, model);
    const group = this.group(name);
    const zoneGroup = f.origin.kind === 'host' ? this.group(`z${model.assets[f.origin.asset]!.zones.join(',')}`) : -1;
    const record = this.world.gainFoothold({
      name,
      origin: f.origin,
      parent: parent?.record ?? null,
      credential: f.credential ?? null,
      identity: identityOf(f),
    });
    const live: LiveFoothold = {
      ...f,
      name,
      record: record.id,
      revoked: false,
      scanned: false,
      sessionId: null,
      denied: 0,
      visible: null,
      group,
      zoneGroup,
    };
    this.list.push(live);
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
    return live;
  }

  alive(f: LiveFoothold): boolean {
    return !f.revoked && this.world.originOpen(f.origin);
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
    this.world.loseFoothold(f.record);
    // A host it lost is a target again, once it can be reached.
    if (f.origin.kind === 'host') this.s.learnAssets([f.origin.asset]);
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
