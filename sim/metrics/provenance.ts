// Where each credential the attacker holds and each hidden host it knows came from, so that every
// static path is a chain an attacker could execute from the entry: a credential appears where it
// was read before it is used, a hidden host where a document named it before it is attacked.
import type { Foothold } from '../attack/initialAccess.js';
import { techniqueFor } from '../attack/techniques.js';
import type { AssetNode, DocumentNode, PlantModel } from '../model/plantModel.js';
import type { Vulnerability } from '../model/schema.js';
import type { PathStep } from './blastRadius.js';

export class Provenance {
  /** The path that ends with learning each credential; none for those held from the start. */
  private readonly learnedBy = new Map<number, PathStep[]>();
  /** The path that ends with reading where each hidden host is. */
  private readonly foundBy = new Map<number, PathStep[]>();

  constructor(private readonly model: PlantModel) {}

  learned(credential: number, path: PathStep[]): void {
    this.learnedBy.set(credential, path);
  }

  found(host: number, path: PathStep[]): void {
    this.foundBy.set(host, path);
  }

  /**
   * `after`, then the steps that taught the credentials and found the hosts that it lacks, in an
   * executable order.
   */
  of(credentials: readonly number[], after: readonly PathStep[] = [], hosts: readonly number[] = []): PathStep[] {
    const out = [...after];
    // Most moves need nothing learned on the way: no set of the steps so far is built for them.
    let seen: Set<string> | null = null;
    for (let k = 0; k < credentials.length + hosts.length; k++) {
      const steps =
        k < credentials.length ? this.learnedBy.get(credentials[k]!) : this.foundBy.get(hosts[k - credentials.length]!);
      if (steps === undefined) continue;
      seen ??= new Set(out.map(stepKey));
      for (const step of steps) {
        const key = stepKey(step);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(step);
      }
    }
    return out;
  }

  /** The credentials a remote foothold logs in with: a VPN account, or a brokered user's own account. */
  openedWith(foothold: Foothold): number[] {
    const origin = foothold.origin;
    if (origin.kind === 'vpn') return [this.model.credentialIndex.get(origin.account)!];
    if (origin.kind !== 'broker' || origin.subject.user === undefined) return [];
    const user = this.model.userIndex.get(origin.subject.user)!;
    return this.model.credentials.filter((c) => c.owners.length === 1 && c.owners[0] === user).map((c) => c.index);
  }

  /** Reading a credential cached on an owned host: ATT&CK for ICS T0893, Data from Local System. */
  harvest(host: AssetNode, credential: number): PathStep {
    const means = `credential ${this.model.credentials[credential]!.id}`;
    return { from: host.id, to: host.id, action: 'harvest', means, technique: techniqueFor('credential-harvest') };
  }

  /** A user on an owned host becomes administrator: T0890, Exploitation for Privilege Escalation. */
  escalate(host: AssetNode, vulnerability: Vulnerability): PathStep {
    const means = `exploit ${vulnerability.id}`;
    return { from: host.id, to: host.id, action: 'escalate', means, technique: techniqueFor('privilege-escalation') };
  }

  /** Reading a document on an owned host: T0811, Data from Information Repositories. */
  read(host: AssetNode, document: DocumentNode): PathStep {
    const means = `document ${document.id}`;
    return { from: host.id, to: host.id, action: 'read', means, technique: techniqueFor('read-knowledge') };
  }
}

function stepKey(s: PathStep): string {
  return `${s.from}\u0000${s.to}\u0000${s.action}\u0000${s.means}`;
}
