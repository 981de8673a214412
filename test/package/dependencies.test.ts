// What runs when a user runs segsim: build tools (tsx, esbuild, Vite) never do; the library needs
// only its runtime dependencies; the command line's own packages are inlined into its bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const BUILD_TOOLS = /^(tsx|esbuild|vite|@esbuild\/|@vitejs\/|vite-)/;
/** Dev dependencies the build inlines into dist/cli; the library never imports them. */
const INLINED_IN_CLI = ['commander', 'cli-progress'];

const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );

const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** The packages a file imports: static and dynamic imports, re-exports, require (as TypeScript reads them). */
function imports(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map(packageOf);
}

const sources = files(join(ROOT, 'sim'), /\.ts$/).map((f) => ({ file: relative(ROOT, f), uses: imports(f) }));

describe('runtime imports', () => {
  it('no file under sim/ imports a build tool', () => {
    expect(sources.filter((s) => s.uses.some((u) => BUILD_TOOLS.test(u)))).toEqual([]);
  });

  it('no build tool is a runtime dependency', () => {
    expect(Object.keys(pkg.dependencies).filter((d) => BUILD_TOOLS.test(d))).toEqual([]);
  });

  it('the library imports only runtime dependencies, the command line also what its bundle inlines', () => {
    const allowed = (file: string) => [
      ...Object.keys(pkg.dependencies),
      ...(file.startsWith('sim/cli/') ? INLINED_IN_CLI : []),
    ];
    const stray = sources.flatMap((s) =>
      s.uses.filter((u) => !allowed(s.file).includes(u)).map((u) => `${s.file}: ${u}`),
    );
    expect(stray).toEqual([]);
  });

  it('every runtime dependency is used', () => {
    const used = new Set(sources.flatMap((s) => s.uses));
    expect(Object.keys(pkg.dependencies).filter((d) => !used.has(d))).toEqual([]);
  });

  it('segsim/policy loads the policy decision point and its hashing, nothing else of segsim', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName))
        if (spec.startsWith('.')) visit(join(file, '..', spec));
        else packages.add(packageOf(spec));
    };
    visit(join(ROOT, 'dist/policy/index.js'));
    const outside = [...seen].map((f) => relative(join(ROOT, 'dist'), f)).filter((f) => !f.startsWith('policy/'));
    expect(outside.sort()).toEqual(['model/catalog.js', 'model/suggest.js']);
    expect([...packages].sort()).toEqual(['@noble/hashes', 'canonicalize']);
  });

  it('the compiled code imports no build tool', () => {
    const built = files(join(ROOT, 'dist'), /\.js$/);
    expect(built.length).toBeGreaterThan(0);
    expect(built.filter((f) => imports(f).some((u) => BUILD_TOOLS.test(u))).map((f) => relative(ROOT, f))).toEqual([]);
  });
});
