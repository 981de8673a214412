import { describe, expect, it } from 'vitest';
import { movesAgainst } from '../../sim/attack/capabilities.js';
import { initialEntry, remoteFootholds } from '../../sim/attack/initialAccess.js';
import { brokerSubject } from '../../sim/net/subjects.js';
import { actionsOfProtocol } from '../../sim/model/catalog.js';
import type { AccessState, Origin } from '../../sim/net/AccessLayer.js';
import { attackSchema } from '../../sim/model/schema.js';
import { build, miniPlant, type DesignInput, type RuleInput } from '../helpers/plants.js';

const now: AccessState = { time: 0 };
const inWindow: AccessState = { time: 7 };

const vpnDesign = (
  vpn: Partial<NonNullable<DesignInput['vpn']>> = {},
  extra: Partial<DesignInput> = {},
): DesignInput => ({
  id: 'vpn',
  vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: ['dmz'], accounts: ['shared-vpn', 'tech-vpn'], ...vpn },
  ...extra,
});

const ztDesign = (rules: RuleInput[], extra: Partial<DesignInput> = {}, connectors = ['conn-ops']): DesignInput => ({
  id: 'zt',
  zt: { connectors, policy: { rules } },
  ...extra,
});

/** The mini plant's conduits plus ops→ctl s7, so the ops connector reaches the PLCs. */
const opsToCtl: Partial<DesignInput> = {
  conduits: [...miniPlant().plant!.conduits!, { from: 'ops', to: 'ctl', services: ['s7'] }],
};

const techReadsPlc1: RuleInput = {
  id: 'tech-read',
  subjects: { roles: ['tech'] },
  actions: ['s7.read'],
  resources: ['plc1'],
  conditions: { mfa: true },
};

