// What each playbook action cuts, given what the defenders know: hosts isolated or reimaged,
// zones quarantined, accounts disabled everywhere they are used, the VPN or the broker shut,
// identities locked, credentials rotated. Each returns the ids of what it cut this time.
import type { PlaybookStep } from '../model/schema.js';
import type { World } from '../world/World.js';
import type { Incident } from './Incident.js';

/** Hours to rebuild a host from a known-good image when a step does not say (an assumption). */
export const REIMAGE_HOURS = { dist: 'triangular', min: 2, mode: 4, max: 8 } as const;

/** Ends a cut after the step's duration: `undo` lifts it from `what` (a host, a zone, a tunnel). */
export type Lift = (what: string, undo: () => void) => void;

export function applyStep(w: World, incident: Incident, step: PlaybookStep, lift: Lift | null): string[] {
  const model = w.model;
  switch (step.action) {
    case 'isolate-host': {
      // Only hosts the attacker can run tools on: a controller is not cut off the network.
      const hosts = [...incident.hosts].filter((h) => model.assets[h]!.foothold && !w.isolated.has(h));
      for (const h of hosts) w.isolated.add(h);
      return hosts.map((h) => model.assets[h]!.id);
    }
    case 'reimage-host': {
      // Off the network while it is rebuilt; back clean, the attacker is known not to be on it.
      const hosts = [...incident.hosts].filter((h) => model.assets[h]!.foothold && !incident.rebuilding.has(h));
      for (const h of hosts) {
        w.isolated.add(h);
        incident.rebuilding.add(h);
        lift?.(model.assets[h]!.id, () => {
          w.isolated.delete(h);
          incident.rebuilding.delete(h);
          incident.hosts.delete(h);
        });
      }
      return hosts.map((h) => model.assets[h]!.id);
    }
    case 'quarantine-zone': {
      const named = step.zones?.map((z) => model.zoneIndex.get(z)!);
      const zones = named ?? [...new Set([...incident.hosts].flatMap((h) => model.assets[h]!.zones))];
      const fresh = zones.filter((z) => !w.quarantined.has(z));
      for (const z of fresh) {
        w.quarantined.add(z);
        lift?.(model.zones[z]!.id, () => w.quarantined.delete(z));
      }
      return fresh.map((z) => model.zones[z]!.id);
    }
    case 'disable-account':
      return disableAccounts(w, step.accounts ?? [...incident.identities]);
    case 'shut-vpn':
    case 'shut-broker': {
      const tunnel = step.action === 'shut-vpn' ? 'vpn' : 'broker';
      const present = tunnel === 'vpn' ? w.design.vpn !== undefined : w.design.zt !== undefined;
      if (!present || w.shut.has(tunnel)) return [];
      w.shut.add(tunnel);
      lift?.(tunnel, () => w.shut.delete(tunnel));
      return [tunnel];
    }
    case 'revoke-sessions':
    case 'lock-identity': {
      const fresh = [...incident.identities].filter((id) => !w.locks.has(id));
      for (const id of fresh) lock(w, id);
      return fresh;
    }
    case 'disable-vpn-account': {
      // Only accounts a detection or a finding named: a host alert does not say which VPN account to cut.
      const fresh = [...incident.identities].filter(
        (id) => w.design.vpn?.accounts.includes(id) && !w.disabledVpnAccounts.has(id),
      );
      for (const id of fresh) w.disabledVpnAccounts.add(id);
      return fresh;
    }
    case 'rotate-credentials': {
      const named = step.credentials?.map((c) => model.credentialIndex.get(c)!);
      const fresh = (named ?? [...incident.credentials]).filter((c) => !w.rotated.has(c));
      for (const c of fresh) w.rotate(c);
      return fresh.map((c) => model.credentials[c]!.id);
    }
  }
}

/** Locks an identity: its live sessions are revoked and new ones refused. */
export function lock(w: World, id: string): void {
  w.locks.add(id);
  w.sessions?.signal({ kind: 'lock', id });
}

/**
 * Disables accounts everywhere they are used: a VPN account at the concentrator (every vendor
 * sharing it is cut too), a user at the identity provider and the PDP, with the VPN accounts the
 * user alone holds. Takes user ids and account credential ids.
 */
function disableAccounts(w: World, ids: readonly string[]): string[] {
  const model = w.model;
  const cut: string[] = [];
  const disableVpn = (account: string) => {
    if (!w.design.vpn?.accounts.includes(account) || w.disabledVpnAccounts.has(account)) return;
    w.disabledVpnAccounts.add(account);
    cut.push(account);
  };
  const lockUser = (user: string) => {
    if (w.locks.has(user)) return;
    lock(w, user);
    cut.push(user);
  };
  for (const id of ids) {
    const c = model.credentialIndex.get(id);
    const user = model.userIndex.get(id);
    if (c !== undefined) {
      const cred = model.credentials[c]!;
      if (cred.spec.kind === 'vpn-account') disableVpn(id);
      else if (cred.spec.kind === 'user-account') for (const o of cred.owners) lockUser(model.users[o]!.id);
    } else if (user !== undefined) {
      lockUser(id);
      for (const cred of model.credentials)
        if (cred.spec.kind === 'vpn-account' && cred.owners.length === 1 && cred.owners[0] === user)
          disableVpn(cred.id);
    }
  }
  return cut;
}
