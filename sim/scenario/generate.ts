// Synthetic plants for scale tests and demos: the pharma scenario's shape (enterprise, DMZ, site
// operations, lines with a supervisory and a control zone) grown to any size, deterministic by seed.
// Over 300 lines because generatePlant draws every part of the plant from one random stream in one
// fixed order (the order is the output); splitting it by part is still to do.
import { createStream, type RandomStream } from '../kernel/random.js';
import type { Action, Protocol } from '../model/catalog.js';
import { BUILTIN_VOCABULARY } from '../model/vocabulary.js';
import type { ScenarioInput } from '../model/schema.js';

export interface GenerateConstraints {
  assets: number;
  /** Production lines; default grows with the plant (about √assets / 3). */
  lines?: number;
  seed?: number | string;
}

export const GENERATE_LIMITS = { maxAssets: 100_000, maxLines: 100 } as const;

/** Misuse of the generator: impossible sizes. */
export class GenerateError extends Error {
  constructor(
    readonly code: 'invalid-argument',
    message: string,
  ) {
    super(message);
    this.name = 'GenerateError';
  }
}

type AssetInput = NonNullable<NonNullable<ScenarioInput['plant']>['assets']>[number];
type ZoneInput = NonNullable<NonNullable<ScenarioInput['plant']>['zones']>[number];
type ConduitInput = NonNullable<NonNullable<ScenarioInput['plant']>['conduits']>[number];
type RuleInput = NonNullable<
  NonNullable<NonNullable<NonNullable<ScenarioInput['designs']>[number]['zt']>['policy']>['rules']
>[number];

type Vendor = 'oem' | 'integrator' | 'internal';

interface LinePlan {
  n: number;
  id: string;
  sup: string;
  ctl: string;
  protocol: Protocol;
  vendor: Vendor;
  safety: boolean;
  hmis: string[];
  ews: string[];
  plcs: string[];
  sis: string | null;
}

const FIXED_ASSETS = 8; // erp, one IT workstation, vpn-gw, jump-host, hist-replica, scada, historian, zt-conn-site
const PER_LINE_MIN = 4; // connector, EWS, HMI, PLC
const PLC_PROTOCOLS: readonly Protocol[] = ['s7', 'enip', 'modbus'];

const svc = (...protocols: Protocol[]): Protocol[] => protocols;

export function minimumAssets(lines: number): number {
  return FIXED_ASSETS + PER_LINE_MIN * lines;
}

export function defaultLines(assets: number): number {
  return Math.max(
    1,
    Math.min(
      GENERATE_LIMITS.maxLines,
      Math.floor((assets - FIXED_ASSETS) / (PER_LINE_MIN * 4)),
      Math.round(Math.sqrt(assets) / 3),
    ),
  );
}

