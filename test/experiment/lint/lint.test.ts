import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerLint } from '../../../sim/cli/commands/lint.js';
import { runCommand } from '../../helpers/inProcessCli.js';

const fixture = (name: string) => `test/fixtures/lint/${name}`;
const lint = (...args: string[]) => runCommand(registerLint, ['lint', ...args]);

/** `rule line:col` of every finding the text output prints. */
function placed(out: string): string[] {
  return out.split('\n').flatMap((l) => {
    const m = /^[^:]+:(\d+):(\d+) .*\[([a-z-]+)\]$/.exec(l);
    return m === null ? [] : [`${m[3]} ${m[1]}:${m[2]}`];
  });
}

describe('segsim lint', () => {
  it('flags every planted finding at its line and column, and none that a comment disables', async () => {
    const r = await lint(fixture('planted.yaml'));
    expect(r.code).toBe(1);
    expect(placed(r.out)).toEqual([
      'unknown-lint-rule 2:23',
      'cached-credential-reachable 18:92',
      'zt-remote-desktop-conduit 26:7',
      'shared-account-without-mfa 47:18',
      'write-without-approval 55:36',
      'rule-shadowed 57:17',
      'rule-matches-nothing 63:23',
      'rule-untested 66:17',
      'internet-facing-controller 88:52',
    ]);
    // integrator-line2 writes without approval too, but the comment above its actions disables that.
    expect(r.out).not.toContain('integrator-line2');
    expect(r.out).toContain('lint: 4 errors, 5 warnings, 0 notes in 1 file');
  });

  it('says what each finding is about', async () => {
    const { out } = await lint(fixture('planted.yaml'));
    expect(out).toContain(
      'rule "vendor-reads-plc1" of zt never decides: earlier rule "vendor-line1" grants everything it does under conditions no stricter',
    );
    expect(out).toContain('rule "vendor-line1" of zt grants modbus.write to vendor without a just-in-time approval');
    expect(out).toContain("zero-trust design zt inherits the plant's conduit office → ops (rdp)");
    expect(out).toContain('jump caches admin and opens a remote logon to the remote side: vpn: vpn-client (rdp)');
  });

  it('finds nothing on a clean scenario and exits 0', async () => {
    expect(await lint(fixture('clean.yaml'))).toEqual({
      code: 0,
      out: 'lint: 0 errors, 0 warnings, 0 notes in 1 file\n',
      err: '',
    });
  });

  it('exits 1 only at the --fail-on severity', async () => {
    expect((await lint(fixture('planted.yaml'), '--fail-on', 'never')).code).toBe(0);
    expect((await lint('scenarios/oem-remote-service.yaml', '--fail-on', 'error')).code).toBe(1);
  });

  it('prints GitHub workflow annotations with file, line and column', async () => {
    const { out } = await lint(fixture('planted.yaml'), '--format', 'github');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines).toContain(
      '::error file=test/fixtures/lint/planted.yaml,line=47,col=18,title=segsim lint shared-account-without-mfa::the VPN of vpn opens with "shared-vpn", shared by vendor, integrator, without a second factor: whoever holds the password is any of them',
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(5);
  });

  it('stops with exit 2 on an invalid scenario, naming file:line:col', async () => {
    const r = await lint('test/fixtures/lint/does-not-exist.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('test/fixtures/lint/does-not-exist.yaml:1:1  cannot read file: no such file (ENOENT)');
  });

  it('lists its rules', async () => {
    const { out } = await lint('--list-rules');
    expect(out.split('\n').filter((l) => l !== '')).toHaveLength(9);
    expect(out).toMatch(/^write-without-approval +error +/);
  });
});

describe('segsim lint on the bundled scenarios', () => {
  // What lint says about the library, rule by rule, reviewed by hand: the VPN designs share static
  // vendor accounts and land next to hosts with cached logons (the "before" each plant shows), and
  // many host-to-controller rules have no policy test. No grant skips approval, no rule is dead.
  it('reports only the findings that are true of them', async () => {
    const files = readdirSync(resolve('scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/${f}`);
    const counts: Record<string, Record<string, number>> = {};
    for (const file of files) {
      const { out } = await lint(file);
      const byRule: Record<string, number> = {};
      for (const p of placed(out)) {
        const rule = p.split(' ')[0]!;
        byRule[rule] = (byRule[rule] ?? 0) + 1;
      }
      counts[file] = byRule;
    }
    expect(counts).toMatchInlineSnapshot(`
      {
        "scenarios/automotive-multiline.yaml": {
          "cached-credential-reachable": 22,
          "rule-untested": 26,
          "shared-account-without-mfa": 2,
        },
        "scenarios/migration.yaml": {
          "cached-credential-reachable": 6,
          "rule-untested": 4,
          "shared-account-without-mfa": 1,
        },
        "scenarios/oem-remote-service.yaml": {
          "cached-credential-reachable": 2,
          "rule-untested": 1,
          "shared-account-without-mfa": 1,
        },
        "scenarios/pharma.yaml": {
          "cached-credential-reachable": 4,
          "rule-untested": 10,
          "shared-account-without-mfa": 3,
        },
        "scenarios/water-utility.yaml": {
          "cached-credential-reachable": 3,
          "rule-untested": 5,
          "shared-account-without-mfa": 1,
        },
      }
    `);
  });
});
