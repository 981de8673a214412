import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TECHNIQUES, techniqueFor } from '../../sim/attack/techniques.js';
import { TECHNIQUE_CATALOG, type TechniqueUse } from '../../sim/model/techniques.js';

/** Parts the engine asks the catalog for by name: exactly one technique may play each. */
const ONE_PLAYER: TechniqueUse[] = [
  'remote-login',
  'internet-entry',
  'phishing-entry',
  'network-scan',
  'session-enumeration',
  'tool-transfer',
  'granted-connection',
  'connection-attempt',
  'exploit',
  'unauthenticated-command',
  'project-download',
  'default-credential',
  'valid-account',
  'line-impact',
];

describe('the technique catalog', () => {
  it('has one entry per id', () => {
    expect(TECHNIQUES.size).toBe(TECHNIQUE_CATALOG.length);
  });

  it('names one technique for every part the engine asks for', () => {
    for (const use of ONE_PLAYER) {
      const players = TECHNIQUE_CATALOG.filter((t) => t.uses.includes(use)).map((t) => t.id);
      expect(players, use).toEqual([techniqueFor(use)]);
    }
  });

  it('commands a controller in every technique of the process-control tactics', () => {
    for (const t of TECHNIQUE_CATALOG)
      if (t.tactic === 'impair-process-control' || t.tactic === 'impact' || t.tactic === 'inhibit-response')
        expect(t.uses, t.id).toContain('command-controller');
  });

  it('is the only place the engine meets a technique id', () => {
    const dirs = ['sim/attack', 'sim/defense', 'sim/workload', 'sim/world', 'sim/simulation', 'sim/metrics'];
    const named = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .filter((f) => /'T0\d{3}'/.test(readFileSync(join(dir, f), 'utf8')))
        .map((f) => `${dir}/${f}`),
    );
    expect(named).toEqual([]);
  });
});
