// The scenario format, schema first: every domain type is derived from these zod schemas.
// Objects are strict so a typo is an error, not a silently ignored key. Over 300 lines because the
// format is one schema: the types, the JSON Schema export and the error paths all derive from it whole.
// A namespace import lets the command line's bundle leave out the parts of zod it never calls (its start-up is measured).
import * as z from 'zod';
import { bounded, shortestMeanMessage } from './bounded.js';
import { ASSET_KIND_NAMES, MITIGATION_IDS } from './catalog.js';
import { distributionMean } from '../kernel/distributions.js';
import { LIMITS } from './limits.js';
import {
  assetServiceSchema,
  cachedCredentialSchema,
  declaredProtocolSchema,
  documentSchema,
  firewallSchema,
  hardeningSchema,
  privilegeSchema,
} from './hostSchema.js';
import { resolveDeclaredPorts } from './declaredPorts.js';
import {
  actionName as action,
  id,
  ids,
  protocolName as protocol,
  selectorSchema,
  serviceSchema,
  techniqueId,
} from './schemaBase.js';

export { declaredProtocolSchema, selectorSchema, serviceSchema };
const probability = bounded(LIMITS.probability);
const hours = bounded(LIMITS.hours);
const scale = bounded(LIMITS.scaleHours);
/** A repeating interval: a session TTL, a sweep or window period, an approval's life. */
const period = (description: string) => bounded(LIMITS.periodHours, description);

// ---- distributions (simulated hours) ----
export const distributionSchema = z
  .union([
    hours.transform((value) => ({ dist: 'constant' as const, value })),
    z.discriminatedUnion('dist', [
      z.strictObject({ dist: z.literal('constant'), value: hours }),
      z.strictObject({ dist: z.literal('uniform'), min: hours, max: hours }),
      z.strictObject({ dist: z.literal('triangular'), min: hours, mode: hours, max: hours }),
      z.strictObject({ dist: z.literal('exponential'), mean: scale }),
      z.strictObject({ dist: z.literal('lognormal'), median: scale, sigma: bounded(LIMITS.lognormalSigma) }),
    ]),
  ])
  .superRefine((d, ctx) => {
    if ((d.dist === 'uniform' || d.dist === 'triangular') && d.min > d.max)
      ctx.addIssue({ code: 'custom', message: `min ${d.min} is above max ${d.max}` });
    if (d.dist === 'triangular' && (d.mode < d.min || d.mode > d.max))
      ctx.addIssue({ code: 'custom', path: ['mode'], message: `mode ${d.mode} is outside [${d.min}, ${d.max}]` });
  })
  .describe(
    'A duration in simulated hours: a number, or { dist: constant|uniform|triangular|exponential|lognormal, ... }',
  );

/** Hours between repetitions: any distribution whose mean is at least the shortest period. */
const intervalSchema = distributionSchema.superRefine((d, ctx) => {
  const mean = distributionMean(d);
  if (mean < LIMITS.periodHours.min) ctx.addIssue({ code: 'custom', message: shortestMeanMessage(mean) });
});

// ---- plant ----
const shortName = z
  .string()
  .max(24)
  .optional()
  .describe('A short name for tight spaces (map labels, tiles); the full name is shown where it fits');

const purdueLevel = z
  .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(3.5), z.literal(4), z.literal(5)])
  .describe('Purdue level: 0-5, 3.5 for the DMZ');

export const zoneSchema = z.strictObject({
  id,
  name: z.string().optional(),
  short: shortName,
  level: z
    .union([
      purdueLevel,
      z
        .tuple([purdueLevel, purdueLevel])
        .superRefine(([low, high], ctx) => {
          if (low >= high)
            ctx.addIssue({
              code: 'custom',
              message: `the level range [${low}, ${high}] is upside down or empty: write it lowest first, e.g. [${Math.min(low, high)}, ${Math.max(low, high)}]`,
            });
        })
        .describe('[lowest, highest]: a cell zone spanning levels, e.g. [1, 2]'),
    ])
    .describe('Purdue level: 0-5, 3.5 for the DMZ; or a range [1, 2] for a zone spanning levels'),
  subnet: z.string().describe('IPv4 CIDR, e.g. 10.1.0.0/24'),
  securityLevel: z.number().int().min(1).max(4).default(1).describe('IEC 62443 target security level'),
  microSegmented: z.boolean().default(false).describe('Hosts inside the zone do not reach each other'),
});

