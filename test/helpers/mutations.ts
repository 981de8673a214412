// Random generated plants and random edits to them, as fast-check arbitraries. Edits are data
// (indices taken modulo the plant's sizes) so a failing case prints something readable.
import fc from 'fast-check';
import { ACTION_NAMES, ASSET_KINDS, type Action, type AssetKind, type Protocol } from '../../sim/model/catalog.js';
import { generatePlant, minimumAssets } from '../../sim/scenario/generate.js';
import type { ScenarioInput } from '../../sim/model/schema.js';
import type { DesignInput, RuleInput } from './plants.js';

export interface PlantSpec {
  assets: number;
  lines: number;
  seed: number;
}

export type Mutation =
  | { kind: 'conduit'; from: number; to: number; services: 'any' | Protocol[]; bidirectional: boolean }
  | {
      kind: 'credential';
      credKind: 'host-logon' | 'default-password' | 'plc-project';
      opens: number[];
      storedOn: number;
      protocols: Protocol[] | undefined;
    }
  | { kind: 'rule'; role: string; actions: Action[]; resource: number; byLine: boolean; mfa: boolean }
  | { kind: 'phishing'; asset: number }
  | { kind: 'dual-homed'; asset: number; zone: number }
  | { kind: 'gateway'; design: number; zone: number }
  | HostMutation;

/** What hosts enforce and hold: service authentication, firewalls, caches, documents, privilege. */
export type HostMutation =
  /** A write of an industrial service that needed nothing now needs a credential (any that opens it, or one named). */
  | { kind: 'service-auth'; asset: number; service: number; need: 'account' | number }
  /** A host without a firewall gets one: allow rules by source zone, source asset and service. */
  | {
      kind: 'firewall';
      asset: number;
      rules: { zone?: number | undefined; source?: number | undefined; service?: number | undefined }[];
    }
  | { kind: 'cached'; asset: number; credential: number; admin: boolean }
  | { kind: 'escalation'; asset: number }
  | { kind: 'user-exploit'; asset: number; service: number }
  | { kind: 'document'; asset: number; hosts: number[]; credentials: number[]; admin: boolean }
  | { kind: 'hidden'; design: number; asset: number }
  | { kind: 'admin-logon'; credential: number };

type ConduitInput = NonNullable<NonNullable<ScenarioInput['plant']>['conduits']>[number];

const PROTOCOLS: Protocol[] = ['rdp', 'vnc', 'smb', 'ssh', 'http', 'https', 'sql', 'opcua', 's7', 'modbus', 'enip'];

