import { describe, expect, it } from 'vitest';
import { Incident } from '../../sim/defense/Incident.js';
import { Playbook } from '../../sim/defense/Playbook.js';
import { applyStep } from '../../sim/defense/responseActions.js';
import { playbookStepSchema, type PlaybookStep, responseSchema } from '../../sim/model/schema.js';
import { type DesignInput, miniPlant } from '../helpers/plants.js';
import { hostFoothold, vpnTunnel, worldOf } from '../helpers/world.js';

const both: DesignInput = {
  id: 'both',
  vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: ['dmz'], accounts: ['shared-vpn', 'tech-vpn'] },
  zt: { connectors: ['conn-ops'] },
};

/** A world where the defenders know the attacker's shared-VPN tunnel and its footholds on jump and plc1. */
function known(design: DesignInput = both) {
  const t = worldOf(miniPlant([design]));
  const incident = new Incident(t.world);
  t.world.gainFoothold(vpnTunnel('shared-vpn', t.model.credentialIndex.get('shared-vpn')!));
  incident.named(t.at('jump'), 'shared-vpn');
  incident.named(t.at('plc1'), null);
  const apply = (step: Partial<PlaybookStep> & Pick<PlaybookStep, 'action'>) =>
    applyStep(t.world, incident, playbookStepSchema.parse(step), null);
  return { ...t, incident, apply };
}

describe('playbook actions', () => {
  it('isolate-host cuts the known hosts the attacker can run tools on, once', () => {
    const k = known();
    expect(k.apply({ action: 'isolate-host' })).toEqual(['jump']);
    expect(k.apply({ action: 'isolate-host' })).toEqual([]);
    expect([...k.world.isolated]).toEqual([k.at('jump')]);
  });

  it('quarantine-zone closes the zones of known hosts, or the zones it names', () => {
    const k = known();
    expect(k.apply({ action: 'quarantine-zone' })).toEqual(['dmz', 'ctl']);
    expect(k.apply({ action: 'quarantine-zone', zones: ['cell', 'dmz'] })).toEqual(['cell']);
  });

  it('disable-account cuts a shared VPN account for everyone; a user is locked with the VPN accounts only they hold', () => {
    const k = known();
    expect(k.apply({ action: 'disable-account' })).toEqual(['shared-vpn']);
    expect(k.apply({ action: 'disable-account', accounts: ['tech-account'] })).toEqual(['tech']);
    expect([...k.world.locks]).toEqual(['tech']);
    const byUser = known();
    byUser.incident.named(null, 'tech');
    expect(byUser.apply({ action: 'disable-account' })).toEqual(['shared-vpn', 'tech', 'tech-vpn']);
  });

  it('shut-vpn and shut-broker shut only what the design has', () => {
    const k = known();
    expect(k.apply({ action: 'shut-vpn' })).toEqual(['vpn']);
    expect(k.apply({ action: 'shut-broker' })).toEqual(['broker']);
    const vpnOnly = known({ id: 'vpn', vpn: both.vpn! });
    expect(vpnOnly.apply({ action: 'shut-broker' })).toEqual([]);
  });

  it('rotate-credentials changes the credentials known used or cached on known hosts, and tells whoever listens', () => {
    const k = known();
    const heard: string[] = [];
    k.world.onRotation.push((c) => heard.push(k.model.credentials[c]!.id));
    expect(k.apply({ action: 'rotate-credentials' })).toEqual(['admin', 'shared-vpn']);
    expect(k.apply({ action: 'rotate-credentials', credentials: ['plc-project'] })).toEqual(['plc-project']);
    expect(heard).toEqual(['admin', 'shared-vpn', 'plc-project']);
  });

  it('lock-identity and revoke-sessions lock the known identities; disable-vpn-account only the design VPN accounts', () => {
    const k = known();
    expect(k.apply({ action: 'disable-vpn-account' })).toEqual(['shared-vpn']);
    expect(k.apply({ action: 'lock-identity' })).toEqual(['shared-vpn']);
    expect(k.apply({ action: 'revoke-sessions' })).toEqual([]);
  });
});

describe('a playbook round', () => {
  it('reimages a known host, isolated or not, back in service clean after its duration, and lifts a timed quarantine', () => {
    const t = worldOf(miniPlant([both]));
    const incident = new Incident(t.world);
    t.world.gainFoothold(hostFoothold(t.at('jump'), 'jump'));
    incident.named(t.at('jump'), null);
    const response = responseSchema.parse({
      time: 1,
      playbook: [
        { action: 'isolate-host' },
        { action: 'reimage-host', after: 2, duration: 5 },
        { action: 'quarantine-zone', duration: 10 },
      ],
    });
    const lifts: boolean[] = [];
    t.world.onResponse.push((lifted) => lifts.push(lifted));
    new Playbook(t.world, incident, response).trigger();
    t.world.kernel.run(t.world.horizon);
    const events = t.world.trace.map((e) => [e.t, e.type, e.detail]);
    expect(events).toEqual([
      [1, 'defense.respond', 'response round 1: 1 host, 0 identities and 1 credential known'],
      [1, 'defense.act', 'isolate-host: jump'],
      [1, 'defense.act', 'quarantine-zone: dmz'],
      [3, 'defense.act', 'reimage-host: jump'],
      [8, 'defense.lift', 'jump back in service, reimaged clean'],
      [11, 'defense.lift', 'quarantine-zone of dmz lifted after 10.0 h'],
    ]);
    expect(lifts).toEqual([false, false, false, true, true]);
    // Rebuilt clean: off the network no more, and no longer a host the attacker is known to be on.
    expect(t.world.isolated.size + t.world.quarantined.size).toBe(0);
    expect(incident.hosts.size).toBe(0);
  });

  it('starts one round for any number of triggers while it waits for triage', () => {
    const t = worldOf(miniPlant([both]));
    const pb = new Playbook(
      t.world,
      new Incident(t.world),
      responseSchema.parse({ time: 2, actions: ['isolate-host'] }),
    );
    t.world.kernel.scheduleAt(0, () => pb.trigger());
    t.world.kernel.scheduleAt(1, () => pb.trigger());
    t.world.kernel.scheduleAt(3, () => pb.trigger());
    t.world.kernel.run(t.world.horizon);
    expect(t.world.trace.filter((e) => e.type === 'defense.respond').map((e) => e.t)).toEqual([2, 5]);
  });
});
