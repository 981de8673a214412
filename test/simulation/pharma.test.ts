import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';

const loaded = loadScenario('scenarios/pharma.yaml');
if (!loaded.ok) throw new Error('pharma.yaml must load');
const scenario = loaded.scenario;
const model = buildPlantModel(scenario);
const layers = new Map(scenario.designs.map((d) => [d.id, new AccessLayer(model, d)]));
const attack = (id: string) => scenario.attacks.find((a) => a.id === id)!;
const runOnce = (design: string, attackId: string, seed: number) =>
  runSimulation(model, layers.get(design)!, attack(attackId), { seed }).result;

describe('runs on the pharma plant', () => {
  it('equal seeds give byte-identical traces and metrics', () => {
    for (const d of scenario.designs)
      for (const a of scenario.attacks) {
        const first = JSON.stringify(runOnce(d.id, a.id, 42));
        expect(JSON.stringify(runOnce(d.id, a.id, 42)), `${d.id} × ${a.id}`).toBe(first);
      }
  });

  it('different seeds can change the outcome', () => {
    const outcomes = new Set(
      Array.from({ length: 10 }, (_, s) =>
        JSON.stringify(runOnce('vpn-segmented', 'stolen-vendor-credential', s).trace),
      ),
    );
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('a stolen vendor password reaches a PLC far more often under the flat VPN than under zero trust', () => {
    const rate = (design: string) => {
      let hits = 0;
      for (let s = 0; s < 60; s++)
        if (runOnce(design, 'stolen-vendor-credential', s).metrics.compromisedPlcs > 0) hits++;
      return hits / 60;
    };
    const flat = rate('vpn-flat');
    const zt = rate('zt');
    expect(flat).toBeGreaterThan(0.8);
    expect(zt).toBeLessThan(0.05);
  });

  it('a run never owns an asset outside the static blast radius of the same design and attack', () => {
    const radii = new Map<string, Set<string>>();
    for (const d of scenario.designs)
      for (const a of scenario.attacks)
        radii.set(`${d.id}/${a.id}`, new Set(staticBlastRadius(layers.get(d.id)!, a).assets));
    fc.assert(
      fc.property(
        fc.constantFrom(...scenario.designs.map((d) => d.id)),
        fc.constantFrom(...scenario.attacks.map((a) => a.id)),
        fc.nat(1_000_000),
        (d, a, seed) => {
          const radius = radii.get(`${d}/${a}`)!;
          for (const asset of runOnce(d, a, seed).compromised) if (!radius.has(asset)) return false;
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('every action of an attacker held at the broker is in the audit trail under zero trust, almost none under the flat VPN', () => {
    const zt = runOnce('zt', 'targeted-sterile-filling', 3).metrics;
    const flat = runOnce('vpn-flat', 'stolen-vendor-credential', 3).metrics;
    expect(zt.auditedShare).toBe(1);
    expect(flat.auditedShare).toBeLessThan(0.2);
  });

  it('under zero trust a hijacked session gets only what the approvals it talks out of the engineer grant', () => {
    const fatigue = (approvalFatigue: number) => {
      const a = { ...attack('approval-fatigue'), approvalFatigue };
      return Array.from({ length: 40 }, (_, seed) => runSimulation(model, layers.get('zt')!, a, { seed }).result);
    };
    const never = fatigue(0);
    const always = fatigue(1);
    expect(
      never.every((r) => r.compromised.length === 0 && r.trace.every((e) => !e.type.startsWith('approval.'))),
    ).toBe(true);
    expect(always.filter((r) => r.metrics.compromisedPlcs > 0).length).toBeGreaterThan(20);
    // One approval opens Modbus writes to line 3's PLCs: nothing else falls.
    const line3 = new Set(['l3-plc1', 'l3-plc2']);
    expect(always.every((r) => r.compromised.every((id) => line3.has(id)))).toBe(true);
    expect(always.some((r) => r.trace.some((e) => e.type === 'approval.granted'))).toBe(true);
  });

  it('a design whose PDP blocks on its own telemetry cuts the session at the detection, before the response time', () => {
    const zt = scenario.designs.find((d) => d.id === 'zt')!;
    const blocking = new AccessLayer(model, { ...zt, zt: { ...zt.zt!, blockOnDetection: true } });
    const hijack = attack('compromised-vendor-laptop');
    const seeds = Array.from({ length: 40 }, (_, seed) => seed);
    const withBlock = seeds.map((seed) => runSimulation(model, blocking, hijack, { seed }).result);
    const without = seeds.map((seed) => runOnce('zt', 'compromised-vendor-laptop', seed));
    let blocked = 0;
    for (const r of withBlock) {
      const flag = r.trace.find(
        (e) => e.type === 'defense.detect' && e.sensor === 'zt-telemetry' && e.identity === 'oem-tech',
      );
      const block = r.trace.find((e) => e.type === 'pdp.block' && e.identity === 'oem-tech');
      expect(block === undefined).toBe(flag === undefined);
      if (flag === undefined || block === undefined) continue;
      blocked++;
      expect(block.t).toBe(flag.t);
      // The attacker loses the session at that moment, not after the response time.
      expect(
        r.trace.some(
          (e) => e.type === 'attack.foothold-lost' && e.foothold === 'zt-session(oem-tech)' && e.t === flag.t,
        ),
      ).toBe(true);
    }
    expect(blocked).toBeGreaterThan(20);
    expect(without.every((r) => !r.trace.some((e) => e.type === 'pdp.block'))).toBe(true);
    const reached = (rs: typeof without) => rs.filter((r) => r.metrics.compromisedPlcs > 0).length;
    expect(reached(withBlock)).toBeLessThan(reached(without));
  });

  it('a refused approval is in the PDP log, where zero-trust telemetry can flag it; a request held for approval is not a denial', () => {
    // The engineer all but never gives in: the session asks once per rule and is refused.
    const refused = { ...attack('approval-fatigue'), approvalFatigue: 1e-9 };
    const runs = Array.from(
      { length: 60 },
      (_, seed) => runSimulation(model, layers.get('zt')!, refused, { seed }).result,
    );
    const flagged = runs.flatMap((r) =>
      r.trace.filter((e) => e.type === 'defense.detect' && e.detail.includes('refused')),
    );
    expect(flagged.length).toBeGreaterThan(5);
    for (const e of flagged)
      expect(e.detail).toMatch(/^zt-telemetry flags T0886 \(approval of rule [\w-]+ refused\) by /);
    for (const r of runs) {
      const refusal = r.trace.find((e) => e.type === 'approval.refused');
      const flag = r.trace.find((e) => e.type === 'defense.detect' && e.detail.includes('refused'));
      if (flag) expect(refusal!.t).toBeLessThanOrEqual(flag.t);
    }
    // Every request that waited for the approver is counted as held, none of them as denied.
    const held = runs.reduce((n, r) => n + r.metrics.heldForApproval, 0);
    const asked = runs.reduce((n, r) => n + r.trace.filter((e) => e.type === 'attack.held').length, 0);
    expect(held).toBeGreaterThan(0);
    expect(held).toBe(asked);
  });
});