describe('VPN tunnel', () => {
  it('routes only the listed zones', () => {
    const { access, at } = build(miniPlant([vpnDesign()]));
    const vpn: Origin = { kind: 'vpn', account: 'shared-vpn' };
    expect(access.connect(vpn, at('jump'), 'rdp', now)).toMatchObject({ ok: true, layer: 'network' });
    expect(access.connect(vpn, at('scada'), 'rdp', now)).toMatchObject({
      ok: false,
      block: 'vpn-route',
      mitigation: 'M0930',
    });
    expect(access.connect(vpn, at('plc1'), 's7.write', now)).toMatchObject({ ok: false, block: 'vpn-route' });
  });

  it("'*' routes the whole plant, and conduits do not filter the client itself", () => {
    const { access, at } = build(miniPlant([vpnDesign({ routes: '*' })]));
    for (const [id, action] of [
      ['corp-ws', 'smb'],
      ['scada', 'rdp'],
      ['hmi2', 'vnc'],
      ['plc2', 'modbus.write'],
    ] as const)
      expect(access.connect({ kind: 'vpn', account: 'shared-vpn' }, at(id), action, now).ok).toBe(true);
  });

  it('allows only the listed services when it has a list', () => {
    const { access, at } = build(miniPlant([vpnDesign({ services: ['rdp'] })]));
    const vpn: Origin = { kind: 'vpn', account: 'shared-vpn' };
    expect(access.connect(vpn, at('jump'), 'rdp', now).ok).toBe(true);
    expect(access.connect(vpn, at('jump'), 'ssh', now)).toMatchObject({ ok: false, block: 'vpn-route' });
    expect(access.connect(vpn, at('vpn-gw'), 'https', now)).toMatchObject({ ok: false, block: 'vpn-route' });
  });

  it('a design without a VPN refuses VPN origins', () => {
    const { access, at } = build(miniPlant([{ id: 'none' }]));
    expect(access.connect({ kind: 'vpn', account: 'shared-vpn' }, at('jump'), 'rdp', now)).toMatchObject({
      ok: false,
      block: 'vpn-route',
    });
  });

  it('a shared account opens the tunnel for anyone who holds it, not only its owners', () => {
    const { access, model } = build(miniPlant([vpnDesign()]));
    const stolen = { credentials: new Set([model.credentialIndex.get('shared-vpn')!]), mfaUsers: new Set<number>() };
    const footholds = remoteFootholds(access, stolen, undefined, new Set());
    expect(footholds).toHaveLength(1);
    expect(footholds[0]).toMatchObject({
      origin: { kind: 'vpn', account: 'shared-vpn' },
      label: 'VPN login as shared-vpn (shared account)',
      technique: 'T0822',
    });
  });

  it('opens once: a second account does not add a second tunnel', () => {
    const { access, model } = build(miniPlant([vpnDesign()]));
    const both = {
      credentials: new Set(['shared-vpn', 'tech-vpn'].map((c) => model.credentialIndex.get(c)!)),
      mfaUsers: new Set<number>(),
    };
    const opened = new Set<string>();
    expect(remoteFootholds(access, both, undefined, opened)).toHaveLength(1);
    expect(remoteFootholds(access, both, undefined, opened)).toHaveLength(0);
  });

  it('an account the design does not list opens nothing', () => {
    const { access, model } = build(miniPlant([vpnDesign({ accounts: ['tech-vpn'] })]));
    const stolen = { credentials: new Set([model.credentialIndex.get('shared-vpn')!]), mfaUsers: new Set<number>() };
    expect(remoteFootholds(access, stolen, undefined, new Set())).toEqual([]);
  });

  it('with MFA, a stolen password is refused; the owner’s second factor opens it', () => {
    const { access, model, scenario } = build(miniPlant([vpnDesign({ mfa: true })]));
    const cred = model.credentialIndex.get('shared-vpn')!;
    expect(
      remoteFootholds(access, { credentials: new Set([cred]), mfaUsers: new Set() }, undefined, new Set()),
    ).toEqual([]);
    // Any owner of a shared account can complete the second factor.
    const eng = model.userIndex.get('eng')!;
    expect(
      remoteFootholds(access, { credentials: new Set([cred]), mfaUsers: new Set([eng]) }, undefined, new Set()),
    ).toHaveLength(1);
    const approver = model.userIndex.get('approver')!;
    expect(
      remoteFootholds(access, { credentials: new Set([cred]), mfaUsers: new Set([approver]) }, undefined, new Set()),
    ).toEqual([]);
    // Through initialEntry: a stolen credential has no second factor, a live session on the laptop does.
    const stolen = attackSchema.parse({
      id: 'a',
      initialAccess: { kind: 'stolen-credential', credential: 'shared-vpn' },
    });
    expect(initialEntry(access, stolen).footholds).toEqual([]);
    const live = attackSchema.parse({
      id: 'b',
      initialAccess: { kind: 'compromised-device', device: 'tech-laptop', liveSession: true },
    });
    expect(initialEntry(access, live).footholds.map((f) => f.origin.kind)).toEqual(['vpn']);
    expect(scenario.designs[0]!.vpn!.mfa).toBe(true);
  });

  it('is anonymous at an enclave gateway: no rule can name it, so a gated zone stays shut', () => {
    const rules: RuleInput[] = [
      {
        id: 'everyone-in-the-lab',
        subjects: { roles: ['tech', 'eng'], orgs: ['oem', 'internal', 'integrator'] },
        actions: ['*'],
        resources: ['*'],
        conditions: { sources: ['vpn'] },
      },
    ];
    const { access, at } = build(
      miniPlant([
        vpnDesign(
          { routes: '*' },
          { gateways: [{ zone: 'ctl' }], zt: { connectors: ['conn-ops'], policy: { rules } } },
        ),
      ]),
    );
    const vpn: Origin = { kind: 'vpn', account: 'shared-vpn' };
    expect(access.connect(vpn, at('plc1'), 's7.read', now)).toMatchObject({
      ok: false,
      block: 'gateway',
      mitigation: 'M0935',
      decision: { effect: 'deny', reasons: [{ kind: 'no-matching-rule' }] },
    });
    expect(access.connect(vpn, at('hmi1'), 'vnc', now)).toMatchObject({ ok: true, layer: 'network' });
  });
});