/** A valid scenario of exactly `assets` assets: pure, the same seed gives the same plant. */
export function generatePlant(constraints: GenerateConstraints): ScenarioInput {
  const { assets, seed = 1 } = constraints;
  const lines = constraints.lines ?? defaultLines(assets);
  if (!Number.isInteger(lines) || lines < 1 || lines > GENERATE_LIMITS.maxLines)
    throw new GenerateError(
      'invalid-argument',
      `lines must be an integer from 1 to ${GENERATE_LIMITS.maxLines}, got ${lines}`,
    );
  if (!Number.isInteger(assets) || assets < minimumAssets(lines) || assets > GENERATE_LIMITS.maxAssets)
    throw new GenerateError(
      'invalid-argument',
      `assets must be an integer from ${minimumAssets(lines)} (for ${lines} line${lines === 1 ? '' : 's'}) to ${GENERATE_LIMITS.maxAssets}, got ${assets}`,
    );
  const rng = createStream(seed, 'generate');

  const extra = assets - minimumAssets(lines);
  const itExtra = Math.floor(extra * 0.1);
  const shares = apportion(
    extra - itExtra,
    Array.from({ length: lines }, () => 0.5 + rng.next()),
  );
  const plans = shares.map((share, i) => planLine(i, share, rng));

  const zones: ZoneInput[] = [];
  const out: AssetInput[] = [];
  const zone = (
    id: string,
    name: string,
    level: ZoneInput['level'],
    octet: number,
    members: Omit<AssetInput, 'zone' | 'ip'>[],
    securityLevel: number,
  ) => {
    const wide = members.length > 240;
    zones.push({ id, name, level, subnet: wide ? `10.${octet}.0.0/16` : `10.${octet}.0.0/24`, securityLevel });
    members.forEach(({ id: asset, kind, ...rest }, h) =>
      out.push({
        id: asset,
        kind,
        zone: id,
        ip: `10.${octet}.${Math.floor((h + 9) / 250)}.${((h + 9) % 250) + 1}`,
        ...rest,
      }),
    );
  };

  const bluekeep = (probability: number) => ({
    id: 'CVE-2019-0708',
    service: 'rdp' as const,
    effect: 'code-execution' as const,
    probability,
    timeToExploit: { dist: 'triangular' as const, min: 0.5, mode: 3, max: 10 },
  });
  zone(
    'enterprise',
    'Enterprise IT',
    4,
    10,
    [
      { id: 'erp', kind: 'server', services: svc('https', 'sql') },
      ...Array.from({ length: 1 + itExtra }, (_, k) => ({
        id: `it-ws${k + 1}`,
        kind: 'it-workstation',
        services: svc('smb', 'rdp'),
      })),
    ],
    1,
  );
  zone(
    'dmz',
    'IT/OT DMZ',
    3.5,
    20,
    [
      { id: 'vpn-gw', kind: 'vpn-concentrator', services: svc('https') },
      {
        id: 'jump-host',
        kind: 'jump-host',
        services: svc('rdp'),
        credentials: ['ot-admin'],
        vulnerabilities: [bluekeep(0.3)],
      },
      { id: 'hist-replica', kind: 'historian', services: svc('https', 'sql') },
    ],
    2,
  );
  zone(
    'site-ops',
    'Site operations',
    3,
    30,
    [
      { id: 'zt-conn-site', kind: 'zt-connector', services: [] },
      { id: 'scada', kind: 'scada-server', services: svc('rdp', 'opcua', 'sql'), credentials: ['ot-admin'] },
      { id: 'historian', kind: 'historian', services: svc('rdp', 'sql', 'opcua') },
    ],
    2,
  );
  for (const p of plans) {
    const securityLevel = p.safety ? 3 : 2;
    zone(
      p.sup,
      `Line ${p.n} supervisory`,
      2,
      40 + 2 * (p.n - 1),
      [
        { id: `zt-conn-l${p.n}`, kind: 'zt-connector', services: [] },
        ...p.hmis.map((id) => {
          const rdp = rng.bernoulli(0.8);
          // Operator panels that cannot be rebooted outside shutdowns stay unpatched.
          const unpatched = rdp && rng.bernoulli(0.1);
          return {
            id,
            kind: 'hmi',
            line: p.id,
            services: rdp ? svc('rdp', 'vnc') : svc('vnc', 'http'),
            ...(unpatched ? { vulnerabilities: [bluekeep(0.4)] } : {}),
          };
        }),
        ...p.ews.map((id) => ({
          id,
          kind: 'ews',
          line: p.id,
          services: svc('rdp', 'smb'),
          credentials: [`l${p.n}-plc-project`],
        })),
      ],
      securityLevel,
    );
    zone(
      p.ctl,
      `Line ${p.n} control`,
      1,
      41 + 2 * (p.n - 1),
      [
        ...p.plcs.map((id) => ({
          id,
          kind: 'plc',
          line: p.id,
          services: p.protocol !== 'modbus' && rng.bernoulli(0.2) ? svc(p.protocol, 'modbus') : svc(p.protocol),
        })),
        ...(p.sis === null ? [] : [{ id: p.sis, kind: 'sis', line: p.id, services: svc(p.protocol) }]),
      ],
      3,
    );
  }

  const vendorLines = plans.filter((p) => p.vendor !== 'internal');
  const oemLines = plans.filter((p) => p.vendor === 'oem');
  const integratorLines = plans.filter((p) => p.vendor === 'integrator');
  const internalLine = plans.find((p) => p.vendor === 'internal');
  const lineConduits = (from: 'site-ops' | 'sup'): ConduitInput[] =>
    plans.flatMap((p) =>
      from === 'site-ops'
        ? [
            { from: 'site-ops', to: p.sup, services: svc('rdp', 'vnc', 'smb') },
            { from: 'site-ops', to: p.ctl, services: svc(p.protocol) },
          ]
        : [{ from: p.sup, to: p.ctl, services: protocolsOf(p) }],
    );
  const plantConduits: ConduitInput[] = [
    { from: 'enterprise', to: 'dmz', services: svc('https') },
    { from: 'dmz', to: 'site-ops', services: svc('rdp', 'opcua', 'sql') },
    ...lineConduits('site-ops'),
    ...lineConduits('sup'),
  ];

  const firstOem = oemLines[0]!;
  const oemPlc = firstOem.plcs[0]!;
  const oemHmi = firstOem.hmis[0]!;
  const readOf = (p: LinePlan) => `${p.protocol}.read` as Action;
  const writeOf = (p: LinePlan) => `${p.protocol}.write` as Action;

  return {
    segsim: 1,
    name: `Generated plant, ${assets} assets, ${lines} line${lines === 1 ? '' : 's'} (seed ${seed})`,
    description:
      'Synthetic plant shaped like the pharma scenario: enterprise, DMZ, site operations and production lines with a supervisory and a control zone each.',
    horizonHours: 72,
    plant: {
      zones,
      lines: plans.map((p) => ({
        id: p.id,
        name: `Line ${p.n}`,
        valuePerHour: 5000 * (2 + rng.int(30)),
        safetyCritical: p.safety,
      })),
      assets: out,
      conduits: plantConduits,
    },
    identities: {
      users: [
        { id: 'oem-tech', name: 'OEM service technician', org: 'oem', roles: ['oem-technician'], mfa: true },
        {
          id: 'integrator-eng',
          name: 'Integrator engineer',
          org: 'integrator',
          roles: ['integrator-engineer'],
          mfa: true,
        },
        { id: 'plant-eng', name: 'Plant process engineer', org: 'internal', roles: ['plant-engineer'], mfa: true },
        { id: 'ot-admin-user', name: 'OT administrator', org: 'internal', roles: ['ot-admin'], mfa: true },
      ],
      devices: [
        {
          id: 'oem-laptop',
          owner: 'oem-tech',
          managed: true,
          posture: { patched: true, edr: true },
          credentials: ['vendor-vpn', 'oem-tech-account'],
        },
        {
          id: 'integrator-laptop',
          owner: 'integrator-eng',
          managed: false,
          posture: { patched: false, edr: false },
          credentials: ['vendor-vpn', 'integrator-account'],
        },
        {
          id: 'eng-laptop',
          owner: 'plant-eng',
          managed: true,
          posture: { patched: true, edr: true },
          credentials: ['plant-eng-account'],
        },
      ],
      credentials: [
        { id: 'vendor-vpn', kind: 'vpn-account', owners: ['oem-tech', 'integrator-eng'], rotation: 'static' },
        { id: 'oem-tech-account', kind: 'user-account', owners: ['oem-tech'], mfaBound: true },
        { id: 'integrator-account', kind: 'user-account', owners: ['integrator-eng'], mfaBound: true },
        { id: 'plant-eng-account', kind: 'user-account', owners: ['plant-eng'], mfaBound: true },
        {
          id: 'ot-admin',
          kind: 'host-logon',
          owners: ['ot-admin-user'],
          opens: [{ kind: 'hmi' }, { kind: 'ews' }, { kind: 'scada-server' }, { kind: 'historian' }, 'jump-host'],
        },
        { id: 'hmi-vnc-default', kind: 'default-password', opens: [{ kind: 'hmi' }], protocols: ['vnc'] },
        ...plans.map((p) => ({
          id: `l${p.n}-plc-project`,
          kind: 'plc-project' as const,
          opens: [{ line: p.id, kind: 'plc' as const }, ...(p.sis === null ? [] : [p.sis])],
        })),
      ],
    },
    windows: [{ id: 'maintenance', every: 24, start: 6, duration: 4 }],
    designs: [
      {
        id: 'vpn-flat',
        name: 'Vendor VPN, flat plant network',
        description: 'One shared static vendor account; the VPN routes the whole plant and nothing filters inside.',
        conduits: [{ from: '*', to: '*', services: 'any' }],
        vpn: { concentrator: 'vpn-gw', pool: '10.250.0.0/24', routes: '*', accounts: ['vendor-vpn'], mfa: false },
        sensors: [
          { kind: 'vpn-log', probability: 0.05, delay: 1 },
          { kind: 'firewall-log', probability: 0.02, delay: { dist: 'exponential', mean: 24 } },
        ],
        response: { time: { dist: 'lognormal', median: 24, sigma: 0.8 }, actions: ['disable-vpn-account'] },
      },
      {
        id: 'vpn-segmented',
        name: 'Vendor VPN into the DMZ, lines isolated by conduits',
        description:
          'The same shared account lands in the DMZ; vendors reach the supervisory zones of the lines they service; lines cannot reach each other.',
        mitigations: ['M0930', 'M0937'],
        conduits: [
          { from: 'enterprise', to: 'dmz', services: svc('https') },
          { from: 'dmz', to: 'site-ops', services: svc('opcua', 'sql') },
          ...vendorLines.map((p) => ({ from: 'dmz', to: p.sup, services: svc('rdp', 'vnc') })),
          ...lineConduits('site-ops'),
          ...lineConduits('sup'),
        ],
        vpn: {
          concentrator: 'vpn-gw',
          pool: '10.250.0.0/24',
          routes: ['dmz'],
          services: svc('rdp', 'https'),
          accounts: ['vendor-vpn'],
          mfa: false,
        },
        sensors: [
          { kind: 'vpn-log', probability: 0.05, delay: 1 },
          {
            kind: 'firewall-log',
            zones: ['site-ops', ...plans.map((p) => p.ctl)],
            probability: 0.1,
            delay: { dist: 'exponential', mean: 12 },
          },
          { kind: 'ot-ids', zones: plans.map((p) => p.ctl), probability: 0.3, delay: { dist: 'exponential', mean: 2 } },
        ],
        response: {
          time: { dist: 'lognormal', median: 12, sigma: 0.8 },
          actions: ['disable-vpn-account', 'isolate-host'],
        },
      },
      {
        id: 'zt',
        name: 'Zero-trust brokered access with line isolation',
        description:
          'No VPN. Per-user brokered sessions with MFA and device posture, per-asset and per-function grants, approvals for writes, enclave gateways on every control zone.',
        mitigations: ['M0930', 'M0932', 'M0935', 'M0801', 'M0800', 'M0807'],
        microSegmented: plans.map((p) => p.sup),
        zt: {
          connectors: ['zt-conn-site', ...plans.map((p) => `zt-conn-l${p.n}`)],
          sessionTtlHours: 4,
          sweepHours: 0.25,
          maxDenied: 3,
          policy: {
            rules: ztRules(plans, oemLines, integratorLines),
            tests: [
              {
                name: `OEM technician reads ${firstOem.id} in the maintenance window`,
                user: 'oem-tech',
                device: 'oem-laptop',
                mfa: true,
                time: 7,
                accept: [`${oemPlc}:${readOf(firstOem)}`, `${oemHmi}:vnc`],
                deny: [
                  `${oemPlc}:${writeOf(firstOem)}`,
                  ...(internalLine ? [`${internalLine.plcs[0]!}:${readOf(internalLine)}`] : []),
                ],
              },
              {
                name: 'OEM technician outside the maintenance window is denied',
                user: 'oem-tech',
                device: 'oem-laptop',
                mfa: true,
                time: 14,
                deny: [`${oemPlc}:${readOf(firstOem)}`, `${oemHmi}:vnc`],
              },
              {
                name: 'An EWS writes to its own line only',
                asset: firstOem.ews[0]!,
                accept: [`${oemPlc}:${writeOf(firstOem)}`],
                deny: plans
                  .filter((p) => p !== firstOem)
                  .slice(0, 3)
                  .map((p) => `${p.plcs[0]!}:${writeOf(p)}`),
              },
            ],
          },
        },
        gateways: plans.map((p) => ({ zone: p.ctl })),
        sensors: [
          { kind: 'zt-telemetry', probability: 0.6, delay: { dist: 'exponential', mean: 0.5 } },
          { kind: 'ot-ids', zones: plans.map((p) => p.ctl), probability: 0.3, delay: { dist: 'exponential', mean: 2 } },
          {
            kind: 'edr',
            zones: ['site-ops', ...plans.map((p) => p.sup)],
            probability: 0.2,
            delay: { dist: 'exponential', mean: 1 },
          },
        ],
        response: {
          time: { dist: 'lognormal', median: 2, sigma: 0.6 },
          actions: ['revoke-sessions', 'lock-identity', 'isolate-host'],
        },
      },
    ],
    attacks: [
      {
        id: 'stolen-vendor-credential',
        name: 'Stolen shared vendor VPN password',
        initialAccess: { kind: 'stolen-credential', credential: 'vendor-vpn', at: 2 },
        strategy: 'spread',
      },
      {
        id: 'compromised-vendor-laptop',
        name: 'Compromised OEM laptop during a service session',
        initialAccess: { kind: 'compromised-device', device: 'oem-laptop', liveSession: true, at: 6.5 },
        strategy: 'greedy',
      },
    ],
    workload: [
      {
        id: 'oem-service',
        user: 'oem-tech',
        device: 'oem-laptop',
        targets: [
          { asset: oemPlc, action: readOf(firstOem) },
          { asset: oemHmi, action: 'vnc' },
        ],
        interarrival: { dist: 'exponential', mean: 12 },
        duration: { dist: 'triangular', min: 0.5, mode: 1, max: 3 },
      },
      ...integratorLines.slice(0, 1).map((p) => ({
        id: 'integrator-change',
        user: 'integrator-eng',
        device: 'integrator-laptop',
        targets: [{ asset: p.plcs[0]!, action: writeOf(p) }],
        interarrival: { dist: 'exponential' as const, mean: 24 },
        duration: { dist: 'triangular' as const, min: 1, mode: 2, max: 4 },
      })),
    ],
    expect: [
      {
        name: 'A stolen vendor password rarely reaches a PLC under zero trust',
        design: 'zt',
        attack: 'stolen-vendor-credential',
        metric: 'plcReachedProbability',
        max: 0.05,
      },
      {
        name: 'Segmentation keeps the stolen vendor password out of site operations',
        design: 'vpn-segmented',
        attack: 'stolen-vendor-credential',
        neverCompromise: { zone: 'site-ops' },
      },
      ...(internalLine
        ? [
            {
              name: `Segmentation keeps the stolen vendor password off ${internalLine.id}`,
              design: 'vpn-segmented',
              attack: 'stolen-vendor-credential',
              neverCompromise: { line: internalLine.id },
            },
          ]
        : []),
    ],
  };
}

