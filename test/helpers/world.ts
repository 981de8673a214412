// One run's world over a small plant, for testing a process on its own: the design's access
// layer, counters for the metrics, the trace kept.
import { RunCounters } from '../../sim/metrics/RunCounters.js';
import { attackSchema, type ScenarioInput } from '../../sim/model/schema.js';
import type { FootholdRecord, Observable } from '../../sim/world/World.js';
import { World } from '../../sim/world/World.js';
import { build, type Built } from './plants.js';

/** An attack that does nothing on its own: processes under test get their input by hand. */
const QUIET_ATTACK = attackSchema.parse({ id: 'quiet', initialAccess: { kind: 'stolen-credential', credential: 'x' } });

export interface TestWorld extends Built {
  world: World;
  counters: RunCounters;
}

export function worldOf(input: ScenarioInput, designId?: string, horizon = 72, seed: number | string = 1): TestWorld {
  const built = build(input, designId);
  const counters = new RunCounters();
  const world = new World(built.model, built.access, built.access.design, QUIET_ATTACK, {
    seed,
    horizon,
    recorder: counters,
    keep: true,
  });
  return { ...built, world, counters };
}

/** An attacker action as a sensor sees it: nothing in view unless the test says so. */
export function action(o: Partial<Omit<Observable, 't'>>): Omit<Observable, 't'> {
  return {
    technique: 'T0886',
    observability: 1,
    zone: -1,
    crossesZone: false,
    viaVpn: false,
    pdpDecided: false,
    denied: false,
    onHost: null,
    industrial: false,
    scan: false,
    identity: null,
    ...o,
  };
}

/** A foothold on a host, as the attacker registers it with the world; `from` is the foothold it came from. */
export function hostFoothold(
  asset: number,
  name: string,
  more: Partial<Pick<FootholdRecord, 'parent' | 'credential'>> = {},
): Omit<FootholdRecord, 'id' | 'live'> {
  return { name, origin: { kind: 'host', asset }, parent: null, credential: null, identity: null, ...more };
}

/** A VPN tunnel opened with `account` (credential index `credential`). */
export function vpnTunnel(account: string, credential: number): Omit<FootholdRecord, 'id' | 'live'> {
  return { name: 'vpn-client', origin: { kind: 'vpn', account }, parent: null, credential, identity: account };
}
