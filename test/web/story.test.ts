// Every bundled scenario's report in real Chromium at a laptop and a small screen: the verdict above
// the fold, every attack reachable from the overview, the fixes listed, and on every tab no sideways
// scrolling, no text under 10 px and no map label over another. One browser and one report per
// scenario for the whole file; screenshots land in test-output/screenshots/ (reports/screenshots/
// with SEGSIM_SCREENSHOTS=1).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsBundle } from '../../sim/contract/bundle.js';
import { viewerPage } from '../../sim/report/html.js';
import { collectErrors, launchChromium, makeReport, screenshotPath } from './browser.js';
import { hiddenLabels, overlappingLabels, sidewaysScroll, smallText, verdictBottom } from './pageChecks.js';

const SCENARIOS = [
  'scenarios/pharma.yaml',
  'scenarios/automotive-multiline.yaml',
  'scenarios/migration.yaml',
  'scenarios/oem-remote-service.yaml',
  'scenarios/water-utility.yaml',
];
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];
const TABS = ['overview', 'compare', 'replay', 'distributions'] as const;
/** Tabs kept as screenshots for every scenario; the rest for pharma only. */
const SHOWN = new Set(['overview', 'compare']);

let browser: Browser;
let dir: string;
const reports = new Map<string, { bundle: ResultsBundle; url: string }>();

beforeAll(async () => {
  browser = await launchChromium();
  viewerPage(); // the built viewer, or an error saying how to build it
  dir = mkdtempSync(join(tmpdir(), 'segsim-story-'));
  for (const file of SCENARIOS) {
    const html = join(dir, `${basename(file, '.yaml')}.html`);
    reports.set(file, { bundle: makeReport(file, 6, html), url: pathToFileURL(html).href });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(
  url: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, colorScheme: 'dark' });
  const errors = collectErrors(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  return { page, errors };
}

/** Waits for the maps' labels to be placed (they follow an animation frame). */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 60))));

async function checkScreen(page: Page, what: string): Promise<void> {
  await settle(page);
  expect(await sidewaysScroll(page), `${what}: sideways scroll`).toBeLessThanOrEqual(0);
  expect(await smallText(page), `${what}: text under 10 px`).toEqual([]);
  expect(await overlappingLabels(page), `${what}: overlapping map labels`).toEqual([]);
  expect(await hiddenLabels(page.locator('.plant-map')), `${what}: map labels drawn over`).toEqual([]);
}

