// What one action of one service needs from whoever uses it: nothing, any credential that opens
// the asset over the protocol, or named credentials. Catalogue defaults by protocol (Modbus/TCP
// none, S7 by protection level, EtherNet/IP with or without CIP Security, OPC UA by security mode
// and user token); a service or a design's hardening may say otherwise per action.
import { PROTOCOLS } from './catalog.js';
import type { Vocabulary } from './vocabulary.js';

export type Requirement =
  | { kind: 'open' }
  | { kind: 'account' }
  /** Credential indices, any one of which will do. */
  | { kind: 'credentials'; credentials: readonly number[] };

export const OPEN: Requirement = { kind: 'open' };
export const ACCOUNT: Requirement = { kind: 'account' };

/** How a service authenticates, as a scenario states it (every field optional). */
export interface ServiceAuthSpec {
  protection?: 'full-access' | 'read-access' | 'hmi-access' | 'no-access' | undefined;
  cipSecurity?: boolean | undefined;
  securityMode?: 'none' | 'sign' | 'sign-and-encrypt' | undefined;
  userToken?: 'anonymous' | 'username' | 'certificate' | undefined;
  password?: readonly string[] | undefined;
  auth?: Readonly<Record<string, 'open' | 'account' | readonly string[]>> | undefined;
}

/** The protocol each protection field belongs to. */
export const PROFILE_PROTOCOL = {
  protection: 's7',
  cipSecurity: 'enip',
  securityMode: 'opcua',
  userToken: 'opcua',
} as const satisfies Partial<Record<keyof ServiceAuthSpec, string>>;

/** Does the service say anything about its authentication? */
export function statesAuth(spec: ServiceAuthSpec & { protocol: string }): boolean {
  return (
    spec.protection !== undefined ||
    spec.cipSecurity !== undefined ||
    spec.securityMode !== undefined ||
    spec.userToken !== undefined ||
    spec.password !== undefined ||
    spec.auth !== undefined
  );
}

/**
 * What `action` on a service of `protocol` needs. `programProtected`: some plc-project credential
 * opens the asset, which guards program downloads when the service says nothing (the catalogue's
 * behaviour before services stated their authentication).
 */
export function requirementFor(
  vocab: Vocabulary,
  protocol: string,
  action: string,
  spec: ServiceAuthSpec,
  programProtected: boolean,
  credentialIndex: ReadonlyMap<string, number>,
): Requirement {
  const named = (ids: readonly string[]): Requirement => ({
    kind: 'credentials',
    credentials: ids.map((c) => credentialIndex.get(c)!),
  });
  const explicit = spec.auth?.[action];
  if (explicit !== undefined) return explicit === 'open' ? OPEN : explicit === 'account' ? ACCOUNT : named(explicit);
  const entry = vocab.action(action)!;
  const gated = protectionGates(protocol, entry.level, spec);
  if (gated !== undefined) return !gated ? OPEN : spec.password !== undefined ? named(spec.password) : ACCOUNT;
  if (entry.auth !== null) return entry.auth === 'open' ? OPEN : ACCOUNT;
  const builtIn = PROTOCOLS[protocol as keyof typeof PROTOCOLS];
  if (builtIn?.unauthenticated) return entry.level === 'program' && programProtected ? ACCOUNT : OPEN;
  return ACCOUNT;
}

/** Whether the protection the service states gates an action of this level; undefined when it states none. */
function protectionGates(protocol: string, level: string, spec: ServiceAuthSpec): boolean | undefined {
  if (protocol === 's7' && spec.protection !== undefined) {
    switch (spec.protection) {
      case 'full-access':
        return false;
      case 'read-access':
      case 'hmi-access':
        return level === 'program';
      case 'no-access':
        return true;
    }
  }
  if (protocol === 'enip' && spec.cipSecurity !== undefined) return spec.cipSecurity;
  if (protocol === 'opcua' && (spec.securityMode !== undefined || spec.userToken !== undefined))
    return (spec.securityMode ?? 'none') !== 'none' || (spec.userToken ?? 'anonymous') !== 'anonymous';
  // A password alone protects every action but reading.
  if (spec.password !== undefined) return level !== 'read';
  return undefined;
}
