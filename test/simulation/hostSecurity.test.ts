// A packaging cell as an OT architect describes it: PLCs written only with a password kept on the
// engineering workstation, an SSH service on two ports behind a host firewall, a jump host where
// a user-level foothold must escalate before it can read an administrator's cached logon, and
// PLCs hidden from scans whose addresses sit in the workstation's project file. Each property is
// checked in the static worst case and in a run.
import { describe, expect, it } from 'vitest';
import { movesAgainst } from '../../sim/attack/capabilities.js';
import type { TraceEvent } from '../../sim/contract/trace.js';
import { staticBlastRadius, type PathStep } from '../../sim/metrics/blastRadius.js';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { build } from '../helpers/plants.js';
import { replayPaths } from '../helpers/replay.js';

type AssetInput = NonNullable<NonNullable<ScenarioInput['plant']>['assets']>[number];

/** VPN client → jump host (dmz) → EWS → PLCs (cell, levels 1-2). Every try succeeds: the runs are certain. */
function packagingCell(edit: (s: ScenarioInput, asset: (id: string) => AssetInput) => void = () => {}): ScenarioInput {
  const s: ScenarioInput = {
    plant: {
      zones: [
        { id: 'dmz', level: 3.5, subnet: '10.0.0.0/24' },
        { id: 'cell', level: [1, 2], subnet: '10.0.1.0/24' },
      ],
      lines: [{ id: 'packaging', valuePerHour: 1000 }],
      assets: [
        { id: 'vpn-gw', kind: 'vpn-concentrator', zone: 'dmz', ip: '10.0.0.1', services: ['https'] },
        {
          id: 'jump',
          kind: 'jump-host',
          zone: 'dmz',
          ip: '10.0.0.10',
          services: ['rdp'],
          vulnerabilities: [{ id: 'CVE-RDP', service: 'rdp', effect: 'code-execution', probability: 1 }],
          credentials: [{ credential: 'ews-admin', privilege: 'admin' }],
        },
        {
          id: 'ews',
          kind: 'ews',
          zone: 'cell',
          line: 'packaging',
          ip: '10.0.1.20',
          services: ['rdp'],
          credentials: [{ credential: 'plc-pw', privilege: 'admin' }],
          documents: [{ id: 'project.ap17', hosts: [{ kind: 'plc' }] }],
        },
        ...['plc1', 'plc2'].map((id, i) => ({
          id,
          kind: 'plc',
          zone: 'cell',
          line: 'packaging',
          ip: `10.0.1.${10 + i}`,
          services: [{ protocol: 's7' as const, protection: 'no-access' as const, password: 'plc-pw' }],
        })),
      ],
      conduits: [{ from: 'dmz', to: 'cell', services: ['rdp', 's7'] }],
    },
    identities: {
      users: [{ id: 'tech', org: 'oem' }],
      credentials: [
        { id: 'vendor-vpn', kind: 'vpn-account', owners: ['tech'] },
        { id: 'ews-admin', kind: 'host-logon', opens: ['ews'], privilege: 'admin' },
        { id: 'plc-pw', kind: 'plc-project' },
      ],
    },
    designs: [
      {
        id: 'vpn',
        vpn: { concentrator: 'vpn-gw', pool: '10.9.0.0/24', routes: ['dmz', 'cell'], accounts: ['vendor-vpn'] },
      },
    ],
    attacks: [
      {
        id: 'stolen-vpn',
        initialAccess: { kind: 'stolen-credential', credential: 'vendor-vpn' },
        techniques: {
          T0866: { probability: 1 },
          T0859: { probability: 1 },
          T0855: { probability: 1 },
          T0890: { probability: 1 },
          T0811: { probability: 1 },
          T0867: { probability: 1 },
        },
      },
    ],
    horizonHours: 200,
  };
  edit(s, (id) => s.plant!.assets!.find((a) => a.id === id)!);
  return s;
}

function analyse(input: ScenarioInput) {
  const built = build(input);
  const attack = built.scenario.attacks[0]!;
  const radius = staticBlastRadius(built.access, attack, { explain: true });
  expect(replayPaths(built.access, attack, radius).problems).toEqual([]);
  const run = runSimulation(built.model, built.access, attack, { seed: 7 }).result;
  return { ...built, radius, run };
}

const words = (path: readonly PathStep[] | undefined) =>
  (path ?? []).map((s) => `${s.from}→${s.to} ${s.action} ${s.means}`);

/** The attacker's own steps in a run, in order, as "kind host/target detail". */
function steps(trace: readonly TraceEvent[]): string[] {
  return trace.flatMap((e) => {
    switch (e.type) {
      case 'attack.step':
        return e.outcome === 'success' ? [`step ${e.target} ${e.detail.split(' via ')[1]}`] : [];
      case 'attack.harvest':
        return [`harvest ${e.host} ${e.credential}`];
      case 'attack.escalate':
        return [`escalate ${e.host} ${e.vulnerability}`];
      case 'attack.read':
        return [`read ${e.host} ${e.document}`];
      default:
        return [];
    }
  });
}

