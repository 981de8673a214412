// The outputs docs/ci.md quotes from lint and diff are what the commands print today.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const doc = readFileSync('docs/ci.md', 'utf8');

function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [resolve('bin/segsim.mjs'), ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1' } },
      (error, out) => done({ code: error === null ? 0 : Number(error.code), out }),
    ),
  );
}

describe('docs/ci.md', () => {
  it('quotes the diff of pharma with the OEM VNC grant widened to line 2 as segsim prints it', async () => {
    const block = /```\n\$ (segsim diff scenarios\/pharma.yaml pharma-vnc.yaml)\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'segsim-docs-'));
    mkdirSync(join(dir, 'scenarios'));
    copyFileSync('scenarios/pharma.yaml', join(dir, 'scenarios', 'pharma.yaml'));
    const pharma = readFileSync('scenarios/pharma.yaml', 'utf8');
    const from = '            resources: [{ line: line1, kind: hmi }]';
    expect(pharma).toContain(from);
    writeFileSync(
      join(dir, 'pharma-vnc.yaml'),
      pharma.replace(from, '            resources: [{ line: line1, kind: hmi }, { line: line2, kind: hmi }]'),
    );
    const r = await run(dir, ...block![1]!.split(' ').slice(1));
    expect(r.code).toBe(1);
    expect(r.out).toBe(block![2]);
  });

  it('quotes a GitHub annotation that segsim lint prints for pharma', async () => {
    const quoted = doc.split('\n').find((l) => l.startsWith('::warning file=scenarios/pharma.yaml'));
    expect(quoted).toBeDefined();
    const r = await run(process.cwd(), 'lint', 'scenarios/pharma.yaml', '--format', 'github');
    expect(r.out.split('\n')).toContain(quoted);
  });
});
