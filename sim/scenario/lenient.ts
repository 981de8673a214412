// Cross-reference checks for a scenario whose schema check failed, so one pass reports both kinds
// of problem. Every list item is validated on its own; an invalid one is replaced by a stand-in that
// keeps its id (references to it still resolve) and every field of the item that is valid on its
// own — an attack's initialAccess beside a misspelt strategy, a design's zero-trust block beside a
// bad sensor — whose references are checked too; other problems found inside stand-ins are dropped.
import * as z from 'zod';
import { checkReferences, type PathProblem } from './references.js';
import {
  attackSchema,
  conduitSchema,
  credentialSchema,
  declaredProtocolSchema,
  designSchema,
  deviceSchema,
  expectationSchema,
  lineSchema,
  assetSchema,
  scenarioSchema,
  userSchema,
  windowSchema,
  workloadRequestSchema,
  zoneSchema,
  type Scenario,
} from '../model/schema.js';
import type { IssuePath } from './issues.js';

type Raw = Record<string, unknown>;

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

/** Each list section: where it sits, how an item is checked, and the stand-in for an invalid item. */
const SECTIONS: { path: readonly string[]; schema: z.ZodType; standIn: (raw: Raw) => unknown }[] = [
  {
    path: ['protocols'],
    schema: declaredProtocolSchema,
    standIn: (r) => ({ id: str(r.id, 'x'), transport: 'tcp', port: 1, industrial: false, actions: [] }),
  },
  {
    path: ['plant', 'zones'],
    schema: zoneSchema,
    standIn: (r) => ({ id: str(r.id), level: 3, subnet: '0.0.0.0/0', securityLevel: 1, microSegmented: false }),
  },
  {
    path: ['plant', 'lines'],
    schema: lineSchema,
    standIn: (r) => ({ id: str(r.id), valuePerHour: 0, safetyCritical: false }),
  },
  {
    path: ['plant', 'assets'],
    schema: assetSchema,
    standIn: (r) => ({
      id: str(r.id),
      kind: 'server',
      zone: '',
      ip: '0.0.0.0',
      services: [],
      vulnerabilities: [],
      credentials: [],
      documents: [],
      dualHomed: [],
    }),
  },
  {
    path: ['plant', 'conduits'],
    schema: conduitSchema,
    standIn: () => ({ from: '*', to: '*', services: 'any', bidirectional: false }),
  },
  {
    path: ['identities', 'users'],
    schema: userSchema,
    standIn: (r) => ({ id: str(r.id), org: 'internal', roles: [], groups: [], mfa: false }),
  },
  {
    path: ['identities', 'devices'],
    schema: deviceSchema,
    standIn: (r) => ({ id: str(r.id), managed: false, posture: {}, credentials: [] }),
  },
  {
    path: ['identities', 'credentials'],
    schema: credentialSchema,
    standIn: (r) => ({
      id: str(r.id),
      kind: 'host-logon',
      owners: [],
      rotation: 'static',
      mfaBound: false,
      opens: [],
      privilege: 'user',
    }),
  },
  { path: ['windows'], schema: windowSchema, standIn: (r) => ({ id: str(r.id), every: 24, start: 0, duration: 1 }) },
  {
    path: ['designs'],
    schema: designSchema,
    standIn: (r) => ({
      id: str(r.id),
      mitigations: [],
      gateways: [],
      hardening: [],
      hidden: [],
      sensors: [],
      internetFacing: true,
    }),
  },
  {
    path: ['attacks'],
    schema: attackSchema,
    standIn: (r) => ({
      id: str(r.id),
      initialAccess: { kind: 'exposed-service', asset: '', at: 0 },
      strategy: 'spread',
      techniques: {},
      impact: true,
    }),
  },
  {
    path: ['workload'],
    schema: workloadRequestSchema,
    standIn: (r) => ({
      id: str(r.id),
      user: '',
      device: '',
      targets: [],
      interarrival: { dist: 'constant', value: 1 },
      duration: { dist: 'constant', value: 1 },
    }),
  },
  { path: ['expect'], schema: expectationSchema, standIn: () => ({ design: '', attack: '', stat: 'mean' }) },
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
      const at: IssuePath = [...section.path, i];
      standIns.push(at);
      const fields = isRaw(item) ? item : {};
      const bare = section.standIn(fields) as Raw;
      const valid = validFields(section.schema, fields);
      const salvaged = section.schema.safeParse({ ...bare, ...valid });
      if (!salvaged.success) return bare; // the valid fields clash with each other
      for (const key of Object.keys(valid)) copied.push([...at, key]);
      return salvaged.data;
    });
    setIn(scenario, section.path, items);
  }
  // Looked up by path prefix, so the filter stays linear in problems plus stand-ins.
  const standInKeys = new Set(standIns.map(pathKey));
  const copiedKeys = new Set(copied.map(pathKey));
  const lengths = (paths: IssuePath[]) => [...new Set(paths.map((p) => p.length))];
  const [standInLengths, copiedLengths] = [lengths(standIns), lengths(copied)];
  const under = (p: IssuePath, keys: Set<string>, lens: number[]) =>
    lens.some((n) => p.length >= n && keys.has(pathKey(p.slice(0, n))));
  return checkReferences(scenario).filter(
    (p) => under(p.path, copiedKeys, copiedLengths) || !under(p.path, standInKeys, standInLengths),
  );
}

const pathKey = (p: IssuePath): string => JSON.stringify(p);

/**
 * The fields of `raw` that `schema` (an object) accepts on their own; a nested object that fails
 * keeps its own valid fields when that is enough for it to pass.
 */
function validFields(schema: z.ZodType, raw: Raw): Raw {
  const shape = objectShape(schema);
  if (shape === null) return {};
  const valid: Raw = {};
  for (const [key, field] of Object.entries(shape)) {
    if (raw[key] === undefined) continue;
    if (field.safeParse(raw[key]).success) valid[key] = raw[key];
    else if (isRaw(raw[key])) {
      const partial = validFields(field, raw[key]);
      if (field.safeParse(partial).success) valid[key] = partial;
    }
  }
  return valid;
}

/** The fields of an object schema, under any optional or default wrappers; null for other schemas. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : null;
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
