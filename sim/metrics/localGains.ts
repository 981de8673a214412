// What a host gives an attacker holding a privilege on it, at worst: the credentials it caches and
// the documents it keeps, each behind the local steps that read it (an escalation first when it
// needs administrator and the host has a local privilege escalation).
import type { AccessLayer } from '../net/AccessLayer.js';
import { localEscalation, PRIVILEGE, type AssetNode, type Privilege } from '../model/plantModel.js';
import type { PathStep } from './blastRadius.js';
import type { Provenance } from './provenance.js';

export interface LocalGain {
  /** The local steps, after the path that gave the host. */
  steps: PathStep[];
  credentials: readonly number[];
  hosts: readonly number[];
}

const NONE: readonly never[] = [];

/** Gains in a fixed order: cached credentials, then documents. `remote`: read over a file transfer (documents only, no escalation). */
export function localGains(
  access: AccessLayer,
  provenance: Provenance,
  host: AssetNode,
  privilege: Privilege,
  remote = false,
): readonly LocalGain[] {
  const cached = remote ? NONE : access.hosts.cached(host.index);
  if (cached.length === 0 && host.documents.length === 0) return NONE;
  const out: LocalGain[] = [];
  const lpe = privilege < PRIVILEGE.admin && !remote ? localEscalation(host) : undefined;
  const reach = (needed: Privilege): PathStep[] | null =>
    needed <= privilege ? [] : lpe !== undefined ? [provenance.escalate(host, lpe)] : null;
  for (const c of cached) {
    const before = reach(c.privilege);
    if (before !== null)
      out.push({ steps: [...before, provenance.harvest(host, c.credential)], credentials: [c.credential], hosts: [] });
  }
  for (const d of host.documents) {
    const before = reach(d.privilege);
    if (before === null) continue;
    const steps = remote ? [] : [...before, provenance.read(host, d)];
    out.push({ steps, credentials: d.credentials, hosts: d.hosts });
  }
  return out;
}
