// The state of a replay after the first `cursor` trace events, pure: what is compromised, which
// footholds are live or revoked, which hosts a sensor flagged, and the latest connection attempts.
import type { RunResult, TraceEvent } from '../data/bundle.js';

export interface Arc {
  index: number;
  source: string;
  target: string;
  kind: 'success' | 'failure' | 'denied';
  /** 0 for the latest arc, growing with age. */
  age: number;
}

export interface ReplayFrame {
  cursor: number;
  time: number;
  /** Asset → index of the event that compromised it. */
  compromised: Map<string, number>;
  footholds: Map<string, 'live' | 'revoked'>;
  detected: Set<string>;
  attempts: number;
  denied: number;
  detections: number;
  revocations: number;
  /** Lines disrupted and not yet back in production. */
  linesDown: number;
  arcs: Arc[];
}

const OWNED_TECHNIQUE = 'T0867';
const ARC_MEMORY = 6;

const owns = (e: TraceEvent) =>
  e.outcome === 'success' &&
  e.target !== undefined &&
  ((e.type === 'attack.step' && e.technique === OWNED_TECHNIQUE && e.source === undefined) ||
    e.type === 'attack.initial');

/**
 * When each asset of the run's compromised set fell, as an event index: the event that made it a
 * foothold, else (a controller) the first successful step against it. Assets the trace never
 * shows falling are left out, so a replay's count checks the trace against the run's metrics.
 */
export function compromiseIndex(run: RunResult): Map<string, number> {
  const wanted = new Set(run.compromised);
  const owned = new Map<string, number>();
  const hit = new Map<string, number>();
  run.trace.forEach((e, i) => {
    if (e.target === undefined || !wanted.has(e.target)) return;
    if (owns(e) && !owned.has(e.target)) owned.set(e.target, i);
    if (e.outcome === 'success' && (e.type === 'attack.step' || e.type === 'attack.impact') && !hit.has(e.target))
      hit.set(e.target, i);
  });
  const out = new Map<string, number>();
  for (const id of run.compromised) {
    const i = owned.get(id) ?? hit.get(id);
    if (i !== undefined) out.set(id, i);
  }
  return out;
}

export function frameAt(run: RunResult, fallen: ReadonlyMap<string, number>, cursor: number): ReplayFrame {
  const n = Math.max(0, Math.min(cursor, run.trace.length));
  const frame: ReplayFrame = {
    cursor: n,
    time: n === 0 ? 0 : run.trace[n - 1]!.t,
    compromised: new Map(),
    footholds: new Map(),
    detected: new Set(),
    attempts: 0,
    denied: 0,
    detections: 0,
    revocations: 0,
    linesDown: 0,
    arcs: [],
  };
  for (const [id, i] of fallen) if (i < n) frame.compromised.set(id, i);
  const arcs: Arc[] = [];
  for (let i = 0; i < n; i++) {
    const e = run.trace[i]!;
    switch (e.type) {
      case 'attack.initial':
      case 'attack.step':
        if (owns(e)) frame.footholds.set(e.target!, 'live');
        if (e.type === 'attack.step' && e.source !== undefined && e.target !== undefined) {
          frame.attempts++;
          arcs.push({
            index: i,
            source: e.source,
            target: e.target,
            kind: e.outcome === 'success' ? 'success' : 'failure',
            age: 0,
          });
        }
        break;
      case 'attack.denied':
        frame.denied++;
        frame.attempts++;
        if (e.source !== undefined && e.target !== undefined)
          arcs.push({ index: i, source: e.source, target: e.target, kind: 'denied', age: 0 });
        break;
      case 'defense.detect':
        frame.detections++;
        if (e.source !== undefined) frame.detected.add(e.source);
        break;
      // A run disrupts each line once at most, and brings it back once at most.
      case 'attack.impact':
        if (e.outcome === 'success') frame.linesDown++;
        break;
      case 'defense.recover':
        frame.linesDown--;
        break;
      case 'policy.revoke':
        frame.revocations++;
        if (e.target !== undefined) frame.footholds.set(e.target, 'revoked');
        break;
      default:
        break;
    }
  }
  frame.arcs = arcs.slice(-ARC_MEMORY).map((a, j, all) => ({ ...a, age: all.length - 1 - j }));
  return frame;
}

/** Number of events with t ≤ time. */
export function cursorAtTime(trace: readonly TraceEvent[], time: number): number {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid]!.t <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
