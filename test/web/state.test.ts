import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseState, stateHash, TAB_IDS, type ViewState } from '../../web/src/state.js';

describe('the URL state', () => {
  it('reads back what it writes', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._()-]{0,20}$/);
    const state = fc.record(
      {
        tab: fc.constantFrom(...TAB_IDS),
        attack: id,
        design: id,
        asset: id,
        t: fc.integer({ min: 0, max: 100_000 }).map((x) => x / 1000),
        theme: fc.constantFrom('dark' as const, 'light' as const),
        palette: fc.constantFrom('risk' as const, 'cividis' as const),
      },
      { requiredKeys: ['tab'] },
    );
    fc.assert(
      fc.property(state, (s: ViewState) => {
        expect(parseState(stateHash(s))).toEqual({ ...s });
      }),
      { seed: 42 },
    );
  });

  it('reads a bare tab, as older links carry, and ignores what it does not know', () => {
    expect(parseState('#replay')).toEqual({ tab: 'replay' });
    expect(parseState('#print')).toEqual({ print: true });
    expect(parseState('#tab=nothing&t=-1&theme=pink&attack=a')).toEqual({ attack: 'a' });
    expect(parseState('')).toEqual({});
  });
});
