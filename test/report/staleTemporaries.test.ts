// A writer killed with kill -9 leaves its temporary file; the next write to the same target removes it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTemporaries, writeFileAtomic } from '../../sim/report/writeFileAtomic.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('temporary files of killed writers', () => {
  it('are removed by the next write to the same target, and only those', () => {
    const sub = mkdtempSync(join(dir, 'a-'));
    const target = join(sub, 'out.json');
    const live = spawn('sleep', ['30']);
    try {
      const dead = `.out.json.${deadPid()}.tmp`;
      const running = `.out.json.${live.pid}.tmp`;
      const other = `.other.json.${deadPid()}.tmp`;
      for (const name of [dead, running, other]) writeFileSync(join(sub, name), 'half written');
      writeFileAtomic(target, 'whole\n');
      expect(readFileSync(target, 'utf8')).toBe('whole\n');
      expect(readdirSync(sub).sort()).toEqual([running, other, 'out.json'].sort());
    } finally {
      live.kill();
    }
  });

  it('are removed when older than an hour even if their process id is in use again', () => {
    const sub = mkdtempSync(join(dir, 'b-'));
    const old = join(sub, `.out.json.${process.ppid}.tmp`);
    writeFileSync(old, 'half');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(removeStaleTemporaries(join(sub, 'out.json'))).toEqual([`.out.json.${process.ppid}.tmp`]);
  });

  it('after a real kill -9 in the middle of writing', async () => {
    const sub = mkdtempSync(join(dir, 'c-'));
    const target = join(sub, 'out.json');
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(new URL('../../dist/report/writeFileAtomic.js', import.meta.url).href)};
      const big = 'x'.repeat(64 * 1024 * 1024);
      process.stdout.write('ready\\n');
      for (;;) writeFileAtomic(${JSON.stringify(target)}, big);
    `;
    // The built library (the tests' global setup builds it): a child process runs no TypeScript.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ready) => child.stdout!.once('data', () => ready()));
    // Kill while a temporary file exists.
    for (let i = 0; i < 200 && !readdirSync(sub).some((n) => n.endsWith('.tmp')); i++)
      await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = readdirSync(sub).filter((n) => n.endsWith('.tmp'));
    writeFileAtomic(target, 'after\n');
    expect(readdirSync(sub)).toEqual(['out.json']);
    expect(readFileSync(target, 'utf8')).toBe('after\n');
    expect(left.length).toBeLessThanOrEqual(1); // it usually left one: the point of the test
  }, 30_000);
});