export const lineSchema = z.strictObject({
  id,
  name: z.string().optional(),
  short: shortName,
  valuePerHour: bounded(LIMITS.valuePerHour, 'Production value lost per hour the line is impacted'),
  safetyCritical: z.boolean().default(false),
  recoveryHours: distributionSchema
    .optional()
    .describe(
      'Hours to bring the line back once the attacker is contained (re-flash controllers from known-good projects, re-validate the process); without it an impacted line stays down to the horizon',
    ),
});

export const vulnerabilitySchema = z.strictObject({
  id,
  service: protocol
    .optional()
    .describe('The exposed service the exploit goes through (none for a local privilege escalation)'),
  effect: z.union([
    z.enum(['code-execution', 'auth-bypass', 'credential-leak', 'denial-of-service']),
    z
      .literal('privilege-escalation')
      .describe('Local: a user on the host becomes administrator (ATT&CK for ICS T0890); needs no service'),
  ]),
  probability: probability.default(0.5),
  timeToExploit: distributionSchema.default({ dist: 'constant', value: 1 }),
  privilege: privilegeSchema
    .optional()
    .describe('Privilege a code-execution or auth-bypass exploit gives on a host (default admin)'),
});

export const assetSchema = z.strictObject({
  id,
  name: z.string().optional(),
  kind: z.enum(ASSET_KIND_NAMES as [string, ...string[]]),
  zone: id,
  line: id.optional(),
  ip: z.string(),
  level: purdueLevel
    .optional()
    .describe(
      "Its own Purdue level, inside its zone's range (default: the zone's level; in a zone spanning levels, the lowest for controllers and the highest for the rest)",
    ),
  services: z.array(assetServiceSchema).default([]),
  vulnerabilities: z.array(vulnerabilitySchema).default([]),
  credentials: z
    .array(cachedCredentialSchema)
    .default([])
    .describe('Credentials cached on the host, harvested by whoever holds the privilege to read them'),
  documents: z
    .array(documentSchema)
    .default([])
    .describe('Files on the host that name other hosts or hold credentials, read by whoever holds the privilege'),
  firewall: firewallSchema.optional(),
  criticality: z
    .enum(['low', 'medium', 'high'])
    .optional()
    .describe('How much the asset matters, as the plant rates it; reported, not simulated (unrated when absent)'),
  dualHomed: ids.default([]).describe('Other zones this host also has an interface in'),
});

const zoneRef = z.union([id, z.literal('*')]);

export const conduitSchema = z.strictObject({
  from: zoneRef,
  to: zoneRef,
  services: z.union([z.literal('any'), z.array(serviceSchema)]).default('any'),
  bidirectional: z.boolean().default(false),
});

export const plantSchema = z.strictObject({
  zones: z.array(zoneSchema).default([]),
  lines: z.array(lineSchema).default([]),
  assets: z.array(assetSchema).default([]),
  conduits: z.array(conduitSchema).default([]),
});

// ---- identities ----
export const userSchema = z.strictObject({
  id,
  name: z.string().optional(),
  org: z.enum(['internal', 'oem', 'integrator']),
  roles: ids.default([]),
  groups: ids.default([]),
  mfa: z.boolean().default(false).describe('Enrolled in multi-factor authentication'),
});

export const deviceSchema = z.strictObject({
  id,
  owner: id.optional(),
  managed: z.boolean().default(false),
  posture: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])).default({}),
  credentials: ids.default([]).describe('Credentials saved on the device (a VPN profile, a password store)'),
});

