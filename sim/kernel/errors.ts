/** What a caller did wrong; tests match on `code`, people read `message`. */
export type KernelErrorCode =
  | 'INVALID_DELAY'
  | 'INVALID_TIME'
  | 'TIME_IN_PAST'
  | 'INVALID_HORIZON'
  | 'REENTRANT_RUN'
  | 'CAPACITY'
  | 'INVALID_ARGUMENT';

/** Thrown on misuse of the kernel (never for an expected simulation outcome). */
export class KernelError extends Error {
  override readonly name = 'KernelError';
  constructor(
    readonly code: KernelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type BudgetKind = 'EVENT_BUDGET' | 'TIME_BUDGET';

/** A run asked for more events or simulated time than the kernel's budget: bad input, not a bug. */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError';
  constructor(
    readonly code: BudgetKind,
    message: string,
  ) {
    super(message);
  }
}
