// Coming back after a containment: after a delay from its own stream, the attacker tries every way
// in it still holds — a credential nobody rotated that opens the VPN or a brokered session, an
// internet-exposed service left reachable, a compromised device whose owner is not locked (the
// owner types any new password on it). Whatever the defenders left open, it takes.
import type { World } from '../world/World.js';
import type { AttackerState } from './AttackerState.js';
import { footholdName } from './describe.js';
import type { Footholds } from './Footholds.js';
import { type Entry, type Foothold, remoteFootholds, tunnelKey } from './initialAccess.js';
import { techniqueFor } from './techniques.js';

export class Reentry {
  private readonly world: World;

  constructor(
    private readonly s: AttackerState,
    private readonly footholds: Footholds,
    private readonly entry: Entry,
    /** The attacker's next move, once it is back in. */
    private readonly then: () => void,
  ) {
    this.world = s.world;
  }

  /** Plans an attempt after every containment. */
  start(): void {
    this.world.onContainment.push(() => this.plan());
  }

  private plan(): void {
    const w = this.world;
    // Its own stream: re-entry moves no other draw of the run.
    const rng = w.kernel.stream('reentry');
    const delay = rng.sample(w.attack.reentry.after);
    const tries = rng.bernoulli(w.attack.reentry.probability);
    if (tries && w.now + delay < w.horizon) w.kernel.schedule(delay, () => this.comeBack());
  }

  private comeBack(): void {
    const w = this.world;
    if (!w.contained) return;
    const ways = this.waysIn();
    if (ways.length === 0) {
      w.emit({
        type: 'attack.no-entry',
        technique: techniqueFor('remote-login'),
        detail: 'back after the containment: nothing it holds opens a way in any more',
      });
      return;
    }
    w.reenter();
    w.emit({
      type: 'attack.reentry',
      technique: ways[0]!.technique,
      footholds: ways.map((f) => footholdName(f.origin, w.model)),
      detail: `the attacker is back in through ${ways.map((f) => f.label).join(', ')}`,
    });
    for (const f of ways) this.footholds.gain(f, false);
    this.s.forgetTries('means');
    this.then();
  }

  /** The ways in that still work now. */
  private waysIn(): Foothold[] {
    const { s, world: w } = this;
    const ia = w.attack.initialAccess;
    // Someone working on a compromised device, or an insider, has the current passwords.
    const user = ia.kind === 'compromised-device' ? s.device?.owner : ia.kind === 'insider' ? ia.user : undefined;
    if (user !== undefined && !w.locks.has(user)) {
      const own =
        ia.kind === 'insider'
          ? w.model.credentials.filter((c) => c.owners.includes(w.model.userIndex.get(user)!)).map((c) => c.index)
          : (s.device?.credentials ?? []).map((c) => w.model.credentialIndex.get(c)!);
      for (const c of own) s.credentials.add(c);
      s.rideNewSession();
    }
    // Tunnels it lost may be opened again.
    const live = new Set(this.footholds.list.filter((f) => !f.revoked).map((f) => tunnelKey(f.origin)));
    for (const f of this.footholds.list) {
      const key = tunnelKey(f.origin);
      if (key !== null && !live.has(key)) s.opened.delete(key);
    }
    const open = (o: Foothold['origin']) => w.originOpen(o);
    const exposed = w.design.internetFacing
      ? this.entry.footholds.filter((f) => f.origin.kind === 'internet' && open(f.origin))
      : [];
    return [...exposed, ...remoteFootholds(w.access, s.knowledge(), s.device, s.opened, open)];
  }
}
