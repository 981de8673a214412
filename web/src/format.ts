// Number formatting shared by the views.
import { format } from 'd3';

const compact = format('.3~s');
const pct0 = format('.0%');

export const percent = (x: number | null): string => (x === null ? '–' : pct0(x));

export function hours(h: number | null): string {
  if (h === null) return '–';
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 100) return `${h.toFixed(h < 10 ? 2 : 1).replace(/\.?0+$/, '')} h`;
  return `${Math.round(h)} h`;
}

/** Clock-like simulated time: 37h47. */
export function clock(h: number): string {
  const whole = Math.floor(h);
  const min = Math.floor((h - whole) * 60);
  return `${whole}h${String(min).padStart(2, '0')}`;
}

export function number(x: number | null): string {
  if (x === null) return '–';
  if (Math.abs(x) >= 10_000) return compact(x).replace('G', 'B');
  if (Number.isInteger(x)) return String(x);
  return x.toFixed(Math.abs(x) < 10 ? 2 : 1).replace(/\.?0+$/, '');
}

export function signed(x: number | null, fmt: (v: number | null) => string = number): string {
  if (x === null) return '–';
  return x > 0 ? `+${fmt(x)}` : fmt(x);
}
