import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/contract/trace.js';
import { Defenders } from '../../sim/defense/Defenders.js';
import type { Observable } from '../../sim/world/World.js';
import { type DesignInput, miniPlant } from '../helpers/plants.js';
import { action, hostFoothold, worldOf } from '../helpers/world.js';

type SensorInput = NonNullable<DesignInput['sensors']>[number];

/** Runs the defenders of `design` against attacker actions seen at t = 1, to the horizon. */
function defend(
  design: DesignInput,
  seen: (zone: (id: string) => number, at: (id: string) => number) => Omit<Observable, 't'>[],
) {
  const t = worldOf(miniPlant([design]));
  const defenders = new Defenders(t.world);
  defenders.start();
  let responses = 0;
  t.world.onResponse.push(() => responses++);
  const zone = (id: string) => t.model.zoneIndex.get(id)!;
  t.world.kernel.scheduleAt(1, () => {
    for (const o of seen(zone, t.at)) t.world.observe(o);
  });
  t.world.kernel.run(t.world.horizon);
  return {
    ...t,
    responses: () => responses,
    events: (type: TraceEvent['type']) => t.world.trace.filter((e) => e.type === type),
  };
}

/** Does a lone sensor of this kind, certain and instant, flag the action? */
function flags(
  sensor: Omit<SensorInput, 'probability' | 'delay'>,
  o: (zone: (id: string) => number, at: (id: string) => number) => Partial<Omit<Observable, 't'>>,
): boolean {
  const run = defend({ id: 'd', sensors: [{ ...sensor, probability: 1, delay: 0 }] }, (zone, at) => [
    action(o(zone, at)),
  ]);
  return run.events('defense.detect').length > 0;
}

describe('sensors', () => {
  it('see only what they cover', () => {
    expect(flags({ kind: 'vpn-log' }, () => ({ viaVpn: true }))).toBe(true);
    expect(flags({ kind: 'vpn-log' }, (zone) => ({ viaVpn: true, zone: zone('cell') }))).toBe(false);
    expect(
      flags({ kind: 'firewall-log', zones: ['cell'] }, (zone) => ({ crossesZone: true, zone: zone('cell') })),
    ).toBe(true);
    expect(flags({ kind: 'firewall-log', zones: ['cell'] }, (zone) => ({ zone: zone('cell') }))).toBe(false);
    expect(flags({ kind: 'firewall-log', zones: ['cell'] }, (zone) => ({ crossesZone: true, zone: zone('ctl') }))).toBe(
      false,
    );
    expect(flags({ kind: 'zt-telemetry' }, () => ({ pdpDecided: true }))).toBe(true);
    expect(flags({ kind: 'zt-telemetry' }, () => ({}))).toBe(false);
    expect(flags({ kind: 'ot-ids', zones: ['ctl'] }, (zone) => ({ industrial: true, zone: zone('ctl') }))).toBe(true);
    expect(flags({ kind: 'ot-ids', zones: ['ctl'] }, (zone) => ({ scan: true, zone: zone('ctl') }))).toBe(true);
    expect(flags({ kind: 'ot-ids', zones: ['ctl'] }, (zone) => ({ zone: zone('ctl') }))).toBe(false);
    expect(flags({ kind: 'ot-ids', zones: ['ctl'] }, (zone) => ({ industrial: true, zone: zone('cell') }))).toBe(false);
    expect(flags({ kind: 'edr', zones: ['cell'] }, (zone, at) => ({ onHost: at('hmi1'), zone: zone('ctl') }))).toBe(
      true,
    );
    expect(flags({ kind: 'edr', zones: ['cell'] }, (zone) => ({ zone: zone('cell') }))).toBe(false);
  });

  it('report the sensor, the technique, the host and the identity, after their delay', () => {
    const run = defend({ id: 'd', sensors: [{ kind: 'edr', probability: 1, delay: 0.5 }] }, (_, at) => [
      action({ technique: 'T0859', onHost: at('jump'), identity: 'shared-vpn' }),
    ]);
    expect(run.events('defense.detect')).toEqual([
      {
        t: 1.5,
        type: 'defense.detect',
        sensor: 'edr',
        technique: 'T0859',
        host: 'jump',
        identity: 'shared-vpn',
        detail: 'edr flags T0859 by shared-vpn',
      },
    ]);
    expect(run.world.detectedAt).toBe(1.5);
  });

  it('a sensor that never notices never detects', () => {
    const run = defend({ id: 'd', sensors: [{ kind: 'edr', probability: 0, delay: 0 }] }, (_, at) => [
      action({ onHost: at('jump') }),
    ]);
    expect(run.events('defense.detect')).toEqual([]);
    expect(run.world.detectedAt).toBeNull();
  });
});

