import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segsim } from '../helpers/cli.js';
import { parseSweepPath, parseSweepValues, SweepError, withValueAt } from '../../sim/experiment/sweep.js';
import { PHARMA } from './pharma.js';

const scenario = {
  designs: [{ id: 'zt', response: { time: 2 }, sensors: [{ kind: 'edr', probability: 0.3 }] }],
  attacks: [{ id: 'a1', strategy: 'spread' }],
};

describe('sweep paths and values', () => {
  it('sets a field by key, list id or list index, on a copy', () => {
    expect(withValueAt(scenario, ['designs', 'zt', 'response', 'time'], 8)).toMatchObject({
      designs: [{ response: { time: 8 } }],
    });
    expect(withValueAt(scenario, ['designs', '0', 'sensors', '0', 'probability'], 0.9)).toMatchObject({
      designs: [{ sensors: [{ probability: 0.9 }] }],
    });
    expect(withValueAt(scenario, ['attacks', 'a1', 'approvalFatigue'], 0.5)).toMatchObject({
      attacks: [{ id: 'a1', approvalFatigue: 0.5 }],
    });
    expect(scenario.designs[0]!.response.time).toBe(2);
  });

  it('names what is missing, with a suggestion', () => {
    expect(() => withValueAt(scenario, ['designs', 'zz', 'response'], 1)).toThrow(
      'designs has no item "zz" (did you mean "zt"?); it has: zt',
    );
    expect(() => withValueAt(scenario, ['designs', 'zt', 'respons', 'time'], 1)).toThrow(
      'designs.zt has no field "respons" (did you mean "response"?)',
    );
    expect(() => withValueAt(scenario, ['attacks', 'a1', 'strategy', 'x'], 1)).toThrow(
      'attacks.a1.strategy is a value',
    );
    expect(() => parseSweepPath('designs..zt')).toThrow(SweepError);
    expect(() => withValueAt(scenario, ['constructor', 'prototype', 'polluted'], 1)).toThrow(
      'the scenario has no field "constructor"',
    );
    expect(() => withValueAt(scenario, ['__proto__'], {})).toThrow(SweepError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads comma-separated scalars or a YAML flow list', () => {
    expect(parseSweepValues('0, 0.5,1')).toEqual([0, 0.5, 1]);
    expect(parseSweepValues('[2, {dist: exponential, mean: 8}]')).toEqual([2, { dist: 'exponential', mean: 8 }]);
    expect(() => parseSweepValues('')).toThrow(SweepError);
    expect(() => parseSweepValues('[1, ')).toThrow(SweepError);
  });

  it('reads ~ as "without the field", and an empty value as a slip', () => {
    expect(parseSweepValues('maintenance,~')).toEqual(['maintenance', null]);
    expect(parseSweepValues('[{by: plant-engineer}, null]')).toEqual([{ by: 'plant-engineer' }, null]);
    expect(() => parseSweepValues('0,,1')).toThrow('~ removes the field');
    expect(() => parseSweepValues('1,')).toThrow(SweepError);
  });

  it('removes a field or a list item for ~, and only one that exists', () => {
    const without = withValueAt(scenario, ['designs', 'zt', 'response'], null) as typeof scenario;
    expect(without.designs[0]).toEqual({ id: 'zt', sensors: [{ kind: 'edr', probability: 0.3 }] });
    expect(withValueAt(scenario, ['designs', 'zt', 'sensors', '0'], null)).toMatchObject({
      designs: [{ sensors: [] }],
    });
    expect((withValueAt(scenario, ['attacks', 'a1'], null) as typeof scenario).attacks).toEqual([]);
    expect(() => withValueAt(scenario, ['designs', 'zt', 'respons'], null)).toThrow(
      'designs.zt has no field "respons" (did you mean "response"?)',
    );
    expect(scenario.designs[0]!.response.time).toBe(2);
  });

  it('answers any --set text with a value or a SweepError, never another exception', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'designs',
        'zt',
        'attacks',
        'a1',
        'response',
        'time',
        'sensors',
        '0',
        '7',
        'strategy',
        'constructor',
        'prototype',
        '__proto__',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.string({ maxLength: 30 }), (segments, values) => {
        try {
          const path = parseSweepPath(segments.join('.'));
          for (const v of parseSweepValues(values)) withValueAt(scenario, path, v);
        } catch (err) {
          expect(err).toBeInstanceOf(SweepError);
        }
      }),
    );
  });

  it('never changes the original and sets exactly one field, whatever the path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['designs', 'zt', 'response', 'time'],
          ['designs', '0', 'sensors', '0', 'probability'],
          ['attacks', 'a1', 'x'],
        ),
        fc.double({ noNaN: true }),
        (path, v) => {
          const before = JSON.stringify(scenario);
          const after = withValueAt(scenario, path, v);
          expect(JSON.stringify(scenario)).toBe(before);
          let at: unknown = after;
          for (const seg of path.slice(0, -1))
            at = Array.isArray(at)
              ? /^\d+$/.test(seg)
                ? at[Number(seg)]
                : at.find((x) => x.id === seg)
              : (at as Record<string, unknown>)[seg];
          expect((at as Record<string, unknown>)[path[path.length - 1]!]).toBe(v);
        },
      ),
    );
  });
});

