// Recurring time windows: open when ((time - start) mod every) < duration, time in simulated hours.
import type { TimeWindow } from './rules.js';

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
 * a window that never closes. The edge is computed from the period start, then
 * nudged forward until the state really flips: floating-point rounding can land
 * it a hair early, and a re-evaluation scheduled there must see the change.
 */
export function nextWindowChange(window: WindowShape, time: number): number {
  const { every, start, duration } = window;
  if (duration >= every) return Infinity;
  const open = windowOpen(window, time);
  const k = Math.floor((time - start) / every);
  let edge = open ? start + k * every + duration : start + (k + 1) * every;
  if (!(edge > time) || edge - time > every)
    edge = time + (open ? duration - phase(window, time) : every - phase(window, time));
  let step = ulp(time);
  if (!(edge > time)) edge = time + step;
  for (let i = 0; windowOpen(window, edge) === open && i < 1100; i++, step *= 2) edge += Math.max(step, ulp(edge));
  return edge;
}

function ulp(x: number): number {
  return Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
}
