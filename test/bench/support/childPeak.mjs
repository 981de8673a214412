// Preloaded into a benchmarked child process (NODE_OPTIONS=--import): on exit, the main thread
// writes the process's own peak resident set and CPU time, worker threads included, as JSON to
// the file SEGSIM_BENCH_PEAK names. getrusage through Node, so no /usr/bin/time or /proc needed.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.SEGSIM_BENCH_PEAK;
if (out && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
