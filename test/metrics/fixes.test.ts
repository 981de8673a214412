import { describe, expect, it } from 'vitest';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { fixCandidates } from '../../sim/metrics/fixCandidates.js';
import { rankFixes } from '../../sim/metrics/fixes.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { loadScenario } from '../../sim/scenario/load.js';

function pharma() {
  const r = loadScenario('scenarios/pharma.yaml');
  if (!r.ok) throw new Error('pharma does not load');
  const model = buildPlantModel(r.scenario);
  const design = (id: string) => r.scenario.designs.find((d) => d.id === id)!;
  const attack = (id: string) => r.scenario.attacks.find((a) => a.id === id)!;
  return { scenario: r.scenario, model, design, attack };
}

describe('rankFixes', () => {
  it('re-runs every candidate on a copy: what a fix reports is what the engine finds with the change applied', () => {
    const { model, design, attack } = pharma();
    const d = design('zt');
    const a = attack('compromised-vendor-laptop');
    const before = staticBlastRadius(new AccessLayer(model, d), a);
    const candidates = fixCandidates(model, d, before);
    const ranking = rankFixes(model, d, a, before);
    expect(ranking.tried).toBe(candidates.length);
    for (const fix of ranking.fixes) {
      const c = candidates.find((x) => x.change === fix.change)!;
      const changed = c.apply(model.scenario, d);
      const m = c.plant ? buildPlantModel(changed.scenario) : model;
      const after = staticBlastRadius(new AccessLayer(m, changed.design), a);
      expect([after.assets.length, after.plcs.length, after.lines.length], fix.change).toEqual([
        fix.after.assets,
        fix.after.plcs,
        fix.after.lines,
      ]);
      expect(fix.after.assets < fix.before.assets || fix.after.plcs < fix.before.plcs, fix.change).toBe(true);
    }
    // The copies leave the scenario as it was.
    expect(staticBlastRadius(new AccessLayer(model, d), a).assets).toEqual(before.assets);
    expect(ranking.fixes[0]).toMatchObject({
      kind: 'rule-approval',
      change: "require plant-engineer's approval for rule oem-hmi-line1",
      after: { plcs: 0 },
    });
  });

  it('tries only changes that touch a worst-case path: a reachable asset’s cached logon, never an unreached one’s', () => {
    const { model, design, attack } = pharma();
    const d = design('vpn-segmented');
    const before = staticBlastRadius(new AccessLayer(model, d), attack('stolen-vendor-credential'));
    const changes = fixCandidates(model, d, before).map((c) => c.change);
    expect(changes).toContain('stop caching ot-admin on jump-host (remove it, or rotate it after each use)');
    // scada caches ot-admin too, but the attack never reaches scada under this design.
    expect(before.assets).not.toContain('scada');
    expect(changes.some((c) => c.includes('on scada'))).toBe(false);
  });

  it('offers nothing when nothing is reachable', () => {
    const { model, design, attack } = pharma();
    expect(rankFixes(model, design('zt'), attack('stolen-vendor-credential'))).toMatchObject({ tried: 0, fixes: [] });
  });
});
