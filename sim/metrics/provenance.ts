// Where each credential the attacker holds came from, so that every static path is a chain an
// attacker could execute from the entry: a credential appears where it was read before it is used.
import type { Foothold } from '../attack/initialAccess.js';
import { techniqueFor } from '../attack/techniques.js';
import type { AssetNode, PlantModel } from '../model/plantModel.js';
import type { PathStep } from './blastRadius.js';

export class Provenance {
  /** The path that ends with learning each credential; none for those held from the start. */
  private readonly learnedBy = new Map<number, PathStep[]>();

  constructor(private readonly model: PlantModel) {}

  learned(credential: number, path: PathStep[]): void {
    this.learnedBy.set(credential, path);
  }

  /** `after`, then the steps that taught the credentials that it lacks, in an executable order. */
  of(credentials: readonly number[], after: readonly PathStep[] = []): PathStep[] {
    const out = [...after];
    const seen = new Set(out.map(stepKey));
    for (const c of credentials)
      for (const step of this.learnedBy.get(c) ?? []) {
        const key = stepKey(step);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(step);
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
}

function stepKey(s: PathStep): string {
  return `${s.from}\u0000${s.to}\u0000${s.action}\u0000${s.means}`;
}
