// Carries bytes between a client and a service once an entry point let the connection through.
// Where the PDP decided, Modbus/TCP is read frame by frame: reads and writes are functions the
// grant must cover, and what it does not cover is answered with a Modbus exception.
import type { Socket } from 'node:net';
import type { Action } from '../model/catalog.js';
import { exceptionResponse, FrameReader, modbusAction, REFUSED_EXCEPTION, type ModbusFrame } from './modbusFrames.js';

export interface FrameGuard {
  /** Is this function allowed on this connection? Asked for each frame whose function was not allowed before. */
  allows(action: Action): boolean;
  /** A frame or stream the relay refused: for the audit trail. */
  refused(problem: string, detail: string, frame: ModbusFrame | null): void;
  /** A partial frame older than this ends the connection (a client trickling bytes). */
  frameTimeoutMs: number;
}

export function relay(client: Socket, upstream: Socket, guard: FrameGuard | null): void {
  const end = (): void => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end).on('close', end);
  upstream.on('error', end).on('close', end);
  upstream.pipe(client);
  if (guard === null) {
    client.pipe(upstream);
    client.resume();
    return;
  }
  const reader = new FrameReader();
  const allowed = new Set<Action>();
  let cut = false;
  const cutOff = (): void => {
    cut = true;
    end();
  };
  let timer: NodeJS.Timeout | null = null;
  const watchPartial = (): void => {
    if (reader.pending === 0) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    } else
      timer ??= setTimeout(() => {
        guard.refused(
          'slow-frame',
          `${reader.pending} bytes of a frame still incomplete after ${guard.frameTimeoutMs} ms`,
          null,
        );
        cutOff();
      }, guard.frameTimeoutMs);
  };
  client.on('close', () => {
    if (timer !== null) clearTimeout(timer);
    if (reader.pending > 0 && !cut)
      guard.refused('truncated', `the client left with ${reader.pending} bytes of an unfinished frame`, null);
  });
  client.on('data', (chunk: Buffer) => {
    for (const result of reader.push(chunk)) {
      if (result.kind === 'malformed') {
        guard.refused(result.problem, result.detail, null);
        return cutOff();
      }
      const frame = result.frame;
      const action = modbusAction(frame.functionCode);
      if (action === null) {
        guard.refused('unknown-function', `function code ${frame.functionCode}`, frame);
        client.write(exceptionResponse(frame, REFUSED_EXCEPTION));
      } else if (allowed.has(action) || guard.allows(action)) {
        if (client.destroyed) return;
        allowed.add(action);
        upstream.write(frame.bytes);
      } else {
        if (client.destroyed) return;
        guard.refused('not-granted', `function code ${frame.functionCode} (${action}) is not granted`, frame);
        client.write(exceptionResponse(frame, REFUSED_EXCEPTION));
      }
    }
    watchPartial();
  });
  client.resume();
}
