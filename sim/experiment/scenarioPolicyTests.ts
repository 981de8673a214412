// Runs the policy tests of a scenario's zero-trust designs: the bridge from the file format to the PDP.
import type { Scenario } from '../model/schema.js';
import { compilePolicy } from '../policy/compile.js';
import { PolicyError } from '../policy/errors.js';
import { runPolicyTests, type Directory, type PolicyTestResult } from '../policy/policyTests.js';
import { didYouMean } from '../model/suggest.js';
import type { ResourceAttributes } from '../policy/types.js';
import { assetLevel } from '../model/plantModel.js';
import { Vocabulary } from '../model/vocabulary.js';

export interface DesignPolicyResult {
  design: string;
  /** Set when the design's policy does not compile (e.g. an unknown window). */
  error: string | null;
  tests: PolicyTestResult[];
}

export interface ScenarioPolicyReport {
  designs: DesignPolicyResult[];
  passed: number;
  failed: number;
  ok: boolean;
}

/** Resource attributes from the plant: level is the Purdue level of the asset's zone. */
export function directoryFromScenario(scenario: Scenario): Directory {
  const levels = new Map(scenario.plant.zones.map((z) => [z.id, z.level]));
  const assets = new Map<string, ResourceAttributes>();
  for (const a of scenario.plant.assets) {
    const zone = levels.get(a.zone);
    const level = zone === undefined ? NaN : assetLevel(zone, a);
    const resource: ResourceAttributes = { id: a.id, zone: a.zone, kind: a.kind, level };
    if (a.line !== undefined) resource.line = a.line;
    assets.set(a.id, resource);
  }
  const users = new Map(scenario.identities.users.map((u) => [u.id, u]));
  const devices = new Map(scenario.identities.devices.map((d) => [d.id, d]));
  return {
    user: (id) => users.get(id),
    device: (id) => devices.get(id),
    asset: (id) => assets.get(id),
    names: (kind) => (kind === 'user' ? users : kind === 'device' ? devices : assets).keys(),
    actions: new Set(new Vocabulary(scenario.protocols).actionNames()),
  };
}

/** Every design with a `zt` section, or only `designId`; a design that is missing or has no zt throws. */
export function runScenarioPolicyTests(scenario: Scenario, designId?: string): ScenarioPolicyReport {
  let designs = scenario.designs.filter((d) => d.zt !== undefined);
  if (designId !== undefined) {
    const named = scenario.designs.find((d) => d.id === designId);
    if (named === undefined) {
      const ids = scenario.designs.map((d) => d.id);
      const hint = didYouMean(designId, ids) || ` (designs: ${ids.join(', ') || 'none'})`;
      throw new PolicyError('invalid-argument', `unknown design "${designId}"${hint}`);
    }
    if (named.zt === undefined)
      throw new PolicyError('invalid-argument', `design "${designId}" has no zt section, so no policy to test`);
    designs = [named];
  }
  const directory = directoryFromScenario(scenario);
  const results = designs.map((design): DesignPolicyResult => {
    const policy = design.zt!.policy;
    try {
      const compiled = compilePolicy(policy.rules, scenario.windows);
      return { design: design.id, error: null, tests: runPolicyTests(compiled, policy.tests, directory) };
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      return { design: design.id, error: error.message, tests: [] };
    }
  });
  let passed = 0;
  let failed = 0;
  for (const d of results) {
    if (d.error !== null) failed++;
    for (const t of d.tests) {
      failed += t.errors.length;
      for (const c of t.cases) {
        if (c.ok) passed++;
        else failed++;
      }
    }
  }
  return { designs: results, passed, failed, ok: failed === 0 };
}
