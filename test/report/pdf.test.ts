// segsim report --pdf end to end: Debian's Chromium prints the report; pdf.js reads page one back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsBundle } from '../../sim/contract/bundle.js';
import { findBrowser, PdfError } from '../../sim/report/pdf.js';
import { segsim } from '../web/browser.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pageTexts(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(
      content.items
        .map((x) => ('str' in x ? x.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('segsim report --pdf', () => {
  it('writes a PDF whose first page holds the verdict, every design and the loss in the scenario’s currency', async () => {
    const pdf = join(dir, 'pharma.pdf');
    const html = join(dir, 'pharma.html');
    const r = segsim(['report', 'scenarios/pharma.yaml', '--runs', '10', '--pdf', pdf, '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .*pharma\.pdf \(\d+ kB\): 5 designs × 4 attacks × 10 runs, seed 1, printed by /);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const bundle = JSON.parse(
      /<script type="application\/json" id="segsim-bundle">([\s\S]*?)<\/script>/.exec(readFileSync(html, 'utf8'))![1]!,
    ) as ResultsBundle;
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const first = pages[0]!;
    // Text is cut into runs where the line wraps: compare without the spaces.
    const flat = (s: string) => squash(s).replace(/ /g, '');
    expect(flat(first)).toContain(flat(bundle.overview!));
    for (const d of bundle.designs) {
      expect(flat(first)).toContain(flat(d.name!));
      expect(first).toContain(d.id);
    }
    expect(first).toMatch(/€[\d.]+[KM]? mean loss/);
    expect(first).toContain('Top fixes');
    expect(pages[1]).toContain('Appendix A');
  }, 120_000);

  it('with no browser anywhere, says how to install one', () => {
    let error: unknown;
    try {
      findBrowser(undefined, [join(dir, 'nothing-here')]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).code).toBe('NO_BROWSER');
    expect((error as PdfError).message).toContain('sudo apt-get install chromium');
    expect((error as PdfError).message).toContain('--browser PATH or SEGSIM_BROWSER');
  });

  it('stops before running anything, naming how to install a browser, when it finds none', () => {
    const r = segsim([
      'report',
      'scenarios/pharma.yaml',
      '--runs',
      '1',
      '--pdf',
      join(dir, 'never.pdf'),
      '--browser',
      join(dir, 'no-such-chromium'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`no browser at ${join(dir, 'no-such-chromium')}`);
    expect(r.stdout).toBe('');
  });
});
