// One text line at a time from a socket, bounded in size and time: the handshake of the entry
// points and the command line of the emulated services. Nothing here waits forever.
import type { Socket } from 'node:net';

export class LineError extends Error {
  override name = 'LineError';
  constructor(
    readonly code: 'too-long' | 'timeout' | 'closed',
    message: string,
  ) {
    super(message);
  }
}

export interface LineLimits {
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Reads up to the next "\n" and leaves any bytes after it in the socket for whoever reads next.
 * Rejects when the line grows past `maxBytes`, takes longer than `timeoutMs`, or the peer goes.
 */
export function readLine(socket: Socket, limits: LineLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const done = (error: LineError | null, line?: string, rest?: Buffer): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onClose);
      socket.pause();
      if (rest !== undefined && rest.length > 0) socket.unshift(rest);
      if (error !== null) reject(error);
      else resolve(line!);
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf(10);
      if (end >= 0 && end <= limits.maxBytes)
        return done(null, buffered.subarray(0, end).toString('utf8').replace(/\r$/, ''), buffered.subarray(end + 1));
      if (buffered.length > limits.maxBytes)
        done(new LineError('too-long', `a line longer than ${limits.maxBytes} bytes`));
    };
    const onClose = (): void => done(new LineError('closed', 'the peer closed before ending its line'));
    const timer = setTimeout(
      () => done(new LineError('timeout', `no complete line within ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onClose);
    socket.resume();
  });
}

export function writeLine(socket: Socket, value: unknown): void {
  if (!socket.destroyed) socket.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
}
