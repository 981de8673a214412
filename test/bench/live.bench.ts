// The testbed's cost on the wire: a Modbus read through the zero-trust broker (client forward,
// broker, connector) against the same read straight to the emulated PLC, in the same run and
// interleaved; reads per second one request in flight; and the time from a revocation to the
// client seeing its connection closed.
import { bench, describe } from 'vitest';
import { withModbusClient } from '../../sim/live/modbusClient.js';
import { LocalForward } from '../../sim/live/client.js';
import { Testbed } from '../../sim/live/Testbed.js';
import { oemToken, pharma } from '../live/support.js';
import { formatTable, num } from './support/table.js';

const SAMPLES = 2000;
const WARMUP = 200;
const THROUGHPUT_MS = 1000;
const REVOCATIONS = 50;

type Client = Parameters<Parameters<typeof withModbusClient>[1]>[0];

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function timedRead(client: Client): Promise<number> {
  const t0 = performance.now();
  await client.readHoldingRegisters(0, 2);
  return performance.now() - t0;
}

async function readsPerSecond(client: Client): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < THROUGHPUT_MS) {
    await client.readHoldingRegisters(0, 2);
    n++;
  }
  return (n * 1000) / (performance.now() - t0);
}

let table = '';

async function measure(): Promise<void> {
  const bed = await Testbed.start(pharma().model, pharma().design('zt'), { startHour: 7 });
  const hello = { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' };
  const forward = await LocalForward.open(bed.broker!.port, hello);
  try {
    const direct: number[] = [];
    const brokered: number[] = [];
    let rates = { direct: 0, brokered: 0 };
    await withModbusClient(bed.services.plcs.get('l1-plc3')!.port, (d) =>
      withModbusClient(forward.port, async (b) => {
        for (let i = 0; i < WARMUP; i++) await Promise.all([timedRead(d), timedRead(b)]);
        for (let i = 0; i < SAMPLES; i++) {
          direct.push(await timedRead(d));
          brokered.push(await timedRead(b));
        }
        // Twice each, alternating, so a change in the machine's load hits both.
        const runs = { direct: [] as number[], brokered: [] as number[] };
        for (let i = 0; i < 2; i++) {
          runs.direct.push(await readsPerSecond(d));
          runs.brokered.push(await readsPerSecond(b));
        }
        rates = { direct: Math.max(...runs.direct), brokered: Math.max(...runs.brokered) };
      }),
    );
    const closure: number[] = [];
    for (let i = 0; i < REVOCATIONS; i++)
      await withModbusClient(forward.port, async (client) => {
        await client.readHoldingRegisters(0, 1);
        const emitter = client as unknown as NodeJS.EventEmitter;
        const closed = new Promise<number>((resolve) => {
          const t0 = performance.now();
          emitter.once('close', () => resolve(performance.now() - t0));
        });
        bed.revokeSessions('oem-tech');
        closure.push(await closed);
      });
    const us = (ms: number) => num(ms * 1000);
    const row = (name: string, xs: number[], rate: number) => [
      name,
      us(quantile(xs, 0.5)),
      us(quantile(xs, 0.99)),
      num(rate),
    ];
    table = [
      formatTable(
        `Modbus read round trip on 127.0.0.1, pharma.yaml zt, l1-plc3 (${num(SAMPLES)} reads each, interleaved; reads/s with one request in flight, best of 2 x ${THROUGHPUT_MS} ms)`,
        ['path', 'p50 µs', 'p99 µs', 'reads/s'],
        [
          row('direct to the PLC', direct, rates.direct),
          row('through the broker', brokered, rates.brokered),
          [
            'broker / direct',
            `${(quantile(brokered, 0.5) / quantile(direct, 0.5)).toFixed(2)}x (+${us(quantile(brokered, 0.5) - quantile(direct, 0.5))} µs)`,
            `${(quantile(brokered, 0.99) / quantile(direct, 0.99)).toFixed(2)}x`,
            `${(rates.brokered / rates.direct).toFixed(2)}x`,
          ],
        ],
      ),
      formatTable(
        `Revocation to the client seeing its Modbus connection closed (${REVOCATIONS} revocations)`,
        ['', 'p50 ms', 'p99 ms', 'max ms'],
        [
          [
            'revokeSessions → close',
            num(quantile(closure, 0.5), 2),
            num(quantile(closure, 0.99), 2),
            num(Math.max(...closure), 2),
          ],
        ],
      ),
    ].join('\n\n');
  } finally {
    await forward.close();
    await bed.stop();
  }
}

describe('live testbed', () => {
  // Bench mode runs no afterAll, but it runs each task's teardown.
  bench('brokered vs direct Modbus reads, and revocation', measure, {
    iterations: 1,
    warmupIterations: 0,
    time: 0,
    warmupTime: 0,
    teardown: (_task, mode) => {
      if (mode === 'run' && table !== '') console.log(`\n${table}\n`);
    },
  });
});
