// Progress where stderr is no terminal (CI logs, pipes): a line as each phase starts, every few
// seconds with done/total, rate and a smoothed time left, and at the end of the runs.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatDuration, SmoothedRate } from '../../sim/cli/progressRate.js';

const SMALL = 'test/fixtures/check/small.yaml';

function compare(progress: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  if (progress === undefined) delete env.SEGSIM_PROGRESS;
  else env.SEGSIM_PROGRESS = progress;
  return new Promise<{ code: number; err: string }>((done) =>
    execFile(
      process.execPath,
      ['bin/segsim.mjs', 'compare', SMALL, '--runs', '2000'],
      { encoding: 'utf8', env },
      (error, _out, err) => done({ code: error === null ? 0 : Number(error.code), err }),
    ),
  );
}

describe.concurrent('progress in CI', () => {
  it('a 2,000-run compare with CI=true and stderr piped names its phases and counts its runs', async () => {
    const r = await compare(undefined);
    expect(r.code).toBe(0);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('segsim: runs: 4000 to do');
    expect(lines.at(-2)).toMatch(/^segsim: runs 4000\/4000 in \d+s \(\d+\/s\)$/);
    expect(lines.at(-1)).toBe('segsim: static worst cases…');
    for (const line of lines.slice(1, -2))
      expect(line).toMatch(/^segsim: runs \d+\/4000 \(\d+%\), [\d.]+\/s, about \d+s left$/);
  });

  it('prints a line at the pace SEGSIM_PROGRESS sets, the runs done only ever growing', async () => {
    const r = await compare('0.05');
    const periodic = r.err.split('\n').filter((l) => / \(\d+%\), /.test(l));
    expect(periodic.length).toBeGreaterThan(1);
    const done = periodic.map((l) => Number(/runs (\d+)\//.exec(l)![1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('says nothing with SEGSIM_PROGRESS=off', async () => {
    expect((await compare('off')).err).toBe('');
  });
});

describe('SmoothedRate', () => {
  it('at a steady pace, counts down the time left second by second', () => {
    const rate = new SmoothedRate();
    const left: number[] = [];
    for (let t = 0; t <= 20; t += 5) {
      rate.observe(t, 100 * t);
      left.push(rate.secondsLeft(10_000 - 100 * t) ?? Number.NaN);
    }
    expect(left.slice(1)).toEqual([95, 90, 85, 80]);
  });

  it('follows a change of pace without jumping at one odd sample', () => {
    const rate = new SmoothedRate();
    let done = 0;
    const left: number[] = [];
    // 100/s, one burst sample at 400/s, then 100/s again: the estimate moves, but by far less than 4×.
    [100, 100, 400, 100, 100].forEach((r, k) => {
      done += r * 5;
      rate.observe(5 * (k + 1), done);
      if (k > 0) left.push(rate.secondsLeft(10_000 - done)!);
    });
    for (let k = 1; k < left.length; k++) expect(left[k]! / left[k - 1]!).toBeGreaterThan(0.5);
    expect(rate.perSecond()).toBeGreaterThan(100);
    expect(rate.perSecond()).toBeLessThan(250);
  });

  it('says nothing before it has a rate', () => {
    const rate = new SmoothedRate();
    rate.observe(0, 0);
    expect(rate.secondsLeft(10)).toBeNull();
  });

  it('writes durations as people read them', () => {
    expect([0.4, 7, 65, 3599, 7380].map(formatDuration)).toEqual(['0s', '7s', '1m05s', '59m59s', '2h03m']);
  });
});
