// The attacker's memory, shared by its parts: what it holds (credentials, second factors, the
// device it acts from, the tunnels it opened, approvals it obtained), the targets it ranks, the
// tries since its last retry and the refusals no passing of time will change; and how each of its
// actions is counted and shown to the sensors.
import type { RandomStream } from '../kernel/index.js';
import type { Device } from '../model/schema.js';
import type { AccessState, Origin } from '../net/AccessLayer.js';
import type { Approval } from '../policy/types.js';
import type { Observable, World } from '../world/World.js';
import type { Knowledge } from './capabilities.js';
import type { Entry, Foothold } from './initialAccess.js';
import { targetScorer } from './strategy.js';
import { TargetList } from './TargetList.js';
import { plays, resolveTechnique, techniqueFor, type Technique, type TechniqueUse } from './techniques.js';

/** What a sensor sees of an action beyond the technique, which `act` adds. */
type ActionView = Omit<Observable, 't' | 'technique' | 'observability' | 'scan'>;

export class AttackerState {
  readonly rng: RandomStream;
  readonly targets: TargetList;
  readonly credentials: Set<number>;
  readonly device: Device | undefined;
  /** The tunnels opened so far: learning credentials later does not open them twice. */
  readonly opened: Set<string>;
  /** Just-in-time approvals the attacker talked the approver into, by rule. */
  readonly approvals = new Map<string, Approval>();
  /** Attempts made since the last retry, as attempt keys (see Footholds.attemptKey). */
  readonly tried = new Set<number>();
  /** Hosts something it read named: found even when the design hides them from scans. */
  readonly found: Uint8Array;
  /**
   * Tried attempts the network refused without a policy decision (a conduit, a route): only new
   * means or a lifted cut change those, not time, so an idle retry leaves them alone.
   */
  readonly refusedForGood = new Set<number>();
  private readonly mfaUsers: Set<number>;
  /** When the second factors it holds stop working. */
  private mfaUntil: number;
  private readonly score: (asset: number, discoveryOrder: number) => number;

  constructor(
    readonly world: World,
    entry: Entry,
  ) {
    this.rng = world.kernel.stream('attacker');
    this.targets = new TargetList(world.model.assets.length);
    this.found = new Uint8Array(world.model.assets.length);
    this.score = targetScorer(world);
    this.credentials = entry.knowledge.credentials;
    this.mfaUsers = entry.knowledge.mfaUsers;
    this.device = entry.device;
    this.opened = entry.opened;
    const ia = world.attack.initialAccess;
    // A live session's second factor lasts only as long as the session the victim opened.
    this.mfaUntil =
      ia.kind === 'compromised-device' && ia.liveSession
        ? ia.at + (world.design.zt?.sessionTtlHours ?? Infinity)
        : Infinity;
    // A rotated credential stops working; learning it again (from a host's cache) gives the new one.
    world.onRotation.push((c) => this.credentials.delete(c));
  }

  /** The victim opened a new session on the compromised device: its second factor works again for a session's time. */
  rideNewSession(): void {
    if (Number.isFinite(this.mfaUntil)) this.mfaUntil = this.world.now + (this.world.design.zt?.sessionTtlHours ?? 0);
  }

  /** A technique by id, with the scenario's and the attack's overrides. */
  technique(id: string): Technique {
    return resolveTechnique(id, this.world.model.scenario.techniques, this.world.attack.techniques);
  }

  /** The technique that plays a part, with the overrides. */
  techniqueFor(use: TechniqueUse): Technique {
    return this.technique(techniqueFor(use));
  }

  /** The access state its own connections see: the run's, plus the approvals it obtained. */
  state(): AccessState {
    return { ...this.world.accessState(), approvals: this.approvals };
  }

  liveMfaUsers(): Set<number> {
    return this.world.now < this.mfaUntil ? this.mfaUsers : new Set();
  }

  knowledge(): Knowledge {
    return { credentials: this.credentials, mfaUsers: this.liveMfaUsers() };
  }

  /** Where a foothold's connections come from now: a brokered one carries MFA while the attacker holds it. */
  originFor(f: Foothold): Origin {
    if (f.origin.kind !== 'broker') return f.origin;
    const user = f.origin.subject.user;
    const hasMfa =
      user !== undefined && this.world.now < this.mfaUntil && this.mfaUsers.has(this.world.model.userIndex.get(user)!);
    return { ...f.origin, mfa: hasMfa };
  }

  /**
   * Adds newly known assets to the ranked targets (hosts hidden from scans only once something it
   * read named them); returns how many were new.
   */
  learnAssets(assets: Iterable<number>): number {
    const w = this.world;
    const hidden = w.access.hosts.hidden;
    const skip = (a: number) => w.owned[a] === 1 || w.controlled[a] === 1 || (hidden[a] === 1 && this.found[a] !== 1);
    return this.targets.learn(assets, skip, this.score);
  }

  /** Hosts a document named: hidden ones become targets too; new targets are worth a retry. */
  reveal(hosts: readonly number[]): void {
    for (const h of hosts) this.found[h] = 1;
    if (this.learnAssets(hosts) > 0) this.forgetTries('means');
  }

  /**
   * Every target is worth trying again from every foothold: after new `means` (a credential, an
   * approval, a way back in, a cut lifted) all of them; after `time` passing, all but the refusals
   * that time does not change.
   */
  forgetTries(reason: 'means' | 'time'): void {
    if (reason === 'means') {
      this.tried.clear();
      this.refusedForGood.clear();
    } else for (const key of this.tried) if (!this.refusedForGood.has(key)) this.tried.delete(key);
    this.targets.retryAll();
  }

  /** Counts an attacker action and lets the sensors see it; `audited` when the trail holds it although no PDP decided it here. */
  act(t: Technique, view: ActionView, audited = false): void {
    this.world.record.attackerAction(audited || view.pdpDecided || (view.viaVpn && view.zone === -1));
    this.world.observe({
      technique: t.id,
      observability: t.observability,
      scan: plays(t, 'network-scan'),
      ...view,
    });
  }
}
