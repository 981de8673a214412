import { describe, expect, it } from 'vitest';
import { movesAgainst, usableCredential, type Knowledge } from '../../sim/attack/capabilities.js';
import type { AccessState, Origin } from '../../sim/net/AccessLayer.js';
import { build, miniPlant, type DesignInput } from '../helpers/plants.js';

const now: AccessState = { time: 0 };
const flat: DesignInput = { id: 'flat', conduits: [{ from: '*', to: '*' }] };

function setup(design: DesignInput = flat, mutate?: (input: ReturnType<typeof miniPlant>) => void) {
  const input = miniPlant([design]);
  mutate?.(input);
  const built = build(input);
  const know = (creds: string[], mfaUsers: string[] = []): Knowledge => ({
    credentials: new Set(creds.map((c) => built.model.credentialIndex.get(c)!)),
    mfaUsers: new Set(mfaUsers.map((u) => built.model.userIndex.get(u)!)),
  });
  const from = (id: string): Origin => ({ kind: 'host', asset: built.at(id) });
  const moves = (origin: Origin, target: string, k: Knowledge) =>
    movesAgainst(built.access, origin, built.model.assets[built.at(target)]!, k, now).moves.map(
      (m) => `${m.effect} ${m.action} ${m.means.kind}`,
    );
  return { ...built, know, from, moves };
}

const asset = (input: ReturnType<typeof miniPlant>, id: string) => input.plant!.assets!.find((a) => a.id === id)!;

describe('movesAgainst', () => {
  it('a held host logon owns a foothold over an interactive service', () => {
    const { moves, from, know } = setup();
    expect(moves(from('corp-ws'), 'hmi1', know(['admin']))).toEqual([
      'own-host rdp credential',
      'own-host vnc credential',
    ]);
    expect(moves(from('corp-ws'), 'hmi1', know([]))).toEqual([]);
  });

  it('never owns a host that is not a foothold by logging on', () => {
    const { moves, from, know } = setup(flat, (s) => {
      asset(s, 'conn-ops').services = ['ssh'];
      s.identities!.credentials!.push({ id: 'conn-root', kind: 'host-logon', opens: ['conn-ops'] });
    });
    expect(moves(from('corp-ws'), 'conn-ops', know(['conn-root']))).toEqual([]);
  });

  it('commands a controller over an unauthenticated protocol with the first write it may use', () => {
    const { moves, from, know } = setup();
    expect(moves(from('hmi1'), 'plc1', know([]))).toEqual(['control s7.write unauthenticated']);
    expect(moves(from('hmi1'), 'plc2', know([]))).toEqual([
      'control modbus.write unauthenticated',
      'control s7.write unauthenticated',
    ]);
  });

  it('a program download needs the project password when the PLC has one', () => {
    // Only s7.program is granted at the gateway, so the write path is closed.
    const design: DesignInput = {
      id: 'gated',
      gateways: [{ zone: 'ctl' }],
      zt: {
        connectors: ['conn-ops'],
        policy: {
          rules: [{ id: 'ews-program', subjects: { devices: ['ews'] }, actions: ['s7.program'], resources: ['plc1'] }],
        },
      },
    };
    const { moves, from, know } = setup(design);
    expect(moves(from('ews'), 'plc1', know([]))).toEqual([]);
    expect(moves(from('ews'), 'plc1', know(['plc-project']))).toEqual(['control s7.program credential']);
  });

  it('exploits: code execution owns a foothold, a credential leak teaches, denial of service is no move', () => {
    const { moves, from, know } = setup(flat, (s) => {
      asset(s, 'hmi1').vulnerabilities = [
        { id: 'CVE-2019-0708', service: 'rdp', effect: 'code-execution' },
        { id: 'leaky-vnc', service: 'vnc', effect: 'credential-leak' },
        { id: 'crash', service: 'vnc', effect: 'denial-of-service' },
      ];
    });
    expect(moves(from('corp-ws'), 'hmi1', know([]))).toEqual([
      'own-host rdp vulnerability',
      'learn-credentials vnc vulnerability',
    ]);
  });

  it('an exploit on a controller commands it', () => {
    const { moves, from, know } = setup(flat, (s) => {
      asset(s, 'plc1').vulnerabilities = [{ id: 'fw-rce', service: 's7', effect: 'code-execution' }];
    });
    expect(moves(from('hmi1'), 'plc1', know([]))).toEqual([
      'control s7.write unauthenticated',
      'control s7.read vulnerability',
    ]);
  });

  it('exploits on an interactive service work against hosts that are not footholds', () => {
    // A credential leak over ssh on a VPN concentrator, code execution over ssh on an RTU.
    const { moves, from, know } = setup(flat, (s) => {
      s.plant!.assets!.push(
        {
          id: 'vpn-gw2',
          kind: 'vpn-concentrator',
          zone: 'dmz',
          ip: '10.2.0.2',
          services: ['ssh'],
          vulnerabilities: [{ id: 'cfg-leak', service: 'ssh', effect: 'credential-leak' }],
        },
        {
          id: 'rtu1',
          kind: 'rtu',
          zone: 'ctl',
          line: 'line1',
          ip: '10.5.0.20',
          services: ['ssh'],
          vulnerabilities: [{ id: 'rtu-rce', service: 'ssh', effect: 'code-execution' }],
        },
      );
    });
    expect(moves(from('corp-ws'), 'vpn-gw2', know([]))).toEqual(['learn-credentials ssh vulnerability']);
    expect(moves(from('corp-ws'), 'rtu1', know([]))).toEqual(['control ssh vulnerability']);
  });

  it('a brokered session owns a host only through a granted interactive session, never with credentials', () => {
    const design: DesignInput = {
      id: 'zt',
      zt: {
        connectors: ['conn-ops'],
        policy: { rules: [{ id: 'vnc-hmi2', subjects: { users: ['tech'] }, actions: ['vnc'], resources: ['hmi2'] }] },
      },
    };
    const { moves, know, model } = setup(design);
    const origin: Origin = {
      kind: 'broker',
      subject: { user: 'tech', roles: [], groups: [], managedDevice: true, posture: {} },
      mfa: true,
    };
    expect(moves(origin, 'hmi2', know([]))).toEqual(['own-host vnc granted']);
    expect(
      moves(origin, 'hmi1', know(['admin', 'hmi-vnc-default'].filter((c) => model.credentialIndex.has(c)))),
    ).toEqual([]);
  });

  it('reports the first refused connection', () => {
    const { access, model, at, know } = setup({ id: 'plain' });
    const r = movesAgainst(access, { kind: 'host', asset: at('hmi1') }, model.assets[at('plc2')]!, know([]), now);
    expect(r.moves.map((m) => m.action)).toEqual(['s7.write']);
    expect(r.refused).toMatchObject({
      target: at('plc2'),
      action: 'modbus.write',
      outcome: { ok: false, block: 'conduit' },
    });
  });
});

