// Random policies, requests and contexts over a small vocabulary, so rules and requests often meet.
import fc from 'fast-check';
import type { Action } from '../../sim/model/catalog.js';
import type { Rule, TimeWindow } from '../../sim/model/schema.js';
import type { AccessRequest, DecisionContext, ResourceAttributes } from '../../sim/policy/types.js';

export const WINDOWS: TimeWindow[] = [
  { id: 'w1', every: 24, start: 6, duration: 4 },
  { id: 'w2', every: 8, start: 0, duration: 2 },
];
const USERS = ['u1', 'u2', 'u3'];
const ROLES = ['r1', 'r2', 'r3'];
const GROUPS = ['g1', 'g2'];
const ORGS = ['internal', 'oem', 'integrator'] as const;
const DEVICES = ['d1', 'd2', 'a1'];
const ACTIONS: Action[] = ['s7.read', 's7.write', 'modbus.read', 'rdp'];
export const ASSETS: ResourceAttributes[] = [
  { id: 'a1', zone: 'z1', line: 'l1', kind: 'plc', level: 1 },
  { id: 'a2', zone: 'z1', line: 'l1', kind: 'hmi', level: 2 },
  { id: 'a3', zone: 'z2', line: 'l2', kind: 'plc', level: 1 },
  { id: 'a4', zone: 'z3', kind: 'historian', level: 3 },
];
export const RULE_IDS = Array.from({ length: 12 }, (_, i) => `r${i}`);

const some = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 0, maxLength: 2 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const selector = fc.record(
  {
    zone: fc.constantFrom('z1', 'z2', 'z3'),
    line: fc.constantFrom('l1', 'l2'),
    kind: fc.constantFrom('plc', 'hmi', 'historian'),
    level: fc.constantFrom(1, 2, 3),
  },
  { requiredKeys: [] },
);
const resource = fc.oneof(fc.constant('*' as const), fc.constantFrom(...ASSETS.map((a) => a.id), 'ghost'), selector);

const conditions = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      mfa: fc.boolean(),
      managedDevice: fc.boolean(),
      posture: fc.record({ patched: fc.boolean(), av: fc.constantFrom('on', 'off') }, { requiredKeys: [] }),
      window: fc.constantFrom('w1', 'w2'),
      approval: fc.record({ by: fc.constantFrom('lead', 'eng'), validHours: fc.constant(4) }),
      sources: some(['c1', 'c2']),
    },
    { requiredKeys: [] },
  ),
);

/** A rule without its id: ids are assigned by position so they stay unique. */
export const ruleBody = fc.record({
  effect: fc.constantFrom('allow', 'allow', 'deny') as fc.Arbitrary<'allow' | 'deny'>,
  subjects: fc.record(
    { users: some(USERS), roles: some(ROLES), groups: some(GROUPS), orgs: some(ORGS), devices: some(DEVICES) },
    { requiredKeys: [] },
  ),
  actions: fc.oneof(fc.constant(['*']), fc.subarray(ACTIONS, { minLength: 1, maxLength: 2 })),
  resources: fc.array(resource, { minLength: 1, maxLength: 2 }),
  conditions,
  obligations: fc.record({ ttlHours: fc.constantFrom(1, 2, 8), record: fc.boolean() }, { requiredKeys: [] }),
});

export const rules = (maxLength = 8): fc.Arbitrary<Rule[]> =>
  fc
    .array(ruleBody, { maxLength })
    .map((bodies) => bodies.map((body, i) => ({ id: RULE_IDS[i] ?? `r${i}`, ...body }) as Rule));

export const accessRequest: fc.Arbitrary<AccessRequest> = fc
  .record({
    subject: fc.record({
      user: optional(fc.constantFrom(...USERS)),
      roles: some(ROLES),
      groups: some(GROUPS),
      org: optional(fc.constantFrom(...ORGS)),
      device: optional(fc.constantFrom(...DEVICES)),
      managedDevice: fc.boolean(),
      posture: fc.record({ patched: fc.boolean(), av: fc.constantFrom('on', 'off') }, { requiredKeys: [] }),
    }),
    resource: fc.constantFrom(...ASSETS),
    action: fc.constantFrom(...ACTIONS),
    source: optional(fc.constantFrom('c1', 'c2', 'c3')),
  })
  .map((r) => JSON.parse(JSON.stringify(r)) as AccessRequest); // drop undefined keys

export const context: fc.Arbitrary<DecisionContext> = fc.record({
  time: fc.integer({ min: 0, max: 96 }).map((q) => q / 2),
  mfa: fc.boolean(),
  approvals: fc.option(
    fc
      .subarray(RULE_IDS)
      .chain((ids) =>
        fc.tuple(
          ...ids.map((id) => fc.tuple(fc.constant(id), fc.record({ expiresAt: fc.integer({ min: 0, max: 60 }) }))),
        ),
      )
      .map((entries) => new Map(entries)),
    { nil: undefined },
  ),
  locks: fc.option(
    fc.subarray(['u1', 'd1', 'a1', 'a3']).map((ids) => new Set(ids)),
    { nil: undefined, freq: 4 },
  ),
});
