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
  /** Their ids, in the order they went down. */
  downLines: string[];
  arcs: Arc[];
}

const ARC_MEMORY = 6;

/** The foothold an event gives the attacker, if it gives one. */
const gained = (e: TraceEvent): string | null =>
  e.type === 'attack.initial' || e.type === 'attack.foothold' ? e.foothold : null;

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
    const foothold = gained(e);
    if (foothold !== null && wanted.has(foothold) && !owned.has(foothold)) owned.set(foothold, i);
    const struck =
      (e.type === 'attack.step' && e.outcome === 'success') || e.type === 'attack.impact' ? e.target : null;
    if (struck !== null && wanted.has(struck) && !hit.has(struck)) hit.set(struck, i);
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
    downLines: [],
    arcs: [],
  };
  for (const [id, i] of fallen) if (i < n) frame.compromised.set(id, i);
  const arcs: Arc[] = [];
  for (let i = 0; i < n; i++) {
    const e = run.trace[i]!;
    switch (e.type) {
      case 'attack.initial':
      case 'attack.foothold':
        frame.footholds.set(e.foothold, 'live');
        break;
      case 'attack.step':
        frame.attempts++;
        arcs.push({
          index: i,
          source: e.foothold,
          target: e.target,
          kind: e.outcome === 'success' ? 'success' : 'failure',
          age: 0,
        });
        break;
      // A request held for an approval is drawn and counted as refused: it did not go through.
      case 'attack.refused':
      case 'attack.held':
        frame.denied++;
        frame.attempts++;
        arcs.push({ index: i, source: e.foothold, target: e.target, kind: 'denied', age: 0 });
        break;
      case 'defense.detect':
        frame.detections++;
        if (e.host !== undefined) frame.detected.add(e.host);
        break;
      // A finding is the defenders' own: it flags the host like a detection, without a sensor.
      case 'defense.find':
        if (e.via === 'host') frame.detected.add(e.foothold);
        break;
      // Each impact opens an outage of its line and each recovery closes one: a line can be hit again.
      case 'attack.impact':
        frame.linesDown++;
        frame.downLines.push(e.line);
        break;
      case 'line.recovered':
        frame.linesDown--;
        frame.downLines = frame.downLines.filter((l) => l !== e.line);
        break;
      case 'attack.foothold-lost':
        frame.revocations++;
        frame.footholds.set(e.foothold, 'revoked');
        break;
      case 'pdp.block':
        frame.revocations++;
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

/**
 * Production lost by `time`: each disrupted line's value per hour times the hours it has been down
 * (until it recovered). At the run's horizon this is the run's production loss.
 */
export function lossAt(run: RunResult, valuePerHour: ReadonlyMap<string, number>, time: number): number {
  const down = new Map<string, number>();
  let loss = 0;
  for (const e of run.trace) {
    if (e.t > time) break;
    if (e.type === 'attack.impact' && !down.has(e.line)) down.set(e.line, e.t);
    else if (e.type === 'line.recovered' && down.has(e.line)) {
      loss += (e.t - down.get(e.line)!) * (valuePerHour.get(e.line) ?? 0);
      down.set(e.line, Number.NaN);
    }
  }
  for (const [line, since] of down) if (!Number.isNaN(since)) loss += (time - since) * (valuePerHour.get(line) ?? 0);
  return loss;
}
