// segsim view answers only requests addressed to itself (no DNS rebinding) and sends a CSP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, VIEW_CSP } from '../../sim/cli/commands/view.js';

interface Answer {
  status: number | undefined;
  csp: string | undefined;
  body: string;
}

let dir: string;
let server: Server;
let port: number;

function get(path: string, host: string | undefined): Promise<Answer> {
  return new Promise((done, fail) => {
    const headers = host === undefined ? {} : { host };
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        done({ status: res.statusCode, csp: res.headers['content-security-policy'] as string | undefined, body }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segsim-view-host-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>v</title>');
  writeFileSync(join(dir, 'bundle.json'), '{"generator":"segsim","secret":"results"}\n');
  server = await startViewServer({ dist: join(dir, 'dist'), bundle: join(dir, 'bundle.json'), port: 0 });
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('segsim view and the Host header', () => {
  it('answers its own loopback names', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const a = await get('/bundle.json', host);
      expect(a.status).toBe(200);
      expect(a.body).toContain('results');
    }
  });

  it('refuses any other name, a missing Host, another port, and absolute-form requests', async () => {
    const refused = [
      await get('/', 'attacker.test'),
      await get('/bundle.json', `attacker.test:${port}`),
      await get('/bundle.json', `127.0.0.1:${port + 1}`),
      await get('/bundle.json', undefined),
      await get('http://evil.example/bundle.json', 'evil.example'),
      await get(`http://127.0.0.1:${port}/bundle.json`, `127.0.0.1:${port}`),
    ];
    for (const a of refused) {
      // Node itself answers 400 to an HTTP/1.1 request without a Host.
      expect([400, 421]).toContain(a.status);
      expect(a.body).not.toContain('results');
    }
  });

  it('sends a Content-Security-Policy on every answer, like the report', async () => {
    for (const a of [await get('/', `127.0.0.1:${port}`), await get('/nothing', `127.0.0.1:${port}`)])
      expect(a.csp).toBe(VIEW_CSP);
    expect(VIEW_CSP).toContain("default-src 'none'");
    expect(VIEW_CSP).toContain("connect-src 'self'");
  });
});
