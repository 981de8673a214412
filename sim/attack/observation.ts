// How one attacker action looks to the defenders' sensors.
import type { Action } from '../model/catalog.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Observable } from '../world/World.js';
import type { Foothold } from './initialAccess.js';

export function observationOf(
  model: PlantModel,
  f: Foothold,
  target: number,
  action: Action,
  pdpDecided: boolean,
  denied: boolean,
): Omit<Observable, 't' | 'technique' | 'observability' | 'scan'> {
  const t = model.assets[target]!;
  const srcZones = f.origin.kind === 'host' ? model.assets[f.origin.asset]!.zones : [];
  return {
    zone: t.zone,
    crossesZone: !srcZones.includes(t.zone),
    viaVpn: f.origin.kind === 'vpn',
    pdpDecided,
    denied,
    onHost: f.origin.kind === 'host' ? f.origin.asset : null,
    industrial: model.vocab.protocol(model.vocab.protocolOf(action))!.industrial,
    identity: identityOf(f),
  };
}

/** The identity an action runs under, as a defender sees it: a user, or a VPN account. */
export function identityOf(f: Foothold): string | null {
  return f.origin.kind === 'broker'
    ? (f.origin.subject.user ?? null)
    : f.origin.kind === 'vpn'
      ? f.origin.account
      : null;
}
