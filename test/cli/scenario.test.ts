// The scenario commands as a user runs them: a child process, exit codes, stdout and stderr.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { parse } from 'yaml';
import { PHARMA } from '../scenario/scratch.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { version: VERSION } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'segsim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// Processes start when a test asks for them, at most a few at a time; the rest wait their turn.
let running = 0;
const waiting: (() => void)[] = [];
const MAX_PROCESSES = 4;

async function segsim(...args: string[]): Promise<Run> {
  if (running >= MAX_PROCESSES) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await new Promise((done) => {
      execFile(
        process.execPath,
        ['bin/segsim.mjs', ...args],
        { cwd: repo, env: { ...process.env, NO_COLOR: '1' } },
        (err, stdout, stderr) => {
          const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
          done({ code, stdout, stderr });
        },
      );
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every stderr line is a located problem or the closing summary; nothing looks like a stack trace. */
function expectLocatedProblems(expect: ExpectStatic, stderr: string, ...files: string[]): string[] {
  expect(stderr).not.toContain('    at ');
  const lines = stderr.trimEnd().split('\n');
  const isLocated = (l: string) => files.some((f) => l.startsWith(`${f}:`));
  for (const line of lines.filter(isLocated)) expect(line).toMatch(/^.+:\d+:\d+ {2}\S/);
  expect(lines.filter((l) => !isLocated(l)).every((l) => l.startsWith('segsim: '))).toBe(true);
  return lines.filter((l) => l.startsWith(`${files[0]}:`));
}

// Reference problems only, so that all of them are reported in one run.
const badCopy = PHARMA.replace(
  'zone: line1-ctl, line: line1, ip: 10.41.1.10',
  'zone: line1-ctrl, line: line1, ip: 10.41.1.10',
)
  .replace('ip: 10.42.0.12', 'ip: 10.42.9.12')
  .replace('- { id: l3-plc2,', '- { id: l3-plc1,');

describe.concurrent('segsim validate', () => {
  it('accepts every scenario shipped in scenarios/', async ({ expect }) => {
    const files = readdirSync(join(repo, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/${f}`);
    expect(files).toContain('scenarios/pharma.yaml');
    const r = await segsim('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of files) expect(r.stdout).toContain(`ok    ${f}  `);
  });

  it('exits 2 on a bad copy, with every problem as file:line:col and no stack trace', async ({ expect }) => {
    const file = write('bad-pharma.yaml', badCopy);
    const r = await segsim('validate', 'scenarios/pharma.yaml', file);
    expect(r.code).toBe(2);
    const located = expectLocatedProblems(expect, r.stderr, file);
    expect(located.map((l) => l.slice(file.length))).toEqual([
      expect.stringMatching(
        /^:\d+:39 {2}plant\.assets\.l1-plc1\.zone \(plant\.assets\[\d+\]\.zone\) {2}unknown zone "line1-ctrl" \(did you mean "line1-ctl"\?\)$/,
      ),
      expect.stringMatching(
        /^:\d+:67 {2}plant\.assets\.l2-hmi2\.ip \(plant\.assets\[\d+\]\.ip\) {2}10\.42\.9\.12 is outside zone "line2-sup" subnet 10\.42\.0\.0\/24$/,
      ),
      expect.stringMatching(/^:\d+:13 {2}plant\.assets\[\d+\]\.id {2}duplicate asset id "l3-plc1"$/),
    ]);
    const lineOf = (needle: string) => badCopy.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(located.map((l) => Number(l.slice(file.length + 1).split(':')[0]))).toEqual([
      lineOf('line1-ctrl'),
      lineOf('10.42.9.12'),
      lineOf('id: l3-plc1, kind: plc, zone: line3-ctl, line: line3, ip: 10.43.1.11'),
    ]);
    expect(r.stdout).toContain('ok    scenarios/pharma.yaml');
    expect(r.stdout).toContain(`FAIL  ${file}  3 problems`);
    expect(r.stderr).toContain('segsim: 1 of 2 files invalid');
  });

  it('exits 2 on a YAML syntax error and on a missing file, without a stack trace', async ({ expect }) => {
    const broken = write('broken.yaml', PHARMA.replace('plant:\n  zones:', 'plant:\n  zones: [\n'));
    const missing = join(dir, 'absent.yaml');
    const r = await segsim('validate', broken, missing);
    expect(r.code).toBe(2);
    expect(expectLocatedProblems(expect, r.stderr, broken, missing).every((l) => l.includes('YAML syntax: '))).toBe(
      true,
    );
    expect(r.stderr).toContain(`${missing}:1:1  cannot read file: no such file (ENOENT)`);
  });

  it('exits 2 on a JSON syntax error and on a file of another kind, each located', async ({ expect }) => {
    const broken = write('broken.json', '{\n  "segsim": 1,\n  "name": "x" "y"\n}\n');
    const other = write('plant.toml', 'segsim = 1\n');
    const r = await segsim('validate', broken, other);
    expect(r.code).toBe(2);
    expectLocatedProblems(expect, r.stderr, broken, other);
    expect(r.stderr).toContain(`${broken}:3:15  JSON syntax: expected ',' or '}' after a value, found '"'`);
    expect(r.stderr).toContain(`${other}:1:1  unknown kind of scenario file ".toml": name it .yaml, .yml or .json`);
  });

  it('validates a JSON scenario', async ({ expect }) => {
    const json = write('pharma.json', JSON.stringify(parse(PHARMA)));
    const r = await segsim('validate', json);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ok    ${json}  9 zones, 3 lines, 28 assets, 5 designs, 4 attacks\n`);
  });

  it('prints only problems with --quiet', async ({ expect }) => {
    const r = await segsim('validate', '--quiet', 'scenarios/pharma.yaml');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe.concurrent('segsim inspect', () => {
  it('describes a scenario as JSON with its designs and attacks', async ({ expect }) => {
    const r = await segsim('inspect', '--json', 'scenarios/pharma.yaml');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Array.isArray(summary.designs)).toBe(true);
    expect(Array.isArray(summary.attacks)).toBe(true);
    expect(summary.designs).toContain('zt');
    expect(summary.attacks).toContain('stolen-vendor-credential');
    expect(summary.designProfiles).toContainEqual({
      id: 'zt',
      name: 'Zero-trust brokered access with line isolation',
      access: 'zero trust (11 rules); 3 enclave gateways',
      sensors: ['zt-telemetry', 'ot-ids', 'edr'],
      response: {
        triage: 'lognormal(median 2, sigma 0.6) h',
        steps: [
          'revoke-sessions',
          'disable-account',
          'isolate-host after 0.5 h, 90%',
          'rotate-credentials after triangular(2, 6, 12) h',
          'reimage-host after triangular(8, 24, 48) h, for triangular(4, 8, 24) h',
        ],
        investigation: '5% an hour, 50% with a lead',
      },
    });
    expect(summary.attackProfiles).toContainEqual({
      id: 'stolen-vendor-credential',
      name: 'Stolen shared vendor VPN password',
      entry: 'stolen credential vendor-vpn at 2 h',
      strategy: 'spread',
    });
  });

  it('describes a scenario for people', async ({ expect }) => {
    const r = await segsim('inspect', 'scenarios/pharma.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Zones \(by Purdue level\)[\s\S]*Designs[\s\S]*vpn-flat[\s\S]*Attacks/);
    // Each design's and attack's facts sit under a name column as wide as the longest id.
    expect(r.stdout).toContain(
      '  vpn-flat                   Vendor VPN, flat plant network\n                             VPN (1 account, no MFA)\n',
    );
    expect(r.stdout).toContain(
      '                             response after lognormal(median 24, sigma 0.8) h: disable-account; isolate-host after 1 h, 90%; rotate-credentials after triangular(4, 8, 24) h\n                             investigation: 5% an hour, 50% with a lead\n',
    );
    expect(r.stdout).toContain(
      '  compromised-vendor-laptop  Compromised OEM laptop during a service session\n                             compromised device oem-laptop riding its live session at 6.5 h, greedy\n',
    );
  });

  it('exits 2 on a bad file, naming where the problems are', async ({ expect }) => {
    const file = write('inspect-bad.yaml', badCopy);
    const r = await segsim('inspect', '--json', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(expectLocatedProblems(expect, r.stderr, file)).toHaveLength(3);
    expect(r.stderr).toContain(`segsim: ${file}: 3 problems, nothing was run`);
  });
});

describe.concurrent('segsim schema', () => {
  it('prints the JSON Schema of scenario files', async ({ expect }) => {
    const r = await segsim('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema ?? schema.type).toBeDefined();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['plant', 'designs', 'attacks', 'imports']),
    );
  });
});

describe.concurrent('segsim help and usage', () => {
  it('--version exits 0 with the package version, reading no scenario', async ({ expect }) => {
    const r = await segsim('--version');
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help exits 0 and shows examples', async ({ expect }) => {
    const r = await segsim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('segsim validate scenarios/*.yaml');
  });

  it('each scenario command has its own examples', async ({ expect }) => {
    const runs = await Promise.all(['validate', 'inspect', 'schema'].map((c) => segsim(c, '--help')));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:/);
    }
  });

  it('an unknown command or a missing argument is a usage error, exit 2', async ({ expect }) => {
    const [unknown, missing] = await Promise.all([segsim('frobnicate'), segsim('validate')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'files'");
    expect(unknown.stderr + missing.stderr).not.toContain('    at ');
  });
});
