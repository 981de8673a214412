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

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compactNotation: boolean): Intl.NumberFormat {
  const key = `${currency}|${compactNotation}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(
      'en-US',
      compactNotation
        ? { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }
        : { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 },
    );
    moneyFormats.set(key, f);
  }
  return f;
}

/** Money in the scenario's currency, compact ("€7.05M"); a plain compact number when it names none. */
export function money(x: number | null, currency: string | undefined): string {
  if (x === null) return '–';
  if (currency === undefined) return number(Math.round(x));
  return moneyFormat(currency, Math.abs(x) >= 10_000).format(Math.round(x) + 0);
}

/** Money to the unit: "€7,048,647". */
export function moneyExact(x: number | null, currency: string | undefined): string {
  if (x === null) return '–';
  if (currency === undefined) return Math.round(x).toLocaleString('en-US');
  return moneyFormat(currency, false).format(Math.round(x) + 0);
}