describe('zero-trust broker', () => {
  const tech = (input = miniPlant([ztDesign([techReadsPlc1], opsToCtl)]), mfa = true) => {
    const built = build(input);
    const subject = brokerSubject(
      built.model,
      built.model.userIndex.get('tech')!,
      built.scenario.identities.devices[0],
    );
    return { ...built, origin: { kind: 'broker', subject, mfa } as Origin };
  };

  it('allows exactly what the PDP grants, from a connector', () => {
    const { access, at, origin } = tech();
    expect(access.connect(origin, at('plc1'), 's7.read', now)).toMatchObject({
      ok: true,
      layer: 'broker',
      connector: at('conn-ops'),
      decision: { effect: 'allow', ruleId: 'tech-read' },
    });
    expect(access.connect(origin, at('plc1'), 's7.write', now)).toMatchObject({
      ok: false,
      block: 'broker',
      mitigation: 'M0801',
    });
  });

  it('a brokered session cannot reach an ungranted asset, even one the connector reaches', () => {
    const { access, model, at, origin } = tech(
      miniPlant([ztDesign([techReadsPlc1], { conduits: [{ from: '*', to: '*' }] })]),
    );
    expect(access.connect(origin, at('plc1'), 's7.read', now).ok).toBe(true);
    for (const a of model.assets) {
      if (a.id === 'plc1') continue;
      for (const s of a.services) {
        const action = actionsOfProtocol(s.protocol)[0]!;
        expect(access.connect(origin, a.index, action, now).ok, `${a.id} ${action}`).toBe(false);
      }
    }
    const know = { credentials: new Set(model.credentials.map((c) => c.index)), mfaUsers: new Set([0, 1, 2]) };
    expect(movesAgainst(access, origin, model.assets[at('hmi1')]!, know, now).moves).toEqual([]);
  });

  it('refuses without MFA when the rule asks for it', () => {
    const { access, at, origin } = tech(undefined, false);
    const out = access.connect(origin, at('plc1'), 's7.read', now);
    expect(out).toMatchObject({ ok: false, block: 'broker', decision: { effect: 'deny' } });
  });

  it('a pending approval is refused until the approval is in the state', () => {
    const rule: RuleInput = {
      id: 'write-approved',
      subjects: { roles: ['tech'] },
      actions: ['s7.write'],
      resources: ['plc1'],
      conditions: { approval: { by: 'approver', validHours: 2 } },
    };
    const { access, at, origin } = tech(miniPlant([ztDesign([rule], opsToCtl)]));
    const pending = access.connect(origin, at('plc1'), 's7.write', now);
    expect(pending).toMatchObject({
      ok: false,
      block: 'broker',
      decision: { effect: 'pending', approvalBy: 'approver' },
    });
    expect(!pending.ok && pending.reason).toContain('awaits approval');
    const approvals = new Map([['write-approved', { expiresAt: 2 }]]);
    expect(access.connect(origin, at('plc1'), 's7.write', { time: 1, approvals }).ok).toBe(true);
    expect(access.connect(origin, at('plc1'), 's7.write', { time: 3, approvals }).ok).toBe(false);
  });

  it('honours maintenance windows', () => {
    const rule: RuleInput = {
      id: 'window',
      subjects: { roles: ['tech'] },
      actions: ['vnc'],
      resources: [{ kind: 'hmi' }],
      conditions: { window: 'maint' },
    };
    const { access, at, origin } = tech(miniPlant([ztDesign([rule])]));
    expect(access.connect(origin, at('hmi2'), 'vnc', inWindow).ok).toBe(true);
    expect(access.connect(origin, at('hmi2'), 'vnc', { time: 12 }).ok).toBe(false);
  });

  it('refuses when no connector reaches the target, whatever the policy says', () => {
    const all: RuleInput = { id: 'all', subjects: { roles: ['tech'] }, actions: ['*'], resources: ['*'] };
    const { access, at, origin } = tech(miniPlant([ztDesign([all])]));
    // conn-ops (ops) reaches cell on rdp/vnc, but nothing reaches ctl from ops, nor corp.
    expect(access.connect(origin, at('hmi1'), 'rdp', now).ok).toBe(true);
    expect(access.connect(origin, at('plc1'), 's7.read', now)).toMatchObject({
      ok: false,
      block: 'no-connector',
      mitigation: 'M0930',
    });
    expect(access.connect(origin, at('corp-ws'), 'rdp', now)).toMatchObject({ ok: false, block: 'no-connector' });
    // An isolated connector does not count.
    expect(access.connect(origin, at('hmi1'), 'rdp', { time: 0, isolated: new Set([at('conn-ops')]) })).toMatchObject({
      ok: false,
      block: 'no-connector',
    });
  });

  it('a design without a broker refuses brokered origins', () => {
    const { access, at, origin } = tech(miniPlant([{ id: 'none' }]));
    expect(access.connect(origin, at('hmi1'), 'rdp', now)).toMatchObject({ ok: false, block: 'broker' });
  });

  it('opens a session only with a personal user account, one per user', () => {
    const { access, model } = tech();
    const know = {
      credentials: new Set(['tech-account', 'shared-vpn', 'admin'].map((c) => model.credentialIndex.get(c)!)),
      mfaUsers: new Set([model.userIndex.get('tech')!]),
    };
    const opened = new Set<string>();
    const first = remoteFootholds(access, know, model.devices[0], opened);
    expect(first.map((f) => f.label)).toEqual(['brokered session as tech on tech-laptop']);
    expect(first[0]!.origin).toMatchObject({
      kind: 'broker',
      mfa: true,
      subject: { user: 'tech', device: 'tech-laptop', managedDevice: true },
    });
    expect(remoteFootholds(access, know, model.devices[0], opened)).toEqual([]);
  });
});

