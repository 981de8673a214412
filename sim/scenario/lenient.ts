// Cross-reference checks for a scenario whose schema check failed, so one pass reports both kinds
// of problem. Every list item is validated on its own; an invalid one is replaced by a stand-in that
// keeps its id (references to it still resolve) and the plain references it names (an asset's zone,
// a request's user), which are checked too; other problems found inside stand-ins are dropped.
import type { z } from 'zod';
import { checkReferences, type PathProblem } from './references.js';
import {
  attackSchema, conduitSchema, credentialSchema, designSchema, deviceSchema, expectationSchema, lineSchema,
  assetSchema, scenarioSchema, userSchema, windowSchema, workloadRequestSchema, zoneSchema, type Scenario,
} from './schema.js';
import type { IssuePath } from './issues.js';

type Raw = Record<string, unknown>;

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

/**
 * Each list section: where it sits, how an item is checked, a stand-in for an invalid item, and the
 * reference fields a stand-in copies when the item gives them as plain strings.
 */
const SECTIONS: { path: readonly string[]; schema: z.ZodType; standIn: (raw: Raw) => unknown; refs?: readonly string[] }[] = [
  { path: ['plant', 'zones'], schema: zoneSchema, standIn: (r) => ({ id: str(r['id']), level: 3, subnet: '0.0.0.0/0', securityLevel: 1, microSegmented: false }) },
  { path: ['plant', 'lines'], schema: lineSchema, standIn: (r) => ({ id: str(r['id']), valuePerHour: 0, safetyCritical: false }) },
  {
    path: ['plant', 'assets'],
    schema: assetSchema,
    standIn: (r) => ({ id: str(r['id']), kind: 'server', zone: str(r['zone']), ...(typeof r['line'] === 'string' ? { line: r['line'] } : {}), ip: '0.0.0.0', services: [], vulnerabilities: [], credentials: [], criticality: 'medium', dualHomed: [] }),
    refs: ['zone', 'line'],
  },
  { path: ['plant', 'conduits'], schema: conduitSchema, standIn: () => ({ from: '*', to: '*', services: 'any', bidirectional: false }) },
  { path: ['identities', 'users'], schema: userSchema, standIn: (r) => ({ id: str(r['id']), org: 'internal', roles: [], groups: [], mfa: false }) },
  { path: ['identities', 'devices'], schema: deviceSchema, standIn: (r) => ({ id: str(r['id']), managed: false, posture: {}, credentials: [] }) },
  { path: ['identities', 'credentials'], schema: credentialSchema, standIn: (r) => ({ id: str(r['id']), kind: 'host-logon', owners: [], rotation: 'static', mfaBound: false, opens: [] }) },
  { path: ['windows'], schema: windowSchema, standIn: (r) => ({ id: str(r['id']), every: 24, start: 0, duration: 1 }) },
  { path: ['designs'], schema: designSchema, standIn: (r) => ({ id: str(r['id']), mitigations: [], gateways: [], sensors: [], internetFacing: true }) },
  { path: ['attacks'], schema: attackSchema, standIn: (r) => ({ id: str(r['id']), initialAccess: { kind: 'exposed-service', asset: '', at: 0 }, strategy: 'spread', techniques: {}, impact: true }) },
  {
    path: ['workload'],
    schema: workloadRequestSchema,
    standIn: (r) => ({ id: str(r['id']), user: str(r['user']), device: str(r['device']), targets: [], interarrival: { dist: 'constant', value: 1 }, duration: { dist: 'constant', value: 1 } }),
    refs: ['user', 'device'],
  },
  { path: ['expect'], schema: expectationSchema, standIn: (r) => ({ design: str(r['design']), attack: str(r['attack']), stat: 'mean' }), refs: ['design', 'attack'] },
];

export function referenceProblemsDespiteSchema(value: Raw): PathProblem[] {
  const base = scenarioSchema.safeParse({ segsim: 1 });
  if (!base.success) return [];
  const scenario = structuredClone(base.data) as Scenario & Raw;
  const standIns: IssuePath[] = [];
  const copied: IssuePath[] = [];
  for (const section of SECTIONS) {
    const raw = getIn(value, section.path);
    if (raw === undefined) continue;
    // A section that is not a list hides every id in it: checking references would only cascade.
    if (!Array.isArray(raw)) return [];
    const items = raw.map((item, i) => {
      const parsed = section.schema.safeParse(item);
      if (parsed.success) return parsed.data;
      standIns.push([...section.path, i]);
      const fields = isRaw(item) ? item : {};
      for (const ref of section.refs ?? []) if (typeof fields[ref] === 'string') copied.push([...section.path, i, ref]);
      return section.standIn(fields);
    });
    setIn(scenario, section.path, items);
  }
  const within = (p: IssuePath, at: IssuePath) => at.every((seg, i) => p[i] === seg);
  return checkReferences(scenario).filter((p) => copied.some((c) => within(p.path, c)) || !standIns.some((s) => within(p.path, s)));
}

function isRaw(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function getIn(obj: Raw, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const k of path) cur = isRaw(cur) ? cur[k] : undefined;
  return cur;
}

function setIn(obj: Raw, path: readonly string[], v: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) cur = cur[k] as Raw;
  cur[path[path.length - 1]!] = v;
}
