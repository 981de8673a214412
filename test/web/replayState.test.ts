import { describe, expect, it } from 'vitest';
import type { RunResult, TraceEvent } from '../../sim/contract/trace.js';
import { compromiseIndex, cursorAtTime, frameAt } from '../../web/src/views/replayState.js';
import { makeBundle } from './browser.js';

const ev = (e: Partial<TraceEvent> & Pick<TraceEvent, 't' | 'type'>): TraceEvent => ({
  actor: 'attacker',
  outcome: 'success',
  detail: '',
  ...e,
});

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

const trace = [
  ev({ t: 2, type: 'attack.initial', technique: 'T0822', target: 'vpn-client' }),
  ev({ t: 3, type: 'attack.step', technique: 'T0866', source: 'vpn-client', target: 'jump', outcome: 'success' }),
  ev({ t: 3, type: 'attack.step', technique: 'T0867', target: 'jump' }),
  ev({ t: 4, type: 'attack.step', technique: 'T0855', source: 'jump', target: 'plc1', outcome: 'failure' }),
  ev({ t: 5, type: 'attack.denied', source: 'jump', target: 'plc2', outcome: 'denied', mitigation: 'M0930' }),
  ev({ t: 6, type: 'attack.step', technique: 'T0855', source: 'jump', target: 'plc1' }),
  ev({ t: 7, type: 'defense.detect', actor: 'defender', source: 'jump', outcome: 'info' }),
  ev({ t: 8, type: 'policy.revoke', actor: 'defender', target: 'jump', outcome: 'info' }),
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
    const t = [
      ...trace.slice(0, 6),
      ev({ t: 6, type: 'attack.impact', technique: 'T0831', source: 'jump', target: 'plc1' }),
      ev({ t: 8, type: 'policy.revoke', actor: 'defender', target: 'jump', outcome: 'info' }),
      ev({ t: 20, type: 'defense.recover', actor: 'defender', target: 'line1' }),
    ];
    const r = run(t, ['jump', 'plc1']);
    const at = (c: number) => frameAt(r, compromiseIndex(r), c).linesDown;
    expect([at(6), at(7), at(8), at(9)]).toEqual([0, 1, 1, 0]);
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