export const credentialSchema = z.strictObject({
  id,
  kind: z
    .enum(['vpn-account', 'user-account', 'host-logon', 'plc-project', 'default-password'])
    .describe('user-account: a personal identity-provider login, used for zero-trust sessions'),
  owners: ids.default([]).describe('Users who hold it; more than one means shared'),
  rotation: z.enum(['static', 'rotating']).default('static'),
  mfaBound: z.boolean().default(false).describe("Useless without the owner's second factor"),
  opens: z.array(selectorSchema).default([]).describe('Assets the credential logs on to (not for vpn-account)'),
  protocols: z
    .array(protocol)
    .optional()
    .describe('Protocols it authenticates (default: every interactive one, or every one for plc-project)'),
  privilege: privilegeSchema.default('user').describe('Privilege a logon with it gives on a host (default user)'),
});

export const identitiesSchema = z.strictObject({
  users: z.array(userSchema).default([]),
  devices: z.array(deviceSchema).default([]),
  credentials: z.array(credentialSchema).default([]),
});

// ---- policy ----
export const windowSchema = z.strictObject({
  id,
  every: period('Period in hours (24 = daily)').default(24),
  start: bounded(LIMITS.hours, 'Opening hour within the period'),
  duration: scale,
});

export const subjectSchema = z.strictObject({
  users: ids.optional(),
  roles: ids.optional(),
  groups: ids.optional(),
  orgs: z.array(z.enum(['internal', 'oem', 'integrator'])).optional(),
  devices: ids.optional().describe('Device ids, or asset ids for host-originated connections'),
});

export const ruleSchema = z.strictObject({
  id,
  description: z.string().optional(),
  effect: z.enum(['allow', 'deny']).default('allow'),
  subjects: subjectSchema,
  actions: z.array(z.union([action, z.literal('*')])).min(1),
  resources: z.array(z.union([selectorSchema, z.literal('*')])).min(1),
  conditions: z
    .strictObject({
      mfa: z.boolean().optional(),
      managedDevice: z.boolean().optional(),
      posture: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])).optional(),
      window: id.optional(),
      approval: z
        .strictObject({
          by: id.describe('Role that approves'),
          validHours: period('Hours an approval lasts').default(4),
        })
        .optional(),
      sources: ids.optional().describe('Tunnel or connector ids the request may come through'),
    })
    .default({}),
  obligations: z
    .strictObject({ ttlHours: period('Longest session the rule grants').optional(), record: z.boolean().optional() })
    .default({}),
});

export const policyTestSchema = z.strictObject({
  name: z.string(),
  user: id.optional(),
  device: id.optional(),
  asset: id.optional().describe('Source host, for host-originated requests'),
  mfa: z.boolean().default(false),
  time: hours.default(0),
  approved: z.boolean().default(false),
  source: id.optional(),
  accept: z.array(z.string()).default([]).describe('"asset:action" pairs that must be allowed'),
  deny: z.array(z.string()).default([]).describe('"asset:action" pairs that must be denied'),
});

export const policySchema = z.strictObject({
  rules: z.array(ruleSchema).default([]),
  tests: z.array(policyTestSchema).default([]),
});

// ---- access designs ----
// ---- incident response: a playbook of scoped actions, and the investigation behind it ----
export const PLAYBOOK_ACTIONS = [
  'isolate-host',
  'reimage-host',
  'quarantine-zone',
  'disable-account',
  'shut-vpn',
  'shut-broker',
  'revoke-sessions',
  'lock-identity',
  'disable-vpn-account',
  'rotate-credentials',
] as const;
export type PlaybookAction = (typeof PLAYBOOK_ACTIONS)[number];
const playbookAction = z.enum(PLAYBOOK_ACTIONS);

/** The step fields that name what a step acts on, and the one action each belongs to. */
export const STEP_SCOPES = {
  zones: 'quarantine-zone',
  accounts: 'disable-account',
  credentials: 'rotate-credentials',
} as const satisfies Record<string, PlaybookAction>;
/** Actions whose effect is lifted after a `duration`: the host comes back clean, the zone or tunnel reopens. */
export const LIFTED_ACTIONS: readonly PlaybookAction[] = ['reimage-host', 'quarantine-zone', 'shut-vpn', 'shut-broker'];

