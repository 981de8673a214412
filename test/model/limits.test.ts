import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, problems } from '../scenario/scratch.js';
import { vpnPlant, type OddNumbers } from '../helpers/oddScenarios.js';
import { describeRange, LIMITS } from '../../sim/model/limits.js';

afterAll(removeScratch);

const check = (numbers: Partial<OddNumbers>) => problems({ 'odd.yaml': vpnPlant(numbers) });

describe('bounds on scenario numbers', () => {
  it('leaves the ordinary scenario valid', () => {
    expect(check({})).toEqual(['ok']);
  });

  // Each of these validated before and then hung, overflowed or printed non-finite numbers.
  it.each<[string, Partial<OddNumbers>, RegExp]>([
    ['a zero interarrival', { INTERARRIVAL: '0' }, /workload\[0\]\.interarrival\)? {2}the mean interval is 0 h, below/],
    ['a tiny interarrival', { INTERARRIVAL: '1e-300' }, /workload\[0\]\.interarrival\)? .*below the shortest allowed/],
    [
      'a tiny exponential mean',
      { INTERARRIVAL: '{ dist: exponential, mean: 1.0e-12 }' },
      /interarrival\.mean(?: \([^)]*\))? {2}must be between 1e-6 and 100000 h, got 1e-12/,
    ],
    [
      'a nanosecond sweep',
      { SWEEP: '1.0e-9' },
      /designs\[1\]\.zt\.sweepHours\)? {2}must be between 0\.01 and 100000 h/,
    ],
    [
      'a billion-hour horizon',
      { HORIZON: '1.0e9' },
      /horizonHours {2}must be between 0\.01 and 87600 h, got 1000000000/,
    ],
    [
      'an exponential mean that overflows',
      { EXPLOIT: '{ dist: exponential, mean: 1.0e308 }' },
      /timeToExploit\.mean(?: \([^)]*\))? {2}must be between 1e-6 and 100000 h, got 1e\+308/,
    ],
    [
      'a lognormal sigma that overflows',
      { DELAY: '{ dist: lognormal, median: 1, sigma: 1000 }' },
      /sensors\[0\]\.delay\.sigma\)? {2}must be above 0 and at most 4, got 1000/,
    ],
    [
      'a value that overflows the loss',
      { VALUE: '1.0e308' },
      /valuePerHour(?: \([^)]*\))? {2}must be between 0 and 1e12 per h/,
    ],
    ['a huge connect time', { CONNECT: '1.0e300' }, /connectHours(?: \([^)]*\))? {2}must be between 0 and 100000 h/],
    ['a huge work duration', { DURATION: '1.0e300' }, /workload\[0\]\.duration\)? {2}must be between 0 and 100000 h/],
  ])('refuses %s with a located message', (_, numbers, message) => {
    const found = check(numbers);
    expect(found).toContainEqual(expect.stringMatching(message));
    for (const line of found) expect(line).toMatch(/^odd\.yaml:\d+:\d+ {2}\S/);
  });

  it('refuses a billion runs in an expectation', () => {
    const text = `${vpnPlant()}\nexpect: [{ design: v, attack: a, metric: compromisedAssets, max: 1, runs: 1000000000 }]\n`;
    expect(problems({ 'odd.yaml': text })).toEqual([
      expect.stringMatching(/expect\[0\]\.runs\)? {2}must be between 1 and 100000 runs, got 1000000000/),
    ]);
  });

  it('states every range once, with a reason', () => {
    for (const limit of Object.values(LIMITS)) {
      expect(limit.min).toBeLessThan(limit.max);
      expect(limit.reason.length).toBeGreaterThan(10);
    }
    expect(describeRange(LIMITS.valuePerHour)).toBe('between 0 and 1e12 per h');
  });
});
