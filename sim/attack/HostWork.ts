// What the attacker does on a host it holds, without crossing the network: harvest the credentials
// cached there (T0893), read the documents kept there (T0811), and escalate to administrator
// through a local vulnerability (T0890) when something it wants needs it. Each is a step with a
// technique, a duration and odds; a harvest whose technique takes no time and cannot fail rides
// the step that gave the privilege, as it always has.
import { localEscalation, PRIVILEGE, type DocumentNode, type PlantModel, type Privilege } from '../model/plantModel.js';
import type { Vulnerability } from '../model/schema.js';
import type { AttackerState } from './AttackerState.js';
import type { Technique } from './techniques.js';

const UNKNOWN = 2;

export type LocalStep =
  | { kind: 'harvest'; host: number; credential: number }
  | { kind: 'read'; host: number; document: DocumentNode }
  | { kind: 'escalate'; host: number; vulnerability: Vulnerability };

export class HostWork {
  /** Privilege held on each host, or last held on one lost since: 0 never held. */
  readonly privilege: Uint8Array;
  /** Hosts held, in the order they were gained. */
  private readonly held: number[] = [];
  /** Steps already tried, by key: a failed one is not repeated. */
  private readonly tried = new Set<string>();
  /**
   * Per host: 1 when it keeps what only administrator reads, has no local escalation and some
   * remote move could give administrator; 0 not; UNKNOWN not asked yet.
   */
  private readonly retakeable: Uint8Array;

  constructor(
    private readonly s: AttackerState,
    /** Learns credentials: the attacker's conquest, which also opens tunnels with them. */
    private readonly learn: (credentials: readonly number[], host: number) => void,
  ) {
    this.privilege = new Uint8Array(s.world.model.assets.length);
    this.retakeable = new Uint8Array(s.world.model.assets.length).fill(UNKNOWN);
  }

  /**
   * A host is taken at `privilege`: what costs nothing to read is read at once. Taken again after
   * the defenders cut it off or reimaged it, it starts over: the privilege is the new logon's, the
   * local steps may be taken again (a rotated credential is read anew).
   */
  gained(host: number, privilege: Privilege): void {
    if (this.privilege[host] === 0) this.held.push(host);
    else for (const key of this.tried) if (key.startsWith(`${host}:`)) this.tried.delete(key);
    this.privilege[host] = privilege;
    this.harvestFree(host);
  }

  /** Reads at once what costs nothing to read at the privilege held on the host. */
  private harvestFree(host: number): void {
    const harvest = this.s.techniqueFor('credential-harvest');
    if (!free(harvest)) return;
    const fresh = this.cachedWithin(host).filter((c) => !this.s.credentials.has(c));
    for (const c of fresh) this.emitHarvest(harvest, host, c, true);
    this.learn(fresh, host);
  }

  /**
   * The next local step worth taking on a host still held, in the order hosts were gained; a
   * script names the kind and maybe the host.
   */
  pending(kind?: LocalStep['kind'], on?: number): LocalStep | null {
    const w = this.s.world;
    const harvest = this.s.techniqueFor('credential-harvest');
    for (const host of this.held) {
      if (!w.owned[host] || w.isolated.has(host) || (on !== undefined && host !== on)) continue;
      const untried = (step: LocalStep) => !this.tried.has(keyOf(step)) && (kind === undefined || step.kind === kind);
      if (!free(harvest))
        for (const credential of this.cachedWithin(host)) {
          const step: LocalStep = { kind: 'harvest', host, credential };
          if (!this.s.credentials.has(credential) && untried(step)) return step;
        }
      const asset = w.model.assets[host]!;
      for (const document of asset.documents) {
        const step: LocalStep = { kind: 'read', host, document };
        if (document.privilege <= this.privilege[host]! && untried(step)) return step;
      }
      const lpe = localEscalation(asset);
      if (lpe !== undefined && this.privilege[host]! < PRIVILEGE.admin && this.wantsAdmin(host)) {
        const step: LocalStep = { kind: 'escalate', host, vulnerability: lpe };
        if (untried(step)) return step;
      }
    }
    return null;
  }

  /** Takes a local step; `then` is the attacker's next move once it is over. */
  run(step: LocalStep, then: () => void): void {
    this.tried.add(keyOf(step));
    const s = this.s;
    const tech = s.techniqueFor(
      step.kind === 'harvest' ? 'credential-harvest' : step.kind === 'read' ? 'read-knowledge' : 'privilege-escalation',
    );
    const duration = s.rng.sample(step.kind === 'escalate' ? step.vulnerability.timeToExploit : tech.duration);
    s.world.kernel.schedule(duration, () => {
      if (!s.world.owned[step.host] || s.world.isolated.has(step.host)) return then();
      const odds = tech.probability * (step.kind === 'escalate' ? step.vulnerability.probability : 1);
      const success = s.rng.bernoulli(odds);
      s.act(tech, onHost(s, step.host));
      this.apply(step, tech, success);
      then();
    });
  }

