// The web viewer end to end in headless Chromium: bundles made by the experiment code, served by
// `segsim view`, inlined by `segsim report`; screenshots land in test-output/screenshots/ (reports/screenshots/ with SEGSIM_SCREENSHOTS=1).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsBundle } from '../../sim/contract/bundle.js';
import type { RunResult } from '../../sim/contract/trace.js';
import { reportHtml, VIEWER_INDEX, viewerPage } from '../../sim/report/html.js';
import { money } from '../../web/src/format.js';
import { V1_FIXTURE, v1FixtureText } from '../helpers/bundles.js';
import { collectErrors, launchChromium, makeBundle, quantile, screenshotPath, segsim, startView } from './browser.js';
import { hiddenLabels } from './pageChecks.js';

const PHARMA = 'scenarios/pharma.yaml';
const VIEWPORT = { width: 1600, height: 940 };

let browser: Browser;
let dir: string;
let pharma: { bundle: ResultsBundle; text: string };
let pharmaFile: string;
let view: { url: string; child: ChildProcess } | null = null;

beforeAll(async () => {
  browser = await launchChromium();
  viewerPage();
  dir = mkdtempSync(join(tmpdir(), 'segsim-web-'));
  pharma = makeBundle(PHARMA, 30);
  pharmaFile = join(dir, 'pharma.json');
  writeFileSync(pharmaFile, pharma.text);
  view = await startView([pharmaFile]);
}, 60_000);

