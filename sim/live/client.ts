// The client's side of an entry point: the handshake line, and a local forwarder so that any
// TCP client — a Modbus library, a terminal — can use a tunnel without knowing of it (as an SSH
// -L forward or a zero-trust client agent does).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { closeServer, LOOPBACK, listenLoopback } from './freePort.js';
import { readLine, writeLine } from './lines.js';

export type EntryReply = { ok: boolean; reason?: string; block?: string } & Record<string, unknown>;

const REPLY_LIMITS = { maxBytes: 16_384, timeoutMs: 5000 };

/** Connects to an entry point and sends `hello`; on `ok` the socket then carries the service. */
export async function handshake(
  port: number,
  hello: Record<string, unknown>,
): Promise<{ socket: Socket; reply: EntryReply }> {
  const socket = connect(port, LOOPBACK);
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('close', () => resolve(false));
  });
  if (!connected) return { socket, reply: { ok: false, reason: `nothing answers on 127.0.0.1:${port}` } };
  writeLine(socket, hello);
  let reply: EntryReply;
  try {
    reply = JSON.parse(await readLine(socket, REPLY_LIMITS)) as EntryReply;
  } catch (error) {
    socket.destroy();
    return { socket, reply: { ok: false, reason: `no answer from the entry point (${(error as Error).message})` } };
  }
  if (!reply.ok) socket.destroy();
  return { socket, reply };
}

/** A login exchange: the reply only. */
export async function login(port: number, hello: Record<string, unknown>): Promise<EntryReply> {
  const { socket, reply } = await handshake(port, { op: 'login', ...hello });
  socket.destroy();
  return reply;
}

/** A local port that opens a tunnelled connection for every client that connects to it. */
export class LocalForward {
  readonly #sockets = new Set<Socket>();
  /** The entry point's answer to the last connection. */
  lastReply: EntryReply | null = null;
  #onRefusal: (reply: EntryReply) => void = () => undefined;
  /** Settles when the entry point refuses a connection: a client's pending request can stop waiting. */
  readonly refused = new Promise<EntryReply>((resolve) => {
    this.#onRefusal = resolve;
  });

  private constructor(
    readonly port: number,
    private readonly server: Server,
  ) {}

  static async open(entryPort: number, hello: Record<string, unknown>): Promise<LocalForward> {
    const box: { forward?: LocalForward } = {};
    const server = createServer((local) => {
      const f = box.forward!;
      f.#sockets.add(local);
      local.on('close', () => f.#sockets.delete(local));
      local.on('error', () => local.destroy());
      local.pause();
      void handshake(entryPort, { op: 'connect', ...hello }).then(({ socket, reply }) => {
        f.lastReply = reply;
        if (!reply.ok) f.#onRefusal(reply);
        if (!reply.ok || local.destroyed) {
          socket.destroy();
          local.destroy();
          return;
        }
        f.#sockets.add(socket);
        socket.on('close', () => {
          f.#sockets.delete(socket);
          local.destroy();
        });
        local.on('close', () => socket.destroy());
        socket.pipe(local);
        local.pipe(socket);
        socket.resume();
        local.resume();
      });
    });
    const port = await listenLoopback(server);
    box.forward = new LocalForward(port, server);
    return box.forward;
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await closeServer(this.server);
  }
}

/** `request`, or a rejection as soon as the forward's entry point refuses the connection. */
export function unlessRefused<T>(forward: LocalForward, request: Promise<T>): Promise<T> {
  request.catch(() => undefined); // it may still time out after the race is decided
  return Promise.race([
    request,
    forward.refused.then((reply) => {
      throw new Error(`refused: ${reply.reason}`);
    }),
  ]);
}