/** Line i (0-based) of the plant: every third line is the OEM's, every third the integrator's. */
function planLine(i: number, share: number, rng: RandomStream): LinePlan {
  const n = i + 1;
  const vendor: Vendor = i % 3 === 0 ? 'oem' : i % 3 === 2 ? 'integrator' : 'internal';
  const protocol = rng.pick(PLC_PROTOCOLS);
  const ewsExtra = Math.floor(share / 60);
  const hmiExtra = Math.round((share - ewsExtra) * 0.25);
  const controllers = 1 + share - ewsExtra - hmiExtra;
  const safety = vendor === 'internal' && controllers >= 3 && (i === 1 || rng.bernoulli(0.3));
  const names = (what: string, count: number) => Array.from({ length: count }, (_, k) => `l${n}-${what}${k + 1}`);
  return {
    n,
    id: `line${n}`,
    sup: `line${n}-sup`,
    ctl: `line${n}-ctl`,
    protocol,
    vendor,
    safety,
    hmis: names('hmi', 1 + hmiExtra),
    ews: names('ews', 1 + ewsExtra),
    plcs: names('plc', controllers - (safety ? 1 : 0)),
    sis: safety ? `l${n}-sis` : null,
  };
}

function protocolsOf(p: LinePlan): Protocol[] {
  return p.protocol === 'modbus' ? ['modbus'] : [p.protocol, 'modbus'];
}