export const plantSpec: fc.Arbitrary<PlantSpec> = fc
  .record({
    lines: fc.integer({ min: 1, max: 3 }),
    extra: fc.integer({ min: 0, max: 40 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ lines, extra, seed }) => ({ assets: minimumAssets(lines) + extra, lines, seed }));

export const conduitMutation = fc.record({
  kind: fc.constant('conduit' as const),
  from: fc.nat(40),
  to: fc.nat(40),
  services: fc.oneof(fc.constant('any' as const), fc.subarray(PROTOCOLS, { minLength: 1, maxLength: 3 })),
  bidirectional: fc.boolean(),
});

export const credentialMutation = fc.record({
  kind: fc.constant('credential' as const),
  credKind: fc.constantFrom('host-logon' as const, 'default-password' as const, 'plc-project' as const),
  opens: fc.array(fc.nat(200), { minLength: 1, maxLength: 4 }),
  storedOn: fc.nat(200),
  protocols: fc.option(fc.subarray(PROTOCOLS, { minLength: 1, maxLength: 3 }), { nil: undefined }),
});

export const ruleMutation = fc.record({
  kind: fc.constant('rule' as const),
  role: fc.constantFrom('oem-technician', 'integrator-engineer', 'plant-engineer'),
  actions: fc.subarray(ACTION_NAMES, { minLength: 1, maxLength: 4 }),
  resource: fc.nat(200),
  byLine: fc.boolean(),
  mfa: fc.boolean(),
});

export const phishingMutation = fc.record({ kind: fc.constant('phishing' as const), asset: fc.nat(200) });

export const dualHomedMutation = fc.record({
  kind: fc.constant('dual-homed' as const),
  asset: fc.nat(200),
  zone: fc.nat(40),
});
export const gatewayMutation = fc.record({
  kind: fc.constant('gateway' as const),
  design: fc.nat(5),
  zone: fc.nat(40),
});

export const serviceAuthMutation = fc.record({
  kind: fc.constant('service-auth' as const),
  asset: fc.nat(200),
  service: fc.nat(4),
  need: fc.oneof(fc.constant('account' as const), fc.nat(60)),
});

export const firewallMutation = fc.record({
  kind: fc.constant('firewall' as const),
  asset: fc.nat(200),
  rules: fc.array(
    fc.record(
      {
        zone: fc.option(fc.nat(40), { nil: undefined }),
        source: fc.option(fc.nat(200), { nil: undefined }),
        service: fc.option(fc.nat(4), { nil: undefined }),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
});

export const hostMutation: fc.Arbitrary<HostMutation> = fc.oneof(
  serviceAuthMutation,
  firewallMutation,
  fc.record({ kind: fc.constant('cached' as const), asset: fc.nat(200), credential: fc.nat(60), admin: fc.boolean() }),
  fc.record({ kind: fc.constant('escalation' as const), asset: fc.nat(200) }),
  fc.record({ kind: fc.constant('user-exploit' as const), asset: fc.nat(200), service: fc.nat(4) }),
  fc.record({
    kind: fc.constant('document' as const),
    asset: fc.nat(200),
    hosts: fc.array(fc.nat(200), { maxLength: 3 }),
    credentials: fc.array(fc.nat(60), { maxLength: 2 }),
    admin: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('hidden' as const), design: fc.nat(5), asset: fc.nat(200) }),
  fc.record({ kind: fc.constant('admin-logon' as const), credential: fc.nat(60) }),
);

export const anyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  conduitMutation,
  credentialMutation,
  ruleMutation,
  phishingMutation,
  dualHomedMutation,
  gatewayMutation,
  hostMutation,
);

export function plantOf(spec: PlantSpec, mutations: readonly Mutation[] = []): ScenarioInput {
  const input = generatePlant(spec);
  let n = 0;
  for (const m of mutations) applyMutation(input, m, n++);
  return input;
}

/** Applies one edit in place; `tag` keeps new ids unique. */
export function applyMutation(input: ScenarioInput, m: Mutation, tag: number): void {
  const plant = input.plant!;
  const zones = plant.zones!.map((z) => z.id);
  const assets = plant.assets!;
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
  switch (m.kind) {
    case 'conduit': {
      const zoneRef = (i: number) => (i % (zones.length + 1) === zones.length ? '*' : pick(zones, i));
      const conduit: ConduitInput = {
        from: zoneRef(m.from),
        to: zoneRef(m.to),
        services: m.services,
        bidirectional: m.bidirectional,
      };
      // Into every effective conduit list: the plant's and each design's own.
      plant.conduits!.push(conduit);
      for (const d of input.designs!) d.conduits?.push(conduit);
      return;
    }
    case 'credential': {
      const id = `extra-cred-${tag}`;
      input.identities!.credentials!.push({
        id,
        kind: m.credKind,
        opens: [...new Set(m.opens.map((i) => pick(assets, i).id))],
        ...(m.protocols === undefined ? {} : { protocols: m.protocols }),
      });
      const host = pick(assets, m.storedOn);
      host.credentials = [...(host.credentials ?? []), id];
      return;
    }
    case 'rule': {
      const target = pick(assets, m.resource);
      const resource = m.byLine && target.line !== undefined ? { line: target.line } : target.id;
      const zt = input.designs!.find((d) => d.zt !== undefined)!.zt!;
      const rule: RuleInput = {
        id: `extra-rule-${tag}`,
        subjects: { roles: [m.role] },
        actions: m.actions,
        resources: [resource],
        conditions: m.mfa ? { mfa: true } : {},
      };
      zt.policy!.rules!.push(rule);
      return;
    }
    case 'dual-homed': {
      const host = pick(assets, m.asset);
      const zone = pick(zones, m.zone);
      if (zone !== host.zone && !(host.dualHomed ?? []).includes(zone))
        host.dualHomed = [...(host.dualHomed ?? []), zone];
      return;
    }
    case 'gateway': {
      const design = pick(input.designs!, m.design);
      const zone = pick(zones, m.zone);
      if (!(design.gateways ?? []).some((g) => g.zone === zone))
        design.gateways = [...(design.gateways ?? []), { zone }];
      return;
    }
    case 'service-auth':
    case 'firewall':
    case 'cached':
    case 'escalation':
    case 'user-exploit':
    case 'document':
    case 'hidden':
    case 'admin-logon':
      return applyHostMutation(input, m, tag);
    case 'phishing': {
      // Phishing lands on a host one can run tools on.
      const target = pick(
        assets.filter((a) => ASSET_KINDS[a.kind as AssetKind].foothold),
        m.asset,
      );
      input.attacks!.push({ id: `phish-${tag}`, initialAccess: { kind: 'phishing', asset: target.id } });
      return;
    }
  }
}

/** What can be taken away from a plant: one conduit of one list, or one credential everywhere. */
export type Removal = { kind: 'conduit'; list: number; index: number } | { kind: 'credential'; index: number };

export const removal: fc.Arbitrary<Removal> = fc.oneof(
  fc.record({ kind: fc.constant('conduit' as const), list: fc.nat(10), index: fc.nat(200) }),
  fc.record({ kind: fc.constant('credential' as const), index: fc.nat(200) }),
);

/** Removes in place; returns what was removed, or null when nothing fitted. */
export function applyRemoval(input: ScenarioInput, r: Removal): string | null {
  if (r.kind === 'conduit') {
    const lists: { name: string; conduits: ConduitInput[] }[] = [
      { name: 'plant', conduits: input.plant!.conduits! },
      ...input
        .designs!.filter((d): d is DesignInput & { conduits: ConduitInput[] } => d.conduits !== undefined)
        .map((d) => ({ name: d.id, conduits: d.conduits })),
    ].filter((l) => l.conduits.length > 0);
    if (lists.length === 0) return null;
    const list = lists[r.list % lists.length]!;
    const [gone] = list.conduits.splice(r.index % list.conduits.length, 1);
    return `conduit ${list.name}: ${gone!.from}→${gone!.to}`;
  }
  const attacked = new Set(
    input.attacks!.flatMap((a) => (a.initialAccess.kind === 'stolen-credential' ? [a.initialAccess.credential] : [])),
  );
  // A credential a service demands stays: without it that service would need nothing at all.
  const demanded = JSON.stringify(input.plant!.assets!.map((a) => a.services ?? []));
  const candidates = input.identities!.credentials!.filter(
    (c) => !attacked.has(c.id) && !demanded.includes(JSON.stringify(c.id)),
  );
  if (candidates.length === 0) return null;
  const id = candidates[r.index % candidates.length]!.id;
  input.identities!.credentials = input.identities!.credentials!.filter((c) => c.id !== id);
  const named = (c: string | { credential: string }) => (typeof c === 'string' ? c : c.credential);
  for (const a of input.plant!.assets!) {
    if (a.credentials) a.credentials = a.credentials.filter((c) => named(c) !== id);
    for (const d of a.documents ?? []) if (d.credentials) d.credentials = d.credentials.filter((c) => c !== id);
  }
  for (const d of input.identities!.devices!) if (d.credentials) d.credentials = d.credentials.filter((c) => c !== id);
  for (const d of input.designs!) if (d.vpn) d.vpn.accounts = d.vpn.accounts.filter((c) => c !== id);
  return `credential ${id}`;
}

const INDUSTRIAL_WRITES: Record<string, string> = {
  modbus: 'modbus.write',
  s7: 's7.write',
  enip: 'enip.write',
  dnp3: 'dnp3.write',
  iec104: 'iec104.write',
};

type AssetInput = NonNullable<NonNullable<ScenarioInput['plant']>['assets']>[number];
type ServiceItem = NonNullable<AssetInput['services']>[number];

/** A service item as an object, so authentication can be added to it. */
function asObject(service: ServiceItem): Exclude<ServiceItem, string> {
  return typeof service === 'string' ? { protocol: service } : service;
}

function applyHostMutation(input: ScenarioInput, m: HostMutation, tag: number): void {
  const plant = input.plant!;
  const zones = plant.zones!.map((z) => z.id);
  const assets = plant.assets!;
  const credentials = input.identities!.credentials!;
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
  const protocolOf = (s: ServiceItem) => (typeof s === 'string' ? s : s.protocol);
  switch (m.kind) {
    case 'service-auth': {
      const host = pick(assets, m.asset);
      const services = host.services ?? [];
      const writable = services.flatMap((s, i) => (INDUSTRIAL_WRITES[protocolOf(s)] === undefined ? [] : [i]));
      if (writable.length === 0) return;
      const index = pick(writable, m.service);
      const service = asObject(services[index]!);
      const action = INDUSTRIAL_WRITES[service.protocol]!;
      // Only an action that needed nothing: requiring something of it can only take away.
      if (service.auth?.[action] !== undefined || service.protection !== undefined || service.password !== undefined)
        return;
      service.auth = { ...service.auth, [action]: m.need === 'account' ? 'account' : [pick(credentials, m.need).id] };
      services[index] = service;
      return;
    }
    case 'firewall': {
      const host = pick(assets, m.asset);
      if (host.firewall !== undefined) return;
      const services = host.services ?? [];
      host.firewall = {
        allow: m.rules.map((r) => ({
          ...(r.zone === undefined ? {} : { zones: [pick(zones, r.zone)] }),
          ...(r.source === undefined ? {} : { assets: [pick(assets, r.source).id] }),
          ...(r.service === undefined || services.length === 0
            ? {}
            : { services: [{ protocol: protocolOf(pick(services, r.service)) }] }),
        })),
      };
      return;
    }
    case 'cached': {
      const host = pick(assets, m.asset);
      const credential = pick(credentials, m.credential).id;
      host.credentials = [...(host.credentials ?? []), { credential, privilege: m.admin ? 'admin' : 'user' }];
      return;
    }
    case 'escalation': {
      const host = pick(assets, m.asset);
      host.vulnerabilities = [
        ...(host.vulnerabilities ?? []),
        { id: `lpe-${tag}`, effect: 'privilege-escalation', probability: 1 },
      ];
      return;
    }
    case 'user-exploit': {
      const host = pick(assets, m.asset);
      const services = host.services ?? [];
      if (services.length === 0) return;
      host.vulnerabilities = [
        ...(host.vulnerabilities ?? []),
        {
          id: `user-rce-${tag}`,
          service: protocolOf(pick(services, m.service)),
          effect: 'code-execution',
          privilege: 'user',
        },
      ];
      return;
    }
    case 'document': {
      const host = pick(assets, m.asset);
      host.documents = [
        ...(host.documents ?? []),
        {
          id: `doc-${tag}`,
          privilege: m.admin ? 'admin' : 'user',
          hosts: [...new Set(m.hosts.map((i) => pick(assets, i).id))],
          credentials: [...new Set(m.credentials.map((i) => pick(credentials, i).id))],
        },
      ];
      return;
    }
    case 'hidden': {
      const design = pick(input.designs!, m.design);
      design.hidden = [...(design.hidden ?? []), pick(assets, m.asset).id];
      return;
    }
    case 'admin-logon': {
      const credential = pick(credentials, m.credential);
      credential.privilege = 'admin';
      return;
    }
  }
}

/** What a host holds that can be taken away: one cached credential, one document. */
export type HostRemoval = { kind: 'cached' | 'document'; asset: number; index: number };

export const hostRemoval: fc.Arbitrary<HostRemoval> = fc.record({
  kind: fc.constantFrom('cached' as const, 'document' as const),
  asset: fc.nat(200),
  index: fc.nat(10),
});

/** Removes in place; returns what was removed, or null when the host holds nothing of the kind. */
export function applyHostRemoval(input: ScenarioInput, r: HostRemoval): string | null {
  const holders = input.plant!.assets!.filter(
    (a) => ((r.kind === 'cached' ? a.credentials : a.documents) ?? []).length > 0,
  );
  if (holders.length === 0) return null;
  const host = holders[r.asset % holders.length]!;
  const list = (r.kind === 'cached' ? host.credentials : host.documents)!;
  const [gone] = list.splice(r.index % list.length, 1);
  return `${r.kind} on ${host.id}: ${JSON.stringify(gone)}`;
}