  private apply(step: LocalStep, tech: Technique, success: boolean): void {
    const w = this.s.world;
    const host = w.model.assets[step.host]!;
    const outcome = success ? 'success' : 'failure';
    switch (step.kind) {
      case 'harvest':
        this.emitHarvest(tech, step.host, step.credential, success);
        if (success) this.learn([step.credential], step.host);
        return;
      case 'read':
        w.emit({
          type: 'attack.read',
          technique: tech.id,
          host: host.id,
          document: step.document.id,
          outcome,
          detail: `${tech.name}: reads ${step.document.id} on ${host.id}`,
        });
        if (success) this.learnDocument(step.document, step.host);
        return;
      case 'escalate':
        w.emit({
          type: 'attack.escalate',
          technique: tech.id,
          host: host.id,
          vulnerability: step.vulnerability.id,
          outcome,
          detail: `${tech.name}: ${step.vulnerability.id} on ${host.id} to administrator`,
        });
        if (success) {
          this.privilege[step.host] = PRIVILEGE.admin;
          this.harvestFree(step.host);
        }
        return;
    }
  }

  /** A file transfer read the host's documents that `privilege` may read. */
  readRemote(host: number, privilege: Privilege): void {
    for (const d of this.s.world.model.assets[host]!.documents)
      if (d.privilege <= privilege) this.learnDocument(d, host);
  }

  /** What a document names becomes known: its credentials held, its hosts targets (hidden ones too). */
  learnDocument(document: DocumentNode, host: number): void {
    this.s.reveal(document.hosts);
    this.learn(document.credentials, host);
  }

  private emitHarvest(tech: Technique, host: number, credential: number, success: boolean): void {
    const w = this.s.world;
    const id = w.model.credentials[credential]!.id;
    const on = w.model.assets[host]!.id;
    w.emit({
      type: 'attack.harvest',
      technique: tech.id,
      host: on,
      credential: id,
      outcome: success ? 'success' : 'failure',
      detail: `${tech.name}: reads credential ${id} cached on ${on}`,
    });
  }

  /** Credentials cached on a host at a privilege the attacker holds there. */
  private cachedWithin(host: number): number[] {
    const held = this.privilege[host]!;
    return this.s.world.access.hosts
      .cached(host)
      .filter((c) => c.privilege <= held)
      .map((c) => c.credential);
  }

  /**
   * Held as user, with no local escalation, and something there needs administrator: worth taking
   * again by a move that gives administrator (a remote exploit, an administrator's logon).
   */
  wantsRetake(host: number): boolean {
    if (this.privilege[host] !== PRIVILEGE.user) return false;
    const w = this.s.world;
    if (w.owned[host] !== 1 || w.isolated.has(host)) return false;
    // Asked for every held target the attacker ranks: what never changes in a run is looked up once.
    if (this.retakeable[host] === UNKNOWN)
      this.retakeable[host] = w.access.hosts.needsAdministrator(host) && adminFromAfar(w.model, host) ? 1 : 0;
    return this.retakeable[host] === 1 && this.wantsAdmin(host);
  }

  /** Something cached or kept on the host needs administrator and is not had yet. */
  private wantsAdmin(host: number): boolean {
    const { access, model } = this.s.world;
    const creds = access.hosts
      .cached(host)
      .some((c) => c.privilege > PRIVILEGE.user && !this.s.credentials.has(c.credential));
    return creds || model.assets[host]!.documents.some((d) => d.privilege > PRIVILEGE.user);
  }
}

/** Could any remote move give administrator on the host: an exploit that runs as administrator, an administrator's logon? */
function adminFromAfar(model: PlantModel, host: number): boolean {
  const exploit = model.assets[host]!.vulnerabilities.some(
    (v) => (v.effect === 'code-execution' || v.effect === 'auth-bypass') && v.privilege !== 'user',
  );
  return exploit || model.credentials.some((c) => c.spec.privilege === 'admin' && c.opens.has(host));
}

/** A harvest that takes no time and cannot fail is part of the step that gave the privilege. */
function free(t: Technique): boolean {
  const d = t.duration;
  return d.dist === 'constant' && d.value === 0 && t.probability === 1;
}

function keyOf(step: LocalStep): string {
  const what =
    step.kind === 'harvest' ? step.credential : step.kind === 'read' ? step.document.id : step.vulnerability.id;
  return `${step.host}:${step.kind}:${what}`;
}

function onHost(s: AttackerState, host: number) {
  return {
    zone: s.world.model.assets[host]!.zone,
    crossesZone: false,
    viaVpn: false,
    pdpDecided: false,
    denied: false,
    onHost: host,
    industrial: false,
    identity: null,
  };
}