describe.each(SCENARIOS)('the report of %s', (file) => {
  const name = basename(file, '.yaml');
  it.each(VIEWPORTS)('tells its story at $width×$height on every tab', async (viewport) => {
    const { bundle, url } = reports.get(file)!;
    const size = `${viewport.width}x${viewport.height}`;
    const { page, errors } = await open(url, viewport);

    // The first screen: the verdict above the fold, the matrix, the fixes.
    const bottom = await verdictBottom(page);
    expect(bottom, 'a verdict on the first screen').not.toBeNull();
    expect(bottom!).toBeLessThanOrEqual(viewport.height);
    expect(await page.getByTestId('verdict').first().textContent()).toBe(bundle.overview ?? bundle.verdict);
    await expect.poll(() => page.locator('[data-testid=fixes] h3').count()).toBe(1);
    expect(await page.locator('[data-testid=fixes]').textContent()).toMatch(/Fixes that matter/);
    const attacks = [bundle.attack, ...(bundle.moreAttacks ?? []).map((s) => s.attack)];
    expect(await page.locator('.matrix tbody tr').count()).toBe(attacks.length);
    await checkScreen(page, `${name} ${size} overview`);
    await page.screenshot({ path: screenshotPath(`${name}-${size}-overview.png`) });

    // Every attack one click from the overview.
    for (const a of attacks) {
      await page
        .locator(`[data-testid=overview-view]:not([hidden]) button[data-go=compare][data-attack="${a.id}"]`)
        .click();
      await expect.poll(() => page.locator('.compare-view:not([hidden]) .attack-head code').textContent()).toBe(a.id);
      await page.locator('.tabs [data-tab=overview]').click();
    }

    for (const tab of TABS.slice(1)) {
      await page.locator(`.tabs [data-tab=${tab}]`).click();
      await page.locator(`.${tab === 'compare' ? 'compare' : tab}-view:not([hidden])`).waitFor();
      await checkScreen(page, `${name} ${size} ${tab}`);
      if (SHOWN.has(tab) || name === 'pharma')
        await page.screenshot({ path: screenshotPath(`${name}-${size}-${tab}.png`) });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('exported images', () => {
  it('keep every label clear of the others', async () => {
    const { url } = reports.get('scenarios/pharma.yaml')!;
    const { page } = await open(`${url}#tab=compare`, VIEWPORTS[0]!);
    for (const tab of ['compare', 'overview', 'replay'] as const) {
      await page.locator(`.tabs [data-tab=${tab}]`).click();
      await settle(page);
      const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=svg]').click()]);
      const markup = readFileSync((await svg.path())!, 'utf8');
      const view = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      await view.setContent(`<!doctype html><body style="margin:0">${markup}</body>`);
      const clashes = await overlappingLabels(view, { within: 'body', texts: 'text', slack: 1 });
      expect(clashes, `${tab} export`).toEqual([]);
      await view.close();
    }
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=png]').click()]);
    writeFileSync(screenshotPath('export-replay.png'), readFileSync((await png.path())!));
    await page.close();
  });
});

describe('the URL holds the view', () => {
  it('restores tab, attack, asset and, after a reload, the replay design and time', async () => {
    const { url } = reports.get('scenarios/pharma.yaml')!;
    const { page, errors } = await open(
      `${url}#tab=compare&attack=compromised-vendor-laptop&design=zt&asset=l1-plc1`,
      VIEWPORTS[0]!,
    );
    const state = async () => ({
      tab: await page.locator('.tabs [aria-selected=true]').getAttribute('data-tab'),
      attack: await page.locator('.compare-view:not([hidden]) .attack-head code').textContent(),
      story: await page.locator('.story:not([hidden]) .story-body').getAttribute('data-asset'),
    });
    const wanted = { tab: 'compare', attack: 'compromised-vendor-laptop', story: 'l1-plc1' };
    await expect.poll(state).toEqual(wanted);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await expect.poll(state).toEqual(wanted);
    // Escape closes the story and the URL forgets the asset.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.story').isHidden()).toBe(true);
    expect(new URL(page.url()).hash).not.toContain('asset=');

    await page.goto(`${url}#tab=replay&attack=approval-fatigue&design=zt&t=10`);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await expect.poll(() => page.locator('[data-testid=replay-design]').inputValue()).toBe('zt');
    expect(await page.locator('[data-testid=replay-clock]').textContent()).toMatch(/^t = 10h00 /);
    expect(await page.locator('[data-testid=attack-select]').inputValue()).toBe('approval-fatigue');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves between tabs with the arrow keys and walks the map’s assets with them', async () => {
    const { url } = reports.get('scenarios/pharma.yaml')!;
    const { page } = await open(`${url}#tab=compare`, VIEWPORTS[0]!);
    await page.locator('.tabs [data-tab=compare]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.tabs [aria-selected=true]').getAttribute('data-tab')).toBe('replay');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.tabs [aria-selected=true]').getAttribute('data-tab')).toBe('overview');
    await page.keyboard.press('ArrowRight');
    const map = page.locator('.panel[data-design="vpn-flat"] .plant-map');
    await map.focus();
    await page.keyboard.press('ArrowRight');
    const first = await map.getAttribute('data-focused-asset');
    expect(first).not.toBe('');
    await page.keyboard.press('ArrowRight');
    expect(await map.getAttribute('data-focused-asset')).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.locator('.story:not([hidden]) .story-body').waitFor();
    await page.close();
  });
});
