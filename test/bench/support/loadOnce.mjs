// One scenario load in a fresh process, as a command's start pays it: prints the milliseconds
// loadScenario took (wall and this process's CPU) as JSON. Runs the compiled library in dist/.
import { loadScenario } from '../../../dist/index.js';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const result = loadScenario(process.argv[2]);
const wallMs = performance.now() - t0;
const cpuMs = cpu() - c0;
if (!result.ok) {
  console.error(`${process.argv[2]}: ${result.issues.length} problems`);
  process.exit(1);
}
console.log(JSON.stringify({ wallMs, cpuMs }));
