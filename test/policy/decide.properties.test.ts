import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, decide, decideLinear } from '../../sim/policy/index.js';
import type { Rule } from '../../sim/model/schema.js';
import type { AccessRequest } from '../../sim/policy/types.js';
import { accessRequest, context, ruleBody, rules, WINDOWS } from './arbitraries.js';

const RUNS = { numRuns: 1500 };
const effect = (rs: Rule[], req: AccessRequest, ctx: Parameters<typeof decide>[2]) =>
  decide(compilePolicy(rs, WINDOWS), req, ctx).effect;

/** The target in words of the contract, independent of the PDP's matcher. */
function targets(rule: Rule, req: AccessRequest): boolean {
  const s = rule.subjects;
  const subject = [
    req.subject.user !== undefined && s.users?.includes(req.subject.user),
    req.subject.roles.some((r) => s.roles?.includes(r)),
    req.subject.groups.some((g) => s.groups?.includes(g)),
    req.subject.org !== undefined && s.orgs?.includes(req.subject.org),
    req.subject.device !== undefined && s.devices?.includes(req.subject.device),
  ].some(Boolean);
  const action = rule.actions.includes('*') || rule.actions.includes(req.action);
  const resource = rule.resources.some(
    (p) =>
      p === '*' ||
      p === req.resource.id ||
      (typeof p === 'object' &&
        Object.entries(p).every(([k, v]) => v === undefined || req.resource[k as keyof typeof req.resource] === v)),
  );
  return subject && action && resource;
}

describe('decide: laws', () => {
  it('denies everything when there are no rules', () => {
    fc.assert(
      fc.property(accessRequest, context, (req, ctx) => {
        expect(decide(compilePolicy([], WINDOWS), req, ctx)).toMatchObject({ effect: 'deny', ruleId: null });
      }),
      RUNS,
    );
  });

  it('agrees with a linear scan of every rule (the index only prunes)', () => {
    fc.assert(
      fc.property(rules(12), accessRequest, context, (rs, req, ctx) => {
        const policy = compilePolicy(rs, WINDOWS);
        expect(decide(policy, req, ctx)).toEqual(decideLinear(policy, req, ctx));
      }),
      { numRuns: 3000 },
    );
  });

  it('never turns a non-allow into an allow by adding a deny rule', () => {
    fc.assert(
      fc.property(rules(), ruleBody, fc.nat(), accessRequest, context, (rs, body, at, req, ctx) => {
        fc.pre(effect(rs, req, ctx) !== 'allow');
        const withDeny = [...rs];
        withDeny.splice(at % (rs.length + 1), 0, { ...body, id: 'added', effect: 'deny' } as Rule);
        expect(effect(withDeny, req, ctx)).not.toBe('allow');
      }),
      RUNS,
    );
  });

  it('never turns a non-allow into an allow by removing an allow rule', () => {
    fc.assert(
      fc.property(rules(), fc.nat(), accessRequest, context, (rs, at, req, ctx) => {
        const allows = rs.filter((r) => r.effect === 'allow');
        fc.pre(allows.length > 0 && effect(rs, req, ctx) !== 'allow');
        const removed = allows[at % allows.length]!;
        expect(
          effect(
            rs.filter((r) => r !== removed),
            req,
            ctx,
          ),
        ).not.toBe('allow');
      }),
      RUNS,
    );
  });

  it('never changes the effect or the obligations when rules are reordered', () => {
    fc.assert(
      fc.property(rules(), accessRequest, context, fc.infiniteStream(fc.nat()), (rs, req, ctx, randoms) => {
        const shuffled = rs
          .map((r) => [randoms.next().value, r] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, r]) => r);
        const a = decide(compilePolicy(rs, WINDOWS), req, ctx);
        const b = decide(compilePolicy(shuffled, WINDOWS), req, ctx);
        expect(b.effect).toBe(a.effect);
        if (a.effect === 'allow' && b.effect === 'allow') expect(b.obligations).toEqual(a.obligations);
      }),
      RUNS,
    );
  });

  it('denies whenever an unconditional deny rule covers the request, wherever it sits', () => {
    fc.assert(
      fc.property(rules(), fc.nat(), accessRequest, context, fc.boolean(), (rs, at, req, ctx, byId) => {
        const { user, roles, device } = req.subject;
        fc.pre(user !== undefined || roles.length > 0 || device !== undefined);
        const deny = {
          id: 'covering',
          effect: 'deny',
          conditions: {},
          obligations: {},
          actions: [req.action],
          subjects: {
            users: user === undefined ? [] : [user],
            roles: [...roles],
            devices: device === undefined ? [] : [device],
          },
          resources: [byId ? req.resource.id : { zone: req.resource.zone, kind: req.resource.kind }],
        } as Rule;
        const withDeny = [...rs];
        withDeny.splice(at % (rs.length + 1), 0, deny);
        const d = decide(compilePolicy(withDeny, WINDOWS), req, ctx);
        expect(d.effect).toBe('deny');
        if (!ctx.locks?.size) expect(withDeny.find((r) => r.id === d.ruleId)?.effect).toBe('deny');
      }),
      RUNS,
    );
  });

  it('names, on every allow, an allow rule whose subject, resource and action match', () => {
    fc.assert(
      fc.property(rules(), accessRequest, context, (rs, req, ctx) => {
        const d = decide(compilePolicy(rs, WINDOWS), req, ctx);
        if (d.effect !== 'allow') return;
        const named = rs.find((r) => r.id === d.ruleId);
        expect(named?.effect).toBe('allow');
        expect(targets(named!, req)).toBe(true);
        // and no deny rule that targets the request holds unconditionally
        expect(rs.some((r) => r.effect === 'deny' && targets(r, req) && Object.keys(r.conditions).length === 0)).toBe(
          false,
        );
      }),
      RUNS,
    );
  });

  it('denies, without naming a rule, whenever no rule targets the request', () => {
    fc.assert(
      fc.property(rules(), accessRequest, context, (rs, req, ctx) => {
        fc.pre(!rs.some((r) => targets(r, req)));
        const d = decide(compilePolicy(rs, WINDOWS), req, ctx);
        expect(d.effect).toBe('deny');
        expect(d.ruleId).toBeNull();
      }),
      RUNS,
    );
  });
});
