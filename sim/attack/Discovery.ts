// Discovery from one foothold: a scan from a network foothold, an enumeration of what a brokered
// session may reach (a session gives no address to scan from). What it finds becomes targets.
import { discoverable } from '../net/discovery.js';
import type { AttackerState } from './AttackerState.js';
import type { Footholds, LiveFoothold } from './Footholds.js';
import { identityOf } from './observation.js';

export class Discovery {
  /** Discovery results already ranked: hosts in the zones of an earlier scan see the same list. */
  private readonly ranked = new WeakSet<readonly number[]>();

  constructor(
    private readonly s: AttackerState,
    private readonly footholds: Footholds,
    /** The attacker's next move, once the discovery is over. */
    private readonly then: () => void,
  ) {}

  /** Lists what `f` reaches with `techniqueId` (a script's), else with its kind's default. */
  discover(f: LiveFoothold, techniqueId?: string): void {
    f.scanned = true;
    const s = this.s;
    const w = s.world;
    const model = w.model;
    const origin = f.origin;
    const t =
      origin.kind === 'broker'
        ? s.techniqueFor('session-enumeration')
        : techniqueId === undefined
          ? s.techniqueFor('network-scan')
          : s.technique(techniqueId);
    const found = discoverable(w.access, s.originFor(f), s.state());
    const duration = s.rng.sample(t.duration);
    w.kernel.schedule(duration, () => {
      if (!this.footholds.alive(f)) return this.then();
      f.visible = visibleSet(found, model.assets.length);
      const fresh = this.ranked.has(found) ? 0 : s.learnAssets(found);
      this.ranked.add(found);
      w.emit({
        type: 'attack.discover',
        technique: t.id,
        foothold: f.name,
        detail: `${t.name} from ${f.name}: ${fresh} new hosts`,
      });
      const zone = origin.kind === 'host' ? model.assets[origin.asset]!.zone : -1;
      s.act(t, {
        zone,
        crossesZone: origin.kind !== 'host',
        viaVpn: origin.kind === 'vpn',
        pdpDecided: origin.kind === 'broker',
        denied: false,
        onHost: origin.kind === 'host' ? origin.asset : null,
        industrial: false,
        identity: identityOf(f),
      });
      this.then();
    });
  }
}

/** Footholds in the same zones see the same hosts: share one map per discovery result. */
const VISIBLE = new WeakMap<readonly number[], Uint8Array>();
function visibleSet(found: readonly number[], assetCount: number): Uint8Array {
  let set = VISIBLE.get(found);
  if (set === undefined) {
    set = new Uint8Array(assetCount);
    for (const a of found) set[a] = 1;
    VISIBLE.set(found, set);
  }
  return set;
}
