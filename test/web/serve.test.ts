import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer } from '../../sim/cli/commands/view.js';
import { bundleScript, reportHtml } from '../../sim/report/html.js';
import { segsim } from './browser.js';

/** A GET with the path sent as written (fetch would normalise the dots away). */
function rawStatus(server: Server, path: string): Promise<number | undefined> {
  const a = server.address() as { port: number };
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: a.port, path, method: 'GET' }, (res) => {
      res.resume();
      done(res.statusCode);
    });
    req.on('error', fail);
    req.end();
  });
}

const PAGE =
  '<!doctype html><html><head><meta charset="utf-8" /><title>segsim viewer</title></head><body><div id="app"></div></body></html>';

describe('report HTML', () => {
  it('inlines the bundle so no markup inside it can end the script element', () => {
    const script = bundleScript('{"name":"</script><script>alert(1)</script><!--"}\n');
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(script).not.toContain('<!--');
    const json = /^<script type="application\/json" id="segsim-bundle">(.*)<\/script>$/.exec(script)![1]!;
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script><!--' });
  });

  it('adds a title and a policy that allows no request', () => {
    const html = reportHtml(PAGE, '{"a":1}', 'Plant <A> & B');
    expect(html).toContain('<title>Plant &#60;A&#62; &#38; B</title>');
    expect(html).toMatch(
      /<meta charset="utf-8" \/>\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*"/,
    );
    expect(html).toContain(`${bundleScript('{"a":1}')}\n  </body>`);
  });

  it('report needs --html or --pdf and a known design', () => {
    const missing = segsim(['report', 'scenarios/pharma.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('report writes --html <file>, --pdf <file> or both: name at least one');
    const unknown = segsim([
      'report',
      'scenarios/pharma.yaml',
      '--designs',
      'zt,vpn-flt',
      '--html',
      join(tmpdir(), 'never.html'),
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('has no design "vpn-flt" (did you mean "vpn-flat"?)');
  });
});

describe('segsim view server', () => {
  let dir: string;
  let withBundle: Server;
  let without: Server;
  const url = (s: Server, path: string) => {
    const a = s.address();
    return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}${path}`;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segsim-serve-'));
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dir, 'secret.txt'), 'outside dist');
    writeFileSync(join(dist, 'index.html'), PAGE);
    writeFileSync(join(dir, 'bundle.json'), '{"generator":"segsim"}\n');
    withBundle = await startViewServer({ dist, bundle: join(dir, 'bundle.json'), port: 0 });
    without = await startViewServer({ dist, bundle: null, port: 0 });
  });

  afterAll(async () => {
    await Promise.all([withBundle, without].map((s) => new Promise((done) => s?.close(done))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the viewer and the bundle on the loopback interface', async () => {
    expect((withBundle.address() as { address: string }).address).toBe('127.0.0.1');
    const page = await fetch(url(withBundle, '/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(PAGE);
    const bundle = await fetch(url(withBundle, '/bundle.json'));
    expect(await bundle.json()).toEqual({ generator: 'segsim' });
  });

  it('answers 404 for a missing bundle and anything outside the viewer, 405 for writes', async () => {
    expect((await fetch(url(without, '/bundle.json'))).status).toBe(404);
    expect((await fetch(url(withBundle, '/nothing.js'))).status).toBe(404);
    expect(await rawStatus(withBundle, '/../secret.txt')).toBe(404);
    expect(await rawStatus(withBundle, '/%2e%2e/secret.txt')).toBe(404);
    expect((await fetch(url(withBundle, '/'), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('view refuses a file that is not a results bundle', () => {
    const r = segsim(['view', 'package.json', '--port', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'package.json: not a segsim results bundle (write one with: segsim compare <scenario> --json out.json)',
    );
  });
});