export const playbookStepSchema = z
  .strictObject({
    action: playbookAction,
    after: distributionSchema
      .default({ dist: 'constant', value: 0 })
      .describe("Hours from the playbook's start to this step"),
    probability: probability.default(1).describe('Chance the step works when it runs (it is tried again next round)'),
    duration: distributionSchema
      .optional()
      .describe(
        'reimage-host: hours until the host is back in service, clean (default 2-8 h); quarantine-zone, shut-vpn, shut-broker: hours until lifted (default: to the end of the run)',
      ),
    zones: ids
      .optional()
      .describe('quarantine-zone: these zones, whatever is known (default: the zones of known hosts)'),
    accounts: ids
      .optional()
      .describe('disable-account: these vpn-account or user-account credentials (default: the known identities)'),
    credentials: ids
      .optional()
      .describe('rotate-credentials: these credentials (default: those known used or cached on known hosts)'),
  })
  .superRefine((step, ctx) => {
    for (const [field, action] of Object.entries(STEP_SCOPES))
      if (step[field as keyof typeof STEP_SCOPES] !== undefined && step.action !== action)
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is for ${action} steps, not ${step.action}` });
    if (step.duration !== undefined && !LIFTED_ACTIONS.includes(step.action))
      ctx.addIssue({
        code: 'custom',
        path: ['duration'],
        message: `duration is for ${LIFTED_ACTIONS.join(', ')} steps, not ${step.action}`,
      });
  });

export const investigationSchema = z
  .strictObject({
    perHour: z
      .number()
      .nonnegative()
      .default(0.05)
      .describe('Chance per hour to find a foothold linked to nothing known'),
    linkedPerHour: z
      .number()
      .nonnegative()
      .default(0.5)
      .describe('Chance per hour to find a foothold linked to a known one (same credential, session or path)'),
  })
  .superRefine((r, ctx) => {
    if (r.linkedPerHour < r.perHour)
      ctx.addIssue({
        code: 'custom',
        path: ['linkedPerHour'],
        message: `linkedPerHour ${r.linkedPerHour} is below perHour ${r.perHour}: a lead never slows the search`,
      });
  })
  .describe(
    "After the first detection the defenders look for the attacker's other footholds, each found after an exponential time at these rates",
  );

export const responseSchema = z
  .strictObject({
    time: distributionSchema.describe(
      'Triage: hours from a detection (or an investigation finding) to the playbook starting',
    ),
    actions: z
      .array(playbookAction)
      .default([])
      .describe("Shorthand: these actions at the playbook's start, sure to work"),
    playbook: z
      .array(playbookStepSchema)
      .default([])
      .describe("Scoped steps, each at its own time from the playbook's start"),
    investigation: investigationSchema.default({ perHour: 0.05, linkedPerHour: 0.5 }),
  })
  .superRefine((r, ctx) => {
    if (r.actions.length + r.playbook.length === 0)
      ctx.addIssue({ code: 'custom', path: ['playbook'], message: 'a response needs actions or playbook steps' });
  });

export const sensorSchema = z.strictObject({
  kind: z.enum(['vpn-log', 'firewall-log', 'zt-telemetry', 'ot-ids', 'edr']),
  zones: z.union([z.literal('*'), ids]).default('*'),
  probability: probability.describe('Chance to notice a fully observable action'),
  delay: distributionSchema.default({ dist: 'constant', value: 0.25 }),
});

export const designSchema = z.strictObject({
  id,
  name: z.string().optional(),
  short: shortName,
  description: z.string().optional(),
  mitigations: z.array(z.enum(MITIGATION_IDS as [string, ...string[]])).default([]),
  conduits: z.array(conduitSchema).optional().describe("Replaces the plant's conduits under this design"),
  microSegmented: ids.optional().describe("Zones micro-segmented under this design (adds to the plant's)"),
  vpn: z
    .strictObject({
      concentrator: id.describe('The vpn-concentrator asset'),
      pool: z.string().describe('Client address pool CIDR'),
      routes: z.union([z.literal('*'), ids]).describe('Zones routed to VPN clients'),
      services: z.union([z.literal('any'), z.array(serviceSchema)]).default('any'),
      accounts: ids.describe('vpn-account credentials that open the tunnel'),
      mfa: z.boolean().default(false),
      connectHours: distributionSchema
        .default({ dist: 'constant', value: 0.1 })
        .describe(
          "Hours from a technician's request to a working tunnel (a customer switching the router on, a call to open the account…)",
        ),
    })
    .optional(),
  zt: z
    .strictObject({
      connectors: ids.min(1).describe('zt-connector assets connections originate from'),
      sessionTtlHours: period('Longest zero-trust session').default(8),
      sweepHours: period('Continuous evaluation sweep period').default(0.25),
      maxDenied: bounded(LIMITS.maxDenied, 'Denied requests that revoke a session', true).default(5),
      blockOnDetection: z
        .boolean()
        .default(false)
        .describe(
          'The PDP blocks an identity its own telemetry (zt-telemetry sensors) flags, at once: live sessions revoked, new ones refused. Without it only the response acts, after its response time',
        ),
      policy: policySchema.default({ rules: [], tests: [] }),
    })
    .optional(),
  internetFacing: z
    .boolean()
    .default(true)
    .describe(
      'false: the design removes every direct internet exposure (remote access only through its VPN or broker)',
    ),
  gateways: z
    .array(z.strictObject({ zone: id }))
    .default([])
    .describe('Enclave gateways: the PDP decides every connection into the zone'),
  hardening: z
    .array(hardeningSchema)
    .default([])
    .describe('Host hardening under this design: service authentication, host firewalls, cached passwords'),
  hidden: z
    .array(selectorSchema)
    .default([])
    .describe(
      'Assets that answer no scan under this design: an attacker finds them only through what it reads (documents)',
    ),
  sensors: z.array(sensorSchema).default([]),
  response: responseSchema.optional(),
});

// ---- attacks ----
export const initialAccessSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stolen-credential'), credential: id, at: hours.default(0) }),
  z.strictObject({
    kind: z.literal('compromised-device'),
    device: id,
    liveSession: z.boolean().default(false),
    at: hours.default(0),
  }),
  z.strictObject({ kind: z.literal('insider'), user: id, device: id.optional(), at: hours.default(0) }),
  z.strictObject({ kind: z.literal('exposed-service'), asset: id, at: hours.default(0) }),
  z.strictObject({ kind: z.literal('phishing'), asset: id, at: hours.default(0) }),
]);

export const techniqueOverrideSchema = z.strictObject({
  duration: distributionSchema.optional(),
  probability: probability.optional(),
  observability: probability.optional(),
});

export const attackSchema = z.strictObject({
  id,
  name: z.string().optional(),
  description: z.string().optional(),
  initialAccess: initialAccessSchema,
  strategy: z.enum(['spread', 'targeted', 'greedy']).default('spread'),
  target: z.strictObject({ line: id }).optional().describe('For the targeted strategy'),
  script: z.array(z.strictObject({ technique: techniqueId, target: id.optional() })).optional(),
  techniques: z.record(techniqueId, techniqueOverrideSchema).default({}),
  impact: z.boolean().default(true).describe('Manipulate controllers once reached'),
  approvalFatigue: probability
    .default(0)
    .describe(
      'Chance that the approver grants a just-in-time approval the attacker asks for (a convincing pretext, a tired engineer); 0: never',
    ),
  reentry: z
    .strictObject({
      after: distributionSchema
        .default({ dist: 'triangular', min: 12, mode: 48, max: 168 })
        .describe('Hours from a containment to the attempt'),
      probability: probability.default(1),
    })
    .default({ after: { dist: 'triangular', min: 12, mode: 48, max: 168 }, probability: 1 })
    .describe(
      'After a containment the attacker comes back if it still holds a working way in: a credential nobody rotated, an exposed service, a device whose owner is not locked',
    ),
});

// ---- workload and expectations ----
export const workloadRequestSchema = z.strictObject({
  id,
  user: id,
  device: id,
  targets: z.array(z.strictObject({ asset: id, action })).min(1),
  interarrival: intervalSchema.describe(
    `Hours between requests; the mean must be at least ${LIMITS.periodHours.min} h`,
  ),
  duration: distributionSchema.describe('Hours of work once connected'),
});

export const expectationSchema = z.strictObject({
  name: z.string().optional(),
  design: id,
  attack: id,
  metric: z.string().optional(),
  stat: z.enum(['mean', 'median', 'p95', 'max', 'min']).default('mean'),
  max: bounded(LIMITS.expectationValue).optional(),
  min: bounded(LIMITS.expectationValue).optional(),
  neverCompromise: selectorSchema.optional(),
  runs: bounded(LIMITS.runs, 'Runs for this expectation', true).optional(),
});

export const scenarioObjectSchema = z.strictObject({
  segsim: z.literal(1).default(1).describe('Scenario format version'),
  name: z.string().optional(),
  description: z.string().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR or USD')
    .refine((c) => Intl.supportedValuesOf('currency').includes(c), 'not an ISO 4217 currency code this runtime knows')
    .optional()
    .describe(
      'ISO 4217 code of line values and production losses (EUR, USD…); without it money prints as plain numbers',
    ),
  imports: z
    .array(z.string())
    .default([])
    .describe('Scenario files merged into this one (paths relative to this file)'),
  horizonHours: bounded(LIMITS.horizonHours, 'Simulated hours per run').default(72),
  protocols: z
    .array(declaredProtocolSchema)
    .default([])
    .describe('Protocols beside the built-in catalogue: a proprietary remote-service port, Git, MySQL, BACnet'),
  plant: plantSchema.default({ zones: [], lines: [], assets: [], conduits: [] }),
  identities: identitiesSchema.default({ users: [], devices: [], credentials: [] }),
  windows: z.array(windowSchema).default([]),
  designs: z.array(designSchema).default([]),
  attacks: z.array(attackSchema).default([]),
  techniques: z.record(techniqueId, techniqueOverrideSchema).default({}),
  workload: z.array(workloadRequestSchema).default([]),
  expect: z.array(expectationSchema).default([]),
});

/** The scenario format; a service that names a declared protocol without a port gets the declared one. */
export const scenarioSchema = scenarioObjectSchema.transform(resolveDeclaredPorts);

export type Distribution = z.output<typeof distributionSchema>;
export type Service = z.output<typeof serviceSchema>;
export type AssetService = z.output<typeof assetServiceSchema>;
export type Firewall = z.output<typeof firewallSchema>;
export type Hardening = z.output<typeof hardeningSchema>;
export type DeclaredProtocolSpec = z.output<typeof declaredProtocolSchema>;
export type Zone = z.output<typeof zoneSchema>;
export type Line = z.output<typeof lineSchema>;
export type Vulnerability = z.output<typeof vulnerabilitySchema>;
export type Asset = z.output<typeof assetSchema>;
export type Conduit = z.output<typeof conduitSchema>;
export type User = z.output<typeof userSchema>;
export type Device = z.output<typeof deviceSchema>;
export type Selector = z.output<typeof selectorSchema>;
export type Credential = z.output<typeof credentialSchema>;
export type TimeWindow = z.output<typeof windowSchema>;
export type Subjects = z.output<typeof subjectSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type PolicyTest = z.output<typeof policyTestSchema>;
export type Policy = z.output<typeof policySchema>;
export type Sensor = z.output<typeof sensorSchema>;
export type PlaybookStep = z.output<typeof playbookStepSchema>;
export type Response = z.output<typeof responseSchema>;
export type Design = z.output<typeof designSchema>;
export type InitialAccess = z.output<typeof initialAccessSchema>;
export type TechniqueOverride = z.output<typeof techniqueOverrideSchema>;
export type Attack = z.output<typeof attackSchema>;
export type WorkloadRequest = z.output<typeof workloadRequestSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
