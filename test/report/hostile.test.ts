// The same hostile strings in every name and description, through every output format: the
// terminal gets no control characters, JUnit stays well-formed XML, Markdown carries no raw HTML
// and keeps its tables, and no script runs in the HTML report or the viewer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCheck } from '../../sim/cli/commands/check.js';
import { registerCompare } from '../../sim/cli/commands/compare.js';
import { registerMatrix } from '../../sim/cli/commands/matrix.js';
import { registerPolicy } from '../../sim/cli/commands/policy.js';
import { registerReach } from '../../sim/cli/commands/reach.js';
import { registerReport } from '../../sim/cli/commands/report.js';
import { registerRun } from '../../sim/cli/commands/run.js';
import { registerValidate } from '../../sim/cli/commands/validate.js';
import { registerInspect } from '../../sim/cli/commands/inspect.js';
import { startViewServer } from '../../sim/cli/commands/view.js';
import { VIEWER_DIST, viewerPage } from '../../sim/report/html.js';
import { hostileScenario, HOSTILE_STRINGS } from '../helpers/hostile.js';
import { runCommand } from '../helpers/inProcessCli.js';
import { launchChromium } from '../web/browser.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const RAW_HTML = /<[A-Za-z!/?]/;

let dir: string;
let scenario: string;
let browser: Browser;
const out = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segsim-hostile-'));
  scenario = out('hostile.yaml');
  writeFileSync(scenario, hostileScenario());
  viewerPage(); // the built viewer, or an error saying how to build it
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (register: (program: Command) => unknown, ...args: string[]) => runCommand(register, args);

/** A page that records whether any injected script ran: a global, a dialog, or a navigation to javascript:. */
async function openWatched(url: string): Promise<{ page: Page; ran: () => Promise<boolean> }> {
  const page = await browser.newPage();
  let dialog = false;
  page.on('dialog', (d) => {
    dialog = true;
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  for (const tab of ['compare', 'replay', 'distributions', 'compare']) {
    const button = page.locator(`.tabs [data-tab=${tab}]`);
    if ((await button.count()) > 0) await button.click();
  }
  const ran = async () =>
    dialog || (await page.evaluate(() => (window as { __pwned?: unknown }).__pwned !== undefined));
  return { page, ran };
}

describe('hostile names and descriptions', () => {
  it('reach the terminal without a control character, in every text command', async () => {
    // One after another: each captures process.stdout while it runs.
    const results = [];
    for (const [register, ...args] of [
      [registerValidate, 'validate', scenario],
      [registerInspect, 'inspect', scenario],
      [registerCompare, 'compare', scenario, '--runs', '3'],
      [registerCheck, 'check', scenario, '--runs', '3'],
      [registerMatrix, 'matrix', scenario, '--runs', '3'],
      [registerRun, 'run', scenario, '-d', 'v', '-a', 'a', '--all'],
      [registerReach, 'reach', scenario, '-d', 'v', '-a', 'a'],
      [registerPolicy, 'policy', 'test', scenario],
    ] as const)
      results.push(await cli(register, ...args));
    for (const r of results) {
      expect(`${r.out}${r.err}`).not.toMatch(CONTROLS);
      expect(r.code).toBeLessThanOrEqual(1);
    }
    // The check's text has one line per expectation: a name cannot forge a result line.
    expect(results[3]!.out.split('\n').filter((l) => /^ {2}(PASS|FAIL) {2}/.test(l))).toHaveLength(2);
  }, 60_000);

  it('leave Markdown without raw HTML or comment markers, and its tables whole', async () => {
    await cli(registerCompare, 'compare', scenario, '--runs', '3', '--md', out('compare.md'));
    await cli(registerCheck, 'check', scenario, '--runs', '3', '--md', out('check.md'));
    await cli(registerMatrix, 'matrix', scenario, '--runs', '3', '--md', out('matrix.md'));
    for (const name of ['compare.md', 'check.md', 'matrix.md']) {
      const md = readFileSync(out(name), 'utf8');
      expect(md, name).not.toMatch(RAW_HTML);
      expect(md, name).not.toMatch(CONTROLS);
      expect(md, name).toContain('&lt;script&gt;');
      // Every row of a table has as many cells as its header.
      let columns = 0;
      for (const line of md.split('\n')) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const cells = line.split(/(?<!\\)\|/).length;
        if (columns === 0) columns = cells;
        expect(cells, `${name}: ${line}`).toBe(columns);
      }
    }
  }, 60_000);

  it('leave JUnit well-formed XML that still names each expectation', async () => {
    await cli(registerCheck, 'check', scenario, '--runs', '3', '--junit', out('junit.xml'));
    const xml = readFileSync(out('junit.xml'), 'utf8');
    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        names: Array.from(doc.getElementsByTagName('testcase'), (t) => t.getAttribute('name') ?? ''),
      };
    }, xml);
    await page.close();
    expect(parsed.errors).toBe(0);
    expect(parsed.names).toHaveLength(2);
    for (const name of parsed.names) expect(name).toContain(HOSTILE_STRINGS[0]);
  }, 60_000);

  it('run no script in the HTML report', async () => {
    const r = await cli(registerReport, 'report', scenario, '--runs', '3', '--html', out('report.html'));
    expect(r.code).toBe(0);
    const { page, ran } = await openWatched(pathToFileURL(out('report.html')).href);
    expect(await page.title()).toContain(HOSTILE_STRINGS[0]);
    expect(await ran()).toBe(false);
    await page.close();
  }, 60_000);

  it('run no script in the viewer', async () => {
    await cli(registerCompare, 'compare', scenario, '--runs', '3', '--json', out('bundle.json'));
    const server: Server = await startViewServer({ dist: VIEWER_DIST, bundle: out('bundle.json'), port: 0 });
    try {
      const { port } = server.address() as { port: number };
      const { page, ran } = await openWatched(`http://127.0.0.1:${port}/`);
      expect(await page.locator('body').textContent()).toContain('onerror');
      expect(await ran()).toBe(false);
      await page.close();
    } finally {
      await new Promise((done) => server.close(done));
    }
  }, 60_000);
});