describe('a PLC written only with the password kept on the engineering workstation', () => {
  it('is reached only through that workstation, with the harvest in the path and in the run', () => {
    const { radius, run } = analyse(packagingCell());
    expect(radius.plcs).toEqual(['plc1', 'plc2']);
    expect(words(radius.paths.plc1)).toEqual([
      'attacker→vpn-client login VPN login as vendor-vpn',
      'vpn-client→jump rdp exploit CVE-RDP',
      'jump→jump harvest credential ews-admin',
      'vpn-client→ews rdp credential ews-admin',
      'ews→ews harvest credential plc-pw',
      'vpn-client→plc1 s7.write credential plc-pw',
    ]);
    expect(run.compromised).toEqual(expect.arrayContaining(['ews', 'plc1', 'plc2']));
    const order = steps(run.trace);
    expect(order.indexOf('harvest ews plc-pw')).toBeGreaterThan(order.indexOf('step ews credential ews-admin'));
    expect(order.indexOf('step plc1 credential plc-pw')).toBeGreaterThan(order.indexOf('harvest ews plc-pw'));
  });

  it('stays out of reach when the password is not there, or only an administrator may read it', () => {
    const gone = analyse(packagingCell((_, asset) => (asset('ews').credentials = [])));
    expect(gone.radius.plcs).toEqual([]);
    expect(gone.run.compromised).not.toContain('plc1');
    expect(gone.radius.stopped?.find((s) => s.asset === 'plc1')).toMatchObject({ layer: 'authentication' });
    const userOnly = analyse(
      packagingCell((s) => {
        s.identities!.credentials!.find((c) => c.id === 'ews-admin')!.privilege = 'user';
      }),
    );
    expect(userOnly.radius.assets).toContain('ews');
    expect(userOnly.radius.plcs).toEqual([]);
    expect(userOnly.run.compromised).not.toContain('plc1');
  });

  it('is read after all when a user logon got in first and a remote exploit gives administrator', () => {
    // An insider holds a user logon to the workstation; its RDP exploit runs as SYSTEM.
    const retaken = analyse(
      packagingCell((s, asset) => {
        const logon = s.identities!.credentials!.find((c) => c.id === 'ews-admin')!;
        Object.assign(logon, { privilege: 'user', owners: ['tech'] });
        asset('ews').vulnerabilities = [{ id: 'CVE-EWS', service: 'rdp', effect: 'code-execution', probability: 1 }];
        s.attacks![0]!.initialAccess = { kind: 'insider', user: 'tech' };
      }),
    );
    expect(words(retaken.radius.paths.plc1).slice(-3)).toEqual([
      'vpn-client→ews rdp exploit CVE-EWS',
      'ews→ews harvest credential plc-pw',
      'vpn-client→plc1 s7.write credential plc-pw',
    ]);
    const order = steps(retaken.run.trace);
    const first = order.indexOf('step ews credential ews-admin');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('step ews exploit CVE-EWS')).toBeGreaterThan(first);
    expect(order.indexOf('harvest ews plc-pw')).toBeGreaterThan(order.indexOf('step ews exploit CVE-EWS'));
    expect(retaken.run.compromised).toEqual(expect.arrayContaining(['plc1', 'plc2']));
  });

  it('without the protection the vendor VPN writes the PLCs directly', () => {
    const open = analyse(
      packagingCell((_, asset) => {
        for (const id of ['plc1', 'plc2']) asset(id).services = ['s7'];
      }),
    );
    expect(words(open.radius.paths.plc1)).toEqual([
      'attacker→vpn-client login VPN login as vendor-vpn',
      'vpn-client→plc1 s7.write unauthenticated protocol',
    ]);
  });
});

describe('ssh on two ports, one dropped by the host firewall', () => {
  const twoPorts = (ports: number[], allowed: number[]) =>
    packagingCell((s, asset) => {
      const jump = asset('jump');
      jump.vulnerabilities = [];
      jump.services = ports.map((port) => ({ protocol: 'ssh' as const, port }));
      jump.firewall = { allow: allowed.map((port) => ({ services: [{ protocol: 'ssh' as const, port }] })) };
      s.identities!.credentials!.push({ id: 'root', kind: 'host-logon', opens: ['jump'] });
      s.attacks![0]!.initialAccess = { kind: 'insider', user: 'tech' };
      s.identities!.credentials!.find((c) => c.id === 'root')!.owners = ['tech'];
    });

  it('owns the host through 2222 whichever order the services are listed in', () => {
    for (const ports of [
      [22, 2222],
      [2222, 22],
    ]) {
      const { radius, access, model, at } = analyse(twoPorts(ports, [2222]));
      expect(radius.assets, ports.join(',')).toContain('jump');
      const know = { credentials: new Set([model.credentialIndex.get('root')!]), mfaUsers: new Set<number>() };
      const { moves, refused } = movesAgainst(
        access,
        { kind: 'vpn', account: 'vendor-vpn' },
        model.assets[at('jump')]!,
        know,
        {
          time: 0,
        },
      );
      expect(moves.map((m) => model.assets[at('jump')]!.services[m.service]!.port)).toEqual([2222]);
      expect(refused?.outcome).toMatchObject({ ok: false, block: 'host-firewall' });
    }
  });

  it('reach names the host firewall when it drops both; a VPN scan does not even list the host', () => {
    const { radius, run } = analyse(twoPorts([22, 2222], []));
    expect(radius.assets).not.toContain('jump');
    expect(radius.stopped?.find((s) => s.asset === 'jump')).toMatchObject({
      from: 'vpn-client',
      layer: 'host-firewall',
    });
    expect(run.compromised).not.toContain('jump');
  });
});

