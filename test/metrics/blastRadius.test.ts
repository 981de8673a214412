import { describe, expect, it } from 'vitest';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { attackSchema, type Attack } from '../../sim/model/schema.js';
import { build, miniPlant, type DesignInput, type RuleInput } from '../helpers/plants.js';

const attack = (initialAccess: Record<string, unknown>): Attack => attackSchema.parse({ id: 'a', initialAccess });
const flatVpn: DesignInput = {
  id: 'flat',
  conduits: [{ from: '*', to: '*' }],
  vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: '*', accounts: ['shared-vpn'] },
};

describe('staticBlastRadius', () => {
  it('a stolen shared VPN password on a flat network commands every controller', () => {
    const { access } = build(miniPlant([flatVpn]));
    const r = staticBlastRadius(access, attack({ kind: 'stolen-credential', credential: 'shared-vpn' }));
    expect(r.plcs).toEqual(['plc1', 'plc2']);
    expect(r.lines).toEqual(['line1']);
    expect(r.lowestLevel).toBe(1);
    expect(r.footholds).toEqual(['vpn-client']);
    expect(r.paths.plc1).toEqual([
      {
        from: 'attacker',
        to: 'vpn-client',
        action: 'login',
        means: 'VPN login as shared-vpn (shared account)',
        technique: 'T0822',
      },
      { from: 'vpn-client', to: 'plc1', action: 's7.write', means: 'unauthenticated protocol', technique: 'T0855' },
    ]);
    // No host logon is held: nothing interactive falls.
    expect(r.assets).toEqual(['plc1', 'plc2']);
  });

  it('follows the plant conduits hop by hop from a phished host, harvesting cached logons on the way', () => {
    const { access } = build(miniPlant([{ id: 'plain' }]));
    const r = staticBlastRadius(access, attack({ kind: 'phishing', asset: 'jump' }));
    expect(r.assets).toEqual(['jump', 'scada', 'bridge', 'hmi1', 'hmi2', 'ews', 'plc1', 'plc2']);
    expect(r.credentials).toEqual(['admin', 'plc-project']);
    expect(r.paths.hmi1!.map((s) => `${s.from}→${s.to}`)).toEqual([
      'attacker→jump',
      'jump→jump',
      'jump→scada',
      'scada→hmi1',
    ]);
    // bridge is dual-homed into ctl: one hop to plc2's modbus, which no conduit allows.
    expect(r.paths.plc2!.map((s) => `${s.from}→${s.to} ${s.action}`)).toEqual([
      'attacker→jump login',
      'jump→jump harvest',
      'jump→bridge rdp',
      'bridge→plc2 modbus.write',
    ]);
  });

  it('comes back to a target once a credential that opens it is learned, the leaking one included', () => {
    // From scada, hmi1 and ews are reachable but no logon is held; hmi2 leaks the admin logon,
    // which also opens hmi2 itself. Cell and ops are micro-segmented, so hmi2 is seen from scada
    // only; no windows, so one probe time and no second look by chance.
    const input = miniPlant([{ id: 'seg', microSegmented: ['cell', 'ops'] }], { windows: [] });
    const hmi2 = input.plant!.assets!.find((a) => a.id === 'hmi2')!;
    Object.assign(hmi2, {
      credentials: ['admin'],
      vulnerabilities: [{ id: 'vnc-leak', service: 'vnc', effect: 'credential-leak' }],
    });
    const r = staticBlastRadius(build(input).access, attack({ kind: 'phishing', asset: 'scada' }));
    expect(r.assets).toEqual(['scada', 'hmi1', 'hmi2', 'ews', 'plc1', 'plc2']);
    expect(r.paths.hmi2!.at(-1)).toMatchObject({
      from: 'scada',
      to: 'hmi2',
      action: 'vnc',
      means: 'credential admin',
    });
    expect(r.credentials).toEqual(['admin', 'plc-project']);
  });

  it('takes a host held as user again with an exploit that gives administrator, for what only administrator reads', () => {
    // The harvested admin logon (a user logon, despite its name) opens hmi1 first; the RDP exploit
    // then gives administrator there, which reads the cached vendor password.
    const input = miniPlant();
    input.identities!.credentials!.push({ id: 'vault', kind: 'host-logon', opens: ['corp-ws'] });
    Object.assign(input.plant!.assets!.find((a) => a.id === 'hmi1')!, {
      credentials: [{ credential: 'vault', privilege: 'admin' }],
      vulnerabilities: [{ id: 'CVE-2019-0708', service: 'rdp', effect: 'code-execution' }],
    });
    const r = staticBlastRadius(build(input).access, attack({ kind: 'phishing', asset: 'jump' }));
    expect(r.paths.hmi1!.at(-1)).toMatchObject({ to: 'hmi1', means: 'credential admin' });
    expect(r.credentials).toContain('vault');
    // Without the exploit, user is all it holds there: the password stays unread.
    input.plant!.assets!.find((a) => a.id === 'hmi1')!.vulnerabilities = [];
    expect(
      staticBlastRadius(build(input).access, attack({ kind: 'phishing', asset: 'jump' })).credentials,
    ).not.toContain('vault');
  });

  it('terminates when a learned credential opens a target for several waiting footholds but lets none in', () => {
    // jump and scada both wait on corp-ws; ews then teaches an ssh key for it, but corp-ws has no ssh.
    const input = miniPlant([
      { id: 'plain', conduits: [...miniPlant().plant!.conduits!, { from: '*', to: 'corp', services: ['rdp'] }] },
    ]);
    input.identities!.credentials!.push({ id: 'corp-ssh', kind: 'host-logon', opens: ['corp-ws'], protocols: ['ssh'] });
    input.plant!.assets!.find((a) => a.id === 'ews')!.credentials = ['plc-project', 'corp-ssh'];
    const r = staticBlastRadius(build(input).access, attack({ kind: 'phishing', asset: 'jump' }));
    expect(r.credentials).toContain('corp-ssh');
    expect(r.assets).not.toContain('corp-ws');
  });

  it('a brokered session opens once, however many credentials are learned later', () => {
    const rules: RuleInput[] = [
      {
        id: 'tech-ews',
        subjects: { users: ['tech'] },
        actions: ['rdp'],
        resources: ['ews'],
        conditions: { mfa: true },
      },
    ];
    const { access } = build(miniPlant([{ id: 'zt', zt: { connectors: ['conn-ops'], policy: { rules } } }]));
    const r = staticBlastRadius(
      access,
      attack({ kind: 'compromised-device', device: 'tech-laptop', liveSession: true }),
    );
    // Owning the EWS teaches the PLC project password, which re-offers the tunnels.
    expect(r.credentials).toContain('plc-project');
    expect(r.footholds).toEqual(['zt-session(tech)', 'ews']);
    expect(r.assets).toEqual(['ews', 'plc1', 'plc2']);
  });

  it('without the live second factor, the brokered session gets nothing an MFA rule grants', () => {
    const rules: RuleInput[] = [
      {
        id: 'tech-ews',
        subjects: { users: ['tech'] },
        actions: ['rdp'],
        resources: ['ews'],
        conditions: { mfa: true },
      },
    ];
    const { access } = build(miniPlant([{ id: 'zt', zt: { connectors: ['conn-ops'], policy: { rules } } }]));
    const r = staticBlastRadius(
      access,
      attack({ kind: 'compromised-device', device: 'tech-laptop', liveSession: false }),
    );
    expect(r.footholds).toEqual(['zt-session(tech)']);
    expect(r.assets).toEqual([]);
    expect(r.lowestLevel).toBeNull();
  });

  it('probes the next maintenance window: a grant limited to it counts', () => {
    const rules: RuleInput[] = [
      {
        id: 'in-window',
        subjects: { users: ['tech'] },
        actions: ['vnc'],
        resources: ['hmi2'],
        conditions: { window: 'maint' },
      },
    ];
    const { access } = build(miniPlant([{ id: 'zt', zt: { connectors: ['conn-ops'], policy: { rules } } }]));
    for (const at of [0, 7, 11, 29.5])
      expect(
        staticBlastRadius(access, attack({ kind: 'compromised-device', device: 'tech-laptop', at })).assets,
        `at ${at}`,
      ).toEqual(['hmi2', 'plc1', 'plc2']);
  });

  it('an internet-exposed service is the only way in', () => {
    const input = miniPlant([{ id: 'plain' }]);
    input.plant!.assets!.find((a) => a.id === 'jump')!.vulnerabilities = [
      { id: 'CVE-2019-0708', service: 'rdp', effect: 'code-execution' },
    ];
    const r = staticBlastRadius(build(input).access, attack({ kind: 'exposed-service', asset: 'jump' }));
    expect(r.footholds[0]).toBe('internet');
    expect(r.paths.jump).toEqual([
      { from: 'attacker', to: 'internet', action: 'login', means: 'internet-exposed jump', technique: 'T0883' },
      { from: 'internet', to: 'jump', action: 'rdp', means: 'exploit CVE-2019-0708', technique: 'T0866' },
    ]);
    expect(r.assets).toContain('plc1');
  });

  it('every path starts at the attacker and chains from one foothold to the next', () => {
    const { access } = build(miniPlant([flatVpn]));
    const r = staticBlastRadius(access, attack({ kind: 'phishing', asset: 'jump' }));
    for (const [asset, path] of Object.entries(r.paths)) {
      expect(path[0]!.from).toBe('attacker');
      expect(path[path.length - 1]!.to).toBe(asset);
      for (let i = 1; i < path.length; i++) expect(path[i]!.from).toBe(path[i - 1]!.to);
    }
  });
});
