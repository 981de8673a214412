// Recurring time windows: open when ((time - start) mod every) < duration, time in simulated hours.
import type { TimeWindow } from '../scenario/schema.js';

type WindowShape = Pick<TimeWindow, 'every' | 'start' | 'duration'>;

function phase(window: WindowShape, time: number): number {
  const p = (time - window.start) % window.every;
  return p < 0 ? p + window.every : p;
}

export function windowOpen(window: WindowShape, time: number): boolean {
  return window.duration >= window.every || phase(window, time) < window.duration;
}

/**
 * The first time after `time` at which the window opens or closes; Infinity for
 * a window that never closes. Floating-point rounding can land the computed
 * edge a hair early, so it is nudged until the state really flips: a
 * re-evaluation scheduled there must see the change.
 */
export function nextWindowChange(window: WindowShape, time: number): number {
  if (window.duration >= window.every) return Infinity;
  const open = windowOpen(window, time);
  const p = phase(window, time);
  let edge = time + (open ? window.duration - p : window.every - p);
  if (edge <= time) edge = time + ulp(time);
  for (let i = 0; i < 64 && windowOpen(window, edge) === open; i++) edge += ulp(edge);
  return edge;
}

function ulp(x: number): number {
  return Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
}
