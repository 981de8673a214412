import { describe, expect, it } from 'vitest';
import type { RunResult, TraceEvent } from '../../sim/contract/trace.js';
import { compromiseIndex, cursorAtTime, frameAt } from '../../web/src/views/replayState.js';
import { makeBundle } from './browser.js';

function run(trace: TraceEvent[], compromised: string[]): RunResult {
  return {
    scenario: null,
    design: 'd',
    attack: 'a',
    seed: '1:0',
    horizonHours: 72,
    metrics: {} as RunResult['metrics'],
    compromised,
    linesImpacted: [],
    blockedBy: {},
    trace,
  };
}

const trace: TraceEvent[] = [
  { t: 2, type: 'attack.initial', technique: 'T0822', foothold: 'vpn-client', via: 'vpn', detail: '' },
  {
    t: 3,
    type: 'attack.step',
    technique: 'T0866',
    foothold: 'vpn-client',
    target: 'jump',
    action: 'rdp',
    outcome: 'success',
    detail: '',
  },
  { t: 3, type: 'attack.foothold', technique: 'T0867', foothold: 'jump', via: 'host', detail: '' },
  {
    t: 4,
    type: 'attack.step',
    technique: 'T0855',
    foothold: 'jump',
    target: 'plc1',
    action: 's7.write',
    outcome: 'failure',
    detail: '',
  },
  {
    t: 5,
    type: 'attack.refused',
    foothold: 'jump',
    target: 'plc2',
    action: 's7.write',
    mitigation: 'M0930',
    detail: '',
  },
  {
    t: 6,
    type: 'attack.step',
    technique: 'T0855',
    foothold: 'jump',
    target: 'plc1',
    action: 's7.write',
    outcome: 'success',
    detail: '',
  },
  { t: 7, type: 'defense.detect', sensor: 'edr', technique: 'T0855', host: 'jump', detail: '' },
  { t: 8, type: 'attack.foothold-lost', foothold: 'jump', via: 'host', detail: '' },
];

describe('replay state', () => {
  it('dates each compromised asset by the event that made it a foothold, or the first successful step on it', () => {
    expect([...compromiseIndex(run(trace, ['jump', 'plc1']))]).toEqual([
      ['jump', 2],
      ['plc1', 5],
    ]);
  });

  it('leaves out assets outside the run’s compromised set, even after a successful step', () => {
    expect([...compromiseIndex(run(trace, ['jump'])).keys()]).toEqual(['jump']);
  });

  it('applies events up to the cursor', () => {
    const r = run(trace, ['jump', 'plc1']);
    const fallen = compromiseIndex(r);
    const at = (c: number) => frameAt(r, fallen, c);
    expect(at(0)).toMatchObject({ time: 0, attempts: 0 });
    expect(at(0).compromised.size).toBe(0);
    expect([...at(3).compromised.keys()]).toEqual(['jump']);
    expect([...at(3).footholds]).toEqual([
      ['vpn-client', 'live'],
      ['jump', 'live'],
    ]);
    const f = at(trace.length);
    expect([...f.compromised.keys()]).toEqual(['jump', 'plc1']);
    expect(f).toMatchObject({ time: 8, attempts: 4, denied: 1, detections: 1, revocations: 1 });
    expect(f.footholds.get('jump')).toBe('revoked');
    expect([...f.detected]).toEqual(['jump']);
    expect(f.arcs.map((a) => [a.target, a.kind, a.age])).toEqual([
      ['jump', 'success', 3],
      ['plc1', 'failure', 2],
      ['plc2', 'denied', 1],
      ['plc1', 'success', 0],
    ]);
  });

  it('counts a line down from its disruption until it is back in production', () => {
    const t: TraceEvent[] = [
      ...trace.slice(0, 6),
      { t: 6, type: 'attack.impact', technique: 'T0831', foothold: 'jump', target: 'plc1', line: 'line1', detail: '' },
      { t: 8, type: 'attack.foothold-lost', foothold: 'jump', via: 'host', detail: '' },
      { t: 20, type: 'line.recovered', line: 'line1', detail: '' },
    ];
    const r = run(t, ['jump', 'plc1']);
    const at = (c: number) => frameAt(r, compromiseIndex(r), c).linesDown;
    expect([at(6), at(7), at(8), at(9)]).toEqual([0, 1, 1, 0]);
  });

  it('draws a request held for approval as refused, and a PDP block as a revocation of no foothold', () => {
    const t: TraceEvent[] = [
      { t: 1, type: 'attack.initial', technique: 'T0822', foothold: 'zt-session(oem)', via: 'broker', detail: '' },
      {
        t: 2,
        type: 'attack.held',
        foothold: 'zt-session(oem)',
        target: 'plc1',
        action: 's7.write',
        rule: 'jit',
        detail: '',
      },
      { t: 3, type: 'pdp.block', identity: 'oem', detail: '' },
      { t: 4, type: 'attack.foothold-lost', foothold: 'zt-session(oem)', via: 'broker', detail: '' },
      { t: 5, type: 'attack.foothold', technique: 'T0822', foothold: 'vpn-client', via: 'vpn', detail: '' },
    ];
    const r = run(t, []);
    const at = (c: number) => frameAt(r, new Map(), c);
    expect(at(2)).toMatchObject({ attempts: 1, denied: 1 });
    expect(at(2).arcs.map((a) => a.kind)).toEqual(['denied']);
    expect(at(3).revocations).toBe(1);
    expect([...at(3).footholds]).toEqual([['zt-session(oem)', 'live']]);
    expect([...at(5).footholds]).toEqual([
      ['zt-session(oem)', 'revoked'],
      ['vpn-client', 'live'],
    ]);
  });

  it('clamps the cursor and finds it from a time', () => {
    const r = run(trace, []);
    expect(frameAt(r, new Map(), 99).cursor).toBe(trace.length);
    expect(cursorAtTime(trace, 0)).toBe(0);
    expect(cursorAtTime(trace, 3)).toBe(3);
    expect(cursorAtTime(trace, 3.5)).toBe(3);
    expect(cursorAtTime(trace, 100)).toBe(trace.length);
  });

  it('shows as many compromised assets at the end of every pharma representative run as its metrics count', () => {
    const { bundle } = makeBundle('scenarios/pharma.yaml', 8);
    for (const d of bundle.designs) {
      const r = d.representativeRun;
      expect(frameAt(r, compromiseIndex(r), r.trace.length).compromised.size, d.id).toBe(r.metrics.compromisedAssets);
    }
  });
});
