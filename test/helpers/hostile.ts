// Hostile text for every name and description a scenario has: markup, comment markers, terminal
// escape sequences, bidi overrides, XML-invalid characters, Markdown syntax and line breaks.
import { parse } from 'yaml';
import { vpnPlant } from './oddScenarios.js';

export const HOSTILE_STRINGS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'open <!-- comment',
  '\u001b[31mred\u001b]0;title\u0007',
  '\u009b31m c1 \u202e reversed',
  ']]> & "quotes" \'apos\' `tick` | pipe | *star* _under_ [link](javascript:window.__pwned=1)',
  'line\nbreak\r\ttab \u0000 nul \uffff',
];

export const HOSTILE = HOSTILE_STRINGS.join(' ~ ');

type Raw = Record<string, unknown>;
const named = (items: unknown, fields: readonly string[]) => {
  for (const item of items as Raw[]) for (const f of fields) item[f] = HOSTILE;
};

/** The odd-scenario plant with HOSTILE in every free-text field, an expectation and a policy test, as JSON (which is YAML). */
export function hostileScenario(): string {
  const s = parse(vpnPlant()) as Raw & { plant: Raw; identities: Raw; designs: Raw[]; attacks: Raw[] };
  s.name = HOSTILE;
  s.description = HOSTILE;
  named(s.plant.zones, ['name']);
  named(s.plant.lines, ['name']);
  named(s.plant.assets, ['name']);
  named(s.identities.users, ['name']);
  named(s.designs, ['name', 'description']);
  named(s.attacks, ['name', 'description']);
  const zt = s.designs[1]!.zt as { policy: { rules: Raw[]; tests?: Raw[] } };
  named(zt.policy.rules, ['description']);
  zt.policy.tests = [{ name: HOSTILE, user: 'u', device: 'lap', deny: ['h:s7.program'] }];
  s.expect = [
    { name: HOSTILE, design: 'v', attack: 'a', neverCompromise: 'h', runs: 3 },
    { name: HOSTILE, design: 'z', attack: 'a', metric: 'compromisedAssets', max: 100, runs: 3 },
  ];
  return `${JSON.stringify(s, null, 2)}\n`;
}
