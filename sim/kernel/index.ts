export { Kernel, type RunResult } from './Kernel.js';
export { EventQueue, type EventHandle, type EventFn } from './EventQueue.js';
export { BudgetExceededError, type BudgetKind, KernelError, type KernelErrorCode } from './errors.js';
export { KERNEL_BUDGET, type KernelBudget, UNBOUNDED } from './budget.js';
export { RandomStream, createStream } from './random.js';
export {
  type Distribution,
  sample,
  MAX_DRAW,
  distributionMean,
  describeDistribution,
  normalQuantile,
} from './distributions.js';
