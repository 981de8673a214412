// Modbus/TCP framing as an enforcement point reads it: the MBAP header, the function code, and
// what a malformed frame is. Pure: bytes in, frames or a located problem out.
import type { Action } from '../model/catalog.js';

/** MBAP header: transaction (2), protocol (2, always 0), length (2: unit id + PDU), unit id (1). */
export const MBAP_BYTES = 7;
/** The largest PDU the standard allows: function code + 252 data bytes. */
export const MAX_PDU = 253;

const READS = new Set([1, 2, 3, 4]);
const WRITES = new Set([5, 6, 15, 16, 23]);

export interface ModbusFrame {
  transaction: number;
  unit: number;
  functionCode: number;
  /** The whole frame, header included, to forward as it came. */
  bytes: Buffer;
}

export type FrameProblem = 'protocol-id' | 'length-field' | 'pdu-too-long';

export type FrameResult =
  | { kind: 'frame'; frame: ModbusFrame }
  | { kind: 'malformed'; problem: FrameProblem; detail: string };

/** The function a frame asks for, or null for a function code the testbed does not pass. */
export function modbusAction(functionCode: number): Action | null {
  if (READS.has(functionCode)) return 'modbus.read';
  if (WRITES.has(functionCode)) return 'modbus.write';
  return null;
}

/** Modbus exception 0x01, Illegal Function: "not an allowable action for the server". */
export const REFUSED_EXCEPTION = 0x01;

export function exceptionResponse(frame: ModbusFrame, code: number): Buffer {
  const out = Buffer.alloc(MBAP_BYTES + 2);
  out.writeUInt16BE(frame.transaction, 0);
  out.writeUInt16BE(0, 2);
  out.writeUInt16BE(3, 4);
  out.writeUInt8(frame.unit, 6);
  out.writeUInt8((frame.functionCode | 0x80) & 0xff, 7);
  out.writeUInt8(code, 8);
  return out;
}

/**
 * Splits a byte stream into frames. A frame whose header cannot be trusted ends the stream: past
 * a wrong length field there is no telling where the next frame starts.
 */
export class FrameReader {
  #buffer: Buffer = Buffer.alloc(0);

  /** Bytes of an unfinished frame. */
  get pending(): number {
    return this.#buffer.length;
  }

  push(chunk: Buffer): FrameResult[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const out: FrameResult[] = [];
    while (this.#buffer.length >= MBAP_BYTES) {
      const b = this.#buffer;
      const protocol = b.readUInt16BE(2);
      const length = b.readUInt16BE(4);
      if (protocol !== 0) return this.#fail(out, 'protocol-id', `protocol id ${protocol}, expected 0`);
      if (length < 2) return this.#fail(out, 'length-field', `length field ${length} leaves no function code`);
      if (length - 1 > MAX_PDU)
        return this.#fail(
          out,
          'pdu-too-long',
          `length field ${length}: a PDU of ${length - 1} bytes exceeds ${MAX_PDU}`,
        );
      const size = 6 + length;
      if (b.length < size) break;
      const bytes = b.subarray(0, size);
      out.push({
        kind: 'frame',
        frame: { transaction: b.readUInt16BE(0), unit: b.readUInt8(6), functionCode: b.readUInt8(7), bytes },
      });
      this.#buffer = b.subarray(size);
    }
    return out;
  }

  #fail(out: FrameResult[], problem: FrameProblem, detail: string): FrameResult[] {
    this.#buffer = Buffer.alloc(0);
    out.push({ kind: 'malformed', problem, detail });
    return out;
  }
}
