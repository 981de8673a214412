// Listening on 127.0.0.1 only, on a port the system picks.
import { createServer, type Server } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** Starts `server` on 127.0.0.1 with an ephemeral port and returns the port. */
export function listenLoopback(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

/** A port free a moment ago, for servers that cannot be told to take port 0. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listenLoopback(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
