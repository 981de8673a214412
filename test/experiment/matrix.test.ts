import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segsim } from '../helpers/cli.js';
import { PHARMA } from './pharma.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-matrix-'));

interface MatrixJson {
  generator: string;
  kind: string;
  runs: number;
  attacks: {
    id: string;
    designs: {
      id: string;
      summary: { plcReachedProbability: number; compromisedAssets: { mean: number } };
      staticWorstCase: { assets: number; plcs: number; lines: string[] };
    }[];
  }[];
}

describe.concurrent('segsim matrix', () => {
  it('puts every design under every attack, each cell what compare says for it, and writes the same files twice', async () => {
    const [a, b, md] = [join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'a.md')];
    const [first, second, compared] = await Promise.all([
      segsim('matrix', PHARMA, '--runs', '20', '--json', a, '--md', md),
      segsim('matrix', PHARMA, '--runs', '20', '--json', b),
      segsim('compare', PHARMA, '--attack', 'approval-fatigue', '--runs', '20', '--json', join(dir, 'compare.json')),
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(compared.code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    const lines = first.out.split('\n');
    expect(lines[0]).toBe(
      'Pharmaceutical plant, three production lines: 5 designs × 4 attacks, 20 runs per design and attack, seed 1, the same seeds for every design and attack',
    );
    expect(first.out).toContain('P(PLC reached) · static worst case, assets/PLCs/lines');
    expect(lines.filter((l) => l.startsWith('approval-fatigue '))).toHaveLength(6); // one row in each of the six tables
    expect(first.out).toContain('Technician time-to-access, mean');

    const matrix = JSON.parse(readFileSync(a, 'utf8')) as MatrixJson;
    expect(matrix).toMatchObject({ generator: 'segsim', kind: 'matrix', runs: 20 });
    expect(matrix.attacks.map((x) => x.id)).toEqual([
      'stolen-vendor-credential',
      'compromised-vendor-laptop',
      'targeted-sterile-filling',
      'approval-fatigue',
    ]);
    const bundle = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as {
      designs: {
        id: string;
        summary: { plcReachedProbability: number; compromisedAssets: { mean: number } };
        staticBlastRadius: { assets: string[] };
      }[];
    };
    const row = matrix.attacks.find((x) => x.id === 'approval-fatigue')!;
    for (const d of bundle.designs) {
      const cell = row.designs.find((x) => x.id === d.id)!;
      expect(cell.summary.plcReachedProbability).toBe(d.summary.plcReachedProbability);
      expect(cell.summary.compromisedAssets.mean).toBe(d.summary.compromisedAssets.mean);
      expect(cell.staticWorstCase.assets).toBe(d.staticBlastRadius.assets.length);
    }
    expect(readFileSync(md, 'utf8')).toMatch(
      /^# Pharmaceutical plant, three production lines: every design under every attack\n[\s\S]*\n## P\(PLC reached\) · static worst case, assets\/PLCs\/lines\n\n\| attack \| `vpn-flat` \| `vpn-segmented` \| `zt` \| `vpn-seg-plc-pw` \| `zt-plc-pw` \|\n/,
    );
  });

  it('takes a subset of designs and attacks in the order given', async () => {
    const r = await segsim(
      'matrix',
      PHARMA,
      '--runs',
      '5',
      '--designs',
      'zt,vpn-flat',
      '--attacks',
      'approval-fatigue,stolen-vendor-credential',
    );
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[2]).toMatch(/^Across 2 attacks, zt lets a PLC fall least often: /);
    const table = lines.slice(6, 10);
    expect(table[0]).toMatch(/^attack +zt +vpn-flat$/);
    expect(table[2]).toMatch(/^approval-fatigue /);
    expect(table[3]).toMatch(/^stolen-vendor-credential /);
  });

  it('names an unknown attack with a suggestion, exits 2 and writes nothing', async () => {
    const out = join(dir, 'bad.json');
    const r = await segsim('matrix', PHARMA, '--attacks', 'approval-fatigu', '--json', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('has no attack "approval-fatigu" (did you mean "approval-fatigue"?)');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
