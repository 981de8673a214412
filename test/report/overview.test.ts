import { describe, expect, it } from 'vitest';
import { overviewSentence } from '../../sim/report/overview.js';

const attack = (id: string, shares: Record<string, number>) => ({
  attack: id,
  designs: Object.entries(shares).map(([d, plcReached]) => ({ id: d, plcReached })),
});

describe('the paragraph over every attack', () => {
  it('names the design that does best on average and every attack where another does better', () => {
    expect(
      overviewSentence([
        attack('stolen', { flat: 1, seg: 0.56, zt: 0 }),
        attack('laptop', { flat: 1, seg: 0.56, zt: 0.94 }),
      ]),
    ).toBe(
      'Across 2 attacks, zt lets a PLC fall least often: 47% of runs on average (0% to 94% by attack), against 100% for flat and 56% for seg. Under laptop, seg (56%) does better than zt (94%).',
    );
  });

  it('says when the design makes no difference, and reads right for one attack', () => {
    expect(overviewSentence([attack('panel', { a: 1, b: 1 }), attack('vpn', { a: 1, b: 0 })])).toBe(
      'Across 2 attacks, b lets a PLC fall least often: 50% of runs on average (0% to 100% by attack), against 100% for a. Under panel every design lets a PLC fall in 100% of runs.',
    );
    expect(overviewSentence([attack('stolen', { flat: 1, zt: 0 })])).toBe(
      'Under stolen, zt lets a PLC fall least often: 0% of runs, against 100% for flat.',
    );
  });
});