const dir = mkdtempSync(join(tmpdir(), 'segsim-sweep-'));

describe.concurrent('segsim sweep', () => {
  it('runs the attack the path names at every value, on the same seeds, and writes the same JSON twice', async () => {
    const [a, b, md] = [join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'a.md')];
    const set = 'attacks.approval-fatigue.approvalFatigue=0,1';
    const [first, second] = await Promise.all([
      segsim('sweep', PHARMA, '--set', set, '--runs', '30', '--json', a, '--md', md),
      segsim('sweep', PHARMA, '--set', set, '--runs', '30', '--json', b),
    ]);
    expect(readFileSync(md, 'utf8')).toMatch(
      /^# Pharmaceutical plant, three production lines: `attacks\.approval-fatigue\.approvalFatigue` swept\n[\s\S]*\n## P\(PLC reached\)\n\n\| value \| `vpn-flat` \| `vpn-segmented` \| `zt` \| `vpn-seg-plc-pw` \| `zt-plc-pw` \|\n/,
    );
    expect(second.code).toBe(0);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out.split('\n')[0]).toBe(
      'Sweep of attacks.approval-fatigue.approvalFatigue under approval-fatigue: 30 runs per design and value, seed 1, the same seeds at every value',
    );
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    const sweep = JSON.parse(readFileSync(a, 'utf8'));
    expect(sweep).toMatchObject({
      generator: 'segsim',
      kind: 'sweep',
      attack: { id: 'approval-fatigue' },
      set: 'attacks.approval-fatigue.approvalFatigue',
      runs: 30,
    });
    const zt = sweep.points.map(
      (p: { designs: { id: string; summary: { plcReachedProbability: number } }[] }) =>
        p.designs.find((d) => d.id === 'zt')!.summary.plcReachedProbability,
    );
    const flat = sweep.points.map(
      (p: { designs: { id: string; summary: { plcReachedProbability: number } }[] }) =>
        p.designs.find((d) => d.id === 'vpn-flat')!.summary.plcReachedProbability,
    );
    expect(zt[0]).toBe(0);
    expect(zt[1]).toBeGreaterThan(0.5);
    expect(flat[0]).toBe(flat[1]); // no approvals on a VPN: the same seeds give the same runs
  });

  it('checks every value like the file itself, and runs nothing when one is wrong', async () => {
    const out = join(dir, 'bad.json');
    const bad = await segsim(
      'sweep',
      PHARMA,
      '--set',
      'attacks.approval-fatigue.approvalFatigue=0,2',
      '--runs',
      '5',
      '--json',
      out,
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /^scenarios\/pharma\.yaml:\d+:\d+ {2}attacks\.approval-fatigue\.approvalFatigue \(attacks\[3\]\.approvalFatigue\) {2}must be between 0 and 1, got [\d.]+ \(see docs\/limits\.md\)$/m,
    );
    expect(bad.err).toContain('--set attacks.approval-fatigue.approvalFatigue=2: 1 problem, nothing was run');
    expect(existsSync(out)).toBe(false);
    const typo = await segsim('sweep', PHARMA, '--set', 'designs.zt.respons.time=1');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('designs.zt has no field "respons" (did you mean "response"?)');
    expect(typo.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
