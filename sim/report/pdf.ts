// The report on paper: the report page opened in its print layout (#print, light) by a headless
// Chromium or Chrome that playwright-core drives, printed to PDF. segsim ships no browser: it uses
// the one named by --browser or SEGSIM_BROWSER, or the first installed in the usual places.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Chromium and Chrome usually live, tried in this order. */
export const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export type PdfErrorCode = 'NO_BROWSER' | 'NO_DRIVER' | 'BROWSER_FAILED';

export class PdfError extends Error {
  override name = 'PdfError';
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The browser to print with: the one named, else the first found; throws PdfError NO_BROWSER naming how to get one. */
export function findBrowser(named: string | undefined, places: readonly string[] = BROWSER_PATHS): string {
  if (named !== undefined) {
    if (existsSync(named)) return named;
    throw new PdfError('NO_BROWSER', `no browser at ${named} (from --browser or SEGSIM_BROWSER)`);
  }
  const found = places.find((p) => existsSync(p));
  if (found !== undefined) return found;
  throw new PdfError(
    'NO_BROWSER',
    'report --pdf prints with Chromium or Chrome and found neither. Install one (Debian or Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or name its executable with --browser PATH or SEGSIM_BROWSER',
  );
}

/** Headless Chromium that makes no network request of its own (no update, sync or QUIC probing). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints the report page (its HTML) to PDF bytes: A4 landscape, the executive summary on page one. */
export async function printPdf(html: string, browserPath: string): Promise<Buffer> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfError('NO_DRIVER', 'report --pdf needs the playwright-core package: reinstall segsim (npm install)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'segsim-pdf-'));
  try {
    const page = join(dir, 'report.html');
    writeFileSync(page, html);
    let browser: Awaited<ReturnType<typeof chromium.launch>>;
    try {
      browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_FLAGS });
    } catch (err) {
      throw new PdfError('BROWSER_FAILED', `could not start ${browserPath}: ${firstLine(err)}`);
    }
    try {
      // The printable width of A4 landscape with 10 mm margins: the maps lay out as they will print.
      const tab = await browser.newPage({ viewport: { width: 1047, height: 718 } });
      await tab.emulateMedia({ media: 'print', colorScheme: 'light' });
      await tab.goto(`${pathToFileURL(page).href}#print&tab=overview&theme=light`);
      await tab.waitForSelector('body[data-print-ready=true]', { timeout: 60_000 });
      const out = join(dir, 'report.pdf');
      await tab.pdf({ path: out, printBackground: true, preferCSSPageSize: true });
      return readFileSync(out);
    } catch (err) {
      if (err instanceof PdfError) throw err;
      throw new PdfError('BROWSER_FAILED', `printing with ${browserPath} failed: ${firstLine(err)}`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];
