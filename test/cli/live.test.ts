// segsim live as a user runs it: the mapping, bad input, a replay with its audit trail, and a
// serving testbed that SIGTERM stops with every port released.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modbusFailure, withModbusClient } from '../../sim/live/modbusClient.js';
import { segsim } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ports = (text: string): number[] => [...text.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

describe('segsim live', () => {
  it('--list prints every entry point and service with its loopback port', async () => {
    const r = await segsim('live', 'scenarios/pharma.yaml', '-d', 'vpn-flat', '--list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Testbed: vpn-flat on 127\.0\.0\.1 \(one port per service, picked at start\)/);
    expect(r.out).toMatch(/vpn-concentrator +127\.0\.0\.1:\d+/);
    expect(r.out).toMatch(/l3-plc1 +line3-ctl +modbus\/502 +127\.0\.0\.1:\d+/);
    // 2 entry points and 41 services, each on its own port.
    expect(new Set(ports(r.out)).size).toBe(43);
  });

  it('bad input: a clear message and exit 2, no stack trace', async () => {
    const cases: [string[], string][] = [
      [['-d', 'nope'], 'segsim: scenarios/pharma.yaml has no design "nope"'],
      [['-d', 'zt', '--key', 'abc'], 'segsim: --key must be 64 hex digits (32 bytes)'],
      [['-d', 'zt', '--at', 'soon'], 'segsim: --at must be a non-negative number of hours, got "soon"'],
      [['-d', 'zt', '--forward', 'l1-plc3:modbus.read'], "segsim: --forward needs --as: 'vpn' or a user id"],
      [['-d', 'zt', '--as', 'vpn', '--forward', 'l1-plc3:modbus.read'], 'segsim: the design zt has no VPN'],
      [
        ['-d', 'vpn-flat', '--as', 'vpn', '--forward', 'l3-plc1:modbus.write', '--credential', 'nope'],
        'segsim: --credential: scenarios/pharma.yaml has no credential "nope"',
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => segsim('live', 'scenarios/pharma.yaml', ...args)));
    runs.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.err).toContain(cases[i]![1]);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  });

  it('--attack replays through the VPN, agrees with segsim reach, and writes an audit log that verifies', async () => {
    const audit = join(dir, 'audit.jsonl');
    const r = await segsim(
      'live',
      'scenarios/pharma.yaml',
      '-d',
      'vpn-flat',
      '-a',
      'stolen-vendor-credential',
      '--audit',
      audit,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('ok       attacker → vpn-client');
    expect(r.out).toMatch(
      /ok {7}vpn-client → l3-plc1 +modbus\.write +unauthenticated protocol: wrote register 0: \d+ → 48879/,
    );
    expect(r.out).toContain('lines disrupted   line1, line2, line3');
    expect(r.out).toContain(
      'Compared with `segsim reach`: 19 (asset, action) pairs taken live, 19 in the static blast radius: the same',
    );
    const verified = await segsim('audit', 'verify', audit);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^ok: \d+ records, head [0-9a-f]{64}\n$/);
  });

  it('--credential presents a password where a Modbus service asks for one; without it the write gets exception 1', async () => {
    const file = join(dir, 'modbus-auth.yaml');
    writeFileSync(
      file,
      `plant:
  zones: [{ id: cell, level: 1, subnet: 10.0.1.0/24 }, { id: dmz, level: 3.5, subnet: 10.0.0.0/24 }]
  assets:
    - { id: vpn-gw, kind: vpn-concentrator, zone: dmz, ip: 10.0.0.1, services: [https] }
    - { id: plc1, kind: plc, zone: cell, ip: 10.0.1.10, services: [{ protocol: modbus, auth: { modbus.write: [plc-pw] } }] }
identities:
  users: [{ id: tech, org: oem }]
  credentials:
    - { id: vendor-vpn, kind: vpn-account, owners: [tech] }
    - { id: plc-pw, kind: plc-project }
designs:
  - id: vpn
    vpn: { concentrator: vpn-gw, pool: 10.9.0.0/24, routes: "*", accounts: [vendor-vpn] }
`,
    );
    const write = async (extra: string[]): Promise<string> => {
      const args = ['bin/segsim.mjs', 'live', file, '-d', 'vpn', '--as', 'vpn', '--forward', 'plc1:modbus.write'];
      const child = spawn(process.execPath, [...args, ...extra], { env: { ...process.env, CI: '1' } });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        const deadline = Date.now() + 30_000;
        while (!out.includes('Serving until') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const forward = Number(/127\.0\.0\.1:(\d+) {2}→ {2}plc1 modbus\.write/.exec(out)![1]);
        return await withModbusClient(forward, (client) => client.writeRegister(0, 0xbeef)).then(
          () => 'written',
          (error: unknown) => modbusFailure(error),
        );
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    };
    expect(await write(['--credential', 'plc-pw'])).toBe('written');
    expect(await write([])).toBe('Modbus exception 1');
  });

  it('serves until SIGTERM, then stops with every port released', async () => {
    const child = spawn(process.execPath, ['bin/segsim.mjs', 'live', 'scenarios/pharma.yaml', '-d', 'zt'], {
      env: { ...process.env, CI: '1' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (!out.includes('Serving until Ctrl-C or SIGTERM.') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const listening = ports(out);
      expect(listening.length).toBe(43); // broker, plant fabric and 41 services
      expect(await refused(listening[0]!)).toBe(false);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('Stopped: every port released.');
      expect(await Promise.all(listening.map(refused))).toEqual(listening.map(() => true));
    } finally {
      // A failed expectation must not leave the testbed serving.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
