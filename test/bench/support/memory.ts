// Peak memory around one benchmark case. Resident memory: the kernel's high-water mark (VmHWM),
// reset at the start of the case through /proc/self/clear_refs, so it catches peaks between
// samples; where /proc is missing, the largest sample. Heap: the largest sample.
import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// vitest starts its workers without --expose-gc; a fresh context sees gc once the flag is set.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MiB = 2 ** 20;

export interface MemoryPeak {
  /** Process resident set high-water mark during the case. */
  rssMiB: number;
  /** Largest heapUsed sampled during the case. */
  heapMiB: number;
  /** That peak minus heapUsed after a full collection at the start of the case. */
  heapGrowthMiB: number;
  /** True when rssMiB is the kernel's high-water mark, false when it is the largest sample. */
  exactRss: boolean;
}

function readHighWaterKiB(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Resets VmHWM to the current RSS; false where the kernel does not allow it. */
function resetHighWater(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return readHighWaterKiB() !== undefined;
  } catch {
    return false;
  }
}

export class MemoryWatch {
  private baseHeap = 0;
  private maxHeap = 0;
  private maxRss = 0;
  private exact = false;

  /** Collects garbage, then starts watching from the memory in use now. */
  start(): void {
    gc();
    const m = process.memoryUsage();
    this.baseHeap = this.maxHeap = m.heapUsed;
    this.maxRss = m.rss;
    this.exact = resetHighWater();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.heapUsed > this.maxHeap) this.maxHeap = m.heapUsed;
    if (m.rss > this.maxRss) this.maxRss = m.rss;
  }

  peak(): MemoryPeak {
    this.sample();
    const hwm = this.exact ? readHighWaterKiB() : undefined;
    const rss = hwm === undefined ? this.maxRss : Math.max(hwm * 1024, this.maxRss);
    return {
      rssMiB: rss / MiB,
      heapMiB: this.maxHeap / MiB,
      heapGrowthMiB: (this.maxHeap - this.baseHeap) / MiB,
      exactRss: hwm !== undefined,
    };
  }
}