describe('a user-level foothold and an administrator-cached logon', () => {
  const userExploit = (lpe: boolean) =>
    packagingCell((_, asset) => {
      const jump = asset('jump');
      jump.vulnerabilities = [
        { id: 'CVE-RDP', service: 'rdp', effect: 'code-execution', probability: 1, privilege: 'user' },
        ...(lpe ? [{ id: 'CVE-LPE', effect: 'privilege-escalation' as const, probability: 1 }] : []),
      ];
    });

  it('escalates before it harvests: exploit → escalate → harvest → logon, statically and in a run', () => {
    const { radius, run } = analyse(userExploit(true));
    expect(words(radius.paths.ews)).toEqual([
      'attacker→vpn-client login VPN login as vendor-vpn',
      'vpn-client→jump rdp exploit CVE-RDP',
      'jump→jump escalate exploit CVE-LPE',
      'jump→jump harvest credential ews-admin',
      'vpn-client→ews rdp credential ews-admin',
    ]);
    expect(radius.paths.ews!.find((s) => s.action === 'escalate')?.technique).toBe('T0890');
    const order = steps(run.trace);
    const at = (s: string) => order.indexOf(s);
    expect(at('step jump exploit CVE-RDP')).toBeGreaterThanOrEqual(0);
    expect(at('escalate jump CVE-LPE')).toBeGreaterThan(at('step jump exploit CVE-RDP'));
    expect(at('harvest jump ews-admin')).toBeGreaterThan(at('escalate jump CVE-LPE'));
    expect(at('step ews credential ews-admin')).toBeGreaterThan(at('harvest jump ews-admin'));
  });

  it('without a local escalation the cached logon stays unread', () => {
    const { radius, run } = analyse(userExploit(false));
    expect(radius.assets).toContain('jump');
    expect(radius.credentials).not.toContain('ews-admin');
    expect(radius.assets).not.toContain('ews');
    expect(run.compromised).not.toContain('ews');
  });
});

describe('PLCs hidden from scans, their addresses only in the project file', () => {
  const hidden = (document: boolean) =>
    packagingCell((s, asset) => {
      for (const id of ['plc1', 'plc2']) asset(id).services = ['s7'];
      asset('ews').credentials = [];
      if (!document) asset('ews').documents = [];
      s.designs![0]!.hidden = [{ kind: 'plc' }];
    });

  it('are reached only after the file is read', () => {
    const { radius, run } = analyse(hidden(true));
    expect(words(radius.paths.plc1)).toEqual([
      'attacker→vpn-client login VPN login as vendor-vpn',
      'vpn-client→jump rdp exploit CVE-RDP',
      'jump→jump harvest credential ews-admin',
      'vpn-client→ews rdp credential ews-admin',
      'ews→ews read document project.ap17',
      'vpn-client→plc1 s7.write unauthenticated protocol',
    ]);
    const order = steps(run.trace);
    expect(order.indexOf('step plc1 unauthenticated protocol')).toBeGreaterThan(order.indexOf('read ews project.ap17'));
    expect(order.indexOf('read ews project.ap17')).toBeGreaterThanOrEqual(0);
  });

  it('are never found without it', () => {
    const { radius, run } = analyse(hidden(false));
    expect(radius.plcs).toEqual([]);
    expect(radius.stopped?.find((s) => s.asset === 'plc1')).toMatchObject({ layer: 'hidden' });
    expect(run.compromised).not.toContain('plc1');
  });
});

describe('a zone spanning levels 1 and 2', () => {
  it('puts controllers at level 1 and the rest at level 2, unless an asset says otherwise', () => {
    const { model, at } = build(packagingCell());
    expect(model.assets[at('plc1')]!.level).toBe(1);
    expect(model.assets[at('ews')]!.level).toBe(2);
    const own = build(packagingCell((_, asset) => (asset('ews').level = 1)));
    expect(own.model.assets[own.at('ews')]!.level).toBe(1);
  });
});