describe('the response', () => {
  const watched: DesignInput = {
    id: 'watched',
    vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: ['dmz'], accounts: ['shared-vpn'] },
    sensors: [
      { kind: 'edr', probability: 1, delay: 0 },
      { kind: 'vpn-log', probability: 1, delay: 0 },
    ],
    response: {
      time: 2,
      actions: ['isolate-host', 'disable-vpn-account'],
      playbook: [{ action: 'lock-identity', after: 3 }],
      investigation: { perHour: 0, linkedPerHour: 0 },
    },
  };
  const acts = (run: ReturnType<typeof defend>) =>
    run.events('defense.act').map((e) => e.type === 'defense.act' && [e.t, e.action, e.targets.join(' ')]);

  it('starts a round after its triage time; each step runs at its own time on what the detections named', () => {
    const run = defend(watched, (_, at) => [
      action({ onHost: at('jump'), identity: 'shared-vpn', viaVpn: true }),
      action({ onHost: at('plc1'), identity: 'tech-vpn', viaVpn: true }),
    ]);
    expect(run.events('defense.detect')).toHaveLength(4);
    expect(run.events('defense.respond').map((e) => [e.t, e.detail])).toEqual([
      [3, 'response round 1: 2 hosts, 2 identities and 3 credentials known'],
    ]);
    // A controller is no host to isolate; an account this design's VPN does not use is not disabled.
    expect(acts(run)).toEqual([
      [3, 'isolate-host', 'jump'],
      [3, 'disable-vpn-account', 'shared-vpn'],
      [6, 'lock-identity', 'shared-vpn tech-vpn'],
    ]);
    expect([...run.world.isolated]).toEqual([run.at('jump')]);
    expect([...run.world.disabledVpnAccounts]).toEqual(['shared-vpn']);
    expect([...run.world.locks]).toEqual(['shared-vpn', 'tech-vpn']);
    expect(run.responses()).toBe(3);
  });

  it('says so when no detection named a host or an identity', () => {
    const run = defend(watched, () => [action({ viaVpn: true })]);
    expect(run.events('defense.act').map((e) => e.detail)).toEqual([
      'isolate-host: nothing new to act on',
      'disable-vpn-account: nothing new to act on',
      'lock-identity: nothing new to act on',
    ]);
    expect(run.responses()).toBe(0);
  });

  it('does not run without a response', () => {
    const run = defend({ ...watched, response: undefined }, (_, at) => [action({ onHost: at('jump') })]);
    expect(run.events('defense.detect')).toHaveLength(1);
    expect(run.events('defense.respond')).toEqual([]);
    expect(run.responses()).toBe(0);
  });

  it('a step that does not work this time is reported and changes nothing', () => {
    const design: DesignInput = {
      ...watched,
      response: { time: 1, playbook: [{ action: 'isolate-host', probability: 0 }] },
    };
    const run = defend(design, (_, at) => [action({ onHost: at('jump') })]);
    expect(run.events('defense.act').map((e) => e.detail)).toEqual(['isolate-host did not work this time']);
    expect(run.world.isolated.size).toBe(0);
  });

  it('a PDP that blocks on its own telemetry locks the identity at the detection, before the response', () => {
    const zt: DesignInput = {
      id: 'zt',
      zt: { connectors: ['conn-ops'], blockOnDetection: true },
      sensors: [{ kind: 'zt-telemetry', probability: 1, delay: 0.25 }],
      response: { time: 5, actions: ['revoke-sessions'] },
    };
    const run = defend(zt, () => [action({ pdpDecided: true, identity: 'tech' })]);
    expect(run.events('pdp.block')).toEqual([
      {
        t: 1.25,
        type: 'pdp.block',
        identity: 'tech',
        detail: 'the PDP blocks tech on its own telemetry: live sessions revoked, new ones refused',
      },
    ]);
    expect(run.events('defense.respond').map((e) => e.t)).toEqual([6.25]);
    // The identity was locked already: the round has nothing new to cut.
    expect(acts(run)).toEqual([[6.25, 'revoke-sessions', '']]);
    expect(run.responses()).toBe(1);
    expect([...run.world.locks]).toEqual(['tech']);
  });

  it('an alert about an attacker already cut off everywhere is a containment', () => {
    const t = worldOf(miniPlant([watched]));
    new Defenders(t.world).start();
    t.world.gainFoothold(hostFoothold(t.at('jump'), 'jump'));
    t.world.kernel.scheduleAt(0.5, () => t.world.loseFoothold(0));
    t.world.kernel.scheduleAt(1, () => t.world.observe(action({ onHost: t.at('jump') })));
    t.world.kernel.run(t.world.horizon);
    expect(t.world.containedAt).toBe(1);
    expect(t.world.trace.filter((e) => e.type === 'defense.contain')).toHaveLength(1);
  });
});
