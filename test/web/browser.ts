// Shared pieces of the browser tests: Debian's Chromium through playwright-core (never a
// downloaded browser), the segsim CLI as a child process, bundles made with the experiment code.
import { CHROMIUM_FLAGS } from '../../sim/report/pdf.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runExperiment } from '../../sim/experiment/runExperiment.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import type { ResultsBundle } from '../../sim/contract/bundle.js';
import { buildBundle, bundleJson } from '../../sim/report/bundle.js';
import { reportHtml, VIEWER_INDEX } from '../../sim/report/html.js';
import { buildReportBundle } from '../../sim/report/reportBundle.js';
import { loadScenario } from '../../sim/scenario/load.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots go to test-output/ on every run; SEGSIM_SCREENSHOTS=1 refreshes the committed ones in reports/. */
export const SCREENSHOTS = resolve(process.env.SEGSIM_SCREENSHOTS ? 'reports/screenshots' : 'test-output/screenshots');
const CLI = resolve('bin/segsim.mjs');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error('chromium missing: run apt-get install -y chromium');
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS],
  });
}

/** Every uncaught error and console error the page reports from now on, as it happens. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export function screenshotPath(name: string): string {
  return join(SCREENSHOTS, name);
}

/** The results bundle of `segsim compare <file> --runs N --seed S`, made in-process with the same code. */
export function makeBundle(file: string, runs: number, seed = 1): { bundle: ResultsBundle; text: string } {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  const model = buildPlantModel(loaded.scenario);
  const experiment = runExperiment(model, {
    designs: loaded.scenario.designs,
    attack: loaded.scenario.attacks[0]!,
    runs,
    seed,
  });
  const text = bundleJson(buildBundle(model, file, experiment));
  return { bundle: JSON.parse(text) as ResultsBundle, text };
}

export function segsim(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `segsim view` on a free port and resolves with its URL once it prints it. */
export function startView(args: readonly string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'view', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`segsim view printed no URL in 30 s:\n${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ url: m[0], child });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`segsim view exited with ${code}:\n${out}${err}`));
    });
  });
}

export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
}

/** What `segsim report <file> --runs N --seed S --html F` writes, made in-process: every attack, fixes included. */
export function makeReport(file: string, runs: number, html: string, seed = 1): ResultsBundle {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  const model = buildPlantModel(loaded.scenario);
  const experiments = loaded.scenario.attacks.map((attack) =>
    runExperiment(model, { designs: loaded.scenario.designs, attack, runs, seed }),
  );
  const text = bundleJson(buildReportBundle(model, file, experiments));
  writeFileSync(html, reportHtml(readFileSync(VIEWER_INDEX, 'utf8'), text, `segsim · ${file}`));
  return JSON.parse(text) as ResultsBundle;
}
