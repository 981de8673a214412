import { bench, describe } from 'vitest';
import type { Action } from '../../sim/model/catalog.js';
import { compilePolicy, decide, decideLinear } from '../../sim/policy/index.js';
import type { AccessRequest, DecisionContext, ResourceAttributes } from '../../sim/policy/types.js';
import { ruleSchema, type Rule, type TimeWindow } from '../../sim/model/schema.js';

// A plant of 40 lines × 6 assets; rules are what a real policy holds: per-asset and
// per-line grants to roles and devices, with conditions, plus a few deny rules.
const LINES = 40;
const KINDS = ['plc', 'plc', 'plc', 'hmi', 'hmi', 'ews'];
const ACTIONS: Action[] = ['s7.read', 's7.write', 'modbus.read', 'modbus.write', 'vnc', 'rdp'];
const WINDOWS: TimeWindow[] = [{ id: 'maint', every: 24, start: 6, duration: 4 }];
const REQUESTS = 4096;

/** 32-bit LCG (high bits used: the low ones cycle fast): the benchmark is the same on every run. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}

const assets: ResourceAttributes[] = [];
for (let l = 0; l < LINES; l++) {
  KINDS.forEach((kind, k) =>
    assets.push({
      id: `l${l}-${kind}${k}`,
      zone: `line${l}-${kind === 'plc' ? 'ctl' : 'sup'}`,
      line: `line${l}`,
      kind,
      level: kind === 'plc' ? 1 : 2,
    }),
  );
}

function makeRules(count: number): Rule[] {
  const pick = lcg(count);
  return Array.from({ length: count }, (_, i) => {
    const line = `line${pick(LINES)}`;
    const asset = assets[pick(assets.length)]!;
    const resources = [[asset.id], [{ line, kind: 'plc' }], [{ line }], [{ zone: asset.zone }]][pick(4)]!;
    const conditions = [
      {},
      { mfa: true },
      { mfa: true, managedDevice: true, window: 'maint' },
      { approval: { by: 'eng' } },
    ][pick(4)]!;
    return ruleSchema.parse({
      id: `r${i}`,
      effect: pick(20) === 0 ? 'deny' : 'allow',
      subjects:
        pick(3) === 0
          ? { devices: [assets[pick(assets.length)]!.id] }
          : { roles: [`role${pick(30)}`], orgs: pick(5) === 0 ? ['oem'] : [] },
      actions: [ACTIONS[pick(ACTIONS.length)]!, ACTIONS[pick(ACTIONS.length)]!],
      resources,
      conditions,
      obligations: pick(2) === 0 ? { ttlHours: 1 + pick(8), record: true } : {},
    });
  });
}

/** Half the requests aim at some rule (its subject, action and a resource it names), half are random. */
function makeRequests(rules: Rule[]): AccessRequest[] {
  const pick = lcg(7);
  return Array.from({ length: REQUESTS }, () => {
    const request: AccessRequest = {
      subject: {
        user: `u${pick(50)}`,
        roles: [`role${pick(30)}`],
        groups: [],
        org: pick(2) ? 'oem' : 'internal',
        device: `laptop${pick(10)}`,
        managedDevice: pick(2) === 0,
        posture: {},
      },
      resource: assets[pick(assets.length)]!,
      action: ACTIONS[pick(ACTIONS.length)]!,
    };
    const rule = rules[pick(rules.length)]!;
    if (pick(2) === 0) return request;
    const targets = assets.filter((a) =>
      rule.resources.some(
        (p) =>
          p === '*' ||
          p === a.id ||
          (typeof p === 'object' &&
            (['zone', 'line', 'kind', 'level'] as const).every((k) => p[k] === undefined || p[k] === a[k])),
      ),
    );
    const subject = rule.subjects.devices?.length
      ? { ...request.subject, device: rule.subjects.devices[0]! }
      : { ...request.subject, roles: rule.subjects.roles ?? [] };
    return {
      ...request,
      subject,
      resource: targets[pick(targets.length)] ?? request.resource,
      action: rule.actions[0] as Action,
    };
  });
}
const contexts: DecisionContext[] = Array.from({ length: 16 }, (_, i) => ({ time: i * 1.5, mfa: i % 2 === 0 }));

/** Prints decisions per second once the measured run of a task ends (vitest bench runs no afterAll). */
function benchDecide(label: string, rules: Rule[], fn: typeof decide): void {
  const policy = compilePolicy(rules, WINDOWS);
  const requests = makeRequests(rules);
  let decisions = 0;
  let allowed = 0;
  let ms = 0;
  bench(
    label,
    () => {
      const t0 = performance.now();
      for (let i = 0; i < REQUESTS; i++) if (fn(policy, requests[i]!, contexts[i & 15]!).effect === 'allow') allowed++;
      ms += performance.now() - t0;
      decisions += REQUESTS;
    },
    {
      time: 1000,
      setup: () => void (decisions = allowed = ms = 0),
      teardown: (_task, mode) => {
        if (mode !== 'run') return;
        const perSecond = Math.round((decisions / ms) * 1000).toLocaleString('en');
        const micros = ((ms * 1000) / decisions).toFixed(2);
        console.log(
          `${label}: ${perSecond} decisions/s, ${micros} µs per decision, ${((100 * allowed) / decisions).toFixed(1)}% allowed`,
        );
      },
    },
  );
}

describe('policy decisions', () => {
  benchDecide('decide, 10 rules (×4096 requests)', makeRules(10), decide);
  benchDecide('decide, 1,000 rules (×4096 requests)', makeRules(1000), decide);
  benchDecide('linear scan, 1,000 rules (×4096 requests)', makeRules(1000), decideLinear);
  bench('compilePolicy, 1,000 rules', () => void compilePolicy(makeRules(1000), WINDOWS), { time: 200 });
});
