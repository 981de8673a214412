// From an attack's initial access to the attacker's first footholds and knowledge under one design.
import type { AccessLayer, Origin } from '../net/AccessLayer.js';
import type { Attack, Device } from '../model/schema.js';
import type { Knowledge } from './capabilities.js';
import { brokerSubject } from '../net/subjects.js';
import { techniqueFor } from './techniques.js';

export interface Foothold {
  origin: Origin;
  /** How the attacker got it, in words and as an ATT&CK for ICS technique. */
  label: string;
  technique: string;
  /** The credential that opened it (a tunnel's account, a host's logon), when one did. */
  credential?: number;
}

export interface Entry {
  footholds: Foothold[];
  /** Hosts owned from the start (phishing). */
  owned: number[];
  knowledge: { credentials: Set<number>; mfaUsers: Set<number> };
  /** The device the attacker acts from, if any: its posture goes with brokered requests. */
  device: Device | undefined;
  /** Keys of the tunnels already open: pass it to `remoteFootholds` so none opens twice. */
  opened: Set<string>;
}

export function initialEntry(access: AccessLayer, attack: Attack): Entry {
  const model = access.model;
  const ia = attack.initialAccess;
  const credentials = new Set<number>(
    model.credentials.filter((c) => c.spec.kind === 'default-password').map((c) => c.index),
  );
  const mfaUsers = new Set<number>();
  const footholds: Foothold[] = [];
  const owned: number[] = [];
  let device: Device | undefined;
  switch (ia.kind) {
    case 'stolen-credential':
      credentials.add(model.credentialIndex.get(ia.credential)!);
      break;
    case 'compromised-device': {
      device = model.devices[model.deviceIndex.get(ia.device)!]!;
      for (const c of device.credentials) credentials.add(model.credentialIndex.get(c)!);
      // A live session carries the owner's second factor only if the owner has one: a session
      // opened without MFA never satisfies a rule that demands it.
      if (ia.liveSession && device.owner !== undefined) addIfEnrolled(mfaUsers, model, device.owner);
      break;
    }
    case 'insider': {
      const user = model.userIndex.get(ia.user)!;
      addIfEnrolled(mfaUsers, model, ia.user);
      for (const c of model.credentials) if (c.owners.includes(user)) credentials.add(c.index);
      if (ia.device !== undefined) device = model.devices[model.deviceIndex.get(ia.device)!]!;
      break;
    }
    case 'exposed-service':
      footholds.push({
        origin: { kind: 'internet', exposed: model.assetIndex.get(ia.asset)! },
        label: `internet-exposed ${ia.asset}`,
        technique: techniqueFor('internet-entry'),
      });
      break;
    case 'phishing':
      owned.push(model.assetIndex.get(ia.asset)!);
      break;
  }
  const knowledge = { credentials, mfaUsers };
  const opened = new Set<string>();
  footholds.push(...remoteFootholds(access, knowledge, device, opened));
  return { footholds, owned, knowledge, device, opened };
}

function addIfEnrolled(mfaUsers: Set<number>, model: AccessLayer['model'], userId: string): void {
  const index = model.userIndex.get(userId)!;
  if (model.users[index]!.mfa) mfaUsers.add(index);
}

/**
 * Tunnels the attacker can open with what it holds and has not opened yet (`opened` holds their
 * keys): the design's VPN with a valid account, a brokered session with a user's own login.
 * `open` says whether the defenders left a way of that kind working (every way, statically).
 */
export function remoteFootholds(
  access: AccessLayer,
  know: Knowledge,
  device: Device | undefined,
  opened: Set<string>,
  open: (origin: Origin) => boolean = () => true,
): Foothold[] {
  const model = access.model;
  const out: Foothold[] = [];
  const vpn = access.design.vpn;
  if (vpn !== undefined && !opened.has(VPN_KEY)) {
    for (const c of know.credentials) {
      const cred = model.credentials[c]!;
      if (!vpn.accounts.includes(cred.id)) continue;
      if (vpn.mfa && !cred.owners.some((o) => know.mfaUsers.has(o))) continue;
      const origin: Origin = { kind: 'vpn', account: cred.id };
      if (!open(origin)) continue;
      opened.add(VPN_KEY);
      out.push({
        origin,
        label: `VPN login as ${cred.id}${cred.shared ? ' (shared account)' : ''}`,
        technique: techniqueFor('remote-login'),
        credential: c,
      });
      break;
    }
  }
  if (access.connectors.length > 0) {
    for (const c of know.credentials) {
      const cred = model.credentials[c]!;
      if (cred.spec.kind !== 'user-account' || cred.owners.length !== 1) continue;
      const userIndex = cred.owners[0]!;
      const key = brokerKey(model.users[userIndex]!.id);
      if (opened.has(key)) continue;
      const onOwnDevice = device !== undefined && device.owner === model.users[userIndex]!.id;
      const origin: Origin = {
        kind: 'broker',
        subject: brokerSubject(model, userIndex, onOwnDevice ? device : undefined),
        mfa: know.mfaUsers.has(userIndex),
      };
      if (!open(origin)) continue;
      opened.add(key);
      out.push({
        origin,
        label: `brokered session as ${model.users[userIndex]!.id}${onOwnDevice ? ` on ${device.id}` : ''}`,
        technique: techniqueFor('remote-login'),
        credential: c,
      });
    }
  }
  return out;
}

const VPN_KEY = 'vpn';
const brokerKey = (user: string) => `broker:${user}`;

/** The key under which `remoteFootholds` records a tunnel as open; null for hosts and the internet. */
export function tunnelKey(origin: Origin): string | null {
  if (origin.kind === 'vpn') return VPN_KEY;
  if (origin.kind === 'broker' && origin.subject.user !== undefined) return brokerKey(origin.subject.user);
  return null;
}
