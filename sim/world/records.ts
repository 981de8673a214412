// What one run records of the attacker as others see it: an action through the sensors' eyes,
// a foothold as the defenders' investigation can trace it, a line's outage.
import type { Origin } from '../net/AccessLayer.js';

/** What a sensor may see of one attacker action. */
export interface Observable {
  t: number;
  technique: string;
  observability: number;
  /** Zone of the target (or of the acting host) for zone-scoped sensors. */
  zone: number;
  crossesZone: boolean;
  viaVpn: boolean;
  pdpDecided: boolean;
  denied: boolean;
  onHost: number | null;
  industrial: boolean;
  /** An active scan of the network, which an OT IDS in the zone sees like industrial traffic. */
  scan: boolean;
  /** The identity the action ran under, as a defender would see it (a user or a VPN account). */
  identity: string | null;
  /** What a detection of it reports beside the technique, when that alone would not say. */
  note?: string;
}

/**
 * One attacker foothold as the defenders' investigation can trace it: where it is, what it came
 * from, the credential that opened it and the identity it runs under.
 */
export interface FootholdRecord {
  /** Its index in `World.footholds`. */
  id: number;
  /** As the trace names it: a host id, vpn-client, zt-session(user), internet. */
  name: string;
  origin: Origin;
  /** The foothold it was gained from; null for a way in from outside. */
  parent: number | null;
  credential: number | null;
  /** The user or VPN account it runs under, as a defender sees it. */
  identity: string | null;
  live: boolean;
}

/** A line down from `down` until `up` (null while it is still down). */
export interface Outage {
  down: number;
  up: number | null;
}
