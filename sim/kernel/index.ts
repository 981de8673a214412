export { Kernel, type RunResult } from './Kernel.js';
export { EventQueue, type EventHandle, type EventFn } from './EventQueue.js';
export { KernelError, type KernelErrorCode } from './errors.js';
export { RandomStream, createStream } from './random.js';
export {
  type Distribution,
  sample,
  distributionMean,
  describeDistribution,
  normalQuantile,
} from './distributions.js';