function ztRules(plans: LinePlan[], oemLines: LinePlan[], integratorLines: LinePlan[]): RuleInput[] {
  const levelActions = (ps: LinePlan[], level: 'read' | 'write' | 'program') => [
    ...new Set(
      ps.flatMap((p) =>
        protocolsOf(p).flatMap((proto) =>
          BUILTIN_VOCABULARY.actionsOf(proto).filter((a) => BUILTIN_VOCABULARY.action(a)!.level === level),
        ),
      ),
    ),
  ];
  const plcsOf = (ps: LinePlan[]) => ps.map((p) => ({ line: p.id, kind: 'plc' as const }));
  const rules: RuleInput[] = [
    {
      id: 'oem-read',
      description: 'The OEM services the lines it built: read access in the maintenance window.',
      subjects: { roles: ['oem-technician'] },
      actions: levelActions(oemLines, 'read'),
      resources: plcsOf(oemLines),
      conditions: { mfa: true, managedDevice: true, posture: { patched: true }, window: 'maintenance' },
      obligations: { ttlHours: 2, record: true },
    },
    {
      id: 'oem-hmi',
      subjects: { roles: ['oem-technician'] },
      actions: ['vnc'],
      resources: oemLines.map((p) => ({ line: p.id, kind: 'hmi' as const })),
      conditions: { mfa: true, managedDevice: true, window: 'maintenance' },
      obligations: { ttlHours: 2, record: true },
    },
    {
      id: 'oem-write',
      description: "Changing a parameter needs a plant engineer's approval.",
      subjects: { roles: ['oem-technician'] },
      actions: levelActions(oemLines, 'write'),
      resources: plcsOf(oemLines),
      conditions: { mfa: true, managedDevice: true, approval: { by: 'plant-engineer', validHours: 2 } },
      obligations: { ttlHours: 1, record: true },
    },
  ];
  if (integratorLines.length > 0)
    rules.push({
      id: 'integrator-lines',
      subjects: { roles: ['integrator-engineer'] },
      actions: [...levelActions(integratorLines, 'read'), ...levelActions(integratorLines, 'write')],
      resources: plcsOf(integratorLines),
      conditions: { mfa: true, approval: { by: 'plant-engineer', validHours: 4 } },
      obligations: { ttlHours: 4, record: true },
    });
  rules.push({
    id: 'engineer-ews',
    subjects: { roles: ['plant-engineer'] },
    actions: ['rdp'],
    resources: [{ kind: 'ews' }, 'scada', 'historian'],
    conditions: { mfa: true, managedDevice: true },
  });
  for (const p of plans) {
    rules.push({
      id: `${p.id}-local`,
      description: `Inside ${p.id}, HMIs and engineering workstations talk to their own PLCs through the enclave gateway.`,
      subjects: { devices: [...p.hmis, ...p.ews] },
      actions: levelActions([p], 'read').concat(levelActions([p], 'write')),
      resources: [{ line: p.id, kind: 'plc' }],
    });
    const program = levelActions([p], 'program');
    if (program.length > 0)
      rules.push({
        id: `${p.id}-program`,
        subjects: { devices: p.ews },
        actions: program,
        resources: [{ line: p.id, kind: 'plc' }],
        conditions: { approval: { by: 'plant-engineer', validHours: 2 } },
      });
  }
  rules.push({
    id: 'scada-polls-plcs',
    subjects: { devices: ['scada', 'historian'] },
    actions: levelActions(plans, 'read'),
    resources: [{ kind: 'plc' }],
  });
  if (plans.some((p) => p.sis !== null))
    rules.push({
      id: 'nobody-touches-sis',
      effect: 'deny',
      description: 'Safety systems are never reachable remotely.',
      subjects: { roles: ['oem-technician', 'integrator-engineer', 'plant-engineer', 'ot-admin'] },
      actions: ['*'],
      resources: [{ kind: 'sis' }],
    });
  return rules;
}

/** Splits `total` in proportion to `weights`, largest remainders first, so the parts sum exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}
