// Lint rules on how people and the internet get in: remote-desktop conduits left open beside a
// zero-trust broker, shared VPN accounts without a second factor, controllers on the internet.
import { ASSET_KINDS, type AssetKind } from '../../model/catalog.js';
import { levelRange } from '../../model/plantModel.js';
import type { Conduit, Design } from '../../model/schema.js';
import { toDotPath, type IssuePath } from '../../scenario/issues.js';
import type { LintContext, LintFinding } from './catalog.js';

/** Protocols that put a remote screen in front of someone. */
const REMOTE_DESKTOP = ['rdp', 'vnc'] as const;
/** Purdue levels: 4 and 5 are IT; 3.5 is the DMZ; 3 and below are OT. */
const IT_LEVEL = 4;
const OT_LEVEL = 3;

/**
 * A zero-trust design whose conduits (its own, or the plant's it inherits) let IT hosts open a
 * remote desktop on an ungated OT zone where some host offers one: a path around the broker.
 */
export function ztRemoteDesktopConduit({ scenario }: LintContext): LintFinding[] {
  const level = new Map(scenario.plant.zones.map((z) => [z.id, levelRange(z.level)]));
  const zones = scenario.plant.zones.map((z) => z.id);
  const desktops = (zone: string, protocols: readonly string[]) =>
    scenario.plant.assets.some(
      (a) => (a.zone === zone || a.dualHomed.includes(zone)) && a.services.some((s) => protocols.includes(s.protocol)),
    );
  const found = new Map<string, { path: IssuePath; conduit: string; inherited: string[]; declared: string[] }>();
  scenario.designs.forEach((design, d) => {
    if (design.zt === undefined) return;
    const own = design.conduits !== undefined;
    const conduits = design.conduits ?? scenario.plant.conduits;
    const gated = new Set(design.gateways.map((g) => g.zone));
    conduits.forEach((c, i) => {
      const protocols = remoteDesktop(c);
      if (protocols.length === 0) return;
      const directions: [string, string][] = [[c.from, c.to]];
      if (c.bidirectional) directions.push([c.to, c.from]);
      const opens = directions.some(([from, to]) => {
        const sources = from === '*' ? zones : [from];
        const targets = to === '*' ? zones : [to];
        return (
          sources.some((z) => (level.get(z)?.[1] ?? 0) >= IT_LEVEL) &&
          targets.some((z) => (level.get(z)?.[0] ?? 99) <= OT_LEVEL && !gated.has(z) && desktops(z, protocols))
        );
      });
      if (!opens) return;
      const path: IssuePath = own ? ['designs', d, 'conduits', i] : ['plant', 'conduits', i];
      const key = toDotPath(path);
      const entry = found.get(key) ?? { path, conduit: describeConduit(c, protocols), inherited: [], declared: [] };
      (own ? entry.declared : entry.inherited).push(design.id);
      found.set(key, entry);
    });
  });
  return [...found.values()].map((f) => {
    const who =
      f.declared.length > 0
        ? `zero-trust design ${f.declared.join(', ')} declares`
        : `zero-trust design${f.inherited.length > 1 ? 's' : ''} ${f.inherited.join(', ')} inherit${f.inherited.length > 1 ? '' : 's'} the plant's`;
    return {
      rule: 'zt-remote-desktop-conduit',
      path: f.path,
      message: `${who} conduit ${f.conduit}: IT hosts open remote desktops in OT around the broker`,
    };
  });
}

function remoteDesktop(c: Conduit): string[] {
  if (c.services === 'any') return [...REMOTE_DESKTOP];
  return REMOTE_DESKTOP.filter((p) => (c.services as readonly { protocol: string }[]).some((s) => s.protocol === p));
}

function describeConduit(c: Conduit, protocols: readonly string[]): string {
  const arrow = c.bidirectional ? '↔' : '→';
  return `${c.from} ${arrow} ${c.to} (${c.services === 'any' ? 'any service' : protocols.join(', ')})`;
}

/** A design's VPN opened by an account with several owners, without MFA, when the account is not MFA-bound. */
export function sharedAccountWithoutMfa({ scenario }: LintContext): LintFinding[] {
  const credentials = new Map(scenario.identities.credentials.map((c) => [c.id, c]));
  return scenario.designs.flatMap((design: Design, d) => {
    const vpn = design.vpn;
    if (vpn === undefined || vpn.mfa) return [];
    return vpn.accounts.flatMap((account, k): LintFinding[] => {
      const c = credentials.get(account);
      if (c === undefined || c.owners.length < 2 || c.mfaBound) return [];
      return [
        {
          rule: 'shared-account-without-mfa',
          path: ['designs', d, 'vpn', 'accounts', k],
          message: `the VPN of ${design.id} opens with "${account}", shared by ${c.owners.join(', ')}, without a second factor: whoever holds the password is any of them`,
        },
      ];
    });
  });
}

/** An attack entering through an internet-exposed service on a controller, under designs that allow internet exposure. */
export function internetFacingController({ scenario }: LintContext): LintFinding[] {
  const assets = new Map(scenario.plant.assets.map((a) => [a.id, a]));
  const facing = scenario.designs.filter((d) => d.internetFacing).map((d) => d.id);
  if (facing.length === 0) return [];
  return scenario.attacks.flatMap((attack, i): LintFinding[] => {
    const ia = attack.initialAccess;
    if (ia.kind !== 'exposed-service') return [];
    const asset = assets.get(ia.asset);
    if (asset === undefined || !ASSET_KINDS[asset.kind as AssetKind].controller) return [];
    return [
      {
        rule: 'internet-facing-controller',
        path: ['attacks', i, 'initialAccess', 'asset'],
        message: `${asset.id}, a ${ASSET_KINDS[asset.kind as AssetKind].label}, answers on the internet (attack ${attack.id}) under ${facing.join(', ')}`,
      },
    ];
  });
}
