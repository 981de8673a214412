import { describe, expect, it } from 'vitest';
import type { BundlePlant } from '../../sim/contract/bundle.js';
import { upgradeTraceV1 } from '../../sim/contract/traceV1.js';
import type { TraceEventV1 } from '../../sim/contract/v1.js';

const plant: BundlePlant = {
  zones: [],
  lines: [],
  conduits: [],
  assets: ['jump', 'plc1'].map((id) => ({
    id,
    name: null,
    kind: id === 'plc1' ? 'plc' : 'jump-host',
    zone: 'z',
    dualHomed: [],
    line: id === 'plc1' ? 'line1' : null,
    level: 1,
    criticality: 'high',
  })),
};

const v1 = (e: Partial<TraceEventV1> & Pick<TraceEventV1, 'type'>): TraceEventV1 => ({
  t: 1,
  actor: 'attacker',
  outcome: 'success',
  detail: 'd',
  ...e,
});

const one = (e: TraceEventV1) => upgradeTraceV1([e], plant)[0];

describe('a version-1 trace read as version-2 events', () => {
  it('tells footholds from steps, and a host from a tunnel', () => {
    expect(one(v1({ type: 'attack.initial', technique: 'T0822', target: 'vpn-client' }))).toEqual({
      t: 1,
      type: 'attack.initial',
      technique: 'T0822',
      foothold: 'vpn-client',
      via: 'vpn',
      detail: 'd',
    });
    expect(one(v1({ type: 'attack.initial', technique: 'T0822', outcome: 'failure' }))).toMatchObject({
      type: 'attack.no-entry',
    });
    expect(one(v1({ type: 'attack.step', technique: 'T0867', target: 'jump' }))).toMatchObject({
      type: 'attack.foothold',
      foothold: 'jump',
      via: 'host',
    });
    expect(one(v1({ type: 'attack.step', technique: 'T0822', target: 'zt-session(oem)' }))).toMatchObject({
      type: 'attack.foothold',
      via: 'broker',
    });
    expect(one(v1({ type: 'attack.step', technique: 'T0855', target: 'plc1', outcome: 'failure' }))).toMatchObject({
      type: 'attack.unable',
      target: 'plc1',
    });
    expect(
      one(
        v1({
          type: 'attack.step',
          technique: 'T0855',
          source: 'jump',
          target: 'plc1',
          action: 's7.write',
          decision: 'r1',
        }),
      ),
    ).toEqual({
      t: 1,
      type: 'attack.step',
      technique: 'T0855',
      foothold: 'jump',
      target: 'plc1',
      action: 's7.write',
      rule: 'r1',
      outcome: 'success',
      detail: 'd',
    });
  });

  it('reads refusals, impacts on the target’s line, detections and recoveries', () => {
    expect(
      one(v1({ type: 'attack.denied', source: 'jump', target: 'plc1', action: 's7.write', mitigation: 'M0930' })),
    ).toMatchObject({ type: 'attack.refused', foothold: 'jump', mitigation: 'M0930' });
    expect(one(v1({ type: 'attack.impact', technique: 'T0831', source: 'jump', target: 'plc1' }))).toMatchObject({
      type: 'attack.impact',
      line: 'line1',
    });
    expect(
      one(
        v1({
          type: 'defense.detect',
          actor: 'defender',
          technique: 'T0886',
          detail: 'zt-telemetry flags T0886 (approval of rule r refused) by oem',
        }),
      ),
    ).toMatchObject({ sensor: 'zt-telemetry', identity: 'oem' });
    expect(
      one(
        v1({
          type: 'defense.detect',
          actor: 'defender',
          technique: 'T0846',
          source: 'jump',
          detail: 'edr flags T0846',
        }),
      ),
    ).toEqual({
      t: 1,
      type: 'defense.detect',
      sensor: 'edr',
      technique: 'T0846',
      host: 'jump',
      detail: 'edr flags T0846',
    });
    expect(one(v1({ type: 'defense.recover', actor: 'defender', target: 'line1' }))).toMatchObject({
      type: 'line.recovered',
      line: 'line1',
    });
  });

  it('tells the PDP’s block of an identity from a lost foothold', () => {
    expect(one(v1({ type: 'policy.revoke', actor: 'pdp', target: 'oem', outcome: 'info' }))).toMatchObject({
      type: 'pdp.block',
      identity: 'oem',
    });
    expect(one(v1({ type: 'policy.revoke', actor: 'pdp', target: 'zt-session(oem)', outcome: 'info' }))).toMatchObject({
      type: 'attack.foothold-lost',
      via: 'broker',
    });
    expect(one(v1({ type: 'policy.revoke', actor: 'defender', target: 'jump', outcome: 'info' }))).toMatchObject({
      type: 'attack.foothold-lost',
      via: 'host',
    });
  });

  it('reads approvals and the technicians’ work', () => {
    expect(
      one(v1({ type: 'policy.approve', actor: 'defender', source: 's', decision: 'r', outcome: 'denied' })),
    ).toMatchObject({ type: 'approval.refused', rule: 'r', requester: 's' });
    expect(
      one(v1({ type: 'workload.request', actor: 'technician', source: 'tech', target: 'plc1,jump', outcome: 'info' })),
    ).toMatchObject({ type: 'workload.request', user: 'tech', targets: ['plc1', 'jump'] });
    expect(one(v1({ type: 'workload.access', actor: 'technician', source: 'tech', outcome: 'denied' }))).toMatchObject({
      type: 'workload.failed',
      user: 'tech',
    });
  });
});