describe('usableCredential', () => {
  it('skips tunnel and identity-provider accounts: they log on to no host', () => {
    const { access, model, at, know } = setup(flat, (s) => {
      s.identities!.credentials!.push({ id: 'idp', kind: 'user-account', owners: ['tech'], opens: ['hmi1'] });
    });
    expect(usableCredential(access, model.assets[at('hmi1')]!, 'rdp', know(['shared-vpn', 'idp']))).toBeUndefined();
  });

  it('respects the protocols a credential authenticates', () => {
    const { access, model, at, know } = setup(flat, (s) => {
      s.identities!.credentials!.push({
        id: 'vnc-default',
        kind: 'default-password',
        opens: [{ kind: 'hmi' }],
        protocols: ['vnc'],
      });
    });
    const hmi1 = model.assets[at('hmi1')]!;
    expect(usableCredential(access, hmi1, 'vnc', know(['vnc-default']))).toBe(model.credentialIndex.get('vnc-default'));
    expect(usableCredential(access, hmi1, 'rdp', know(['vnc-default']))).toBeUndefined();
  });

  it("an MFA-bound credential needs one of its owners' second factor", () => {
    const { access, model, at, know } = setup(flat, (s) => {
      s.identities!.credentials!.find((c) => c.id === 'admin')!.mfaBound = true;
    });
    const hmi1 = model.assets[at('hmi1')]!;
    expect(usableCredential(access, hmi1, 'rdp', know(['admin']))).toBeUndefined();
    expect(usableCredential(access, hmi1, 'rdp', know(['admin'], ['tech']))).toBeUndefined();
    expect(usableCredential(access, hmi1, 'rdp', know(['admin'], ['eng']))).toBe(model.credentialIndex.get('admin'));
  });
});
