import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAudit } from '../../sim/cli/commands/audit.js';
import { AuditLog } from '../../sim/policy/audit.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-audit-'));

function run(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const program = new Command('segsim').exitOverride().configureOutput({
    writeOut: (text) => (out += text),
    writeErr: (text) => (err += text),
  });
  registerAudit(program);
  process.exitCode = undefined;
  program.parse(['audit', 'verify', ...args], { from: 'user' });
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}

function logFile(name: string, text?: string): { path: string; head: string } {
  const log = new AuditLog();
  log.append(0, { type: 'session.open', session: 's1' });
  log.append(5, { type: 'policy.decision', effect: 'allow' });
  log.append(9, { type: 'session.close', session: 's1' });
  const path = join(dir, name);
  writeFileSync(path, text ?? log.toJsonLines());
  return { path, head: log.head };
}

describe('segsim audit verify', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('prints the record count and head of an intact log', () => {
    const { path, head } = logFile('good.jsonl');
    expect(run(path)).toEqual({ code: 0, out: `ok: 3 records, head ${head}\n`, err: '' });
    expect(run(path, '--head', head.toUpperCase()).code).toBe(0);
  });

  it('points at file and line of the first bad record, exit 1', () => {
    const { path } = logFile('good.jsonl');
    const tampered = logFile('tampered.jsonl', readFileSync(path, 'utf8').replace('allow', 'alloW')).path;
    const result = run(tampered);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.startsWith(`${tampered}:2: record seq 2 was altered`)).toBe(true);
  });

  it('detects a truncated tail only with --head', () => {
    const { path, head } = logFile('full.jsonl');
    const cut = `${readFileSync(path, 'utf8').split('\n').slice(0, 2).join('\n')}\n`;
    const truncated = logFile('cut.jsonl', cut);
    expect(run(truncated.path).code).toBe(0);
    const result = run(truncated.path, '--head', head);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${truncated.path}:3: `);
  });

  it('exits 2 with a one-line message when the file cannot be read or --head is not a hash', () => {
    const missing = run(join(dir, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`segsim: cannot read audit log ${join(dir, 'nope.jsonl')}: no such file\n`);
    expect(run(dir).err).toContain('is a directory');
    const { path } = logFile('good.jsonl');
    const badHead = run(path, '--head', 'abc');
    expect(badHead.code).toBe(2);
    expect(badHead.err).toContain('--head must be 64 hex digits');
  });
});
