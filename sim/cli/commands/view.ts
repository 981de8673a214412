// view: serve the built viewer and a results bundle on 127.0.0.1 with node:http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { VIEWER_DIST, viewerPage } from '../../report/html.js';
import { usageError } from '../errors.js';

export interface ViewOptions {
  port: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function registerView(program: Command): Command {
  return program
    .command('view')
    .description(
      'Open results in the web viewer: serves the viewer and a results bundle on 127.0.0.1 and prints the URL',
    )
    .argument(
      '[bundle]',
      'results bundle JSON written by `segsim compare --json` (without one, drop a file on the page)',
    )
    .option('-p, --port <n>', 'port on 127.0.0.1; 0 picks a free one', '8765')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim compare scenarios/pharma.yaml --runs 200 --json pharma.json
  $ segsim view pharma.json
  $ segsim view --port 0            an empty viewer on a free port; drop or choose a bundle

The bundle is read again on every page load, so re-running compare and reloading shows new results.
The viewer is built ahead of time: it comes with the package (in a clone: npm run build).`,
    )
    .action(async (bundle: string | undefined, opts: ViewOptions) => {
      const port = /^\d+$/.test(opts.port) ? Number(opts.port) : NaN;
      if (!Number.isInteger(port) || port > 65535)
        throw usageError(`--port must be a port number (0 for any free one), got "${opts.port}"`);
      if (bundle !== undefined) checkBundle(bundle);
      viewerPage();
      const server = await startViewServer({ dist: VIEWER_DIST, bundle: bundle ?? null, port }).catch(
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'EADDRINUSE')
            throw usageError(`port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`);
          throw err;
        },
      );
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      process.stdout.write(`segsim viewer: http://127.0.0.1:${actual}/\n`);
      process.stdout.write(
        bundle ? `  bundle: ${bundle}\n` : '  no bundle given: drop a results bundle on the page or choose one\n',
      );
      process.stdout.write('  Ctrl-C to stop\n');
      await new Promise<void>((done) => {
        const stop = () => {
          server.close(() => done());
          server.closeAllConnections();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function checkBundle(file: string): void {
  if (!existsSync(file))
    throw usageError(`no such bundle: ${file} (write one with: segsim compare <scenario> --json ${file})`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw usageError(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof data !== 'object' || data === null || (data as { generator?: unknown }).generator !== 'segsim') {
    throw usageError(
      `${file}: not a segsim results bundle (write one with: segsim compare <scenario> --json out.json)`,
    );
  }
}

export interface ViewServerOptions {
  dist: string;
  bundle: string | null;
  port: number;
}

/**
 * The report's policy plus the bundle fetch: the page may load nothing but itself and
 * /bundle.json from this server, and no other site may frame it.
 */
export const VIEW_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves GET/HEAD for the viewer's files and /bundle.json, on the loopback interface only, and only
 * to requests that name this server in their Host header: a page from another site that rebinds
 * its DNS name to 127.0.0.1 sends its own name, and is refused.
 */
export function startViewServer(opts: ViewServerOptions): Promise<Server> {
  const root = resolve(opts.dist);
  const server = createServer((req, res) => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : opts.port;
    if (!hostAllowed(req, port))
      return send(
        res,
        421,
        'text/plain; charset=utf-8',
        `segsim view answers only 127.0.0.1:${port} and localhost:${port}\n`,
        req,
      );
    handle(req, res, root, opts.bundle);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', fail);
      done(server);
    });
  });
}

function handle(req: IncomingMessage, res: ServerResponse, root: string, bundle: string | null): void {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', req);
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n', req);
  }
  if (path === '/bundle.json') {
    if (bundle === null)
      return send(res, 404, 'text/plain; charset=utf-8', 'no bundle: start with `segsim view <bundle.json>`\n', req);
    try {
      return send(res, 200, TYPES['.json']!, readFileSync(bundle), req);
    } catch (err) {
      return send(
        res,
        500,
        'text/plain; charset=utf-8',
        `cannot read ${bundle}: ${err instanceof Error ? err.message : String(err)}\n`,
        req,
      );
    }
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep) || !existsSync(file))
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', req);
  try {
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), req);
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n', req);
  }
}

/** Origin-form requests (a path) whose Host is this server's loopback name and port. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  if (!(req.url ?? '').startsWith('/')) return false; // absolute-form: a proxy request for another host
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, req: IncomingMessage): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': VIEW_CSP,
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
