// A short, machine-readable description of a loaded scenario.
import type { Scenario } from './schema.js';

export interface ScenarioSummary {
  name: string | null;
  zones: { id: string; level: number; subnet: string; assets: number }[];
  lines: { id: string; name: string | null; valuePerHour: number; assets: number }[];
  assetsByKind: Record<string, number>;
  assets: number;
  designs: string[];
  designKinds: Record<string, string[]>;
  attacks: string[];
  policyTests: number;
  expectations: number;
}

export function summarize(s: Scenario): ScenarioSummary {
  const count = (pred: (a: Scenario['plant']['assets'][number]) => boolean) => s.plant.assets.filter(pred).length;
  const assetsByKind: Record<string, number> = {};
  for (const a of s.plant.assets) assetsByKind[a.kind] = (assetsByKind[a.kind] ?? 0) + 1;
  return {
    name: s.name ?? null,
    zones: s.plant.zones.map((z) => ({ id: z.id, level: z.level, subnet: z.subnet, assets: count((a) => a.zone === z.id) })),
    lines: s.plant.lines.map((l) => ({ id: l.id, name: l.name ?? null, valuePerHour: l.valuePerHour, assets: count((a) => a.line === l.id) })),
    assetsByKind: Object.fromEntries(Object.entries(assetsByKind).sort(([a], [b]) => a.localeCompare(b))),
    assets: s.plant.assets.length,
    designs: s.designs.map((d) => d.id),
    designKinds: Object.fromEntries(
      s.designs.map((d) => [d.id, [d.vpn && 'vpn', d.zt && 'zero-trust', d.gateways.length > 0 && 'enclave-gateways'].filter((x): x is string => typeof x === 'string')]),
    ),
    attacks: s.attacks.map((a) => a.id),
    policyTests: s.designs.reduce((n, d) => n + (d.zt?.policy.tests.length ?? 0), 0),
    expectations: s.expect.length,
  };
}
