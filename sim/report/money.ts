// Money in the scenario's currency (ISO 4217, en-US conventions so output is the same everywhere),
// or a plain whole number when the scenario names none.
import { num } from './rows.js';

const formats = new Map<string, Intl.NumberFormat>();

/** "€7,048,647" with a currency, "7,048,647" without; "–" for no value. */
export function money(x: number | null, currency: string | undefined): string {
  if (x === null) return '–';
  if (currency === undefined) return num(x, 0);
  let f = formats.get(currency);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    formats.set(currency, f);
  }
  return f.format(Math.round(x) + 0);
}
