// The PDP's own input: rules, selectors, windows and policy tests as plain data. The scenario
// format produces values of these shapes, but the PDP never reads the file format itself, so a
// gateway can feed it rules from anywhere.
import type { Org } from './types.js';

/** A resource by id, or by the attributes it must carry. */
export type ResourceSelector =
  | string
  | { zone?: string | undefined; line?: string | undefined; kind?: string | undefined; level?: number | undefined };

/** A recurring window: open when ((time - start) mod every) < duration, in hours. */
export interface TimeWindow {
  id: string;
  every: number;
  start: number;
  duration: number;
}

export interface RuleConditions {
  mfa?: boolean | undefined;
  managedDevice?: boolean | undefined;
  posture?: Readonly<Record<string, boolean | string | number>> | undefined;
  /** A window id. */
  window?: string | undefined;
  approval?: { by: string; validHours: number } | undefined;
  /** Tunnel or connector ids the request may come through. */
  sources?: readonly string[] | undefined;
}

export interface PolicyRule {
  id: string;
  effect: 'allow' | 'deny';
  subjects: {
    users?: readonly string[] | undefined;
    roles?: readonly string[] | undefined;
    groups?: readonly string[] | undefined;
    orgs?: readonly Org[] | undefined;
    devices?: readonly string[] | undefined;
  };
  /** Protocol functions such as modbus.read, or '*'. */
  actions: readonly string[];
  resources: readonly (ResourceSelector | '*')[];
  conditions: RuleConditions;
  obligations: { ttlHours?: number | undefined; record?: boolean | undefined };
}

/** "This user on this device may / may not do asset:action." */
export interface PolicyTestCase {
  name: string;
  user?: string | undefined;
  device?: string | undefined;
  /** Source host, for host-originated requests. */
  asset?: string | undefined;
  mfa: boolean;
  time: number;
  approved: boolean;
  source?: string | undefined;
  accept: readonly string[];
  deny: readonly string[];
}

export interface DirectoryUser {
  id: string;
  roles: readonly string[];
  groups: readonly string[];
  org: Org;
}

export interface DirectoryDevice {
  id: string;
  managed: boolean;
  posture: Readonly<Record<string, boolean | string | number>>;
}
