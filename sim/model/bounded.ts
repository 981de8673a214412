// Numbers with a range from the LIMITS table: the range is in the error message and in the
// published JSON Schema's description.
import { z } from 'zod';
import { describeRange, LIMITS, type Limit } from './limits.js';

export function rangeMessage(limit: Limit, got: unknown): string {
  return `must be ${describeRange(limit)}, got ${String(got)} (see docs/limits.md)`;
}

/** A number in `limit`'s range; `description` says what it is, the range is appended. */
export function bounded(limit: Limit, description?: string, integer = false): z.ZodNumber {
  const error = (issue: { input?: unknown }) => rangeMessage(limit, issue.input);
  const base = integer ? z.number().int() : z.number();
  const low = limit.minExclusive ? base.gt(limit.min, { error }) : base.min(limit.min, { error });
  const range = describeRange(limit);
  return low.max(limit.max, { error }).describe(description === undefined ? range : `${description} (${range})`);
}

/** A repeating interval's mean (see LIMITS.periodHours) is at least its minimum. */
export function shortestMeanMessage(mean: number): string {
  const limit = LIMITS.periodHours;
  return `the mean interval is ${mean} h, below the shortest allowed, ${limit.min} h: a run would schedule events faster than it can finish them (docs/limits.md)`;
}