describe('enclave gateway', () => {
  const lineLocal: RuleInput = {
    id: 'hmi1-writes',
    subjects: { devices: ['hmi1'] },
    actions: ['s7.write'],
    resources: [{ zone: 'ctl' }],
  };

  it('the PDP decides host-originated connections into the zone, with the host as device', () => {
    const { access, at } = build(miniPlant([ztDesign([lineLocal], { gateways: [{ zone: 'ctl' }] })]));
    const fromHmi1 = access.connect({ kind: 'host', asset: at('hmi1') }, at('plc1'), 's7.write', now);
    expect(fromHmi1).toMatchObject({
      ok: true,
      layer: 'gateway',
      decision: { effect: 'allow', ruleId: 'hmi1-writes' },
    });
    const fromHmi2 = access.connect({ kind: 'host', asset: at('hmi2') }, at('plc1'), 's7.write', now);
    expect(fromHmi2).toMatchObject({
      ok: false,
      block: 'gateway',
      decision: { effect: 'deny', reasons: [{ kind: 'no-matching-rule' }] },
    });
    expect(access.connect({ kind: 'host', asset: at('hmi1') }, at('plc1'), 's7.read', now)).toMatchObject({
      ok: false,
      block: 'gateway',
    });
  });

  it('the network still filters first', () => {
    const { access, at } = build(
      miniPlant([ztDesign([{ ...lineLocal, actions: ['modbus.write'] }], { gateways: [{ zone: 'ctl' }] })]),
    );
    expect(access.connect({ kind: 'host', asset: at('hmi1') }, at('plc2'), 'modbus.write', now)).toMatchObject({
      ok: false,
      block: 'conduit',
    });
  });

  it('locks deny at the gateway', () => {
    const { access, at } = build(miniPlant([ztDesign([lineLocal], { gateways: [{ zone: 'ctl' }] })]));
    expect(
      access.connect({ kind: 'host', asset: at('hmi1') }, at('plc1'), 's7.write', {
        time: 0,
        locks: new Set(['hmi1']),
      }),
    ).toMatchObject({ ok: false, block: 'gateway' });
  });

  it('ungated zones are not asked', () => {
    const { access, at } = build(miniPlant([ztDesign([], { gateways: [{ zone: 'ctl' }] })]));
    expect(access.connect({ kind: 'host', asset: at('scada') }, at('hmi1'), 'rdp', now)).toMatchObject({
      ok: true,
      layer: 'network',
      decision: null,
    });
  });

  it('a dual-homed host is entered around a gateway through its open zone', () => {
    // bridge sits in ops and ctl. Gate ctl: from ops it is open, from ctl the PDP decides.
    const ctlGated = build(miniPlant([ztDesign([], { gateways: [{ zone: 'ctl' }] })]));
    expect(
      ctlGated.access.connect({ kind: 'host', asset: ctlGated.at('scada') }, ctlGated.at('bridge'), 'rdp', now),
    ).toMatchObject({ ok: true, layer: 'network' });
    expect(
      ctlGated.access.connect({ kind: 'host', asset: ctlGated.at('plc1') }, ctlGated.at('bridge'), 'rdp', now),
    ).toMatchObject({ ok: false, block: 'gateway' });
    expect(
      ctlGated.access.connect({ kind: 'host', asset: ctlGated.at('bridge') }, ctlGated.at('plc1'), 's7.write', now),
    ).toMatchObject({ ok: false, block: 'gateway' });
    // Gate its primary zone only: the control-zone interface bypasses that gateway.
    const opsGated = build(miniPlant([ztDesign([], { gateways: [{ zone: 'ops' }] })]));
    expect(
      opsGated.access.connect({ kind: 'host', asset: opsGated.at('plc1') }, opsGated.at('bridge'), 'rdp', now),
    ).toMatchObject({ ok: true, layer: 'network' });
    expect(
      opsGated.access.connect({ kind: 'host', asset: opsGated.at('scada') }, opsGated.at('bridge'), 'rdp', now),
    ).toMatchObject({ ok: false, block: 'gateway' });
  });
});

describe('internet origin', () => {
  it('reaches only the exposed asset', () => {
    const { access, model, at } = build(miniPlant());
    const origin: Origin = { kind: 'internet', exposed: at('jump') };
    expect(access.connect(origin, at('jump'), 'rdp', now)).toMatchObject({ ok: true, layer: 'network' });
    for (const a of model.assets) {
      if (a.id === 'jump' || a.services.length === 0) continue;
      const action = actionsOfProtocol(a.services[0]!.protocol)[0]!;
      expect(access.connect(origin, a.index, action, now)).toMatchObject({ ok: false, block: 'not-exposed' });
    }
    expect(access.connect(origin, at('jump'), 'smb', now)).toMatchObject({ ok: false, block: 'no-service' });
  });
});
