import { describe, expect, it } from 'vitest';
import { exceptionResponse, FrameReader, modbusAction, type ModbusFrame } from '../../sim/live/modbusFrames.js';

/** An MBAP frame: transaction 7, unit 1, the function code and data. */
function frame(functionCode: number, data: number[] = [0, 0, 0, 1], length?: number): Buffer {
  const pdu = Buffer.from([functionCode, ...data]);
  const head = Buffer.alloc(7);
  head.writeUInt16BE(7, 0);
  head.writeUInt16BE(0, 2);
  head.writeUInt16BE(length ?? pdu.length + 1, 4);
  head.writeUInt8(1, 6);
  return Buffer.concat([head, pdu]);
}

const frames = (results: ReturnType<FrameReader['push']>): ModbusFrame[] =>
  results.flatMap((r) => (r.kind === 'frame' ? [r.frame] : []));

describe('FrameReader', () => {
  it('reads whole frames, several to a chunk or one split across chunks', () => {
    const reader = new FrameReader();
    const two = Buffer.concat([frame(3), frame(6, [0, 1, 0xbe, 0xef])]);
    expect(frames(reader.push(two)).map((f) => f.functionCode)).toEqual([3, 6]);
    const split = frame(16, [0, 0, 0, 1, 2, 0, 9]);
    expect(reader.push(split.subarray(0, 5))).toEqual([]);
    expect(reader.pending).toBe(5);
    const [whole] = frames(reader.push(split.subarray(5)));
    expect(whole).toMatchObject({ transaction: 7, unit: 1, functionCode: 16 });
    expect(whole!.bytes.equals(split)).toBe(true);
    expect(reader.pending).toBe(0);
  });

  it('refuses a header it cannot trust: protocol id, a length that leaves no function code, a PDU over 253 bytes', () => {
    const badProtocol = frame(3);
    badProtocol.writeUInt16BE(1, 2);
    expect(new FrameReader().push(badProtocol)).toEqual([
      { kind: 'malformed', problem: 'protocol-id', detail: 'protocol id 1, expected 0' },
    ]);
    expect(new FrameReader().push(frame(3, [], 1))[0]).toMatchObject({ kind: 'malformed', problem: 'length-field' });
    const long = frame(16, new Array(253).fill(0));
    expect(new FrameReader().push(long)[0]).toMatchObject({
      kind: 'malformed',
      problem: 'pdu-too-long',
      detail: 'length field 255: a PDU of 254 bytes exceeds 253',
    });
    expect(frames(new FrameReader().push(frame(16, new Array(252).fill(0))))).toHaveLength(1);
  });

  it('keeps a truncated header pending instead of guessing', () => {
    const reader = new FrameReader();
    expect(reader.push(frame(3).subarray(0, 4))).toEqual([]);
    expect(reader.pending).toBe(4);
  });
});

describe('modbusAction and the exception response', () => {
  it('maps reads and writes and nothing else', () => {
    expect([1, 2, 3, 4].map(modbusAction)).toEqual(Array(4).fill('modbus.read'));
    expect([5, 6, 15, 16, 23].map(modbusAction)).toEqual(Array(5).fill('modbus.write'));
    expect([0, 7, 8, 43, 90, 255].map(modbusAction)).toEqual(Array(6).fill(null));
  });

  it('answers with the function code | 0x80 and the exception code, same transaction and unit', () => {
    const [f] = frames(new FrameReader().push(frame(6, [0, 1, 0, 2])));
    expect([...exceptionResponse(f!, 1)]).toEqual([0, 7, 0, 0, 0, 3, 1, 0x86, 1]);
  });
});
