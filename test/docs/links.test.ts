import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brokenLinks, extractLinks, headingAnchors, slug, type Files } from './markdownLinks.js';

const ROOT = join(import.meta.dirname, '..', '..');

const disk: Files = {
  exists: (path) => existsSync(join(ROOT, path)),
  read: (path) => readFileSync(join(ROOT, path), 'utf8'),
};

const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

describe('the link checker', () => {
  const sample = [
    '# Sample page',
    '## Static blast radius (worst case)',
    'See [the tour](tour.md#the-first-comparison), [a missing page](nowhere.md) and',
    '![a picture](../reports/missing.png), [a section](#sample-page), [the web](https://example.com),',
    '[a wrong heading](tour.md#no-such-heading) and [the root](../README.md).',
    '`[not a link](in-code.md)`',
    '```',
    '[nor this](in-a-fence.md)',
    '```',
  ].join('\n');
  const files: Files = {
    exists: (path) => ['docs/tour.md', 'README.md'].includes(path),
    read: (path) => (path === 'docs/tour.md' ? '# Tour\n\n## The first comparison\n' : ''),
  };

  it('finds links and images outside code only', () => {
    expect(extractLinks(sample).map((l) => l.target)).toEqual([
      'tour.md#the-first-comparison',
      'nowhere.md',
      '../reports/missing.png',
      '#sample-page',
      'https://example.com',
      'tour.md#no-such-heading',
      '../README.md',
    ]);
  });

  it('reports a missing file, a missing image and a missing heading, and nothing else', () => {
    expect(brokenLinks('docs/sample.md', sample, files)).toEqual([
      'docs/sample.md:3  nowhere.md  no such file (docs/nowhere.md)',
      'docs/sample.md:4  ../reports/missing.png  no such file (reports/missing.png)',
      'docs/sample.md:5  tour.md#no-such-heading  no heading #no-such-heading in docs/tour.md',
    ]);
  });

  it('makes anchors as GitHub does', () => {
    expect(slug('Static blast radius (worst case)')).toBe('static-blast-radius-worst-case');
    expect(slug('Pharmaceutical plant — `pharma.yaml` (reference)')).toBe('pharmaceutical-plant--pharmayaml-reference');
    expect([...headingAnchors('## Notes\n## Notes\n```\n# not a heading\n```\n')]).toEqual(['notes', 'notes-1']);
  });
});

describe('README.md and docs/', () => {
  it.each(pages)('%s: every relative link and image leads somewhere', (page) => {
    expect(brokenLinks(page, readFileSync(join(ROOT, page), 'utf8'), disk)).toEqual([]);
  });

  it('README.md links every page in docs/', () => {
    const targets = new Set(
      extractLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target.split('#')[0]),
    );
    expect(pages.filter((p) => p !== 'README.md' && !targets.has(p))).toEqual([]);
  });

  it('README.md is at most 10 KiB', () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(10 * 1024);
  });
});
