// What the defenders know of the incident: the attacker's footholds that detections named or the
// investigation found, and the hosts, identities and credentials those tell them about. A host's
// cached credentials count as known once the host is; an identity that is an account is a
// credential too. The playbook acts on these sets.
import type { FootholdRecord, World } from '../world/World.js';

export class Incident {
  /** Known footholds, by record id. */
  readonly footholds = new Set<number>();
  readonly hosts = new Set<number>();
  /** Users and VPN accounts, as the sensors name them. */
  readonly identities = new Set<string>();
  readonly credentials = new Set<number>();
  /** Known hosts being rebuilt: back in service clean, they leave `hosts`. */
  readonly rebuilding = new Set<number>();
  /** Footholds a known one was gained from. */
  private readonly knownParents = new Set<number>();

  constructor(private readonly world: World) {}

  /** A detection named a host, an identity or both: the live footholds on them are known. */
  named(host: number | null, identity: string | null): void {
    if (host !== null) this.addHost(host);
    if (identity !== null) this.addIdentity(identity);
    for (const f of this.world.footholds) if (f.live && !this.footholds.has(f.id) && this.names(f)) this.know(f);
  }

  /** The investigation found a foothold. */
  found(f: FootholdRecord): void {
    this.know(f);
  }

  /**
   * Does a lead point at `f`: gained from a known foothold or the source of one, running under a
   * known identity or credential, or sitting on a known host?
   */
  linked(f: FootholdRecord): boolean {
    if (f.parent !== null && this.footholds.has(f.parent)) return true;
    if (this.knownParents.has(f.id) || this.names(f)) return true;
    return f.credential !== null && this.credentials.has(f.credential);
  }

  private names(f: FootholdRecord): boolean {
    const host = hostOf(f);
    return (host !== null && this.hosts.has(host)) || (f.identity !== null && this.identities.has(f.identity));
  }

  private know(f: FootholdRecord): void {
    this.footholds.add(f.id);
    if (f.parent !== null) this.knownParents.add(f.parent);
    const host = hostOf(f);
    if (host !== null) this.addHost(host);
    if (f.identity !== null) this.addIdentity(f.identity);
    if (f.credential !== null) this.credentials.add(f.credential);
  }

  private addHost(h: number): void {
    this.hosts.add(h);
    for (const c of this.world.model.assets[h]!.storedCredentials) this.credentials.add(c);
  }

  private addIdentity(id: string): void {
    this.identities.add(id);
    const account = this.world.model.credentialIndex.get(id);
    if (account !== undefined) this.credentials.add(account);
  }
}

/** The host a foothold sits on: an owned host, or the internet-exposed device. */
export function hostOf(f: FootholdRecord): number | null {
  return f.origin.kind === 'host' ? f.origin.asset : f.origin.kind === 'internet' ? f.origin.exposed : null;
}