afterAll(async () => {
  view?.child.kill('SIGTERM');
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors = collectErrors(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  expect(errors).toEqual([]);
  return page;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const within = (a: Rect, b: Rect) =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;

/**
 * Checks the labels a map shows, on screen: none overlaps another or is drawn over, each stays in its
 * band's label cell or its zone, no level label lies over a zone (where the cells are). Returns their texts.
 */
async function expectTidyLabels(page: Page, map: string): Promise<string[]> {
  const { labels, zones } = await page.locator(map).evaluate((root) => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const shown = Array.from(root.querySelectorAll<SVGTextElement>('.band-labels text, .map-labels text')).filter(
      (e) => e.textContent !== '' && getComputedStyle(e).visibility !== 'hidden',
    );
    return {
      labels: shown.map((e) => {
        const band = e.closest('[data-band]');
        const zone = /^zone:(.*)$/.exec(e.dataset.label ?? '')?.[1];
        const owner = band
          ? band.querySelector('rect')!
          : zone
            ? root.querySelector(`.zones [data-zone="${zone}"] rect`)!
            : root;
        return { text: e.textContent!, box: rect(e), owner: rect(owner), band: band !== null };
      }),
      zones: Array.from(root.querySelectorAll('.zones rect')).map(rect),
    };
  });
  expect(await hiddenLabels(page.locator(map)), 'labels drawn over').toEqual([]);
  for (const [i, a] of labels.entries()) {
    // Level labels stack down their column where bands are thin; zone titles stay in their zone.
    if (!a.band) expect(within(a.box, a.owner), `${a.text} inside its zone`).toBe(true);
    for (const b of labels.slice(i + 1)) expect(intersects(a.box, b.box), `${a.text} overlaps ${b.text}`).toBe(false);
    if (a.band) for (const z of zones) expect(intersects(a.box, z), `${a.text} over a zone`).toBe(false);
  }
  return labels.map((l) => l.text);
}

/** Presses a key on the page itself, not on whatever control has the focus. */
async function key(page: Page, k: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(k);
}

describe('segsim view: side by side', () => {
  it('shows every design on the same plant with the bundle headline numbers', async () => {
    const page = await open(`${view!.url}#tab=compare`);
    const panels = page.locator('.compare-view .panel');
    await expect.poll(() => panels.count()).toBe(pharma.bundle.designs.length);
    for (const d of pharma.bundle.designs) {
      const panel = page.locator(`.panel[data-design="${d.id}"]`);
      expect(await panel.locator('[data-stat=plc]').textContent()).toBe(percent(d.summary.plcReachedProbability));
      expect(await panel.locator('[data-stat=compromised]').textContent()).toBe(
        String(d.summary.compromisedAssets.median),
      );
    }
    // Every asset is drawn in every panel, with its kind's glyph.
    expect(await page.locator('.panel[data-design="vpn-flat"] [data-asset]').count()).toBe(
      pharma.bundle.plant.assets.length,
    );
    await page.waitForTimeout(150);
    await page.locator('.app-header').evaluate((el) => el.scrollIntoView());
    const main = await page.locator('.compare-view').boundingBox();
    await page.screenshot({
      path: screenshotPath('comparison.png'),
      clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.ceil(main!.y + main!.height + 12) },
    });
    // A small plant has room for every level and every zone name; in a narrow map the level names are tooltips.
    const labels = await expectTidyLabels(page, '.panel[data-design="vpn-flat"] .plant-map');
    expect(labels).toEqual(
      expect.arrayContaining(['Remote', 'L4', 'L3.5', 'L1', 'Enterprise IT', 'IT/OT DMZ', 'Line 3 control', 'l1-plc1']),
    );

    // Switching designs off and on.
    const designCount = pharma.bundle.designs.length;
    await page.locator('input[data-design="vpn-segmented"]').uncheck();
    await expect.poll(() => panels.count()).toBe(designCount - 1);
    await page.locator('input[data-design="vpn-segmented"]').check();
    await expect.poll(() => panels.count()).toBe(designCount);

    // Hover shows the asset, click tells its story with the rate from the bundle.
    const flat = pharma.bundle.designs.find((d) => d.id === 'vpn-flat')!;
    const plc = page.locator('.panel[data-design="vpn-flat"] [data-asset="l1-plc1"]');
    // The map takes the pointer (zoom and pan) and finds the asset under it.
    await plc.scrollIntoViewIfNeeded();
    const box = (await plc.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.panel[data-design="vpn-flat"] .tooltip').textContent()).toContain('l1-plc1');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const story = page.locator('.story-body[data-asset="l1-plc1"]');
    await story.waitFor();
    const rate = flat.summary.assetCompromiseRate['l1-plc1']!;
    expect(await story.locator('[data-design="vpn-flat"] [data-testid=story-rate]').textContent()).toBe(
      `${Math.round(rate * pharma.bundle.runs)} of ${pharma.bundle.runs} runs`,
    );
    expect(await story.locator('[data-design="vpn-flat"] ol.path li').count()).toBe(
      flat.staticBlastRadius.paths['l1-plc1']!.length,
    );
    // It names a run the PLC fell in and the command that replays it.
    const firstRun = flat.fellIn!['l1-plc1']![0]!;
    expect(await story.locator('[data-design="vpn-flat"] [data-testid=story-replay]').textContent()).toBe(
      `segsim run ${pharma.bundle.scenario.file} --design vpn-flat --attack ${pharma.bundle.attack.id} --seed ${pharma.bundle.seed}:${firstRun}`,
    );
    // One arrow per hop; a credential harvested on a host stays on it and draws none.
    expect(await page.locator('.panel[data-design="vpn-segmented"] .attack-path > path').count()).toBe(
      pharma.bundle.designs[1]!.staticBlastRadius.paths['l1-plc1']!.filter((x) => x.from !== x.to).length,
    );
    await page.screenshot({ path: screenshotPath('story.png') });

    // Finding an asset by id opens its story.
    await page.locator('[data-testid=find-asset]').fill('l2-sis');
    await page.locator('[data-testid=find-asset]').press('Enter');
    await page.locator('.story-body[data-asset="l2-sis"]').waitFor();
    await page.close();
  });
});

describe('segsim view: replay', () => {
  it('replays each representative run to its end with as many compromised assets on screen as the bundle says', async () => {
    const page = await open(`${view!.url}#replay`);
    const stage = page.locator('.replay-view');
    for (const d of pharma.bundle.designs) {
      await page.selectOption('[data-testid=replay-design]', d.id);
      await page.selectOption('[data-testid=replay-speed]', '400');
      await key(page, 'Home');
      await key(page, ' ');
      await expect.poll(() => stage.getAttribute('data-state'), { timeout: 10_000 }).toBe('ended');
      const shown = Number(await page.locator('[data-testid=replay-compromised]').textContent());
      expect(shown, d.id).toBe(d.representativeRun.metrics.compromisedAssets);
      expect(shown, d.id).toBe(d.representativeRun.compromised.length);
    }
    // Stepping with the keyboard.
    const segmented = pharma.bundle.designs.find((d) => d.id === 'vpn-segmented')!;
    await page.selectOption('[data-testid=replay-design]', segmented.id);
    await key(page, 'End');
    const n = segmented.representativeRun.trace.length;
    await expect.poll(() => page.locator('[data-testid=replay-clock]').textContent()).toContain(`event ${n} of ${n}`);
    await key(page, 'Home');
    await key(page, 'ArrowRight');
    await expect.poll(() => page.locator('[data-testid=replay-clock]').textContent()).toContain(`event 1 of ${n}`);
    // A moment with a refused connection on screen, for the screenshot.
    const trace = segmented.representativeRun.trace;
    // After a detection when the run has one there, for the detected hosts to show too.
    const detected = trace.findIndex((x) => x.type === 'defense.detect');
    const afterDetection = trace.findIndex((e, i) => e.type === 'attack.refused' && i > detected);
    const denied = afterDetection >= 0 ? afterDetection : trace.findIndex((e) => e.type === 'attack.refused');
    expect(denied).toBeGreaterThanOrEqual(0);
    await page.locator('[data-testid=replay-scrub]').fill(String(denied + 1));
    await expect.poll(() => page.locator('.map-overlay [data-arc=denied]').count()).toBeGreaterThan(0);
    expect(await page.locator('.event-list tr.current td.decision').textContent()).toContain('denied');
    await page.screenshot({ path: screenshotPath('replay.png') });
    await expectTidyLabels(page, '.replay-map .plant-map');
    await page.close();
  });

  it('keeps the counters inside the stage from 1000 px wide windows up, the production loss first', async () => {
    const page = await open(`${view!.url}#replay`);
    await key(page, 'End');
    for (const width of [1000, 1120, 1280, 1440, 1600, 1700]) {
      await page.setViewportSize({ width, height: VIEWPORT.height });
      const row = await page.getByTestId('replay-counters').evaluate((el) => ({
        count: el.children.length,
        overflow: el.scrollWidth - el.clientWidth,
      }));
      expect(row.count).toBe(8);
      expect(row.overflow, `no overflow at ${width} px`).toBeLessThanOrEqual(0);
    }
    // At the end the loss runs to the horizon: the run's own production loss, in euros.
    const design = pharma.bundle.designs.find((d) => d.representativeRun.metrics.compromisedAssets > 0)!;
    await page.selectOption('[data-testid=replay-design]', design.id);
    await key(page, 'End');
    const loss = design.representativeRun.metrics.productionLoss;
    const shown = await page.getByTestId('replay-loss').textContent();
    expect(shown).toMatch(/^€/);
    const value = Number(shown!.replace(/[€,]/g, '').replace(/K$/, 'e3').replace(/M$/, 'e6'));
    expect(Math.abs(value - loss) / Math.max(1, loss)).toBeLessThan(0.01);
    await page.close();
  });
});

describe('segsim view: distributions and export', () => {
  it('draws the spread per design, the paired differences and legitimate work, and exports SVG and PNG', async () => {
    const page = await open(`${view!.url}#distributions`);
    expect(await page.locator('.small-multiples .card').count()).toBe(pharma.bundle.designs.length);
    expect(await page.locator('[data-testid=paired] .card').count()).toBe(10);
    expect(await page.locator('.cdf path[data-series]').count()).toBe(pharma.bundle.designs.length);
    await page.screenshot({ path: screenshotPath('distributions.png'), fullPage: true });

    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=svg]').click()]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svg.suggestedFilename()).toBe('segsim-stolen-vendor-credential-distributions.svg');
    expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svgText).toContain('Paired differences');

    await page.locator('.tabs [data-tab=compare]').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=png]').click()]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    const [compareSvg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=svg]').click()]);
    const compareText = readFileSync((await compareSvg.path())!, 'utf8');
    for (const d of pharma.bundle.designs) expect(compareText).toContain(d.id);
    await page.close();
  });

  it('accepts a chosen bundle file when none is served', async () => {
    const page = await open(pathToFileURL(resolve('web/dist/index.html')).href);
    await page.locator('[data-testid=empty]').waitFor();
    await page.locator('[data-testid=file-input]').setInputFiles(pharmaFile);
    // A compare bundle holds one attack: the overview's matrix has one row.
    await expect.poll(() => page.locator('.matrix tbody tr').count()).toBe(1);
    await page.locator('.tabs [data-tab=compare]').click();
    await expect.poll(() => page.locator('.compare-view .panel').count()).toBe(pharma.bundle.designs.length);
    await page.close();
  });

  it('reads a version-1 bundle, its replays included', async () => {
    const v1 = JSON.parse(v1FixtureText()) as { designs: { id: string; representativeRun: RunResult }[] };
    const page = await open(pathToFileURL(resolve('web/dist/index.html')).href);
    const errors = collectErrors(page);
    await page.locator('[data-testid=file-input]').setInputFiles(resolve(V1_FIXTURE));
    await page.locator('.tabs [data-tab=compare]').click();
    await expect.poll(() => page.locator('.compare-view .panel').count()).toBe(v1.designs.length);
    await page.locator('.tabs [data-tab=replay]').click();
    for (const d of v1.designs) {
      await page.selectOption('[data-testid=replay-design]', d.id);
      await key(page, 'End');
      const n = d.representativeRun.trace.length;
      await expect.poll(() => page.locator('[data-testid=replay-clock]').textContent()).toContain(`event ${n} of ${n}`);
      expect(Number(await page.locator('[data-testid=replay-compromised]').textContent()), d.id).toBe(
        d.representativeRun.metrics.compromisedAssets,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a bundle written before a metric existed, leaving that metric out', async () => {
    // Bundles from before heldForApproval: the same schema version, one metric fewer.
    const old = JSON.parse(pharma.text) as ResultsBundle;
    for (const c of old.comparisons) delete (c.metrics as Partial<typeof c.metrics>).heldForApproval;
    for (const d of old.designs) delete (d.summary as Partial<typeof d.summary>).heldForApproval;
    const oldFile = join(dir, 'before-held-for-approval.json');
    writeFileSync(oldFile, JSON.stringify(old));
    const page = await open(pathToFileURL(resolve('web/dist/index.html')).href);
    const errors = collectErrors(page);
    await page.locator('[data-testid=file-input]').setInputFiles(oldFile);
    await page.locator('.tabs [data-tab=compare]').click();
    await expect.poll(() => page.locator('.compare-view .panel').count()).toBe(old.designs.length);
    await page.locator('.tabs [data-tab=distributions]').click();
    await expect.poll(() => page.locator('[data-testid=paired] .card').count()).toBe(9);
    expect(await page.locator('[data-testid=paired] h4').allTextContents()).not.toContain('held for approval');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('segsim report', () => {
  it('writes one HTML file that opens from file:// and makes no request at all', async () => {
    const html = join(dir, 'report.html');
    const r = segsim(['report', PHARMA, '--runs', '30', '--seed', '1', '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*report\.html \(\d+ kB\): 5 designs × 4 attacks × 30 runs, seed 1/);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<script type="application/json" id="segsim-bundle">');
    expect(text).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    // The inlined bundle opens with what compare writes for the first attack, then the other attacks.
    const inlined = JSON.parse(
      /<script type="application\/json" id="segsim-bundle">([\s\S]*?)<\/script>/.exec(text)![1]!,
    ) as ResultsBundle;
    const { moreAttacks, overview, ...first } = inlined;
    expect({ ...first, designs: first.designs.map(({ fixes: _fixes, ...d }) => d) }).toEqual(pharma.bundle);
    expect(moreAttacks!.map((s) => s.attack.id)).toEqual([
      'compromised-vendor-laptop',
      'targeted-sterile-filling',
      'approval-fatigue',
    ]);
    expect(overview).toMatch(/^Across 4 attacks, /);
    expect(inlined.designs.find((d) => d.id === 'vpn-segmented')!.fixes![0]!.after.plcs).toBe(0);

    const context = await browser.newContext({ viewport: VIEWPORT });
    const requests: string[] = [];
    context.on('request', (req) => requests.push(req.url()));
    const page = await context.newPage();
    const url = pathToFileURL(html).href;
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('.tabs [data-tab=replay]').click();
    await page.selectOption('[data-testid=replay-speed]', '400');
    await key(page, ' ');
    await expect.poll(() => page.locator('.replay-view').getAttribute('data-state'), { timeout: 10_000 }).toBe('ended');
    await page.locator('.tabs [data-tab=distributions]').click();
    await page.locator('.tabs [data-tab=compare]').click();
    await page.screenshot({ path: screenshotPath('report-file.png') });
    expect(requests).toEqual([url]);

    // On paper, as `report --pdf` prints it: every map of the appendix keeps its labels tidy and in view.
    const paper = await context.newPage();
    await paper.setViewportSize({ width: 1047, height: 718 });
    await paper.emulateMedia({ media: 'print', colorScheme: 'light' });
    await paper.goto(`${url}#print&tab=overview&theme=light`);
    await paper.waitForSelector('body[data-print-ready=true]');
    const maps = await paper.locator('.print-map .plant-map').count();
    expect(maps).toBe(4 * 5);
    for (let i = 0; i < maps; i++)
      expect(await expectTidyLabels(paper, `:nth-match(.print-map .plant-map, ${i + 1})`)).toContain('attacker');
    await paper.screenshot({ path: screenshotPath('print-appendix.png'), fullPage: true });
    await context.close();
  });
});

describe('a 2,000-asset plant', () => {
  it('renders on canvas and replays; frame times are measured during the replay', async () => {
    const yaml = join(dir, 'big.yaml');
    const g = segsim(['generate', '--assets', '2000', '--seed', '1', '--out', yaml]);
    expect(g.status, g.stderr).toBe(0);
    const big = makeBundle(yaml, 3);
    expect(big.bundle.plant.assets.length).toBe(2000);
    const html = join(dir, 'big.html');
    writeFileSync(html, reportHtml(readFileSync(VIEWER_INDEX, 'utf8'), big.text, 'big plant'));
    const page = await open(`${pathToFileURL(html).href}#tab=compare`);
    // Above the canvas threshold the side by side opens on a tile per line, each named.
    expect(await page.locator('.panel[data-design="vpn-flat"] .tile').count()).toBeGreaterThanOrEqual(
      big.bundle.plant.lines.length,
    );
    expect(await page.locator('.panel[data-design="vpn-flat"] .tile-name').first().textContent()).toBeTruthy();
    // Each line tile says what the line lost per run, as the bundle has it.
    const flat = big.bundle.designs.find((d) => d.id === 'vpn-flat')!;
    const [line, loss] = Object.entries(flat.lineLoss!).sort((a, b) => b[1] - a[1])[0]!;
    expect(loss).toBeGreaterThan(0);
    expect(
      await page.locator(`.panel[data-design="vpn-flat"] [data-tile="line:${line}"] .tile-note`).textContent(),
    ).toMatch(new RegExp(`^${money(loss, big.bundle.scenario.currency).replace('.', '\\.')} lost per run, mean · `));
    await page.screenshot({ path: screenshotPath('big-tiles.png') });
    // A tile opens the maps zoomed on its line.
    await page.locator('.panel[data-design="vpn-flat"] [data-tile^="line:"]').first().click();
    expect(await page.locator('.plant-map[data-renderer=canvas]').count()).toBe(big.bundle.designs.length);
    await page.getByTestId('maps-toggle').click();
    await page.getByTestId('maps-toggle').click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: screenshotPath('big-comparison.png') });
    // Thin bands drop their label rather than overlap; the full name stays as a tooltip.
    for (const d of big.bundle.designs)
      expect(await expectTidyLabels(page, `.panel[data-design="${d.id}"] .plant-map`)).toEqual(
        expect.arrayContaining(['L2', 'L1']),
      );
    expect(await page.locator('.panel[data-design="vpn-flat"] [data-band="L3.5"] > title').textContent()).toBe(
      'L3.5 IT/OT DMZ',
    );
    // Too small a cell for names, yet a selected asset keeps its label.
    await page.evaluate(() => {
      location.hash = '#tab=compare&design=vpn-flat&asset=l7-plc2';
    });
    await page.locator('.story-body[data-asset="l7-plc2"]').waitFor();
    await expect
      .poll(() => page.locator('.panel[data-design="vpn-flat"] [data-label="asset:l7-plc2"]').count())
      .toBe(1);
    expect(await page.locator('.panel[data-design="vpn-flat"] [data-label^="asset:"]').count()).toBeLessThan(5);
    await page.screenshot({ path: screenshotPath('big-selected.png') });

    const design = big.bundle.designs.find((d) => d.id === 'vpn-flat')!;
    await page.locator('.tabs [data-tab=replay]').click();
    await page.selectOption('[data-testid=replay-design]', design.id);
    await page.selectOption('[data-testid=replay-speed]', '48');
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; recording: boolean; segsimDebug?: { renderMs: number[] } };
      w.frames_ = [];
      w.recording = true;
      if (w.segsimDebug) w.segsimDebug.renderMs = [];
      const loop = (now: number) => {
        w.frames_.push(now);
        if (w.recording) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    await key(page, ' ');
    await expect.poll(() => page.locator('.replay-view').getAttribute('data-state'), { timeout: 20_000 }).toBe('ended');
    const { frames, render } = await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; recording: boolean; segsimDebug?: { renderMs: number[] } };
      w.recording = false;
      return { frames: w.frames_, render: w.segsimDebug?.renderMs ?? [] };
    });
    const deltas = frames
      .slice(1)
      .map((t, i) => t - frames[i]!)
      .sort((a, b) => a - b);
    const draws = [...render].sort((a, b) => a - b);
    const ms = (x: number) => x.toFixed(1);
    console.log(
      `2,000-asset replay (${design.id}, ${design.representativeRun.trace.length} events): ${deltas.length} frames, ` +
        `frame interval p50 ${ms(quantile(deltas, 0.5))} ms, p95 ${ms(quantile(deltas, 0.95))} ms; ` +
        `asset-layer draw p50 ${ms(quantile(draws, 0.5))} ms, p95 ${ms(quantile(draws, 0.95))} ms over ${draws.length} draws`,
    );
    expect(Number(await page.locator('[data-testid=replay-compromised]').textContent())).toBe(
      design.representativeRun.metrics.compromisedAssets,
    );
    // Generous bounds: the figures above are the measurement; this only catches a replay that stalls.
    expect(deltas.length).toBeGreaterThan(5);
    expect(quantile(deltas, 0.5)).toBeLessThan(250);
    await page.screenshot({ path: screenshotPath('big-replay.png') });
    await expectTidyLabels(page, '.replay-map .plant-map');
    // Zoomed in on a PLC: the label of the band above, scrolled partly off the top, stays in view and in its band.
    await page.locator('[data-testid=find-asset]').fill('l1-plc1');
    await page.locator('[data-testid=find-asset]').press('Enter');
    await page.locator('.story-body[data-asset="l1-plc1"]').waitFor();
    await page.waitForTimeout(150);
    expect(await expectTidyLabels(page, '.replay-map .plant-map')).toEqual(
      expect.arrayContaining(['L2', 'L1', 'Line 1 control']),
    );
    await page.close();
  });
});
