/**
 * How much work one kernel may do: events fired over its life and simulated hours. A run that
 * would pass either stops with a BudgetExceededError instead of hanging or exhausting memory.
 * The bundled plants fire about a thousand events a run; ten years is past any horizon the
 * scenario format allows.
 */
export interface KernelBudget {
  events: number;
  hours: number;
}

export const KERNEL_BUDGET: Readonly<KernelBudget> = Object.freeze({ events: 1_000_000, hours: 87_600 });

/** For benchmarks and tools that drive the kernel far past a simulation's needs on purpose. */
export const UNBOUNDED: Readonly<KernelBudget> = Object.freeze({ events: Infinity, hours: Infinity });
