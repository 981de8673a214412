// Hostile traffic at the broker, on loopback, bounded in count and time: malformed MBAP frames, a
// client trickling one byte a second, and 1,000 connection attempts at once. A legitimate
// client's reads keep working, every refusal is in the audit chain, and nothing is left running.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { handshake } from '../../sim/live/client.js';
import { withModbusClient } from '../../sim/live/modbusClient.js';
import { verifyAuditLog } from '../../sim/policy/index.js';
import type { Testbed } from '../../sim/live/Testbed.js';
import { forward, oemToken, pharma, startTestbed, stopAfterEach } from './support.js';

stopAfterEach();

const LIMITS = { helloTimeoutMs: 300, frameTimeoutMs: 1500, maxPending: 64 };

function mbap(functionCode: number, pdu: number[], length?: number, protocol = 0): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(1, 0);
  head.writeUInt16BE(protocol, 2);
  head.writeUInt16BE(length ?? pdu.length + 2, 4);
  head.writeUInt8(1, 6);
  head.writeUInt8(functionCode, 7);
  return Buffer.concat([head, Buffer.from(pdu)]);
}

/** An authenticated raw connection to l1-plc3 through the broker. */
async function rawSession(bed: Testbed): Promise<Socket> {
  const { socket, reply } = await handshake(bed.broker!.port, {
    op: 'connect',
    token: oemToken(bed),
    asset: 'l1-plc3',
    action: 'modbus.read',
  });
  expect(reply.ok).toBe(true);
  return socket;
}

/** What comes back before the connection ends or `ms` pass. */
function collect(socket: Socket, ms: number): Promise<{ bytes: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve({ bytes: Buffer.concat(chunks), closed });
    };
    const onData = (c: Buffer): void => void chunks.push(c);
    const timer = setTimeout(() => finish(false), ms);
    socket.on('data', onData);
    socket.once('close', () => finish(true));
    socket.resume();
  });
}

const refusedFrames = (bed: Testbed) =>
  bed.audit.log.records.map((r) => r.event).filter((e) => e.type === 'live.frame-refused');

/**
 * A legitimate client connects and reads, then `hostile` starts; the client reads every `everyMs`
 * until it ends. Returns the hostile run's result and the read count.
 */
async function readThrough<T>(
  bed: Testbed,
  hostile: () => Promise<T>,
  everyMs = 25,
): Promise<{ result: T; reads: number }> {
  const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
  return withModbusClient(f.port, async (client) => {
    const read = async () => expect((await client.readHoldingRegisters(0, 2)).data).toEqual([1150, 1151]);
    await read();
    let done = false;
    const run = hostile().finally(() => {
      done = true;
    });
    let reads = 0;
    while (!done) {
      await read();
      reads++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
    return { result: await run, reads };
  });
}

describe('hostile traffic at the zero-trust broker', () => {
  it('malformed frames are answered or dropped, each audited, while a legitimate client reads on', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7, limits: LIMITS });
    const { reads } = await readThrough(bed, async () => {
      const cases: { name: string; bytes: Buffer; closes: boolean; reply?: number[] }[] = [
        { name: 'length-field', bytes: mbap(3, [], 1), closes: true },
        { name: 'protocol-id', bytes: mbap(3, [0, 0, 0, 1], undefined, 7), closes: true },
        { name: 'pdu-too-long', bytes: mbap(16, new Array(260).fill(0)), closes: true },
        { name: 'unknown-function', bytes: mbap(0x5a, [1, 2]), closes: false, reply: [0, 1, 0, 0, 0, 3, 1, 0xda, 1] },
      ];
      for (const c of cases) {
        const socket = await rawSession(bed);
        socket.write(c.bytes);
        const got = await collect(socket, 500);
        expect(got.closed, c.name).toBe(c.closes);
        if (c.reply !== undefined) expect([...got.bytes], c.name).toEqual(c.reply);
        socket.destroy();
      }
      // A truncated header, then the client leaves.
      const truncated = await rawSession(bed);
      truncated.end(mbap(3, [0, 0, 0, 1]).subarray(0, 4));
      await collect(truncated, 500);
      // A length field promising more than ever comes.
      const short = await rawSession(bed);
      short.write(mbap(3, [0, 0], 10));
      expect((await collect(short, 3000)).closed).toBe(true);
    });
    expect(reads).toBeGreaterThan(10);
    await new Promise((r) => setTimeout(r, 50));
    expect(refusedFrames(bed).map((e) => e.problem)).toEqual([
      'length-field',
      'protocol-id',
      'pdu-too-long',
      'unknown-function',
      'truncated',
      'slow-frame',
    ]);
    expect(verifyAuditLog(bed.audit.log.toJsonLines())).toMatchObject({ ok: true });
  });

  it('a client sending one byte a second is cut when its frame is overdue; reads go on meanwhile', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7, limits: LIMITS });
    const { result, reads } = await readThrough(bed, async () => {
      const socket = await rawSession(bed);
      const frame = mbap(3, [0, 0, 0, 1]);
      const closed = collect(socket, 5000);
      for (let i = 0; i < frame.length && !socket.destroyed; i++) {
        socket.write(frame.subarray(i, i + 1));
        await new Promise((r) => setTimeout(r, 1000));
      }
      return closed;
    });
    expect((await result).closed).toBe(true);
    expect(reads).toBeGreaterThan(10);
    expect(refusedFrames(bed)).toEqual([
      expect.objectContaining({
        problem: 'slow-frame',
        detail: expect.stringMatching(/still incomplete after 1500 ms/),
      }),
    ]);
  });

  it('1,000 concurrent connection attempts are dropped or timed out, each audited; reads go on, and a new client gets in after', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7, limits: LIMITS });
    const { reads } = await readThrough(bed, async () => {
      const sockets = Array.from({ length: 1000 }, (_, i) => {
        const s = connect(bed.broker!.port, '127.0.0.1');
        s.on('error', () => s.destroy());
        if (i % 2 === 0) s.on('connect', () => s.write('{"op":"connect","token":"x'));
        return s;
      });
      await Promise.all(sockets.map((s) => collect(s, 2000)));
      for (const s of sockets) s.destroy();
    });
    expect(reads).toBeGreaterThan(5);
    const refusals = () => bed.audit.log.records.map((r) => r.event).filter((e) => e.type === 'live.refused');
    const count = (reason: string) => refusals().filter((e) => e.reason === reason).length;
    // On a loaded machine the last refusals may be written after the clients gave up waiting.
    for (let waited = 0; count('overload') + count('bad-handshake') < 1000 && waited < 15_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(count('overload') + count('bad-handshake')).toBe(1000);
    expect(count('overload')).toBeGreaterThan(0);
    // After the flood a new connection gets the same answer as before it.
    const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
    await withModbusClient(f.port, async (client) =>
      expect((await client.readHoldingRegisters(0, 1)).data).toEqual([1150]),
    );
    expect(verifyAuditLog(bed.audit.log.toJsonLines())).toMatchObject({ ok: true });
  });
});
